import type { Statement } from 'better-sqlite3';
import type { KeyplanSettings } from '../force-app/main/default/lwc/keyplanCore/settings';
import {
  fiscalYearOf,
  fiscalYearSetting,
  type FiscalYearSetting
} from '../force-app/main/default/lwc/keyplanCore/figures';
import {
  CLOSED_STAGES,
  findObject,
  loadSchema,
  type FieldDef,
  type ObjectDef,
  type Schema
} from '../src/schema';
import { getMeta, nextSeq, openDb, q, refreshPlannerStats, setMeta, syncSchema, type Db } from './db';
import { SfError } from './errors';
import { SYSTEM_FIELDS } from './fls';
import type { EffectiveSettings } from '../force-app/main/default/lwc/keyplanCore/settings';
import {
  CROSS_OBJECT_INPUTS,
  FORMULAS,
  deriveOpportunity,
  effectiveFrom,
  STAGE_DEFAULTS,
  formulaSettingsFrom,
  settingsFrom,
  type FormulaSettings,
  type TuningRow
} from './formulas';
import { makeId, normalizeId } from './ids';
import type { SfRecord, SfValue } from './types';
import { bantEvidenceTouched, UNIQUE_KEY_TRIGGERS } from './triggers';
import { roleEvidence } from '../force-app/main/default/lwc/keyplanCore/bant';
import { deriveActivityFields, whoRelation } from './activities';
import { findLocalUser, LOCAL_USERS, type LocalUserDef } from './users';
import { RULE_TWINS } from './validationRules';

/** Standard lookups whose children go with the parent, like the org deletes an account's contacts. */
const CASCADE_LOOKUPS = new Set([
  'Contact.AccountId',
  'Opportunity.AccountId',
  'OpportunityFieldHistory.OpportunityId'
]);

/**
 * The field history object of an object (`OpportunityFieldHistory`, `Account_Plan__History`) and the
 * field naming the record, when the schema has one.
 */
const HISTORY_NAMES: Record<string, string> = { Account: 'AccountHistory', Contact: 'ContactHistory' };

export function historyObjectName(objectName: string): { name: string; parentField: string } {
  if (objectName.endsWith('__c'))
    return { name: `${objectName.slice(0, -3)}__History`, parentField: 'ParentId' };
  // Account, Contact, Case... keep the older names (AccountHistory, ContactHistory); Opportunity has its own.
  if (HISTORY_NAMES[objectName]) return { name: HISTORY_NAMES[objectName], parentField: `${objectName}Id` };
  return { name: `${objectName}FieldHistory`, parentField: `${objectName}Id` };
}

/** Whether the object is a field history object: the org writes its rows, clients only read them. */
export function isHistoryObject(obj: ObjectDef): boolean {
  return (
    obj.name.endsWith('FieldHistory') ||
    obj.name.endsWith('__History') ||
    Object.values(HISTORY_NAMES).includes(obj.name)
  );
}

/**
 * The SQL collation for comparing a unique or external-id text field: BINARY when the field XML says
 * `caseSensitive` (Keyplan_Key__c: "abc" and "ABC" are two records), NOCASE otherwise (Unique_Key__c,
 * like the columns themselves, which SOQL filters compare case-insensitively).
 */
export function matchCollation(f: FieldDef): 'BINARY' | 'NOCASE' {
  return f.caseSensitive ? 'BINARY' : 'NOCASE';
}

/** Salesforce-style datetime text in UTC: 2024-05-01T10:00:00.000+0000. */
export function sfDateTime(d: Date): string {
  return d.toISOString().replace('Z', '+0000');
}

/** The local org's organization id: `SetupOwnerId` of the org-level (default) custom setting row. */
export const ORG_ID = '00D000000000001AAA';
/** The hierarchy custom setting holding the org's overrides of the packaged settings (docs/SETTINGS.md). */
export const TUNING_OBJECT = 'Keyplan_Tuning__c';

export interface OrgOptions {
  /** force-app/main/default of the project whose metadata defines the schema. */
  forceAppDir: string;
  /** SQLite file (or ':memory:'). */
  dbFile: string;
  /** Who writes run as (alias or Username of LOCAL_USERS; default `demo`, the Keyplan_User account manager). */
  user?: string;
}

/**
 * The local org: schema from metadata, records in SQLite, and the save rules the org applies
 * (types, required, picklists, lookups, unique values, formulas, validation rules, cascade delete).
 * Every write method must run inside `write()` so a failure rolls everything back.
 */
export class LocalOrg {
  readonly db: Db;
  readonly schema: Schema;
  /** The id of the user every request runs as. */
  readonly userId: string;
  /** The packaged `Keyplan_Setting__mdt` records (the defaults). */
  private readonly settingRecords: Map<string, Record<string, unknown>> | undefined;
  /** The user every request runs as (profile and permission sets decide its access: see fls.ts). */
  readonly user: LocalUserDef;
  /** Ids of the local users by alias. */
  readonly userIds = new Map<string, string>();

  private constructor(db: Db, schema: Schema) {
    this.db = db;
    this.schema = schema;
    this.settingRecords = schema.customMetadata.get('Keyplan_Setting__mdt') as
      Map<string, Record<string, unknown>> | undefined;
    this.userId = '';
    this.user = LOCAL_USERS[0];
  }

