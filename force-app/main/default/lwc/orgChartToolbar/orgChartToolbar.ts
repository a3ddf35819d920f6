import { LightningElement, api } from 'lwc';
import {
  NO_FILTER,
  activeDimensions,
  isFiltering,
  withKeys,
  type ChartFilter,
  type FilterDimension
} from 'c/keyplanCore';
import {
  COMPANY_PICKER,
  FILTER_PICKERS,
  SEVERAL,
  filterPicker,
  resultSummary,
  type Option
} from './toolbarOptions';

/** One person in the search result list. */
export interface SearchResult {
  id: string;
  name: string;
  /** Title, stance, roles and buying center, e.g. "CFO · Detractor · Economic Buyer · Finance". */
  detail: string;
}

/**
 * The org chart's toolbar: colouring, the filters ("show only"), the search with its result list, focus
 * depth, zoom and the coverage toggle. It keeps no chart state: it shows what the chart passes in and tells
 * the chart what the user asked for with events (`colourchange`, `filterchange` with the whole new filter,
 * `search`, `jump` with a contact id, `levelschange`, `zoomin`, `zoomout`, `fit`, `expandall`,
 * `togglecoverage`).
 *
 * The search box is an ARIA combobox: typing lists the matches below it; arrow keys move through the list,
 * Enter jumps to the active match (the first without one), Escape closes the list.
 */
export default class OrgChartToolbar extends LightningElement {
  @api colourBy = 'heat';
  @api colourOptions: Option[] = [];
  @api buyingCenterOptions: Option[] = [];
  /** The companies of a group plan's chart (account and subsidiaries); the picker shows with two or more. */
  @api companyOptions: Option[] = [];
  @api filter: ChartFilter = NO_FILTER;
  /** "12 of 145 people match" while a filter is on. */
  @api matchSummary: string | null = null;
  @api searchText = '';
  /** The first matches of the search (the chart lists at most a few dozen). */
  @api results: SearchResult[] = [];
  /** How many people match the search in all. */
  @api resultTotal = 0;
  @api levels = '2';
  @api levelOptions: Option[] = [];
  @api zoomPercent = '';
  @api coverageCount = 0;
  @api coverageActive = false;

  /** On a narrow region the filters fold behind a "Filters" button (CSS decides when); open or not. */
  filtersOpen = false;

  /** Index of the active option in the result list (-1: none). */
  activeIndex = -1;
  listOpen = false;

  get pickers(): ReturnType<typeof filterPicker>[] {
    const filter = this.filter ?? NO_FILTER;
    return FILTER_PICKERS.map((p) => filterPicker(p, filter));
  }

  /** The "Company" picker: only when the chart spans more than one account. */
  get companyPicker(): ReturnType<typeof filterPicker> | null {
    const companies = this.companyOptions ?? [];
    if (companies.length < 2) return null;
    return filterPicker(COMPANY_PICKER, this.filter ?? NO_FILTER, companies);
  }

  get buyingCenterValue(): string {
    return this.filter?.buyingCenterId ?? '';
  }

  get filtering(): boolean {
    return isFiltering(this.filter ?? NO_FILTER);
  }

  get filtersClass(): string {
    return `row filters slds-grid slds-wrap slds-grid_vertical-align-end slds-gutters_x-small${this.filtersOpen ? ' is-open' : ''}`;
  }

  get filtersExpanded(): string {
    return String(this.filtersOpen);
  }

  /** "Filters" or "Filters (2)" with the number of filters on. */
  get filtersToggleLabel(): string {
    const f = this.filter ?? NO_FILTER;
    const n = activeDimensions(f).length + (f.buyingCenterId ? 1 : 0);
    return n ? `Filters (${n})` : 'Filters';
  }

  handleToggleFilters(): void {
    this.filtersOpen = !this.filtersOpen;
  }

  get showList(): boolean {
    return this.listOpen && !!this.searchText.trim();
  }

