/**
 * The org chart heatmap's view model: everything the component shows, computed without the DOM so it
 * can be unit-tested and benchmarked at 10,000 contacts. The component keeps one instance per load,
 * calls the setters on user actions and asks `view(rect)` for what to render in the viewport.
 *
 * Cost model: heat and coverage are computed once per data change; a colouring is computed once per
 * mode and cached (recolour is a map swap); filter, collapse and focus re-run the tidy layout of the
 * visible part only; panning and zooming only query the viewport index.
 */
import {
  analyseCoverage,
  buildOrgForest,
  buildViewportIndex,
  colourContacts,
  computeHeat,
  layoutOrgChart,
  placeLinks,
  searchContacts,
  visibleIds,
  PALETTES,
  STRONG_LINK_STRENGTH,
  type ColourMode,
  type ContactHeat,
  type CoverageIssue,
  type CoverageReport,
  type KeyplanSettings,
  type LaidOutNode,
  type LegendEntry,
  type NodeSize,
  type OrgForest,
  type OrgLayout,
  type PlacedLink,
  type Rect,
  type ViewportIndex
} from 'c/keyplanCore';
import type { BuyingCenterDto, ContactNode, OrgChartData, RelationshipLinkDto } from '@keyplan/contracts';

/** Above this many people in view the DOM would get slow: the nearest to the centre are drawn. */
export const MAX_DOM_NODES = 500;
/** Reporting lines: one per drawn person at most, bounded anyway. */
export const MAX_DOM_LINES = 600;
/**
 * Relationship links drawn at once. Each is a curved, often dashed SVG path the browser re-rasterises
 * whenever the chart changes, so they are bounded much tighter than nodes (links between drawn people first).
 */
export const MAX_DOM_LINKS = 250;

export const COLOUR_MODES: readonly ColourMode[] = ['heat', 'stance', 'buyerRole', 'coverage'];
export const COLOUR_MODE_LABELS: Readonly<Record<ColourMode, string>> = {
  heat: 'Relationship heat',
  stance: 'Stance',
  buyerRole: 'Buyer role',
  coverage: 'Coverage gaps'
};

/** Box size by influence: more influence, bigger box (the tidy layout handles mixed sizes). */
export const NODE_SIZES: Readonly<Record<string, NodeSize>> = {
  Low: { width: 164, height: 76 },
  Medium: { width: 180, height: 80 },
  High: { width: 200, height: 86 },
  'Very High': { width: 220, height: 92 },
  none: { width: 164, height: 76 }
};

export type LinkWeight = 'bold' | 'thin' | 'dotted';
export type Direction = 'up' | 'down' | 'left' | 'right';

/** How a relationship link is drawn: weight from strength and frequency, colour and dash from polarity. */
export function linkStyle(link: Pick<RelationshipLinkDto, 'strength' | 'frequency' | 'polarity'>): {
  weight: LinkWeight;
  negative: boolean;
  width: number;
  colour: string;
  dash: string | null;
} {
  const strength = link.strength ?? 1;
  const frequent = link.frequency === 'Weekly' || link.frequency === 'Monthly';
  const occasional =
    link.frequency === 'Rarely' || link.frequency === 'Quarterly' || link.frequency == null || strength <= 1;
  const weight: LinkWeight =
    strength >= STRONG_LINK_STRENGTH && frequent ? 'bold' : occasional ? 'dotted' : 'thin';
  const negative = link.polarity === 'Negative';
  // Polarity is never shown by colour alone: negative links are dashed (dash-dot when also occasional).
  const dash = negative ? (weight === 'dotted' ? '8 3 1.5 3' : '8 4') : weight === 'dotted' ? '1.5 4' : null;
  return {
    weight,
    negative,
    width: weight === 'bold' ? 3.5 : 1.5,
    colour: negative ? '#ba0516' : '#2e844a',
    dash
  };
}

/** Text colour readable on a palette colour (WCAG contrast against black vs white). */
export function textColourOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#181818';
  const lin = (v: number): number => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  const l =
    0.2126 * lin(parseInt(m[1], 16)) + 0.7152 * lin(parseInt(m[2], 16)) + 0.0722 * lin(parseInt(m[3], 16));
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#181818' : '#ffffff';
}

