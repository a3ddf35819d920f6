/**
 * Permission-set dependency lint: the object-permission dependencies a Metadata API deploy or a
 * package install enforces instead of switching them on (finding L1; the platform's errors read
 * "Permission Read All X depends on permission(s): Read All Account").
 *
 * Per permission set:
 * - within one object: Create/Edit need Read, Delete needs Edit, View All needs Read, Modify All
 *   needs View All and Delete;
 * - master-detail: any access on a detail needs Read on every master up the chain; View All needs
 *   View All on the chain; Modify All needs Modify All on it;
 * - policy (L1): no View All / Modify All on a detail whose master chain reaches a standard object
 *   (it would need View/Modify All on Account, which a security review rejects; admins already
 *   have Modify All Data);
 * - Person Account orgs couple Account and Contact: Read on Account needs Read on Contact and any
 *   Contact permission needs Read on Account ("Read Account depends on Read Contact").
 *
 *   tsx scripts/checks/permissions.ts [force-app/main/default]
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findObject, loadSchema, readXml } from '../../src/schema/loadSchema';
import type { Schema } from '../../src/schema/types';
import { MAIN, relative } from '../lib/paths';

type Xml = Record<string, unknown>;
const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export interface ObjectAccess {
  read: boolean;
  create: boolean;
  edit: boolean;
  del: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

const NONE: ObjectAccess = {
  read: false,
  create: false,
  edit: false,
  del: false,
  viewAll: false,
  modifyAll: false
};

const LABEL: Record<keyof ObjectAccess, string> = {
  read: 'Read',
  create: 'Create',
  edit: 'Edit',
  del: 'Delete',
  viewAll: 'View All',
  modifyAll: 'Modify All'
};

export function readObjectPermissions(file: string): Map<string, ObjectAccess> {
  const ps = readXml(file).PermissionSet as Xml;
  const out = new Map<string, ObjectAccess>();
  for (const op of arr(ps.objectPermissions as Xml | Xml[])) {
    const t = (k: string): boolean => String(op[k]) === 'true';
    out.set(String(op.object), {
      read: t('allowRead'),
      create: t('allowCreate'),
      edit: t('allowEdit'),
      del: t('allowDelete'),
      viewAll: t('viewAllRecords'),
      modifyAll: t('modifyAllRecords')
    });
  }
  return out;
}

/** The masters of `objectName`, nearest first (a detail with two masters lists both, then theirs). */
export function masterChain(schema: Schema, objectName: string, seen = new Set<string>()): string[] {
  const obj = findObject(schema, objectName);
  if (!obj || seen.has(obj.name)) return [];
  seen.add(obj.name);
  const masters = obj.fields
    .filter((f) => f.type === 'MasterDetail' && f.referenceTo)
    .map((f) => f.referenceTo!);
  return [...new Set([...masters, ...masters.flatMap((m) => masterChain(schema, m, seen))])];
}

const isStandard = (schema: Schema, name: string): boolean => findObject(schema, name)?.custom === false;

/** Problems of one permission set, one line each naming the set, the object and the permission. */
export function permissionSetProblems(
  schema: Schema,
  setName: string,
  perms: Map<string, ObjectAccess>
): string[] {
  const problems: string[] = [];
  const get = (o: string): ObjectAccess => perms.get(o) ?? NONE;
  const need = (obj: string, has: keyof ObjectAccess, onObj: string, needs: keyof ObjectAccess): void => {
    if (get(obj)[has] && !get(onObj)[needs])
      problems.push(
        `${setName}: ${LABEL[has]} ${obj} depends on ${LABEL[needs]} ${onObj}, which the set does not grant`
      );
  };
  for (const [obj, a] of [...perms].sort(([x], [y]) => x.localeCompare(y))) {
    need(obj, 'create', obj, 'read');
    need(obj, 'edit', obj, 'read');
    need(obj, 'del', obj, 'edit');
    need(obj, 'viewAll', obj, 'read');
    need(obj, 'modifyAll', obj, 'viewAll');
    need(obj, 'modifyAll', obj, 'del');
    const chain = masterChain(schema, obj);
    const any = a.read || a.create || a.edit || a.del || a.viewAll || a.modifyAll;
    for (const master of chain) {
      if (any && !get(master).read)
        problems.push(`${setName}: access to ${obj} (detail of ${master}) depends on Read ${master}`);
      need(obj, 'viewAll', master, 'viewAll');
      need(obj, 'modifyAll', master, 'modifyAll');
    }
    const standardMaster = chain.find((m) => isStandard(schema, m));
    if (standardMaster && (a.viewAll || a.modifyAll))
      problems.push(
        `${setName}: ${a.modifyAll ? 'Modify All' : 'View All'} on ${obj}, a detail of the standard object ` +
          `${standardMaster}: not allowed (it needs the same on ${standardMaster}; admins have Modify All Data)`
      );
  }
  // Person Account orgs: Account and Contact read are coupled.
  const contact = get('Contact');
  if (get('Account').read && !contact.read)
    problems.push(`${setName}: Read Account depends on Read Contact in Person Account orgs`);
  if ((contact.read || contact.create || contact.edit || contact.del) && !get('Account').read)
    problems.push(`${setName}: Contact permissions depend on Read Account in Person Account orgs`);
  return problems;
}

export interface PermissionLintResult {
  problems: string[];
  sets: number;
  objectPermissions: number;
  masterDetailPairs: number;
}

export function permissionProblems(
  mainDir: string,
  schema: Schema = loadSchema(mainDir)
): PermissionLintResult {
  const dir = path.join(mainDir, 'permissionsets');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.permissionset-meta.xml'))
        .sort()
    : [];
  const problems: string[] = [];
  let objectPermissions = 0;
  for (const f of files) {
    const file = path.join(dir, f);
    const perms = readObjectPermissions(file);
    objectPermissions += perms.size;
    problems.push(
      ...permissionSetProblems(schema, f.replace('.permissionset-meta.xml', ''), perms).map(
        (p) => `${relative(file)}: ${p}`
      )
    );
  }
  let masterDetailPairs = 0;
  for (const obj of schema.objects.values())
    masterDetailPairs += obj.fields.filter((x) => x.type === 'MasterDetail').length;
  return { problems, sets: files.length, objectPermissions, masterDetailPairs };
}

if (require.main === module) {
  const r = permissionProblems(path.resolve(process.argv[2] ?? MAIN));
  console.log(
    `permissions: ${r.sets} permission sets, ${r.objectPermissions} object permissions, ${r.masterDetailPairs} master-detail fields, ${r.problems.length} problems`
  );
  for (const p of r.problems) console.log(`  ${p}`);
  process.exit(r.problems.length > 0 ? 1 : 0);
}