  get listExpanded(): string {
    return String(this.showList);
  }

  get resultListClass(): string {
    return `results slds-dropdown slds-dropdown_fluid slds-dropdown_left${this.showList ? '' : ' slds-hide'}`;
  }

  get resultSummary(): string {
    // Never an empty text binding: LWC's static-part patching loses empty text nodes.
    return resultSummary(this.searchText ?? '', this.resultTotal, (this.results ?? []).length) || '\u00a0';
  }

  get options(): (SearchResult & { domId: string; selected: string; className: string })[] {
    return (this.results ?? []).map((r, i) => ({
      ...r,
      domId: `result-${i}`,
      selected: String(i === this.activeIndex),
      className: `result slds-listbox__item${i === this.activeIndex ? ' is-active' : ''}`
    }));
  }

  get activeOptionId(): string | null {
    return this.showList && this.activeIndex >= 0 && this.activeIndex < (this.results ?? []).length
      ? `result-${this.activeIndex}`
      : null;
  }

  get coverageLabel(): string {
    return `Coverage (${this.coverageCount})`;
  }

  get coverageVariant(): string {
    return this.coverageActive ? 'brand' : 'neutral';
  }

  get coveragePressed(): string {
    return String(!!this.coverageActive);
  }

  private fire(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  handleColourChange(event: CustomEvent<{ value: string }>): void {
    this.fire('colourchange', { value: event.detail.value });
  }

  handleBuyingCenterChange(event: CustomEvent<{ value: string }>): void {
    this.fire('filterchange', { filter: { ...this.filter, buyingCenterId: event.detail.value || null } });
  }

  handleFilterChange(event: CustomEvent<{ value: string }>): void {
    const dimension = (event.currentTarget as HTMLElement).dataset.dimension as FilterDimension;
    const value = event.detail.value;
    if (value === SEVERAL) return;
    this.fire('filterchange', {
      filter: withKeys(this.filter ?? NO_FILTER, dimension, value ? [value] : [])
    });
  }

  handleClearFilters(): void {
    this.fire('filterchange', { filter: NO_FILTER });
  }

  handleSearchInput(event: Event): void {
    const text = (event.target as HTMLInputElement).value ?? '';
    this.activeIndex = -1;
    this.listOpen = true;
    this.fire('search', { text });
  }

  handleSearchFocus(): void {
    this.listOpen = true;
  }

  handleSearchBlur(): void {
    this.listOpen = false;
  }

  handleSearchKeydown(event: KeyboardEvent): void {
    const count = (this.results ?? []).length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.listOpen = true;
      if (!count) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.activeIndex =
        this.activeIndex < 0 ? (step > 0 ? 0 : count - 1) : (this.activeIndex + step + count) % count;
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (count) this.jump((this.results ?? [])[Math.max(0, Math.min(this.activeIndex, count - 1))].id);
    } else if (event.key === 'Escape' && this.showList) {
      // Closes the list only: the chart's Escape (close the panel) must not fire as well.
      event.stopPropagation();
      this.listOpen = false;
      this.activeIndex = -1;
    }
  }

  /** Keeps the focus in the search box while an option is clicked (blur would close the list first). */
  handleOptionMouseDown(event: MouseEvent): void {
    event.preventDefault();
  }

  handleOptionClick(event: MouseEvent): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (id) this.jump(id);
  }

  private jump(contactId: string): void {
    this.listOpen = false;
    this.activeIndex = -1;
    this.fire('jump', { contactId });
  }

  handleLevelsChange(event: CustomEvent<{ value: string }>): void {
    this.fire('levelschange', { value: event.detail.value });
  }

  handleZoomIn(): void {
    this.fire('zoomin');
  }

  handleZoomOut(): void {
    this.fire('zoomout');
  }

  handleFit(): void {
    this.fire('fit');
  }

  handleExpandAll(): void {
    this.fire('expandall');
  }

  handleToggleCoverage(): void {
    this.fire('togglecoverage');
  }
}
