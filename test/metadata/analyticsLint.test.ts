/**
 * Report type / report / dashboard platform rules (findings L3, L6, L9, P1, P2): proven on a small
 * bad sample whose names all resolve (so only these rules can fail it) and a good one, then asserted
 * over force-app.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { analyticsLint, describeAnalytics } from '../../scripts/checks/analyticsLint';
import { analyticsProblems } from '../../scripts/lib/analytics';
import { MAIN } from '../../scripts/lib/paths';
import { loadSchema } from '../../src/schema/loadSchema';

const FIXTURES = path.join(__dirname, 'fixtures', 'analytics');

test('the analytics lint fails duplicate API names, long names, parent sums, unbounded tables, too many dynamic dashboards', () => {
  const dir = path.join(FIXTURES, 'bad');
  const schema = loadSchema(dir);
  assert.deepEqual(analyticsProblems(dir, schema), [], 'the bad sample must only break the platform rules');
  const r = analyticsLint(dir, schema);
  const text = r.problems.join('\n');
  assert.match(text, /Plans_with_Steps.reportType-meta.xml: custom field API name Status__c appears 2 times/);
  assert.match(text, /Plan_Goals.report-meta.xml: report name ".*" is 48 characters \(max 40\)/);
  assert.match(
    text,
    /Plan_Goals.report-meta.xml: Sum of Account.Plans__r\$Goal__c over report type Plans_with_Steps/
  );
  assert.match(text, /Plan_Goals.report-meta.xml: shows only parent fields/);
  assert.match(
    text,
    /Overview_1.dashboard-meta.xml: .*tabular report Fixture\/Step_List, which needs a rowLimit/
  );
  assert.match(text, /4 dynamic \(LoggedInUser\) dashboards: more than the smallest org cap \(3\)/);
  assert.equal(r.dynamicDashboards.length, 4);
});

test('the analytics lint passes leaf sums, short names and a bounded, sorted tabular source', () => {
  const r = analyticsLint(path.join(FIXTURES, 'good'));
  assert.deepEqual(r.problems, []);
  assert.equal(r.dynamicDashboards.length, 1);
});

test('force-app report types, reports and dashboards follow the platform rules', () => {
  const r = analyticsLint(MAIN);
  console.log(describeAnalytics(r));
  assert.deepEqual(r.problems, [], r.problems.join('\n'));
});
