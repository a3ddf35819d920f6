/**
 * The org chart heatmap's view model: everything the component shows, computed without the DOM so it
 * can be unit-tested and benchmarked at 10,000 contacts. The component keeps one instance per load,
 * calls the setters on user actions and asks `view(rect)` for what to render in the viewport.
 *
 * Cost model: heat and coverage are computed once per data change; a colouring is computed once per
 * mode and cached (recolour is a map swap); filter, collapse and focus re-run the compact layout of
 * the visible part only; panning and zooming only query the viewport index.
 */
import {
  analyseCoverage,
  buildOrgForest,
  buildViewportIndex,
  colourContacts,
  computeHeat,
  computeInfluence,
  accountTeam,
  rankByInfluence,
  coverageWorklist,
  NO_FILTER,
  searchIndex,
  searchPeople,
  layoutOrgChart,
  placeLinks,
  visibleIds,
  PALETTES,
  type ChartFilter,
  type ActivityAggregate,
  type ColourMode,
  type ContactActivity,
  type ContactHeat,
  type ContactInfluence,
  type AccountTeam,
  type WorklistGroup,
  type CoverageIssue,
  type CoverageReport,
  type FilterDimension,
  type KeyplanSettings,
  type LaidOutNode,
  type LegendEntry,
  type NodeSize,
  type OrgForest,
  type OrgLayout,
  type PlacedLink,
  type Rect,
  type SearchEntry,
  type ViewportIndex
} from 'c/keyplanCore';
import type { BuyingCenterDto, ContactNode, OrgChartData, RelationshipLinkDto } from '@keyplan/contracts';
import { linkView, mergeParallel, type LinkView } from './linkGeometry';
import { NODE_SIZES, nodeView, personAriaLabel, type NodeColour, type NodeView } from './nodeView';
import { contactOptions, personDetails, type PersonDetails } from './personDetails';
import { cutSlice, type ViewSlice } from './viewSlice';
import { activityHeat, withActivity } from './activitySource';
import { drawnRoots, neighbour, type Direction } from './treeMoves';
import { ChartFilterState } from './chartFilter';

export { linkStyle } from './linkGeometry';
export type { LinkView, LinkWeight } from './linkGeometry';
export { NODE_SIZES, textColourOn } from './nodeView';
export type { NodeView } from './nodeView';
export type { PersonDetails, PersonLink } from './personDetails';
export { MAX_DOM_LINES, MAX_DOM_LINKS, MAX_DOM_NODES } from './viewSlice';
export type { LineView, ViewSlice } from './viewSlice';
export type { Direction } from './treeMoves';

export const COLOUR_MODES: readonly ColourMode[] = ['heat', 'influence', 'stance', 'buyerRole', 'coverage'];
export const COLOUR_MODE_LABELS: Readonly<Record<ColourMode, string>> = {
  heat: 'Relationship heat (our team)',
  influence: 'Influence (their network)',
  stance: 'Stance',
  buyerRole: 'Buyer role',
  coverage: 'Coverage gaps'
};

export interface ViewModelOptions {
  today?: Date;
  settings?: Partial<KeyplanSettings>;
  colourBy?: ColourMode;
  /** Levels shown when the chart opens; deeper subtrees start collapsed (0 = all). */
  initialDepth?: number;
  /** ActivityController.loadActivityPage aggregates: derived team links warm the heat. */
  activity?: readonly ActivityAggregate[];
}

interface Member {
  id: string;
  name: string;
  reportsToId: string | null;
  buyingCenterId: string | null;
}

