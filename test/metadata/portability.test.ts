/**
 * Test-data portability (finding L8): proven on a small bad Apex sample (profile by name, literal
 * stage names, Dec 31 as fiscal year end, Account permissions inserted without Contact) and a good one (with the bad query in a comment), then
 * asserted over force-app.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { portabilityProblems } from '../../scripts/checks/portability';
import { MAIN } from '../../scripts/lib/paths';

const FIXTURES = path.join(__dirname, 'fixtures', 'portability');

test('the portability lint fails profile names, literal stages, calendar fiscal years and Account-only permissions', () => {
  const { problems } = portabilityProblems(path.join(FIXTURES, 'bad'));
  const ids = problems.map((p) => p.replace(/^.*FixtureTestData\.cls:(\d+): ([\w-]+):.*$/, '$1 $2'));
  assert.deepEqual(ids, [
    '4 profile-by-name',
    '4 profile-name-literal',
    '11 stage-literal',
    '12 calendar-fiscal-year',
    '14 stage-literal',
    '21 person-account-permissions'
  ]);
});

test('the portability lint passes permission-based profiles, OpportunityStage and comments', () => {
  assert.deepEqual(portabilityProblems(path.join(FIXTURES, 'good')).problems, []);
});

test('force-app Apex makes no org-specific assumptions in test data', () => {
  const r = portabilityProblems(MAIN);
  console.log(`portability: ${r.files} Apex files, ${r.problems.length} problems`);
  assert.deepEqual(r.problems, [], r.problems.join('\n'));
});
