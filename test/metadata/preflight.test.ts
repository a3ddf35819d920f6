/**
 * Packaging preflight (findings C2, L4): proven on small bad samples (no definitionFile while an
 * Opportunity field tracks history, a bad version number, a project file the schema rejects; a
 * definition file that does not switch tracking on) and a good one, then run on the project itself
 * (compiled JavaScript current included). The package:version gate and command lines are checked too.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { preflight } from '../../scripts/checks/preflight';
import { aliasGate, createArgs, versionArgs } from '../../scripts/package';
import { readProject } from '../../scripts/lib/packaging';

const FIXTURES = path.join(__dirname, 'fixtures', 'preflight');

test('the preflight fails a missing definitionFile, a bad version number and a schema-invalid project', () => {
  const text = preflight(path.join(FIXTURES, 'bad'), { buildCheck: false }).problems.join('\n');
  assert.match(
    text,
    /no definitionFile, but standard-object fields track history: Opportunity \(Keyplan_Budget_Status__c\)/
  );
  assert.match(text, /versionNumber "0.1" is not major.minor.patch.NEXT/);
  assert.match(text, /sfdx-project.json\/sfdcLoginUrl: must be string/);
});

test('the preflight fails a definition file that does not enable history tracking', () => {
  assert.deepEqual(preflight(path.join(FIXTURES, 'bad-def'), { buildCheck: false }).problems, [
    'config/project-scratch-def.json: does not enable field history tracking for Opportunity'
  ]);
});

test('the preflight passes a project whose definition file enables tracking', () => {
  assert.deepEqual(preflight(path.join(FIXTURES, 'good'), { buildCheck: false }).problems, []);
});

test('package:version stops without a 0Ho alias and builds the documented command lines', () => {
  assert.match(
    aliasGate({ packageDirectories: [], packageAliases: {} }) ?? '',
    /run npm run package:create first/
  );
  assert.equal(
    aliasGate({ packageDirectories: [], packageAliases: { Keyplan: '0Ho000000000001AAA' } }),
    undefined
  );
  assert.deepEqual(
    createArgs([]).join(' '),
    'package create --name Keyplan --package-type Unlocked --path force-app --no-namespace'
  );
  assert.equal(
    versionArgs(['--target-dev-hub', 'hub']).join(' '),
    'package version create --package Keyplan --code-coverage --installation-key-bypass --definition-file config/project-scratch-def.json --wait 60 --target-dev-hub hub'
  );
});

test('the project passes the packaging preflight (compiled JavaScript current, definitionFile, schemas)', () => {
  const r = preflight();
  for (const n of r.notes) console.log(`preflight: ${n}`);
  assert.deepEqual(r.problems, [], r.problems.join('\n'));
  assert.equal(readProject().packageDirectories[0].definitionFile, 'config/project-scratch-def.json');
});
