/**
 * Matrix phase 2, rows and columns: the shown offerings in sort order, and the shown buying centers
 * in tree order (parent loops and unknown parents become top-level rows).
 */
import type { MatrixBuyingCenter, MatrixOffering } from '@keyplan/contracts';
import { breakParentLoops } from './parentLoops';

export interface MatrixRow {
  buyingCenter: MatrixBuyingCenter;
  depth: number;
  parentId: string | null;
  childIds: string[];
}

export const bySortThenName = <T extends { sortOrder: number | null; name: string; id: string }>(
  a: T,
  b: T
): number => {
  const sa = a.sortOrder ?? Number.MAX_SAFE_INTEGER;
  const sb = b.sortOrder ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sa - sb;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** Active offerings, and inactive ones with money (or all with includeInactive), sorted. */
export function shownColumns(
  offerings: readonly MatrixOffering[],
  offInput: Map<string, number>,
  usedOff: Uint8Array,
  includeInactive: boolean
): MatrixOffering[] {
  return offerings
    .filter((o) => o.active || includeInactive || usedOff[offInput.get(o.id) as number] === 1)
    .sort(bySortThenName);
}

/** The shown buying centers as rows in tree order, with the ids whose parent loop was broken. */
export function treeRows(
  buyingCenters: readonly MatrixBuyingCenter[],
  bcInput: Map<string, number>,
  usedBc: Uint8Array,
  includeInactive: boolean
): { rows: MatrixRow[]; repairedBuyingCenters: string[] } {
  const shownBc = buyingCenters.filter(
    (b) => b.active || includeInactive || usedBc[bcInput.get(b.id) as number] === 1
  );
  const shownIds = new Set(shownBc.map((b) => b.id));
  const parentOf = new Map<string, string | null>();
  for (const b of shownBc)
    parentOf.set(b.id, b.parentId && shownIds.has(b.parentId) && b.parentId !== b.id ? b.parentId : null);
  const repairedBuyingCenters = breakParentLoops(
    shownBc.map((b) => b.id),
    parentOf
  ).map((l) => l.id);
  const kids = new Map<string | null, MatrixBuyingCenter[]>();
  for (const b of shownBc) {
    const p = parentOf.get(b.id) ?? null;
    const list = kids.get(p);
    if (list) list.push(b);
    else kids.set(p, [b]);
  }
  for (const list of kids.values()) list.sort(bySortThenName);
  const rows: MatrixRow[] = [];
  const stack: { b: MatrixBuyingCenter; depth: number }[] = (kids.get(null) ?? [])
    .map((b) => ({ b, depth: 0 }))
    .reverse();
  while (stack.length) {
    const { b, depth } = stack.pop() as { b: MatrixBuyingCenter; depth: number };
    const children = kids.get(b.id) ?? [];
    rows.push({
      buyingCenter: b,
      depth,
      parentId: parentOf.get(b.id) ?? null,
      childIds: children.map((c) => c.id)
    });
    for (let k = children.length - 1; k >= 0; k--) stack.push({ b: children[k], depth: depth + 1 });
  }
  return { rows, repairedBuyingCenters };
}
