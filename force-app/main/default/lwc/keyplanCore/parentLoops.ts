/**
 * Parent chains that loop (A under B under A), as data entered elsewhere can have them: reporting lines in
 * the org chart, parent buying centers in the matrix. Both trees are drawn from the same repair: walk up from
 * each unvisited node; meeting the current walk again is a loop, and the loop's lowest id becomes top level.
 */

/** A loop that was broken: the node made top level, the parent it had, and the loop's length. */
export interface BrokenLoop {
  id: string;
  parent: string | null;
  length: number;
}

/**
 * Breaks every loop in `parentOf` (id -> parent id or null) in place, visiting `ids` in order; returns the
 * loops broken, in the order found.
 */
export function breakParentLoops(ids: Iterable<string>, parentOf: Map<string, string | null>): BrokenLoop[] {
  const broken: BrokenLoop[] = [];
  const walkOf = new Map<string, number>(); // id -> walk number that visited it
  let walk = 0;
  for (const start of ids) {
    if (walkOf.has(start)) continue;
    walk++;
    const path: string[] = [];
    let cur: string | null = start;
    while (cur !== null && !walkOf.has(cur)) {
      walkOf.set(cur, walk);
      path.push(cur);
      cur = parentOf.get(cur) ?? null;
    }
    if (cur !== null && walkOf.get(cur) === walk) {
      const loop = path.slice(path.indexOf(cur));
      let breakAt = loop[0];
      for (const id of loop) if (id < breakAt) breakAt = id;
      broken.push({ id: breakAt, parent: parentOf.get(breakAt) ?? null, length: loop.length });
      parentOf.set(breakAt, null);
    }
  }
  return broken;
}
