import { existsSync } from 'node:fs';
import path from 'node:path';
import { readXml, type FieldDef, type ObjectDef, type Schema } from '../src/schema';

/** Object permissions (CRUD) of the running user on one object. */
export interface ObjectAccess {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
}

/** Which objects and fields the running local user may read and edit. */
export interface FieldAccess {
  canRead(objectName: string, fieldName: string): boolean;
  canEdit(objectName: string, fieldName: string): boolean;
  /** Object permissions (CRUD); an unknown object has none. */
  object(objectName: string): ObjectAccess;
  /** Where the answers come from (profile and permission set files). */
  source: string;
}

/**
 * The profiles the local users have:
 * - `System Administrator`: every object and field (the admin / integration user seeding and importing);
 * - `Standard User`: the standard objects (read, create, edit, delete; User read only), no custom object;
 * - `Minimum Access`: nothing (the Salesforce "Minimum Access" profile has no object permissions).
 */
export type Profile = 'System Administrator' | 'Standard User' | 'Minimum Access';

type Xml = Record<string, unknown>;
const list = (v: unknown): Xml[] => (Array.isArray(v) ? (v as Xml[]) : v ? [v as Xml] : []);
const yes = (v: unknown): boolean => String(v) === 'true';
const NONE: ObjectAccess = { read: false, create: false, edit: false, delete: false };
const ALL: ObjectAccess = { read: true, create: true, edit: true, delete: true };
/** Fields the server maintains: no client writes them, whatever its permissions (org.ts, server.ts). */
export const SYSTEM_FIELDS = new Set([
  'Id',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'IsDeleted'
]);

/** What one permission set file grants. */
interface Grant {
  objects: Map<string, ObjectAccess>;
  fields: Map<string, { read: boolean; edit: boolean }>;
  metadataTypes: Set<string>;
}

function readGrant(file: string): Grant {
  const xml = readXml(file).PermissionSet as Xml;
  const objects = new Map<string, ObjectAccess>();
  for (const op of list(xml.objectPermissions)) {
    const modifyAll = yes(op.modifyAllRecords);
    objects.set(String(op.object).toLowerCase(), {
      read: yes(op.allowRead) || yes(op.viewAllRecords) || modifyAll,
      create: yes(op.allowCreate),
      edit: yes(op.allowEdit) || modifyAll,
      delete: yes(op.allowDelete) || modifyAll
    });
  }
  const fields = new Map<string, { read: boolean; edit: boolean }>();
  for (const fp of list(xml.fieldPermissions))
    fields.set(String(fp.field).toLowerCase(), { read: yes(fp.readable), edit: yes(fp.editable) });
  const metadataTypes = new Set(
    list(xml.customMetadataTypeAccesses)
      .filter((c) => yes(c.enabled))
      .map((c) => String(c.name).toLowerCase())
  );
  return { objects, fields, metadataTypes };
}

const isHistory = (obj: ObjectDef): boolean =>
  obj.name.endsWith('FieldHistory') ||
  obj.name.endsWith('__History') ||
  obj.name === 'ContactHistory' ||
  obj.name === 'AccountHistory';

/**
 * Field-level security of a user with a profile and permission sets, as the org applies it to
 * `WITH USER_MODE` queries, `as user` DML and every REST API call:
 * - objects need a profile or permission set grant (read / create / edit / delete);
 * - custom fields that are not required and not master-detail need a fieldPermissions entry (the org
 *   does not let you set permissions on the others: they follow the object); standard fields follow
 *   the object;
 * - formula, read-only and system fields are never editable.
 * A permission set whose file is missing grants nothing (fails closed) and says so in `source`.
 */
