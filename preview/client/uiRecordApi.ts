/**
 * Stand-in for `lightning/uiRecordApi`, backed by the local org's REST API: `getRecord` (fields
 * only), `getFieldValue`, and `notifyRecordUpdateAvailable` (re-runs the live getRecord wires).
 */
import { previewFetch } from './platform';

type FieldRef = string | { objectApiName?: string; fieldApiName: string };
interface RecordValue {
  id: string;
  apiName: string;
  fields: Record<string, { value: unknown; displayValue: string | null }>;
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