/** One node as the template draws it (coordinates in layout space). */
export interface NodeView {
  id: string;
  name: string;
  title: string;
  buyingCenterName: string;
  stance: string;
  buyerRole: string;
  colour: string;
  textColour: string;
  colourLabel: string;
  heat: number;
  heatBand: string;
  teamLinks: number;
  x: number;
  y: number;
  width: number;
  height: number;
  depth: number;
  childCount: number;
  hiddenDescendants: number;
  collapsed: boolean;
  /** Shown only as context for a filter match (an ancestor from another buying center). */
  context: boolean;
  ariaLabel: string;
}

export interface LineView {
  key: string;
  d: string;
}

export interface LinkView {
  key: string;
  linkId: string;
  d: string;
  arrow: string;
  weight: LinkWeight;
  negative: boolean;
  width: number;
  colour: string;
  dash: string | null;
  attached: boolean;
  /** Links drawn as this one line: links between the same two drawn people (or their collapsed managers). */
  count: number;
}

export interface ViewSlice {
  nodes: NodeView[];
  edges: LineView[];
  links: LinkView[];
  /** People inside the rectangle (before the DOM cap). */
  inView: number;
  /** True when some people in view were left out to keep the DOM small. */
  capped: boolean;
}

export interface PersonLink {
  id: string;
  outgoing: boolean;
  otherId: string | null;
  otherName: string;
  fromUser: boolean;
  description: string;
  link: RelationshipLinkDto;
}

export interface PersonDetails {
  contact: ContactNode;
  heat: ContactHeat;
  managerName: string | null;
  buyingCenterName: string | null;
  links: PersonLink[];
  lastInteraction: string | null;
  issues: CoverageIssue[];
}

export interface ViewModelOptions {
  today?: Date;
  settings?: Partial<KeyplanSettings>;
  colourBy?: ColourMode;
  /** Levels shown when the chart opens; deeper subtrees start collapsed (0 = all). */
  initialDepth?: number;
}

interface Member {
  id: string;
  name: string;
  reportsToId: string | null;
}

const lower = (s: string | null | undefined): string => (s ?? '').toLowerCase();

/** The pure state behind the org chart heatmap. */
export class OrgChartViewModel {
  readonly data: OrgChartData;
  private readonly today: Date;
  private readonly settings: Partial<KeyplanSettings> | undefined;
  private byId = new Map<string, ContactNode>();
  private bcNames = new Map<string, string>();
  private fullForest!: OrgForest<Member>;
  private forest!: OrgForest<Member>;
  private heat = new Map<string, ContactHeat>();
  private coverage!: CoverageReport;
  private colourCache = new Map<
    ColourMode,
    { colours: Map<string, { key: string; colour: string; label: string }>; legend: LegendEntry[] }
  >();
  private layoutResult!: OrgLayout;
  private placed: PlacedLink<RelationshipLinkDto>[] = [];
  /** How many links each drawn line stands for (by representative link id). */
  private linkCount = new Map<string, number>();
  /** Bumped on every change of what `view` returns for a rectangle (layout, data, colouring). */
  private revision = 0;
  private lastView: { key: string; slice: ViewSlice } | null = null;
  private index!: ViewportIndex<RelationshipLinkDto>;
  private contextIds = new Set<string>();
  private contactLinks: RelationshipLinkDto[] = [];

  colourBy: ColourMode;
  buyingCenterId: string | null = null;
  collapsed = new Set<string>();
  focus: { id: string; levels: number } | null = null;

  constructor(data: OrgChartData, options: ViewModelOptions = {}) {
    this.data = { ...data, contacts: [...data.contacts], links: [...data.links] };
    this.today = options.today ?? new Date();
    this.settings = options.settings;
    this.colourBy = options.colourBy ?? 'heat';
    for (const bc of data.buyingCenters) this.bcNames.set(bc.id, bc.name);
    this.rebuildData();
    const depth = Math.floor(options.initialDepth ?? 0);
    if (depth > 0) {
      for (const [id, d] of this.fullForest.depthOf) {
        if (d >= depth - 1 && this.fullForest.childrenOf.has(id)) this.collapsed.add(id);
      }
    }
    this.relayout();
  }

