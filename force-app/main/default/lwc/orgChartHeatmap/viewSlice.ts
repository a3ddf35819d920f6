/**
 * What the org chart draws inside the viewport: the people, reporting lines and links the viewport index
 * returns for a rectangle, capped so the DOM stays small. Pure: the caller turns boxes and links into views.
 */
import type { LaidOutNode, PlacedLink, Rect, ViewportIndex } from 'c/keyplanCore';
import type { RelationshipLinkDto } from '@keyplan/contracts';
import type { LinkView } from './linkGeometry';
import type { NodeView } from './nodeView';

/** Above this many people in view the DOM would get slow: the nearest to the centre are drawn. */
export const MAX_DOM_NODES = 500;
/** Reporting lines: one per drawn person at most, bounded anyway. */
export const MAX_DOM_LINES = 600;
/**
 * Relationship links drawn at once. Each is a curved, often dashed SVG path the browser re-rasterises
 * whenever the chart changes, so they are bounded much tighter than nodes (links between drawn people first).
 */
export const MAX_DOM_LINKS = 250;

export interface LineView {
  key: string;
  d: string;
}

export interface ViewSlice {
  nodes: NodeView[];
  edges: LineView[];
  links: LinkView[];
  /** People inside the rectangle (before the DOM cap). */
  inView: number;
  /** True when some people in view were left out to keep the DOM small. */
  capped: boolean;
}

type Placed = PlacedLink<RelationshipLinkDto>;

/**
 * The slice of `hit` (the index's answer for `rect`) to draw: at most MAX_DOM_NODES people (the nearest
 * to the centre), the reporting lines touching them, and the links with at least one end drawn.
 */
export function cutSlice(
  hit: ReturnType<ViewportIndex<RelationshipLinkDto>['query']>,
  rect: Rect,
  drawNode: (n: LaidOutNode) => NodeView,
  drawLink: (p: Placed, drawnEnd?: 'both' | 'from' | 'to', reach?: number) => LinkView
): ViewSlice {
  let nodes = hit.nodes;
  const inView = nodes.length;
  const capped = inView > MAX_DOM_NODES;
  if (capped) {
    const cx = (rect.x1 + rect.x2) / 2;
    const cy = (rect.y1 + rect.y2) / 2;
    const dist = (n: LaidOutNode): number =>
      Math.abs((n.x1 + n.x2) / 2 - cx) + Math.abs((n.y1 + n.y2) / 2 - cy);
    nodes = [...nodes].sort((a, b) => dist(a) - dist(b)).slice(0, MAX_DOM_NODES);
  }
  const drawn = new Set<string>();
  for (const n of nodes) drawn.add(n.id);
  const nodeViews = nodes.map(drawNode);
  const edges: LineView[] = [];
  for (const e of hit.edges) {
    if (edges.length >= MAX_DOM_LINES) break;
    if (!drawn.has(e.toId) && !drawn.has(e.fromId)) continue;
    // A stacked report: down, across to the column's line, down it, then right into the card.
    const d =
      e.viaX === undefined
        ? `M${e.x1} ${e.y1}V${(e.y1 + e.y2) / 2}H${e.x2}V${e.y2}`
        : `M${e.x1} ${e.y1}V${e.viaY}H${e.viaX}V${e.y2}H${e.x2}`;
    edges.push({ key: `e-${e.toId}`, d });
  }
  // Links between two drawn people first, then those with one end drawn; none that only pass through.
  const both: Placed[] = [];
  const one: Placed[] = [];
  for (const p of hit.links) {
    const a = drawn.has(p.fromNodeId);
    const b = drawn.has(p.toNodeId);
    if (a && b) both.push(p);
    else if (a || b) one.push(p);
  }
  const reach = Math.hypot(rect.x2 - rect.x1, rect.y2 - rect.y1) / 2;
  const links = [
    ...both.slice(0, MAX_DOM_LINKS).map((p) => drawLink(p)),
    ...one
      .slice(0, Math.max(0, MAX_DOM_LINKS - both.length))
      .map((p) => drawLink(p, drawn.has(p.fromNodeId) ? 'from' : 'to', reach))
  ];
  return { nodes: nodeViews, edges, links, inView, capped };
}