  /**
   * The `Keyplan_Tuning__c` row the running user sees, like `Keyplan_Tuning__c.getInstance()`: the
   * user's own row, else the org default (profiles are not modelled locally).
   */
  tuning(): TuningRow {
    const obj = this.schema.objects.get(TUNING_OBJECT);
    if (!obj) return null;
    const rows = this.stmt(`SELECT * FROM ${q(obj.name)} WHERE "SetupOwnerId" IN (?, ?)`).all(
      this.userId,
      ORG_ID
    ) as Record<string, unknown>[];
    const row =
      rows.find((r) => r.SetupOwnerId === this.userId) ?? rows.find((r) => r.SetupOwnerId === ORG_ID);
    return row ? this.fromRow(obj, row) : null;
  }

  /** Override over default, what `KeyplanSettings.effective()` returns in Apex (getSettings' values). */
  effectiveSettings(): EffectiveSettings {
    return effectiveFrom(this.settingRecords, this.tuning());
  }

  /** The effective settings for the core (blank ones fall back to the built-in defaults). */
  get settings(): KeyplanSettings {
    return settingsFrom(this.settingRecords, this.tuning());
  }

  /** The settings as the formula fields read them (override, else the record; blank is null): formulas.ts. */
  get formulaSettings(): FormulaSettings {
    return formulaSettingsFrom(this.settingRecords, undefined, this.tuning());
  }

  /** Loads the schema, opens the database, creates/extends tables and refreshes computed fields. */
  static open(opts: OrgOptions): LocalOrg {
    const schema = loadSchema(opts.forceAppDir);
    const db = openDb(opts.dbFile);
    syncSchema(db, schema);
    const org = new LocalOrg(db, schema);
    const user = findLocalUser(opts.user ?? 'demo');
    org.write(() => {
      org.loadCustomMetadata();
      org.ensureUsers();
      (org as { user: LocalUserDef }).user = user;
      (org as { userId: string }).userId = org.userIds.get(user.alias)!;
      org.ensureOrganization();
      org.recomputeFormulas();
    });
    refreshPlannerStats(db);
    return org;
  }

  close(): void {
    this.db.close();
  }

  private statements = new Map<string, Statement<unknown[], unknown>>();
  /** A prepared statement, cached: compiling SQL costs more than running it. */
  stmt(sql: string): Statement<unknown[], unknown> {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Runs fn in one immediate (write-locking) transaction; nested calls become savepoints. */
  write<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(fn)();
    return this.db.transaction(fn).immediate();
  }

  /** Resolves an object by API name (case-insensitive) or throws NOT_FOUND like the REST API. */
  object(name: string): ObjectDef {
    const obj = findObject(this.schema, name);
    if (!obj)
      throw new SfError(
        'NOT_FOUND',
        `The requested resource does not exist: sObject type '${name}' is not supported.`,
        [],
        404
      );
    return obj;
  }

  field(obj: ObjectDef, name: string): FieldDef | undefined {
    const lower = name.toLowerCase();
    return obj.fields.find((f) => f.name.toLowerCase() === lower);
  }

  /** Finds which object an id belongs to from its key prefix. */
  objectOfId(id: string): ObjectDef | undefined {
    const prefix = id.slice(0, 3);
    for (const obj of this.schema.objects.values()) if (obj.keyPrefix === prefix) return obj;
    return undefined;
  }

  // ---- reading ----

  /** Converts a database row into a record with typed values. */
  fromRow(obj: ObjectDef, row: Record<string, unknown>): SfRecord {
    const rec: SfRecord = {};
    for (const f of obj.fields) {
      const v = row[f.name];
      rec[f.name] =
        v === undefined || v === null ? null : f.type === 'Checkbox' ? v === 1 || v === true : (v as SfValue);
    }
    return rec;
  }

  /** Reads one record by id, or undefined. */
  get(objectName: string, id: string): SfRecord | undefined {
    const obj = this.object(objectName);
    const norm = normalizeId(id);
    if (!norm) return undefined;
    const row = this.stmt(`SELECT * FROM ${q(obj.name)} WHERE "Id" = ?`).get(norm) as
      Record<string, unknown> | undefined;
    return row ? this.fromRow(obj, row) : undefined;
  }

  // ---- writing ----

