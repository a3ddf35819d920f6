/**
 * The org chart's state of what is shown: the reporting forest of the data, the filter (with the
 * managers that connect its matches), collapsed people and focus, and the compact layout of the visible
 * part with its placed links and viewport index. `viewModel.ts` adds the measures and what is drawn.
 */
import {
  buildOrgForest,
  buildViewportIndex,
  layoutOrgChart,
  NO_FILTER,
  placeLinks,
  visibleIds,
  type ChartFilter,
  type FilterDimension,
  type LaidOutNode,
  type NodeSize,
  type OrgForest,
  type OrgLayout,
  type PlacedLink,
  type ViewportIndex
} from 'c/keyplanCore';
import type { ContactNode, OrgChartData, RelationshipLinkDto } from '@keyplan/contracts';
import { mergeParallel } from './linkGeometry';
import { NODE_SIZES } from './nodeView';
import { drawnRoots, neighbour, type Direction } from './treeMoves';
import { ChartFilterState } from './chartFilter';

export interface Member {
  id: string;
  name: string;
  reportsToId: string | null;
  buyingCenterId: string | null;
  /** The company (account) the person works for: the chart's 'company' filter. */
  accountId: string | null;
}

/** True when both sets hold the same members. */
function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** The forest, filter, collapse, focus and layout behind the org chart (the base of the view model). */
export abstract class ChartState {
  readonly data: OrgChartData;
  protected byId = new Map<string, ContactNode>();
  protected fullForest!: OrgForest<Member>;
  protected forest!: OrgForest<Member>;
  protected layoutResult!: OrgLayout;
  protected placed: PlacedLink<RelationshipLinkDto>[] = [];
  /** How many links each drawn line stands for (by representative link id). */
  protected linkCount = new Map<string, number>();
  /** Bumped on every change of what is drawn for a rectangle (layout, data, colouring). */
  protected revision = 0;
  protected index!: ViewportIndex<RelationshipLinkDto>;
  protected contactLinks: RelationshipLinkDto[] = [];
  /** The contact links between two people of the filtered chart (all of them without a filter). */
  protected shownLinks: RelationshipLinkDto[] = [];
  protected filtering = new ChartFilterState<Member>(
    (dimension, m) => this.filterKey(dimension, m),
    () => this.data.buyingCenters
  );

  collapsed = new Set<string>();
  focus: { id: string; levels: number } | null = null;
  /**
   * The last layout of the unfiltered chart and what it was made from: clearing a filter brings back the
   * collapsed people and focus of before, so it takes this layout again instead of placing every link anew.
   */
  private whole: {
    forest: OrgForest<Member>;
    collapsed: ReadonlySet<string>;
    focus: { id: string; levels: number } | null;
    layout: OrgLayout;
    placed: PlacedLink<RelationshipLinkDto>[];
    linkCount: Map<string, number>;
    index: ViewportIndex<RelationshipLinkDto>;
  } | null = null;

  constructor(data: OrgChartData) {
    this.data = { ...data, contacts: [...data.contacts], links: [...data.links] };
  }

  /** A person's key in a filter dimension: the colour key of a mode (as the legend shows it), or the role. */
  protected abstract filterKey(dimension: FilterDimension, m: Member): string;

  /** Contacts on the chart, placeholders left out. */
  abstract get totalCount(): number;

  /** Rebuilds the contacts by id, the reporting forest and the contact links (after a load or a save). */
  protected rebuildForest(): void {
    this.byId = new Map(this.data.contacts.map((c) => [c.id, c]));
    this.fullForest = buildOrgForest(
      this.data.contacts.map((c) => ({
        id: c.id,
        name: c.name,
        reportsToId: c.reportsToId,
        buyingCenterId: c.buyingCenterId ?? null,
        accountId: c.accountId ?? null
      }))
    );
    // != null: Apex omits null properties, so a team link may have no fromContactId key at all.
    this.contactLinks = this.data.links.filter((l) => l.fromContactId != null);
  }

  /** The people who match the filter plus the managers connecting them (as context), and their links. */
  protected filteredForest(): OrgForest<Member> {
    const forest = this.filtering.forestOf(this.fullForest);
    this.shownLinks = this.filtering.linksWithin(forest, this.contactLinks);
    return forest;
  }

  protected sizeOf = (m: Member): NodeSize =>
    NODE_SIZES[this.byId.get(m.id)?.influenceLevel ?? 'none'] ?? NODE_SIZES.none;

  /** Re-runs the layout of what is visible and rebuilds the viewport index. */
  protected relayout(): void {
    const unfiltered = this.forest === this.fullForest;
    const kept = this.whole;
    if (
      unfiltered &&
      kept &&
      kept.forest === this.forest &&
      kept.focus?.id === this.focus?.id &&
      kept.focus?.levels === this.focus?.levels &&
      sameMembers(kept.collapsed, this.collapsed)
    ) {
      // Back to the chart as it was before a filter (same data, collapsed people and focus): same drawing.
      ({
        layout: this.layoutResult,
        placed: this.placed,
        linkCount: this.linkCount,
        index: this.index
      } = kept);
      this.revision++;
      return;
    }
    this.layoutResult = this.layoutWith(this.collapsed);
    const merged = mergeParallel(placeLinks(this.layoutResult, this.shownLinks, 'attach').placed);
    this.placed = merged.placed;
    this.linkCount = merged.counts;
    this.index = buildViewportIndex(this.layoutResult, this.placed);
    this.revision++;
    if (unfiltered)
      this.whole = {
        forest: this.forest,
        collapsed: new Set(this.collapsed),
        focus: this.focus ? { ...this.focus } : null,
        layout: this.layoutResult,
        placed: this.placed,
        linkCount: this.linkCount,
        index: this.index
      };
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
  keepViewOf(previous: ChartState): void {
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
}
