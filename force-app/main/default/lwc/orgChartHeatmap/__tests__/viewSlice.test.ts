import type { LaidOutNode, PlacedLink, ReportingEdge } from 'c/keyplanCore';
import type { RelationshipLinkDto } from '@keyplan/contracts';
import { MAX_DOM_LINKS, MAX_DOM_NODES, cutSlice } from '../viewSlice';
import type { LinkView, NodeView } from '../viewModel';

const box = (id: string, x: number): LaidOutNode => ({
  id,
  parentId: null,
  depth: 0,
  x1: x,
  y1: 0,
  x2: x + 10,
  y2: 10,
  childCount: 0,
  hiddenDescendants: 0,
  collapsed: false
});
const drawNode = (n: LaidOutNode): NodeView => ({ id: n.id }) as NodeView;
const drawLink = (p: PlacedLink<RelationshipLinkDto>, end = 'both', reach = Infinity): LinkView =>
  ({ linkId: p.link.id, d: `${end}:${reach}` }) as LinkView;
const placed = (id: string, from: string, to: string) =>
  ({ link: { id }, fromNodeId: from, toNodeId: to }) as PlacedLink<RelationshipLinkDto>;

describe('orgChartHeatmap view slice', () => {
  it('draws at most MAX_DOM_NODES people, the nearest to the centre, and says it capped', () => {
    const nodes = Array.from({ length: MAX_DOM_NODES + 20 }, (_, i) => box(`n${i}`, i * 20));
    const rect = { x1: 0, y1: 0, x2: 20 * (MAX_DOM_NODES + 20), y2: 10 };
    const slice = cutSlice({ nodes, edges: [], links: [] }, rect, drawNode, drawLink);
    expect(slice.capped).toBe(true);
    expect(slice.inView).toBe(MAX_DOM_NODES + 20);
    expect(slice.nodes).toHaveLength(MAX_DOM_NODES);
    const ids = new Set(slice.nodes.map((n) => n.id));
    expect(ids.has('n0')).toBe(false);
    expect(ids.has(`n${(MAX_DOM_NODES + 20) / 2}`)).toBe(true);
  });

  it('keeps reporting lines and links touching a drawn person, links between drawn people first', () => {
    const nodes = [box('a', 0), box('b', 20)];
    const edges = [
      { fromId: 'a', toId: 'b', x1: 5, y1: 10, x2: 25, y2: 30 },
      { fromId: 'x', toId: 'y', x1: 0, y1: 0, x2: 0, y2: 0 }
    ] as ReportingEdge[];
    const links = [placed('half', 'a', 'far'), placed('pass', 'far', 'away'), placed('both', 'a', 'b')];
    const slice = cutSlice({ nodes, edges, links }, { x1: 0, y1: 0, x2: 30, y2: 40 }, drawNode, drawLink);
    expect(slice.capped).toBe(false);
    expect(slice.edges).toEqual([{ key: 'e-b', d: 'M5 10V20H25V30' }]);
    expect(slice.links.map((l) => [l.linkId, l.d])).toEqual([
      ['both', 'both:Infinity'],
      ['half', 'from:25']
    ]);
    const many = Array.from({ length: MAX_DOM_LINKS + 5 }, (_, i) => placed(`l${i}`, 'a', 'b'));
    expect(
      cutSlice({ nodes, edges: [], links: many }, { x1: 0, y1: 0, x2: 30, y2: 40 }, drawNode, drawLink).links
    ).toHaveLength(MAX_DOM_LINKS);
  });
});