  /** Inserts one record through every save rule and returns its id. */
  insert(objectName: string, input: Record<string, unknown>): string {
    const obj = this.writable(objectName);
    const values = this.coerceInput(obj, input, 'insert');
    const now = sfDateTime(new Date());
    const rec: SfRecord = {};
    for (const f of obj.fields) rec[f.name] = null;
    for (const f of obj.fields)
      if (f.defaultValue !== undefined && !(f.name in values)) rec[f.name] = defaultOf(f);
    Object.assign(rec, values);
    rec.Id = makeId(obj.keyPrefix, nextSeq(this.db, obj.name));
    rec.CreatedDate = rec.LastModifiedDate = rec.SystemModstamp = now;
    rec.CreatedById = rec.LastModifiedById = this.userId || rec.Id;
    rec.IsDeleted = false;
    if (this.field(obj, 'OwnerId') && !rec.OwnerId) rec.OwnerId = this.userId || rec.Id;
    if (obj.isCustomSetting && !rec.SetupOwnerId) rec.SetupOwnerId = ORG_ID;
    this.beforeSave(obj, rec, undefined, values);
    const cols = obj.fields.map((f) => f.name);
    this.stmt(
      `INSERT INTO ${q(obj.name)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
    ).run(...cols.map((c) => toDb(rec[c])));
    this.afterTuningChange(obj);
    this.recountBantEvidence(obj, undefined, rec);
    const relation = whoRelation(obj.name, rec);
    if (relation && this.schema.objects.has(relation.object)) this.insert(relation.object, relation.values);
    return rec.Id as string;
  }

  /** Updates one record (only the fields given) through every save rule. */
  update(objectName: string, id: string, input: Record<string, unknown>): void {
    const obj = this.writable(objectName);
    const prior = this.requireRecord(obj, id);
    const values = this.coerceInput(obj, input, 'update');
    this.checkReparenting(obj, prior, values);
    const rec: SfRecord = { ...prior, ...values };
    const now = sfDateTime(new Date());
    rec.LastModifiedDate = rec.SystemModstamp = now;
    rec.LastModifiedById = this.userId;
    this.beforeSave(obj, rec, prior, values);
    const cols = obj.fields.map((f) => f.name).filter((c) => c !== 'Id');
    this.stmt(`UPDATE ${q(obj.name)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE "Id" = ?`).run(
      ...cols.map((c) => toDb(rec[c])),
      prior.Id
    );
    this.trackHistory(obj, prior, rec, now);
    this.recomputeDependents(obj, prior, rec);
    this.afterTuningChange(obj);
    this.recountBantEvidence(obj, prior, rec);
  }

  /**
   * Twin of BantEvidence.refresh (triggers.ts bantEvidenceTouched): recounts Keyplan_Authority_Roles__c and
   * Keyplan_Budget_Owner_Roles__c of the opportunities whose contact roles this save changed, with the
   * core's roleEvidence; writes only counts that differ (the update recomputes the score formula).
   */
  private recountBantEvidence(obj: ObjectDef, prior: SfRecord | undefined, rec: SfRecord | undefined): void {
    const touched = bantEvidenceTouched(obj.name, prior, rec);
    const ids = new Set(touched.opportunityIds);
    if (touched.contactId)
      for (const r of this.stmt(
        `SELECT DISTINCT "OpportunityId" FROM "OpportunityContactRole" WHERE "ContactId" = ?`
      ).all(touched.contactId) as { OpportunityId: string }[])
        ids.add(r.OpportunityId);
    const opportunity = this.schema.objects.get('Opportunity');
    if (!ids.size || !opportunity || !this.field(opportunity, 'Keyplan_Authority_Roles__c')) return;
    for (const id of ids) {
      const opp = this.get('Opportunity', id);
      if (!opp) continue;
      const roles = this.stmt(
        `SELECT c."Keyplan_Buyer_Role__c" AS buyerRole, c."Keyplan_Decision_Role__c" AS decisionRole, c."Keyplan_Budget_Owned__c" AS budgetOwned FROM "OpportunityContactRole" r JOIN "Contact" c ON c."Id" = r."ContactId" WHERE r."OpportunityId" = ?`
      ).all(id) as { buyerRole: string | null; decisionRole: string | null; budgetOwned: number | null }[];
      const counts = roleEvidence(roles);
      if (
        Number(opp.Keyplan_Authority_Roles__c ?? 0) !== counts.authorityRoles ||
        Number(opp.Keyplan_Budget_Owner_Roles__c ?? 0) !== counts.budgetOwnerRoles
      )
        this.update('Opportunity', id, {
          Keyplan_Authority_Roles__c: counts.authorityRoles,
          Keyplan_Budget_Owner_Roles__c: counts.budgetOwnerRoles
        });
    }
  }

  /**
   * The org computes formulas when they are read, so a changed override shows in every score at once;
   * the local org stores formula values, so it recomputes them all when the tuning changes.
   */
  private afterTuningChange(obj: ObjectDef): void {
    if (obj.name === TUNING_OBJECT) this.recomputeFormulas();
  }

  /**
   * The org refuses to move a saved child to another master unless the master-detail field allows
   * reparenting (`reparentableMasterDetail`); the field is then not updateable, so the error is the
   * one for any read-only field. Sending the value it already has is fine.
   */
  private checkReparenting(obj: ObjectDef, prior: SfRecord, values: SfRecord): void {
    for (const f of obj.fields) {
      if (f.type !== 'MasterDetail' || f.reparentable || !(f.name in values)) continue;
      if (values[f.name] === prior[f.name]) continue;
      throw new SfError(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${f.name}. Please check the security settings of this field and verify that it is read/write for your user profile or permission set.`,
        [f.name]
      );
    }
  }

  /**
   * Field history: one row per changed field with trackHistory, in the same transaction as the
   * update, like the org writes OpportunityFieldHistory (objects without a history object in the
   * schema write none).
   */
  private trackHistory(obj: ObjectDef, prior: SfRecord, rec: SfRecord, now: string): void {
    const tracked = obj.fields.filter((f) => f.trackHistory && prior[f.name] !== rec[f.name]);
    if (!tracked.length) return;
    const { name, parentField } = historyObjectName(obj.name);
    const history = this.schema.objects.get(name);
    if (!history || !this.field(history, parentField)) return;
    for (const f of tracked)
      this.insertHistory(history.name, {
        parentId: rec.Id as string,
        field: f.name,
        oldValue: prior[f.name],
        newValue: rec[f.name],
        createdDate: now
      });
  }

