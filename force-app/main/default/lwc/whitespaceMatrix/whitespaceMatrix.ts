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
import {
  buildMatrix,
  currentFiscalYear,
  figureOptions,
  formatCurrency,
  formatDate,
  type WhitespaceMatrix as Matrix
} from 'c/keyplanCore';
import type {
  LandscapeCellDto,
  LandscapeCellInput,
  MatrixBuyingCenter,
  MatrixOpportunity,
  WhitespaceData
} from '@keyplan/contracts';
import {
  ROW_HEIGHT,
  buildViewModel,
  cellLabel,
  columnTotals,
  encodeDefaultFieldValues,
  memoFormatter,
  rowWindow,
  summaryOf,
  windowOf,
  type ColumnTotalView,
  type MoneyFormatter,
  type RowView,
  type SummaryItem,
  type ViewModel
} from './viewModel';

/** What the cell panel shows and edits. */
export interface CellDetail {
  buyingCenterId: string;
  offeringId: string;
  fiscalYear: number;
  title: string;
  summary: string;
  state: LandscapeCellDto['state'];
  competitor: string;
  potential: number | null;
  opportunities: { id: string; name: string; detail: string }[];
  canEdit: boolean;
  canCreateOpportunity: boolean;
}

const CURRENT_YEAR = new Date().getFullYear();

