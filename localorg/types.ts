/** A field value as the local org holds it (dates as 'YYYY-MM-DD', datetimes as ISO strings in UTC). */
export type SfValue = string | number | boolean | null;

/** One record, keyed by field API name as the schema spells it. */
export type SfRecord = Record<string, SfValue>;
