import type { LaidOutNode, PlacedLink } from 'c/keyplanCore';
import type { RelationshipLinkDto } from '@keyplan/contracts';
import { linkView, mergeParallel } from '../linkGeometry';

const box = (id: string, x: number, y: number): LaidOutNode => ({
  id,
  parentId: null,
  depth: 0,
  x1: x,
  y1: y,
  x2: x + 100,
  y2: y + 50,
  childCount: 0,
  hiddenDescendants: 0,
  collapsed: false
});
const placed = (id: string, from: LaidOutNode, to: LaidOutNode, over: Partial<RelationshipLinkDto> = {}) =>
  ({
    link: { id, strength: 3, frequency: 'Monthly', polarity: 'Positive', ...over } as RelationshipLinkDto,
    fromNodeId: from.id,
    toNodeId: to.id,
    attached: false,
    x1: (from.x1 + from.x2) / 2,
    y1: (from.y1 + from.y2) / 2,
    x2: (to.x1 + to.x2) / 2,
    y2: (to.y1 + to.y2) / 2
  }) as PlacedLink<RelationshipLinkDto>;

describe('orgChartHeatmap link geometry', () => {
  const a = box('a', 0, 0);
  const b = box('b', 1000, 0);

  it('draws one line per pair and direction, the strongest link standing for the others', () => {
    const weak = placed('weak', a, b, { strength: 1, frequency: 'Rarely' });
    const strong = placed('strong', a, b, { strength: 5, frequency: 'Weekly' });
    const back = placed('back', b, a);
    const { placed: kept, counts } = mergeParallel([weak, strong, back]);
    expect(kept.map((p) => p.link.id).sort()).toEqual(['back', 'strong']);
    expect(counts.get('strong')).toBe(2);
    expect(counts.get('back')).toBe(1);
  });

  it('ends the curve on the box borders with an arrowhead at the target', () => {
    const v = linkView(placed('x', a, b), a, b, 2);
    expect(v.key).toBe('l-x');
    expect(v.count).toBe(2);
    expect(v.d).toMatch(/^M102 25Q/);
    expect(v.arrow.startsWith('998,25 ')).toBe(true);
  });

  it('cuts a link with one end drawn to `reach` from that end (no arrow when the target is off)', () => {
    const full = linkView(placed('x', a, b), a, b, 1, 'both', 100);
    const fromEnd = linkView(placed('x', a, b), a, b, 1, 'from', 100);
    const toEnd = linkView(placed('x', a, b), a, b, 1, 'to', 100);
    expect(fromEnd.d.startsWith('M102 25Q')).toBe(true);
    expect(fromEnd.arrow).toBe('');
    const endOf = (d: string): number => Number(/ (-?[\d.]+) (-?[\d.]+)$/.exec(d)![1]);
    expect(endOf(fromEnd.d)).toBeLessThan(250);
    expect(toEnd.arrow).toBe(full.arrow);
    expect(Number(/^M(-?[\d.]+)/.exec(toEnd.d)![1])).toBeGreaterThan(850);
    expect(full.d).not.toBe(fromEnd.d);
  });
});
