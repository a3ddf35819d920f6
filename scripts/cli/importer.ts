/**
 * Writes a validated account bundle to an org through jsforce (a real org or the local org: the same
 * REST calls), all or none:
 *
 * 1. Before writing, it reads every record the run will upsert (by `Keyplan_Key__c`, compared
 *    case-sensitively like the org's unique external id) and the contact roles of the opportunities that
 *    exist: the snapshot, saved in the journal (journal.ts) with the bundle.
 * 2. It writes in dependency order in sObject collections of 200 with allOrNone, saving the journal
 *    header before each batch. Records that existed get only the fields the bundle names (`null` clears,
 *    absent leaves unchanged); new records get the bundle's values and the schema's defaults. Offerings
 *    (an org-wide catalogue) that exist are not changed unless `updateOfferings`. Contact roles are
 *    matched by contact and updated in place (same Id); roles the bundle drops are deleted last.
 * 3. On any failure `rollbackImport` restores the snapshot (only the fields that differ, with the same
 *    Ids, contact roles included) and then deletes what the run created (children first). A killed run
 *    leaves its journal: `import --rollback` runs the same rollback, `import --resume` runs the import
 *    again from the saved bundle (upserts are idempotent) against the original snapshot.
 */
import type { Connection } from 'jsforce';
import {
  BundleAccount,
  BundleSubsidiary,
  BundleAction,
  BundleBuyingCenter,
  BundleCell,
  BundleContact,
  BundleLink,
  BundleObjective,
  BundleOffering,
  BundleOpportunity,
  BundlePlan,
  type AccountBundle
} from '../../src/bundle/schema';
import { ImportFailed, InvalidInput, type RollbackResult } from './errors';
import { BULK_THRESHOLD, bulkWrite, type BulkOutcome } from './bulk';
import type { Journal } from './journal';
import { KEY_FIELD, accountExt, cellExt, offeringExt, planChildExt, recordExt, soqlString } from './keys';
import type { Progress } from './progress';
import { apiFields } from './shape';
import type { z } from 'zod';

type Fields = Record<string, unknown>;
const BATCH = 200;

export interface ImportSummary {
  accountId: string;
  accountKey: string;
  /** Per object: records created and updated (contact roles: also deleted). */
  objects: Record<string, { created: number; updated: number; deleted?: number }>;
  records: number;
  usersCreated: number;
  /** Existing offerings the bundle names that were left as they are (no --update-offerings). */
  offeringsKept: number;
  ms: number;
  /** Bulk API 2.0 jobs the run used (objects at or above the threshold). */
  bulkJobs?: { object: string; operation: string; records: number; ms: number }[];
}

export interface ImportOptions {
  progress?: Progress;
  /** Messages for the user (rollback notices), on stderr. */
  log?: (line: string) => void;
  /** The input as read (before defaults): decides which fields a record names. Default: the bundle. */
  raw?: unknown;
  /** Update existing offerings of the org-wide catalogue with the bundle's values (default: leave them). */
  updateOfferings?: boolean;
  /** Starts the journal once the snapshot is read (the CLI passes it); without it nothing is journaled. */
  startJournal?: (snapshot: Snapshot) => Journal;
  /** Aborted (Ctrl-C): the run stops before its next write batch and rolls back. */
  signal?: AbortSignal;
  /** Resume: the run's journal and its snapshot (no new snapshot is read). */
  resume?: { journal: Journal; snapshot: Snapshot };
  /**
   * Rows of one object (per write) from which the import uses a Bulk API 2.0 ingest job instead of
   * sObject collections (default BULK_THRESHOLD, 2,000; Infinity: never).
   */
  bulkThreshold?: number;
}

/** A contact role as the snapshot keeps it. */
export interface RoleRow {
  Id: string;
  ContactId: string;
  Role: string | null;
  IsPrimary: boolean;
}

/** The state before the run of everything it may change (saved in the journal). */
export interface Snapshot {
  version: 1;
  /** Records that existed, by object and Keyplan key: Id, key and every field the run may write. */
  records: Record<string, Record<string, Fields>>;
  /** Contact roles of the opportunities that existed, by the opportunity's Keyplan key. */
  roles: Record<string, RoleRow[]>;
  /** Emails (lower case) of the users the run creates (local org only). */
  newUsers: string[];
}

/** The keyed objects an import writes, parents first, with the lookup fields the importer sets. */
const OBJECTS: { object: string; schema: z.ZodType; lookups: string[] }[] = [
  // Group accounts: subsidiaries are Accounts too (ParentId), written right after the bundle's account.
  { object: 'Account', schema: BundleAccount, lookups: ['ParentId'] },
  { object: 'Offering__c', schema: BundleOffering, lookups: [] },
  {
    object: 'Buying_Center__c',
    schema: BundleBuyingCenter,
    lookups: ['Account__c', 'Parent_Buying_Center__c', 'Subsidiary__c']
  },
  {
    object: 'Contact',
    schema: BundleContact,
    lookups: ['AccountId', 'ReportsToId', 'Keyplan_Buying_Center__c']
  },
  {
    object: 'Relationship_Link__c',
    schema: BundleLink,
    lookups: ['Account__c', 'From_Contact__c', 'From_User__c', 'To_Contact__c']
  },
  {
    object: 'Opportunity',
    schema: BundleOpportunity,
    lookups: ['AccountId', 'Keyplan_Buying_Center__c', 'Keyplan_Offering__c']
  },
  { object: 'Account_Plan__c', schema: BundlePlan, lookups: ['Account__c'] },
  { object: 'Plan_Objective__c', schema: BundleObjective, lookups: ['Account_Plan__c', 'Buying_Center__c'] },
  {
    object: 'Plan_Action__c',
    schema: BundleAction,
    lookups: ['Account_Plan__c', 'Objective__c', 'Assigned_To__c']
  },
  { object: 'Landscape_Cell__c', schema: BundleCell, lookups: ['Buying_Center__c', 'Offering__c'] }
];
const fieldsOf = (spec: (typeof OBJECTS)[number]): string[] => [
  ...apiFields(spec.schema).map((f) => f.orgName),
  ...spec.lookups
];

