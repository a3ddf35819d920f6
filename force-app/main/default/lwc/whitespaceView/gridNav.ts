/**
 * Keyboard focus of the whitespace grid, as pure functions: where the arrow, Home/End and Page keys
 * move the focused cell, which header keeps the grid reachable by Tab when the focused row is scrolled
 * away, and how far to scroll to show a row. Positions: row -1 is the column header, rows.length the
 * totals row; column 0 is the row header, columns.length + 1 the total column.
 */
import type { MatrixYear, WhitespaceMatrix } from '../keyplanCore/matrix';
import type { ViewModel } from './rowWindow';
import type { MoneyFormatter } from './labels';
import { groupToggleKey } from './groupRow';

/** The focused grid position. */
export interface Focus {
  activeRow: number;
  activeCol: number;
}

/** The rendered slice of body rows [start, end). */
export interface RowSpan {
  start: number;
  end: number;
}

/** Bounds of a key move: the totals row, the total column and the rows a page moves. */
export interface GridBounds {
  lastRow: number;
  lastCol: number;
  page: number;
}

/**
 * Grid keyboard pattern: the position a key moves to, 'activate' for Enter/Space, or null for a key the
 * grid does not handle.
 */
export function nextPosition(
  key: string,
  ctrlKey: boolean,
  from: { row: number; col: number },
  bounds: GridBounds
): { row: number; col: number } | 'activate' | null {
  const { lastRow, lastCol, page } = bounds;
  let { row, col } = from;
  switch (key) {
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
      if (ctrlKey) row = -1;
      break;
    case 'End':
      col = lastCol;
      if (ctrlKey) row = lastRow;
      break;
    case 'PageDown':
      row = Math.min(lastRow, row + page);
      break;
    case 'PageUp':
      row = Math.max(-1, row - page);
      break;
    case 'Enter':
    case ' ':
      return 'activate';
    default:
      return null;
  }
  return { row, col };
}

/**
 * Tab index of the column header at `col`: 0 when it has the focus, and also when the focused body row
 * is scrolled out of the rendered window (the sticky header then keeps the grid reachable by Tab).
 */
export function headerTabIndex(col: number, focus: Focus, span: RowSpan, totalsRow: number): number {
  if (focus.activeCol !== col) return -1;
  if (focus.activeRow === -1) return 0;
  const shown =
    focus.activeRow === totalsRow || (focus.activeRow >= span.start && focus.activeRow < span.end);
  return shown ? -1 : 0;
}

/** One column header of the grid. */
export interface ColumnHeader {
  key: string;
  name: string;
  family: string;
  colIndex: number;
  col: number;
  tabIndex: number;
}

/** The offering column headers. */
export function columnHeaders(
  columns: WhitespaceMatrix['columns'],
  focus: Focus,
  span: RowSpan,
  totalsRow: number
): ColumnHeader[] {
  return columns.map((c, k) => ({
    key: c.id,
    name: c.name,
    family: c.family ?? '',
    colIndex: k + 2,
    col: k + 1,
    tabIndex: headerTabIndex(k + 1, focus, span, totalsRow)
  }));
}

/** The grand total cell (bottom right): won plus open, and all figures for screen readers. */
export function grandTotalView(
  year: MatrixYear | null | undefined,
  format: MoneyFormatter,
  tabIndex: number
): { text: string; ariaLabel: string; tabIndex: number } {
  if (!year) return { text: '', ariaLabel: '', tabIndex };
  const f = format;
  const t = year.grandTotal;
  return {
    text: f(t.won + t.pipeline),
    ariaLabel:
      `All buying centers: won ${f(t.won)}, open pipeline ${f(t.pipeline)}, whitespace potential ${f(t.potential)}, competitive potential ${f(t.competitive)}` +
      (year.goal !== null ? `, revenue goal ${f(year.goal)}` : ', no revenue goal'),
    tabIndex
  };
}

/**
 * The scroll position that shows body row `row` inside the viewport below the sticky header (and above
 * the sticky totals row), moving as little as possible.
 */
export function scrollToShow(
  row: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number
): number {
  const top = row * rowHeight;
  const bodyHeight = viewportHeight - 2 * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + bodyHeight) return top + rowHeight - bodyHeight;
  return scrollTop;
}

/**
 * What Enter/Space does at a position: toggle a parent buying center or a company (rows grouped by
 * company) on its row header, open the cell panel on an offering cell, nothing elsewhere (headers,
 * totals, a leaf's row header, a company's subtotal cells).
 */
export function activationOf(
  matrix: WhitespaceMatrix,
  vm: ViewModel,
  row: number,
  col: number
): { toggle: string } | { open: { buyingCenterId: string; offeringId: string } } | null {
  if (row < 0 || row >= vm.rows.length) return null;
  const r = vm.rows[row];
  if (r < 0) {
    const group = vm.groups?.[-1 - r];
    return col === 0 && group?.roots.length ? { toggle: groupToggleKey(group.key) } : null;
  }
  const mRow = matrix.rows[r];
  if (col === 0) return mRow.childIds.length ? { toggle: mRow.buyingCenter.id } : null;
  const column = matrix.columns[vm.columns[col - 1]];
  return column ? { open: { buyingCenterId: mRow.buyingCenter.id, offeringId: column.id } } : null;
}
