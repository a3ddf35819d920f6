/**
 * The Bulk API 2.0 transport of the import: one ingest job (`conn.bulk2`) for all the rows of an object
 * when there are at least BULK_THRESHOLD of them, instead of sObject collections of 200. The job's
 * CSV is written by scripts/lib/csv.ts (csv-stringify): every column any row names, a field a row does
 * not name left empty (unchanged), `null` (and '') written as `#N/A` (cleared). A job is not all or
 * none on the platform: when any record fails, the import throws (naming the first failed record and
 * how many failed) and the import's rollback restores its snapshot, exactly as after a failed REST batch.
 */
import type { Connection } from 'jsforce';
import { writeCsv } from '../lib/csv';

/** Rows of one object from which an import uses a Bulk API 2.0 job (per object and operation). */
export const BULK_THRESHOLD = 2000;

type Fields = Record<string, unknown>;

export interface BulkOutcome {
  /** Org id per row, in row order. */
  ids: string[];
  /** Per row: created (true) or updated. */
  created: boolean[];
  jobMs: number;
}

/** The CSV of a job: the union of the rows' field names, undefined empty, null as #N/A. */
export function jobCsv(rows: readonly Fields[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of rows)
    for (const k of Object.keys(r))
      if (k !== 'attributes' && !seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
  return writeCsv(
    columns,
    rows.map((r) => columns.map((c) => (r[c] === undefined ? '' : r[c] === '' ? null : r[c]))),
    { nullValue: '#N/A' }
  );
}

type ResultRow = Record<string, string>;

/**
 * Upserts (by `keyField`) or updates (by Id) `rows` in one ingest job and waits for it. Results are
 * matched to rows by key (upsert) or Id (update): the platform does not keep row order.
 * @throws Error naming the first failed record (`where` names its bundle path) and the failure count.
 */
export async function bulkWrite(
  conn: Connection,
  object: string,
  operation: 'upsert' | 'update',
  rows: Fields[],
  keyField: string,
  where: (i: number) => string
): Promise<BulkOutcome> {
  const started = Date.now();
  const matchBy = operation === 'upsert' ? keyField : 'Id';
  const results = await conn.bulk2.loadAndWaitForResults({
    object,
    operation,
    ...(operation === 'upsert' ? { externalIdFieldName: keyField } : {}),
    lineEnding: 'LF',
    input: jobCsv(rows),
    pollInterval: 250,
    pollTimeout: 30 * 60_000
  });
  const failed = results.failedResults as unknown as ResultRow[];
  const unprocessed = results.unprocessedRecords as unknown as ResultRow[];
  const indexOf = new Map(rows.map((r, i) => [String(r[matchBy]), i]));
  if (failed.length || unprocessed.length) {
    const first = failed[0];
    const i = first ? indexOf.get(String(first[matchBy])) : undefined;
    throw new Error(
      first
        ? `${object} ${String(first[matchBy])}${i !== undefined ? ` (${where(i)})` : ''}: ${first.sf__Error}` +
            ` (Bulk API job: ${failed.length} of ${rows.length} record(s) failed${unprocessed.length ? `, ${unprocessed.length} unprocessed` : ''})`
        : `${object}: Bulk API job left ${unprocessed.length} of ${rows.length} record(s) unprocessed`
    );
  }
  const ids: string[] = new Array<string>(rows.length);
  const created: boolean[] = new Array<boolean>(rows.length).fill(false);
  for (const r of results.successfulResults as unknown as ResultRow[]) {
    const i = indexOf.get(String(r[matchBy]));
    if (i === undefined) continue;
    ids[i] = r.sf__Id;
    created[i] = String(r.sf__Created) === 'true';
  }
  const missing = ids.findIndex((id) => !id);
  if (missing >= 0 || ids.length !== rows.length)
    throw new Error(
      `${object} (${where(Math.max(missing, 0))}): the Bulk API job did not report this record`
    );
  return { ids, created, jobMs: Date.now() - started };
}
