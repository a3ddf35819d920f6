/**
 * KeyplanScenarioData.cls is generated from test/scenarios/*.json: the Apex tests must load the same
 * scenarios as every other runner, so a stale class (JSON changed, generator not run) fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { scenarioClass, SCENARIO_CLASS } from '../../scripts/gen-scenarios-apex';
import { loadScenarios } from './scenarios';

test('KeyplanScenarioData.cls is the scenario table, freshly generated (npm run scenarios:apex)', async () => {
  assert.equal(readFileSync(SCENARIO_CLASS, 'utf8'), await scenarioClass());
});

test('the generated Apex literal decodes to the scenario JSON', () => {
  const text = readFileSync(SCENARIO_CLASS, 'utf8');
  const m = /SCENARIOS =\s*'((?:[^'\\]|\\.)*)';/.exec(text);
  assert.ok(m, 'SCENARIOS literal');
  const json = m[1].replace(/\\(.)/g, '$1');
  assert.deepEqual(JSON.parse(json), loadScenarios());
});