  /** Recomputes everything that depends on contacts or links (after a load or a save). */
  private rebuildData(): void {
    this.byId = new Map(this.data.contacts.map((c) => [c.id, c]));
    this.fullForest = buildOrgForest(
      this.data.contacts.map((c) => ({ id: c.id, name: c.name, reportsToId: c.reportsToId }))
    );
    this.heat = computeHeat(this.byId.keys(), this.data.links, {
      today: this.today,
      settings: this.settings
    });
    this.coverage = analyseCoverage(this.data.contacts, this.data.links, {
      today: this.today,
      settings: this.settings,
      buyingCenterNames: this.bcNames
    });
    this.colourCache.clear();
    this.revision++;
    // != null: Apex omits null properties, so a team link may have no fromContactId key at all.
    this.contactLinks = this.data.links.filter((l) => l.fromContactId != null);
    this.forest = this.filteredForest();
  }

  /** The forest of the people in the filtered buying center plus their managers (as context). */
  private filteredForest(): OrgForest<Member> {
    this.contextIds = new Set();
    if (this.buyingCenterId === null) return this.fullForest;
    const keep = new Set<string>();
    for (const c of this.data.contacts) {
      if (c.buyingCenterId !== this.buyingCenterId) continue;
      let cur: string | null = c.id;
      while (cur !== null && !keep.has(cur)) {
        keep.add(cur);
        if (this.byId.get(cur)?.buyingCenterId !== this.buyingCenterId) this.contextIds.add(cur);
        cur = this.fullForest.parentOf.get(cur) ?? null;
      }
    }
    const members: Member[] = [];
    for (const id of this.fullForest.order) {
      if (keep.has(id))
        members.push({
          id,
          name: (this.byId.get(id) as ContactNode).name,
          reportsToId: this.fullForest.parentOf.get(id) ?? null
        });
    }
    return buildOrgForest(members);
  }

  private sizeOf = (m: Member): NodeSize =>
    NODE_SIZES[this.byId.get(m.id)?.influenceLevel ?? 'none'] ?? NODE_SIZES.none;

  /** Re-runs the layout of what is visible and rebuilds the viewport index. */
  private relayout(): void {
    this.layoutResult = layoutOrgChart(this.forest, {
      collapsed: this.collapsed,
      focus: this.focus,
      nodeSize: this.sizeOf,
      levelGap: 56
    });
    this.placed = this.mergeParallel(placeLinks(this.layoutResult, this.contactLinks, 'attach').placed);
    this.index = buildViewportIndex(this.layoutResult, this.placed);
    this.revision++;
  }

  /**
   * One line per pair of drawn ends and direction: with teams collapsed, thousands of links attach to the
   * same few managers and would be drawn on top of each other. The strongest link of a pair stands for it.
   */
  private mergeParallel(placed: PlacedLink<RelationshipLinkDto>[]): PlacedLink<RelationshipLinkDto>[] {
    const rank = (l: RelationshipLinkDto): number => {
      const s = linkStyle(l);
      return (s.weight === 'bold' ? 20 : s.weight === 'thin' ? 10 : 0) + (l.strength ?? 0);
    };
    const best = new Map<string, { p: PlacedLink<RelationshipLinkDto>; rank: number; count: number }>();
    for (const p of placed) {
      const key = `${p.fromNodeId}>${p.toNodeId}`;
      const r = rank(p.link);
      const seen = best.get(key);
      if (!seen) best.set(key, { p, rank: r, count: 1 });
      else {
        seen.count++;
        if (r > seen.rank) {
          seen.p = p;
          seen.rank = r;
        }
      }
    }
    this.linkCount = new Map();
    const out: PlacedLink<RelationshipLinkDto>[] = [];
    for (const { p, count } of best.values()) {
      this.linkCount.set(p.link.id, count);
      out.push(p);
    }
    return out;
  }

  /** Width and height of the laid-out chart. */
  get size(): { width: number; height: number } {
    return { width: this.layoutResult.width, height: this.layoutResult.height };
  }

