/**
 * Layout of the reporting forest, with collapsed subtrees, "focus on a person plus N levels" and
 * per-node sizes: a tidy tree (d3-hierarchy's Buchheim/Walker implementation) or, with `compact`, the
 * compact chart of compactLayout.ts (people without reports stacked under their manager). Links are
 * placed by linkPlacement.ts and queried by viewportIndex.ts.
 */
import { hierarchy, tree } from 'c/d3Hierarchy';
import type { HierarchyPointNode } from 'd3-hierarchy';
import { compactLayout } from './compactLayout';
import type { OrgForest, OrgMember } from './orgChart';

export interface NodeSize {
  width: number;
  height: number;
}

export interface LayoutOptions<T extends OrgMember> {
  /** Contacts whose reports are hidden. */
  collapsed?: ReadonlySet<string>;
  /** Show only this person's management chain and `levels` levels below them. */
  focus?: { id: string; levels: number } | null;
  /** Box size per contact (e.g. bigger for more influence). Default 160 x 56. */
  nodeSize?: (contact: T) => NodeSize;
  /** Horizontal gap between siblings. */
  siblingGap?: number;
  /** Horizontal gap between neighbours with different managers. */
  cousinGap?: number;
  /** Vertical gap between levels. */
  levelGap?: number;
  /** Stack people without reports in columns under their manager (see compactLayout.ts). */
  compact?: boolean;
  /** Compact only: vertical gap between stacked people (default 12) and most people per column (default 10). */
  stackGap?: number;
  maxStack?: number;
  /** Compact only: room left of a column for its connector line (default 14). */
  stackIndent?: number;
}

export interface LaidOutNode {
  id: string;
  parentId: string | null;
  depth: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Direct reports in the data (visible or not). */
  childCount: number;
  /** People below this node that are not drawn (collapsed or beyond focus). */
  hiddenDescendants: number;
  collapsed: boolean;
}

/**
 * A reporting line from manager to report: bottom centre of the manager to top centre of the report,
 * turning sideways half-way. To a stacked report (compact layout): down to `viaY`, across to the
 * column's line at `viaX`, down to the report's middle and right to its left edge (x2, y2).
 */
export interface ReportingEdge {
  fromId: string;
  toId: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stacked report only: x of the column's line and y where the line leaves the manager's. */
  viaX?: number;
  viaY?: number;
}

/** Drawn person for a contact id: itself, its nearest drawn manager, null (none), undefined (unknown id). */
export interface AnchorLookup {
  get(id: string): string | null | undefined;
}

/** Drawn node by contact id (a Map is one). */
export interface NodeLookup {
  get(id: string): LaidOutNode | undefined;
  has(id: string): boolean;
}

export interface OrgLayout {
  nodes: LaidOutNode[];
  nodeById: NodeLookup;
  edges: ReportingEdge[];
  width: number;
  height: number;
  /** For every contact in the forest: itself if drawn, else its nearest drawn manager, else null. */
  anchorOf: AnchorLookup;
}

export const DEFAULT_NODE_SIZE: NodeSize = Object.freeze({ width: 160, height: 56 });

const VIRTUAL_ROOT = '';
const EMPTY_SET: ReadonlySet<string> = new Set<string>();

/** d3's node with what the layout may need on it: box size (custom sizes only) and drawn descendants (partial views only). */
type SizedNode = HierarchyPointNode<string> & {
  w: number;
  h: number;
  below: number;
  children?: SizedNode[];
  parent: SizedNode | null;
};

