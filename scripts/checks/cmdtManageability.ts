/**
 * Custom metadata manageability (finding C3). "Subscriber-controlled: ... second-generation unlocked
 * packages do overwrite the value" (Help, Custom Metadata Type Fields > Field Manageability): a
 * SubscriberControlled field whose records ship in an unlocked package is reset on every upgrade,
 * silently undoing an admin's tuning. The check fails on such a field unless it is listed, with the
 * override mechanism that keeps the admin's value, in `scripts/checks/cmdt-manageability.json`.
 * DeveloperControlled (or Locked) fields are fine: the subscriber cannot change them, so an upgrade
 * has nothing to undo.
 *
 *   tsx scripts/checks/cmdtManageability.ts [force-app/main/default]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSchema, readXml } from '../../src/schema/loadSchema';
import { MAIN } from '../lib/paths';
import { PACKAGE_TYPE } from '../lib/packaging';

export const ALLOW_LIST = path.join(__dirname, 'cmdt-manageability.json');

export interface CmdtField {
  field: string;
  manageability: string;
  /** records that ship a value for the field */
  records: number;
}

export function readAllowList(file: string = ALLOW_LIST): Record<string, string> {
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    allowSubscriberControlled?: Record<string, string>;
  };
  const list = json.allowSubscriberControlled ?? {};
  for (const [field, reason] of Object.entries(list)) {
    if (typeof reason !== 'string' || reason.trim().length < 10)
      throw new Error(`${file}: ${field} needs the override mechanism that keeps the admin's value`);
  }
  return list;
}

export function cmdtFields(mainDir: string): CmdtField[] {
  const schema = loadSchema(mainDir);
  const out: CmdtField[] = [];
  const objectsDir = path.join(mainDir, 'objects');
  if (!existsSync(objectsDir)) return out;
  for (const type of readdirSync(objectsDir)
    .filter((d) => d.endsWith('__mdt'))
    .sort()) {
    const fieldsDir = path.join(objectsDir, type, 'fields');
    if (!existsSync(fieldsDir)) continue;
    const records = [...(schema.customMetadata.get(type)?.values() ?? [])];
    for (const f of readdirSync(fieldsDir)
      .filter((x) => x.endsWith('.field-meta.xml'))
      .sort()) {
      const xml = readXml(path.join(fieldsDir, f)).CustomField as Record<string, unknown>;
      const name = f.replace('.field-meta.xml', '');
      out.push({
        field: `${type}.${name}`,
        manageability: String(xml.fieldManageability ?? 'DeveloperControlled'),
        records: records.filter((r) => r[name] !== undefined && r[name] !== null).length
      });
    }
  }
  return out;
}

export function cmdtProblems(
  fields: CmdtField[],
  packageType: string = PACKAGE_TYPE,
  allow: Record<string, string> = readAllowList()
): string[] {
  if (packageType !== 'Unlocked') return [];
  return fields
    .filter((f) => f.manageability === 'SubscriberControlled' && f.records > 0 && !allow[f.field])
    .map(
      (f) =>
        `${f.field} is SubscriberControlled and ${f.records} shipped records set it: an unlocked package ` +
        `upgrade overwrites the admin's value (make it DeveloperControlled and keep overrides outside the ` +
        `package, or list it with its override mechanism in scripts/checks/cmdt-manageability.json)`
    );
}

if (require.main === module) {
  const fields = cmdtFields(path.resolve(process.argv[2] ?? MAIN));
  for (const f of fields) console.log(`cmdt: ${f.field} ${f.manageability}, ${f.records} records`);
  const problems = cmdtProblems(fields);
  for (const p of problems) console.log(`  FAIL ${p}`);
  process.exit(problems.length > 0 ? 1 : 0);
}
