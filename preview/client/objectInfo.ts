/**
 * Stand-in for `lightning/uiObjectInfoApi`: `getObjectInfo` backed by the local org's describe
 * (`/services/data/v62.0/sobjects/<Object>/describe`), shaped like the UI API's ObjectInfo.
 */
import { API_VERSION, previewFetch } from './platform';

interface DescribeField {
  name: string;
  label: string;
  type: string;
  updateable?: boolean;
  createable?: boolean;
  nillable?: boolean;
  picklistValues?: { value: string; label: string; active?: boolean }[];
}

/** The subset of the UI API ObjectInfo the preview provides. */
export interface ObjectInfo {
  apiName: string;
  label: string;
  keyPrefix: string | null;
  updateable: boolean;
  createable: boolean;
  fields: Record<
    string,
    {
      apiName: string;
      label: string;
      updateable: boolean;
      createable: boolean;
      dataType: string;
      required: boolean;
    }
  >;
}

const cache = new Map<string, Promise<ObjectInfo>>();

function apiNameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { objectApiName?: unknown }).objectApiName === 'string'
  ) {
    return (value as { objectApiName: string }).objectApiName;
  }
  return undefined;
}

const DATA_TYPES: Record<string, string> = {
  string: 'String',
  textarea: 'TextArea',
  picklist: 'Picklist',
  multipicklist: 'MultiPicklist',
  currency: 'Currency',
  double: 'Double',
  percent: 'Percent',
  int: 'Int',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'DateTime',
  reference: 'Reference',
  id: 'String',
  email: 'Email',
  phone: 'Phone',
  url: 'Url'
};

/** Fetches (once per object) and converts the describe into an ObjectInfo. */
export function loadObjectInfo(apiName: string): Promise<ObjectInfo> {
  let hit = cache.get(apiName);
  if (!hit) {
    hit = previewFetch(
      `/services/data/v${API_VERSION}/sobjects/${encodeURIComponent(apiName)}/describe`
    ).then(async (r) => {
      const body = (await r.json()) as unknown;
      if (!r.ok) {
        const first = Array.isArray(body) ? (body[0] as { message?: string } | undefined) : undefined;
        throw {
          body: { message: first?.message ?? `describe ${apiName} failed with HTTP ${r.status}` },
          status: r.status
        };
      }
      const d = body as {
        name: string;
        label: string;
        keyPrefix?: string;
        updateable?: boolean;
        createable?: boolean;
        fields: DescribeField[];
      };
      const fields: ObjectInfo['fields'] = {};
      for (const f of d.fields) {
        fields[f.name] = {
          apiName: f.name,
          label: f.label,
          updateable: !!f.updateable,
          createable: !!f.createable,
          dataType: DATA_TYPES[f.type] ?? f.type,
          required: f.nillable === false && !!f.createable && f.type !== 'boolean'
        };
      }
      return {
        apiName: d.name,
        label: d.label,
        keyPrefix: d.keyPrefix ?? null,
        updateable: d.updateable !== false,
        createable: d.createable !== false,
        fields
      };
    });
    hit.catch(() => cache.delete(apiName));
    cache.set(apiName, hit);
  }
  return hit;
}

/** Wire adapter `getObjectInfo({ objectApiName })`. */
export class getObjectInfo {
  private name: string | undefined;
  private connected = false;
  constructor(private readonly callback: (v: { data: ObjectInfo | undefined; error: unknown }) => void) {}
  update(config: { objectApiName?: unknown }): void {
    this.name = apiNameOf(config.objectApiName);
    if (this.connected) this.load();
  }
  connect(): void {
    this.connected = true;
    this.load();
  }
  disconnect(): void {
    this.connected = false;
  }
  private load(): void {
    const name = this.name;
    if (!name) return;
    loadObjectInfo(name).then(
      (data) => this.connected && name === this.name && this.callback({ data, error: undefined }),
      (error: unknown) => this.connected && name === this.name && this.callback({ data: undefined, error })
    );
  }
}
