/**
 * Words and symbols of the whitespace matrix: money formatting, what each cell state and year-over-year
 * change means, and the screen reader label of a cell. Pure TypeScript (the benchmark runs it in Node).
 *
 * Type imports use a relative path on purpose: Babel erases them, and Node (bench) cannot resolve `c/`.
 */
import type { CellStatus } from '../keyplanCore/figures';
import type { Money3, YearChange } from '../keyplanCore/matrix';

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

/** Symbol and text of each year-over-year change (none when unchanged). */
export const CHANGE_INFO: Record<YearChange, { symbol: string; text: string } | null> = {
  new: { symbol: '\u25B2', text: 'new business' },
  grown: { symbol: '\u2191', text: 'grown' },
  shrunk: { symbol: '\u2193', text: 'shrunk' },
  lost: { symbol: '\u25BC', text: 'lost' },
  // A year still open: what last year won is not lost, it is to win again.
  'to-renew': { symbol: '\u21BB', text: 'not renewed yet' },
  behind: { symbol: '\u2193', text: 'behind' },
  unchanged: null
};

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
  rolledUp = false,
  changeAmount: number | null = null
): string {
  const parts: string[] = [];
  const info = STATE_INFO[status];
  parts.push(status === 'competitor' && competitor ? `${info.label} ${competitor}` : info.label);
  if (money.won > 0) parts.push(`won ${format(money.won)}`);
  if (money.potential > 0) parts.push(`potential ${format(money.potential)}`);
  if (money.competitive > 0) parts.push(`competitive potential ${format(money.competitive)}`);
  parts.push(money.pipeline > 0 ? `open pipeline ${format(money.pipeline)}` : 'no open pipeline');
  const ch = change ? CHANGE_INFO[change] : null;
  if (ch) parts.push(changeText(ch.text, previousYear, changeAmount, format));
  const where = rolledUp ? `${rowName} (with sub-centers)` : rowName;
  return `${where} x ${columnName}: ${parts.join(', ')}`;
}

/** "+$250K" / "-$1.2M": a change in money, signed. */
export function signedMoney(amount: number, format: MoneyFormatter): string {
  return `${amount < 0 ? '\u2212' : '+'}${format(Math.abs(amount))}`;
}

/** "grown since FY2024, +$250K": the words of a change with its money. */
export function changeText(
  words: string,
  previousYear: number | undefined,
  amount: number | null,
  format: MoneyFormatter
): string {
  const since = previousYear ? `${words} since FY${previousYear}` : words;
  return amount ? `${since}, ${signedMoney(amount, format)}` : since;
}

/** Share of a goal reached, as a whole percent; blank without a positive goal. */
export function percent(value: number, goal: number | null): string {
  if (!goal || goal <= 0) return '';
  return `${Math.round((value / goal) * 100)}%`;
}
