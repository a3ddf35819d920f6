/** The scratch-org workflow's Apex gate (failures, coverage under 85%) on sample `sf apex run test` results. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { coverageVerdict } from '../../scripts/checks/apexCoverage';

const sample = (name: string): string =>
  readFileSync(path.join(__dirname, 'fixtures', 'apex-results', `${name}.json`), 'utf8');

test('the Apex gate fails coverage under 85%, a failing test, and a run without a result', () => {
  const low = coverageVerdict(sample('low-coverage'));
  assert.equal(low.ok, false);
  assert.equal(low.coverage, 80);
  assert.match(low.lines.join('\n'), /coverage 80% is under 85%/);
  const failing = coverageVerdict(sample('failing'));
  assert.equal(failing.ok, false);
  assert.match(
    failing.lines.join('\n'),
    /Fail: WhitespaceServiceTest.upsertsCellsByBuyingCenterOfferingAndYear/
  );
  assert.equal(coverageVerdict('{"status":1,"message":"No authorization"}').ok, false);
  assert.equal(coverageVerdict('not json').ok, false);
});

test('the Apex gate passes all tests passing at 88% coverage', () => {
  const good = coverageVerdict(sample('good'));
  assert.deepEqual(good, {
    ok: true,
    coverage: 88,
    lines: ['apex tests: 2 ran, 2 passed, 0 failed, outcome Passed, org-wide coverage 88% (minimum 85%)']
  });
});
