/**
 * Layout of the reporting forest, with collapsed subtrees, "focus on a person plus N levels" and
 * per-node sizes: a tidy tree (d3-hierarchy's Buchheim/Walker implementation) or, with `compact`, the
 * compact chart of compactLayout.ts (people without reports stacked under their manager). Links are
 * placed by linkPlacement.ts and queried by viewportIndex.ts.
 */
import { hierarchy, tree } from 'c/d3Hierarchy';
import type { HierarchyPointNode } from 'd3-hierarchy';
import { layoutCompact } from './compactView';
import type { OrgForest, OrgMember } from './orgChart';
import {
  DEFAULT_NODE_SIZE,
  type AnchorLookup,
  type LaidOutNode,
  type LayoutOptions,
  type OrgLayout,
  type ReportingEdge
} from './layoutTypes';

export * from './layoutTypes';

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
