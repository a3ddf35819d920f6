/**
 * View model of the whitespace matrix: turns the core's aggregated matrix (keyplanCore/matrix.ts)
 * into what the template renders. Pure TypeScript, no DOM, no platform imports, so the benchmark can
 * run it in Node. It never adds money up itself: every amount shown comes from the core's cells,
 * rolled cells, row, column and grand totals.
 *
 * Type imports use a relative path on purpose: Babel erases them, and Node (bench) cannot resolve `c/`.
 */
import type { CellStatus } from '../keyplanCore/figures';
import type { MatrixYear, Money3, WhitespaceMatrix, YearChange } from '../keyplanCore/matrix';

/** Fixed body row height in px: virtualisation depends on it (keep in sync with whitespaceMatrix.css). */
export const ROW_HEIGHT = 72;
/** Rows rendered above and below the visible window, so fast scrolling does not show blanks. */
export const OVERSCAN = 6;

/** Formats an amount (compact, in the org currency and the user's locale). */
export type MoneyFormatter = (value: number) => string;

/**
 * Memoises a money formatter: a matrix repeats the same few amounts (zero above all) thousands of
 * times, and an Intl call costs far more than a map lookup. Bounded so a long session cannot grow it.
 */
export function memoFormatter(format: MoneyFormatter, max = 5000): MoneyFormatter {
  const memo = new Map<number, string>();
  return (value: number): string => {
    let text = memo.get(value);
    if (text === undefined) {
      text = format(value);
      if (memo.size >= max) memo.clear();
      memo.set(value, text);
    }
    return text;
  };
}

interface StateInfo {
  label: string;
  short: string;
  /** A text glyph, not an icon sprite: cheap to render a thousand times and present in any theme. */
  glyph: string;
}

/** Meaning, short text and icon of each cell state: colour is never the only signal. */
export const STATE_INFO: Record<CellStatus, StateInfo> = {
  won: { label: 'existing business', short: 'Won', glyph: '\u2714' },
  active: { label: 'active opportunity', short: 'Open', glyph: '\u25CF' },
  whitespace: { label: 'whitespace', short: 'Target', glyph: '\u25CE' },
  competitor: { label: 'competitor incumbent', short: 'Competitor', glyph: '\u26A0' },
  'not-applicable': { label: 'not applicable', short: 'N/A', glyph: '\u2205' },
  unassessed: { label: 'unassessed', short: 'Not assessed', glyph: '?' }
};

const CHANGE_INFO: Record<YearChange, { symbol: string; text: string } | null> = {
  new: { symbol: '\u25B2', text: 'new business' },
  grown: { symbol: '\u2191', text: 'grown' },
  shrunk: { symbol: '\u2193', text: 'shrunk' },
  lost: { symbol: '\u25BC', text: 'lost' },
  unchanged: null
};

export interface ViewModel {
  fiscalYear: number;
  /** The year's aggregated matrix, or null when the matrix has no such year. */
  year: MatrixYear | null;
  /** Matrix row indices shown, in tree order, children of collapsed rows left out. */
  rows: number[];
  /** Matrix row index -> position in `rows` (-1 when hidden). */
  positionOf: Int32Array;
  collapsed: ReadonlySet<string>;
}

/**
 * Which rows show, given the collapsed buying centers. Rows come from the core in tree order
 * (pre-order, with depth), so a collapsed row hides the following rows that are deeper than it.
 */
