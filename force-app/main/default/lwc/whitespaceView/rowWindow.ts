/**
 * The rendered window of the whitespace grid: rows [start, end) of the view model with their cells and
 * row totals, ready for the template. Pure TypeScript (the benchmark runs it in Node).
 *
 * Type imports use a relative path on purpose: Babel erases them, and Node (bench) cannot resolve `c/`.
 */
import type { CellStatus } from '../keyplanCore/figures';
import type { MatrixYear, Money3, WhitespaceMatrix } from '../keyplanCore/matrix';
import type { CompanyGroup } from '../keyplanCore/matrixGroups';
import { groupRowParts, groupToggleKey, type SubtotalView } from './groupRow';
import {
  CHANGE_INFO,
  STATE_INFO,
  cellLabel,
  changeText,
  percent,
  signedMoney,
  type MoneyFormatter
} from './labels';

export interface ViewModel {
  fiscalYear: number;
  /** The year's aggregated matrix, or null when the matrix has no such year. */
  year: MatrixYear | null;
  /** Matrix row indices shown, in tree order, children of collapsed rows left out. */
  rows: number[];
  /** Matrix row index -> position in `rows` (-1 when hidden). */
  positionOf: Int32Array;
  collapsed: ReadonlySet<string>;
  /** Matrix column indices in display order (the column sort). */
  columns: number[];
  /** Per matrix row, its company's name, when rows are grouped by company (null otherwise). */
  companyNames?: readonly string[] | null;
  /** The company groups (the core's `companyGroups`), when rows are grouped by company: a negative entry
   * `-1 - g` of `rows` is the header row of `groups[g]`. */
  groups?: readonly CompanyGroup[] | null;
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
  /** `--kp-shade: 0..1`, the cell's money against the year's largest row (empty for none). */
  style: string;
  /** The change since last year: symbol, signed money shown, and the words for the title and screen readers. */
  delta: { symbol: string; amountText: string; text: string; className: string } | null;
  ariaLabel: string;
}

export interface TotalView {
  /** Won; the open pipeline beside it, never summed with it (the % is won against the goal). */
  text: string;
  pipelineText: string;
  goalText: string;
  hasGoal: boolean;
  percentText: string;
  className: string;
  ariaLabel: string;
  tabIndex: number;
  /** A company header's unmapped part ("incl. $1M unmapped"), '' otherwise. */
  note: string;
}

const NO_SUBTOTALS: SubtotalView[] = [];

