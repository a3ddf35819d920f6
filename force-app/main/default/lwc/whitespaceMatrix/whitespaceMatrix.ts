import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { refreshApex } from '@salesforce/apex';
import { getObjectInfo, type ObjectInfo } from 'lightning/uiObjectInfoApi';
import getWhitespace from '@salesforce/apex/WhitespaceController.getWhitespace';
import saveCell from '@salesforce/apex/WhitespaceController.saveCell';
import createBuyingCenter from '@salesforce/apex/WhitespaceController.createBuyingCenter';
import mapOpportunity from '@salesforce/apex/WhitespaceController.mapOpportunity';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import LANDSCAPE_CELL from '@salesforce/schema/Landscape_Cell__c';
import OPPORTUNITY from '@salesforce/schema/Opportunity';
import BUYING_CENTER from '@salesforce/schema/Buying_Center__c';
import type { WhitespaceMatrix as Matrix } from 'c/keyplanCore';
import type { MatrixBuyingCenter, WhitespaceData } from '@keyplan/contracts';
import {
  COLUMN_SORTS,
  ROW_SORTS,
  type ColumnSort,
  type RowSort,
  summaryOf,
  type MoneyFormatter,
  type SummaryItem,
  type ViewModel
} from 'c/whitespaceView';
import {
  cellDetailOf,
  cellInputOf,
  cellPrefillOf,
  landscapeCellOf,
  newOpportunityPage,
  opportunityPage,
  withSavedCell,
  type CellDetail,
  type CellEdit,
  type OpenCell
} from './panel';
import { mappingVersion, unmappedViewOf, withMapped, type MapRequest, type UnmappedView } from './unmapped';
import {
  buyingCenterOptions,
  matrixState,
  moneyFormatter,
  offeringOptions,
  yearNote,
  yearOptions,
  type MatrixState,
  type Option
} from './options';
import { accessOf, companyOptions, isGroupPlan, matrixOf, toggled, viewOf, type MatrixAccess } from './view';

export type { CellDetail } from './panel';

const CURRENT_YEAR = new Date().getFullYear();

/**
 * The whitespace matrix of an account: nested buying centers x active offerings, every cell with its
 * state and its won, open and potential money, totals against goals, year-over-year change, a cell
 * panel to assess the cell or start an opportunity, and the unmapped opportunities to fix.
 * Rows are virtualised (fixed row height), so hundreds of buying centers scroll smoothly.
 */
export default class WhitespaceMatrix extends NavigationMixin(LightningElement) {
  @api recordId?: string = undefined;
  /** Card title (design attribute). */
  @api override title = 'Whitespace';
  /** Fiscal year shown first; blank means the current year (design attribute). */
  @api defaultFiscalYear?: number = undefined;
  /** Weight open pipeline by probability (design attribute). */
  @api weightedPipeline = false;
  /** Height of the scrolling matrix in px; 0 (default) uses the window's height (design attribute). */
  @api matrixHeight = 0;

  selectedYear?: number = undefined;
  wiredResult?: WireResult<WhitespaceData> = undefined;
  /** The data the matrix is built from: the wire's data with saved changes applied on top. */
  data?: WhitespaceData = undefined;
  error?: unknown = undefined;
  actionError?: unknown = undefined;
  matrix?: Matrix = undefined;
  vm?: ViewModel = undefined;
  collapsed = new Set<string>();
  openCell?: OpenCell = undefined;
  saving = false;
  showAddBuyingCenter = false;
  showUnmapped = false;
  cellInfo?: ObjectInfo = undefined;
  oppInfo?: ObjectInfo = undefined;
  bcInfo?: ObjectInfo = undefined;
  format: MoneyFormatter = moneyFormatter(CURRENCY || 'USD', LOCALE);
  private currencyCode = '';
  private pendingFocus = false;

  get fiscalYear(): number {
    return this.selectedYear ?? this.defaultFiscalYear ?? CURRENT_YEAR;
  }

  @wire(getWhitespace, { accountId: '$recordId', fiscalYear: '$fiscalYear' })
  wiredWhitespace(result: WireResult<WhitespaceData>): void {
    this.wiredResult = result;
    if (result.data) {
      this.error = undefined;
      this.setData(result.data);
    } else if (result.error) {
      this.error = result.error;
      this.data = undefined;
      this.matrix = undefined;
    }
  }

  @wire(getObjectInfo, { objectApiName: LANDSCAPE_CELL })
  wiredCellInfo({ data }: WireResult<ObjectInfo>): void {
    if (data) this.cellInfo = data;
  }

