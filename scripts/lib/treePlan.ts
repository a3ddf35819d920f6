/**
 * The demo account as a Salesforce data tree plan (`sf data import tree --plan`), generated from the
 * same source as the bundle: `aerovanceBundle()` (data/aerovance.ts) is loaded into an empty in-memory
 * local org through `loadBundle` (the bundle import), and the records it wrote are written out in the
 * platform's tree format: one `<Object>.json` per object (`{ records: [{ attributes: { type,
 * referenceId }, ...fields }] }`) and `aerovance-plan.json` listing them in load order. Lookups become
 * `@<Object>Ref<n>` references (the form `sf data export tree` writes and `sf data import tree`
 * resolves, self-references such as Contact.ReportsToId included).
 *
 * What a tree cannot carry: Users (a tree import cannot create them in a real org), so every lookup to
 * a User is left out (OwnerId, Plan_Action__c.Assigned_To__c: the importing user owns the records) and
 * relationship links *from* a team member (Relationship_Link__c with From_User__c) are not in the plan.
 * Fields only the platform writes (system fields, formulas, read-only and auto-number fields) are left
 * out too, and so are trigger-set fields (Unique_Key__c). Everything else is as the bundle import leaves it, `Keyplan_Key__c` included, so the jsforce
 * CLI recognises (and can update) the records afterwards.
 *
 * The plan is pinned to DEMO_TREE_TODAY so the generated files do not change with the calendar; the
 * files are never edited by hand: `npm run tree:plan` writes them, `npm run tree:plan -- --check` (and a
 * test) fails when they differ from what the generator makes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { aerovanceBundle } from '../../data/aerovance';
import { loadBundle } from '../../localorg/bundle';
import { SYSTEM_FIELDS, loadUserAccess } from '../../localorg/fls';
import { LocalOrg } from '../../localorg/org';
import { BUNDLE_ORDER } from '../../localorg/seed';
import { UNIQUE_KEY_TRIGGERS } from '../../localorg/triggers';
import { ROOT } from './paths';

/** The date the demo tree is generated for (the demo's dates are relative to it). */
export const DEMO_TREE_TODAY = '2026-06-01';
/** Where the generated plan lives. */
export const TREE_DIR = path.join(ROOT, 'data', 'tree');
export const PLAN_FILE = 'aerovance-plan.json';
const FORCE_APP = path.join(ROOT, 'force-app', 'main', 'default');
const KEY = 'Keyplan_Key__c';

/** One plan entry, as `sf data export tree --plan` writes it. */
export interface PlanEntry {
  sobject: string;
  files: string[];
}

type TreeRecord = { attributes: { type: string; referenceId: string } } & Record<string, unknown>;

/** File name -> file text (JSON, 4-space indent as the sf CLI writes, newline at the end). */
export type TreeFiles = Map<string, string>;

const text = (value: unknown): string => `${JSON.stringify(value, null, 4)}\n`;

/**
 * The tree of everything in `org` the bundle objects hold (see the module comment for what is left
 * out). Records are ordered by Keyplan_Key__c (or, without one, by their values with references
 * resolved), so two orgs holding the same data give the same files whatever ids and insert order they had.
 */
export function treeFromOrg(org: LocalOrg, planName = PLAN_FILE): TreeFiles {
  const access = loadUserAccess(org.schema, FORCE_APP, org.user.profile, org.user.permissionSets);
  const refOf = new Map<string, string>();
  const files: TreeFiles = new Map();
  const plan: PlanEntry[] = [];
  for (const objectName of BUNDLE_ORDER) {
    const obj = org.schema.objects.get(objectName);
    if (!obj) continue;
    const fields = obj.fields.filter(
      (f) =>
        !SYSTEM_FIELDS.has(f.name) &&
        f.name !== 'OwnerId' &&
        !f.formula &&
        !f.readOnly &&
        f.type !== 'AutoNumber' &&
        f.referenceTo !== 'User' &&
        // Set by a trigger on every save (KeyplanUniqueKeys: record ids inside), never sent.
        !(f.name === 'Unique_Key__c' && UNIQUE_KEY_TRIGGERS[obj.name]) &&
        access.canEdit(obj.name, f.name)
    );
    const userFrom = obj.fields.find((f) => f.name === 'From_User__c');
    const rows = (org.db.prepare(`SELECT "Id" FROM "${obj.name}" ORDER BY "Id"`).all() as { Id: string }[])
      .map((r) => org.get(obj.name, r.Id)!)
      .filter((r) => !(userFrom && r[userFrom.name]));
    if (!rows.length) continue;
    const selfRef = (f: (typeof fields)[number]): boolean => f.referenceTo === obj.name;
    // Sort key: the external key, else the values with (earlier objects') references resolved.
    const sortKey = (r: Record<string, unknown>): string =>
      typeof r[KEY] === 'string'
        ? (r[KEY] as string)
        : JSON.stringify(
            fields.map((f) => (f.referenceTo ? (refOf.get(String(r[f.name])) ?? null) : r[f.name]))
          );
    rows.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    rows.forEach((r, i) => refOf.set(String(r.Id), `${obj.name}Ref${i + 1}`));
    const records: TreeRecord[] = rows.map((r) => {
      const out: TreeRecord = { attributes: { type: obj.name, referenceId: refOf.get(String(r.Id))! } };
      for (const f of fields) {
        const v = r[f.name];
        if (v === null || v === undefined || v === '') continue;
        if (f.referenceTo) {
          const ref = refOf.get(String(v));
          if (!ref)
            throw new Error(
              `${obj.name} ${String(r[KEY] ?? r.Id)}: ${f.name} points at ${String(v)}, which is not in the tree${selfRef(f) ? '' : ' (load order)'}`
            );
          out[f.name] = `@${ref}`;
        } else out[f.name] = v;
      }
      return out;
    });
    const file = `${obj.name}.json`;
    files.set(file, text({ records }));
    plan.push({ sobject: obj.name, files: [file] });
  }
  files.set(planName, text(plan));
  return files;
}

/** The demo tree: aerovanceBundle({ today: DEMO_TREE_TODAY }) through the bundle import, as a tree. */
export function demoTree(): TreeFiles {
  const org = LocalOrg.open({ forceAppDir: FORCE_APP, dbFile: ':memory:', user: 'admin' });
  try {
    loadBundle(org, aerovanceBundle({ today: DEMO_TREE_TODAY }));
    return treeFromOrg(org);
  } finally {
    org.close();
  }
}

/** Differences between the generated files and a folder: one line per file. */
export function treeDifferences(files: TreeFiles, dir: string): string[] {
  const problems: string[] = [];
  for (const [name, text] of files) {
    const file = path.join(dir, name);
    if (!existsSync(file)) problems.push(`${name}: missing (run npm run tree:plan)`);
    else if (readFileSync(file, 'utf8') !== text)
      problems.push(
        `${name}: differs from the generator (generated files are never edited by hand; run npm run tree:plan)`
      );
  }
  if (existsSync(dir))
    for (const name of readdirSync(dir))
      if (!files.has(name)) problems.push(`${name}: not made by the generator (remove it)`);
  return problems;
}
