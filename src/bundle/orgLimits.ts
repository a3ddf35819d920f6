/**
 * Checks a bundle's numbers against the org's fields as the metadata defines them (precision and scale
 * of Number, Currency and Percent fields, standard fields included: src/schema/standardObjects.ts), by
 * value: 1e20 in a Currency(16,2) is refused here, naming the record and field, instead of part-way
 * through an import by the org. A value with more decimals than the scale is refused too (the org would
 * round it silently, so the bundle would not round-trip).
 *
 * `BUNDLE_OBJECTS` is the one map from a bundle list to the object its records become.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findField, loadSchema, type FieldDef, type Schema } from '../schema';
import { orgFieldName } from './orgNames';
import type { BundleProblem } from './schema';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FORCE_APP = path.resolve(HERE, '../../force-app/main/default');

/** Bundle list (JSON path without indexes) to the org object its records are written to. */
export const BUNDLE_OBJECTS: Record<string, string> = {
  account: 'Account',
  users: 'User',
  offerings: 'Offering__c',
  buyingCenters: 'Buying_Center__c',
  contacts: 'Contact',
  links: 'Relationship_Link__c',
  opportunities: 'Opportunity',
  'opportunities.contactRoles': 'OpportunityContactRole',
  cells: 'Landscape_Cell__c',
  plans: 'Account_Plan__c',
  'plans.objectives': 'Plan_Objective__c',
  'plans.actions': 'Plan_Action__c'
};

let cached: Schema | undefined;
/** The org schema read from force-app (once per process). */
export function orgSchema(): Schema {
  cached ??= loadSchema(FORCE_APP);
  return cached;
}

const NUMERIC = new Set(['Number', 'Currency', 'Percent']);

/** Why `value` does not fit the field, or null when it does. */
export function numberMisfit(value: number, field: FieldDef): string | null {
  if (!NUMERIC.has(field.type) || field.precision === undefined) return null;
  const precision = field.precision;
  const scale = field.scale ?? 0;
  const kind = `${field.type}(${precision},${scale})`;
  if (!Number.isFinite(value)) return `${String(value)} is not a number ${kind} can hold`;
  const digits = precision - scale;
  if (Math.abs(value) >= 10 ** digits)
    return `${String(value)} is too large for ${kind}: at most ${digits} digit(s) before the decimal point`;
  if (Number(value.toFixed(scale)) !== value)
    return `${String(value)} has more than ${scale} decimal place(s), which ${kind} holds (the org would round it)`;
  return null;
}

/** Every number of the input that the org's field cannot hold, with its JSON path. */
export function numberProblems(input: unknown, schema: Schema = orgSchema()): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const obj = (v: unknown): Record<string, unknown> | undefined =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const check = (rec: unknown, at: string, list: string): void => {
    const r = obj(rec);
    const objectName = BUNDLE_OBJECTS[list];
    if (!r || !objectName) return;
    for (const [name, value] of Object.entries(r)) {
      if (typeof value !== 'number' || !/^[A-Z]/.test(name)) continue;
      const field = findField(schema, objectName, orgFieldName(objectName, name));
      const why = field && numberMisfit(value, field);
      if (why) problems.push({ path: `${at}.${name}`, message: `${objectName}.${name}: ${why}` });
    }
  };
  const each = (v: unknown, at: string, fn: (rec: unknown, p: string) => void): void => {
    if (Array.isArray(v)) v.forEach((x, i) => fn(x, `${at}[${i}]`));
  };
  const root = obj(input);
  if (!root) return problems;
  check(root.account, 'account', 'account');
  for (const list of ['users', 'offerings', 'buyingCenters', 'contacts', 'links', 'cells'])
    each(root[list], list, (r, p) => check(r, p, list));
  each(root.opportunities, 'opportunities', (r, p) => {
    check(r, p, 'opportunities');
    each(obj(r)?.contactRoles, `${p}.contactRoles`, (x, q) => check(x, q, 'opportunities.contactRoles'));
  });
  each(root.plans, 'plans', (r, p) => {
    check(r, p, 'plans');
    each(obj(r)?.objectives, `${p}.objectives`, (x, q) => check(x, q, 'plans.objectives'));
    each(obj(r)?.actions, `${p}.actions`, (x, q) => check(x, q, 'plans.actions'));
  });
  return problems;
}