/** Every record of a query, following nextRecordsUrl. */
export async function queryAll<T = Fields>(conn: Connection, soql: string): Promise<T[]> {
  const result = await conn.query(soql, { autoFetch: true, maxFetch: 10_000_000 });
  return result.records as unknown as T[];
}

const chunks = <T>(list: readonly T[], size = BATCH): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Lists of SOQL string literals short enough for a GET query URL (~8 KB encoded each). */
function literalChunks(values: readonly string[], budget = 8000): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let size = 0;
  for (const v of values) {
    const lit = soqlString(v);
    const len = encodeURIComponent(lit).length + 3;
    if (cur.length && (size + len > budget || cur.length >= 500)) {
      out.push(cur.join(', '));
      cur = [];
      size = 0;
    }
    cur.push(lit);
    size += len;
  }
  if (cur.length) out.push(cur.join(', '));
  return out;
}

/**
 * The records of `object` whose Keyplan key is one of `keys`, by key. SOQL compares text without case;
 * the org's external id is case-sensitive, so rows are kept only when the key matches exactly.
 */
export async function recordsByKey(
  conn: Connection,
  object: string,
  fields: readonly string[],
  keys: readonly string[]
): Promise<Map<string, Fields & { Id: string }>> {
  const wanted = new Set(keys);
  const out = new Map<string, Fields & { Id: string }>();
  const select = [...new Set(['Id', KEY_FIELD, ...fields])].join(', ');
  for (const list of literalChunks([...wanted]))
    for (const r of await queryAll<Fields & { Id: string }>(
      conn,
      `SELECT ${select} FROM ${object} WHERE ${KEY_FIELD} IN (${list})`
    )) {
      const k = r[KEY_FIELD];
      if (typeof k === 'string' && wanted.has(k)) {
        delete r.attributes;
        out.set(k, r);
      }
    }
  return out;
}

/** Record indexes grouped by depth of a parent pointer (parents first); parents outside the list count as roots. */
export function levels(items: readonly { key: string; parent: string | null }[]): number[][] {
  const index = new Map(items.map((x, i) => [x.key, i]));
  const depth = new Int32Array(items.length).fill(-1);
  const out: number[][] = [];
  for (let i = 0; i < items.length; i++) {
    const chain: number[] = [];
    let cur = i;
    while (depth[cur] < 0) {
      chain.push(cur);
      const p = items[cur].parent;
      const pi = p === null ? undefined : index.get(p);
      if (pi === undefined || chain.includes(pi)) break;
      cur = pi;
    }
    // Walk back down the chain assigning depths (iterative: deep chains must not overflow the stack).
    for (let j = chain.length - 1; j >= 0; j--) {
      const n = chain[j];
      if (depth[n] >= 0) continue;
      const p = items[n].parent;
      const pi = p === null ? undefined : index.get(p);
      depth[n] = pi === undefined || depth[pi] < 0 ? 0 : depth[pi] + 1;
      (out[depth[n]] ??= []).push(n);
    }
  }
  return out;
}

interface SaveError {
  statusCode?: string;
  errorCode?: string;
  message: string;
  fields?: string[];
}
interface SaveResult {
  id?: string | null;
  success: boolean;
  created?: boolean;
  errors: SaveError[];
}

const code = (e: SaveError): string => e.statusCode ?? e.errorCode ?? 'ERROR';
const describeErrors = (errors: SaveError[]): string =>
  errors
    .map((e) => `${code(e)}: ${e.message}${e.fields?.length ? ` [${e.fields.join(', ')}]` : ''}`)
    .join('; ');
const firstFailure = (results: SaveResult[]): number => {
  const real = results.findIndex(
    (r) => !r.success && !r.errors.every((e) => code(e) === 'ALL_OR_NONE_OPERATION_ROLLED_BACK')
  );
  return real >= 0 ? real : results.findIndex((r) => !r.success);
};

/** Which fields each record of the input names (`null` included), keyed by the parsed record. */
type Presence = WeakMap<object, Set<string>>;

