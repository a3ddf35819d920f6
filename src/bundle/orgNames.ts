/**
 * The one map between an account bundle's readable field names and the org's API names.
 *
 * Fields Keyplan adds to standard objects carry the `Keyplan_` prefix in the org (so an install never
 * adopts a customer's own `Contact.Stance__c`), but a bundle spells them without it (`Stance__c`):
 * a bundle reads like the data and stays the same whatever the org calls the field (a
 * namespaced managed package adds `kp__` here and nowhere else, see docs/MANAGED_PACKAGE.md). Every
 * field not listed has the same name in both.
 *
 * scripts/codemods/keyplan-prefix.ts rewrites the org names here (the quoted values), never the keys.
 */
import type { z } from 'zod';
import { BundleAccount, BundleContact, BundleOpportunity } from './schema';

export type MappedObject = 'Account' | 'Contact' | 'Opportunity';

/** Bundle field name -> org API name, per standard object. */
export const ORG_FIELD_NAMES: Readonly<Record<MappedObject, Readonly<Record<string, string>>>> = {
  Account: {},
  Contact: {
    Stance__c: 'Keyplan_Stance__c',
    Decision_Role__c: 'Keyplan_Decision_Role__c',
    Buyer_Role__c: 'Keyplan_Buyer_Role__c',
    Response_Mode__c: 'Keyplan_Response_Mode__c',
    Influence_Level__c: 'Keyplan_Influence_Level__c',
    Budget_Owned__c: 'Keyplan_Budget_Owned__c'
  },
  Opportunity: {
    Growth_Type__c: 'Keyplan_Growth_Type__c',
    Budget_Status__c: 'Keyplan_Budget_Status__c',
    Authority_Status__c: 'Keyplan_Authority_Status__c',
    Need_Status__c: 'Keyplan_Need_Status__c',
    Timing_Status__c: 'Keyplan_Timing_Status__c',
    Budget_Evidence__c: 'Keyplan_Budget_Evidence__c',
    Authority_Evidence__c: 'Keyplan_Authority_Evidence__c',
    Need_Evidence__c: 'Keyplan_Need_Evidence__c',
    Timing_Evidence__c: 'Keyplan_Timing_Evidence__c'
  }
};

/**
 * The org object of the bundle record schemas whose fields are mapped. Built on first use: the bundle
 * validation (schema.ts -> orgLimits.ts) maps names through this module while schema.ts is loading.
 */
let schemaObject: Map<z.ZodType, MappedObject> | undefined;
const SCHEMA_OBJECT = (): Map<z.ZodType, MappedObject> =>
  (schemaObject ??= new Map<z.ZodType, MappedObject>([
    [BundleAccount, 'Account'],
    [BundleContact, 'Contact'],
    [BundleOpportunity, 'Opportunity']
  ]));

const isMapped = (object: string): object is MappedObject => Object.hasOwn(ORG_FIELD_NAMES, object);

/** The org API name of a bundle field of `object` (a record schema or an object name). */
export function orgFieldName(object: z.ZodType | string, bundleName: string): string {
  const o = typeof object === 'string' ? object : SCHEMA_OBJECT().get(object);
  return o !== undefined && isMapped(o) ? (ORG_FIELD_NAMES[o][bundleName] ?? bundleName) : bundleName;
}

/** A bundle record's org fields with org names (keys renamed, values as they are). */
export function toOrgNames(object: string, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[orgFieldName(object, k)] = v;
  return out;
}
