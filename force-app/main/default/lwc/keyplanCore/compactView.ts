/**
 * The compact path of `layoutOrgChart` (layout.ts): who is drawn, by forest position, the anchors of the
 * hidden, and the boxes and reporting edges of compactLayout.ts's placement.
 */
import { compactLayout } from './compactLayout';
import type { OrgForest, OrgMember } from './orgChart';
import {
  DEFAULT_NODE_SIZE,
  type AnchorLookup,
  type LaidOutNode,
  type LayoutOptions,
  type NodeLookup,
  type OrgLayout,
  type ReportingEdge
} from './layoutTypes';

const EMPTY_SET: ReadonlySet<string> = new Set<string>();

/**
 * Who is drawn in a partial view, by forest position (as visibleIds, without id strings): the
 * management chain above the focus and its subtree down to `levels`, or everyone below no collapsed
 * manager. Null when everyone is drawn.
 */
function drawnPositions<T extends OrgMember>(
  forest: OrgForest<T>,
  collapsed: ReadonlySet<string>,
  focus: { id: string; levels: number } | null
): { shown: Uint8Array; count: number; roots: number[] } | null {
  const { order, parentAt, indexOf } = forest;
  const size = order.length;
  const shut = new Uint8Array(size);
  for (const id of collapsed) {
    const f = indexOf.get(id);
    if (f !== undefined) shut[f] = 1;
  }
  const shown = new Uint8Array(size);
  let count = 0;
  if (focus) {
    const at = indexOf.get(focus.id) as number;
    let top = at;
    for (let a = parentAt[at]; a >= 0; a = parentAt[a]) {
      shown[a] = 1;
      count++;
      top = a;
    }
    // The focus's subtree is the range of pre-order positions after it.
    const end = at + 1 + (forest.descendantCount.get(focus.id) as number);
    const depth = new Float64Array(end - at);
    depth[0] = forest.depthOf.get(focus.id) as number;
    const maxDepth = depth[0] + Math.max(0, Math.floor(focus.levels));
    shown[at] = 1;
    count++;
    for (let f = at + 1; f < end; f++) {
      const p = parentAt[f];
      depth[f - at] = depth[p - at] + 1;
      if (shown[p] && !shut[p] && !(depth[p - at] >= maxDepth)) {
        shown[f] = 1;
        count++;
      }
    }
    return count < size ? { shown, count, roots: [top] } : null;
  }
  // Pre-order: a manager's fate is known before their reports'.
  for (let f = 0; f < size; f++) {
    const p = parentAt[f];
    if (p < 0 || (shown[p] && !shut[p])) {
      shown[f] = 1;
      count++;
    }
  }
  return count < size ? { shown, count, roots: Array.from(forest.rootAt) } : null;
}

/** anchors() by forest position, for the compact layout. */
function anchorsAt<T extends OrgMember>(forest: OrgForest<T>, shown: Uint8Array | null): AnchorLookup {
  if (!shown) return { get: (id) => (forest.byId.has(id) ? id : undefined) };
  // Built on the first question, as anchors() is.
  let anchorAt: Int32Array | null = null;
  const build = (): Int32Array => {
    const { parentAt } = forest;
    const a = new Int32Array(shown.length);
    for (let f = 0; f < a.length; f++) a[f] = shown[f] ? f : parentAt[f] < 0 ? -1 : a[parentAt[f]];
    return a;
  };
  return {
    get: (id) => {
      const f = forest.indexOf.get(id);
      if (f === undefined) return undefined;
      const a = (anchorAt ??= build())[f];
      return a < 0 ? null : forest.order[a];
    }
  };
}

/** Node by id through the forest's positions: no 10,000-entry Map per layout. */
class PositionLookup implements NodeLookup {
  constructor(
    private readonly indexOf: ReadonlyMap<string, number>,
    /** Placement index by forest position, -1 when not drawn. */
    private readonly drawnAt: Int32Array,
    private readonly nodes: readonly LaidOutNode[]
  ) {}
  get(id: string): LaidOutNode | undefined {
    const f = this.indexOf.get(id);
    if (f === undefined) return undefined;
    const i = this.drawnAt[f];
    return i < 0 ? undefined : this.nodes[i];
  }
  has(id: string): boolean {
    const f = this.indexOf.get(id);
    return f !== undefined && this.drawnAt[f] >= 0;
  }
}