  /**
   * Writes one field history row (the save path's own, and backdated demo history: see
   * seedBantHistory in history.ts). History objects are read-only to every client.
   */
  insertHistory(
    historyObject: string,
    row: {
      parentId: string;
      field: string;
      oldValue: SfValue;
      newValue: SfValue;
      createdDate: string;
      createdById?: string;
    }
  ): string {
    const obj = this.object(historyObject);
    if (!isHistoryObject(obj)) throw new Error(`${obj.name} is not a field history object`);
    const parentField = obj.fields.find(
      (f) => f.name.endsWith('Id') && f.type === 'Lookup' && f.name !== 'CreatedById'
    );
    if (!parentField) throw new Error(`${obj.name} has no parent field`);
    const text = (v: SfValue): string | null => (v === null ? null : String(v));
    const id = makeId(obj.keyPrefix, nextSeq(this.db, obj.name));
    this.stmt(
      `INSERT INTO ${q(obj.name)} ("Id", "CreatedDate", "CreatedById", "IsDeleted", ${q(parentField.name)}, "Field", "OldValue", "NewValue") VALUES (?, ?, ?, 0, ?, ?, ?, ?)`
    ).run(
      id,
      row.createdDate,
      row.createdById ?? this.userId,
      row.parentId,
      row.field,
      text(row.oldValue),
      text(row.newValue)
    );
    return id;
  }

  /**
   * Recomputes the stored formulas of records whose formulas read a field of this record that just
   * changed (Is_My_Account__c reads the account's OwnerId): see CROSS_OBJECT_INPUTS.
   */
  private recomputeDependents(obj: ObjectDef, prior: SfRecord, rec: SfRecord): void {
    for (const dep of CROSS_OBJECT_INPUTS) {
      if (dep.parent !== obj.name || !dep.fields.some((f) => prior[f] !== rec[f])) continue;
      const child = this.schema.objects.get(dep.child);
      if (!child) continue;
      const where = dep.descendants
        ? `WHERE "Id" IN (WITH RECURSIVE d(id) AS (SELECT "Id" FROM ${q(child.name)} WHERE ${q(dep.via)} = ? ` +
          `UNION SELECT c."Id" FROM ${q(child.name)} c JOIN d ON c.${q(dep.via)} = d.id) SELECT id FROM d)`
        : `WHERE ${q(dep.via)} = ?`;
      this.recomputeFormulas(child, where, [rec.Id as string]);
    }
  }

