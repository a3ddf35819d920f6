import { existsSync } from 'node:fs';
import path from 'node:path';
import { readXml, type Schema } from '../src/schema';

/** Which objects and fields the current local user may read and edit. */
export interface FieldAccess {
  canRead(objectName: string, fieldName: string): boolean;
  canEdit(objectName: string, fieldName: string): boolean;
  /** Where the answers come from (the permission set file, or "everything" when there is none). */
  source: string;
}

type Xml = Record<string, unknown>;
const list = (v: unknown): Xml[] => (Array.isArray(v) ? (v as Xml[]) : v ? [v as Xml] : []);

/**
 * Field-level security of a user holding only the given permission set (default `Keyplan_User`), as
 * the org would apply it to `WITH USER_MODE` queries and `as user` DML:
 * - custom objects need an objectPermissions entry (read / edit);
 * - custom fields that are not required and not master-detail need a fieldPermissions entry
 *   (the org does not let you set permissions on the others: they follow the object);
 * - standard objects and standard fields are readable and editable (the Standard User profile has them);
 * - formula and other read-only fields are never editable.
 * Without the permission set file every field is readable and editable.
 */
export function loadFieldAccess(
  schema: Schema,
  forceAppDir: string,
  permissionSet = 'Keyplan_User'
): FieldAccess {
  const file = path.join(forceAppDir, 'permissionsets', `${permissionSet}.permissionset-meta.xml`);
  if (!existsSync(file))
    return { canRead: () => true, canEdit: () => true, source: 'everything (no permission set file)' };
  const xml = readXml(file).PermissionSet as Xml;
  const fields = new Map<string, { read: boolean; edit: boolean }>();
  for (const fp of list(xml.fieldPermissions)) {
    fields.set(String(fp.field).toLowerCase(), {
      read: String(fp.readable) === 'true',
      edit: String(fp.editable) === 'true'
    });
  }
  const objects = new Map<string, { read: boolean; edit: boolean }>();
  for (const op of list(xml.objectPermissions)) {
    objects.set(String(op.object).toLowerCase(), {
      read: String(op.allowRead) === 'true',
      edit: String(op.allowEdit) === 'true' || String(op.allowCreate) === 'true'
    });
  }
  const cmdt = new Set(
    list(xml.customMetadataTypeAccesses)
      .filter((c) => String(c.enabled) === 'true')
      .map((c) => String(c.name).toLowerCase())
  );

  const lookup = (objectName: string, fieldName: string): { read: boolean; edit: boolean } => {
    const obj = [...schema.objects.values()].find((o) => o.name.toLowerCase() === objectName.toLowerCase());
    if (!obj) return { read: false, edit: false };
    if (obj.isMetadataType) {
      const ok = cmdt.has(obj.name.toLowerCase());
      return { read: ok, edit: false };
    }
    // A Public custom setting (Keyplan_Tuning__c) is readable by every user and has no field permissions;
    // in the org only admins edit it (Setup), locally whoever runs the local org is that admin.
    if (obj.isCustomSetting)
      return { read: true, edit: !obj.fields.find((f) => f.name === fieldName)?.readOnly };
    const objAccess = obj.custom
      ? (objects.get(obj.name.toLowerCase()) ?? { read: false, edit: false })
      : { read: true, edit: true };
    const field = obj.fields.find((f) => f.name.toLowerCase() === fieldName.toLowerCase());
    if (!field || !objAccess.read) return { read: false, edit: false };
    const permissionable = field.custom && !field.required && field.type !== 'MasterDetail';
    const fieldAccess = permissionable
      ? (fields.get(`${obj.name}.${field.name}`.toLowerCase()) ?? { read: false, edit: false })
      : { read: true, edit: true };
    const readOnly = Boolean(field.formula || field.readOnly);
    return { read: fieldAccess.read, edit: objAccess.edit && fieldAccess.edit && !readOnly };
  };
  return {
    canRead: (o, f) => lookup(o, f).read,
    canEdit: (o, f) => lookup(o, f).edit,
    source: path.relative(process.cwd(), file)
  };
}
