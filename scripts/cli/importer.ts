/**
 * Writes a validated account bundle to an org through jsforce, all-or-none: sObject collection upserts
 * by `Keyplan_Key__c` with allOrNone, object by object in dependency order (self-references level by
 * level, parents first). When a later call fails, the records this run created are deleted again and
 * contact roles it replaced are restored (updates to records that existed before stay: the org has no
 * cross-call transaction to undo them).
 */
import type { Connection } from 'jsforce';
import {
  BundleAccount,
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
import { ImportFailed, InvalidInput } from './errors';
import { KEY_FIELD, accountExt, cellExt, offeringExt, planChildExt, recordExt, soqlString } from './keys';
import type { Progress } from './progress';
import { apiFields } from './shape';
import type { z } from 'zod';

type Fields = Record<string, unknown>;
const BATCH = 200;

export interface ImportSummary {
  accountId: string;
  accountKey: string;
  /** Per object: records created and updated. */
  objects: Record<string, { created: number; updated: number }>;
  records: number;
  usersCreated: number;
  ms: number;
}

export interface ImportOptions {
  progress?: Progress;
  /** Messages for the user (rollback notices), on stderr. */
  log?: (line: string) => void;
}

/** Every record of a query, following nextRecordsUrl. */
export async function queryAll<T = Fields>(conn: Connection, soql: string): Promise<T[]> {
  const result = await conn.query(soql, { autoFetch: true, maxFetch: 10_000_000 });
  return result.records as unknown as T[];
}

const chunks = <T>(list: readonly T[], size = BATCH): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The org field values of one bundle record: undefined optional fields are cleared (null / false). */
function orgFields(
  schema: z.ZodType,
  rec: Record<string, unknown>,
  keep: (name: string) => boolean = () => true
): Fields {
  const out: Fields = {};
  for (const f of apiFields(schema)) {
    if (!keep(f.name)) continue;
    const v = rec[f.name];
    out[f.orgName] = v === undefined ? (f.kind === 'boolean' ? false : null) : v;
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

const describeErrors = (errors: SaveError[]): string =>
  errors
    .map(
      (e) =>
        `${e.statusCode ?? e.errorCode ?? 'ERROR'}: ${e.message}${e.fields?.length ? ` [${e.fields.join(', ')}]` : ''}`
    )
    .join('; ');

/** One import run: the connection, what it created (for rollback) and the counters. */
class Run {
  readonly created: { object: string; id: string }[] = [];
  /** Contact roles this run deleted, to put back on rollback. */
  readonly replacedRoles: Fields[] = [];
  readonly objects: ImportSummary['objects'] = {};
  done = 0;

  constructor(
    readonly conn: Connection,
    readonly total: number,
    readonly options: ImportOptions
  ) {}

  private count(object: string, created: boolean): void {
    const c = (this.objects[object] ??= { created: 0, updated: 0 });
    if (created) c.created++;
    else c.updated++;
  }

  private tick(object: string, n: number): void {
    this.done += n;
    this.options.progress?.tick(`import: ${object}`, this.done, this.total);
  }

  /**
   * Upserts rows (each with Keyplan_Key__c) in collections of 200 with allOrNone, returning the ids in
   * row order. `where` names each row in the bundle for error messages.
   */
  async upsert(object: string, rows: Fields[], where: (i: number) => string): Promise<string[]> {
    const ids: string[] = [];
    for (const [c, batch] of chunks(rows).entries()) {
      let results: SaveResult[];
      try {
        results = (await this.conn
          .sobject(object)
          .upsert(batch as never[], KEY_FIELD, { allOrNone: true })) as unknown as SaveResult[];
      } catch (err) {
        throw new Error(`${object} (${where(c * BATCH)} ...): ${(err as Error).message}`, { cause: err });
      }
      const bad = results.findIndex(
        (r) =>
          !r.success &&
          !r.errors.every((e) => (e.statusCode ?? e.errorCode) === 'ALL_OR_NONE_OPERATION_ROLLED_BACK')
      );
      if (bad >= 0 || results.some((r) => !r.success)) {
        const i = bad >= 0 ? bad : results.findIndex((r) => !r.success);
        throw new Error(
          `${object} ${String(batch[i][KEY_FIELD])} (${where(c * BATCH + i)}): ${describeErrors(results[i].errors)}`
        );
      }
      results.forEach((r) => {
        ids.push(r.id!);
        if (r.created) this.created.push({ object, id: r.id! });
        this.count(object, Boolean(r.created));
      });
      this.tick(object, batch.length);
    }
    return ids;
  }

  /** Inserts rows (no external id: contact roles, local users) with allOrNone. */
  async insert(object: string, rows: Fields[], where: (i: number) => string): Promise<string[]> {
    const ids: string[] = [];
    for (const [c, batch] of chunks(rows).entries()) {
      const results = (await this.conn
        .sobject(object)
        .create(batch as never[], { allOrNone: true })) as unknown as SaveResult[];
      const i = results.findIndex((r) => !r.success);
      if (i >= 0)
        throw new Error(`${object} (${where(c * BATCH + i)}): ${describeErrors(results[i].errors)}`);
      for (const r of results) {
        ids.push(r.id!);
        this.created.push({ object, id: r.id! });
        this.count(object, true);
      }
      this.tick(object, batch.length);
    }
    return ids;
  }

  async destroy(object: string, ids: string[]): Promise<void> {
    for (const batch of chunks(ids)) {
      const results = (await this.conn
        .sobject(object)
        .destroy(batch, { allOrNone: true })) as unknown as SaveResult[];
      const i = results.findIndex((r) => !r.success);
      if (i >= 0) throw new Error(`deleting ${object} ${batch[i]}: ${describeErrors(results[i].errors)}`);
    }
  }

  /** Deletes what this run created, newest first (children before parents), and restores replaced roles. */
  async rollback(): Promise<{ deleted: number; failed: string[] }> {
    const failed: string[] = [];
    let deleted = 0;
    const groups: { object: string; ids: string[] }[] = [];
    for (const c of [...this.created].reverse()) {
      const last = groups[groups.length - 1];
      if (last && last.object === c.object) last.ids.push(c.id);
      else groups.push({ object: c.object, ids: [c.id] });
    }
    for (const g of groups) {
      for (const batch of chunks(g.ids)) {
        try {
          const results = (await this.conn
            .sobject(g.object)
            .destroy(batch, { allOrNone: false })) as unknown as SaveResult[];
          results.forEach((r, i) => {
            // Already gone with a deleted master (cascade): that is what we wanted.
            if (
              r.success ||
              r.errors.some(
                (e) =>
                  (e.statusCode ?? e.errorCode) === 'ENTITY_IS_DELETED' ||
                  (e.statusCode ?? e.errorCode) === 'NOT_FOUND'
              )
            )
              deleted++;
            else failed.push(`${g.object} ${batch[i]}: ${describeErrors(r.errors)}`);
          });
        } catch (err) {
          failed.push(`${g.object} (${batch.length} records): ${(err as Error).message}`);
        }
      }
    }
    if (this.replacedRoles.length) {
      try {
        for (const batch of chunks(this.replacedRoles))
          await this.conn.sobject('OpportunityContactRole').create(batch as never[], { allOrNone: true });
      } catch (err) {
        failed.push(`restoring ${this.replacedRoles.length} contact roles: ${(err as Error).message}`);
      }
    }
    return { deleted, failed };
  }
}

/** Total records an import writes (for progress). */
function recordCount(b: AccountBundle): number {
  return (
    1 +
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

/** Imports a bundle that passed `checkBundle`. Throws InvalidInput (nothing written) or ImportFailed (rolled back). */
export async function importBundle(
  conn: Connection,
  kind: 'local' | 'org',
  b: AccountBundle,
  options: ImportOptions = {}
): Promise<ImportSummary> {
  const started = performance.now();
  const { ids: userIds, missing } = await resolveUsers(conn, kind, b);
  const run = new Run(conn, recordCount(b) + missing.length, options);
  const acct = b.account.key;
  const ref = <T>(map: Map<string, T>, key: string | null | undefined): T | null =>
    key === null || key === undefined ? null : (map.get(key) ?? null);
  let accountId = '';
  try {
    if (missing.length) {
      const created = await run.insert(
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

    [accountId] = await run.upsert(
      'Account',
      [{ ...orgFields(BundleAccount, b.account), [KEY_FIELD]: accountExt(acct) }],
      () => 'account'
    );

    const offeringIds = new Map<string, string>();
    const off = await run.upsert(
      'Offering__c',
      b.offerings.map((o) => ({ ...orgFields(BundleOffering, o), [KEY_FIELD]: offeringExt(o.key) })),
      (i) => `offerings[${i}]`
    );
    b.offerings.forEach((o, i) => offeringIds.set(o.key, off[i]));

    const centerIds = new Map<string, string>();
    for (const level of levels(b.buyingCenters.map((c) => ({ key: c.key, parent: c.parent })))) {
      const got = await run.upsert(
        'Buying_Center__c',
        level.map((i) => {
          const c = b.buyingCenters[i];
          return {
            ...orgFields(BundleBuyingCenter, c),
            Account__c: accountId,
            Parent_Buying_Center__c: ref(centerIds, c.parent),
            [KEY_FIELD]: recordExt(acct, c.key)
          };
        }),
        (j) => `buyingCenters[${level[j]}]`
      );
      level.forEach((i, j) => centerIds.set(b.buyingCenters[i].key, got[j]));
    }

    const contactIds = new Map<string, string>();
    for (const level of levels(b.contacts.map((c) => ({ key: c.key, parent: c.reportsTo })))) {
      const got = await run.upsert(
        'Contact',
        level.map((i) => {
          const c = b.contacts[i];
          return {
            ...orgFields(BundleContact, c),
            AccountId: accountId,
            ReportsToId: ref(contactIds, c.reportsTo),
            Buying_Center__c: ref(centerIds, c.buyingCenter),
            [KEY_FIELD]: recordExt(acct, c.key)
          };
        }),
        (j) => `contacts[${level[j]}]`
      );
      level.forEach((i, j) => contactIds.set(b.contacts[i].key, got[j]));
    }

    await run.upsert(
      'Relationship_Link__c',
      b.links.map((l) => ({
        ...orgFields(BundleLink, l),
        Account__c: accountId,
        From_Contact__c: ref(contactIds, l.fromContact),
        From_User__c: ref(userIds, l.fromUser),
        To_Contact__c: ref(contactIds, l.toContact),
        [KEY_FIELD]: recordExt(acct, l.key)
      })),
      (i) => `links[${i}]`
    );

    const oppIds = await run.upsert(
      'Opportunity',
      b.opportunities.map((o) => {
        // A missing probability is left to the org (it follows the stage), never cleared.
        const fields = orgFields(
          BundleOpportunity,
          o,
          (f) => f !== 'Probability' || o.Probability !== undefined
        );
        return {
          ...fields,
          AccountId: accountId,
          Buying_Center__c: ref(centerIds, o.buyingCenter),
          Offering__c: ref(offeringIds, o.offering),
          [KEY_FIELD]: recordExt(acct, o.key)
        };
      }),
      (i) => `opportunities[${i}]`
    );

    // Contact roles have no key: each opportunity's roles are replaced by the bundle's.
    const oldRoles: Fields[] = [];
    for (const batch of chunks(oppIds, 150)) {
      oldRoles.push(
        ...(await queryAll(
          conn,
          `SELECT Id, OpportunityId, ContactId, Role, IsPrimary FROM OpportunityContactRole WHERE OpportunityId IN (${batch.map(soqlString).join(', ')})`
        ))
      );
    }
    if (oldRoles.length) {
      await run.destroy(
        'OpportunityContactRole',
        oldRoles.map((r) => String(r.Id))
      );
      run.replacedRoles.push(
        ...oldRoles.map((r) => ({
          OpportunityId: r.OpportunityId,
          ContactId: r.ContactId,
          Role: r.Role ?? null,
          IsPrimary: Boolean(r.IsPrimary)
        }))
      );
    }
    const roles = b.opportunities.flatMap((o, i) =>
      o.contactRoles.map((r, j) => ({
        where: `opportunities[${i}].contactRoles[${j}]`,
        rec: {
          OpportunityId: oppIds[i],
          ContactId: ref(contactIds, r.contact),
          Role: r.Role ?? null,
          IsPrimary: r.IsPrimary
        }
      }))
    );
    await run.insert(
      'OpportunityContactRole',
      roles.map((r) => r.rec),
      (i) => roles[i].where
    );

    const planIds = await run.upsert(
      'Account_Plan__c',
      b.plans.map((p) => ({
        ...orgFields(BundlePlan, p),
        Account__c: accountId,
        [KEY_FIELD]: recordExt(acct, p.key)
      })),
      (i) => `plans[${i}]`
    );
    const objectiveRows = b.plans.flatMap((p, i) => p.objectives.map((o, j) => ({ p, i, o, j })));
    const objectiveIds = await run.upsert(
      'Plan_Objective__c',
      objectiveRows.map(({ p, i, o }) => ({
        ...orgFields(BundleObjective, o),
        Account_Plan__c: planIds[i],
        Buying_Center__c: ref(centerIds, o.buyingCenter),
        [KEY_FIELD]: planChildExt(acct, p.key, o.key)
      })),
      (n) => `plans[${objectiveRows[n].i}].objectives[${objectiveRows[n].j}]`
    );
    const objectiveByPlan = new Map<string, string>();
    objectiveRows.forEach((r, n) => objectiveByPlan.set(`${r.p.key}/${r.o.key}`, objectiveIds[n]));
    const actionRows = b.plans.flatMap((p, i) => p.actions.map((a, j) => ({ p, i, a, j })));
    await run.upsert(
      'Plan_Action__c',
      actionRows.map(({ p, i, a }) => ({
        ...orgFields(BundleAction, a),
        Account_Plan__c: planIds[i],
        Objective__c: a.objective === null ? null : (objectiveByPlan.get(`${p.key}/${a.objective}`) ?? null),
        Assigned_To__c: ref(userIds, a.assignedTo),
        [KEY_FIELD]: planChildExt(acct, p.key, a.key)
      })),
      (n) => `plans[${actionRows[n].i}].actions[${actionRows[n].j}]`
    );

    await run.upsert(
      'Landscape_Cell__c',
      b.cells.map((c) => ({
        ...orgFields(BundleCell, c),
        Buying_Center__c: ref(centerIds, c.buyingCenter),
        Offering__c: ref(offeringIds, c.offering),
        [KEY_FIELD]: cellExt(acct, c.buyingCenter, c.offering, c.Fiscal_Year__c)
      })),
      (i) => `cells[${i}]`
    );
  } catch (err) {
    options.progress?.done();
    if (err instanceof InvalidInput) throw err;
    const rollback = await run.rollback();
    const msg = `${(err as Error).message}`;
    options.log?.(
      rollback.failed.length
        ? `import: failed; rolled back ${rollback.deleted} record(s) this run created, but ${rollback.failed.length} could not be deleted:\n  ${rollback.failed.join('\n  ')}`
        : `import: failed; rolled back: deleted the ${rollback.deleted} record(s) this run created${run.replacedRoles.length ? ` and restored ${run.replacedRoles.length} contact role(s)` : ''}. Records that existed before keep any updates made by this run.`
    );
    throw new ImportFailed(msg, rollback);
  }
  options.progress?.done();
  return {
    accountId,
    accountKey: acct,
    objects: run.objects,
    records: run.done,
    usersCreated: missing.length,
    ms: Math.round(performance.now() - started)
  };
}
