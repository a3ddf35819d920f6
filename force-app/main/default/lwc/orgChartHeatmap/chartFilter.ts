/**
 * The org chart's filter state (pure, used by the view model): the filter, who matches it, the managers kept
 * as context, and the collapsed people to bring back when the filter is cleared. The rules are in
 * `keyplanCore/orgChartFilter.ts`.
 */
import {
  filterForest,
  isFiltering,
  matchSummary,
  NO_FILTER,
  type ChartFilter,
  type FilterDimension,
  type FilterSubject,
  type OrgForest,
  type OrgMember
} from 'c/keyplanCore';

export class ChartFilterState<M extends OrgMember & FilterSubject> {
  filter: ChartFilter = NO_FILTER;
  /** Who matches the filter (null without one). */
  matches: Set<string> | null = null;
  /** Managers drawn only to connect the matches (greyed). */
  context = new Set<string>();
  private collapsedBefore: Set<string> | null = null;

  constructor(
    private readonly keyOf: (dimension: FilterDimension, m: M) => string,
    private readonly centers: () => readonly { id: string; parentId?: string | null }[]
  ) {}

  /**
   * Switches to `filter` and returns the collapsed people to use: a filter shows every match (nothing
   * collapsed); clearing it brings back what was collapsed before.
   */
  switchTo(filter: ChartFilter, collapsed: Set<string>): Set<string> {
    const was = isFiltering(this.filter);
    const now = isFiltering(filter);
    this.filter = filter;
    if (now) {
      if (!was) this.collapsedBefore = collapsed;
      return new Set();
    }
    const back = was && this.collapsedBefore ? this.collapsedBefore : collapsed;
    this.collapsedBefore = null;
    return back;
  }

  /** Takes over another state's filter and what it will restore when cleared (a reload keeps the view). */
  copyFrom(other: ChartFilterState<M>): void {
    this.filter = other.filter;
    this.collapsedBefore = other.collapsedBefore;
  }

  /** The forest to draw for the current filter (records the matches and the context). */
  forestOf(full: OrgForest<M>): OrgForest<M> {
    const f = filterForest(full, this.filter, this.keyOf, this.centers());
    this.matches = f.matches;
    this.context = f.context;
    return f.forest;
  }

  /** The links between two people of `forest` (all of them without a filter): links to hidden people are never drawn. */
  linksWithin<L extends { fromContactId?: string | null; toContactId: string }>(
    forest: OrgForest<M>,
    links: L[]
  ): L[] {
    if (!this.matches) return links;
    return links.filter((l) => forest.byId.has(l.fromContactId ?? '') && forest.byId.has(l.toContactId));
  }

  /** "12 of 145 people match", or null without a filter. */
  summary(total: number): string | null {
    return this.matches ? matchSummary(this.matches.size, total) : null;
  }
}
