/**
 * The choices the whitespace matrix offers: fiscal years, buying centers (indented as a tree) and
 * offerings, as combobox options. Pure TypeScript.
 */
import { formatCurrency, type MatrixYear, type WhitespaceMatrix } from 'c/keyplanCore';
import { memoFormatter, type MoneyFormatter } from 'c/whitespaceView';

/** A combobox option. */
export interface Option {
  label: string;
  value: string;
}

/** The fiscal years to choose from: the shown year, two back and one ahead of `currentYear`, and the data's years. */
export function yearOptions(fiscalYear: number, currentYear: number, dataYears: readonly number[]): Option[] {
  const years = new Set<number>([fiscalYear, currentYear - 2, currentYear - 1, currentYear, currentYear + 1]);
  for (const y of dataYears) years.add(y);
  return [...years].sort((a, b) => a - b).map((y) => ({ label: `FY${y}`, value: String(y) }));
}

/** The buying centers in tree order, indented by depth (em spaces), for parent and mapping pickers. */
export function buyingCenterOptions(matrix: WhitespaceMatrix | undefined): Option[] {
  return (matrix?.rows ?? []).map((r) => ({
    label: `${'\u2003'.repeat(r.depth)}${r.buyingCenter.name}`,
    value: r.buyingCenter.id
  }));
}

/** The active offerings, in column order. */
export function offeringOptions(matrix: WhitespaceMatrix | undefined): Option[] {
  return (matrix?.columns ?? []).map((c) => ({ label: c.name, value: c.id }));
}

/** What the change markers of a year compare (docs/DEFINITIONS.md "Year over year"). */
export function yearNote(y: MatrixYear | null): string {
  if (!y) return '';
  if (y.comparedWith === null) return `FY${y.fiscalYear}: no prior year with deals to compare with.`;
  return y.closed
    ? `Changes: FY${y.fiscalYear} won against FY${y.comparedWith} won.`
    : `FY${y.fiscalYear} is still open: won + open pipeline against FY${y.comparedWith} won; nothing is lost yet.`;
}

/** What the empty matrix says: no buying centers yet, or no active offerings. */
export function emptyMessageOf(matrix: WhitespaceMatrix | undefined): string {
  if (!matrix) return '';
  if (matrix.rows.length === 0)
    return 'This account has no buying centers yet. Add the divisions and regions that buy from you to see where the account can grow.';
  return 'No active offerings. Ask your admin to activate offerings (Offering__c, Active) to fill the matrix.';
}

/** Money in the data's currency, compact, memoised (the grid formats the same amounts many times). */
export const moneyFormatter = (currencyCode: string, locale: string): MoneyFormatter =>
  memoFormatter((v) => formatCurrency(v, currencyCode, { locale, compact: true }));

export interface MatrixState {
  loading: boolean;
  error: boolean;
  /** No buying centers or no offerings: `emptyMessage` says which and what to do. */
  empty: boolean;
  emptyMessage: string;
  data: boolean;
}

/** The card's state from the wire: loading until data or an error arrives; empty without rows or columns. */
export function matrixState(
  data: unknown,
  error: unknown,
  matrix: WhitespaceMatrix | undefined
): MatrixState {
  const empty = !!matrix && (matrix.rows.length === 0 || matrix.columns.length === 0);
  return {
    loading: !data && !error,
    error: !!error,
    empty,
    emptyMessage: empty ? emptyMessageOf(matrix) : '',
    data: !!matrix && !empty
  };
}