function updateable(info: ObjectInfo | undefined, fields: string[]): boolean {
  // Unknown (still loading, or no UI API in the preview): let the server decide, it runs in user mode.
  if (!info) return true;
  return fields.every((f) => info.fields[f]?.updateable !== false);
}

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
  /** Height of the scrolling matrix in px (design attribute). */
  @api matrixHeight = 560;

  selectedYear?: number = undefined;
  wiredResult?: WireResult<WhitespaceData> = undefined;
  /** The data the matrix is built from: the wire's data with saved changes applied on top. */
  data?: WhitespaceData = undefined;
  error?: unknown = undefined;
  actionError?: unknown = undefined;
  matrix?: Matrix = undefined;
  vm?: ViewModel = undefined;
  collapsed = new Set<string>();
  scrollTop = 0;
  activeRow = 0;
  activeCol = 1;
  openCell?: { buyingCenterId: string; offeringId: string } = undefined;
  saving = false;
  showAddBuyingCenter = false;
  showUnmapped = false;
  cellInfo?: ObjectInfo = undefined;
  oppInfo?: ObjectInfo = undefined;
  bcInfo?: ObjectInfo = undefined;
  private format: MoneyFormatter = memoFormatter((v) =>
    formatCurrency(v, CURRENCY || 'USD', { locale: LOCALE, compact: true })
  );
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

  private setData(data: WhitespaceData): void {
    this.data = data;
    if (data.currencyCode !== this.currencyCode) {
      this.currencyCode = data.currencyCode;
      const code = data.currencyCode || CURRENCY || 'USD';
      this.format = memoFormatter((v) => formatCurrency(v, code, { locale: LOCALE, compact: true }));
    }
    // The org's fiscal year and currency travel with the data: the matrix buckets and sums as the org does.
    const options = figureOptions(data);
    this.matrix = buildMatrix(data, { ...options, weighted: this.weightedPipeline });
    // No year chosen: show the org's current fiscal year (the wire then brings that year).
    if (this.selectedYear === undefined && this.defaultFiscalYear === undefined) {
      const current = currentFiscalYear(options.fiscalYear);
      if (current !== this.fiscalYear) this.selectedYear = current;
    }
    this.rebuildView();
  }

  private rebuildView(): void {
    if (!this.matrix) return;
    this.vm = buildViewModel(this.matrix, this.fiscalYear, this.collapsed);
    this.activeRow = Math.min(this.activeRow, this.vm.rows.length);
  }

  // ---- states ----

  get isLoading(): boolean {
    return !this.data && !this.error;
  }

  get hasError(): boolean {
    return !!this.error;
  }

  get isEmpty(): boolean {
    return !!this.matrix && (this.matrix.rows.length === 0 || this.matrix.columns.length === 0);
  }

  get hasData(): boolean {
    return !!this.matrix && !this.isEmpty;
  }

  get emptyMessage(): string {
    if (!this.matrix) return '';
    if (this.matrix.rows.length === 0)
      return 'This account has no buying centers yet. Add the divisions and regions that buy from you to see where the account can grow.';
    return 'No active offerings. Ask your admin to activate offerings (Offering__c, Active) to fill the matrix.';
  }

  // ---- header: fiscal year, summary ----

  get yearOptions(): { label: string; value: string }[] {
    const years = new Set<number>([
      this.fiscalYear,
      CURRENT_YEAR - 2,
      CURRENT_YEAR - 1,
      CURRENT_YEAR,
      CURRENT_YEAR + 1
    ]);
    for (const y of this.data?.fiscalYears ?? []) years.add(y);
    return [...years].sort((a, b) => a - b).map((y) => ({ label: `FY${y}`, value: String(y) }));
  }

  get yearValue(): string {
    return String(this.fiscalYear);
  }

  handleYearChange(event: CustomEvent<{ value: string }>): void {
    const year = Number(event.detail.value);
    if (!Number.isInteger(year) || year === this.fiscalYear) return;
    this.selectedYear = year;
    this.openCell = undefined;
    // Rebuilds from the data at hand at once (it holds the year before), the wire brings the new year.
    this.rebuildView();
  }

  get summary(): SummaryItem[] {
    return this.vm?.year ? summaryOf(this.vm.year, this.format) : [];
  }

  get yearMissing(): boolean {
    return !!this.vm && !this.vm.year;
  }

  // ---- grid ----

  get columns(): {
    key: string;
    name: string;
    family: string;
    colIndex: number;
    col: number;
    tabIndex: number;
  }[] {
    const header = this.activeRow === -1;
    return (this.matrix?.columns ?? []).map((c, k) => ({
      key: c.id,
      name: c.name,
      family: c.family ?? '',
      colIndex: k + 2,
      col: k + 1,
      tabIndex: header && this.activeCol === k + 1 ? 0 : this.headerFallback(k + 1)
    }));
  }

  /** When the active row is scrolled out of the window, the sticky column header keeps the grid reachable by Tab. */
  private headerFallback(col: number): number {
    if (this.activeRow === -1 || this.activeCol !== col) return -1;
    const { start, end } = this.window;
    const totals = this.vm ? this.vm.rows.length : 0;
    return this.activeRow === totals || (this.activeRow >= start && this.activeRow < end) ? -1 : 0;
  }

  get cornerTabIndex(): number {
    return (this.activeRow === -1 && this.activeCol === 0) || this.headerFallback(0) === 0 ? 0 : -1;
  }

  get totalHeaderTabIndex(): number {
    const last = (this.matrix?.columns.length ?? 0) + 1;
    return (this.activeRow === -1 && this.activeCol === last) || this.headerFallback(last) === 0 ? 0 : -1;
  }

  get lastCol(): number {
    return (this.matrix?.columns.length ?? 0) + 1;
  }

  get totalsRow(): number {
    return this.vm?.rows.length ?? 0;
  }

  get colCount(): number {
    return (this.matrix?.columns.length ?? 0) + 2;
  }

  get rowCount(): number {
    return (this.vm?.rows.length ?? 0) + 2;
  }

  get totalsRowIndex(): number {
    return this.rowCount;
  }

  private get window(): { start: number; end: number } {
    return windowOf(this.scrollTop, this.matrixHeight, this.vm?.rows.length ?? 0, ROW_HEIGHT);
  }

  private get context() {
    return {
      format: this.format,
      activeRow: this.activeRow,
      activeCol: this.activeCol,
      previousYear: this.fiscalYear - 1
    };
  }

  get visibleRows(): RowView[] {
    if (!this.matrix || !this.vm) return [];
    const { start, end } = this.window;
    return rowWindow(this.matrix, this.vm, start, end, this.context);
  }

  get topSpacerStyle(): string {
    return `height: ${this.window.start * ROW_HEIGHT}px`;
  }

  get bottomSpacerStyle(): string {
    const total = this.vm?.rows.length ?? 0;
    return `height: ${Math.max(0, total - this.window.end) * ROW_HEIGHT}px`;
  }

  get scrollerStyle(): string {
    return `max-height: ${this.matrixHeight}px; --kp-row-height: ${ROW_HEIGHT}px`;
  }

  get totals(): ColumnTotalView[] {
    return this.matrix && this.vm ? columnTotals(this.matrix, this.vm, this.context) : [];
  }

  get grandTotal(): { text: string; ariaLabel: string; tabIndex: number } {
    const y = this.vm?.year;
    const last = (this.matrix?.columns.length ?? 0) + 1;
    const tabIndex = this.activeRow === (this.vm?.rows.length ?? 0) && this.activeCol === last ? 0 : -1;
    if (!y) return { text: '', ariaLabel: '', tabIndex };
    const f = this.format;
    return {
      text: f(y.grandTotal.won + y.grandTotal.pipeline),
      ariaLabel:
        `All buying centers: won ${f(y.grandTotal.won)}, open pipeline ${f(y.grandTotal.pipeline)}, whitespace potential ${f(y.grandTotal.potential)}, competitive potential ${f(y.grandTotal.competitive)}` +
        (y.goal !== null ? `, revenue goal ${f(y.goal)}` : ', no revenue goal'),
      tabIndex
    };
  }

  get totalsHeaderTabIndex(): number {
    return this.activeRow === (this.vm?.rows.length ?? 0) && this.activeCol === 0 ? 0 : -1;
  }

  handleScroll(event: Event): void {
    const top = (event.currentTarget as HTMLElement).scrollTop;
    // Re-render only when the window moves by a row, not on every pixel.
    if (Math.floor(top / ROW_HEIGHT) !== Math.floor(this.scrollTop / ROW_HEIGHT)) this.scrollTop = top;
  }

  handleToggle(event: Event): void {
    event.stopPropagation();
    const id = (event.currentTarget as HTMLElement).dataset.id as string;
    this.toggleRow(id);
  }

  private toggleRow(id: string): void {
    const next = new Set(this.collapsed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.collapsed = next;
    this.rebuildView();
  }

  handleCellClick(event: Event): void {
    const el = event.currentTarget as HTMLElement;
    const row = Number(el.dataset.row);
    const col = Number(el.dataset.col);
    this.activeRow = row;
    this.activeCol = col;
    if (el.dataset.bc && el.dataset.offering) this.openCellPanel(el.dataset.bc, el.dataset.offering);
  }

  /** Grid keyboard pattern: arrows, Home/End (Ctrl for the grid), PageUp/PageDown, Enter/Space to open. */
  handleGridKeydown(event: KeyboardEvent): void {
    if (!this.vm || !this.matrix) return;
    const lastRow = this.vm.rows.length; // the totals row
    const lastCol = this.matrix.columns.length + 1;
    const page = Math.max(1, Math.floor(this.matrixHeight / ROW_HEIGHT) - 1);
    let row = this.activeRow;
    let col = this.activeCol;
    switch (event.key) {
      case 'ArrowDown':
        row = Math.min(lastRow, row + 1);
        break;
      case 'ArrowUp':
        row = Math.max(-1, row - 1);
        break;
      case 'ArrowRight':
        col = Math.min(lastCol, col + 1);
        break;
      case 'ArrowLeft':
        col = Math.max(0, col - 1);
        break;
      case 'Home':
        col = 0;
        if (event.ctrlKey) row = -1;
        break;
      case 'End':
        col = lastCol;
        if (event.ctrlKey) row = lastRow;
        break;
      case 'PageDown':
        row = Math.min(lastRow, row + page);
        break;
      case 'PageUp':
        row = Math.max(-1, row - page);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.activate();
        return;
      default:
        return;
    }
    event.preventDefault();
    this.moveTo(row, col);
  }

  private activate(): void {
    if (!this.vm || !this.matrix) return;
    const row = this.activeRow;
    if (row < 0 || row >= this.vm.rows.length) return;
    const mRow = this.matrix.rows[this.vm.rows[row]];
    if (this.activeCol === 0) {
      if (mRow.childIds.length) this.toggleRow(mRow.buyingCenter.id);
      return;
    }
    const column = this.matrix.columns[this.activeCol - 1];
    if (column) this.openCellPanel(mRow.buyingCenter.id, column.id);
  }

  private moveTo(row: number, col: number): void {
    this.activeRow = row;
    this.activeCol = col;
    const scroller = this.template?.querySelector<HTMLElement>('.scroller');
    if (scroller && row >= 0 && this.vm && row < this.vm.rows.length) {
      // Keep the focused row inside the viewport (below the sticky header), so it is rendered.
      const top = row * ROW_HEIGHT;
      const viewTop = scroller.scrollTop;
      const bodyHeight = this.matrixHeight - 2 * ROW_HEIGHT;
      if (top < viewTop) scroller.scrollTop = top;
      else if (top + ROW_HEIGHT > viewTop + bodyHeight) scroller.scrollTop = top + ROW_HEIGHT - bodyHeight;
      this.scrollTop = scroller.scrollTop;
      if (top < this.window.start * ROW_HEIGHT || row >= this.window.end) this.scrollTop = top;
    }
    this.pendingFocus = true;
  }

  override renderedCallback(): void {
    if (!this.pendingFocus) return;
    this.pendingFocus = false;
    const target = this.template?.querySelector<HTMLElement>(
      `[data-row="${this.activeRow}"][data-col="${this.activeCol}"]`
    );
    target?.focus();
  }

  // ---- cell panel ----

  private landscapeCell(buyingCenterId: string, offeringId: string): LandscapeCellDto | undefined {
    return this.data?.cells.find(
      (c) =>
        c.buyingCenterId === buyingCenterId && c.offeringId === offeringId && c.fiscalYear === this.fiscalYear
    );
  }

  private openCellPanel(buyingCenterId: string, offeringId: string): void {
    this.actionError = undefined;
    this.openCell = { buyingCenterId, offeringId };
  }

  get cellDetail(): CellDetail | undefined {
    const open = this.openCell;
    if (!open || !this.matrix || !this.vm?.year || !this.data) return undefined;
    const r = this.matrix.rows.findIndex((x) => x.buyingCenter.id === open.buyingCenterId);
    const k = this.matrix.columns.findIndex((c) => c.id === open.offeringId);
    if (r < 0 || k < 0) return undefined;
    const cell = this.vm.year.cells[r * this.matrix.columns.length + k];
    const rowName = this.matrix.rows[r].buyingCenter.name;
    const colName = this.matrix.columns[k].name;
    const landscape = this.landscapeCell(open.buyingCenterId, open.offeringId);
    const ids = new Set(cell.opportunityIds);
    const opportunities = this.data.opportunities
      .filter((o) => ids.has(o.id))
      .map((o) => ({
        id: o.id,
        name: o.name,
        detail: `${o.stageName} · ${this.format(o.amount ?? 0)} · ${formatDate(o.closeDate, { locale: LOCALE })}`
      }));
    return {
      buyingCenterId: open.buyingCenterId,
      offeringId: open.offeringId,
      fiscalYear: this.fiscalYear,
      title: `${rowName} x ${colName}`,
      summary: cellLabel(
        rowName,
        colName,
        cell.status,
        cell.competitor,
        cell,
        cell.change,
        this.format,
        this.fiscalYear - 1
      )
        .split(': ')
        .slice(1)
        .join(': '),
      state: landscape?.state ?? 'Unassessed',
      competitor: landscape?.competitor ?? '',
      potential: landscape?.potential ?? null,
      opportunities,
      canEdit: updateable(this.cellInfo, ['State__c', 'Competitor__c', 'Potential__c']),
      canCreateOpportunity:
        !this.oppInfo || this.oppInfo.fields.Keyplan_Buying_Center__c?.createable !== false
    };
  }

  handlePanelClose(): void {
    this.openCell = undefined;
    this.pendingFocus = true;
  }

  async handleCellSave(
    event: CustomEvent<{
      state: LandscapeCellDto['state'];
      competitor: string | null;
      potential: number | null;
    }>
  ): Promise<void> {
    const open = this.openCell;
    if (!open || !this.data) return;
    const existing = this.landscapeCell(open.buyingCenterId, open.offeringId);
    const input: LandscapeCellInput = {
      buyingCenterId: open.buyingCenterId,
      offeringId: open.offeringId,
      fiscalYear: this.fiscalYear,
      state: event.detail.state,
      competitor: event.detail.state === 'Competitor' ? event.detail.competitor : null,
      potential: event.detail.potential
    };
    if (existing) {
      input.id = existing.id;
      input.lastModified = existing.lastModified;
    }
    this.saving = true;
    this.actionError = undefined;
    try {
      const saved = await saveCell({ input });
      const cells = this.data.cells.filter(
        (c) =>
          c.id !== saved.id &&
          !(
            c.buyingCenterId === saved.buyingCenterId &&
            c.offeringId === saved.offeringId &&
            c.fiscalYear === saved.fiscalYear
          )
      );
      this.setData({ ...this.data, cells: [...cells, saved] });
      await this.refresh();
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
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: event.detail.id, objectApiName: 'Opportunity', actionName: 'view' }
    });
  }

  handleNewOpportunity(): void {
    const open = this.openCell;
    if (!open) return;
    this[NavigationMixin.Navigate]({
      type: 'standard__objectPage',
      attributes: { objectApiName: 'Opportunity', actionName: 'new' },
      state: {
        defaultFieldValues: encodeDefaultFieldValues({
          AccountId: this.recordId as string,
          Keyplan_Buying_Center__c: open.buyingCenterId,
          Keyplan_Offering__c: open.offeringId
        }),
        navigationLocation: 'RELATED_LIST'
      }
    });
  }

  // ---- buying centers ----

  get canAddBuyingCenter(): boolean {
    return !this.bcInfo || this.bcInfo.fields.Name?.createable !== false;
  }

  get buyingCenterOptions(): { label: string; value: string }[] {
    return (this.matrix?.rows ?? []).map((r) => ({
      label: `${'\u2003'.repeat(r.depth)}${r.buyingCenter.name}`,
      value: r.buyingCenter.id
    }));
  }

  get offeringOptions(): { label: string; value: string }[] {
    return (this.matrix?.columns ?? []).map((c) => ({ label: c.name, value: c.id }));
  }

  handleShowAddBuyingCenter(): void {
    this.showAddBuyingCenter = true;
  }

  handleCancelAddBuyingCenter(): void {
    this.showAddBuyingCenter = false;
  }

  async handleCreateBuyingCenter(
    event: CustomEvent<{ name: string; parentId: string | null }>
  ): Promise<void> {
    if (!this.data) return;
    this.saving = true;
    this.actionError = undefined;
    try {
      const created: MatrixBuyingCenter = await createBuyingCenter({
        accountId: this.recordId as string,
        name: event.detail.name,
        parentId: event.detail.parentId
      });
      this.setData({ ...this.data, buyingCenters: [...this.data.buyingCenters, created] });
      this.showAddBuyingCenter = false;
      await this.refresh();
    } catch (e) {
      this.actionError = e;
    } finally {
      this.saving = false;
    }
  }

  // ---- unmapped ----

  get unmapped(): {
    id: string;
    name: string;
    detail: string;
    reason: string;
    lastModified: string;
  }[] {
    if (!this.matrix || !this.data) return [];
    const reasons: Record<string, string> = {
      'no-buying-center': 'No buying center',
      'no-offering': 'No offering',
      'unknown-buying-center': 'Buying center not shown (inactive or another account)',
      'unknown-offering': 'Offering not shown (inactive)'
    };
    const byId = new Map(this.data.opportunities.map((o) => [o.id, o]));
    return this.matrix.unmapped
      .filter((u) => u.fiscalYear === this.fiscalYear)
      .map((u) => {
        const o = byId.get(u.opportunityId) as MatrixOpportunity;
        return {
          id: o.id,
          name: o.name,
          detail: `${o.stageName} · ${this.format(o.amount ?? 0)} · ${formatDate(o.closeDate, { locale: LOCALE })}`,
          reason: reasons[u.reason],
          lastModified: o.lastModified
        };
      });
  }

  get unmappedCount(): number {
    return this.unmapped.length;
  }

  get unmappedText(): string {
    const y = this.vm?.year;
    if (!y) return '';
    return `${this.unmappedCount} unmapped ${this.unmappedCount === 1 ? 'opportunity' : 'opportunities'}: won ${this.format(y.unmapped.won)}, open ${this.format(y.unmapped.pipeline)}`;
  }

  get unmappedToggleLabel(): string {
    return this.showUnmapped ? 'Hide' : 'Review and map';
  }

  get canMap(): boolean {
    return updateable(this.oppInfo, ['Keyplan_Buying_Center__c', 'Keyplan_Offering__c']);
  }

  handleToggleUnmapped(): void {
    this.showUnmapped = !this.showUnmapped;
  }

  async handleMap(
    event: CustomEvent<{
      opportunityId: string;
      buyingCenterId: string;
      offeringId: string;
      lastModified: string;
    }>
  ): Promise<void> {
    if (!this.data) return;
    this.saving = true;
    this.actionError = undefined;
    try {
      const mapped = await mapOpportunity({ ...event.detail });
      this.setData({
        ...this.data,
        opportunities: this.data.opportunities.map((o) => (o.id === mapped.id ? mapped : o))
      });
      await this.refresh();
    } catch (e) {
      this.actionError = e;
    } finally {
      this.saving = false;
    }
  }

  get hasActionError(): boolean {
    return !!this.actionError;
  }

  handleDismissActionError(): void {
    this.actionError = undefined;
  }
}
