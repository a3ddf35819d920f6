/**
 * View model of the whitespace matrix: turns the core's aggregated matrix (keyplanCore/matrix.ts)
 * into what the template renders. Pure TypeScript, no DOM, no platform imports, so the benchmark can
 * run it in Node. It never adds money up itself: every amount shown comes from the core's cells,
 * rolled cells, row, column and grand totals.
 *
 * Type imports use a relative path on purpose: Babel erases them, and Node (bench) cannot resolve `c/`.
 */
import type { MatrixYear, Money3, WhitespaceMatrix } from '../keyplanCore/matrix';
import type { CompanyGroups } from '../keyplanCore/matrixGroups';
import type { ViewModel } from './rowWindow';
import { groupToggleKey } from './groupRow';

export { CHANGE_INFO, STATE_INFO, cellLabel, memoFormatter } from './labels';
export type { MoneyFormatter } from './labels';
export { rowWindow } from './rowWindow';
export { groupRowParts, groupToggleKey } from './groupRow';
export type { GroupRowParts, SubtotalView } from './groupRow';
export type { CellView, RowView, TotalView, ViewModel, WindowContext } from './rowWindow';
export { columnTotals, summaryOf } from './summary';
export type { ColumnTotalView, SummaryItem } from './summary';

/** Fixed body row height in px: virtualisation depends on it (keep in sync with whitespaceMatrix.css). */
export const ROW_HEIGHT = 72;
/** Rows rendered above and below the visible window, so fast scrolling does not show blanks. */
export const OVERSCAN = 6;
/** How rows are ordered: the buying centers' own order, or siblings by money or name (tree kept). */
export type RowSort = 'order' | 'total' | 'potential' | 'won' | 'name';
export const ROW_SORTS: readonly { value: RowSort; label: string }[] = [
  { value: 'order', label: 'Buying center order' },
  { value: 'total', label: 'Total (won + open)' },
  { value: 'potential', label: 'Potential' },
  { value: 'won', label: 'Won' },
  { value: 'name', label: 'Name' }
];

/** How offering columns are ordered: the offerings' own sort order, or by the column's money or name. */
export type ColumnSort = RowSort;
export const COLUMN_SORTS: readonly { value: ColumnSort; label: string }[] = [
  { value: 'order', label: 'Offering order' },
  ...ROW_SORTS.slice(1)
];

/** The money a row or column is sorted by (largest first): won + open, potential (both kinds), or won. */
function moneyKey(t: Money3 | undefined, sortBy: RowSort): number {
  if (!t) return 0;
  if (sortBy === 'won') return t.won;
  if (sortBy === 'potential') return t.potential + t.competitive;
  return t.won + t.pipeline;
}

/** Largest first by `key`, then by name, then by the original order. */
function byMoneyThenName(
  sortBy: RowSort,
  key: (i: number) => number,
  name: (i: number) => string
): (a: number, b: number) => number {
  return (a, b) => {
    if (sortBy !== 'name') {
      const d = key(b) - key(a);
      if (d) return d;
    }
    return name(a).localeCompare(name(b)) || a - b;
  };
}

/** Row indices in tree order, siblings sorted by the rolled money of `year` (largest first) or by name. */
function sortedTree(matrix: WhitespaceMatrix, year: MatrixYear | null, sortBy: RowSort): number[] {
  const n = matrix.rows.length;
  if (sortBy === 'order' || !n) return Array.from({ length: n }, (_, i) => i);
  const indexOf = new Map(matrix.rows.map((r, i) => [r.buyingCenter.id, i]));
  const order = byMoneyThenName(
    sortBy,
    (i) => moneyKey(year?.rowTotals[i]?.rolled, sortBy),
    (i) => matrix.rows[i].buyingCenter.name
  );
  const out: number[] = [];
  const visit = (list: number[]): void => {
    list.sort(order);
    for (const i of list) {
      out.push(i);
      visit(matrix.rows[i].childIds.map((id) => indexOf.get(id) as number));
    }
  };
  visit(matrix.rows.flatMap((r, i) => (r.parentId === null ? [i] : [])));
  return out;
}

/** Column indices in display order: the offerings' order, or by the year's column totals or by name. */
export function sortedColumns(
  matrix: WhitespaceMatrix,
  year: MatrixYear | null,
  sortBy: ColumnSort
): number[] {
  const all = matrix.columns.map((_, k) => k);
  if (sortBy === 'order') return all;
  return all.sort(
    byMoneyThenName(
      sortBy,
      (k) => moneyKey(year?.columnTotals[k], sortBy),
      (k) => matrix.columns[k].name
    )
  );
}

