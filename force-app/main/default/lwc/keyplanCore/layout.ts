/**
 * Tidy-tree layout of the reporting forest (d3-hierarchy's Buchheim/Walker implementation), with
 * collapsed subtrees, "focus on a person plus N levels", per-node sizes, influence links placed
 * between visible nodes, and a viewport query so the component renders only what is on screen.
 */
import { hierarchy, tree } from 'c/d3Hierarchy';
import type { HierarchyPointNode } from 'd3-hierarchy';
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

/** A reporting line from manager to report: bottom centre of the manager to top centre of the report. */
export interface ReportingEdge {
  fromId: string;
  toId: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A link between contacts, with the ends it is drawn between. */
export interface PlacedLink<L> {
  link: L;
  /** Visible nodes the link is drawn between (the contact or its nearest visible manager). */
  fromNodeId: string;
  toNodeId: string;
  /** True when an end was moved to a visible manager because the contact itself is hidden. */
  attached: boolean;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface HiddenLink<L> {
  link: L;
  reason: 'end-not-visible' | 'same-node' | 'unknown-contact';
}

export interface OrgLayout {
  nodes: LaidOutNode[];
  nodeById: Map<string, LaidOutNode>;
  edges: ReportingEdge[];
  width: number;
  height: number;
  /** For every contact in the forest: itself if drawn, else its nearest drawn manager, else null. */
  anchorOf: Map<string, string | null>;
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

  const anchorOf = new Map<string, string | null>();
  if (!visibleSet) for (const id of forest.order) anchorOf.set(id, id);
  else {
    for (const id of forest.order) {
      if (visibleSet.has(id)) anchorOf.set(id, id);
      else {
        const p = forest.parentOf.get(id) ?? null;
        anchorOf.set(id, p === null ? null : (anchorOf.get(p) ?? null));
      }
    }
  }

