import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FieldDef, ObjectDef, Schema } from '../src/schema';

/** A SQLite handle (better-sqlite3). */
export type Db = Database.Database;

/** Quotes an identifier for SQL. Identifiers come from the schema, never from a request. */
export function q(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

const TEXTUAL = new Set([
  'Text',
  'TextArea',
  'LongTextArea',
  'Html',
  'Email',
  'Phone',
  'Url',
  'Picklist',
  'MultiselectPicklist',
  'AutoNumber'
]);

/** The SQLite column type of a field; text compares case-insensitively like SOQL. */
export function columnType(field: FieldDef): string {
  if (TEXTUAL.has(field.type)) return 'TEXT COLLATE NOCASE';
  switch (field.type) {
    case 'Number':
    case 'Currency':
    case 'Percent':
      return 'REAL';
    case 'Checkbox':
      return 'INTEGER';
    default:
      // Id, Lookup, MasterDetail, Date (YYYY-MM-DD), DateTime (ISO, UTC): all sortable as text.
      return 'TEXT';
  }
}

/** Opens (creating when needed) the database file with WAL and a busy timeout so processes can share it. */
export function openDb(dbFile: string): Db {
  if (dbFile !== ':memory:') mkdirSync(path.dirname(dbFile), { recursive: true });
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.exec(
    `CREATE TABLE IF NOT EXISTS _localorg_objects (name TEXT PRIMARY KEY, key_prefix TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL DEFAULT 0)`
  );
  db.exec(`CREATE TABLE IF NOT EXISTS _localorg_meta (key TEXT PRIMARY KEY, value TEXT)`);
  return db;
}

/**
 * Makes the tables match the schema: one table per object, one column per field. New objects get a
 * table, new fields a column (ALTER TABLE ADD COLUMN); columns of removed fields stay, unused, so no
 * data is lost when a field is renamed back. Key prefixes of custom objects are pinned in the database
 * the first time an object is seen, so ids stay valid when other objects are added to the metadata.
 */
export function syncSchema(db: Db, schema: Schema): void {
  const run = db.transaction(() => {
    const pinned = new Map<string, string>();
    for (const row of db.prepare('SELECT name, key_prefix FROM _localorg_objects').all() as {
      name: string;
      key_prefix: string;
    }[]) {
      pinned.set(row.name, row.key_prefix);
    }
    const used = new Set(pinned.values());
    const insertPrefix = db.prepare('INSERT INTO _localorg_objects (name, key_prefix) VALUES (?, ?)');
    for (const obj of schema.objects.values()) {
      const existing = pinned.get(obj.name);
      if (existing) {
        obj.keyPrefix = existing;
        continue;
      }
      const prefix = used.has(obj.keyPrefix) ? freePrefix(obj, used) : obj.keyPrefix;
      obj.keyPrefix = prefix;
      used.add(prefix);
      insertPrefix.run(obj.name, prefix);
    }
    for (const obj of schema.objects.values()) {
      syncTable(db, obj);
      newestFirstIndex(db, obj);
    }
  });
  run.immediate();
}

function freePrefix(obj: ObjectDef, used: Set<string>): string {
  const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const first = obj.isMetadataType ? 'm' : 'a';
  for (const a of chars) {
    for (const b of chars) {
      const p = `${first}${a}${b}`;
      if (!used.has(p)) return p;
    }
  }
  throw new Error(`no free key prefix for ${obj.name}`);
}

function syncTable(db: Db, obj: ObjectDef): void {
  const table = q(obj.name);
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(obj.name);
  const fields = obj.fields.filter((f) => f.name !== 'Id');
  if (!exists) {
    const cols = [`"Id" TEXT PRIMARY KEY`, ...fields.map((f) => `${q(f.name)} ${columnType(f)}`)];
    db.exec(`CREATE TABLE ${table} (${cols.join(', ')})`);
  } else {
    const have = new Set(
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name.toLowerCase())
    );
    for (const f of fields) {
      if (!have.has(f.name.toLowerCase()))
        db.exec(`ALTER TABLE ${table} ADD COLUMN ${q(f.name)} ${columnType(f)}`);
    }
  }
  // Lookups are joined and filtered on, and the Apex selectors page the children of a parent by Id
  // (`WHERE AccountId IN :ids AND Id > :after ORDER BY Id`): (lookup, Id) serves both without a sort.
  // External ids and unique keys are looked up by value.
  for (const f of fields) {
    if (f.type === 'Lookup' || f.type === 'MasterDetail') {
      // Databases made before the (lookup, Id) index had the lookup alone under the plain name.
      db.exec(`DROP INDEX IF EXISTS ${q(`ix_${obj.name}_${f.name}`)}`);
      db.exec(
        `CREATE INDEX IF NOT EXISTS ${q(`ix_${obj.name}_${f.name}_id`)} ON ${table} (${q(f.name)}, "Id")`
      );
    } else if (f.unique || f.externalId) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${q(`ix_${obj.name}_${f.name}`)} ON ${table} (${q(f.name)})`);
    }
    // A case-sensitive key is matched with COLLATE BINARY (org.ts matchCollation): the NOCASE index of
    // the column cannot serve that comparison, this one can.
    if ((f.unique || f.externalId) && f.caseSensitive && TEXTUAL.has(f.type)) {
      db.exec(
        `CREATE INDEX IF NOT EXISTS ${q(`ix_${obj.name}_${f.name}_cs`)} ON ${table} (${q(f.name)} COLLATE BINARY)`
      );
    }
  }
}

/**
 * Pages read newest first under one parent (`ORDER BY CreatedDate DESC, Id DESC` after a keyset): the
 * org chart's links (RelationshipLinkSelector.pageByAccounts). Without the (parent, CreatedDate, Id) index
 * every page sorts all of the account's links (20,000 on the large demo account) to return 4,000. Over a
 * group's 500 accounts (`Account__c IN (...)`) no one parent's range is in order: the (CreatedDate, Id) index
 * (the org indexes CreatedDate on every object) lets the page walk newest first and stop at its 4,001st row.
 */
const NEWEST_FIRST: Record<string, string> = { Relationship_Link__c: 'Account__c' };

function newestFirstIndex(db: Db, obj: ObjectDef): void {
  const parent = NEWEST_FIRST[obj.name];
  if (!parent) return;
  db.exec(
    `CREATE INDEX IF NOT EXISTS ${q(`ix_${obj.name}_${parent}_created`)} ON ${q(obj.name)} (${q(parent)}, "CreatedDate", "Id")`
  );
  db.exec(
    `CREATE INDEX IF NOT EXISTS ${q(`ix_${obj.name}_created`)} ON ${q(obj.name)} ("CreatedDate", "Id")`
  );
}

/**
 * Refreshes the query planner's statistics (sampled: `analysis_limit`), after a large load or when a database
 * is opened. Without them SQLite cannot tell a one-account page (walk that account's index range) from a
 * 500-account group page (walk the CreatedDate or Id index and filter), and sorts the group's rows instead.
 */
export function refreshPlannerStats(db: Db): void {
  db.pragma('analysis_limit = 1000');
  db.exec('ANALYZE');
}

/** Reserves the next record number of an object (inside the caller's write transaction). */
export function nextSeq(db: Db, objectName: string): number {
  const row = db
    .prepare('UPDATE _localorg_objects SET seq = seq + 1 WHERE name = ? RETURNING seq')
    .get(objectName) as { seq: number } | undefined;
  if (!row) throw new Error(`unknown object ${objectName}`);
  return row.seq;
}

/** Reads a value from the local org's key/value table. */
export function getMeta(db: Db, key: string): string | undefined {
  return (
    db.prepare('SELECT value FROM _localorg_meta WHERE key = ?').get(key) as { value: string } | undefined
  )?.value;
}

/** Writes a value to the local org's key/value table. */
export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO _localorg_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
  ).run(key, value);
}
