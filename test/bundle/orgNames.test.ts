/**
 * The bundle's readable names map to fields that exist: every API-named field of a bundle record on a
 * standard object, under its org name (src/bundle/orgNames.ts), is a standard field or a field file in
 * force-app. A bundle name left out of the map after a rename fails here.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ORG_FIELD_NAMES, orgFieldName } from '../../src/bundle/orgNames';
import { BundleAccount, BundleContact, BundleOpportunity } from '../../src/bundle/schema';
import { apiFields } from '../../scripts/cli/shape';

const OBJECTS = path.resolve(__dirname, '..', '..', 'force-app', 'main', 'default', 'objects');
const exists = (object: string, field: string): boolean =>
  !field.endsWith('__c') || existsSync(path.join(OBJECTS, object, 'fields', `${field}.field-meta.xml`));

test('every custom field of a bundle record on a standard object maps to a field in force-app', () => {
  for (const [object, schema] of [
    ['Account', BundleAccount],
    ['Contact', BundleContact],
    ['Opportunity', BundleOpportunity]
  ] as const) {
    const missing = apiFields(schema)
      .filter((f) => !exists(object, f.orgName))
      .map((f) => `${object}: bundle ${f.name} -> org ${f.orgName}`);
    assert.deepEqual(missing, []);
  }
});

test('the map only names bundle fields that exist, and a wrong org name is caught', () => {
  const bundleNames = {
    Account: apiFields(BundleAccount).map((f) => f.name),
    Contact: apiFields(BundleContact).map((f) => f.name),
    Opportunity: apiFields(BundleOpportunity).map((f) => f.name)
  };
  for (const [object, map] of Object.entries(ORG_FIELD_NAMES) as [
    keyof typeof bundleNames,
    Record<string, string>
  ][])
    for (const name of Object.keys(map))
      assert.ok(bundleNames[object].includes(name), `${object}.${name} is no bundle field`);
  // The check above would see a name that does not exist:
  assert.equal(exists('Contact', 'Not_A_Field__c'), false);
  assert.equal(orgFieldName('Relationship_Link__c', 'Influence_Level__c'), 'Influence_Level__c');
});
