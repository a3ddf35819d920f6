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
 * linear in the people drawn (no recursion: a 10,000-deep chain is fine). Everyone is an integer
 * position in typed arrays: no id strings, Maps or per-person closures in the loops (the layout must
 * cost no more CPU than d3-hierarchy's tree() on the same forest; see bench/core.bench.ts).
 */

/** What the compact layout needs to know about the drawn forest, by forest position (see OrgForest). */
export interface CompactInput {
  /** Drawn roots, left to right. */
  roots: ArrayLike<number>;
  /** Drawn reports of position i: kidList[kidStart[i]] .. kidList[kidStart[i + 1] - 1], in order. */
  kidStart: Int32Array;
  kidList: Int32Array;
  /** Reports of position i in the whole forest (drawn or not), same layout; null when every report is
   * drawn. A person with reports that are hidden (collapsed, beyond focus) is not stacked. */
  allKidStart: Int32Array | null;
  /** Box width and height by position, or one size for everyone. */
  width: Float64Array | number;
  height: Float64Array | number;
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

/** Where everyone goes, in placement order (a manager before their reports). */
export interface CompactPlacement {
  /** Forest position of each placed person. */
  at: Int32Array;
  /** Index of the drawn manager in placement order, -1 for a root. */
  parent: Int32Array;
  /** Levels below the top (a stacked person is one level below their manager). */
  depth: Int32Array;
  /** Box width and height. */
  width: Float64Array;
  height: Float64Array;
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

/**
 * Puts `item` right of `acc` with `gap0` on their top level and `gap` below; returns the item's offset.
 * The merged outline is `acc` when it is at least as tall as `item`, else `item`.
 */
function merge(acc: Contour, item: Contour, gap0: number, gap: number): number {
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
    return s;
  }
  item.off += s;
  for (let k = 0; k < la; k++) item.L[li - 1 - k] = acc.L[la - 1 - k] + acc.off - item.off;
  return s;
}

/** Working memory reused by every layout (a layout runs start to end; nothing here outlives it). */
let intScratch = new Int32Array(0);
let floatScratch = new Float64Array(0);
function scratchInts(size: number): Int32Array {
  if (intScratch.length < size) intScratch = new Int32Array(size);
  return intScratch;
}
function scratchFloats(size: number): Float64Array {
  if (floatScratch.length < size) floatScratch = new Float64Array(size);
  return floatScratch;
}

/** A column of `rows` stacked people `w` wide: tall enough that the level below starts clear of it. */
function columnContour(rows: number, w: number, p: CompactInput): Contour {
  const tall = rows * p.stackPitch + p.levelGap / 2;
  const levels = Math.max(1, Math.ceil(tall / p.levelHeight));
  return { L: new Array<number>(levels).fill(-w / 2), R: new Array<number>(levels).fill(w / 2), off: 0 };
}

export function compactLayout(p: CompactInput): CompactPlacement {
  const { kidStart, kidList, allKidStart, maxStack } = p;
  // Everyone drawn is a root or someone's drawn report.
  const n = p.roots.length + kidList.length;
  const at = new Int32Array(n);
  const parent = new Int32Array(n);
  const stacked = new Uint8Array(n);
  // Working memory (every slot below is written before it is read, except the -1 fills).
  const ints = scratchInts(9 * n);
  // Reports that are managers, as a linked list per manager (placement indices).
  const firstTree = ints.subarray(0, n).fill(-1);
  const lastTree = ints.subarray(n, 2 * n).fill(-1);
  const nextTree = ints.subarray(2 * n, 3 * n).fill(-1);
  // A manager's stacked reports are placed one after another, so each column is a range of placement
  // indices [colBegin, colEnd) and a manager's columns a range [colFrom, colTo) of the column table.
  const colFrom = ints.subarray(3 * n, 4 * n);
  const colTo = ints.subarray(4 * n, 5 * n);
  const colBegin = ints.subarray(5 * n, 6 * n);
  const colEnd = ints.subarray(6 * n, 7 * n);
  let columnCount = 0;
  const rootIdx: number[] = [];
  const rootLeaves: number[] = [];
  // Pending managers (forest position and manager's placement index), popped in order.
  const todo = ints.subarray(7 * n, 8 * n);
  const todoParent = ints.subarray(8 * n, 9 * n);
  let pending = 0;
  let count = 0;

  // 1. Walk: every drawn person, their manager and what they lead. A leaf has no drawn reports and no
  // hidden ones; a team is a manager whose reports are all leaves and fit one column with them.
  for (let r = p.roots.length - 1; r >= 0; r--) {
    todo[pending] = p.roots[r];
    todoParent[pending++] = -1;
  }
  while (pending > 0) {
    const f = todo[--pending];
    const par = todoParent[pending];
    const k0 = kidStart[f];
    const k1 = kidStart[f + 1];
    if (par < 0 && k0 === k1 && (allKidStart === null || allKidStart[f] === allKidStart[f + 1])) {
      at[count] = f;
      parent[count] = -1;
      stacked[count] = 1;
      rootLeaves.push(count++);
      continue;
    }
    const i = count++;
    at[i] = f;
    parent[i] = par;
    if (par < 0) rootIdx.push(i);
    else {
      if (lastTree[par] < 0) firstTree[par] = i;
      else nextTree[lastTree[par]] = i;
      lastTree[par] = i;
    }
    colFrom[i] = colTo[i] = columnCount;
    if (k0 === k1) continue;
    let column = -1;
    const firstRest = pending;
    for (let k = k0; k < k1; k++) {
      const kid = kidList[k];
      const g0 = kidStart[kid];
      const g1 = kidStart[kid + 1];
      let rows = 0;
      if (g0 === g1) {
        if (allKidStart === null || allKidStart[kid] === allKidStart[kid + 1]) rows = 1;
      } else if (g1 - g0 + 1 <= maxStack) {
        rows = 1 + g1 - g0;
        for (let g = g0; g < g1; g++) {
          const gk = kidList[g];
          if (
            kidStart[gk] !== kidStart[gk + 1] ||
            (allKidStart !== null && allKidStart[gk] !== allKidStart[gk + 1])
          ) {
            rows = 0;
            break;
          }
        }
      }
      if (rows === 0) {
        todo[pending] = kid;
        todoParent[pending++] = i;
        continue;
      }
      if (column < 0 || count - colBegin[column] + rows > maxStack) {
        column = columnCount++;
        colBegin[column] = count;
      }
      const head = count++;
      at[head] = kid;
      parent[head] = i;
      stacked[head] = 1;
      // A manager whose reports all have none: the team stacks as a block, indented under them.
      for (let g = g0; g < g1; g++) {
        at[count] = kidList[g];
        parent[count] = head;
        stacked[count++] = 2;
      }
      colEnd[column] = count;
    }
    colTo[i] = columnCount;
    // Walked in order: the first report that is a manager must come off the stack first.
    for (let a = firstRest, b = pending - 1; a < b; a++, b--) {
      const t = todo[a];
      todo[a] = todo[b];
      todo[b] = t;
      const u = todoParent[a];
      todoParent[a] = todoParent[b];
      todoParent[b] = u;
    }
  }
  const depth = new Int32Array(n);
  for (let i = 0; i < n; i++) depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
  const width = new Float64Array(n);
  const height = new Float64Array(n);
  if (typeof p.width === 'number') width.fill(p.width);
  else for (let i = 0; i < n; i++) width[i] = p.width[at[i]];
  if (typeof p.height === 'number') height.fill(p.height);
  else for (let i = 0; i < n; i++) height[i] = p.height[at[i]];
  // Level of a manager or root (stacked people hang in their manager's columns, below its level).
  const band = depth;
  const indent = p.indent;
  const floats = scratchFloats(n + 2 * columnCount);
  const colWidth = floats.subarray(n, n + columnCount);
  for (let c = 0; c < columnCount; c++) {
    let w = 0;
    for (let j = colBegin[c]; j < colEnd[c]; j++) {
      const right = width[j] + (stacked[j] === 2 ? indent : 0);
      if (right > w) w = right;
    }
    colWidth[c] = w + indent;
  }

  // 2. Bottom-up (reverse placement order): each manager's outline and its items' offsets from its
  // centre (columns first, then reports that are managers).
  const rel = floats.subarray(0, n);
  const colRel = floats.subarray(n + columnCount, n + 2 * columnCount);
  const outline: (Contour | null)[] = new Array<Contour | null>(n).fill(null);
  for (let i = n - 1; i >= 0; i--) {
    if (stacked[i]) continue;
    const w = width[i];
    const c0 = colFrom[i];
    const c1 = colTo[i];
    const t0 = firstTree[i];
    if (c0 === c1 && t0 < 0) {
      outline[i] = { L: [-w / 2], R: [w / 2], off: 0 };
      continue;
    }
    let acc: Contour | null = null;
    let last = 0;
    for (let c = c0; c < c1; c++) {
      const item = columnContour(colEnd[c] - colBegin[c], colWidth[c], p);
      if (acc === null) {
        acc = item;
        colRel[c] = last = 0;
        continue;
      }
      const keep = item.L.length <= acc.L.length;
      colRel[c] = last = merge(acc, item, p.siblingGap, p.cousinGap);
      if (!keep) acc = item;
    }
    for (let k = t0; k >= 0; k = nextTree[k]) {
      const item = outline[k] as Contour;
      outline[k] = null;
      if (acc === null) {
        acc = item;
        rel[k] = last = 0;
        continue;
      }
      const keep = item.L.length <= acc.L.length;
      rel[k] = last = merge(acc, item, p.siblingGap, p.cousinGap);
      if (!keep) acc = item;
    }
    const c = acc as Contour;
    const mid = (0 + last) / 2; // the first item sits at 0
    c.off -= mid;
    c.L.push(-w / 2 - c.off);
    c.R.push(w / 2 - c.off);
    outline[i] = c;
    for (let k = c0; k < c1; k++) colRel[k] = colRel[k] - mid;
    for (let k = t0; k >= 0; k = nextTree[k]) rel[k] = rel[k] - mid;
  }

  // 3. Roots side by side (people without manager or reports in columns at the right), then top-down.
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const spineX = new Float64Array(n).fill(NaN);
  const turnY = new Float64Array(n).fill(NaN);
  let acc: Contour | null = null;
  for (const i of rootIdx) {
    const item = outline[i] as Contour;
    if (acc === null) {
      acc = item;
      x[i] = 0;
      continue;
    }
    const keep = item.L.length <= acc.L.length;
    x[i] = merge(acc, item, p.cousinGap, p.cousinGap);
    if (!keep) acc = item;
  }
  const stackColumn = (
    from: number,
    to: number,
    cx: number,
    top: number,
    manager: boolean,
    w: number
  ): void => {
    const left = cx - w / 2 + indent;
    const spine = manager ? cx - w / 2 + indent / 2 : NaN;
    for (let j = from; j < to; j++) {
      y[j] = top + (j - from) * p.stackPitch;
      if (stacked[j] === 2) {
        // A team member: indented under their manager (the row above them), on the manager's own line.
        const head = parent[j];
        x[j] = left + indent + width[j] / 2;
        spineX[j] = left + indent / 2;
        turnY[head] = y[head] + height[head];
      } else {
        x[j] = left + width[j] / 2;
        spineX[j] = spine;
      }
    }
  };
  for (let k = 0; k < rootLeaves.length; k += maxStack) {
    // Roots without reports, in columns of maxStack at the right (placement indices, not a range).
    const col = rootLeaves.slice(k, k + maxStack);
    let w = 0;
    for (const j of col) if (width[j] > w) w = width[j];
    w += indent;
    const item = columnContour(col.length, w, p);
    let cx = 0;
    if (acc === null) acc = item;
    else {
      const keep = item.L.length <= acc.L.length;
      cx = merge(acc, item, p.cousinGap, p.cousinGap);
      if (!keep) acc = item;
    }
    const left = cx - w / 2 + indent;
    for (let r = 0; r < col.length; r++) {
      const j = col[r];
      y[j] = r * p.stackPitch;
      x[j] = left + width[j] / 2;
    }
  }
  for (let i = 0; i < n; i++) {
    if (stacked[i]) continue;
    const par = parent[i];
    if (par >= 0) x[i] = x[par] + rel[i];
    y[i] = band[i] * p.levelHeight;
    const c0 = colFrom[i];
    const c1 = colTo[i];
    if (c0 < c1) {
      const top = (band[i] + 1) * p.levelHeight;
      for (let c = c0; c < c1; c++)
        stackColumn(colBegin[c], colEnd[c], x[i] + colRel[c], top, true, colWidth[c]);
    }
    if (c0 < c1 || firstTree[i] >= 0) {
      // Half-way between the manager's bottom and the next level: where connectors turn sideways.
      turnY[i] = (y[i] + height[i] + (band[i] + 1) * p.levelHeight) / 2;
    }
  }
  return { at, parent, depth, width, height, x, y, spineX, turnY, stacked };
}