/** Which contacts are drawn, in forest pre-order. */
export function visibleIds<T extends OrgMember>(
  forest: OrgForest<T>,
  options: Pick<LayoutOptions<T>, 'collapsed' | 'focus'> = {}
): string[] {
  const collapsed = options.collapsed ?? EMPTY_SET;
  const focus = options.focus && forest.byId.has(options.focus.id) ? options.focus : null;
  // Nothing collapsed, no focus: the drawn set is the forest's own pre-order.
  if (!focus && collapsed.size === 0) return forest.order.slice();
  const out: string[] = [];
  if (focus) {
    let cur: string | null = focus.id;
    const chain: string[] = [];
    while (cur !== null) {
      chain.push(cur);
      cur = forest.parentOf.get(cur) ?? null;
    }
    out.push(...chain.slice(1).reverse());
    const maxDepth = (forest.depthOf.get(focus.id) as number) + Math.max(0, Math.floor(focus.levels));
    const stack = [focus.id];
    while (stack.length) {
      const id = stack.pop() as string;
      out.push(id);
      if (collapsed.has(id) || (forest.depthOf.get(id) as number) >= maxDepth) continue;
      const kids = forest.childrenOf.get(id) ?? [];
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
    }
    return out;
  }
  const stack: string[] = [];
  for (let r = forest.roots.length - 1; r >= 0; r--) stack.push(forest.roots[r]);
  while (stack.length) {
    const id = stack.pop() as string;
    out.push(id);
    if (collapsed.has(id)) continue;
    const kids = forest.childrenOf.get(id) ?? [];
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return out;
}

/**
 * Lays out the visible part of the forest top-down. Boxes never overlap: neighbours on a level are at
 * least half their widths plus the gap apart, and levels are one tallest box plus the gap apart.
 */
export function layoutOrgChart<T extends OrgMember>(
  forest: OrgForest<T>,
  options: LayoutOptions<T> = {}
): OrgLayout {
  const sizeOf = options.nodeSize;
  const siblingGap = options.siblingGap ?? 16;
  const cousinGap = options.cousinGap ?? 32;
  const levelGap = options.levelGap ?? 48;
  const collapsed = options.collapsed ?? EMPTY_SET;

  if (options.compact) return layoutCompact(forest, options);
  const visible = visibleIds(forest, options);
  const everythingShown = visible.length === forest.order.length;
  // Only a partial view needs the set (a full view is every contact; skip 10,000 inserts).
  const visibleSet = everythingShown ? null : new Set(visible);

  // The visible roots: real roots, or (in focus mode) the top of the management chain.
  const visibleRoots = visibleSet
    ? visible.filter((id) => {
        const p = forest.parentOf.get(id) ?? null;
        return p === null || !visibleSet.has(p);
      })
    : forest.roots;
  const kidsOf = (id: string): string[] | undefined => {
    if (id === VIRTUAL_ROOT) return visibleRoots;
    const kids = forest.childrenOf.get(id);
    if (!kids || !visibleSet) return kids;
    const shown = kids.filter((k) => visibleSet.has(k));
    return shown.length ? shown : undefined;
  };

  // Custom sizes and drawn-descendant counts live on d3's own nodes: no per-id Maps and
  // no Map lookups inside tree()'s separation callback, which runs for every contour step.
  const root = hierarchy<string>(VIRTUAL_ROOT, kidsOf) as SizedNode;
  const all = root.descendants() as SizedNode[];
  let maxHeight = 0;
  if (sizeOf) {
    for (let i = 1; i < all.length; i++) {
      const s = sizeOf(forest.byId.get(all[i].data) as T);
      all[i].w = s.width;
      all[i].h = s.height;
      if (s.height > maxHeight) maxHeight = s.height;
    }
  } else maxHeight = all.length > 1 ? DEFAULT_NODE_SIZE.height : 0;
  // Default size: no per-node properties at all (adding them to 10,000 d3 nodes costs more than d3's tree()).
  const widthOf = (n: SizedNode): number => (sizeOf ? n.w : DEFAULT_NODE_SIZE.width);
  const heightOf = (n: SizedNode): number => (sizeOf ? n.h : DEFAULT_NODE_SIZE.height);
  const levelHeight = maxHeight + levelGap;
  const separation = sizeOf
    ? (a: SizedNode, b: SizedNode): number =>
        (a.w + b.w) / 2 + (a.parent === b.parent ? siblingGap : cousinGap)
    : (a: SizedNode, b: SizedNode): number =>
        DEFAULT_NODE_SIZE.width + (a.parent === b.parent ? siblingGap : cousinGap);
  tree<string>()
    .nodeSize([1, levelHeight])
    .separation(separation as (a: HierarchyPointNode<string>, b: HierarchyPointNode<string>) => number)(root);

  let minX = Infinity;
  let maxX = -Infinity;
  for (let i = 1; i < all.length; i++) {
    const n = all[i];
    const half = widthOf(n) / 2;
    if (n.x - half < minX) minX = n.x - half;
    if (n.x + half > maxX) maxX = n.x + half;
  }
  // Drawn descendants, bottom-up: descendants() is breadth-first, so walking it backwards sees every
  // child before its parent (walking each subtree would be O(n * depth) on deep chains).
  if (visibleSet) {
    for (let i = all.length - 1; i >= 0; i--) {
      const n = all[i];
      let below = 0;
      const kids = n.children;
      if (kids) for (let k = 0; k < kids.length; k++) below += 1 + kids[k].below;
      n.below = below;
    }
  }

  // Nodes breadth-first, as d3's each() visits them: a parent is always laid out before its reports.
  const nodes: LaidOutNode[] = [];
  const nodeById = new Map<string, LaidOutNode>();
  const edges: ReportingEdge[] = [];
  let maxY = 0;
  for (let i = 1; i < all.length; i++) {
    const n = all[i];
    const id = n.data;
    const parent = n.parent as SizedNode;
    const viaRoot = parent === root;
    const y1 = (n.depth - 1) * levelHeight;
    const childCount = visibleSet ? (forest.childrenOf.get(id)?.length ?? 0) : (n.children?.length ?? 0);
    const node: LaidOutNode = {
      id,
      parentId: viaRoot ? (forest.parentOf.get(id) ?? null) : parent.data,
      depth: n.depth - 1,
      x1: n.x - widthOf(n) / 2 - minX,
      y1,
      x2: n.x + widthOf(n) / 2 - minX,
      y2: y1 + heightOf(n),
      childCount,
      hiddenDescendants: visibleSet ? (forest.descendantCount.get(id) as number) - n.below : 0,
      collapsed: childCount > 0 && collapsed.size > 0 && collapsed.has(id)
    };
    if (node.y2 > maxY) maxY = node.y2;
    nodes.push(node);
    nodeById.set(id, node);
    if (!viaRoot) {
      const p = nodeById.get(parent.data) as LaidOutNode;
      edges.push({
        fromId: p.id,
        toId: id,
        x1: (p.x1 + p.x2) / 2,
        y1: p.y2,
        x2: (node.x1 + node.x2) / 2,
        y2: node.y1
      });
    }
  }

  const anchorOf = anchors(forest, visibleSet);
  return { nodes, nodeById, edges, width: nodes.length ? maxX - minX : 0, height: maxY, anchorOf };
}

/** For every contact: itself if drawn, else its nearest drawn manager, else null. */
function anchors<T extends OrgMember>(
  forest: OrgForest<T>,
  visibleSet: ReadonlySet<string> | null
): AnchorLookup {
  // Everyone drawn: every contact is its own anchor (no 10,000-entry identity map).
  if (!visibleSet) return { get: (id) => (forest.byId.has(id) ? id : undefined) };
  // Built on the first question: a layout asked only for its size (the opening view tries several)
  // never walks the whole forest.
  let anchorOf: Map<string, string | null> | null = null;
  const build = (): Map<string, string | null> => {
    const map = new Map<string, string | null>();
    for (const id of forest.order) {
      if (visibleSet.has(id)) map.set(id, id);
      else {
        const p = forest.parentOf.get(id) ?? null;
        map.set(id, p === null ? null : (map.get(p) ?? null));
      }
    }
    return map;
  };
  return { get: (id) => (anchorOf ??= build()).get(id) };
}

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
function layoutCompact<T extends OrgMember>(forest: OrgForest<T>, options: LayoutOptions<T>): OrgLayout {
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
