/**
 * What the org chart toolbar's filter pickers offer: one picker per filter dimension, its options taken
 * from the legend palettes (`PALETTES`) and the decision roles, so a filter and a legend entry name the
 * same people. Pure.
 */
import { DECISION_ROLE_KEYS, PALETTES, type ChartFilter, type FilterDimension } from 'c/keyplanCore';

export interface Option {
  label: string;
  value: string;
}

/** The value a picker shows when the legend chose several keys of its dimension. */
export const SEVERAL = '__several__';

/** The filter pickers, in toolbar order. */
export const FILTER_PICKERS: readonly { dimension: FilterDimension; label: string; any: string }[] = [
  { dimension: 'stance', label: 'Stance', any: 'Any stance' },
  { dimension: 'buyerRole', label: 'Buyer role', any: 'Any buyer role' },
  { dimension: 'decisionRole', label: 'Decision role', any: 'Any decision role' },
  { dimension: 'heat', label: 'Relationship heat', any: 'Any heat' },
  { dimension: 'coverage', label: 'Team coverage', any: 'Any coverage' }
];

/** The company picker of a group plan's chart; its options are the chart's companies (not a palette). */
export const COMPANY_PICKER: { dimension: FilterDimension; label: string; any: string } = {
  dimension: 'company',
  label: 'Company',
  any: 'Any company'
};

function keysOf(dimension: FilterDimension): Readonly<Record<string, { label: string }>> {
  if (dimension === 'decisionRole') return DECISION_ROLE_KEYS;
  return dimension === 'company' ? {} : (PALETTES[dimension] ?? {});
}

/**
 * One picker as the template binds it: its options ("Any" first) and the value the filter gives it. `keys`
 * replaces the palette's keys (the company picker lists the chart's companies).
 */
export function filterPicker(
  picker: { dimension: FilterDimension; label: string; any: string },
  filter: ChartFilter,
  keys?: readonly Option[]
): { dimension: FilterDimension; label: string; options: Option[]; value: string; className: string } {
  const chosen = filter.keys[picker.dimension] ?? [];
  const options: Option[] = [
    { label: picker.any, value: '' },
    ...(keys ?? Object.entries(keysOf(picker.dimension)).map(([value, v]) => ({ label: v.label, value })))
  ];
  let value = chosen.length === 1 ? chosen[0] : '';
  if (chosen.length > 1) {
    options.push({ label: `${chosen.length} chosen in the legend`, value: SEVERAL });
    value = SEVERAL;
  }
  const className = `filter filter-${picker.dimension}${chosen.length ? ' is-active' : ''}`;
  return { dimension: picker.dimension, label: picker.label, options, value, className };
}

/** "3 people match" or "1,743 people match; the first 50 are listed, add a word or a filter to narrow". */
export function resultSummary(text: string, total: number, listed: number): string {
  if (!text.trim()) return '';
  if (total === 0) return `No one matches "${text.trim()}"`;
  const people = total === 1 ? 'person matches' : 'people match';
  const head = `${total.toLocaleString()} ${people}`;
  return listed < total ? `${head}; the first ${listed} are listed, add a word or a filter to narrow` : head;
}
