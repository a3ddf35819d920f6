import { CsvInvalid, readCsv, writeCsv } from '../scripts/lib/csv';
import { SfError } from './errors';
import type { FieldDef } from '../src/schema';
import type { Reply, RestApi } from './server';
import { refreshPlannerStats } from './db';

/**
 * The Bulk API 2.0 ingest subset jsforce's `conn.bulk2` uses, over the same user-mode save path as the
 * REST API (every record passes the same permission, type, picklist, lookup and validation checks):
 *
 * - `POST jobs/ingest` `{ object, operation: insert|update|upsert|delete, externalIdFieldName?,
 *   contentType: CSV, lineEnding: LF|CRLF, columnDelimiter: COMMA }` opens a job (state Open);
 * - `PUT jobs/ingest/<id>/batches` (text/csv, once per job, 150 MB at most) uploads its data;
 * - `PATCH jobs/ingest/<id>` `{ state: UploadComplete }` queues it (processed right after the answer,
 *   state InProgress then JobComplete, or Failed with an errorMessage when the CSV itself is bad),
 *   `{ state: Aborted }` aborts an open job;
 * - `GET jobs/ingest/<id>` polls it; `GET jobs/ingest` lists jobs; `DELETE jobs/ingest/<id>` deletes one;
 * - `GET jobs/ingest/<id>/successfulResults` (`sf__Id, sf__Created, <columns>`), `failedResults`
 *   (`sf__Id, sf__Error, <columns>`), `unprocessedrecords` (CSV).
 *
 * As on the platform a job is not all or none: each record saves or fails on its own (in transactions
 * of 10,000 records); callers that need all-or-none check failedResults and undo (the CLI restores its
 * snapshot). In a CSV, an empty value leaves a field unset (insert) or unchanged (update); `#N/A` clears it.
 */

type Operation = 'insert' | 'update' | 'upsert' | 'delete';
type State = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

interface Job {
  id: string;
  operation: Operation;
  object: string;
  externalIdFieldName?: string;
  lineEnding: 'LF' | 'CRLF';
  state: State;
  createdDate: string;
  systemModstamp: string;
  errorMessage?: string;
  csv?: string;
  columns: string[];
  successful: string[][];
  failed: string[][];
  unprocessed: string[][];
  processed: number;
  totalProcessingTime: number;
}

const OPERATIONS: Operation[] = ['insert', 'update', 'upsert', 'delete'];
/** Records saved per transaction while a job runs. */
const CHUNK = 10_000;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const fail = (errorCode: string, message: string, status = 400): SfError =>
  new SfError(errorCode, message, [], status);

export class BulkApi {
  private jobs = new Map<string, Job>();
  private seq = 0;

  constructor(private readonly rest: RestApi) {}

  /** Routes `jobs/<rest>`; `body` is the parsed JSON, or the CSV text when `csv` is true. */
  dispatch(method: string, rest: string, search: URLSearchParams, body: unknown, csv: boolean): Reply {
    void search;
    try {
      const [kind, id, sub, ...more] = rest.split('/').filter(Boolean);
      if (kind !== 'ingest' || more.length)
        throw fail(
          'NOT_FOUND',
          `The local org serves Bulk API 2.0 ingest jobs (jobs/ingest/...), not jobs/${rest.slice(0, 80)}`,
          404
        );
      if (!id) {
        if (method === 'POST') return { status: 200, body: this.info(this.open(body)) };
        if (method === 'GET')
          return {
            status: 200,
            body: {
              done: true,
              records: [...this.jobs.values()].map((j) => this.info(j)),
              nextRecordsUrl: null
            }
          };
        throw fail('METHOD_NOT_ALLOWED', `HTTP method '${method}' not allowed on jobs/ingest`, 405);
      }
      const job = this.jobs.get(id);
      if (!job) throw fail('NOT_FOUND', `Job ${id.slice(0, 40)} does not exist`, 404);
      if (sub === undefined) {
        if (method === 'GET') return { status: 200, body: this.info(job) };
        if (method === 'PATCH') return { status: 200, body: this.info(this.changeState(job, body)) };
        if (method === 'DELETE') {
          if (job.state === 'Open' || job.state === 'UploadComplete' || job.state === 'InProgress')
            throw fail(
              'INVALIDJOBSTATE',
              `Job ${id} is ${job.state}: abort it or wait for it to finish first`
            );
          this.jobs.delete(id);
          return { status: 204 };
        }
      } else if (sub === 'batches' && method === 'PUT') {
        if (!csv) throw fail('UNSUPPORTED_MEDIA_TYPE', 'Job data must be sent as text/csv', 415);
        if (job.state !== 'Open')
          throw fail('INVALIDJOBSTATE', `Job ${id} is ${job.state}, not Open: data cannot be added`);
        if (job.csv !== undefined)
          throw fail(
            'INVALIDJOBSTATE',
            `Job ${id} already has its data: the local org takes one upload per job`
          );
        job.csv = typeof body === 'string' ? body : '';
        return { status: 201 };
      } else if (
        method === 'GET' &&
        (sub === 'successfulResults' || sub === 'failedResults' || sub === 'unprocessedrecords')
      ) {
        if (sub !== 'unprocessedrecords' && job.state !== 'JobComplete' && job.state !== 'Failed')
          throw fail(
            'INVALIDJOBSTATE',
            `Job ${id} is ${job.state}: results are ready when it is JobComplete`
          );
        const [head, rows] =
          sub === 'successfulResults'
            ? [['sf__Id', 'sf__Created', ...job.columns], job.successful]
            : sub === 'failedResults'
              ? [['sf__Id', 'sf__Error', ...job.columns], job.failed]
              : [job.columns, job.unprocessed];
        return {
          status: 200,
          text: { contentType: 'text/csv', data: writeCsv(head, rows, { quoteAll: true }) },
          headers: { 'Sforce-Locator': 'null', 'Sforce-NumberOfRecords': String(rows.length) }
        };
      }
      throw fail(
        'METHOD_NOT_ALLOWED',
        `HTTP method '${method}' not allowed on jobs/ingest/${id}${sub ? `/${sub}` : ''}`,
        405
      );
    } catch (err) {
      if (err instanceof SfError) return { status: err.status, body: err.items };
      throw err;
    }
  }