/** The compact layout (compactLayout.ts) turned into the layout the chart draws. */
export function layoutCompact<T extends OrgMember>(
  forest: OrgForest<T>,
  options: LayoutOptions<T>
): OrgLayout {
  const sizeOf = options.nodeSize;
  const levelGap = options.levelGap ?? 48;
  const stackGap = options.stackGap ?? 12;
  const collapsed = options.collapsed ?? EMPTY_SET;
  const { order, parentAt, kidStart: allKidStart, kidList: allKidList } = forest;
  const size = order.length;
  const focus = options.focus && forest.byId.has(options.focus.id) ? options.focus : null;
  // A partial view (collapsed or focus): the drawn people and their drawn reports, by forest position.
  const drawn = focus || collapsed.size > 0 ? drawnPositions(forest, collapsed, focus) : null;
  const shown = drawn ? drawn.shown : null;
  const roots: ArrayLike<number> = drawn ? drawn.roots : forest.rootAt;
  let kidStart = allKidStart;
  let kidList = allKidList;
  if (drawn) {
    const seen = drawn.shown;
    kidStart = new Int32Array(size + 1);
    kidList = new Int32Array(drawn.count - drawn.roots.length);
    let cursor = 0;
    for (let f = 0; f < size; f++) {
      kidStart[f] = cursor;
      if (!seen[f]) continue;
      for (let k = allKidStart[f]; k < allKidStart[f + 1]; k++) {
        if (seen[allKidList[k]]) kidList[cursor++] = allKidList[k];
      }
    }
    kidStart[size] = cursor;
  }
  // One size lookup per drawn person, into arrays by forest position.
  let width: Float64Array | number = DEFAULT_NODE_SIZE.width;
  let height: Float64Array | number = DEFAULT_NODE_SIZE.height;
  let maxHeight = DEFAULT_NODE_SIZE.height;
  if (sizeOf) {
    maxHeight = 0;
    width = new Float64Array(size);
    height = new Float64Array(size);
    for (let f = 0; f < size; f++) {
      if (shown && !shown[f]) continue;
      const s = sizeOf(forest.byId.get(order[f]) as T);
      width[f] = s.width;
      height[f] = s.height;
      if (s.height > maxHeight) maxHeight = s.height;
    }
  }
  const levelHeight = maxHeight + levelGap;
  const placed = compactLayout({
    roots,
    kidStart,
    kidList,
    allKidStart: shown ? allKidStart : null,
    width,
    height,
    siblingGap: options.siblingGap ?? 16,
    cousinGap: options.cousinGap ?? 32,
    levelHeight,
    levelGap,
    stackPitch: maxHeight + stackGap,
    indent: options.stackIndent ?? 14,
    maxStack: Math.max(1, options.maxStack ?? 10)
  });
  const { at, parent, depth, x, y, spineX, turnY, stacked } = placed;
  const widths = placed.width;
  const heights = placed.height;
  const n = at.length;
  let minX = Infinity;
  for (let i = 0; i < n; i++) {
    const left = x[i] - widths[i] / 2;
    if (left < minX) minX = left;
  }
  if (n === 0) minX = 0;
  // Drawn descendants, bottom-up (placement order backwards sees every report before its manager).
  const below = shown ? new Int32Array(n) : null;
  if (below) for (let i = n - 1; i > 0; i--) if (parent[i] >= 0) below[parent[i]] += 1 + below[i];
  const drawnKids = new Int32Array(n);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) drawnKids[parent[i]]++;
  const drawnAt = new Int32Array(size).fill(-1);
  const nodes: LaidOutNode[] = new Array<LaidOutNode>(n);
  const edges: ReportingEdge[] = [];
  let maxX = 0;
  let maxY = 0;
  const anyCollapsed = collapsed.size > 0;
  for (let i = 0; i < n; i++) {
    const f = at[i];
    const id = order[f];
    drawnAt[f] = i;
    const x1 = x[i] - widths[i] / 2 - minX;
    const x2 = x1 + widths[i];
    const y1 = y[i];
    const y2 = y[i] + heights[i];
    const childCount = shown ? allKidStart[f + 1] - allKidStart[f] : drawnKids[i];
    const p = parent[i];
    const node: LaidOutNode = {
      id,
      parentId: p >= 0 ? nodes[p].id : parentAt[f] < 0 ? null : order[parentAt[f]],
      depth: depth[i],
      x1,
      y1,
      x2,
      y2,
      childCount,
      hiddenDescendants: below ? (forest.descendantCount.get(id) as number) - below[i] : 0,
      collapsed: childCount > 0 && anyCollapsed && collapsed.has(id)
    };
    if (x2 > maxX) maxX = x2;
    if (y2 > maxY) maxY = y2;
    nodes[i] = node;
    if (p < 0) continue;
    const m = nodes[p];
    const cx = (m.x1 + m.x2) / 2;
    const spine = spineX[i];
    if (Number.isNaN(spine)) {
      edges.push({ fromId: m.id, toId: id, x1: cx, y1: m.y2, x2: (x1 + x2) / 2, y2: y1 });
    } else {
      const mid = (y1 + y2) / 2;
      // Under a stacked manager the line leaves from their card's bottom, straight above the indent.
      edges.push({
        fromId: m.id,
        toId: id,
        x1: stacked[p] ? spine - minX : cx,
        y1: m.y2,
        x2: x1,
        y2: mid,
        viaX: spine - minX,
        viaY: turnY[p]
      });
    }
  }
  return {
    nodes,
    nodeById: new PositionLookup(forest.indexOf, drawnAt, nodes),
    edges,
    width: maxX,
    height: maxY,
    anchorOf: anchorsAt(forest, shown)
  };
}
