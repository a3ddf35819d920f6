/**
 * Stand-in for `lightning/uiRecordApi`, backed by the local org's REST API: `getRecord` (fields
 * only), `getFieldValue`, `notifyRecordUpdateAvailable` (re-runs the live getRecord wires) and
 * `updateRecord` (a PATCH of the record with its `If-Unmodified-Since` guard).
 */
import { API_VERSION, previewFetch } from './platform';

type FieldRef = string | { objectApiName?: string; fieldApiName: string };
interface RecordValue {
  id: string;
  apiName: string;
  lastModifiedDate?: string | null;
  fields: Record<string, { value: unknown; displayValue: string | null }>;
}

/** What a rejected write carries, like the platform's FetchResponse error: status and the REST errors. */
export interface UiApiError {
  status: number;
  statusText: string;
  ok: false;
  body: { message: string; errorCode?: string; fields?: string[] }[];
}

const live = new Set<getRecord>();

function fieldName(f: FieldRef): string {
  const name = typeof f === 'string' ? f : f.fieldApiName;
  return name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
}

/** Wire adapter `getRecord({ recordId, fields, optionalFields })`. */
export class getRecord {
  private config: { recordId?: string; fields?: FieldRef[]; optionalFields?: FieldRef[] } = {};
  private connected = false;
  constructor(private readonly callback: (v: { data: RecordValue | undefined; error: unknown }) => void) {}
  update(config: { recordId?: string; fields?: FieldRef[]; optionalFields?: FieldRef[] }): void {
    this.config = config;
    if (this.connected) void this.load();
  }
  connect(): void {
    this.connected = true;
    live.add(this);
    void this.load();
  }
  disconnect(): void {
    this.connected = false;
    live.delete(this);
  }
  /** Reloads when it shows this record. */
  async refresh(recordId: string): Promise<void> {
    if (this.config.recordId === recordId) await this.load();
  }
  private async load(): Promise<void> {
    const { recordId } = this.config;
    if (!recordId) return;
    const names = [...(this.config.fields ?? []), ...(this.config.optionalFields ?? [])].map(fieldName);
    try {
      const r = await previewFetch(`/preview/api/record/${encodeURIComponent(recordId)}`);
      const body = (await r.json()) as Record<string, unknown> & { attributes?: { type?: string } };
      if (!r.ok)
        throw {
          body: {
            message:
              (Array.isArray(body) ? (body[0] as { message?: string })?.message : undefined) ??
              `HTTP ${r.status}`
          },
          status: r.status
        };
      const fields: RecordValue['fields'] = {};
      for (const n of names.length ? names : Object.keys(body)) {
        const v = body[n];
        fields[n] = { value: v ?? null, displayValue: v === null || v === undefined ? null : String(v) };
      }
      if (this.connected)
        this.callback({
          data: { id: recordId, apiName: body.attributes?.type ?? '', fields },
          error: undefined
        });
    } catch (error) {
      if (this.connected) this.callback({ data: undefined, error });
    }
  }
}

/** `getFieldValue(record, field)`. */
export function getFieldValue(record: RecordValue | undefined, field: FieldRef): unknown {
  return record?.fields[fieldName(field)]?.value;
}

/** Tells live getRecord wires that these records changed. */
export async function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
  await Promise.all([...live].flatMap((w) => items.map((i) => w.refresh(i.recordId))));
}

/** Object API name by key prefix, from the local org's describeGlobal (read once per page). */
let prefixes: Promise<Map<string, string>> | undefined;

async function objectOfId(id: string): Promise<string> {
  prefixes ??= previewFetch(`/services/data/v${API_VERSION}/sobjects`)
    .then((r) =>
      r.ok ? (r.json() as Promise<{ sobjects: { name: string; keyPrefix: string | null }[] }>) : null
    )
    .then(
      (global) =>
        new Map(
          (global?.sobjects ?? []).flatMap((o) => (o.keyPrefix ? [[o.keyPrefix, o.name] as const] : []))
        )
    );
  const name = (await prefixes).get(id.slice(0, 3));
  if (!name) {
    prefixes = undefined; // read again next time: the first read may have failed
    throw uiApiError(
      404,
      'Not Found',
      'NOT_FOUND',
      `No object the running user can read has records with id ${id}`
    );
  }
  return name;
}

function uiApiError(status: number, statusText: string, errorCode: string, message: string): UiApiError {
  return { status, statusText, ok: false, body: [{ errorCode, message }] };
}

/** The local org stores `+0000` offsets; the UI API answers ISO date-times in UTC. */
function isoDateTime(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/**
 * `updateRecord({ fields: { Id, ...values } }, { ifUnmodifiedSince })`: PATCHes the record through the
 * local org's REST API, which applies the running user's field access, the validation rules and
 * triggers, writes field history, and refuses the write with 412 PRECONDITION_FAILED when the record
 * was modified after `ifUnmodifiedSince`. Resolves with the saved record (the fields the user may read,
 * formulas recomputed, the new lastModifiedDate) and refreshes the live getRecord wires that show it.
 * Rejects like the platform: `{ status, statusText, ok: false, body: [{ errorCode, message, fields }] }`.
 */
export async function updateRecord(
  recordInput: { apiName?: string | null; fields: Record<string, unknown> },
  clientOptions: { ifUnmodifiedSince?: string } = {}
): Promise<RecordValue> {
  const { Id, ...values } = recordInput.fields ?? {};
  if (typeof Id !== 'string' || !Id)
    throw uiApiError(400, 'Bad Request', 'INVALID_INPUT', 'updateRecord: fields.Id is required');
  const apiName = recordInput.apiName || (await objectOfId(Id));
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (clientOptions.ifUnmodifiedSince) headers['If-Unmodified-Since'] = clientOptions.ifUnmodifiedSince;
  let response: Response;
  try {
    response = await previewFetch(
      `/services/data/v${API_VERSION}/sobjects/${encodeURIComponent(apiName)}/${encodeURIComponent(Id)}`,
      { method: 'PATCH', headers, body: JSON.stringify(values) }
    );
  } catch (e) {
    throw uiApiError(0, 'Network error', 'NETWORK_ERROR', `Could not reach the local org: ${String(e)}`);
  }
  if (!response.ok) {
    const text = await response.text();
    let body: UiApiError['body'];
    try {
      const parsed = JSON.parse(text) as unknown;
      body = Array.isArray(parsed) ? (parsed as UiApiError['body']) : [parsed as UiApiError['body'][number]];
    } catch {
      body = [{ message: text || `HTTP ${response.status}` }];
    }
    throw { status: response.status, statusText: response.statusText, ok: false, body } satisfies UiApiError;
  }
  const saved = await previewFetch(`/preview/api/record/${encodeURIComponent(Id)}`);
  const rec = (await saved.json()) as Record<string, unknown>;
  const fields: RecordValue['fields'] = {};
  for (const [name, value] of Object.entries(rec)) {
    if (name === 'attributes') continue;
    fields[name] = {
      value: value ?? null,
      displayValue: value === null || value === undefined ? null : String(value)
    };
  }
  await notifyRecordUpdateAvailable([{ recordId: Id }]);
  return { id: Id, apiName, lastModifiedDate: isoDateTime(rec.LastModifiedDate), fields };
}
