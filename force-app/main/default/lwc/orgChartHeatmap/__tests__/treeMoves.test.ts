import type { LaidOutNode } from 'c/keyplanCore';
import { drawnRoots, neighbour } from '../treeMoves';

const box = (id: string, parentId: string | null, x: number): LaidOutNode => ({
  id,
  parentId,
  depth: 0,
  x1: x,
  y1: 0,
  x2: x + 10,
  y2: 10,
  childCount: 0,
  hiddenDescendants: 0,
  collapsed: false
});

describe('orgChartHeatmap keyboard moves', () => {
  // r1 (drawn) has reports a, hidden, b; r0 is a second root to the left; x's manager is not drawn.
  const nodes = [
    box('r1', null, 100),
    box('a', 'r1', 80),
    box('b', 'r1', 120),
    box('r0', null, 0),
    box('x', 'gone', 50)
  ];
  const layout = { nodes, nodeById: new Map(nodes.map((n) => [n.id, n])) };
  const childrenOf = new Map([['r1', ['a', 'hidden', 'b']]]);

  it('orders the drawn roots left to right, counting people whose manager is not drawn', () => {
    expect(drawnRoots(layout)).toEqual(['r0', 'x', 'r1']);
    expect(drawnRoots({ nodes: [], nodeById: new Map() })).toEqual([]);
  });

  it('moves to the manager, the first drawn report and drawn colleagues', () => {
    expect(neighbour(layout, childrenOf, 'a', 'up')).toBe('r1');
    expect(neighbour(layout, childrenOf, 'r1', 'up')).toBeNull();
    expect(neighbour(layout, childrenOf, 'r1', 'down')).toBe('a');
    expect(neighbour(layout, childrenOf, 'a', 'right')).toBe('b');
    expect(neighbour(layout, childrenOf, 'b', 'right')).toBeNull();
    expect(neighbour(layout, childrenOf, 'r1', 'left')).toBe('x');
    expect(neighbour(layout, childrenOf, 'r0', 'left')).toBeNull();
    expect(neighbour(layout, childrenOf, 'hidden', 'up')).toBeNull();
  });

  it('moves up and down a stacked column to the colleague above or below', () => {
    const at = (id: string, x: number, y: number): LaidOutNode => ({ ...box(id, 'm', x), y1: y, y2: y + 10 });
    // m leads a column s1, s2, s3 (same left edge, one below the other) and a manager t beside it.
    const column = [box('m', null, 0), at('s1', 0, 50), at('s2', 0, 70), at('s3', 0, 90), at('t', 40, 50)];
    const stack = { nodes: column, nodeById: new Map(column.map((n) => [n.id, n])) };
    const kids = new Map([['m', ['s1', 's2', 's3', 't']]]);
    expect(neighbour(stack, kids, 's1', 'down')).toBe('s2');
    expect(neighbour(stack, kids, 's2', 'down')).toBe('s3');
    expect(neighbour(stack, kids, 's3', 'down')).toBeNull();
    expect(neighbour(stack, kids, 's3', 'up')).toBe('s2');
    expect(neighbour(stack, kids, 's1', 'up')).toBe('m');
    // t stands beside the column: up is its manager, not the colleague to its left.
    expect(neighbour(stack, kids, 't', 'up')).toBe('m');
    expect(neighbour(stack, kids, 's3', 'right')).toBe('t');
  });
});