/** Walks the raw input beside the parsed bundle (zod keeps list order) and notes the names each record has. */
export function presence(raw: unknown, b: AccountBundle): Presence {
  const map: Presence = new WeakMap();
  const obj = (v: unknown): Record<string, unknown> | undefined =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const note = (parsed: object, r: unknown): void => {
    const o = obj(r);
    map.set(parsed, new Set(o ? Object.keys(o) : Object.keys(parsed)));
  };
  const list = <T extends object>(parsed: T[], r: unknown, each?: (p: T, x: unknown) => void): void => {
    const arr = Array.isArray(r) ? (r as unknown[]) : [];
    parsed.forEach((p, i) => {
      note(p, arr[i] ?? p);
      each?.(p, arr[i]);
    });
  };
  const root = obj(raw) ?? (b as unknown as Record<string, unknown>);
  note(b.account, root.account ?? b.account);
  list(b.subsidiaries, root.subsidiaries);
  list(b.offerings, root.offerings);
  list(b.buyingCenters, root.buyingCenters);
  list(b.contacts, root.contacts);
  list(b.links, root.links);
  list(b.opportunities, root.opportunities);
  list(b.cells, root.cells);
  list(b.plans, root.plans, (p, r) => {
    list(p.objectives, obj(r)?.objectives);
    list(p.actions, obj(r)?.actions);
  });
  return map;
}

/**
 * The org values of one bundle record. An existing record gets only the fields its input names (`null`
 * clears); a new one gets every value the bundle has (defaults included), blank ones left to the org.
 * `refs` are lookup fields with the bundle name that carries them (always sent when that name is null).
 */
function orgFields(
  schema: z.ZodType,
  rec: Record<string, unknown>,
  existing: boolean,
  named: Set<string> | undefined,
  refs: [bundleName: string | null, apiName: string, value: string | null][] = []
): Fields {
  const out: Fields = {};
  const says = (name: string): boolean => !existing || !named || named.has(name);
  for (const f of apiFields(schema)) {
    if (!says(f.name)) continue;
    const v = rec[f.name];
    if (v === undefined || (v === null && !existing)) continue;
    out[f.orgName] = v ?? (f.kind === 'boolean' ? false : null);
  }
  for (const [name, api, value] of refs) if (name === null || says(name)) out[api] = value;
  return out;
}

/** The Keyplan keys of every record the bundle upserts, by object. */
export function bundleKeys(b: AccountBundle): Record<string, string[]> {
  const a = b.account.key;
  return {
    Account: [accountExt(a), ...b.subsidiaries.map((s) => recordExt(a, s.key))],
    Offering__c: b.offerings.map((o) => offeringExt(o.key)),
    Buying_Center__c: b.buyingCenters.map((c) => recordExt(a, c.key)),
    Contact: b.contacts.map((c) => recordExt(a, c.key)),
    Relationship_Link__c: b.links.map((l) => recordExt(a, l.key)),
    Opportunity: b.opportunities.map((o) => recordExt(a, o.key)),
    Account_Plan__c: b.plans.map((p) => recordExt(a, p.key)),
    Plan_Objective__c: b.plans.flatMap((p) => p.objectives.map((o) => planChildExt(a, p.key, o.key))),
    Plan_Action__c: b.plans.flatMap((p) => p.actions.map((x) => planChildExt(a, p.key, x.key))),
    Landscape_Cell__c: b.cells.map((c) => cellExt(a, c.buyingCenter, c.offering, c.Fiscal_Year__c))
  };
}

const idList = (ids: Iterable<string>): string[] => literalChunks([...new Set(ids)]);

async function rolesOf(
  conn: Connection,
  oppIds: Iterable<string>
): Promise<(RoleRow & { OpportunityId: string })[]> {
  const out: (RoleRow & { OpportunityId: string })[] = [];
  for (const list of idList(oppIds))
    for (const r of await queryAll<Fields>(
      conn,
      `SELECT Id, OpportunityId, ContactId, Role, IsPrimary FROM OpportunityContactRole WHERE OpportunityId IN (${list})`
    ))
      out.push({
        Id: String(r.Id),
        OpportunityId: String(r.OpportunityId),
        ContactId: String(r.ContactId),
        Role: (r.Role as string | null) ?? null,
        IsPrimary: Boolean(r.IsPrimary)
      });
  return out;
}

/** Reads the snapshot: every record of the run that exists, with the fields it may write, and their roles. */
export async function readSnapshot(
  conn: Connection,
  b: AccountBundle,
  newUsers: string[]
): Promise<Snapshot> {
  const keys = bundleKeys(b);
  const records: Snapshot['records'] = {};
  for (const spec of OBJECTS) {
    const found = await recordsByKey(conn, spec.object, fieldsOf(spec), keys[spec.object]);
    records[spec.object] = Object.fromEntries(found);
  }
  const roles: Snapshot['roles'] = {};
  const oppKeyById = new Map(Object.entries(records.Opportunity).map(([k, r]) => [String(r.Id), k]));
  for (const k of oppKeyById.values()) roles[k] = [];
  for (const r of await rolesOf(conn, oppKeyById.keys())) {
    const { OpportunityId, ...role } = r;
    roles[oppKeyById.get(OpportunityId)!].push(role);
  }
  return { version: 1, records, roles, newUsers };
}

/** Writes in collections of 200 (allOrNone), saving the journal header before each, and counts. */
class Writer {
  readonly objects: ImportSummary['objects'] = {};
  done = 0;

  constructor(
    readonly conn: Connection,
    readonly total: number,
    readonly options: ImportOptions,
    readonly journal: Journal | undefined
  ) {}

