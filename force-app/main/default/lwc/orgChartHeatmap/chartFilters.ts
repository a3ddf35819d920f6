import {
  buyingCenterTree,
  NO_FILTER,
  toggleKey,
  type ChartFilter,
  type ColourMode,
  type FilterDimension
} from 'c/keyplanCore';
import { COLOUR_OPTIONS, MAX_SEARCH_RESULTS, searchResultItem } from './render';
import { COLOUR_MODE_LABELS } from './viewModel';
import { OrgChartNavigation } from './chartNavigation';

/**
 * The org chart's filter layer of `orgChartHeatmap` (a base class, not a component of its own): what the
 * toolbar (`c-org-chart-toolbar`) and the legend show of the colouring, the filter and the search, and
 * what they ask for. The filter rules are in `keyplanCore/orgChartFilter.ts`.
 */
export class OrgChartFilters extends OrgChartNavigation {
  get colourOptions(): { label: string; value: string }[] {
    return COLOUR_OPTIONS;
  }
  get colourBy(): string {
    return this.vm?.colourBy ?? 'heat';
  }
  get legendTitle(): string {
    return `Colour: ${COLOUR_MODE_LABELS[this.vm?.colourBy ?? 'heat']}`;
  }
  get legend(): { key: string; label: string; colour: string; count: number }[] {
    return this.vm?.legend ?? [];
  }
  get buyingCenterOptions(): { label: string; value: string }[] {
    return this.memoised('bcOptions', [this.vm?.buyingCenters], () => [
      { label: 'All buying centers', value: '' },
      ...buyingCenterTree(this.vm?.buyingCenters ?? []).map(({ label, value }) => ({ label, value }))
    ]);
  }
  /** The companies of a group plan's chart (none on a single-account chart: no "Company" picker). */
  get companyOptions(): { label: string; value: string }[] {
    return this.memoised('companyOptions', [this.vm], () => this.vm?.companies ?? []);
  }
  get filter(): ChartFilter {
    return this.vm?.filter ?? NO_FILTER;
  }
  get matchSummary(): string | null {
    return this.vm?.matchSummary ?? null;
  }
  /** The legend entries the filter keeps in the current colouring (shown pressed). */
  get legendSelected(): readonly string[] {
    return this.filter.keys[this.colourBy as FilterDimension] ?? [];
  }
  /** The first matches of the search, for the toolbar's result list. */
  get searchResults(): { id: string; name: string; detail: string }[] {
    return this.memoised('results', [this.hits, this.vm, this.version], () =>
      this.hits.slice(0, MAX_SEARCH_RESULTS).flatMap((id) => {
        const found = this.vm?.contactAt(id);
        return found ? [searchResultItem(found.contact, found.buyingCenterName)] : [];
      })
    );
  }
  get hitCount(): number {
    return this.hits.length;
  }
  handleColourChange(event: CustomEvent<{ value: string }>): void {
    this.vm?.setColourBy(event.detail.value as ColourMode);
    this.changed();
  }

  /** The toolbar's filters: the chart shows the matches and their managers, fitted to the screen. */
  handleFilterChange(event: CustomEvent<{ filter: ChartFilter }>): void {
    this.applyFilter(event.detail.filter);
  }

  /** A legend entry pressed: keeps (or stops keeping) the people of that colour. */
  handleLegendSelect(event: CustomEvent<{ key: string }>): void {
    this.applyFilter(toggleKey(this.filter, this.colourBy as FilterDimension, event.detail.key));
  }

  private applyFilter(filter: ChartFilter): void {
    if (!this.vm) return;
    this.vm.setFilter(filter);
    this.announce(this.vm.matchSummary ?? 'Showing everyone');
    this.changed();
    this.fit(true);
  }
}