export function buildViewModel(
  matrix: WhitespaceMatrix,
  fiscalYear: number,
  collapsed: ReadonlySet<string>
): ViewModel {
  const rows: number[] = [];
  const positionOf = new Int32Array(matrix.rows.length).fill(-1);
  let hideDeeperThan = -1;
  for (let i = 0; i < matrix.rows.length; i++) {
    const row = matrix.rows[i];
    if (hideDeeperThan >= 0) {
      if (row.depth > hideDeeperThan) continue;
      hideDeeperThan = -1;
    }
    positionOf[i] = rows.length;
    rows.push(i);
    if (row.childIds.length && collapsed.has(row.buyingCenter.id)) hideDeeperThan = row.depth;
  }
  const year = matrix.years.find((y) => y.fiscalYear === fiscalYear) ?? null;
  return { fiscalYear, year, rows, positionOf, collapsed };
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

export interface CellView {
  key: string;
  buyingCenterId: string;
  offeringId: string;
  /** 1-based column position in the grid (row header is 1). */
  colIndex: number;
  /** 0-based navigation column (row header is 0). */
  col: number;
  tabIndex: number;
  className: string;
  status: CellStatus;
  stateText: string;
  glyph: string;
  wonText: string;
  pipelineText: string;
  potentialText: string;
  hasWon: boolean;
  hasPipeline: boolean;
  hasPotential: boolean;
  delta: { symbol: string; text: string; className: string } | null;
  ariaLabel: string;
}

export interface TotalView {
  text: string;
  goalText: string;
  hasGoal: boolean;
  percentText: string;
  className: string;
  ariaLabel: string;
  tabIndex: number;
}

export interface RowView {
  key: string;
  buyingCenterId: string;
  /** 1-based aria-rowindex (the column header row is 1). */
  ariaRowIndex: number;
  position: number;
  name: string;
  depth: number;
  headerStyle: string;
  hasChildren: boolean;
  expanded: boolean;
  ariaExpanded: string | null;
  toggleLabel: string;
  toggleIcon: string;
  /** For screen readers on the row header: expanded or collapsed, and how many sub-centers. */
  expandText: string;
  headerTabIndex: number;
  /** True when the row is collapsed and its cells show the money of its sub-centers too. */
  rolledUp: boolean;
  cells: CellView[];
  total: TotalView;
}

export interface WindowContext {
  format: MoneyFormatter;
  /** Focused grid position: row position in the view model (header = -1, totals = rows.length), column 0 = row header. */
  activeRow: number;
  activeCol: number;
  /** The previous fiscal year, for the change text. */
  previousYear: number;
}

/**
 * The screen reader label of a cell: where, what it means, and its money, e.g.
 * "Helicopters Europe x IoT Platform: whitespace, potential $1.2M, no open pipeline".
 */
export function cellLabel(
  rowName: string,
  columnName: string,
  status: CellStatus,
  competitor: string | null,
  money: Money3,
  change: YearChange | null,
  format: MoneyFormatter,
  previousYear?: number,
  rolledUp = false
): string {
  const parts: string[] = [];
  const info = STATE_INFO[status];
  parts.push(status === 'competitor' && competitor ? `${info.label} ${competitor}` : info.label);
  if (money.won > 0) parts.push(`won ${format(money.won)}`);
  if (money.potential > 0) parts.push(`potential ${format(money.potential)}`);
  if (money.competitive > 0) parts.push(`competitive potential ${format(money.competitive)}`);
  parts.push(money.pipeline > 0 ? `open pipeline ${format(money.pipeline)}` : 'no open pipeline');
  const ch = change ? CHANGE_INFO[change] : null;
  if (ch) parts.push(previousYear ? `${ch.text} since FY${previousYear}` : ch.text);
  const where = rolledUp ? `${rowName} (with sub-centers)` : rowName;
  return `${where} x ${columnName}: ${parts.join(', ')}`;
}

function percent(value: number, goal: number | null): string {
  if (!goal || goal <= 0) return '';
  return `${Math.round((value / goal) * 100)}%`;
}

/** Renders rows [start, end) of the view model with their cells and row totals. */
export function rowWindow(
  matrix: WhitespaceMatrix,
  vm: ViewModel,
  start: number,
  end: number,
  ctx: WindowContext
): RowView[] {
  const year = vm.year;
  const nCols = matrix.columns.length;
  const out: RowView[] = [];
  if (!year) return out;
  const { format } = ctx;
  for (let p = Math.max(0, start); p < Math.min(end, vm.rows.length); p++) {
    const r = vm.rows[p];
    const row = matrix.rows[r];
    const bc = row.buyingCenter;
    const hasChildren = row.childIds.length > 0;
    const expanded = hasChildren && !vm.collapsed.has(bc.id);
    const rolledUp = hasChildren && !expanded;
    const isActiveRow = ctx.activeRow === p;
    const cells: CellView[] = new Array(nCols);
    for (let k = 0; k < nCols; k++) {
      const cell = year.cells[r * nCols + k];
      const money: Money3 = rolledUp ? cell.rolled : cell;
      const status = rolledUp ? cell.rolledStatus : cell.status;
      const info = STATE_INFO[status];
      const column = matrix.columns[k];
      const ch = cell.change ? CHANGE_INFO[cell.change] : null;
      cells[k] = {
        key: column.id,
        buyingCenterId: bc.id,
        offeringId: column.id,
        colIndex: k + 2,
        col: k + 1,
        tabIndex: isActiveRow && ctx.activeCol === k + 1 ? 0 : -1,
        className: `cell cell_${status}${rolledUp ? ' cell_rolled' : ''}`,
        status,
        stateText: status === 'competitor' && cell.competitor ? cell.competitor : info.short,
        glyph: info.glyph,
        wonText: format(money.won),
        pipelineText: format(money.pipeline),
        // A cell has one state, so it carries one kind of potential (whitespace or competitive).
        potentialText: format(money.potential + money.competitive),
        hasWon: money.won > 0,
        hasPipeline: money.pipeline > 0,
        hasPotential: money.potential + money.competitive > 0,
        delta: ch
          ? {
              symbol: ch.symbol,
              text: `${ch.text} since FY${ctx.previousYear}`,
              className: `delta delta_${cell.change}`
            }
          : null,
        ariaLabel: cellLabel(
          bc.name,
          column.name,
          status,
          cell.competitor,
          money,
          cell.change,
          format,
          ctx.previousYear,
          rolledUp
        )
      };
    }
    const t = year.rowTotals[r];
    const actual = t.rolled.won + t.rolled.pipeline;
    const pct = percent(t.rolled.won, t.goal);
    out.push({
      key: bc.id,
      buyingCenterId: bc.id,
      ariaRowIndex: p + 2,
      position: p,
      name: bc.name,
      depth: row.depth,
      headerStyle: `padding-left: ${0.5 + row.depth * 1.25}rem`,
      hasChildren,
      expanded,
      ariaExpanded: hasChildren ? String(expanded) : null,
      toggleLabel: `${expanded ? 'Collapse' : 'Expand'} ${bc.name}`,
      toggleIcon: expanded ? 'utility:chevrondown' : 'utility:chevronright',
      expandText: hasChildren
        ? `, ${expanded ? 'expanded' : 'collapsed'}, ${row.childIds.length} sub-center${row.childIds.length === 1 ? '' : 's'}`
        : '',
      headerTabIndex: isActiveRow && ctx.activeCol === 0 ? 0 : -1,
      rolledUp,
      cells,
      total: {
        text: format(actual),
        goalText: t.goal !== null ? format(t.goal) : '',
        hasGoal: t.goal !== null,
        percentText: pct,
        className: `total${t.goal !== null && t.rolled.won >= t.goal ? ' total_met' : ''}`,
        ariaLabel:
          `${bc.name} total${hasChildren ? ' with sub-centers' : ''}: won ${format(t.rolled.won)}, open pipeline ${format(t.rolled.pipeline)}, ` +
          `whitespace potential ${format(t.rolled.potential)}, competitive potential ${format(t.rolled.competitive)}` +
          (t.goal !== null ? `, goal ${format(t.goal)}${pct ? `, ${pct} won` : ''}` : ', no goal set'),
        tabIndex: isActiveRow && ctx.activeCol === nCols + 1 ? 0 : -1
      }
    });
  }
  return out;
}

export interface ColumnTotalView {
  key: string;
  text: string;
  ariaLabel: string;
  tabIndex: number;
  colIndex: number;
  col: number;
}

/** The column totals row (own cells only, so nested buying centers are not counted twice). */
export function columnTotals(matrix: WhitespaceMatrix, vm: ViewModel, ctx: WindowContext): ColumnTotalView[] {
  const year = vm.year;
  if (!year) return [];
  const totalsRow = vm.rows.length;
  return matrix.columns.map((c, k) => {
    const t = year.columnTotals[k];
    return {
      key: c.id,
      colIndex: k + 2,
      col: k + 1,
      text: ctx.format(t.won + t.pipeline),
      ariaLabel: `${c.name} total: won ${ctx.format(t.won)}, open pipeline ${ctx.format(t.pipeline)}, whitespace potential ${ctx.format(t.potential)}, competitive potential ${ctx.format(t.competitive)}`,
      tabIndex: ctx.activeRow === totalsRow && ctx.activeCol === k + 1 ? 0 : -1
    };
  });
}

export interface SummaryItem {
  key: string;
  label: string;
  value: string;
  goal: string;
  hasGoal: boolean;
  percent: string;
}

/** Won, pipeline and potential for the year against the plan, with the mining / farming split. */
export function summaryOf(year: MatrixYear, format: MoneyFormatter): SummaryItem[] {
  const item = (
    key: string,
    label: string,
    value: number,
    goal: number | null,
    ratioOf = value
  ): SummaryItem => ({
    key,
    label,
    value: format(value),
    goal: goal !== null ? format(goal) : '',
    hasGoal: goal !== null,
    percent: percent(ratioOf, goal)
  });
  return [
    item('won', 'Won', year.grandTotal.won, year.goal),
    item('pipeline', 'Open pipeline', year.grandTotal.pipeline, null),
    item('potential', 'Whitespace potential', year.grandTotal.potential, null),
    item('competitive', 'Competitive potential', year.grandTotal.competitive, null),
    item(
      'mining',
      'Mining (grow existing business)',
      year.mining.won + year.mining.pipeline,
      year.mining.goal,
      year.mining.won
    ),
    item(
      'farming',
      'Farming (new business)',
      year.farming.won + year.farming.pipeline,
      year.farming.goal,
      year.farming.won
    ),
    item('unmapped', 'Unmapped', year.unmapped.won + year.unmapped.pipeline, null)
  ];
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
