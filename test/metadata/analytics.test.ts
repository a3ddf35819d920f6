import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { analyticsProblems } from '../../scripts/lib/analytics';
import { MAIN } from '../../scripts/lib/paths';
import { loadSchema } from '../../src/schema/loadSchema';

test('report types, reports, dashboards and flexipages name only things that exist and are reachable', () => {
  const problems = analyticsProblems(MAIN, loadSchema(MAIN));
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the analytics check catches a report column its report type does not offer, and a missing component', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyplan-analytics-'));
  try {
    for (const sub of ['objects', 'reportTypes', 'reports', 'dashboards', 'flexipages', 'lwc']) {
      cpSync(path.join(MAIN, sub), path.join(dir, sub), { recursive: true });
    }
    const report = path.join(dir, 'reports', 'Keyplan', 'Open_Pipeline_by_BANT_Band.report-meta.xml');
    writeFileSync(
      report,
      readFileSync(report, 'utf8').replace(
        '<field>Opportunity$Keyplan_BANT_Score__c</field>',
        '<field>Opportunity$Nope__c</field>'
      )
    );
    const page = path.join(dir, 'flexipages', 'Keyplan_Account_Record_Page.flexipage-meta.xml');
    writeFileSync(page, readFileSync(page, 'utf8').replace('c:bantPanel', 'c:noSuchPanel'));
    const problems = analyticsProblems(dir, loadSchema(dir)).join('\n');
    assert.match(
      problems,
      /Open_Pipeline_by_BANT_Band.report-meta.xml: column Opportunity\$Nope__c is not a field report type Keyplan_Opportunities offers/
    );
    const rt = path.join(dir, 'reportTypes', 'Keyplan_Opportunities.reportType-meta.xml');
    writeFileSync(
      rt,
      readFileSync(rt, 'utf8').replace(
        '<field>Keyplan_Growth_Type__c</field>',
        '<field>Growth_Kind__c</field>'
      )
    );
    assert.match(
      analyticsProblems(dir, loadSchema(dir)).join('\n'),
      /Keyplan_Opportunities.reportType-meta.xml: Opportunity.Growth_Kind__c does not exist/
    );
    // A column reached through a lookup (group accounts: the ultimate parent) must exist at the end of the path.
    writeFileSync(
      rt,
      readFileSync(rt, 'utf8').replace(
        '<field>Account.Keyplan_Ultimate_Parent__c</field>',
        '<field>Account.Keyplan_Top__c</field>'
      )
    );
    assert.match(
      analyticsProblems(dir, loadSchema(dir)).join('\n'),
      /Opportunity.Account.Keyplan_Top__c does not exist/
    );
    assert.match(problems, /c:noSuchPanel does not exist/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