  /**
   * Inserts or updates by an external id field. Returns the id and whether it was created; more than
   * one match is an error like the org's 300 Multiple Choices.
   */
  upsert(
    objectName: string,
    extField: string,
    extValue: string,
    input: Record<string, unknown>
  ): { id: string; created: boolean } {
    const obj = this.writable(objectName);
    const field = this.field(obj, extField);
    if (!field || (field.name !== 'Id' && !field.externalId)) {
      throw new SfError(
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${extField}`,
        [extField],
        404
      );
    }
    if (field.name === 'Id') {
      const existing = this.get(obj.name, extValue);
      if (existing) {
        this.update(obj.name, existing.Id as string, input);
        return { id: existing.Id as string, created: false };
      }
      return { id: this.insert(obj.name, input), created: true };
    }
    const rows = this.stmt(
      `SELECT "Id" FROM ${q(obj.name)} WHERE ${q(field.name)} = ? COLLATE ${matchCollation(field)} LIMIT 2`
    ).all(extValue) as { Id: string }[];
    if (rows.length > 1)
      throw new SfError(
        'MULTIPLE_CHOICES',
        `More than one record found for ${field.name} = ${extValue}`,
        [field.name],
        300
      );
    const body = { ...input };
    for (const k of Object.keys(body)) if (k.toLowerCase() === field.name.toLowerCase()) delete body[k];
    if (rows.length === 1) {
      this.update(obj.name, rows[0].Id, body);
      return { id: rows[0].Id, created: false };
    }
    return { id: this.insert(obj.name, { ...body, [field.name]: extValue }), created: true };
  }

  /**
   * Deletes a record the way the org does, all or nothing:
   * - master-detail children go with it (recursively), and so do the standard children the org deletes
   *   with their parent (an account's contacts and opportunities, contact roles, field history);
   * - a lookup with `deleteConstraint` Restrict (or a required custom lookup, which the org only allows
   *   as Restrict) refuses the delete while a record outside the deletion points at it: DELETE_FAILED
   *   naming the referencing object and records;
   * - any other lookup (SetNull) is cleared.
   */
  delete(objectName: string, id: string): void {
    const obj = this.writable(objectName);
    const rec = this.requireRecord(obj, id);
    this.write(() => {
      const deleted: { obj: ObjectDef; id: string }[] = [];
      this.deleteCascade(obj, rec.Id as string, deleted);
      for (const d of deleted) this.checkRestricted(obj, rec, d.obj, d.id);
    });
    this.afterTuningChange(obj);
    this.recountBantEvidence(obj, rec, undefined);
  }

  /** What deleting a record referenced by this lookup does to the referencing record. */
  onDelete(child: ObjectDef, f: FieldDef): 'cascade' | 'restrict' | 'setNull' {
    if (f.type === 'MasterDetail' || isHistoryObject(child)) return 'cascade';
    if (!f.custom)
      return f.required || CASCADE_LOOKUPS.has(`${child.name}.${f.name}`) ? 'cascade' : 'setNull';
    if (f.deleteConstraint === 'Cascade') return 'cascade';
    if (f.deleteConstraint === 'Restrict' || f.required) return 'restrict';
    return 'setNull';
  }

  private deleteCascade(obj: ObjectDef, id: string, deleted: { obj: ObjectDef; id: string }[]): void {
    for (const child of this.schema.objects.values()) {
      if (child.isMetadataType) continue;
      for (const f of child.fields) {
        if ((f.type !== 'Lookup' && f.type !== 'MasterDetail') || f.referenceTo !== obj.name) continue;
        if (SYSTEM_FIELDS.has(f.name)) continue;
        const action = this.onDelete(child, f);
        if (action === 'cascade') {
          const ids = this.stmt(`SELECT "Id" FROM ${q(child.name)} WHERE ${q(f.name)} = ?`).all(id) as {
            Id: string;
          }[];
          for (const row of ids)
            if (!(child.name === obj.name && row.Id === id)) this.deleteCascade(child, row.Id, deleted);
        } else if (action === 'setNull') {
          this.stmt(`UPDATE ${q(child.name)} SET ${q(f.name)} = NULL WHERE ${q(f.name)} = ?`).run(id);
        }
      }
    }
    this.stmt(`DELETE FROM ${q(obj.name)} WHERE "Id" = ?`).run(id);
    deleted.push({ obj, id });
  }

  /** After a cascade: a restricting lookup that still points at a deleted record fails the delete. */
  private checkRestricted(root: ObjectDef, rootRec: SfRecord, obj: ObjectDef, id: string): void {
    for (const child of this.schema.objects.values()) {
      if (child.isMetadataType) continue;
      for (const f of child.fields) {
        if (f.type !== 'Lookup' || f.referenceTo !== obj.name || this.onDelete(child, f) !== 'restrict')
          continue;
        const hits = this.stmt(
          `SELECT "Id" FROM ${q(child.name)} WHERE ${q(f.name)} = ? ORDER BY "Id" LIMIT 6`
        ).all(id) as { Id: string }[];
        if (!hits.length) continue;
        const what = root === obj && rootRec.Id === id ? '' : ` (through its ${obj.label} ${id})`;
        throw new SfError(
          'DELETE_FAILED',
          `Your attempt to delete ${root.label} ${String(rootRec.Name ?? rootRec.Id)} could not be completed because it is associated with the following ${child.label} records${what}: ${hits
            .slice(0, 5)
            .map((h) => h.Id)
            .join(
              ', '
            )}${hits.length > 5 ? ', ...' : ''} (${child.name}.${f.name} restricts deletes; delete or repoint them first)`,
          []
        );
      }
    }
  }

  /** The object, if clients may write it (custom metadata and field history are the org's own). */
  writable(objectName: string): ObjectDef {
    const obj = this.object(objectName);
    if (obj.isMetadataType)
      throw new SfError(
        'INVALID_TYPE',
        `${obj.name}: custom metadata records are read-only; change the XML under customMetadata`
      );
    if (isHistoryObject(obj))
      throw new SfError(
        'INVALID_TYPE',
        `${obj.name}: field history is written by the org when a tracked field changes; it cannot be created, edited or deleted`
      );
    return obj;
  }

  private requireRecord(obj: ObjectDef, id: string): SfRecord {
    const norm = normalizeId(id);
    if (!norm) throw new SfError('MALFORMED_ID', `${obj.name} ID: id value of incorrect type: ${id}`, ['Id']);
    const rec = this.get(obj.name, norm);
    if (!rec)
      throw new SfError('NOT_FOUND', `The requested resource does not exist: ${obj.name} ${id}`, [], 404);
    return rec;
  }

  /** Validates and converts the client's values; unknown, read-only and ill-typed fields are errors. */
  private coerceInput(obj: ObjectDef, input: Record<string, unknown>, mode: 'insert' | 'update'): SfRecord {
    if (!input || typeof input !== 'object' || Array.isArray(input))
      throw new SfError('JSON_PARSER_ERROR', 'The request body must be a JSON object of field values');
    const out: SfRecord = {};
    for (const [key, raw] of Object.entries(input)) {
      if (key === 'attributes') continue;
      const f = this.field(obj, key);
      if (!f)
        throw new SfError('INVALID_FIELD', `No such column '${key}' on sobject of type ${obj.name}`, [key]);
      if (f.name === 'Id' && mode === 'update') continue;
      if (SYSTEM_FIELDS.has(f.name) || f.readOnly || f.formula) {
        throw new SfError(
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${f.name}. Please check the security settings of this field and verify that it is read/write for your user profile or permission set.`,
          [f.name]
        );
      }
      out[f.name] = coerce(obj, f, raw);
    }
    return out;
  }

  /** Triggers, derived fields, required fields, lookups, formulas, validation rules and uniqueness. */
  private beforeSave(obj: ObjectDef, rec: SfRecord, prior: SfRecord | undefined, given: SfRecord): void {
    if (obj.name === 'Contact' || obj.name === 'User') {
      rec.Name =
        [rec.FirstName, rec.LastName].filter((x) => typeof x === 'string' && x !== '').join(' ') || null;
    }
    if (obj.name === 'Event' || obj.name === 'Task')
      deriveActivityFields(obj.name, rec, sfDateTime(new Date()));
    if (obj.name === 'Opportunity') {
      deriveOpportunity(
        rec,
        !prior || prior.StageName !== rec.StageName,
        'Probability' in given,
        this.fiscalYearSetting()
      );
      if ((rec.CurrencyIsoCode === null || rec.CurrencyIsoCode === undefined) && this.isMultiCurrency())
        rec.CurrencyIsoCode = this.corporateCurrency();
    }
    const trigger = UNIQUE_KEY_TRIGGERS[obj.name];
    const keyField = trigger ? this.field(obj, 'Unique_Key__c') : undefined;
    if (trigger && keyField) {
      rec.Unique_Key__c = trigger.key(rec);
      // KeyplanUniqueKeys: the records being saved are not their own duplicates.
      const dup =
        rec.Unique_Key__c !== null &&
        this.stmt(
          `SELECT 1 FROM ${q(obj.name)} WHERE "Unique_Key__c" = ? COLLATE ${matchCollation(keyField)} AND "Id" != ? LIMIT 1`
        ).get(rec.Unique_Key__c, rec.Id);
      if (dup)
        throw new SfError('FIELD_CUSTOM_VALIDATION_EXCEPTION', trigger.message(rec), [trigger.errorField]);
    }

    const missing = obj.fields.filter(
      (f) => f.required && !f.readOnly && !f.formula && (rec[f.name] === null || rec[f.name] === '')
    );
    if (missing.length) {
      throw new SfError(
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${missing.map((f) => f.name).join(', ')}]`,
        missing.map((f) => f.name)
      );
    }
    for (const f of obj.fields) {
      if ((f.type !== 'Lookup' && f.type !== 'MasterDetail') || SYSTEM_FIELDS.has(f.name)) continue;
      const v = rec[f.name];
      if (v === null || (prior && prior[f.name] === v)) continue;
      this.checkReference(obj, f, v as string);
    }
    this.applyFormulas(obj, rec);
    for (const rule of obj.validationRules ?? []) {
      if (!rule.active) continue;
      const twin = RULE_TWINS[`${obj.name}.${rule.name}`];
      if (!twin)
        throw new SfError(
          'UNKNOWN_EXCEPTION',
          `Validation rule ${obj.name}.${rule.name} has no local twin in localorg/validationRules.ts`
        );
      if (
        twin({
          record: rec,
          prior,
          isInsert: !prior,
          lookup: (o, id) => (typeof id === 'string' ? this.get(o, id) : undefined)
        })
      ) {
        throw new SfError('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message, rule.field ? [rule.field] : []);
      }
    }
    for (const f of obj.fields) {
      if (!f.unique || rec[f.name] === null) continue;
      const dup = this.stmt(
        `SELECT "Id" FROM ${q(obj.name)} WHERE ${q(f.name)} = ? COLLATE ${matchCollation(f)} AND "Id" != ? LIMIT 1`
      ).get(toDb(rec[f.name]), rec.Id) as { Id: string } | undefined;
      if (dup)
        throw new SfError(
          'DUPLICATE_VALUE',
          `duplicate value found: ${f.name} duplicates value on record with id: ${dup.Id}`,
          [f.name]
        );
    }
  }

  private checkReference(obj: ObjectDef, f: FieldDef, id: string): void {
    const target = f.referenceTo ? this.schema.objects.get(f.referenceTo) : undefined;
    if (!target) return;
    if (id.slice(0, 3) !== target.keyPrefix) {
      throw new SfError(
        'FIELD_INTEGRITY_EXCEPTION',
        `${f.name}: id value of incorrect type: ${id} (expected a ${target.name} id)`,
        [f.name]
      );
    }
    if (!this.stmt(`SELECT 1 FROM ${q(target.name)} WHERE "Id" = ?`).get(id)) {
      throw new SfError(
        'INVALID_CROSS_REFERENCE_KEY',
        `${f.name}: no ${target.name} record with id ${id} on ${obj.name}`,
        [f.name]
      );
    }
  }

  /** Computes the formula fields of a record; `settings` are read from the org when not given. */
  private applyFormulas(obj: ObjectDef, rec: SfRecord, settings?: FormulaSettings): void {
    for (const f of obj.fields) {
      if (!f.formula) continue;
      const fn = FORMULAS[`${obj.name}.${f.name}`] as (typeof FORMULAS)[string] | undefined;
      // Read the tuning once, and only for objects with formulas (a contact import reads nothing).
      if (fn) settings ??= this.formulaSettings;
      rec[f.name] = fn
        ? fn(rec, settings!, {
            lookup: (o, id) => (typeof id === 'string' ? this.get(o, id) : undefined),
            userId: this.userId
          })
        : null;
    }
  }

  /**
   * Formula values are stored so SOQL can filter and sort on them. They are recomputed at every start
   * (code or metadata may have changed) and, for the rows concerned, whenever a formula input on
   * another record changes (recomputeDependents).
   */
  private recomputeFormulas(only?: ObjectDef, where = '', params: string[] = []): void {
    for (const obj of only ? [only] : this.schema.objects.values()) {
      const formulas = obj.fields.filter((f) => f.formula);
      if (!formulas.length || obj.isMetadataType) continue;
      const update = this.stmt(
        `UPDATE ${q(obj.name)} SET ${formulas.map((f) => `${q(f.name)} = ?`).join(', ')} WHERE "Id" = ?`
      );
      const settings = this.formulaSettings;
      // all(), not iterate(): better-sqlite3 cannot write while a read cursor is open on the connection.
      for (const row of this.stmt(`SELECT * FROM ${q(obj.name)} ${where}`).all(...params) as Record<
        string,
        unknown
      >[]) {
        const rec = this.fromRow(obj, row);
        this.applyFormulas(obj, rec, settings);
        update.run(...formulas.map((f) => toDb(rec[f.name])), rec.Id);
      }
    }
  }

  /** Custom metadata records are configuration from the XML: the table is rebuilt from it at every start. */
  private loadCustomMetadata(): void {
    for (const [typeName, records] of this.schema.customMetadata) {
      const obj = this.schema.objects.get(typeName);
      if (!obj) continue;
      this.db.prepare(`DELETE FROM ${q(obj.name)}`).run();
      let seq = 0;
      for (const [devName, values] of records) {
        const rec: SfRecord = {
          Id: makeId(obj.keyPrefix, ++seq),
          DeveloperName: devName,
          MasterLabel: String(values.Label ?? devName)
        };
        for (const [k, v] of Object.entries(values))
          if (this.field(obj, k)) rec[this.field(obj, k)!.name] = v;
        const cols = Object.keys(rec).filter((c) => c === 'Id' || this.field(obj, c));
        this.db
          .prepare(
            `INSERT INTO ${q(obj.name)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
          )
          .run(...cols.map((c) => toDb(rec[c])));
      }
    }
  }

  /**
   * The Organization row (one per org): calendar fiscal year and USD unless a test or the seed sets
   * otherwise. The opportunities' stages (OpportunityStage) come with it, in the sales process order.
   */
  private ensureOrganization(): void {
    if (!this.db.prepare(`SELECT 1 FROM "Organization"`).get()) {
      const id = this.insert('Organization', { Name: 'Keyplan Local' });
      this.db
        .prepare(
          `UPDATE "Organization" SET "FiscalYearStartMonth" = 1, "UsesStartDateAsFiscalYearName" = 0, "DefaultCurrencyIsoCode" = 'USD' WHERE "Id" = ?`
        )
        .run(id);
    }
    if (!this.db.prepare(`SELECT 1 FROM "OpportunityStage"`).get()) {
      const stages = Object.keys(STAGE_DEFAULTS);
      stages.forEach((name, i) => {
        const closed = CLOSED_STAGES[name];
        this.insert('OpportunityStage', {
          ApiName: name,
          MasterLabel: name,
          SortOrder: i + 1,
          IsActive: true,
          IsClosed: Boolean(closed),
          IsWon: closed?.isWon ?? false,
          DefaultProbability: STAGE_DEFAULTS[name].probability
        });
      });
    }
  }

  /** The org's fiscal year (Organization.FiscalYearStartMonth, UsesStartDateAsFiscalYearName). */
  fiscalYearSetting(): FiscalYearSetting {
    const row = this.stmt(
      `SELECT "FiscalYearStartMonth" AS m, "UsesStartDateAsFiscalYearName" AS s FROM "Organization" LIMIT 1`
    ).get() as { m: number | null; s: number | null } | undefined;
    return fiscalYearSetting(row?.m ?? 1, row?.s === 1);
  }

  /**
   * Setup > Fiscal Year: the start month and whether the year is named by its start, then
   * Opportunity.FiscalYear re-derived for every opportunity, as the platform does.
   */
  setFiscalYear(startMonth: number, namedByStart: boolean): void {
    const setting = fiscalYearSetting(startMonth, namedByStart);
    this.write(() => {
      this.db
        .prepare(`UPDATE "Organization" SET "FiscalYearStartMonth" = ?, "UsesStartDateAsFiscalYearName" = ?`)
        .run(setting.startMonth, namedByStart ? 1 : 0);
      const rows = this.db.prepare(`SELECT "Id", "CloseDate" FROM "Opportunity"`).all() as {
        Id: string;
        CloseDate: string | null;
      }[];
      const update = this.db.prepare(`UPDATE "Opportunity" SET "FiscalYear" = ? WHERE "Id" = ?`);
      for (const r of rows)
        update.run(r.CloseDate ? fiscalYearOf(r.CloseDate, setting.startMonth, setting.namedBy) : null, r.Id);
    });
  }

  /** The corporate currency (the org's currency in a single-currency org). */
  corporateCurrency(): string {
    const row = this.stmt(`SELECT "DefaultCurrencyIsoCode" AS c FROM "Organization" LIMIT 1`).get() as
      { c: string | null } | undefined;
    return row?.c ?? 'USD';
  }

  /** A multi-currency org has CurrencyType rows. */
  isMultiCurrency(): boolean {
    return this.stmt(`SELECT 1 FROM "CurrencyType" LIMIT 1`).get() !== undefined;
  }

  /**
   * Turns multi-currency on (as support does for a real org, irreversibly there): the corporate
   * currency and the rate of every other currency (units of it for one corporate unit). Existing
   * opportunities get the corporate currency.
   */
  enableMultiCurrency(corporate: string, rates: Record<string, number>): void {
    this.write(() => {
      this.db.prepare(`UPDATE "Organization" SET "DefaultCurrencyIsoCode" = ?`).run(corporate);
      this.db.prepare(`DELETE FROM "CurrencyType"`).run();
      this.insert('CurrencyType', {
        IsoCode: corporate,
        ConversionRate: 1,
        IsCorporate: true,
        IsActive: true
      });
      for (const [iso, rate] of Object.entries(rates))
        if (iso !== corporate)
          this.insert('CurrencyType', {
            IsoCode: iso,
            ConversionRate: rate,
            IsCorporate: false,
            IsActive: true
          });
      this.db
        .prepare(`UPDATE "Opportunity" SET "CurrencyIsoCode" = ? WHERE "CurrencyIsoCode" IS NULL`)
        .run(corporate);
    });
  }

  /**
   * The local users (LOCAL_USERS), created on first open. The demo user keeps the id recorded in the
   * database (`currentUserId`), so data seeded before other users existed stays owned by it.
   */
  private ensureUsers(): void {
    // UserType is set by the platform; users of a database from before the column existed are internal.
    this.db.prepare(`UPDATE "User" SET "UserType" = 'Standard' WHERE "UserType" IS NULL`).run();
    const known = getMeta(this.db, 'currentUserId');
    for (const def of LOCAL_USERS) {
      let id: string | undefined;
      if (def.alias === 'demo' && known && this.db.prepare(`SELECT 1 FROM "User" WHERE "Id" = ?`).get(known))
        id = known;
      id ??= (
        this.db.prepare(`SELECT "Id" FROM "User" WHERE "Username" = ? COLLATE NOCASE`).get(def.Username) as
          { Id: string } | undefined
      )?.Id;
      if (!id) {
        const { FirstName, LastName, Username, Email, Title } = def;
        id = this.insert('User', { FirstName, LastName, Username, Email, Title });
        const creator = this.userIds.get('demo') ?? id;
        this.db
          .prepare(`UPDATE "User" SET "CreatedById" = ?, "LastModifiedById" = ? WHERE "Id" = ?`)
          .run(creator, creator, id);
      }
      if (def.alias === 'demo') setMeta(this.db, 'currentUserId', id);
      this.userIds.set(def.alias, id);
    }
  }
}