  @wire(getObjectInfo, { objectApiName: OPPORTUNITY })
  wiredOppInfo({ data }: WireResult<ObjectInfo>): void {
    if (data) this.oppInfo = data;
  }

  @wire(getObjectInfo, { objectApiName: BUYING_CENTER })
  wiredBcInfo({ data }: WireResult<ObjectInfo>): void {
    if (data) this.bcInfo = data;
  }

  /** What the user may do, from the UI API's field access (`accessOf`). */
  get can(): MatrixAccess {
    return accessOf({ buyingCenter: this.bcInfo, opportunity: this.oppInfo, cell: this.cellInfo });
  }

  private setData(data: WhitespaceData): void {
    this.data = data;
    if (data.currencyCode !== this.currencyCode) {
      this.currencyCode = data.currencyCode;
      this.format = moneyFormatter(data.currencyCode || CURRENCY || 'USD', LOCALE);
    }
    const { matrix, currentYear } = matrixOf(data, this.weightedPipeline);
    this.matrix = matrix;
    // No year chosen: show the org's current fiscal year (the wire then brings that year).
    const chosen = this.selectedYear !== undefined || this.defaultFiscalYear !== undefined;
    if (!chosen && currentYear !== this.fiscalYear) this.selectedYear = currentYear;
    this.rebuildView();
  }

  /** The grid's view model for the user's choices: this card holds them (year, collapsed rows, sorts, grouping). */
  private rebuildView(): void {
    if (this.matrix) this.vm = viewOf(this.matrix, this.data, this);
  }

  // ---- states ----

  /** Which state the card shows (loading, error, empty with its message, or data): `matrixState`. */
  get state(): MatrixState {
    return matrixState(this.data, this.error, this.matrix);
  }

  // ---- header: fiscal year, summary ----

  /** The year picker (its options and value) and what the year's change markers compare. */
  get year(): { note: string; options: Option[]; value: string } {
    const options = yearOptions(this.fiscalYear, CURRENT_YEAR, this.data?.fiscalYears ?? []);
    return { note: yearNote(this.vm?.year ?? null), options, value: String(this.fiscalYear) };
  }

  /** Rows sorted by (the tree is kept: siblings are sorted under their parent). */
  rowSort: RowSort = 'order';
  readonly rowSortOptions = ROW_SORTS;

  /** Rows grouped by company (a group plan: the account and its subsidiaries), each row naming its company. */
  groupByCompany = false;
  get showGroupByCompany(): boolean {
    return isGroupPlan(this.data);
  }
  /** The group's companies for the buying-center form (none on a single account: no picker). */
  get companyOptions(): Option[] {
    return companyOptions(this.data);
  }
  handleGroupByCompany(event: Event): void {
    this.groupByCompany = (event.target as HTMLInputElement).checked;
    this.rebuildView();
  }

  /** Offering columns sorted by. */
  columnSort: ColumnSort = 'order';
  readonly columnSortOptions = COLUMN_SORTS;

  /** Either sort: the combobox says which by its data-sort (row or column). */
  handleSortChange(event: CustomEvent<{ value: string }>): void {
    if ((event.target as HTMLElement).dataset.sort === 'column')
      this.columnSort = event.detail.value as ColumnSort;
    else this.rowSort = event.detail.value as RowSort;
    this.rebuildView();
  }

  handleYearChange(event: CustomEvent<{ value: string }>): void {
    const year = Number(event.detail.value);
    if (!Number.isInteger(year) || year === this.fiscalYear) return;
    this.selectedYear = year;
    this.openCell = undefined;
    // Rebuilds from the data at hand at once (it holds the year before), the wire brings the new year.
    this.rebuildView();
  }

  // ---- copy last year's assessment (c-whitespace-copy-assessment asks and copies) ----

  async handleCopied(): Promise<void> {
    await this.runAction(() => this.refresh());
  }

  get summary(): SummaryItem[] {
    return this.vm?.year ? summaryOf(this.vm.year, this.format) : [];
  }

  get yearMissing(): boolean {
    return !!this.vm && !this.vm.year;
  }

  // ---- grid (c-whitespace-grid owns focus and scrolling) ----

  handleGridToggle(event: CustomEvent<{ id: string }>): void {
    this.collapsed = toggled(this.collapsed, event.detail.id);
    this.rebuildView();
  }

  override renderedCallback(): void {
    if (!this.pendingFocus) return;
    this.pendingFocus = false;
    this.template
      ?.querySelector<HTMLElement & { focusActiveCell(): void }>('c-whitespace-grid')
      ?.focusActiveCell();
  }

  // ---- cell panel ----