/** The pure state behind the org chart heatmap. */
export class OrgChartViewModel {
  readonly data: OrgChartData;
  private readonly today: Date;
  private readonly settings: Partial<KeyplanSettings> | undefined;
  private byId = new Map<string, ContactNode>();
  private bcNames = new Map<string, string>();
  /** Company names by account id, only when the chart spans several accounts (a group plan). */
  private companyNames = new Map<string, string>();
  private fullForest!: OrgForest<Member>;
  private forest!: OrgForest<Member>;
  private heat = new Map<string, ContactHeat>();
  private influence = new Map<string, ContactInfluence>();
  private influenceRank = new Map<string, number>();
  private placeholders = new Set<string>();
  private team: AccountTeam = { members: [], sponsor: null };
  private teamUsers: { label: string; value: string }[] = [];
  private worklistCache: WorklistGroup[] | null = null;
  private readonly activityRows: readonly ActivityAggregate[];
  private activity = new Map<string, ContactActivity>();
  private coverage!: CoverageReport;
  private colourCache = new Map<ColourMode, { colours: Map<string, NodeColour>; legend: LegendEntry[] }>();
  private layoutResult!: OrgLayout;
  private placed: PlacedLink<RelationshipLinkDto>[] = [];
  /** How many links each drawn line stands for (by representative link id). */
  private linkCount = new Map<string, number>();
  /** Bumped on every change of what `view` returns for a rectangle (layout, data, colouring). */
  private revision = 0;
  private lastView: { key: string; slice: ViewSlice } | null = null;
  private index!: ViewportIndex<RelationshipLinkDto>;
  private contactLinks: RelationshipLinkDto[] = [];
  /** The contact links between two people of the filtered chart (all of them without a filter). */
  private shownLinks: RelationshipLinkDto[] = [];
  /** A person's key in a filter dimension: the colour key of a mode (as the legend shows it), or the role. */
  private keyOf = (dimension: FilterDimension, m: Member): string => {
    if (dimension === 'decisionRole') return this.byId.get(m.id)?.decisionRole ?? 'Unknown';
    return this.colouring(dimension).colours.get(m.id)?.key ?? 'Unknown';
  };
  private filtering = new ChartFilterState<Member>(this.keyOf, () => this.data.buyingCenters);
  private searchable: SearchEntry[] = [];

  colourBy: ColourMode;
  collapsed = new Set<string>();
  focus: { id: string; levels: number } | null = null;

