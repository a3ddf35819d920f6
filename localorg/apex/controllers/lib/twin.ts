/**
 * What the Apex twins share: the local counterparts of KeyplanGuard, KeyplanErrors and the selectors'
 * query plumbing. Lives in a subfolder so `loadApexTwins` (which imports every `.ts` file directly in
 * localorg/apex/controllers) does not treat it as a controller.
 */
import { randomBytes } from 'node:crypto';
import type { KeyplanErrorMessage } from '../../../../src/contracts';
import { SfError } from '../../../errors';
import { normalizeId } from '../../../ids';
import { runQuery, type OutRecord } from '../../../soql';
import { AuraError, type ApexContext, type ApexHandler } from '../../registry';
import type { SfRecord } from '../../../types';

/** A row as a selector returns it (REST shape: parents nested, children as `{ records }`). */
export type Row = OutRecord;

/** Plural labels the guard messages name (Schema.DescribeSObjectResult.getLabelPlural()). */
const PLURAL_LABELS: Record<string, string> = {
  Account: 'Accounts',
  Contact: 'Contacts',
  Opportunity: 'Opportunities',
  Account_Plan__c: 'Account Plans',
  Buying_Center__c: 'Buying Centers',
  Landscape_Cell__c: 'Landscape Cells',
  Offering__c: 'Offerings',
  Plan_Action__c: 'Plan Actions',
  Plan_Objective__c: 'Plan Objectives',
  Relationship_Link__c: 'Relationship Links'
};

/**
 * The local SOQL parser has no `LIMIT :bind` (Apex has); the twins keep the Apex query text word for
 * word and put the bound number in here, so both sides still read the same bound.
 */
export function inlineLimitBinds(soql: string, binds: Record<string, unknown>): string {
  return soql.replace(/\bLIMIT\s+:(\w+)/gi, (_m, name: string) => {
    const v = binds[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw new Error(`LIMIT :${name} needs a non-negative integer bind, got ${String(v)}`);
    return `LIMIT ${v}`;
  });
}

/** Marks errors that came from a query, so toAura describes them like Apex's QueryException. */
class QueryFailure extends Error {
  constructor(readonly source: SfError) {
    super(source.message);
    this.name = 'System.QueryException';
  }
}

/** Runs an Apex selector's SOQL (with `:binds`) through the twin's context: user mode, FLS enforced. */
export function soql(ctx: ApexContext, text: string, binds: Record<string, unknown> = {}): Row[] {
  try {
    return ctx.query(inlineLimitBinds(text, binds), binds);
  } catch (err) {
    if (err instanceof SfError) throw new QueryFailure(err);
    throw err;
  }
}

/**
 * `[SELECT COUNT() ...]`: ctx.query returns records only, so this runs the same query with the same
 * field access through runQuery and returns its totalSize.
 */
export function soqlCount(ctx: ApexContext, text: string, binds: Record<string, unknown> = {}): number {
  try {
    return runQuery(ctx.org, inlineLimitBinds(text, binds), { binds, access: ctx.access }).totalSize;
  } catch (err) {
    if (err instanceof SfError) throw new QueryFailure(err);
    throw err;
  }
}

/** The first row or null (the selectors' `rows.isEmpty() ? null : rows[0]`). */
export const first = (rows: Row[]): Row | null => rows[0] ?? null;

/** A field of a row; a parent path like `Buying_Center__r.Name` walks the nested parents. */
export function get(row: Row | null | undefined, path: string): unknown {
  let cur: unknown = row;
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur ?? null;
}

/** The child rows of a subquery (`opp.OpportunityContactRoles`), empty when there are none. */
export function children(row: Row, relationship: string): Row[] {
  const sub = row[relationship] as { records?: Row[] } | null | undefined;
  return sub?.records ?? [];
}

// ---- KeyplanGuard ----

/** KeyplanGuard.fail: an error whose message the component shows as is. */
export const fail = (message: string): AuraError => new AuraError(message);

/** KeyplanGuard.require. */
export function require(value: unknown, field: string): void {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    throw fail(`The field ${field} is required.`);
}

/** KeyplanGuard.notFound. */
export const notFound = (label: string, recordId: unknown): AuraError =>
  fail(
    `${label} ${String(recordId)} was not found, or you do not have access to it. It may have been deleted; reload the page.`
  );

/** KeyplanGuard.requireReadable (object-level read access). */
export function requireReadable(ctx: ApexContext, objectName: string): void {
  if (!ctx.access.canRead(objectName, 'Id'))
    throw fail(
      `You do not have access to ${PLURAL_LABELS[objectName] ?? objectName}. Ask your Salesforce admin for the Keyplan User permission set.`
    );
}

/** KeyplanGuard.requireReadableField. */
export function requireReadableField(ctx: ApexContext, objectName: string, fieldName: string): void {
  if (!ctx.access.canRead(objectName, fieldName)) {
    const obj = ctx.org.object(objectName);
    const label = ctx.org.field(obj, fieldName)?.label ?? fieldName;
    throw fail(
      `You do not have access to the field ${label}. Ask your Salesforce admin for the Keyplan User permission set.`
    );
  }
}

/** KeyplanGuard.fieldAccess: readable/updateable of some fields, keyed `Object.Field`. */
export function fieldAccess(
  ctx: ApexContext,
  objectName: string,
  fields: readonly string[]
): Record<string, { readable: boolean; updateable: boolean }> {
  const out: Record<string, { readable: boolean; updateable: boolean }> = {};
  for (const f of fields)
    out[`${objectName}.${f}`] = {
      readable: ctx.access.canRead(objectName, f),
      updateable: ctx.access.canEdit(objectName, f)
    };
  return out;
}

// ---- KeyplanErrors ----

/** Marks a refused stale write (KeyplanErrors.StaleRecordException). */
export class StaleRecordError extends AuraError {}

/** Milliseconds of a datetime as Apex compares them (`getTime()`); NaN when not a datetime. */
export function timeOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string' || value === '') return NaN;
  // The local org stores `+0000`; Date.parse wants `+00:00`.
  return new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).getTime();
}

