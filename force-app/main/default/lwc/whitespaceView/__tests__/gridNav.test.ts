import { buildMatrix, formatCurrency } from 'c/keyplanCore';
import type { WhitespaceData } from '@keyplan/contracts';
import {
  activationOf,
  columnHeaders,
  grandTotalView,
  headerTabIndex,
  nextPosition,
  scrollToShow
} from '../gridNav';
import { buildViewModel } from '../viewModel';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
const FIXTURE: WhitespaceData = require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json');
const $ = (n: number): string => formatCurrency(n, 'USD', { locale: 'en-US', compact: true });

describe('whitespaceMatrix grid keyboard and headers', () => {
  const bounds = { lastRow: 9, lastCol: 7, page: 5 };
  const at = { row: 3, col: 2 };

  it('moves with arrows, Home/End (Ctrl for the grid) and pages, clamped to the grid', () => {
    expect(nextPosition('ArrowDown', false, at, bounds)).toEqual({ row: 4, col: 2 });
    expect(nextPosition('ArrowUp', false, { row: -1, col: 2 }, bounds)).toEqual({ row: -1, col: 2 });
    expect(nextPosition('ArrowRight', false, { row: 3, col: 7 }, bounds)).toEqual({ row: 3, col: 7 });
    expect(nextPosition('ArrowLeft', false, at, bounds)).toEqual({ row: 3, col: 1 });
    expect(nextPosition('Home', false, at, bounds)).toEqual({ row: 3, col: 0 });
    expect(nextPosition('Home', true, at, bounds)).toEqual({ row: -1, col: 0 });
    expect(nextPosition('End', false, at, bounds)).toEqual({ row: 3, col: 7 });
    expect(nextPosition('End', true, at, bounds)).toEqual({ row: 9, col: 7 });
    expect(nextPosition('PageDown', false, at, bounds)).toEqual({ row: 8, col: 2 });
    expect(nextPosition('PageDown', false, { row: 8, col: 2 }, bounds)).toEqual({ row: 9, col: 2 });
    expect(nextPosition('PageUp', false, at, bounds)).toEqual({ row: -1, col: 2 });
    expect(nextPosition('Enter', false, at, bounds)).toBe('activate');
    expect(nextPosition(' ', false, at, bounds)).toBe('activate');
    expect(nextPosition('a', false, at, bounds)).toBeNull();
  });

  it('keeps a header tabbable when the focused row is scrolled out of the window', () => {
    const span = { start: 10, end: 30 };
    expect(headerTabIndex(2, { activeRow: -1, activeCol: 2 }, span, 100)).toBe(0);
    expect(headerTabIndex(1, { activeRow: -1, activeCol: 2 }, span, 100)).toBe(-1);
    expect(headerTabIndex(2, { activeRow: 15, activeCol: 2 }, span, 100)).toBe(-1);
    expect(headerTabIndex(2, { activeRow: 50, activeCol: 2 }, span, 100)).toBe(0);
    expect(headerTabIndex(2, { activeRow: 100, activeCol: 2 }, span, 100)).toBe(-1); // totals row is always shown
  });

  it('builds the column headers with one tab stop', () => {
    const matrix = buildMatrix(FIXTURE);
    const heads = columnHeaders(matrix.columns, { activeRow: -1, activeCol: 2 }, { start: 0, end: 9 }, 9);
    expect(heads).toHaveLength(matrix.columns.length);
    expect(heads[1]).toMatchObject({ key: matrix.columns[1].id, colIndex: 3, col: 2, tabIndex: 0 });
    expect(heads.filter((h) => h.tabIndex === 0)).toHaveLength(1);
  });

  it('labels the grand total with every figure and the goal', () => {
    const year = buildViewModel(buildMatrix(FIXTURE), 2025, new Set()).year!;
    const g = grandTotalView(year, $, 0);
    expect(g.text).toBe($(year.grandTotal.won + year.grandTotal.pipeline));
    expect(g.ariaLabel).toContain(`won ${$(year.grandTotal.won)}`);
    expect(g.ariaLabel).toContain(year.goal !== null ? `revenue goal ${$(year.goal)}` : 'no revenue goal');
    expect(grandTotalView({ ...year, goal: null }, $, -1).ariaLabel).toMatch(/no revenue goal$/);
    expect(grandTotalView(null, $, -1)).toEqual({ text: '', ariaLabel: '', tabIndex: -1 });
  });

  it('scrolls as little as needed to show a row below the sticky header', () => {
    expect(scrollToShow(2, 500, 560, 72)).toBe(144);
    expect(scrollToShow(10, 500, 560, 72)).toBe(500);
    expect(scrollToShow(20, 0, 560, 72)).toBe(20 * 72 + 72 - (560 - 144));
  });

  it('toggles a parent on its row header and opens an offering cell on Enter', () => {
    const matrix = buildMatrix(FIXTURE);
    const vm = buildViewModel(matrix, 2025, new Set());
    const parent = vm.rows.findIndex((r) => matrix.rows[r].childIds.length > 0);
    const leaf = vm.rows.findIndex((r) => matrix.rows[r].childIds.length === 0);
    expect(activationOf(matrix, vm, parent, 0)).toEqual({
      toggle: matrix.rows[vm.rows[parent]].buyingCenter.id
    });
    expect(activationOf(matrix, vm, leaf, 0)).toBeNull();
    expect(activationOf(matrix, vm, leaf, 2)).toEqual({
      open: { buyingCenterId: matrix.rows[vm.rows[leaf]].buyingCenter.id, offeringId: matrix.columns[1].id }
    });
    expect(activationOf(matrix, vm, leaf, matrix.columns.length + 1)).toBeNull(); // the total column
    expect(activationOf(matrix, vm, -1, 2)).toBeNull(); // the column header
    expect(activationOf(matrix, vm, vm.rows.length, 2)).toBeNull(); // the totals row
  });
});