  get visibleCount(): number {
    return this.layoutResult.nodes.length;
  }

  get totalCount(): number {
    return this.data.contacts.length;
  }

  get buyingCenters(): BuyingCenterDto[] {
    return this.data.buyingCenters;
  }

  get repairs(): string[] {
    return this.fullForest.repairs.map((r) => r.message);
  }

  /** The colouring of the current mode (cached per mode). */
  private colouring(): {
    colours: Map<string, { key: string; colour: string; label: string }>;
    legend: LegendEntry[];
  } {
    let c = this.colourCache.get(this.colourBy);
    if (!c) {
      c = colourContacts(this.data.contacts, this.colourBy, { heat: this.heat, coverage: this.coverage });
      this.colourCache.set(this.colourBy, c);
    }
    return c;
  }

  /** Switches the colouring; no relayout. */
  setColourBy(mode: ColourMode): void {
    if (!PALETTES[mode]) throw new Error(`Unknown colour mode "${mode}"`);
    if (mode === this.colourBy) return;
    this.colourBy = mode;
    this.colouring();
    this.revision++;
  }

  get legend(): LegendEntry[] {
    return this.colouring().legend;
  }

  /** Shows only one buying center (with the managers above its people), or everyone with null. */
  setBuyingCenter(id: string | null): void {
    this.buyingCenterId = id || null;
    this.forest = this.filteredForest();
    if (this.focus && !this.forest.byId.has(this.focus.id)) this.focus = null;
    this.relayout();
  }

  toggleCollapse(id: string): void {
    if (!this.forest.childrenOf.has(id)) return;
    if (this.collapsed.has(id)) this.collapsed.delete(id);
    else this.collapsed.add(id);
    this.relayout();
  }

  expandAll(): void {
    this.collapsed.clear();
    this.relayout();
  }

  /** Focus on one person plus `levels` levels below (with their management chain); null to clear. */
  setFocus(id: string | null, levels = 2): void {
    this.focus = id && this.forest.byId.has(id) ? { id, levels } : null;
    this.relayout();
  }

  /** Makes a person visible: clears a filter or focus that hides them and expands their managers. */
  reveal(id: string): boolean {
    if (!this.byId.has(id)) return false;
    let changed = false;
    if (!this.forest.byId.has(id)) {
      this.buyingCenterId = null;
      this.forest = this.fullForest;
      this.contextIds = new Set();
      changed = true;
    }
    if (this.focus && !visibleIds(this.forest, { focus: this.focus }).includes(id)) {
      this.focus = null;
      changed = true;
    }
    let cur = this.forest.parentOf.get(id) ?? null;
    while (cur !== null) {
      if (this.collapsed.delete(cur)) changed = true;
      cur = this.forest.parentOf.get(cur) ?? null;
    }
    if (changed) this.relayout();
    return true;
  }

  /** People whose name, title or department matches (in chart order). */
  search(text: string): string[] {
    // The forest holds slim members; the search needs titles and departments, so it reads the contacts.
    const rich = { ...this.fullForest, byId: this.byId } as unknown as OrgForest<ContactNode>;
    return searchContacts(rich, text);
  }

  /** A node's box (layout space) or undefined when not drawn. */
  nodeBox(id: string): LaidOutNode | undefined {
    return this.layoutResult.nodeById.get(id);
  }

  isVisible(id: string): boolean {
    return this.layoutResult.nodeById.has(id);
  }

  /** The first drawn person (for the roving tabindex when nothing is active yet). */
  get firstVisibleId(): string | null {
    const roots = this.layoutResult.nodes.filter(
      (n) => n.parentId === null || !this.layoutResult.nodeById.has(n.parentId)
    );
    return roots.length ? roots.sort((a, b) => a.x1 - b.x1)[0].id : null;
  }

  private visibleChildren(id: string): string[] {
    return (this.forest.childrenOf.get(id) ?? []).filter((k) => this.layoutResult.nodeById.has(k));
  }

