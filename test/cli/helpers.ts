/**
 * Shared by the CLI tests: run the CLI in-process, and dump a local org database table by table to
 * compare states ("nothing changed", "as before", "as a complete import").
 */
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { runCli } from '../../scripts/cli/cli';
import { checkBundle, type AccountBundle } from '../../src/bundle/schema';

/** Runs the CLI in-process against `db` (journals in `journalDir`) and captures its output. */
export async function cliIn(
  db: string,
  journalDir: string,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--db', db, '--journal-dir', journalDir, ...args], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t)
  });
  return { code, out, err };
}

/**
 * Audit columns the org sets on every write (a restore is a write), and tables that are not data:
 * the field history (the org's audit trail records a restore too) and the id counters.
 */
const AUDIT = new Set(['LastModifiedDate', 'LastModifiedById', 'SystemModstamp']);
/** SQLite's own tables (the planner's statistics, refreshed after large loads) hold no org data. */
const SKIP_TABLE = (t: string): boolean =>
  t.endsWith('History') || t === '_localorg_objects' || t.startsWith('sqlite_');

export type Dump = Record<string, Record<string, unknown>[]>;

/**
 * Every table of the database, rows ordered by Id, without audit columns. With `byKey`, record Ids
 * (in every column) are replaced by a stable name: `<table>:<Keyplan key>`, users by email, contact
 * roles by opportunity and contact, and CreatedDate is dropped: two imports of the same bundle then
 * dump equal even though the org gave their records different Ids.
 */
export function dumpDb(file: string, byKey = false): Dump {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .filter((t) => !SKIP_TABLE(t));
    const raw: Dump = {};
    for (const t of tables) {
      const cols = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name);
      const order = cols.includes('Id') ? 'ORDER BY "Id"' : 'ORDER BY rowid';
      raw[t] = (db.prepare(`SELECT * FROM "${t}" ${order}`).all() as Record<string, unknown>[]).map((r) => {
        for (const c of AUDIT) delete r[c];
        return r;
      });
    }
    if (!byKey) return raw;
    const name = new Map<string, string>();
    for (const [t, rows] of Object.entries(raw))
      for (const r of rows) {
        if (typeof r.Id !== 'string') continue;
        if (typeof r.Keyplan_Key__c === 'string') name.set(r.Id, `${t}:${r.Keyplan_Key__c}`);
        else if (t === 'User') name.set(r.Id, `User:${String(r.Email).toLowerCase()}`);
      }
    for (const r of raw.OpportunityContactRole ?? [])
      name.set(
        String(r.Id),
        `Role:${name.get(String(r.OpportunityId)) ?? ''}>${name.get(String(r.ContactId)) ?? ''}`
      );
    const out: Dump = {};
    for (const [t, rows] of Object.entries(raw))
      out[t] = rows
        .map((r) => {
          const o: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(r))
            if (k !== 'CreatedDate') o[k] = typeof v === 'string' ? (name.get(v) ?? v) : v;
          return o;
        })
        .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    return out;
  } finally {
    db.close();
  }
}

/** Tables whose rows differ between two dumps (for assertion messages). */
export function dumpDiff(a: Dump, b: Dump): string[] {
  const out: string[] = [];
  for (const t of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[t] ?? [];
    const y = b[t] ?? [];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    const xs = new Set(x.map((r) => JSON.stringify(r)));
    const ys = new Set(y.map((r) => JSON.stringify(r)));
    const only = (s: Set<string>, o: Set<string>): string[] => [...s].filter((r) => !o.has(r)).slice(0, 2);
    out.push(
      `${t}: ${x.length} vs ${y.length} rows; only before: ${only(xs, ys).join(' ')}; only after: ${only(ys, xs).join(' ')}`
    );
  }
  return out;
}

/**
 * A bundle normalised for comparison: parsed (defaults filled), lists sorted by key, the editor-only
 * `$schema` dropped, optional false checkboxes dropped, and users keyed by Email (the org stores no
 * user key).
 */
export function normaliseBundle(input: unknown): AccountBundle {
  const { bundle, problems } = checkBundle(input);
  assert.deepEqual(problems, []);
  const b = structuredClone(bundle!) as AccountBundle & { $schema?: string };
  delete b.$schema;
  const userKey = new Map(b.users.map((u) => [u.key, u.Email.toLowerCase()]));
  const sortKey = <T extends { key: string }>(l: T[]): T[] =>
    l.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  b.users.forEach((u) => (u.key = userKey.get(u.key)!));
  b.links.forEach((l) => {
    if (l.fromUser) l.fromUser = userKey.get(l.fromUser)!;
  });
  for (const p of b.plans) {
    p.actions.forEach((a) => (a.assignedTo = a.assignedTo && userKey.get(a.assignedTo)!));
    for (const k of Object.keys(p) as (keyof typeof p)[])
      if (String(k).startsWith('Criterion_') && p[k] === false) delete p[k];
    sortKey(p.objectives);
    sortKey(p.actions);
  }
  b.opportunities.forEach((o) => o.contactRoles.sort((x, y) => (x.contact < y.contact ? -1 : 1)));
  b.cells.sort((x, y) =>
    `${x.buyingCenter}|${x.offering}|${x.Fiscal_Year__c}` <
    `${y.buyingCenter}|${y.offering}|${y.Fiscal_Year__c}`
      ? -1
      : 1
  );
  for (const l of [
    b.subsidiaries,
    b.users,
    b.offerings,
    b.buyingCenters,
    b.contacts,
    b.links,
    b.opportunities,
    b.plans
  ])
    sortKey(l as { key: string }[]);
  return b;
}
