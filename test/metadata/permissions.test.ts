/**
 * Permission-set dependencies (finding L1): proven on a small bad sample (View/Modify All on a detail
 * of Account, a detail without Read on its master, View All without View All on a custom master,
 * Person Account coupling) and a good one, then asserted over force-app.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { permissionProblems } from '../../scripts/checks/permissions';
import { MAIN } from '../../scripts/lib/paths';

const FIXTURES = path.join(__dirname, 'fixtures', 'permissions');

test('the permission lint fails each dependency the platform enforces on a bad sample', () => {
  const { problems } = permissionProblems(path.join(FIXTURES, 'bad'));
  const text = problems.join('\n');
  for (const expected of [
    /Bad_Details: Modify All on Plan__c, a detail of the standard object Account: not allowed/,
    /Bad_Details: View All Plan__c depends on View All Account/,
    /Bad_Details: View All Part__c depends on View All Widget__c/,
    /Bad_Details: Read Account depends on Read Contact in Person Account orgs/,
    /Bad_Contact: access to Step__c \(detail of Plan__c\) depends on Read Plan__c/,
    /Bad_Contact: access to Step__c \(detail of Account\) depends on Read Account/,
    /Bad_Contact: Edit Step__c depends on Read Step__c/,
    /Bad_Contact: Contact permissions depend on Read Account in Person Account orgs/
  ])
    assert.match(text, expected);
});

test('the permission lint passes a set that grants every dependency', () => {
  assert.deepEqual(permissionProblems(path.join(FIXTURES, 'good')).problems, []);
});

test('force-app permission sets satisfy every object-permission dependency', () => {
  const r = permissionProblems(MAIN);
  console.log(
    `permissions: ${r.sets} permission sets, ${r.objectPermissions} object permissions, ${r.masterDetailPairs} master-detail fields, ${r.problems.length} problems`
  );
  assert.deepEqual(r.problems, [], r.problems.join('\n'));
});