  /** Keyboard move along the drawn tree: up = manager, down = first report, left/right = siblings. */
  neighbour(id: string, direction: Direction): string | null {
    const node = this.layoutResult.nodeById.get(id);
    if (!node) return null;
    const parent =
      node.parentId !== null && this.layoutResult.nodeById.has(node.parentId) ? node.parentId : null;
    if (direction === 'up') return parent;
    if (direction === 'down') return this.visibleChildren(id)[0] ?? null;
    const siblings =
      parent === null
        ? this.layoutResult.nodes
            .filter((n) => n.parentId === null || !this.layoutResult.nodeById.has(n.parentId))
            .sort((a, b) => a.x1 - b.x1)
            .map((n) => n.id)
        : this.visibleChildren(parent);
    const i = siblings.indexOf(id);
    const j = direction === 'left' ? i - 1 : i + 1;
    return j >= 0 && j < siblings.length ? siblings[j] : null;
  }

  /** The screen-reader label of a person, e.g. "Ada Lovelace, CIO, Champion, heat 82 hot". */
  ariaLabel(id: string): string {
    const c = this.byId.get(id);
    if (!c) return '';
    const h = this.heat.get(id);
    const parts = [c.name];
    if (c.title) parts.push(c.title);
    parts.push(c.stance ?? 'stance unknown');
    if (c.buyerRole) parts.push(c.buyerRole);
    parts.push(`heat ${h?.heat ?? 0} ${h?.band ?? 'cold'}`);
    const node = this.layoutResult.nodeById.get(id);
    if (node && node.hiddenDescendants > 0) parts.push(`${node.hiddenDescendants} people hidden below`);
    if (this.contextIds.has(id)) parts.push('outside the filtered buying center');
    return parts.join(', ');
  }

  /**
   * What to draw inside a rectangle (layout space), capped to keep the DOM small. The same rectangle on an
   * unchanged chart returns the same slice object, so the component can skip re-rendering it.
   */
  view(rect: Rect): ViewSlice {
    const key = `${this.revision}|${Math.round(rect.x1)}|${Math.round(rect.y1)}|${Math.round(rect.x2)}|${Math.round(rect.y2)}`;
    if (this.lastView?.key === key) return this.lastView.slice;
    const hit = this.index.query(rect);
    let nodes = hit.nodes;
    const inView = nodes.length;
    const capped = inView > MAX_DOM_NODES;
    if (capped) {
      const cx = (rect.x1 + rect.x2) / 2;
      const cy = (rect.y1 + rect.y2) / 2;
      const dist = (n: LaidOutNode): number =>
        Math.abs((n.x1 + n.x2) / 2 - cx) + Math.abs((n.y1 + n.y2) / 2 - cy);
      nodes = [...nodes].sort((a, b) => dist(a) - dist(b)).slice(0, MAX_DOM_NODES);
    }
    const drawn = new Set<string>();
    for (const n of nodes) drawn.add(n.id);
    const { colours } = this.colouring();
    const nodeViews = nodes.map((n) => this.nodeView(n, colours));
    const edges: LineView[] = [];
    for (const e of hit.edges) {
      if (edges.length >= MAX_DOM_LINES) break;
      if (!drawn.has(e.toId) && !drawn.has(e.fromId)) continue;
      const mid = (e.y1 + e.y2) / 2;
      edges.push({ key: `e-${e.toId}`, d: `M${e.x1} ${e.y1}V${mid}H${e.x2}V${e.y2}` });
    }
    // Links between two drawn people first, then those with one end drawn; none that only pass through.
    const both: PlacedLink<RelationshipLinkDto>[] = [];
    const one: PlacedLink<RelationshipLinkDto>[] = [];
    for (const p of hit.links) {
      const a = drawn.has(p.fromNodeId);
      const b = drawn.has(p.toNodeId);
      if (a && b) both.push(p);
      else if (a || b) one.push(p);
    }
    const reach = Math.hypot(rect.x2 - rect.x1, rect.y2 - rect.y1) / 2;
    const links = [
      ...both.slice(0, MAX_DOM_LINKS).map((p) => this.linkView(p)),
      ...one
        .slice(0, Math.max(0, MAX_DOM_LINKS - both.length))
        .map((p) => this.linkView(p, drawn.has(p.fromNodeId) ? 'from' : 'to', reach))
    ];
    const slice = { nodes: nodeViews, edges, links, inView, capped };
    this.lastView = { key, slice };
    return slice;
  }