  return { nodes, nodeById, edges, width: nodes.length ? maxX - minX : 0, height: maxY, anchorOf };
}

/** The minimum a link needs to be placed: its two contact ends (a user end is not on the chart). */
export interface LinkEnds {
  fromContactId: string | null;
  toContactId: string;
}

/**
 * Places contact-to-contact links between drawn nodes. A hidden end attaches to its nearest drawn
 * manager (`attach`, the default) or the link is reported hidden (`hide`). Links from our users have
 * no contact at the start and are returned as hidden with reason `end-not-visible` only if their
 * target is not drawn; callers usually draw those as badges on the target instead.
 */
export function placeLinks<L extends LinkEnds>(
  layout: OrgLayout,
  links: readonly L[],
  mode: 'attach' | 'hide' = 'attach'
): { placed: PlacedLink<L>[]; hidden: HiddenLink<L>[] } {
  const placed: PlacedLink<L>[] = [];
  const hidden: HiddenLink<L>[] = [];
  for (const link of links) {
    // == null: Apex omits a null property, so a team link may arrive without fromContactId.
    if (link.fromContactId == null) continue;
    // One lookup per end: undefined means not in the forest, null means no drawn manager.
    const from = layout.anchorOf.get(link.fromContactId);
    const to = layout.anchorOf.get(link.toContactId);
    if (from === undefined || to === undefined) {
      hidden.push({ link, reason: 'unknown-contact' });
      continue;
    }
    const attached = from !== link.fromContactId || to !== link.toContactId;
    if (from === null || to === null || (attached && mode === 'hide')) {
      hidden.push({ link, reason: 'end-not-visible' });
      continue;
    }
    if (from === to) {
      hidden.push({ link, reason: 'same-node' });
      continue;
    }
    const a = layout.nodeById.get(from) as LaidOutNode;
    const b = layout.nodeById.get(to) as LaidOutNode;
    placed.push({
      link,
      fromNodeId: from,
      toNodeId: to,
      attached,
      x1: (a.x1 + a.x2) / 2,
      y1: (a.y1 + a.y2) / 2,
      x2: (b.x1 + b.x2) / 2,
      y2: (b.y1 + b.y2) / 2
    });
  }
  return { placed, hidden };
}

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Answers "what is in this rectangle" quickly, for rendering only what is on screen. */
export interface ViewportIndex<L> {
  query(rect: Rect): { nodes: LaidOutNode[]; edges: ReportingEdge[]; links: PlacedLink<L>[] };
}

function segmentHitsRect(x1: number, y1: number, x2: number, y2: number, r: Rect): boolean {
  // Liang-Barsky clipping: exact, so long diagonal links outside the view are skipped.
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const p = [-dx, dx, -dy, dy];
  const q = [x1 - r.x1, r.x2 - x1, y1 - r.y1, r.y2 - y1];
  for (let i = 0; i < 4; i++) {
    if (p[i] === 0) {
      if (q[i] < 0) return false;
    } else {
      const t = q[i] / p[i];
      if (p[i] < 0) {
        if (t > t1) return false;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return false;
        if (t < t1) t1 = t;
      }
    }
  }
  return true;
}

/**
 * Builds a viewport index: nodes bucketed by level and sorted by x (binary search), lines bucketed in
 * a coarse grid of their bounding boxes then checked exactly.
 */
export function buildViewportIndex<L>(
  layout: OrgLayout,
  links: readonly PlacedLink<L>[] = [],
  cellSize = 1024
): ViewportIndex<L> {
  const rows = new Map<number, LaidOutNode[]>();
  for (const n of layout.nodes) {
    const row = rows.get(n.y1);
    if (row) row.push(n);
    else rows.set(n.y1, [n]);
  }
  const rowList = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, r]) => r.sort((a, b) => a.x1 - b.x1));

  type Line = { x1: number; y1: number; x2: number; y2: number };
  // Numeric cell keys: building a string key per bucket per line cost more than the lines themselves.
  const grid = new Map<number, number[]>();
  const keyOf = (gx: number, gy: number): number => gx * 4194304 + gy;
  // Lines spanning many cells would flood the grid; they are few in real maps, so scan them instead.
  const long: number[] = [];
  const lines: Line[] = [...layout.edges, ...links];
  lines.forEach((l, i) => {
    const gx1 = Math.floor(Math.min(l.x1, l.x2) / cellSize);
    const gx2 = Math.floor(Math.max(l.x1, l.x2) / cellSize);
    const gy1 = Math.floor(Math.min(l.y1, l.y2) / cellSize);
    const gy2 = Math.floor(Math.max(l.y1, l.y2) / cellSize);
    if ((gx2 - gx1 + 1) * (gy2 - gy1 + 1) > 16) {
      long.push(i);
      return;
    }
    for (let gx = gx1; gx <= gx2; gx++) {
      for (let gy = gy1; gy <= gy2; gy++) {
        const key = keyOf(gx, gy);
        const bucket = grid.get(key);
        if (bucket) bucket.push(i);
        else grid.set(key, [i]);
      }
    }
  });
  const edgeCount = layout.edges.length;

  return {
    query(rect) {
      const nodes: LaidOutNode[] = [];
      for (const row of rowList) {
        const first = row[0];
        if (first.y1 > rect.y2) break;
        let rowBottom = 0;
        for (const n of row) if (n.y2 > rowBottom) rowBottom = n.y2;
        if (rowBottom < rect.y1) continue;
        let lo = 0;
        let hi = row.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (row[mid].x2 < rect.x1) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < row.length && row[i].x1 <= rect.x2; i++) {
          const n = row[i];
          if (n.y2 >= rect.y1 && n.y1 <= rect.y2) nodes.push(n);
        }
      }
      const seen = new Set<number>();
      const edges: ReportingEdge[] = [];
      const hits: PlacedLink<L>[] = [];
      const consider = (i: number): void => {
        if (seen.has(i)) return;
        seen.add(i);
        const l = lines[i];
        if (!segmentHitsRect(l.x1, l.y1, l.x2, l.y2, rect)) return;
        if (i < edgeCount) edges.push(l as ReportingEdge);
        else hits.push(l as PlacedLink<L>);
      };
      for (const i of long) consider(i);
      const gx1 = Math.floor(rect.x1 / cellSize);
      const gx2 = Math.floor(rect.x2 / cellSize);
      const gy1 = Math.floor(rect.y1 / cellSize);
      const gy2 = Math.floor(rect.y2 / cellSize);
      for (let gx = gx1; gx <= gx2; gx++) {
        for (let gy = gy1; gy <= gy2; gy++) {
          for (const i of grid.get(keyOf(gx, gy)) ?? []) consider(i);
        }
      }
      return { nodes, edges, links: hits };
    }
  };
}