  constructor(data: OrgChartData, options: ViewModelOptions = {}) {
    this.data = { ...data, contacts: [...data.contacts], links: [...data.links] };
    this.today = options.today ?? new Date();
    this.settings = options.settings;
    this.colourBy = options.colourBy ?? 'heat';
    this.activityRows = options.activity ?? [];
    for (const bc of data.buyingCenters) this.bcNames.set(bc.id, bc.name);
    if ((data.accounts?.length ?? 0) > 1) for (const a of data.accounts!) this.companyNames.set(a.id, a.name);
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
      this.data.contacts.map((c) => ({
        id: c.id,
        name: c.name,
        reportsToId: c.reportsToId,
        buyingCenterId: c.buyingCenterId ?? null
      }))
    );
    const fromActivity = activityHeat(this.activityRows, this.byId.keys(), this.data.links);
    this.activity = fromActivity.activity;
    this.heat = computeHeat(this.byId.keys(), fromActivity.links, {
      today: this.today,
      settings: this.settings
    });
    this.influence = computeInfluence(this.byId.keys(), this.data.links, {
      today: this.today,
      settings: this.settings
    });
    this.placeholders = new Set(this.data.contacts.filter((c) => c.placeholder).map((c) => c.id));
    this.influenceRank = new Map(rankByInfluence(this.influence).map((id, i) => [id, i + 1]));
    this.team = accountTeam(this.data.contacts, this.data.links);
    this.teamUsers = this.team.members.map((m) => ({ label: m.name, value: m.userId }));
    this.coverage = analyseCoverage(this.data.contacts, this.data.links, {
      today: this.today,
      settings: this.settings,
      buyingCenterNames: this.bcNames,
      activity: this.activity
    });
    this.colourCache.clear();
    this.worklistCache = null;
    this.revision++;
    // != null: Apex omits null properties, so a team link may have no fromContactId key at all.
    this.contactLinks = this.data.links.filter((l) => l.fromContactId != null);
    this.searchable = searchIndex(this.fullForest.order.map((id) => this.byId.get(id) as ContactNode));
    this.forest = this.filteredForest();
  }

  /** The people who match the filter plus the managers connecting them (as context), and their links. */
  private filteredForest(): OrgForest<Member> {
    const forest = this.filtering.forestOf(this.fullForest);
    this.shownLinks = this.filtering.linksWithin(forest, this.contactLinks);
    return forest;
  }

  private sizeOf = (m: Member): NodeSize =>
    NODE_SIZES[this.byId.get(m.id)?.influenceLevel ?? 'none'] ?? NODE_SIZES.none;

  /** Re-runs the layout of what is visible and rebuilds the viewport index. */
  private relayout(): void {
    this.layoutResult = this.layoutWith(this.collapsed);
    const merged = mergeParallel(placeLinks(this.layoutResult, this.shownLinks, 'attach').placed);
    this.placed = merged.placed;
    this.linkCount = merged.counts;
    this.index = buildViewportIndex(this.layoutResult, this.placed);
    this.revision++;
  }

  /** The drawn people with their boxes (for the minimap). */
  get layoutNodes(): readonly LaidOutNode[] {
    return this.layoutResult.nodes;
  }

  /** The chart's layout with `collapsed` (boxes only: the opening view tries several, see openView.ts). */
  layoutWith(collapsed: ReadonlySet<string>): OrgLayout {
    const options = { collapsed, focus: this.focus, nodeSize: this.sizeOf, levelGap: 56, compact: true };
    return layoutOrgChart(this.forest, options);
  }

  /** Lays the chart out again after `collapsed` was changed directly (see openView.ts). */
  applyCollapsed(): void {
    this.relayout();
  }

  /** Width and height of the laid-out chart. */
  get size(): { width: number; height: number } {
    return { width: this.layoutResult.width, height: this.layoutResult.height };
  }

  /** People drawn, placeholders left out (they are roles, not contacts). */
  get visibleCount(): number {
    if (!this.placeholders.size) return this.layoutResult.nodes.length;
    return this.layoutResult.nodes.filter((n) => !this.placeholders.has(n.id)).length;
  }

  /** Contacts on the chart, placeholders left out. */
  get totalCount(): number {
    return this.data.contacts.length - this.placeholders.size;
  }

  get buyingCenters(): BuyingCenterDto[] {
    return this.data.buyingCenters;
  }

  get repairs(): string[] {
    return this.fullForest.repairs.map((r) => r.message);
  }

  /** The colouring of a mode, the current one by default (cached per mode). */
  private colouring(mode: ColourMode = this.colourBy): {
    colours: Map<string, NodeColour>;
    legend: LegendEntry[];
  } {
    let c = this.colourCache.get(mode);
    if (!c) {
      c = colourContacts(this.data.contacts, mode, {
        heat: this.heat,
        influence: this.influence,
        coverage: this.coverage
      });
      this.colourCache.set(mode, c);
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

  get filter(): ChartFilter {
    return this.filtering.filter;
  }

  /** Shows only one buying center and its sub-centers (with the managers above), or everyone with null. */
  setBuyingCenter(id: string | null): void {
    this.setFilter({ ...this.filter, buyingCenterId: id || null });
  }

  /**
   * Shows the people who match `filter` and the managers connecting them. Every match is shown: a filter
   * expands the chart (the collapsed people before it come back when the filter is cleared).
   */
  setFilter(filter: ChartFilter, relayout = true): void {
    this.collapsed = this.filtering.switchTo(filter, this.collapsed);
    this.forest = this.filteredForest();
    if (this.focus && !this.forest.byId.has(this.focus.id)) this.focus = null;
    if (relayout) this.relayout();
  }

  /** Takes over what the user was looking at in `previous` (a reload): collapsed people, filter and focus. */
  keepViewOf(previous: OrgChartViewModel): void {
    this.collapsed = previous.collapsed;
    this.filtering.copyFrom(previous.filtering);
    this.forest = this.filteredForest();
    this.focus = previous.focus && this.forest.byId.has(previous.focus.id) ? previous.focus : null;
    this.relayout();
  }

  /** "12 of 145 people match", or null without a filter. */
  get matchSummary(): string | null {
    return this.filtering.summary(this.totalCount);
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
      this.setFilter(NO_FILTER, false);
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

  /** People whose name, title, department, stance or roles match (in chart order; see `searchPeople`). */
  search(text: string): string[] {
    return searchPeople(this.searchable, text);
  }

  /** A contact and the name of its buying center (for the search result list), or null. */
  contactAt(id: string): { contact: ContactNode; buyingCenterName: string } | null {
    const contact = this.byId.get(id);
    if (!contact) return null;
    return { contact, buyingCenterName: this.bcNames.get(contact.buyingCenterId ?? '') ?? '' };
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
    return drawnRoots(this.layoutResult)[0] ?? null;
  }

  /** Keyboard move along the drawn tree: up = manager, down = first report, left/right = siblings. */
  neighbour(id: string, direction: Direction): string | null {
    return neighbour(this.layoutResult, this.forest.childrenOf, id, direction);
  }

  /** The screen-reader label of a person, e.g. "Ada Lovelace, CIO, Champion, heat 82 hot". */
  ariaLabel(id: string): string {
    const c = this.byId.get(id);
    if (!c) return '';
    return personAriaLabel(
      c,
      this.heat.get(id),
      this.layoutResult.nodeById.get(id),
      this.filtering.context.has(id),
      this.companyOf(c)
    );
  }

  /**
   * What to draw inside a rectangle (layout space), capped to keep the DOM small. The same rectangle on an
   * unchanged chart returns the same slice object, so the component can skip re-rendering it.
   */
  view(rect: Rect): ViewSlice {
    const key = `${this.revision}|${Math.round(rect.x1)}|${Math.round(rect.y1)}|${Math.round(rect.x2)}|${Math.round(rect.y2)}`;
    if (this.lastView?.key === key) return this.lastView.slice;
    const { colours } = this.colouring();
    const slice = cutSlice(
      this.index.query(rect),
      rect,
      (n) => this.nodeView(n, colours),
      (p, drawnEnd, reach) => this.linkView(p, drawnEnd, reach)
    );
    this.lastView = { key, slice };
    return slice;
  }

  /** The company a person works for, blank on a single-account chart. */
  private companyOf(c: ContactNode): string {
    return c.accountId ? (this.companyNames.get(c.accountId) ?? '') : '';
  }

  private nodeView(n: LaidOutNode, colours: Map<string, NodeColour>): NodeView {
    const c = this.byId.get(n.id) as ContactNode;
    return nodeView(n, c, this.heat.get(n.id), colours.get(n.id), {
      buyingCenterName: c.buyingCenterId ? (this.bcNames.get(c.buyingCenterId) ?? '') : '',
      companyName: this.companyOf(c),
      context: this.filtering.context.has(n.id),
      ariaLabel: this.ariaLabel(n.id)
    });
  }

  private linkView(
    p: PlacedLink<RelationshipLinkDto>,
    drawnEnd: 'both' | 'from' | 'to' = 'both',
    reach = Infinity
  ): LinkView {
    const a = this.layoutResult.nodeById.get(p.fromNodeId) as LaidOutNode;
    const b = this.layoutResult.nodeById.get(p.toNodeId) as LaidOutNode;
    return linkView(p, a, b, this.linkCount.get(p.link.id) ?? 1, drawnEnd, reach);
  }

  /** Everything the side panel shows about one person. */
  person(id: string): PersonDetails | null {
    const details = personDetails(
      {
        byId: this.byId,
        links: this.data.links,
        heat: this.heat,
        influence: this.influence,
        influenceRank: this.influenceRank,
        bcNames: this.bcNames,
        issues: this.coverage.issues,
        teamUsers: this.teamUsers
      },
      id
    );
    return details && withActivity(details, this.activity.get(id), this.today);
  }

  /** Coverage as a worklist: grouped, by money at stake, one action each (computed once per data change). */
  get worklist(): WorklistGroup[] {
    if (!this.worklistCache)
      this.worklistCache = coverageWorklist(
        this.coverage.issues,
        this.data.contacts,
        this.data.buyingCenters
      );
    return this.worklistCache;
  }

  /** Our account team: each of our people with the contacts they cover, and the sponsor pairing. */
  get accountTeam(): AccountTeam {
    return this.team;
  }

  /** Coverage issues of the whole account, most severe first. */
  get issues(): CoverageIssue[] {
    return this.coverage.issues;
  }

  /** Other people for the "add a link" picker: matching `text`, at most `limit`. */
  contactOptions(excludeId: string, text = '', limit = 50): { label: string; value: string }[] {
    return contactOptions(this.fullForest.order, this.byId, excludeId, text, limit);
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