  private nodeView(
    n: LaidOutNode,
    colours: Map<string, { key: string; colour: string; label: string }>
  ): NodeView {
    const c = this.byId.get(n.id) as ContactNode;
    const h = this.heat.get(n.id);
    const col = colours.get(n.id) ?? { key: 'none', colour: '#f3f3f3', label: '' };
    return {
      id: n.id,
      name: c.name,
      title: c.title ?? '',
      buyingCenterName: c.buyingCenterId ? (this.bcNames.get(c.buyingCenterId) ?? '') : '',
      stance: c.stance ?? 'Unknown',
      buyerRole: c.buyerRole ?? '',
      colour: col.colour,
      textColour: textColourOn(col.colour),
      colourLabel: col.label,
      heat: h?.heat ?? 0,
      heatBand: h?.band ?? 'cold',
      teamLinks: h?.teamLinks ?? 0,
      x: n.x1,
      y: n.y1,
      width: n.x2 - n.x1,
      height: n.y2 - n.y1,
      depth: n.depth,
      childCount: n.childCount,
      hiddenDescendants: n.hiddenDescendants,
      collapsed: n.collapsed,
      context: this.contextIds.has(n.id),
      ariaLabel: this.ariaLabel(n.id)
    };
  }

  /**
   * `reach`: with only one end drawn (`drawnEnd`), the curve is cut `reach` layout units from it: a link
   * to someone far off screen would otherwise be a path across the whole chart, and the browser dashes
   * and rasterises all of it on every frame that touches the lines.
   */
  private linkView(
    p: PlacedLink<RelationshipLinkDto>,
    drawnEnd: 'both' | 'from' | 'to' = 'both',
    reach = Infinity
  ): LinkView {
    const a = this.layoutResult.nodeById.get(p.fromNodeId) as LaidOutNode;
    const b = this.layoutResult.nodeById.get(p.toNodeId) as LaidOutNode;
    const dx = p.x2 - p.x1;
    const dy = p.y2 - p.y1;
    // Ends on the box borders so the arrowhead is visible; a gentle curve keeps links off the reporting lines.
    const clip = (n: LaidOutNode, sign: number): [number, number] => {
      const hw = (n.x2 - n.x1) / 2 + 2;
      const hh = (n.y2 - n.y1) / 2 + 2;
      const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
      const cx = (n.x1 + n.x2) / 2;
      const cy = (n.y1 + n.y2) / 2;
      return [cx + sign * dx * t, cy + sign * dy * t];
    };
    const [sx, sy] = clip(a, 1);
    const [ex, ey] = clip(b, -1);
    const len = Math.hypot(ex - sx, ey - sy) || 1;
    const nx = -(ey - sy) / len;
    const ny = (ex - sx) / len;
    const bend = Math.min(60, len * 0.15);
    const qx = (sx + ex) / 2 + nx * bend;
    const qy = (sy + ey) / 2 + ny * bend;
    // Arrowhead along the curve's tangent at the end (control point -> end).
    const tl = Math.hypot(ex - qx, ey - qy) || 1;
    const ux = (ex - qx) / tl;
    const uy = (ey - qy) / tl;
    const style = linkStyle(p.link);
    const size = style.weight === 'bold' ? 11 : 8;
    const bx = ex - ux * size;
    const by = ey - uy * size;
    const r = (v: number): number => Math.round(v * 10) / 10;
    let d = `M${r(sx)} ${r(sy)}Q${r(qx)} ${r(qy)} ${r(bx)} ${r(by)}`;
    let arrow = `${r(ex)},${r(ey)} ${r(bx - uy * size * 0.5)},${r(by + ux * size * 0.5)} ${r(bx + uy * size * 0.5)},${r(by - ux * size * 0.5)}`;
    const span = Math.hypot(bx - sx, by - sy);
    if (drawnEnd !== 'both' && span > reach) {
      // Split the quadratic curve (de Casteljau) and keep the part at the drawn end.
      const t = reach / span;
      const at = (u: number): [number, number] => [
        (1 - u) * (1 - u) * sx + 2 * (1 - u) * u * qx + u * u * bx,
        (1 - u) * (1 - u) * sy + 2 * (1 - u) * u * qy + u * u * by
      ];
      if (drawnEnd === 'from') {
        const [mx, my] = at(t);
        d = `M${r(sx)} ${r(sy)}Q${r(sx + (qx - sx) * t)} ${r(sy + (qy - sy) * t)} ${r(mx)} ${r(my)}`;
        arrow = '';
      } else {
        const [mx, my] = at(1 - t);
        d = `M${r(mx)} ${r(my)}Q${r(qx + (bx - qx) * (1 - t))} ${r(qy + (by - qy) * (1 - t))} ${r(bx)} ${r(by)}`;
      }
    }
    return {
      key: `l-${p.link.id}`,
      linkId: p.link.id,
      d,
      arrow,
      ...style,
      attached: p.attached,
      count: this.linkCount.get(p.link.id) ?? 1
    };
  }

