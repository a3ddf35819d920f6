/**
 * The compact org chart layout (as d3-org-chart's compact mode and most org-chart tools draw it):
 * people without reports hang in a column under their manager, and only managers spread sideways.
 * A small team (a manager whose reports have none, fitting one column) stacks as a block: the manager
 * in the column, their team indented below them.
 * A tidy tree gives every person a slot on the bottom row, so 8,000 individual contributors make a
 * chart a million pixels wide; stacked, a team of six takes one card's width.
 *
 * Managers are placed like a tidy tree (Reingold-Tilford): each subtree keeps its left and right
 * contour per level and is pushed right of its older siblings until no level overlaps; the manager
 * sits centred over its first and last item. A column of stacked people is one item that spans as many
 * levels as it is tall. Contours are merged smaller-into-larger with a lazy offset, so the work is
 * linear in the people drawn (no recursion: a 10,000-deep chain is fine).
 */

/** What the compact layout needs to know about the drawn forest. */
export interface CompactInput {
  /** Drawn roots, left to right. */
  roots: readonly string[];
  /** Drawn reports of a drawn person (undefined or empty: none). */
  kidsOf: (id: string) => readonly string[] | undefined;
  /** Called only for a person with no drawn reports: true when they have reports that are hidden
   * (collapsed, beyond focus). People without any reports are stacked; these are not. */
  hasHiddenReports: (id: string) => boolean;
  widthOf: (id: string) => number;
  heightOf: (id: string) => number;
  siblingGap: number;
  cousinGap: number;
  /** Distance between the tops of two levels (tallest box plus the level gap). */
  levelHeight: number;
  levelGap: number;
  /** Distance between the tops of two stacked people. */
  stackPitch: number;
  /** Space left of a column for its connector line. */
  indent: number;
  /** Most people in one column; a bigger team gets several columns side by side. */
  maxStack: number;
}

/** Where everyone goes, in pre-order (a manager before their reports). */
export interface CompactPlacement {
  ids: string[];
  /** Index of the drawn manager in `ids`, -1 for a root. */
  parent: Int32Array;
  /** Levels below the top (a stacked person is one level below their manager). */
  depth: Int32Array;
  /** Centre x and top y of each box (x not yet shifted to start at 0). */
  x: Float64Array;
  y: Float64Array;
  /** For a stacked person with a manager: x of the column's connector line; NaN otherwise. */
  spineX: Float64Array;
  /** y where a manager's connector turns sideways (between the manager and the level below); by index. */
  turnY: Float64Array;
  /** 0: on a level of the tree; 1: stacked in a column; 2: stacked, indented under a stacked manager. */
  stacked: Uint8Array;
}

/** A subtree's outline: per level (stored bottom level first), leftmost and rightmost x, plus `off`. */
interface Contour {
  L: number[];
  R: number[];
  off: number;
}

/** Puts `item` right of `acc` with `gap0` on their top level and `gap` below; returns the merged outline and the item's offset. */
/** Reverses `list` from index `from` to the end, in place. */
function reverseFrom<T>(list: T[], from: number): void {
  for (let i = from, j = list.length - 1; i < j; i++, j--) {
    const t = list[i];
    list[i] = list[j];
    list[j] = t;
  }
}

function merge(acc: Contour, item: Contour, gap0: number, gap: number): [Contour, number] {
  const la = acc.L.length;
  const li = item.L.length;
  const common = la < li ? la : li;
  let s = -Infinity;
  for (let k = 0; k < common; k++) {
    const need = acc.R[la - 1 - k] + acc.off - item.L[li - 1 - k] - item.off + (k === 0 ? gap0 : gap);
    if (need > s) s = need;
  }
  if (li <= la) {
    for (let k = 0; k < li; k++) acc.R[la - 1 - k] = item.R[li - 1 - k] + item.off + s - acc.off;
    return [acc, s];
  }
  item.off += s;
  for (let k = 0; k < la; k++) item.L[li - 1 - k] = acc.L[la - 1 - k] + acc.off - item.off;
  return [item, s];
}