  private count(object: string, kind: 'created' | 'updated' | 'deleted'): void {
    const c = (this.objects[object] ??= { created: 0, updated: 0 });
    c[kind] = (c[kind] ?? 0) + 1;
  }

  private tick(object: string, n: number): void {
    this.done += n;
    this.options.progress?.tick(`import: ${object}`, this.done, this.total);
  }

  private call(what: string, object: string, n: number, fn: () => Promise<unknown>): Promise<SaveResult[]> {
    if (this.options.signal?.aborted)
      throw new Error(`interrupted before ${what} of ${n} ${object} (${String(this.options.signal.reason)})`);
    this.journal?.beforeBatch(`${what} ${n} ${object}`);
    return fn() as Promise<SaveResult[]>;
  }

  /** Upserts rows (each with Keyplan_Key__c), returning the ids in row order; `where` names a row in the bundle. */
  async upsert(object: string, rows: Fields[], where: (i: number) => string): Promise<string[]> {
    if (this.useBulk(rows)) return this.bulk('upsert', object, rows, where);
    const ids: string[] = [];
    for (const [c, batch] of chunks(rows).entries()) {
      let results: SaveResult[];
      try {
        results = await this.call('upsert', object, batch.length, () =>
          this.conn.sobject(object).upsert(batch as never[], KEY_FIELD, { allOrNone: true })
        );
      } catch (err) {
        throw new Error(`${object} (${where(c * BATCH)} ...): ${(err as Error).message}`, { cause: err });
      }
      const i = firstFailure(results);
      if (i >= 0)
        throw new Error(
          `${object} ${String(batch[i][KEY_FIELD])} (${where(c * BATCH + i)}): ${describeErrors(results[i].errors)}`
        );
      for (const r of results) {
        ids.push(r.id!);
        this.count(object, r.created ? 'created' : 'updated');
      }
      this.tick(object, batch.length);
    }
    return ids;
  }

  /** Inserts (contact roles, local users) or updates (rows with Id) with allOrNone. */
  async save(
    mode: 'create' | 'update',
    object: string,
    rows: Fields[],
    where: (i: number) => string
  ): Promise<string[]> {
    if (mode === 'update' && this.useBulk(rows)) return this.bulk('update', object, rows, where);
    const ids: string[] = [];
    for (const [c, batch] of chunks(rows).entries()) {
      const results = await this.call(mode, object, batch.length, () =>
        this.conn.sobject(object)[mode](batch as never[], { allOrNone: true })
      );
      const i = firstFailure(results);
      if (i >= 0)
        throw new Error(`${object} (${where(c * BATCH + i)}): ${describeErrors(results[i].errors)}`);
      for (const r of results) {
        ids.push(r.id!);
        this.count(object, mode === 'create' ? 'created' : 'updated');
      }
      this.tick(object, batch.length);
    }
    return ids;
  }

  /** Rows at or above the Bulk threshold: one Bulk API 2.0 ingest job (bulk.ts) instead of collections. */
  private useBulk(rows: readonly unknown[]): boolean {
    return rows.length > 0 && rows.length >= (this.options.bulkThreshold ?? BULK_THRESHOLD);
  }

  private async bulk(
    operation: 'upsert' | 'update',
    object: string,
    rows: Fields[],
    where: (i: number) => string
  ): Promise<string[]> {
    const out = (await this.call(`bulk ${operation}`, object, rows.length, () =>
      bulkWrite(this.conn, object, operation, rows, KEY_FIELD, where)
    )) as unknown as BulkOutcome;
    out.created.forEach((c) => this.count(object, c ? 'created' : 'updated'));
    this.bulkJobs.push({ object, operation, records: rows.length, ms: out.jobMs });
    this.tick(object, rows.length);
    return out.ids;
  }

  /** The Bulk API jobs this run used. */
  readonly bulkJobs: NonNullable<ImportSummary['bulkJobs']> = [];

  async destroy(object: string, ids: string[]): Promise<void> {
    for (const batch of chunks(ids)) {
      const results = await this.call('delete', object, batch.length, () =>
        this.conn.sobject(object).destroy(batch, { allOrNone: true })
      );
      const i = firstFailure(results);
      if (i >= 0) throw new Error(`deleting ${object} ${batch[i]}: ${describeErrors(results[i].errors)}`);
      batch.forEach(() => this.count(object, 'deleted'));
    }
  }
}

/** Total records an import writes (for progress). */
function recordCount(b: AccountBundle): number {
  return (
    1 +
    b.subsidiaries.length +
    b.offerings.length +
    b.buyingCenters.length +
    b.contacts.length +
    b.links.length +
    b.opportunities.length +
    b.opportunities.reduce((n, o) => n + o.contactRoles.length, 0) +
    b.plans.reduce((n, p) => n + 1 + p.objectives.length + p.actions.length, 0) +
    b.cells.length
  );
}

/**
 * Users: matched by Email (case-insensitive). In a real org a missing user is an input error listing
 * them all (nothing written yet); the local org creates them.
 */
