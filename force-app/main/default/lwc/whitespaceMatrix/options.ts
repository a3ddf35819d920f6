/**
 * The choices the whitespace matrix offers: fiscal years, buying centers (indented as a tree) and
 * offerings, as combobox options. Pure TypeScript.
 */
import type { WhitespaceMatrix } from 'c/keyplanCore';

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