  private open(body: unknown): Job {
    if (!isObject(body))
      throw fail('INVALIDJOB', 'The request body must be a JSON object describing the job');
    const { object, operation, externalIdFieldName, contentType, lineEnding, columnDelimiter } = body;
    if (typeof object !== 'string' || !object)
      throw fail('INVALIDJOB', 'object is required (e.g. "Contact")');
    if (typeof operation !== 'string' || !OPERATIONS.includes(operation as Operation))
      throw fail(
        'INVALIDJOB',
        `operation must be one of ${OPERATIONS.join(', ')} (got ${JSON.stringify(operation)}; hardDelete is not served)`
      );
    if (contentType !== undefined && contentType !== 'CSV')
      throw fail('INVALIDJOB', 'contentType must be CSV');
    if (columnDelimiter !== undefined && columnDelimiter !== 'COMMA')
      throw fail(
        'INVALIDJOB',
        'columnDelimiter must be COMMA (the local org reads comma-separated data only)'
      );
    if (lineEnding !== undefined && lineEnding !== 'LF' && lineEnding !== 'CRLF')
      throw fail('INVALIDJOB', 'lineEnding must be LF or CRLF');
    if (operation === 'upsert' && (typeof externalIdFieldName !== 'string' || !externalIdFieldName))
      throw fail('INVALIDJOB', 'An upsert job needs externalIdFieldName');
    const obj = this.rest.org.object(object); // INVALID_TYPE for an unknown object
    if (!this.rest.access.object(obj.name).read)
      throw fail('INVALIDJOB', `sObject type '${object}' is not supported.`);
    const now = new Date().toISOString().replace('Z', '+0000');
    const job: Job = {
      id: `750LB${String(++this.seq).padStart(10, '0')}AAA`,
      operation: operation as Operation,
      object: obj.name,
      ...(typeof externalIdFieldName === 'string' ? { externalIdFieldName } : {}),
      lineEnding: lineEnding === 'CRLF' ? 'CRLF' : 'LF',
      state: 'Open',
      createdDate: now,
      systemModstamp: now,
      columns: [],
      successful: [],
      failed: [],
      unprocessed: [],
      processed: 0,
      totalProcessingTime: 0
    };
    this.jobs.set(job.id, job);
    return job;
  }

  private changeState(job: Job, body: unknown): Job {
    const state = isObject(body) ? body.state : undefined;
    if (state === 'Aborted') {
      if (job.state !== 'Open' && job.state !== 'UploadComplete')
        throw fail('INVALIDJOBSTATE', `Job ${job.id} is ${job.state}: it can no longer be aborted`);
      job.state = 'Aborted';
    } else if (state === 'UploadComplete') {
      if (job.state !== 'Open') throw fail('INVALIDJOBSTATE', `Job ${job.id} is ${job.state}, not Open`);
      job.state = 'UploadComplete';
      // Processed after this answer, as the platform queues it; a poll sees InProgress, then the end state.
      setImmediate(() => this.run(job));
    } else throw fail('INVALIDJOBSTATE', 'state must be UploadComplete or Aborted');
    job.systemModstamp = new Date().toISOString().replace('Z', '+0000');
    return job;
  }