/** Turns a record value into a SQLite parameter. */
export function toDb(v: SfValue | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

function defaultOf(f: FieldDef): SfValue {
  const d = (f.defaultValue ?? '').trim();
  if (f.type === 'Checkbox') return d.toLowerCase() === 'true';
  if (/^".*"$|^'.*'$/.test(d)) return d.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(d)) return Number(d);
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function typeError(obj: ObjectDef, f: FieldDef, raw: unknown, expected: string): SfError {
  return new SfError(
    'INVALID_TYPE_ON_FIELD_IN_RECORD',
    `${obj.name}.${f.name}: value not of required type (${expected}): ${JSON.stringify(raw)}`,
    [f.name]
  );
}

/** Converts one JSON value to the field's type, with the org's range, length and picklist checks. */
export function coerce(obj: ObjectDef, f: FieldDef, raw: unknown): SfValue {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (f.type) {
    case 'Number':
    case 'Currency':
    case 'Percent': {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) throw typeError(obj, f, raw, 'number');
      const scale = f.scale ?? (f.type === 'Currency' ? 2 : undefined);
      const value = scale === undefined ? n : Math.round(n * 10 ** scale) / 10 ** scale;
      // A field without a declared precision still has the platform's: 18 digits at most.
      const precision = f.precision ?? 18;
      const scaleDigits = f.precision !== undefined ? (f.scale ?? 0) : (scale ?? 0);
      if (Math.abs(value) >= 10 ** (precision - scaleDigits)) {
        throw new SfError(
          'NUMBER_OUTSIDE_VALID_RANGE',
          `${f.name}: value outside of valid range on numeric field: ${n}`,
          [f.name]
        );
      }
      return value;
    }
    case 'Checkbox':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw typeError(obj, f, raw, 'boolean');
    case 'Date': {
      const s = typeof raw === 'string' ? raw.slice(0, 10) : '';
      const m = ISO_DATE.exec(s);
      const d = m ? new Date(`${s}T00:00:00Z`) : undefined;
      if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s)
        throw typeError(obj, f, raw, 'date YYYY-MM-DD');
      return s;
    }
    case 'DateTime': {
      const d =
        typeof raw === 'string' || typeof raw === 'number'
          ? new Date(typeof raw === 'string' ? raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : raw)
          : undefined;
      if (!d || Number.isNaN(d.getTime())) throw typeError(obj, f, raw, 'datetime');
      return sfDateTime(d);
    }
    case 'Lookup':
    case 'MasterDetail':
    case 'Id': {
      const id = normalizeId(raw);
      if (!id)
        throw new SfError('MALFORMED_ID', `${f.name}: id value of incorrect type: ${String(raw)}`, [f.name]);
      return id;
    }
    case 'Picklist':
    case 'MultiselectPicklist': {
      if (typeof raw !== 'string') throw typeError(obj, f, raw, 'picklist text');
      const parts =
        f.type === 'MultiselectPicklist'
          ? raw
              .split(';')
              .map((s) => s.trim())
              .filter(Boolean)
          : [raw];
      const values = f.picklistValues ?? [];
      const canonical = parts.map((p) => {
        const hit = values.find((v) => v.toLowerCase() === p.toLowerCase());
        if (values.length && !hit) {
          throw new SfError(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${f.label}: bad value for restricted picklist field: ${p}`,
            [f.name]
          );
        }
        return hit ?? p;
      });
      return canonical.join(';');
    }
    default: {
      if (typeof raw === 'object') throw typeError(obj, f, raw, 'text');
      const s = String(raw);
      const max =
        f.length ??
        (f.type === 'LongTextArea'
          ? 131072
          : f.type === 'TextArea'
            ? 255
            : f.type === 'Text'
              ? 255
              : undefined);
      if (max !== undefined && s.length > max) {
        throw new SfError(
          'STRING_TOO_LONG',
          `${f.label}: data value too large: ${s.slice(0, 40)}... (max length=${max})`,
          [f.name]
        );
      }
      if (f.type === 'Email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s))
        throw new SfError('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${s}`, [f.name]);
      return s;
    }
  }
}
