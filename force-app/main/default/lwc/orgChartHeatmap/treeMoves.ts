/**
 * Keyboard moves along the drawn org chart: up to the manager, down to the first report, left and right
 * to colleagues (drawn roots count as colleagues of each other); in a stacked column up and down move to
 * the colleague above or below. Pure functions of the layout.
 */
import type { OrgLayout } from 'c/keyplanCore';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The drawn people without a drawn manager, left to right. */
export function drawnRoots(layout: Pick<OrgLayout, 'nodes' | 'nodeById'>): string[] {
  return layout.nodes
    .filter((n) => n.parentId === null || !layout.nodeById.has(n.parentId))
    .sort((a, b) => a.x1 - b.x1)
    .map((n) => n.id);
}

/**
 * The person a move from `id` lands on, or null (not drawn, or nothing that way). `childrenOf` lists every
 * report in chart order; only drawn ones count.
 */
export function neighbour(
  layout: Pick<OrgLayout, 'nodes' | 'nodeById'>,
  childrenOf: ReadonlyMap<string, readonly string[]>,
  id: string,
  direction: Direction
): string | null {
  const node = layout.nodeById.get(id);
  if (!node) return null;
  const drawnChildren = (of: string): string[] =>
    (childrenOf.get(of) ?? []).filter((k) => layout.nodeById.has(k));
  const parent = node.parentId !== null && layout.nodeById.has(node.parentId) ? node.parentId : null;
  const siblings = parent === null ? drawnRoots(layout) : drawnChildren(parent);
  const i = siblings.indexOf(id);
  // In a stacked column (compact chart) up and down also move to the colleague above or below.
  const stackedWith = (j: number, below: boolean): string | null => {
    const other = j >= 0 && j < siblings.length ? layout.nodeById.get(siblings[j]) : undefined;
    return other && other.x1 === node.x1 && other.y1 > node.y1 === below ? other.id : null;
  };
  if (direction === 'up') return stackedWith(i - 1, false) ?? parent;
  if (direction === 'down') return drawnChildren(id)[0] ?? stackedWith(i + 1, true);
  const j = direction === 'left' ? i - 1 : i + 1;
  return j >= 0 && j < siblings.length ? siblings[j] : null;
}