  /** Everything the side panel shows about one person. */
  person(id: string): PersonDetails | null {
    const contact = this.byId.get(id);
    if (!contact) return null;
    const links: PersonLink[] = [];
    let last: string | null = null;
    for (const l of this.data.links) {
      const outgoing = l.fromContactId === id;
      if (!outgoing && l.toContactId !== id) continue;
      if (l.lastInteraction && (last === null || l.lastInteraction > last)) last = l.lastInteraction;
      const otherId = outgoing ? l.toContactId : l.fromContactId;
      const otherName = otherId
        ? (this.byId.get(otherId)?.name ?? otherId)
        : `${l.fromUserName ?? 'Our team'} (our team)`;
      const parts = [
        l.type ?? 'Link',
        l.strength ? `strength ${l.strength}` : null,
        l.frequency,
        l.polarity
      ].filter(Boolean);
      links.push({
        id: l.id,
        outgoing,
        otherId,
        otherName,
        fromUser: l.fromUserId != null,
        description: `${outgoing ? 'To' : 'From'} ${otherName}: ${parts.join(', ')}`,
        link: l
      });
    }
    const manager = contact.reportsToId ? (this.byId.get(contact.reportsToId)?.name ?? null) : null;
    return {
      contact,
      heat: this.heat.get(id) as ContactHeat,
      managerName: manager,
      buyingCenterName: contact.buyingCenterId ? (this.bcNames.get(contact.buyingCenterId) ?? null) : null,
      links,
      lastInteraction: last,
      issues: this.coverage.issues.filter((i) => i.contactId === id)
    };
  }

  /** Coverage issues of the whole account, most severe first. */
  get issues(): CoverageIssue[] {
    return this.coverage.issues;
  }

  /** Other people for the "add a link" picker: matching `text`, at most `limit`. */
  contactOptions(excludeId: string, text = '', limit = 50): { label: string; value: string }[] {
    const needle = lower(text.trim());
    const out: { label: string; value: string }[] = [];
    for (const id of this.fullForest.order) {
      if (id === excludeId) continue;
      const c = this.byId.get(id) as ContactNode;
      if (needle && !lower(c.name).includes(needle) && !lower(c.title).includes(needle)) continue;
      out.push({ label: c.title ? `${c.name} (${c.title})` : c.name, value: id });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Applies a saved contact; relayout only when the reporting line changed. */
  replaceContact(saved: ContactNode): void {
    const i = this.data.contacts.findIndex((c) => c.id === saved.id);
    if (i < 0) this.data.contacts.push(saved);
    else this.data.contacts[i] = saved;
    this.rebuildData();
    if (this.focus && !this.forest.byId.has(this.focus.id)) this.focus = null;
    this.relayout();
  }

  /** Adds or replaces a saved link. */
  upsertLink(saved: RelationshipLinkDto): void {
    const i = this.data.links.findIndex((l) => l.id === saved.id);
    if (i < 0) this.data.links.push(saved);
    else this.data.links[i] = saved;
    this.rebuildData();
    this.relayout();
  }

  removeLink(linkId: string): void {
    this.data.links = this.data.links.filter((l) => l.id !== linkId);
    this.rebuildData();
    this.relayout();
  }
}
