import type { LocalOrg } from './org';

/**
 * A set of records to load, in dependency order, each with a local reference (`ref`) that later
 * records can point at with `@ref` in a lookup field (ids are only known after insert).
 */
export interface SeedBundle {
  /** e.g. [['Account', [{ ref: 'acme', Name: 'Acme' }]], ['Contact', [{ ref: 'ceo', LastName: 'X', AccountId: '@acme' }]]]. */
  objects: [objectName: string, records: ({ ref?: string } & Record<string, unknown>)[]][];
}

/** Standard load order for a Keyplan account bundle (parents before children). */
export const BUNDLE_ORDER = [
  'Account',
  'Product2',
  'Offering__c',
  'Buying_Center__c',
  'Contact',
  'Relationship_Link__c',
  'Opportunity',
  'OpportunityContactRole',
  'Account_Plan__c',
  'Plan_Objective__c',
  'Plan_Action__c',
  'Landscape_Cell__c'
];

/**
 * Inserts the bundle through the same save path as the REST API (types, required fields, picklists,
 * lookups, validation rules) in one transaction, unless the org already has an Account. Records whose
 * lookups point at a later record of the same object (e.g. Contact.ReportsToId to a manager listed after)
 * are inserted first without that field and updated afterwards. Returns the ids by ref, or undefined when
 * the org was not empty. Any bad record aborts the whole load with an error naming object, row and ref.
 */
export function seedIfEmpty(org: LocalOrg, bundle: SeedBundle): Map<string, string> | undefined {
  if (org.db.prepare('SELECT 1 FROM "Account" LIMIT 1').get()) return undefined;
  return loadBundle(org, bundle);
}

/** Loads a bundle whatever the org holds (see seedIfEmpty). */
export function loadBundle(org: LocalOrg, bundle: SeedBundle): Map<string, string> {
  const ids = new Map<string, string>();
  return org.write(() => {
    const deferred: { objectName: string; ref: string; fields: Record<string, unknown> }[] = [];
    for (const [objectName, records] of bundle.objects) {
      records.forEach((input, row) => {
        const { ref, ...fields } = input;
        const now: Record<string, unknown> = {};
        const later: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(fields)) {
          if (typeof v === 'string' && v.startsWith('@')) {
            const id = ids.get(v.slice(1));
            if (id) now[k] = id;
            else later[k] = v;
          } else now[k] = v;
        }
        try {
          const id = org.insert(objectName, now);
          if (ref) ids.set(ref, id);
          if (Object.keys(later).length)
            deferred.push({ objectName, ref: ref ?? id, fields: { Id: id, ...later } });
        } catch (err) {
          throw new Error(
            `seed ${objectName} row ${row + 1}${ref ? ` (${ref})` : ''}: ${(err as Error).message}`,
            { cause: err }
          );
        }
      });
    }
    for (const d of deferred) {
      const { Id, ...fields } = d.fields;
      const resolved: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) {
        const id = ids.get(String(v).slice(1));
        if (!id) throw new Error(`seed ${d.objectName} (${d.ref}): ${k} points at unknown ref ${String(v)}`);
        resolved[k] = id;
      }
      try {
        org.update(d.objectName, Id as string, resolved);
      } catch (err) {
        throw new Error(`seed ${d.objectName} (${d.ref}): ${(err as Error).message}`, { cause: err });
      }
    }
    return ids;
  });
}