export function compactLayout(p: CompactInput): CompactPlacement {
  // 1. Pre-order walk: every drawn person, their manager, depth and what they lead.
  const ids: string[] = [];
  const parentList: number[] = [];
  const stackedList: number[] = [];
  /** Per manager (by index): their columns of stacked reports and their reports that are managers. */
  const columns: (number[][] | undefined)[] = [];
  const treeKids: (number[] | undefined)[] = [];
  const todoId: string[] = [];
  const todoParent: number[] = [];
  const todoKids: (readonly string[] | undefined)[] = [];
  const rootLeaves: number[] = [];
  const rootIdx: number[] = [];
  const add = (id: string, parent: number, stacked: number): number => {
    ids.push(id);
    parentList.push(parent);
    stackedList.push(stacked);
    // Kept dense (no holes): a sparse array turns into a slow dictionary.
    columns.push(undefined);
    treeKids.push(undefined);
    return ids.length - 1;
  };
  // One kidsOf call per person: a person's drawn reports are looked up when their manager is walked.
  const isLeaf = (id: string, kids: readonly string[] | undefined): boolean =>
    (!kids || kids.length === 0) && !p.hasHiddenReports(id);
  /** Reports that fit one column with their manager and have no reports themselves. */
  const isTeam = (kids: readonly string[] | undefined): boolean => {
    if (!kids || kids.length === 0 || kids.length + 1 > p.maxStack) return false;
    for (const g of kids) if (!isLeaf(g, p.kidsOf(g))) return false;
    return true;
  };
  for (let r = p.roots.length - 1; r >= 0; r--) {
    todoId.push(p.roots[r]);
    todoParent.push(-1);
    todoKids.push(p.kidsOf(p.roots[r]));
  }
  while (todoId.length) {
    const id = todoId.pop() as string;
    const parent = todoParent.pop() as number;
    const kids = todoKids.pop();
    if (parent < 0 && isLeaf(id, kids)) {
      rootLeaves.push(add(id, -1, 1));
      continue;
    }
    const i = add(id, parent, 0);
    if (parent < 0) rootIdx.push(i);
    else (treeKids[parent] ??= []).push(i);
    if (!kids || kids.length === 0) continue;
    let column: number[] | null = null;
    let cols: number[][] | undefined;
    const firstRest = todoId.length;
    const room = (rows: number): number[] => {
      if (!column || column.length + rows > p.maxStack) (cols ??= []).push((column = []));
      return column;
    };
    for (let k = 0; k < kids.length; k++) {
      const kid = kids[k];
      const grandKids = p.kidsOf(kid);
      if (isLeaf(kid, grandKids)) room(1).push(add(kid, i, 1));
      else if (isTeam(grandKids as readonly string[])) {
        // A manager whose reports all have none: the team stacks as a block, indented under them.
        const col = room(1 + (grandKids as readonly string[]).length);
        const head = add(kid, i, 1);
        col.push(head);
        for (const g of grandKids as readonly string[]) col.push(add(g, head, 2));
      } else {
        todoId.push(kid);
        todoParent.push(i);
        todoKids.push(grandKids);
      }
    }
    columns[i] = cols;
    // Walked in order: the first report that is a manager must come off the stack first.
    reverseFrom(todoId, firstRest);
    reverseFrom(todoParent, firstRest);
    reverseFrom(todoKids, firstRest);
  }
  const n = ids.length;
  const stacked = Uint8Array.from(stackedList);
  const parent = Int32Array.from(parentList);
  const depth = new Int32Array(n);
  for (let i = 0; i < n; i++) depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
  const width = new Float64Array(n);
  for (let i = 0; i < n; i++) width[i] = p.widthOf(ids[i]);
  // Level of a manager or root (stacked people hang in their manager's columns, below its level).
  const band = depth;

  const columnWidth = (col: number[]): number => {
    let w = 0;
    for (const i of col) {
      const right = width[i] + (stacked[i] === 2 ? p.indent : 0);
      if (right > w) w = right;
    }
    return w + p.indent;
  };
  const columnContour = (col: number[], w: number): Contour => {
    // Tall enough that the level below the column starts clear of it (and of connectors turning there).
    const tall = col.length * p.stackPitch + p.levelGap / 2;
    const levels = Math.max(1, Math.ceil(tall / p.levelHeight));
    return { L: new Array<number>(levels).fill(-w / 2), R: new Array<number>(levels).fill(w / 2), off: 0 };
  };

  // 2. Bottom-up (reverse pre-order): each manager's outline and its items' offsets from its centre.
  const rel = new Float64Array(n);
  const colRel: (number[] | null)[] = new Array<number[] | null>(n).fill(null);
  const outline: (Contour | null)[] = new Array<Contour | null>(n).fill(null);
  const layItems = (items: Contour[], gap0: number): { acc: Contour | null; offsets: number[] } => {
    let acc: Contour | null = null;
    const offsets: number[] = [];
    for (const c of items) {
      if (!acc) {
        acc = c;
        offsets.push(0);
        continue;
      }
      const [merged, s] = merge(acc, c, gap0, p.cousinGap);
      acc = merged;
      offsets.push(s);
    }
    return { acc, offsets };
  };
  for (let i = n - 1; i >= 0; i--) {
    if (stacked[i]) continue;
    const cols = columns[i] ?? [];
    const kids = treeKids[i] ?? [];
    const items: Contour[] = [];
    for (const col of cols) items.push(columnContour(col, columnWidth(col)));
    for (const k of kids) items.push(outline[k] as Contour);
    const w = width[i];
    if (!items.length) {
      outline[i] = { L: [-w / 2], R: [w / 2], off: 0 };
      continue;
    }
    const { acc, offsets } = layItems(items, p.siblingGap);
    const c = acc as Contour;
    const mid = (offsets[0] + offsets[offsets.length - 1]) / 2;
    c.off -= mid;
    c.L.push(-w / 2 - c.off);
    c.R.push(w / 2 - c.off);
    outline[i] = c;
    const cr: number[] = [];
    for (let k = 0; k < cols.length; k++) cr.push(offsets[k] - mid);
    colRel[i] = cr;
    for (let k = 0; k < kids.length; k++) {
      rel[kids[k]] = offsets[cols.length + k] - mid;
      outline[kids[k]] = null;
    }
  }

  // 3. Roots side by side (people without manager or reports in columns at the right), then top-down.
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const spineX = new Float64Array(n).fill(NaN);
  const turnY = new Float64Array(n).fill(NaN);
  const loose: number[][] = [];
  for (let k = 0; k < rootLeaves.length; k += p.maxStack) loose.push(rootLeaves.slice(k, k + p.maxStack));
  const rootItems: Contour[] = rootIdx.map((i) => outline[i] as Contour);
  for (const col of loose) rootItems.push(columnContour(col, columnWidth(col)));
  const { offsets } = layItems(rootItems, p.cousinGap);
  rootIdx.forEach((i, k) => (x[i] = offsets[k]));
  const stackColumn = (col: number[], cx: number, top: number, manager: number): void => {
    const w = columnWidth(col);
    const left = cx - w / 2 + p.indent;
    const spine = manager >= 0 ? cx - w / 2 + p.indent / 2 : NaN;
    for (let k = 0; k < col.length; k++) {
      const j = col[k];
      y[j] = top + k * p.stackPitch;
      if (stacked[j] === 2) {
        // A team member: indented under their manager (the row above them), on the manager's own line.
        const head = parent[j];
        x[j] = left + p.indent + width[j] / 2;
        spineX[j] = left + p.indent / 2;
        turnY[head] = y[head] + p.heightOf(ids[head]);
      } else {
        x[j] = left + width[j] / 2;
        spineX[j] = spine;
      }
    }
  };
  loose.forEach((col, k) => stackColumn(col, offsets[rootIdx.length + k], 0, -1));
  for (let i = 0; i < n; i++) {
    if (stacked[i]) continue;
    const par = parent[i];
    if (par >= 0) x[i] = x[par] + rel[i];
    y[i] = band[i] * p.levelHeight;
    const cols = columns[i];
    if (cols) {
      const cr = colRel[i] as number[];
      const top = (band[i] + 1) * p.levelHeight;
      for (let k = 0; k < cols.length; k++) stackColumn(cols[k], x[i] + cr[k], top, i);
    }
    if (cols || treeKids[i]) {
      // Half-way between the manager's bottom and the next level: where connectors turn sideways.
      turnY[i] = (y[i] + p.heightOf(ids[i]) + (band[i] + 1) * p.levelHeight) / 2;
    }
  }
  return { ids, parent, depth, x, y, spineX, turnY, stacked };
}