export interface RowView {
  key: string;
  /** A company's header row (rows grouped by company), not a buying center. */
  isGroup: boolean;
  className: string;
  /** A company header's second line (subtotal, how many buying centers, unmapped money), '' otherwise. */
  groupNote: string;
  /** A company header's subtotal cells (empty on a buying center row). */
  subtotals: SubtotalView[];
  buyingCenterId: string;
  /** 1-based aria-rowindex (the column header row is 1). */
  ariaRowIndex: number;
  position: number;
  name: string;
  /** The row's company when rows are grouped by company ('' otherwise or unknown). */
  company: string;
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
  // Cells are shaded by their money against the year's largest row: the same scale while scrolling.
  let maxRow = 0;
  for (const t of year.rowTotals) {
    const m = t.rolled.won + t.rolled.pipeline + t.rolled.potential + t.rolled.competitive;
    if (m > maxRow) maxRow = m;
  }
  for (let p = Math.max(0, start); p < Math.min(end, vm.rows.length); p++) {
    const r = vm.rows[p];
    if (r < 0) {
      out.push(groupRowView(matrix, vm, p, ctx));
      continue;
    }
    const row = matrix.rows[r];
    const bc = row.buyingCenter;
    const hasChildren = row.childIds.length > 0;
    const expanded = hasChildren && !vm.collapsed.has(bc.id);
    const rolledUp = hasChildren && !expanded;
    // A parent row always shows its sub-centers' money: its own cells are rarely assessed.
    const showRolled = hasChildren;
    const isActiveRow = ctx.activeRow === p;
    const cells: CellView[] = new Array(nCols);
    for (let j = 0; j < nCols; j++) {
      const k = vm.columns[j];
      const cell = year.cells[r * nCols + k];
      const money: Money3 = showRolled ? cell.rolled : cell;
      const status = showRolled ? cell.rolledStatus : cell.status;
      const amount = money.won + money.pipeline + money.potential + money.competitive;
      // Not assessed and no money: a muted dot, the words on hover and focus (and in the label).
      const muted = status === 'unassessed' && amount === 0;
      const shade = maxRow > 0 && amount > 0 ? Math.sqrt(Math.min(1, amount / maxRow)) : 0;
      const info = STATE_INFO[status];
      const column = matrix.columns[k];
      const ch = cell.change ? CHANGE_INFO[cell.change] : null;
      cells[j] = {
        key: column.id,
        buyingCenterId: bc.id,
        offeringId: column.id,
        colIndex: j + 2,
        col: j + 1,
        tabIndex: isActiveRow && ctx.activeCol === j + 1 ? 0 : -1,
        className: `cell cell_${status}${showRolled ? ' cell_rolled' : ''}${muted ? ' cell_muted' : ''}`,
        style: shade ? `--kp-shade: ${shade.toFixed(2)}` : '',
        status,
        stateText: status === 'competitor' && cell.competitor ? cell.competitor : info.short,
        glyph: muted ? '\u00B7' : info.glyph,
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
              amountText: cell.changeAmount ? signedMoney(cell.changeAmount, format) : '',
              text: changeText(ch.text, ctx.previousYear, cell.changeAmount, format),
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
          showRolled,
          cell.changeAmount
        )
      };
    }
    const t = year.rowTotals[r];
    const pct = percent(t.rolled.won, t.goal);
    out.push({
      key: bc.id,
      isGroup: false,
      className: 'row',
      groupNote: '',
      subtotals: NO_SUBTOTALS,
      buyingCenterId: bc.id,
      ariaRowIndex: p + 2,
      position: p,
      name: bc.name,
      company: vm.companyNames?.[r] ?? '',
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
        text: `${format(t.rolled.won)} won`,
        pipelineText: `+ ${format(t.rolled.pipeline)} open`,
        goalText: t.goal !== null ? format(t.goal) : '',
        hasGoal: t.goal !== null,
        percentText: pct,
        className: `total${t.goal !== null && t.rolled.won >= t.goal ? ' total_met' : ''}`,
        ariaLabel:
          `${bc.name} total${hasChildren ? ' with sub-centers' : ''}: won ${format(t.rolled.won)}, open pipeline ${format(t.rolled.pipeline)}, ` +
          `whitespace potential ${format(t.rolled.potential)}, competitive potential ${format(t.rolled.competitive)}` +
          (t.goal !== null ? `, goal ${format(t.goal)}${pct ? `, ${pct} won` : ''}` : ', no goal set'),
        tabIndex: isActiveRow && ctx.activeCol === nCols + 1 ? 0 : -1,
        note: ''
      }
    });
  }
  return out;
}

/** The header row of company group `-1 - vm.rows[p]` at position `p`. */
function groupRowView(matrix: WhitespaceMatrix, vm: ViewModel, p: number, ctx: WindowContext): RowView {
  const group = (vm.groups ?? [])[-1 - vm.rows[p]];
  const key = groupToggleKey(group.key);
  const expanded = !vm.collapsed.has(key);
  const active = ctx.activeRow === p;
  const parts = groupRowParts(
    matrix,
    group,
    vm.columns,
    expanded,
    { active, activeCol: ctx.activeCol },
    ctx.format
  );
  return {
    key,
    isGroup: true,
    className: 'row row_group',
    groupNote: parts.note,
    subtotals: parts.subtotals,
    buyingCenterId: key,
    ariaRowIndex: p + 2,
    position: p,
    name: parts.name,
    company: '',
    depth: 0,
    headerStyle: '',
    hasChildren: parts.hasRows,
    expanded,
    ariaExpanded: parts.hasRows ? String(expanded) : null,
    toggleLabel: parts.toggleLabel,
    toggleIcon: expanded ? 'utility:chevrondown' : 'utility:chevronright',
    expandText: parts.expandText,
    headerTabIndex: active && ctx.activeCol === 0 ? 0 : -1,
    rolledUp: parts.hasRows && !expanded,
    cells: [],
    total: {
      text: parts.totalText,
      pipelineText: parts.totalPipelineText,
      goalText: '',
      hasGoal: false,
      percentText: '',
      className: 'total total_group',
      ariaLabel: parts.totalAriaLabel,
      tabIndex: active && ctx.activeCol === matrix.columns.length + 1 ? 0 : -1,
      note: parts.totalNote
    }
  };
}