async function resolveUsers(
  conn: Connection,
  kind: 'local' | 'org',
  b: AccountBundle
): Promise<{ ids: Map<string, string>; missing: AccountBundle['users'] }> {
  const ids = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const batch of chunks(b.users, 100)) {
    const rows = await queryAll<{ Id: string; Email: string }>(
      conn,
      `SELECT Id, Email FROM User WHERE Email IN (${batch.map((u) => soqlString(u.Email)).join(', ')})`
    );
    for (const r of rows) if (!byEmail.has(r.Email.toLowerCase())) byEmail.set(r.Email.toLowerCase(), r.Id);
  }
  const missing = b.users.filter((u) => !byEmail.has(u.Email.toLowerCase()));
  if (missing.length && kind === 'org') {
    throw new InvalidInput(
      `${missing.length} user(s) of the bundle do not exist in the org (users are matched by Email and never created in a real org)`,
      missing.map((u) => ({
        where: `users[${b.users.indexOf(u)}].Email`,
        message: `No user with email ${u.Email} (${u.key})`
      }))
    );
  }
  for (const u of b.users) {
    const id = byEmail.get(u.Email.toLowerCase());
    if (id) ids.set(u.key, id);
  }
  return { ids, missing };
}

/**
 * Imports a bundle that passed `checkBundle`. Throws InvalidInput (nothing written) or ImportFailed
 * (rolled back: see its `rollback`).
 */
