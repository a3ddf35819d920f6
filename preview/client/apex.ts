/**
 * Browser stand-in for `@salesforce/apex/<Class>.<method>` and `@salesforce/apex` (refreshApex).
 * Each method is callable imperatively (returns a promise) and usable with `@wire` (the engine picks
 * up the `adapter` property, as it does for callable adapters on the platform). Errors reject with
 * `{ body: { message }, status }`, the shape an AuraHandledException reaches a component in.
 */
import { previewFetch } from './platform';

/** What a rejected Apex call carries, like the platform's FetchResponse error. */
export interface ApexError {
  body: { message: string; [key: string]: unknown };
  status: number;
  statusText: string;
  ok: false;
}

/** Counts calls per method so browser tests can assert what hit the server. */
const callCounts = new Map<string, number>();
/** What the wires emitted (method, data or error), newest last; for tests and debugging. */
const emitted: { method: string; ok: boolean; at: number }[] = [];

function apexError(status: number, message: string, extra: Record<string, unknown> = {}): ApexError {
  return {
    body: { ...extra, message },
    status,
    statusText: status === 0 ? 'Network error' : 'Bad Request',
    ok: false
  };
}

/** POSTs the named parameters to the local org's twin of the Apex method. */
export async function callApex(className: string, methodName: string, params: unknown): Promise<unknown> {
  const key = `${className}.${methodName}`;
  callCounts.set(key, (callCounts.get(key) ?? 0) + 1);
  let response: Response;
  try {
    response = await previewFetch(
      `/apex/${encodeURIComponent(className)}/${encodeURIComponent(methodName)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(params ?? {})
      }
    );
  } catch (e) {
    throw apexError(0, `Could not reach the local org: ${e instanceof Error ? e.message : String(e)}`);
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) {
    const body = isRecord(parsed) && isRecord(parsed.body) ? parsed.body : isRecord(parsed) ? parsed : {};
    const message =
      typeof body.message === 'string' && body.message
        ? body.message
        : `${key} failed with HTTP ${response.status}`;
    throw apexError(response.status, message, body);
  }
  return parsed;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type DataCallback = (value: WireValue) => void;
/** The value a wired property receives; frozen so refreshApex can find its adapter by identity. */
interface WireValue {
  data: unknown;
  error: unknown;
}

/** Wired values handed out, so refreshApex(value) knows which adapter to re-run. */
const adapterOfValue = new WeakMap<object, ApexWireAdapter>();
/** Connected Apex wires: a record the preview itself creates (the standard create form) refreshes them. */
const liveWires = new Set<ApexWireAdapter>();

/** Re-runs every connected Apex wire, as the platform's cache refresh after a record is created. */
export async function refreshAllApexWires(): Promise<void> {
  await Promise.all([...liveWires].map((w) => w.fetch()));
}

class ApexWireAdapter {
  private config: Record<string, unknown> | undefined;
  private connected = false;
  private seq = 0;
  constructor(
    private readonly className: string,
    private readonly methodName: string,
    private readonly callback: DataCallback
  ) {}

  update(config: Record<string, unknown>): void {
    this.config = config;
    if (this.connected) void this.fetch();
  }

  connect(): void {
    this.connected = true;
    liveWires.add(this);
    if (this.config) void this.fetch();
  }

  disconnect(): void {
    this.connected = false;
    liveWires.delete(this);
  }

  /** Re-runs the call with the current config and emits the result; resolves when emitted. */
  async fetch(): Promise<void> {
    // Like the platform, a config with an undefined value means "not ready yet": provision nothing.
    if (!this.config || Object.values(this.config).some((v) => v === undefined)) return;
    const mine = ++this.seq;
    let value: WireValue;
    try {
      value = { data: await callApex(this.className, this.methodName, this.config), error: undefined };
    } catch (error) {
      value = { data: undefined, error };
    }
    if (mine !== this.seq || !this.connected) {
      emitted.push({
        method: `${this.className}.${this.methodName} (dropped: ${mine !== this.seq ? 'superseded' : 'disconnected'})`,
        ok: false,
        at: performance.now()
      });
      return;
    }
    Object.freeze(value);
    adapterOfValue.set(value, this);
    emitted.push({
      method: `${this.className}.${this.methodName}`,
      ok: value.error === undefined,
      at: performance.now()
    });
    this.callback(value);
  }
}

/** An Apex method as a component sees it: a function with a wire adapter attached. */
export type ApexMethod = ((params?: unknown) => Promise<unknown>) & {
  adapter: new (cb: DataCallback) => ApexWireAdapter;
};

/** Builds the stand-in for one `@salesforce/apex/<Class>.<method>` import. */
export function makeApexMethod(className: string, methodName: string): ApexMethod {
  const fn = ((params?: unknown) => callApex(className, methodName, params)) as ApexMethod;
  fn.adapter = class extends ApexWireAdapter {
    constructor(cb: DataCallback) {
      super(className, methodName, cb);
    }
  };
  return fn;
}

/** `refreshApex(wiredValue)`: re-fetches the wire that produced the value, like the platform. */
export function refreshApex(value: unknown): Promise<void> {
  const adapter = typeof value === 'object' && value !== null ? adapterOfValue.get(value) : undefined;
  return adapter ? adapter.fetch() : Promise.resolve();
}

/** Test hook: what the Apex wires emitted so far. */
export function apexEmits(): { method: string; ok: boolean; at: number }[] {
  return [...emitted];
}

/** Test hook: how often each Apex method was called in this page. */
export function apexCallCounts(): Record<string, number> {
  return Object.fromEntries(callCounts);
}
