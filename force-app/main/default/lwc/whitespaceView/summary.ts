/**
 * Totals shown around the whitespace grid: the column totals row and the year summary against the plan.
 * Pure TypeScript (the benchmark runs it in Node).
 *
 * Type imports use a relative path on purpose: Babel erases them, and Node (bench) cannot resolve `c/`.
 */
import type { MatrixYear, WhitespaceMatrix } from '../keyplanCore/matrix';
import { percent, type MoneyFormatter } from './labels';
import type { ViewModel, WindowContext } from './rowWindow';

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
  return vm.columns.map((k, j) => {
    const c = matrix.columns[k];
    const t = year.columnTotals[k];
    return {
      key: c.id,
      colIndex: j + 2,
      col: j + 1,
      text: ctx.format(t.won + t.pipeline),
      ariaLabel: `${c.name} total: won ${ctx.format(t.won)}, open pipeline ${ctx.format(t.pipeline)}, whitespace potential ${ctx.format(t.potential)}, competitive potential ${ctx.format(t.competitive)}`,
      tabIndex: ctx.activeRow === totalsRow && ctx.activeCol === j + 1 ? 0 : -1
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
