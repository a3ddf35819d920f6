/**
 * The unmapped opportunities of the whitespace matrix, as pure functions: which opportunities of the
 * year the matrix could not place, why (in words), and the one-line summary above the list.
 */
import type { MatrixYear, UnmappedReason, WhitespaceMatrix } from 'c/keyplanCore';
import type { MatrixOpportunity, WhitespaceData } from '@keyplan/contracts';
import type { MoneyFormatter } from 'c/whitespaceView';
import { opportunityLine } from './panel';

/** Why the matrix could not place an opportunity, as the user reads it. */
export const UNMAPPED_REASONS: Record<UnmappedReason, string> = {
  'no-buying-center': 'No buying center',
  'no-offering': 'No offering',
  'unknown-buying-center': 'Buying center not shown (inactive or another account)',
  'unknown-offering': 'Offering not shown (inactive)'
};

/** One row of the unmapped list. */
export interface UnmappedItem {
  id: string;
  name: string;
  detail: string;
  reason: string;
  lastModified: string;
  /** What the deal already has (prefilled in the pickers when shown; restored by Undo). */
  buyingCenterId: string | null;
  offeringId: string | null;
}

/** The unmapped opportunities of a fiscal year, in the core's order. */
export function unmappedItems(
  matrix: WhitespaceMatrix,
  data: WhitespaceData,
  fiscalYear: number,
  format: MoneyFormatter,
  locale: string
): UnmappedItem[] {
  const byId = new Map(data.opportunities.map((o) => [o.id, o]));
  return matrix.unmapped
    .filter((u) => u.fiscalYear === fiscalYear)
    .map((u) => {
      const o = byId.get(u.opportunityId) as MatrixOpportunity;
      return {
        id: o.id,
        name: o.name,
        detail: opportunityLine(o, format, locale),
        reason: UNMAPPED_REASONS[u.reason],
        lastModified: o.lastModified,
        buyingCenterId: o.buyingCenterId,
        offeringId: o.offeringId
      };
    });
}

/** "2 unmapped opportunities: won $1M, open $2M" (blank without the year). */
export function unmappedText(
  count: number,
  year: MatrixYear | null | undefined,
  format: MoneyFormatter
): string {
  if (!year) return '';
  return `${count} unmapped ${count === 1 ? 'opportunity' : 'opportunities'}: won ${format(year.unmapped.won)}, open ${format(year.unmapped.pipeline)}`;
}

/** The buying center x offering keys (`bc|offering`) assessed Not Applicable in the year: mapping there asks first. */
export function notApplicableKeys(data: WhitespaceData | undefined, fiscalYear: number): string[] {
  return (data?.cells ?? [])
    .filter((c) => c.fiscalYear === fiscalYear && c.state === 'Not Applicable')
    .map((c) => `${c.buyingCenterId}|${c.offeringId}`);
}

/** The version a mapping sends: the one the list showed, or (Undo sends none) the deal's own as last saved. */
export function mappingVersion(
  data: WhitespaceData,
  detail: { opportunityId: string; lastModified: string | null }
): string {
  const current = data.opportunities.find((o) => o.id === detail.opportunityId);
  return (detail.lastModified ?? current?.lastModified ?? null) as string;
}

/** The data with a mapped opportunity in place of its old copy. */
export function withMapped(data: WhitespaceData, mapped: MatrixOpportunity): WhitespaceData {
  return { ...data, opportunities: data.opportunities.map((o) => (o.id === mapped.id ? mapped : o)) };
}

/** What the unmapped bar and list of the matrix show. */
export interface UnmappedView {
  items: UnmappedItem[];
  text: string;
  toggleLabel: string;
  /** Shown while deals are unmapped, and after a mapping (its Undo stays reachable). */
  shown: boolean;
  notApplicable: string[];
}

export function unmappedViewOf(args: {
  matrix: WhitespaceMatrix;
  data: WhitespaceData;
  fiscalYear: number;
  format: MoneyFormatter;
  locale: string;
  showUnmapped: boolean;
  mappedOnce: boolean;
}): UnmappedView {
  const { matrix, data, fiscalYear, format } = args;
  const items = unmappedItems(matrix, data, fiscalYear, format, args.locale);
  const year = matrix.years.find((y) => y.fiscalYear === fiscalYear);
  return {
    items,
    text: unmappedText(items.length, year, format),
    toggleLabel: args.showUnmapped ? 'Hide' : 'Review and map',
    shown: items.length > 0 || args.mappedOnce,
    notApplicable: notApplicableKeys(data, fiscalYear)
  };
}

/** What c-whitespace-unmapped asks to map (null ids undo a mapping; lastModified is filled from the data). */
export interface MapRequest {
  opportunityId: string;
  buyingCenterId: string | null;
  offeringId: string | null;
  lastModified: string | null;
}