/**
 * KeyplanErrors.assertNotStale: same rule and message. The org stores LastModifiedDate in whole seconds
 * and a client may send milliseconds, so both sides compare at seconds.
 */
export function assertNotStale(label: string, loaded: unknown, current: unknown): void {
  const a = Math.floor(timeOf(loaded) / 1000);
  const b = Math.floor(timeOf(current) / 1000);
  if (Number.isNaN(a) || Number.isNaN(b) || a !== b)
    throw new StaleRecordError(
      `${label} was changed by someone else since you opened it. Reload to see their changes, then make yours again.`
    );
}

/** An error body of KeyplanErrors.describe (the JSON the AuraHandledException's message carries). */
export type KeyplanErrorBody = KeyplanErrorMessage;

/** Logs an unexpected failure's details under a new reference (KeyplanErrors.log: System.debug ERROR). */
function logUnexpected(err: unknown): string {
  const reference = `KP-${randomBytes(6).toString('hex').toUpperCase()}`;
  const e = err instanceof Error ? err : new Error(String(err));
  console.error(`Keyplan error ${reference}: ${e.name}: ${e.message}\n${e.stack ?? ''}`);
  return reference;
}

/**
 * KeyplanErrors.describe: the code, the human message and, for DML errors, the errors by field. Guard
 * failures keep their message (INVALID_INPUT), stale writes are CONFLICT, DML errors VALIDATION (or
 * NO_ACCESS for missing edit rights) with `Field: message` joined by spaces; query access errors and
 * anything else get a generic sentence with a logged reference, never the raw message.
 */
export function describe(err: unknown): KeyplanErrorBody {
  if (err instanceof StaleRecordError) return { code: 'CONFLICT', message: err.message };
  if (err instanceof AuraError) return { code: 'INVALID_INPUT', message: err.message };
  if (err instanceof SfError) {
    const fieldErrors: Record<string, { message: string; statusCode: string }[]> = {};
    for (const item of err.items)
      for (const f of item.fields)
        (fieldErrors[f] ??= []).push({ message: item.message, statusCode: item.errorCode });
    const message = err.items
      .map((i) => (i.fields.length ? `${i.fields.join(', ')}: ${i.message}` : i.message))
      .join(' ');
    const noAccess = err.items.some((i) => i.errorCode.startsWith('INSUFFICIENT_ACCESS'));
    return {
      code: noAccess ? 'NO_ACCESS' : 'VALIDATION',
      message,
      ...(Object.keys(fieldErrors).length ? { fieldErrors } : {})
    };
  }
  const reference = logUnexpected(err instanceof QueryFailure ? err.source : err);
  if (err instanceof QueryFailure && /access|cannot read/i.test(err.message))
    return {
      code: 'NO_ACCESS',
      message: `You do not have access to this data. Ask your Salesforce admin for the Keyplan User permission set (reference ${reference}).`,
      reference
    };
  return {
    code: 'UNEXPECTED',
    message: `Something went wrong. Try again; if it keeps happening, give your Salesforce admin the reference ${reference}.`,
    reference
  };
}

/** KeyplanErrors.toAura: an AuraHandledException whose message is the JSON body, exactly as Apex sends it. */
export function toAura(err: unknown): AuraError {
  return new AuraError(JSON.stringify(describe(err)));
}

/** Wraps a twin like the controllers' `try { ... } catch (Exception e) { throw KeyplanErrors.toAura(e); }`. */
export function controller(handler: ApexHandler): ApexHandler {
  return async (params, ctx) => {
    try {
      return await handler(params, ctx);
    } catch (err) {
      throw toAura(err);
    }
  };
}

// ---- DML as user ----

