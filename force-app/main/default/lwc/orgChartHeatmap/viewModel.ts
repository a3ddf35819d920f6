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
  searchIndex,
  searchPeople,
  PALETTES,
  companyKey,
  type ActivityAggregate,
  type ColourMode,
  type AccountTeam,
  type RosterMember,
  type WorklistGroup,
  type CoverageIssue,
  type FilterDimension,
  type KeyplanSettings,
  type LaidOutNode,
  type LegendEntry,
  type PlacedLink,
  type Rect,
  type SearchEntry
} from 'c/keyplanCore';
import type { BuyingCenterDto, ContactNode, OrgChartData, RelationshipLinkDto } from '@keyplan/contracts';
import { linkView, type LinkView } from './linkGeometry';
import { nodeView, personAriaLabel, type NodeColour, type NodeView } from './nodeView';
import { contactOptions, personDetails, type PersonDetails } from './personDetails';
import { cutSlice, type ViewSlice } from './viewSlice';
import { withActivity } from './activitySource';
import type { ActivityState } from './activityPages';
import { ChartMeasures } from './chartMeasures';
import { ChartState, type Member } from './chartState';

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
  /** Whether that activity is in, still loading or failed (the panel says which). */
  activityState?: ActivityState | null;
  /** The account team (OrgChartController.getAccountTeam): the team lane lists it first. */
  roster?: readonly RosterMember[];
}

/** The pure state behind the org chart heatmap. */
export class OrgChartViewModel extends ChartState {
  private readonly today: Date;
  private readonly settings: Partial<KeyplanSettings> | undefined;
  private bcNames = new Map<string, string>();
  /** Company names by account id, only when the chart spans several accounts (a group plan). */
  private companyNames = new Map<string, string>();
  private readonly activityRows: readonly ActivityAggregate[];
  private readonly activityState: ActivityState | null;
  private roster: readonly RosterMember[];
  /** Heat, influence, team, coverage and colourings of the current data (see chartMeasures.ts). */
  private measures!: ChartMeasures;
  private lastView: { key: string; slice: ViewSlice } | null = null;
  /** A person's key in a filter dimension: the colour key of a mode (as the legend shows it), or the role. */
  protected filterKey(dimension: FilterDimension, m: Member): string {
    if (dimension === 'decisionRole') return this.byId.get(m.id)?.decisionRole ?? 'Unknown';
    if (dimension === 'company') return companyKey(m);
    return this.colouring(dimension).colours.get(m.id)?.key ?? 'Unknown';
  }
  /** The search index of the current data, built on the first search (most loads never search). */
  private searchable: SearchEntry[] | null = null;

  colourBy: ColourMode;

  constructor(data: OrgChartData, options: ViewModelOptions = {}) {
    super(data);
    this.today = options.today ?? new Date();
    this.settings = options.settings;
    this.colourBy = options.colourBy ?? 'heat';
    this.activityRows = options.activity ?? [];
    this.activityState = options.activityState ?? null;
    this.roster = options.roster ?? [];
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
    this.rebuildForest();
    this.measures = new ChartMeasures(this.data, this.byId, {
      today: this.today,
      settings: this.settings,
      activity: this.activityRows,
      buyingCenterNames: this.bcNames,
      roster: this.roster
    });
    this.revision++;
    this.searchable = null;
    this.forest = this.filteredForest();
  }

  /** People drawn, placeholders left out (they are roles, not contacts). */
  get visibleCount(): number {
    const { placeholders } = this.measures;
    if (!placeholders.size) return this.layoutResult.nodes.length;
    return this.layoutResult.nodes.filter((n) => !placeholders.has(n.id)).length;
  }

  /** Contacts on the chart, placeholders left out. */
  get totalCount(): number {
    return this.data.contacts.length - this.measures.placeholders.size;
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
    return this.measures.colouring(mode);
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

  /** People whose name, title, department, stance or roles match (in chart order; see `searchPeople`). */
  search(text: string): string[] {
    if (!this.searchable)
      this.searchable = searchIndex(this.fullForest.order.map((id) => this.byId.get(id) as ContactNode));
    return searchPeople(this.searchable, text);
  }

  /** A contact and the name of its buying center (for the search result list), or null. */
  contactAt(id: string): { contact: ContactNode; buyingCenterName: string } | null {
    const contact = this.byId.get(id);
    if (!contact) return null;
    return { contact, buyingCenterName: this.bcNames.get(contact.buyingCenterId ?? '') ?? '' };
  }

  /** The screen-reader label of a person, e.g. "Ada Lovelace, CIO, Champion, heat 82 hot". */
  ariaLabel(id: string): string {
    const c = this.byId.get(id);
    if (!c) return '';
    return personAriaLabel(
      c,
      this.measures.heat.get(id),
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

  /**
   * The companies of a group plan's chart (the account and its subsidiaries, as loaded), for the toolbar's
   * "Company" filter: empty on a single-account chart, where the picker is not shown.
   */
  get companies(): { label: string; value: string }[] {
    return [...this.companyNames].map(([value, label]) => ({ label, value }));
  }

  /** The company a person works for, blank on a single-account chart. */
  private companyOf(c: ContactNode): string {
    return c.accountId ? (this.companyNames.get(c.accountId) ?? '') : '';
  }

  private nodeView(n: LaidOutNode, colours: Map<string, NodeColour>): NodeView {
    const c = this.byId.get(n.id) as ContactNode;
    return nodeView(n, c, this.measures.heat.get(n.id), colours.get(n.id), {
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
        heat: this.measures.heat,
        influence: this.measures.influence,
        influenceRank: this.measures.influenceRank,
        bcNames: this.bcNames,
        issues: this.measures.coverage.issues,
        teamUsers: this.measures.teamUsers
      },
      id
    );
    return details && withActivity(details, this.measures.activity.get(id), this.today, this.activityState);
  }

  /** Coverage as a worklist: grouped, by money at stake, one action each (computed once per data change). */
  get worklist(): WorklistGroup[] {
    return this.measures.worklist;
  }

  /** Our account team: each of our people with the contacts they cover, and the sponsor pairing. */
  get accountTeam(): AccountTeam {
    return this.measures.team;
  }

  /** The account team arrived (or changed): only the team lane and the pickers are recomputed. */
  setRoster(roster: readonly RosterMember[]): void {
    this.roster = roster;
    this.measures.setRoster(roster);
  }

  /** Coverage issues of the whole account, most severe first. */
  get issues(): CoverageIssue[] {
    return this.measures.coverage.issues;
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
