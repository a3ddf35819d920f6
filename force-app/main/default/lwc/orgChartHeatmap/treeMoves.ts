/**
 * Keyboard moves along the drawn org chart: up to the manager, down to the first report, left and right
 * to colleagues (drawn roots count as colleagues of each other). Pure functions of the layout.
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
  if (direction === 'up') return parent;
  if (direction === 'down') return drawnChildren(id)[0] ?? null;
  const siblings = parent === null ? drawnRoots(layout) : drawnChildren(parent);
  const i = siblings.indexOf(id);
  const j = direction === 'left' ? i - 1 : i + 1;
  return j >= 0 && j < siblings.length ? siblings[j] : null;
}
