/**
 * Number, currency and date formatting with Intl. Formatters are cached: building an Intl formatter
 * costs far more than using one, and a matrix formats thousands of cells.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

export interface FormatOptions {
  locale?: string;
  /** Short form: 1.2M, 350K, 6M (one decimal only where it says something). */
  compact?: boolean;
}

/** Formats money in an ISO currency; blank for null/undefined/NaN. */
export function formatCurrency(
  value: number | null | undefined,
  currencyCode: string,
  options: FormatOptions = {}
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return numberFormat(options.locale, {
    style: 'currency',
    currency: currencyCode,
    // A currency's own minimum (2 for USD) would otherwise be clamped to the maximum and pad
    // round figures: "$850.0K", "$6.0M".
    ...(options.compact
      ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
      : { minimumFractionDigits: 0, maximumFractionDigits: 0 })
  }).format(value);
}

/** Formats a plain number; blank for null/undefined/NaN. */
export function formatNumber(
  value: number | null | undefined,
  options: FormatOptions & { fractionDigits?: number } = {}
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return numberFormat(options.locale, {
    ...(options.compact ? { notation: 'compact' } : {}),
    maximumFractionDigits: options.fractionDigits ?? (options.compact ? 1 : 2)
  }).format(value);
}

/** Formats a ratio (0.42) as a percentage. */
export function formatPercent(ratio: number | null | undefined, options: FormatOptions = {}): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '';
  return numberFormat(options.locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/**
 * Formats an ISO date (`2025-03-31`) or datetime. Date-only values are formatted in UTC so that a
 * user west of Greenwich does not see the day before.
 */
export function formatDate(
  iso: string | null | undefined,
  options: { locale?: string; style?: 'short' | 'medium' | 'long'; timeZone?: string } = {}
): string {
  if (!iso) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const t = Date.parse(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) return '';
  const timeZone = dateOnly ? 'UTC' : options.timeZone;
  const key = `d|${options.locale ?? ''}|${options.style ?? 'medium'}|${timeZone ?? ''}|${dateOnly}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(options.locale, {
      dateStyle: options.style ?? 'medium',
      ...(dateOnly ? {} : { timeStyle: 'short' }),
      timeZone
    });
    cache.set(key, f);
  }
  return f.format(t);
}