  /** Runs a closed job: every record through the REST save path, each saving or failing on its own. */
  private run(job: Job): void {
    if (job.state !== 'UploadComplete') return;
    job.state = 'InProgress';
    const started = Date.now();
    try {
      const table = readCsv(job.csv ?? '', { name: `job ${job.id} data` });
      job.columns = table.columns;
      const obj = this.rest.org.object(job.object);
      const fieldOf = new Map<string, FieldDef>();
      for (const c of table.columns) {
        const f = this.rest.org.field(obj, c);
        if (!f) throw new Error(`InvalidBatch : Field name not found : ${c}`);
        fieldOf.set(c, f);
      }
      const idCol = table.columns.find((c) => c.toLowerCase() === 'id');
      if ((job.operation === 'update' || job.operation === 'delete') && !idCol)
        throw new Error(`InvalidBatch : Field Id is required for ${job.operation}`);
      const keyCol =
        job.operation === 'upsert'
          ? table.columns.find((c) => c.toLowerCase() === job.externalIdFieldName!.toLowerCase())
          : undefined;
      if (job.operation === 'upsert' && !keyCol)
        throw new Error(`InvalidBatch : Field ${job.externalIdFieldName} (the external id) is missing`);
      const api = this.rest;
      const base = `/services/data/v62.0/sobjects/${obj.name}`;
      const none = new URLSearchParams();
      for (let from = 0; from < table.rows.length; from += CHUNK) {
        api.org.write(() => {
          for (const row of table.rows.slice(from, from + CHUNK)) {
            const fields: Record<string, unknown> = {};
            let id = '';
            let key = '';
            table.columns.forEach((c, i) => {
              const raw = row.values[i];
              if (c === idCol) id = raw.trim();
              else if (c === keyCol) key = raw.trim();
              else if (raw === '#N/A') fields[fieldOf.get(c)!.name] = null;
              else if (raw !== '') fields[fieldOf.get(c)!.name] = fromCsv(fieldOf.get(c)!, raw);
            });
            const reply =
              job.operation === 'insert'
                ? api.dispatch('POST', base, none, fields)
                : job.operation === 'update'
                  ? api.dispatch('PATCH', `${base}/${encodeURIComponent(id)}`, none, fields)
                  : job.operation === 'delete'
                    ? api.dispatch('DELETE', `${base}/${encodeURIComponent(id)}`, none, undefined)
                    : api.dispatch(
                        'PATCH',
                        `${base}/${encodeURIComponent(job.externalIdFieldName!)}/${encodeURIComponent(key)}`,
                        none,
                        fields
                      );
            job.processed++;
            if (reply.status < 300) {
              const b = (reply.body ?? {}) as { id?: string; created?: boolean };
              const created = job.operation === 'insert' ? true : Boolean(b.created);
              job.successful.push([b.id ?? id, String(created), ...row.values]);
            } else {
              const items = Array.isArray(reply.body)
                ? (reply.body as { errorCode: string; message: string; fields?: string[] }[])
                : [];
              const error = items
                .map((e) => `${e.errorCode}:${e.message}${e.fields?.length ? `:${e.fields.join(',')}` : ''}`)
                .join(';');
              job.failed.push([id, error || `UNKNOWN_EXCEPTION:HTTP ${reply.status}`, ...row.values]);
            }
          }
        });
      }
      job.state = 'JobComplete';
      // Thousands of rows at once: the planner's statistics would no longer describe the tables.
      refreshPlannerStats(api.org.db);
    } catch (err) {
      job.state = 'Failed';
      job.errorMessage = err instanceof CsvInvalid ? `InvalidBatch : ${err.message}` : (err as Error).message;
    }
    job.totalProcessingTime = Date.now() - started;
    job.systemModstamp = new Date().toISOString().replace('Z', '+0000');
    job.csv = undefined;
  }

  private info(job: Job): Record<string, unknown> {
    return {
      id: job.id,
      operation: job.operation,
      object: job.object,
      createdById: this.rest.org.userId,
      createdDate: job.createdDate,
      systemModstamp: job.systemModstamp,
      state: job.state,
      ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: 62.0,
      jobType: 'V2Ingest',
      contentUrl: `services/data/v62.0/jobs/ingest/${job.id}/batches`,
      lineEnding: job.lineEnding,
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: job.processed,
      numberRecordsFailed: job.failed.length,
      retries: 0,
      totalProcessingTime: job.totalProcessingTime,
      apiActiveProcessingTime: job.totalProcessingTime,
      apexProcessingTime: 0,
      ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
    };
  }
}

/** A CSV text value as the field's JSON type (checkbox, number); others stay text for the save rules. */
function fromCsv(f: FieldDef, raw: string): unknown {
  if (f.type === 'Checkbox') {
    const t = raw.trim().toLowerCase();
    return t === 'true' || t === '1' ? true : t === 'false' || t === '0' ? false : raw;
  }
  if (f.type === 'Number' || f.type === 'Currency' || f.type === 'Percent') {
    const t = raw.trim();
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : raw;
  }
  return raw;
}