/** Fields a DML statement writes must be editable by the user (`as user`), like the org's check. */
function checkEditable(ctx: ApexContext, objectName: string, values: Record<string, unknown>): void {
  const denied = Object.keys(values).filter((f) => f !== 'Id' && !ctx.access.canEdit(objectName, f));
  if (denied.length)
    throw new SfError(
      'INSUFFICIENT_ACCESS_OR_READONLY',
      `You do not have permission to edit ${denied.join(', ')} on ${objectName}.`,
      denied
    );
}

/** `insert as user`: through the local org's save path, all or nothing; returns the new id. */
export function insertAsUser(ctx: ApexContext, objectName: string, values: Record<string, unknown>): string {
  checkEditable(ctx, objectName, values);
  return ctx.org.write(() => ctx.org.insert(objectName, values));
}

/** `update as user`. */
export function updateAsUser(
  ctx: ApexContext,
  objectName: string,
  id: string,
  values: Record<string, unknown>
): void {
  checkEditable(ctx, objectName, values);
  ctx.org.write(() => ctx.org.update(objectName, id, values));
}

/** `delete as user`. */
export function deleteAsUser(ctx: ApexContext, objectName: string, id: string): void {
  ctx.org.write(() => ctx.org.delete(objectName, id));
}

// ---- parameters as Apex deserialises them ----

/** An `Id` parameter: null/absent stays null; anything not id-shaped fails like Aura's conversion. */
export function idParam(value: unknown, name: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  const id = normalizeId(value);
  if (!id) throw fail(`${name}: Invalid id: ${String(value)}`);
  return id;
}

/** An `Integer` parameter. */
export function intParam(value: unknown, name: string): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw fail(`${name}: Invalid integer: ${String(value)}`);
  return n;
}

/** A `Decimal` parameter. */
export function decimalParam(value: unknown, name: string): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw fail(`${name}: Invalid decimal: ${String(value)}`);
  return n;
}

/** A `Datetime` parameter (ISO 8601), kept as text; the stale check compares seconds. */
export function dateTimeParam(value: unknown, name: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Number.isNaN(timeOf(value))) throw fail(`${name}: Invalid datetime: ${String(value)}`);
  return String(value);
}

/** A `String` parameter. */
export function stringParam(value: unknown, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw fail(`${name}: Expected text, got ${JSON.stringify(value)}`);
  return value;
}

/** A `Boolean` parameter. */
export function booleanParam(value: unknown, name: string): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'boolean') throw fail(`${name}: Expected true or false, got ${JSON.stringify(value)}`);
  return value;
}

/** An input object (an Apex inner class parameter): null stays null. */
export function inputParam(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw fail('input: Expected an object');
  return value as Record<string, unknown>;
}

// ---- DTO values as Aura serialises them ----

/** A Datetime as Aura serialises it: ISO 8601 in UTC with milliseconds and `Z`. */
export function apexDateTime(value: unknown): string | null {
  // The local org's own format (UTC with milliseconds) needs no parsing: the org chart converts 30,000
  // of these per load.
  if (typeof value === 'string' && UTC_MILLIS.test(value)) return `${value.slice(0, 23)}Z`;
  const t = timeOf(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

/** `KeyplanDto.toInteger`: a Number field as Integer (truncated like `intValue()`). */
export const toInteger = (value: unknown): number | null =>
  typeof value === 'number' ? Math.trunc(value) : null;

/** A nullable text/picklist/id value. */
export const str = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** A nullable number. */
export const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** `String.isBlank`. */
export const isBlank = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Apex `Id ==` compares ids whatever their length; null equals only null. */
export const sameId = (a: unknown, b: unknown): boolean =>
  (a === null || a === undefined ? null : (normalizeId(a) ?? a)) ===
  (b === null || b === undefined ? null : (normalizeId(b) ?? b));

/** The current record as stored, for a twin that needs more than its selector read. */
export const stored = (ctx: ApexContext, objectName: string, id: string): SfRecord | undefined =>
  ctx.org.get(objectName, id);

/** Today as Apex `Date.today()` (UTC here: the local user has no time zone). */
export const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The start of a save on a record that lives under an account (a plan, a link): with an id, the
 * record must exist for the user, must not have changed since it was loaded and must stay under the
 * same account (returns its id); without one, the new record is put under the account (returns null).
 */
export function targetUnderAccount(
  input: { id: string | null; lastModified?: string | null; accountId: string | null },
  kind: string,
  load: (id: string) => Row | null | undefined,
  describe: (row: Row) => string,
  record: Record<string, unknown>
): string | null {
  if (input.id === null) {
    record.Account__c = input.accountId;
    return null;
  }
  require(input.lastModified, 'lastModified');
  const current = load(input.id);
  if (!current) throw notFound(kind, input.id);
  const label = `${kind} ${describe(current)}`;
  assertNotStale(label, input.lastModified, current.LastModifiedDate);
  if (!sameId(current.Account__c, input.accountId))
    throw fail(`accountId: ${label} belongs to another account and cannot be moved.`);
  return String(current.Id);
}
