import { LightningElement, api } from 'lwc';
import type { WhitespaceMatrix as Matrix } from 'c/keyplanCore';
import {
  ROW_HEIGHT,
  activationOf,
  columnHeaders,
  columnsInOrder,
  columnTotals,
  grandTotalView,
  headerTabIndex,
  nextPosition,
  rowWindow,
  scrollToShow,
  windowOf,
  type ColumnHeader,
  type ColumnTotalView,
  type MoneyFormatter,
  type RowView,
  type ViewModel
} from 'c/whitespaceView';

/**
 * The whitespace grid: buying centers x offerings with row and column totals, virtualised (fixed row
 * height) and navigable by keyboard (roving tab index). It owns focus and scrolling; the container
 * (c-whitespace-matrix) owns the data and which buying centers are collapsed. Events: `rowtoggle` { id }
 * to expand or collapse a buying center, `cellopen` { buyingCenterId, offeringId } to open the cell panel.
 */
export default class WhitespaceGrid extends LightningElement {
  @api matrix?: Matrix = undefined;
  /** Height of the scrolling grid in px. */
  /** Height of the scrolling grid in px; 0 fills the height the page gives (the window's, less the page chrome). */
  @api matrixHeight = 560;

  /** The grid's height in px: the design attribute, else the window's height less room for the header and summary. */
  get viewHeight(): number {
    const h = Number(this.matrixHeight);
    if (h > 0) return h;
    const win = typeof window !== 'undefined' && window.innerHeight ? window.innerHeight : 800;
    return Math.max(320, win - 180);
  }
  /** The fiscal year shown (the change text compares with the year before). */
  @api fiscalYear = 0;
  /** Formats money (the container's, in the org currency). */
  @api format: MoneyFormatter = (value: number) => String(value);

  scrollTop = 0;
  activeRow = 0;
  activeCol = 1;
  private currentVm?: ViewModel = undefined;
  private pendingFocus = false;

  /** The rows shown (collapsed buying centers hide their sub-centers) and the year's figures. */
  @api
  get vm(): ViewModel | undefined {
    return this.currentVm;
  }
  set vm(value: ViewModel | undefined) {
    this.currentVm = value;
    if (value) this.activeRow = Math.min(this.activeRow, value.rows.length);
  }

  /** Moves the focus back to the active cell (after the cell panel closes). */
  @api
  focusActiveCell(): void {
    this.template
      ?.querySelector<HTMLElement>(`[data-row="${this.activeRow}"][data-col="${this.activeCol}"]`)
      ?.focus();
  }

  private get focus(): { activeRow: number; activeCol: number } {
    return { activeRow: this.activeRow, activeCol: this.activeCol };
  }

  get columns(): ColumnHeader[] {
    const columns = this.matrix && this.vm ? columnsInOrder(this.matrix, this.vm) : [];
    return columnHeaders(columns, this.focus, this.window, this.totalsRow);
  }

  get cornerTabIndex(): number {
    return headerTabIndex(0, this.focus, this.window, this.totalsRow);
  }

  get totalHeaderTabIndex(): number {
    return headerTabIndex(this.lastCol, this.focus, this.window, this.totalsRow);
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
    return windowOf(this.scrollTop, this.viewHeight, this.vm?.rows.length ?? 0, ROW_HEIGHT);
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
    return `max-height: ${this.viewHeight}px; --kp-row-height: ${ROW_HEIGHT}px`;
  }

  get totals(): ColumnTotalView[] {
    return this.matrix && this.vm ? columnTotals(this.matrix, this.vm, this.context) : [];
  }

  get grandTotal(): { text: string; ariaLabel: string; tabIndex: number } {
    const tabIndex = this.activeRow === this.totalsRow && this.activeCol === this.lastCol ? 0 : -1;
    return grandTotalView(this.vm?.year, this.format, tabIndex);
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
    this.toggle((event.currentTarget as HTMLElement).dataset.id as string);
  }

  private toggle(id: string): void {
    this.dispatchEvent(new CustomEvent('rowtoggle', { detail: { id } }));
  }

  handleCellClick(event: Event): void {
    const el = event.currentTarget as HTMLElement;
    this.activeRow = Number(el.dataset.row);
    this.activeCol = Number(el.dataset.col);
    if (el.dataset.bc && el.dataset.offering) this.openCell(el.dataset.bc, el.dataset.offering);
  }

  private openCell(buyingCenterId: string, offeringId: string): void {
    this.dispatchEvent(new CustomEvent('cellopen', { detail: { buyingCenterId, offeringId } }));
  }

  /** Grid keyboard pattern: arrows, Home/End (Ctrl for the grid), PageUp/PageDown, Enter/Space to open. */
  handleGridKeydown(event: KeyboardEvent): void {
    if (!this.vm || !this.matrix) return;
    const next = nextPosition(
      event.key,
      event.ctrlKey,
      { row: this.activeRow, col: this.activeCol },
      {
        lastRow: this.vm.rows.length, // the totals row
        lastCol: this.matrix.columns.length + 1,
        page: Math.max(1, Math.floor(this.viewHeight / ROW_HEIGHT) - 1)
      }
    );
    if (!next) return;
    event.preventDefault();
    if (next === 'activate') this.activate();
    else this.moveTo(next.row, next.col);
  }

  private activate(): void {
    if (!this.vm || !this.matrix) return;
    const action = activationOf(this.matrix, this.vm, this.activeRow, this.activeCol);
    if (action && 'toggle' in action) this.toggle(action.toggle);
    else if (action) this.openCell(action.open.buyingCenterId, action.open.offeringId);
  }

  private moveTo(row: number, col: number): void {
    this.activeRow = row;
    this.activeCol = col;
    const scroller = this.template?.querySelector<HTMLElement>('.scroller');
    if (scroller && row >= 0 && this.vm && row < this.vm.rows.length) {
      // Keep the focused row inside the viewport (below the sticky header), so it is rendered.
      const top = row * ROW_HEIGHT;
      const next = scrollToShow(row, scroller.scrollTop, this.viewHeight, ROW_HEIGHT);
      if (next !== scroller.scrollTop) scroller.scrollTop = next;
      this.scrollTop = scroller.scrollTop;
      if (top < this.window.start * ROW_HEIGHT || row >= this.window.end) this.scrollTop = top;
    }
    this.pendingFocus = true;
  }

  override renderedCallback(): void {
    if (!this.pendingFocus) return;
    this.pendingFocus = false;
    this.focusActiveCell();
  }
}
