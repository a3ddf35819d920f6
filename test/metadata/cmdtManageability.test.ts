/**
 * Custom metadata manageability in the unlocked package (finding C3): proven on a small bad sample
 * (a SubscriberControlled field whose shipped record sets it), a good one (DeveloperControlled; a
 * SubscriberControlled field no record sets), the allow-list and the package type, then asserted
 * over force-app.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { cmdtFields, cmdtProblems, readAllowList } from '../../scripts/checks/cmdtManageability';
import { MAIN } from '../../scripts/lib/paths';

const FIXTURES = path.join(__dirname, 'fixtures', 'cmdt');

test('the CMDT check fails a subscriber-controlled field that ships values in an unlocked package', () => {
  const problems = cmdtProblems(cmdtFields(path.join(FIXTURES, 'bad')), 'Unlocked', {});
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(
    problems[0],
    /^Fix_Setting__mdt.Value__c is SubscriberControlled and 1 shipped records set it/
  );
});

test('the CMDT check passes developer-controlled fields, listed overrides and managed packages', () => {
  assert.deepEqual(cmdtProblems(cmdtFields(path.join(FIXTURES, 'good')), 'Unlocked', {}), []);
  const bad = cmdtFields(path.join(FIXTURES, 'bad'));
  assert.deepEqual(
    cmdtProblems(bad, 'Unlocked', { 'Fix_Setting__mdt.Value__c': 'overrides live in Fix_Tuning__c' }),
    []
  );
  assert.deepEqual(cmdtProblems(bad, 'Managed', {}), []);
  assert.ok(readAllowList());
});

test('no force-app custom metadata value is reset by an unlocked package upgrade', () => {
  const fields = cmdtFields(MAIN);
  for (const f of fields) console.log(`cmdt: ${f.field} ${f.manageability}, ${f.records} records`);
  const problems = cmdtProblems(fields);
  assert.deepEqual(problems, [], problems.join('\n'));
});