export function loadUserAccess(
  schema: Schema,
  forceAppDir: string,
  profile: Profile,
  permissionSets: string[]
): FieldAccess {
  const grants: Grant[] = [];
  const sources: string[] = [`profile ${profile}`];
  for (const name of permissionSets) {
    const file = path.join(forceAppDir, 'permissionsets', `${name}.permissionset-meta.xml`);
    if (existsSync(file)) {
      grants.push(readGrant(file));
      sources.push(path.relative(process.cwd(), file));
    } else sources.push(`${name} (no permission set file: grants nothing)`);
  }
  const byName = new Map([...schema.objects.values()].map((o) => [o.name.toLowerCase(), o]));

  const objectAccess = (obj: ObjectDef): ObjectAccess => {
    // The Keyplan_Tuning__c custom setting is an admin's (Setup > Custom Settings; "Restrict access to custom
    // settings" keeps it from other users' API reads). Formulas and Apex read it in system context, so
    // every user's scores still follow it.
    if (obj.isCustomSetting) return profile === 'System Administrator' ? { ...ALL } : { ...NONE };
    if (obj.isMetadataType) {
      const ok =
        profile === 'System Administrator' || grants.some((g) => g.metadataTypes.has(obj.name.toLowerCase()));
      return { ...NONE, read: ok };
    }
    let acc: ObjectAccess = { ...NONE };
    if (profile === 'System Administrator') acc = { ...ALL };
    else if (profile === 'Standard User' && !obj.custom)
      acc = obj.name === 'User' || isHistory(obj) ? { ...NONE, read: true } : { ...ALL };
    for (const g of grants) {
      const o = g.objects.get(obj.name.toLowerCase());
      if (o)
        acc = {
          read: acc.read || o.read,
          create: acc.create || o.create,
          edit: acc.edit || o.edit,
          delete: acc.delete || o.delete
        };
    }
    if (isHistory(obj)) acc = { ...NONE, read: acc.read };
    return acc;
  };

  const fieldAccess = (obj: ObjectDef, field: FieldDef): { read: boolean; edit: boolean } => {
    // Custom metadata type fields have no field permissions: they follow the type's access.
    if (obj.isMetadataType) return { read: true, edit: false };
    if (obj.isCustomSetting) return { read: true, edit: true };
    const permissionable = field.custom && !field.required && field.type !== 'MasterDetail';
    if (!permissionable || profile === 'System Administrator') return { read: true, edit: true };
    const key = `${obj.name}.${field.name}`.toLowerCase();
    let read = false;
    let edit = false;
    for (const g of grants) {
      const f = g.fields.get(key);
      if (f) {
        read ||= f.read || f.edit;
        edit ||= f.edit;
      }
    }
    return { read, edit };
  };

  const lookup = (objectName: string, fieldName: string): { read: boolean; edit: boolean } => {
    const obj = byName.get(objectName.toLowerCase());
    if (!obj) return { read: false, edit: false };
    const oa = objectAccess(obj);
    const field = obj.fields.find((f) => f.name.toLowerCase() === fieldName.toLowerCase());
    if (!field || !oa.read) return { read: false, edit: false };
    const fa = fieldAccess(obj, field);
    const readOnly = Boolean(field.formula || field.readOnly) || SYSTEM_FIELDS.has(field.name);
    return { read: fa.read, edit: fa.read && fa.edit && (oa.edit || oa.create) && !readOnly };
  };

  return {
    canRead: (o, f) => lookup(o, f).read,
    canEdit: (o, f) => lookup(o, f).edit,
    object: (o) => {
      const obj = byName.get(o.toLowerCase());
      return obj ? objectAccess(obj) : { ...NONE };
    },
    source: sources.join(' + ')
  };
}

/**
 * Field-level security of a Standard User holding only the given permission set (default
 * `Keyplan_User`). Without the permission set file nothing at all is readable: access fails closed.
 */
export function loadFieldAccess(
  schema: Schema,
  forceAppDir: string,
  permissionSet = 'Keyplan_User'
): FieldAccess {
  const file = path.join(forceAppDir, 'permissionsets', `${permissionSet}.permissionset-meta.xml`);
  if (!existsSync(file))
    return noAccess(`nothing (no permission set file ${path.relative(process.cwd(), file)})`);
  return loadUserAccess(schema, forceAppDir, 'Standard User', [permissionSet]);
}

/** A user who can read and edit nothing. */
export function noAccess(source: string): FieldAccess {
  return { canRead: () => false, canEdit: () => false, object: () => ({ ...NONE }), source };
}