  handleGridCellOpen(event: CustomEvent<{ buyingCenterId: string; offeringId: string }>): void {
    this.actionError = undefined;
    this.openCell = { buyingCenterId: event.detail.buyingCenterId, offeringId: event.detail.offeringId };
  }

  get cellDetail(): CellDetail | undefined {
    const { openCell: open, matrix, vm, data } = this;
    if (!open || !matrix || !vm?.year || !data) return undefined;
    return cellDetailOf({
      open,
      matrix,
      vm,
      data,
      fiscalYear: this.fiscalYear,
      format: this.format,
      locale: LOCALE,
      cellInfo: this.cellInfo,
      oppInfo: this.oppInfo
    });
  }

  handlePanelClose(): void {
    this.openCell = undefined;
    this.pendingFocus = true;
  }

  async handleCellSave(event: CustomEvent<CellEdit>): Promise<void> {
    const open = this.openCell;
    if (!open || !this.data) return;
    const existing = landscapeCellOf(this.data, open, this.fiscalYear);
    const input = cellInputOf(open, this.fiscalYear, event.detail, existing);
    await this.runAction(async () => {
      const saved = await saveCell({ input });
      const data = this.data as WhitespaceData;
      this.setData({ ...data, cells: withSavedCell(data.cells, saved) });
      await this.refresh();
    });
  }

  /** Runs a save: shows the spinner, and the error (if any) in the action error panel. */
  private async runAction(action: () => Promise<void>): Promise<void> {
    this.saving = true;
    this.actionError = undefined;
    try {
      await action();
    } catch (e) {
      this.actionError = e;
    } finally {
      this.saving = false;
    }
  }

  private async refresh(): Promise<void> {
    if (this.wiredResult) await refreshApex(this.wiredResult);
  }

  handleOpenOpportunity(event: CustomEvent<{ id: string }>): void {
    this[NavigationMixin.Navigate](opportunityPage(event.detail.id));
  }

  /** The standard create form, prefilled from the cell (name, remaining potential, close date, growth). */
  handleNewOpportunity(): void {
    const { openCell: open, matrix, vm, data } = this;
    if (!open || !matrix || !vm || !data) return;
    const prefill = cellPrefillOf({
      accountId: this.recordId as string,
      open,
      matrix,
      vm,
      data,
      fiscalYear: this.fiscalYear
    });
    if (prefill) this[NavigationMixin.Navigate](newOpportunityPage(prefill));
  }

  // ---- buying centers ----

  /** The buying center (tree-indented) and offering pickers of the mapping list and the add form. */
  get pickers(): { buyingCenters: Option[]; offerings: Option[] } {
    return { buyingCenters: buyingCenterOptions(this.matrix), offerings: offeringOptions(this.matrix) };
  }

  handleShowAddBuyingCenter(): void {
    this.showAddBuyingCenter = true;
  }

  handleCancelAddBuyingCenter(): void {
    this.showAddBuyingCenter = false;
  }

  async handleCreateBuyingCenter(
    event: CustomEvent<{ name: string; parentId: string | null; subsidiaryId?: string | null }>
  ): Promise<void> {
    if (!this.data) return;
    await this.runAction(async () => {
      const created: MatrixBuyingCenter = await createBuyingCenter({
        accountId: this.recordId as string,
        name: event.detail.name,
        parentId: event.detail.parentId,
        subsidiaryId: event.detail.subsidiaryId ?? null
      });
      const data = this.data as WhitespaceData;
      this.setData({ ...data, buyingCenters: [...data.buyingCenters, created] });
      this.showAddBuyingCenter = false;
      await this.refresh();
    });
  }

  // ---- unmapped ----

  /** The unmapped bar and list: shown while deals are unmapped, and after a mapping (Undo stays reachable). */
  get unmapped(): UnmappedView | null {
    if (!this.matrix || !this.data) return null;
    const { matrix, data, fiscalYear, format, showUnmapped, mappedOnce } = this;
    return unmappedViewOf({ matrix, data, fiscalYear, format, locale: LOCALE, showUnmapped, mappedOnce });
  }
  private mappedOnce = false;

  handleToggleUnmapped(): void {
    this.showUnmapped = !this.showUnmapped;
  }

  async handleMap(event: CustomEvent<MapRequest>): Promise<void> {
    if (!this.data) return;
    const lastModified = mappingVersion(this.data, event.detail);
    this.mappedOnce = true;
    await this.runAction(async () => {
      const mapped = await mapOpportunity({ ...event.detail, lastModified });
      this.setData(withMapped(this.data as WhitespaceData, mapped));
      await this.refresh();
    });
  }

  handleDismissActionError(): void {
    this.actionError = undefined;
  }
}