/** The offering columns in display order. */
export const columnsInOrder = (matrix: WhitespaceMatrix, vm: ViewModel): WhitespaceMatrix['columns'] =>
  vm.columns.map((k) => matrix.columns[k]);

/**
 * The rows of `order` grouped by company (`groups`, from the core's `companyGroups`): each top-level tree
 * moves as a whole (its sub-centers stay under it, so collapsing and rolled-up money keep working) to the
 * group of its root's company, groups in the core's order (the account first, companies not in the plan,
 * then centers naming no company); within a group the trees keep their order (the row sort). Returns the
 * trees per group index.
 */
export function groupByCompany(order: readonly number[], groups: CompanyGroups): number[][] {
  const byGroup: number[][] = groups.groups.map(() => []);
  for (const i of order) byGroup[groups.groupOfRow[i]].push(i);
  return byGroup;
}

/** Pushes the rows of `order` that show, given the collapsed buying centers. */
function pushShown(
  matrix: WhitespaceMatrix,
  order: readonly number[],
  collapsed: ReadonlySet<string>,
  rows: number[],
  positionOf: Int32Array
): void {
  let hideDeeperThan = -1;
  for (const i of order) {
    const row = matrix.rows[i];
    if (hideDeeperThan >= 0) {
      if (row.depth > hideDeeperThan) continue;
      hideDeeperThan = -1;
    }
    positionOf[i] = rows.length;
    rows.push(i);
    if (row.childIds.length && collapsed.has(row.buyingCenter.id)) hideDeeperThan = row.depth;
  }
}

/**
 * Which rows show, given the collapsed buying centers. Rows come from the core in tree order
 * (pre-order, with depth), optionally with siblings re-sorted and, with `groupBy`, the trees grouped by
 * company (`groupByCompany`), each group after its header row (`-1 - group index` in `rows`; a company
 * without buying centers or money has none); a collapsed row or company hides the rows under it.
 */
export function buildViewModel(
  matrix: WhitespaceMatrix,
  fiscalYear: number,
  collapsed: ReadonlySet<string>,
  sortBy: RowSort = 'order',
  columnSort: ColumnSort = 'order',
  groupBy: CompanyGroups | null = null
): ViewModel {
  const rows: number[] = [];
  const positionOf = new Int32Array(matrix.rows.length).fill(-1);
  const year = matrix.years.find((y) => y.fiscalYear === fiscalYear) ?? null;
  const order = sortedTree(matrix, year, sortBy);
  if (groupBy) {
    groupByCompany(order, groupBy).forEach((trees, g) => {
      const group = groupBy.groups[g];
      if (!group.hasContent) return;
      rows.push(-1 - g);
      if (!collapsed.has(groupToggleKey(group.key))) pushShown(matrix, trees, collapsed, rows, positionOf);
    });
  } else pushShown(matrix, order, collapsed, rows, positionOf);
  const columns = sortedColumns(matrix, year, columnSort);
  const companyNames = groupBy ? groupBy.companyNames : null;
  return {
    fiscalYear,
    year,
    rows,
    positionOf,
    collapsed,
    columns,
    companyNames,
    groups: groupBy?.groups ?? null
  };
}

/** The slice of rows to render for a scroll position: the visible window plus overscan. */
export function windowOf(
  scrollTop: number,
  viewportHeight: number,
  total: number,
  rowHeight = ROW_HEIGHT,
  overscan = OVERSCAN
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first - overscan, total - 1));
  const end = Math.min(total, first + visible + overscan);
  return { start: Math.max(0, start), end: Math.max(start, end) };
}
/**
 * Encodes `defaultFieldValues` for a `standard__objectPage` "new" page reference the way
 * lightning/pageReferenceUtils does: `Field=value` pairs, URI-encoded, joined with commas. Blank
 * values are left out so they do not overwrite the page layout's own defaults.
 * @example encodeDefaultFieldValues({ AccountId: '001...', Name: 'A, B' }) // 'AccountId=001...,Name=A%2C%20B'
 */
export function encodeDefaultFieldValues(
  values: Record<string, string | number | boolean | null | undefined>
): string {
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join(',');
}