export async function importBundle(
  conn: Connection,
  kind: 'local' | 'org',
  b: AccountBundle,
  options: ImportOptions = {}
): Promise<ImportSummary> {
  const started = performance.now();
  const { ids: userIds, missing: missingUsers } = await resolveUsers(conn, kind, b);
  const named = presence(options.raw ?? b, b);
  let snap: Snapshot;
  let journal: Journal | undefined;
  if (options.resume) {
    ({ journal, snapshot: snap } = options.resume);
  } else {
    snap = await readSnapshot(
      conn,
      b,
      missingUsers.map((u) => u.Email.toLowerCase())
    );
    journal = options.startJournal?.(snap);
  }
  // On resume, users the first attempt created exist now: only the rest are created.
  const missing = missingUsers;
  const w = new Writer(conn, recordCount(b) + missing.length, options, journal);
  const acct = b.account.key;
  const keys = bundleKeys(b);
  const had = (object: string, key: string): Fields | undefined => snap.records[object]?.[key];
  const ref = <T>(map: Map<string, T>, key: string | null | undefined): T | null =>
    key === null || key === undefined ? null : (map.get(key) ?? null);
  let accountId = '';
  let offeringsKept = 0;
  try {
    if (missing.length) {
      const created = await w.save(
        'create',
        'User',
        missing.map((u) => ({
          FirstName: u.FirstName ?? null,
          LastName: u.LastName,
          Email: u.Email,
          Username: u.Email,
          Title: u.Title ?? null
        })),
        (i) => `users[${b.users.indexOf(missing[i])}]`
      );
      missing.forEach((u, i) => userIds.set(u.key, created[i]));
    }

    const acctExt = accountExt(acct);
    [accountId] = await w.upsert(
      'Account',
      [
        {
          ...orgFields(BundleAccount, b.account, Boolean(had('Account', acctExt)), named.get(b.account)),
          [KEY_FIELD]: acctExt
        }
      ],
      () => 'account'
    );

    // Group accounts: the subsidiaries, level by level below the bundle's account (ParentId needs the parent).
    const companyIds = new Map<string, string>();
    for (const level of levels(b.subsidiaries.map((s) => ({ key: s.key, parent: s.parent })))) {
      const got = await w.upsert(
        'Account',
        level.map((i) => {
          const s = b.subsidiaries[i];
          const ext = recordExt(acct, s.key);
          return {
            ...orgFields(BundleSubsidiary, s, Boolean(had('Account', ext)), named.get(s), [
              [null, 'ParentId', ref(companyIds, s.parent) ?? accountId]
            ]),
            [KEY_FIELD]: ext
          };
        }),
        (j) => `subsidiaries[${level[j]}]`
      );
      level.forEach((i, j) => companyIds.set(b.subsidiaries[i].key, got[j]));
    }
    /** The company a record names (a subsidiary key), else the bundle's account. */
    const company = (key: string | undefined): string => ref(companyIds, key) ?? accountId;

    // The catalogue is org-wide: an offering that exists keeps its values unless --update-offerings.
    const offeringIds = new Map<string, string>();
    const offeringRows: { i: number; row: Fields }[] = [];
    b.offerings.forEach((o, i) => {
      const ext = offeringExt(o.key);
      const before = had('Offering__c', ext);
      if (before && !options.updateOfferings) {
        offeringIds.set(o.key, String(before.Id));
        offeringsKept++;
        return;
      }
      offeringRows.push({
        i,
        row: { ...orgFields(BundleOffering, o, Boolean(before), named.get(o)), [KEY_FIELD]: ext }
      });
    });
    const off = await w.upsert(
      'Offering__c',
      offeringRows.map((r) => r.row),
      (n) => `offerings[${offeringRows[n].i}]`
    );
    offeringRows.forEach((r, n) => offeringIds.set(b.offerings[r.i].key, off[n]));

    const centerIds = new Map<string, string>();
    for (const level of levels(b.buyingCenters.map((c) => ({ key: c.key, parent: c.parent })))) {
      const got = await w.upsert(
        'Buying_Center__c',
        level.map((i) => {
          const c = b.buyingCenters[i];
          const ext = recordExt(acct, c.key);
          return {
            ...orgFields(BundleBuyingCenter, c, Boolean(had('Buying_Center__c', ext)), named.get(c), [
              [null, 'Account__c', accountId],
              ['parent', 'Parent_Buying_Center__c', ref(centerIds, c.parent)],
              ['subsidiary', 'Subsidiary__c', ref(companyIds, c.subsidiary)]
            ]),
            [KEY_FIELD]: ext
          };
        }),
        (j) => `buyingCenters[${level[j]}]`
      );
      level.forEach((i, j) => centerIds.set(b.buyingCenters[i].key, got[j]));
    }

    const contactIds = new Map<string, string>();
    for (const level of levels(b.contacts.map((c) => ({ key: c.key, parent: c.reportsTo })))) {
      const got = await w.upsert(
        'Contact',
        level.map((i) => {
          const c = b.contacts[i];
          const ext = recordExt(acct, c.key);
          return {
            ...orgFields(BundleContact, c, Boolean(had('Contact', ext)), named.get(c), [
              [null, 'AccountId', company(c.account)],
              ['reportsTo', 'ReportsToId', ref(contactIds, c.reportsTo)],
              ['buyingCenter', 'Keyplan_Buying_Center__c', ref(centerIds, c.buyingCenter)]
            ]),
            [KEY_FIELD]: ext
          };
        }),
        (j) => `contacts[${level[j]}]`
      );
      level.forEach((i, j) => contactIds.set(b.contacts[i].key, got[j]));
    }

    await w.upsert(
      'Relationship_Link__c',
      b.links.map((l) => {
        const ext = recordExt(acct, l.key);
        return {
          ...orgFields(BundleLink, l, Boolean(had('Relationship_Link__c', ext)), named.get(l), [
            [null, 'Account__c', accountId],
            [null, 'From_Contact__c', ref(contactIds, l.fromContact)],
            [null, 'From_User__c', ref(userIds, l.fromUser)],
            [null, 'To_Contact__c', ref(contactIds, l.toContact)]
          ]),
          [KEY_FIELD]: ext
        };
      }),
      (i) => `links[${i}]`
    );

    const oppIds = await w.upsert(
      'Opportunity',
      b.opportunities.map((o) => {
        const ext = recordExt(acct, o.key);
        return {
          ...orgFields(BundleOpportunity, o, Boolean(had('Opportunity', ext)), named.get(o), [
            [null, 'AccountId', company(o.account)],
            ['buyingCenter', 'Keyplan_Buying_Center__c', ref(centerIds, o.buyingCenter)],
            ['offering', 'Keyplan_Offering__c', ref(offeringIds, o.offering)]
          ]),
          [KEY_FIELD]: ext
        };
      }),
      (i) => `opportunities[${i}]`
    );

    // Contact roles have no key: each opportunity gets the bundle's roles, reusing its current roles
    // (same contact first, then any other: ContactId is updateable) so their Ids stay; the rest are
    // created, and roles left over are deleted at the very end.
    const current = new Map<string, RoleRow[]>();
    for (const r of await rolesOf(conn, oppIds)) {
      const { OpportunityId, ...role } = r;
      current.set(OpportunityId, [...(current.get(OpportunityId) ?? []), role]);
    }
    const roleUpdates: { where: string; rec: Fields }[] = [];
    const roleInserts: { where: string; rec: Fields }[] = [];
    const roleDeletes: string[] = [];
    b.opportunities.forEach((o, i) => {
      const cur = [...(current.get(oppIds[i]) ?? [])];
      const want = o.contactRoles.map((r, j) => ({
        where: `opportunities[${i}].contactRoles[${j}]`,
        ContactId: ref(contactIds, r.contact),
        Role: r.Role ?? null,
        IsPrimary: r.IsPrimary
      }));
      const pending: typeof want = [];
      for (const d of want) {
        const k = cur.findIndex((c) => c.ContactId === d.ContactId);
        if (k < 0) {
          pending.push(d);
          continue;
        }
        const [c] = cur.splice(k, 1);
        if (c.Role !== d.Role || c.IsPrimary !== d.IsPrimary)
          roleUpdates.push({ where: d.where, rec: { Id: c.Id, Role: d.Role, IsPrimary: d.IsPrimary } });
      }
      for (const d of pending) {
        const c = cur.shift();
        const values = { ContactId: d.ContactId, Role: d.Role, IsPrimary: d.IsPrimary };
        if (c) roleUpdates.push({ where: d.where, rec: { Id: c.Id, ...values } });
        else roleInserts.push({ where: d.where, rec: { OpportunityId: oppIds[i], ...values } });
      }
      roleDeletes.push(...cur.map((c) => c.Id));
    });
    await w.save(
      'update',
      'OpportunityContactRole',
      roleUpdates.map((r) => r.rec),
      (i) => roleUpdates[i].where
    );
    await w.save(
      'create',
      'OpportunityContactRole',
      roleInserts.map((r) => r.rec),
      (i) => roleInserts[i].where
    );

    const planIds = await w.upsert(
      'Account_Plan__c',
      b.plans.map((p) => {
        const ext = recordExt(acct, p.key);
        return {
          ...orgFields(BundlePlan, p, Boolean(had('Account_Plan__c', ext)), named.get(p), [
            [null, 'Account__c', accountId]
          ]),
          [KEY_FIELD]: ext
        };
      }),
      (i) => `plans[${i}]`
    );
    const objectiveRows = b.plans.flatMap((p, i) => p.objectives.map((o, j) => ({ p, i, o, j })));
    const objectiveIds = await w.upsert(
      'Plan_Objective__c',
      objectiveRows.map(({ p, i, o }) => {
        const ext = planChildExt(acct, p.key, o.key);
        return {
          ...orgFields(BundleObjective, o, Boolean(had('Plan_Objective__c', ext)), named.get(o), [
            [null, 'Account_Plan__c', planIds[i]],
            ['buyingCenter', 'Buying_Center__c', ref(centerIds, o.buyingCenter)]
          ]),
          [KEY_FIELD]: ext
        };
      }),
      (n) => `plans[${objectiveRows[n].i}].objectives[${objectiveRows[n].j}]`
    );
    const objectiveByPlan = new Map<string, string>();
    objectiveRows.forEach((r, n) => objectiveByPlan.set(`${r.p.key}/${r.o.key}`, objectiveIds[n]));
    const actionRows = b.plans.flatMap((p, i) => p.actions.map((a, j) => ({ p, i, a, j })));
    await w.upsert(
      'Plan_Action__c',
      actionRows.map(({ p, i, a }) => {
        const ext = planChildExt(acct, p.key, a.key);
        return {
          ...orgFields(BundleAction, a, Boolean(had('Plan_Action__c', ext)), named.get(a), [
            [null, 'Account_Plan__c', planIds[i]],
            [
              'objective',
              'Objective__c',
              a.objective === null ? null : (objectiveByPlan.get(`${p.key}/${a.objective}`) ?? null)
            ],
            ['assignedTo', 'Assigned_To__c', ref(userIds, a.assignedTo)]
          ]),
          [KEY_FIELD]: ext
        };
      }),
      (n) => `plans[${actionRows[n].i}].actions[${actionRows[n].j}]`
    );

    await w.upsert(
      'Landscape_Cell__c',
      b.cells.map((c, i) => {
        const ext = keys.Landscape_Cell__c[i];
        return {
          ...orgFields(BundleCell, c, Boolean(had('Landscape_Cell__c', ext)), named.get(c), [
            [null, 'Buying_Center__c', ref(centerIds, c.buyingCenter)],
            [null, 'Offering__c', ref(offeringIds, c.offering)]
          ]),
          [KEY_FIELD]: ext
        };
      }),
      (i) => `cells[${i}]`
    );

    if (roleDeletes.length) await w.destroy('OpportunityContactRole', roleDeletes);
  } catch (err) {
    options.progress?.done();
    if (err instanceof InvalidInput && w.done === 0 && !options.resume) {
      journal?.finish();
      throw err;
    }
    const msg = (err as Error).message;
    journal?.setPhase('rolling-back', msg);
    const rollback = await rollbackImport(conn, b, snap, (l) => options.log?.(l));
    if (rollback.failed.length) journal?.setPhase('rollback-failed', msg);
    else journal?.finish();
    options.log?.(
      rollback.failed.length
        ? `import: failed; the rollback restored ${rollback.restored} and deleted ${rollback.deleted} record(s), but ${rollback.failed.length} step(s) failed (run \`keyplan import --rollback\` to retry):\n  ${rollback.failed.join('\n  ')}`
        : `import: failed; rolled back: restored ${rollback.restored} record(s) as they were and deleted the ${rollback.deleted} record(s) this run created. The org is as before the import.`
    );
    throw new ImportFailed(msg, rollback);
  }
  options.progress?.done();
  journal?.finish();
  return {
    accountId,
    accountKey: acct,
    objects: w.objects,
    records: w.done,
    usersCreated: missing.length,
    offeringsKept,
    ms: Math.round(performance.now() - started),
    ...(w.bulkJobs.length ? { bulkJobs: w.bulkJobs } : {})
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Puts the org back as the snapshot says: records that existed get back every field the run may have
 * changed (only those that differ are written, on the same Ids), contact roles of those opportunities
 * are updated back (re-created only if a role was deleted), and every record of the bundle's keys that
 * is not in the snapshot (the run created it) is deleted, children first. Runs every step even when one
 * fails, and lists the failures.
 */
export async function rollbackImport(
  conn: Connection,
  b: AccountBundle,
  snap: Snapshot,
  log: (line: string) => void = () => {}
): Promise<RollbackResult> {
  const result: RollbackResult = { restored: 0, deleted: 0, failed: [] };
  const keys = bundleKeys(b);
  const step = async (what: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (err) {
      result.failed.push(`${what}: ${(err as Error).message}`);
    }
  };
  const write = async (
    mode: 'update' | 'create' | 'destroy',
    object: string,
    rows: (Fields | string)[],
    counter: 'restored' | 'deleted'
  ): Promise<void> => {
    for (const batch of chunks(rows)) {
      const api = conn.sobject(object);
      const results = (await (mode === 'destroy'
        ? api.destroy(batch as string[], { allOrNone: false })
        : api[mode](batch as never[], { allOrNone: false }))) as unknown as SaveResult[];
      results.forEach((r, i) => {
        const gone = r.errors?.some((e) => ['ENTITY_IS_DELETED', 'NOT_FOUND'].includes(code(e)));
        if (r.success || (mode === 'destroy' && gone)) result[counter]++;
        else {
          const rec = batch[i];
          result.failed.push(
            `${mode} ${object} ${typeof rec === 'string' ? rec : String(rec.Id ?? '(new)')}: ${describeErrors(r.errors)}`
          );
        }
      });
    }
  };

  // 1. The run's records as they are now.
  const now: Record<string, Map<string, Fields & { Id: string }>> = {};
  for (const spec of OBJECTS)
    await step(`reading ${spec.object}`, async () => {
      now[spec.object] = await recordsByKey(conn, spec.object, fieldsOf(spec), keys[spec.object]);
    });
  if (result.failed.length) return result;

  // 2. Restore what existed, parents first.
  for (const spec of OBJECTS) {
    const updates: Fields[] = [];
    for (const [k, before] of Object.entries(snap.records[spec.object] ?? {})) {
      const cur = now[spec.object].get(k);
      if (!cur) {
        result.failed.push(`${spec.object} ${k} (${String(before.Id)}) no longer exists`);
        continue;
      }
      const diff: Fields = {};
      for (const f of fieldsOf(spec)) if (f in before && !same(before[f], cur[f])) diff[f] = before[f];
      if (Object.keys(diff).length) updates.push({ Id: cur.Id, ...diff });
    }
    if (updates.length) {
      log(`rollback: restoring ${updates.length} ${spec.object} record(s)`);
      await step(`restoring ${spec.object}`, () => write('update', spec.object, updates, 'restored'));
    }
  }

  // 3. Contact roles: back to the snapshot on the opportunities that existed; none on the new ones.
  const oppNow = now.Opportunity;
  const allOppIds = [...oppNow.values()].map((o) => o.Id);
  await step('restoring contact roles', async () => {
    const cur = await rolesOf(conn, allOppIds);
    const byId = new Map(cur.map((r) => [r.Id, r]));
    const keep = new Set<string>();
    const updates: Fields[] = [];
    const creates: Fields[] = [];
    for (const [oppKey, roles] of Object.entries(snap.roles)) {
      const opp = oppNow.get(oppKey);
      if (!opp) continue;
      for (const r of roles) {
        keep.add(r.Id);
        const c = byId.get(r.Id);
        if (!c)
          creates.push({
            OpportunityId: opp.Id,
            ContactId: r.ContactId,
            Role: r.Role,
            IsPrimary: r.IsPrimary
          });
        else if (c.ContactId !== r.ContactId || c.Role !== r.Role || c.IsPrimary !== r.IsPrimary)
          updates.push({ Id: r.Id, ContactId: r.ContactId, Role: r.Role, IsPrimary: r.IsPrimary });
      }
    }
    const deletes = cur.filter((r) => !keep.has(r.Id)).map((r) => r.Id);
    await write('destroy', 'OpportunityContactRole', deletes, 'deleted');
    await write('update', 'OpportunityContactRole', updates, 'restored');
    await write('create', 'OpportunityContactRole', creates, 'restored');
  });

  // 4. Delete what the run created, children first (reporting lines and parent chains deepest first).
  const order = [...OBJECTS].reverse();
  const depthOrder = (
    object: string,
    list: { key: string; parent: string | null }[]
  ): Map<string, number> => {
    const depth = new Map<string, number>();
    levels(list).forEach((level, d) => level.forEach((i) => depth.set(keys[object][i], d)));
    return depth;
  };
  const depths: Record<string, Map<string, number>> = {
    Contact: depthOrder(
      'Contact',
      b.contacts.map((c) => ({ key: c.key, parent: c.reportsTo }))
    ),
    Buying_Center__c: depthOrder(
      'Buying_Center__c',
      b.buyingCenters.map((c) => ({ key: c.key, parent: c.parent }))
    )
  };
  for (const spec of order) {
    const created = [...now[spec.object].entries()].filter(
      ([k]) => !(k in (snap.records[spec.object] ?? {}))
    );
    if (!created.length) continue;
    const depth = depths[spec.object];
    if (depth) created.sort(([a], [c]) => (depth.get(c) ?? 0) - (depth.get(a) ?? 0));
    log(`rollback: deleting ${created.length} ${spec.object} record(s) the run created`);
    await step(`deleting ${spec.object}`, () =>
      write(
        'destroy',
        spec.object,
        created.map(([, r]) => r.Id),
        'deleted'
      )
    );
  }

  // 5. Users the run created (local org only).
  if (snap.newUsers.length)
    await step('deleting users', async () => {
      const wanted = new Set(snap.newUsers);
      const ids: string[] = [];
      for (const list of literalChunks(snap.newUsers))
        for (const u of await queryAll<{ Id: string; Email: string }>(
          conn,
          `SELECT Id, Email FROM User WHERE Email IN (${list})`
        ))
          if (wanted.has(u.Email.toLowerCase())) ids.push(u.Id);
      await write('destroy', 'User', ids, 'deleted');
    });
  return result;
}
