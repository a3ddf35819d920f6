import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { analyticsProblems } from '../../scripts/lib/analytics';
import { readXml } from '../../src/schema/loadSchema';
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
    assert.match(problems, /c:noSuchPanel does not exist/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

type Xml = Record<string, unknown>;
const many = <T>(v: T | T[] | undefined | null): T[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
const metaFiles = (dir: string, suffix: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(suffix))
        .map((f) => path.join(dir, f))
        .sort()
    : [];
const MAX_REPORT_NAME = 40;

/**
 * Platform limits a real deploy enforces on analytics metadata (real-org review L3, L9, P1): a custom field
 * API name at most once per report type ("only one of the fields displays when the report type metadata is
 * deployed"), no sum of a parent field over a child join (L6), report names of at most 40 characters, and a tabular report behind a dashboard component
 * only with a row limit and a sort column.
 */
export function analyticsLimitProblems(mainDir: string): string[] {
  const problems: string[] = [];
  for (const file of metaFiles(path.join(mainDir, 'reportTypes'), '.reportType-meta.xml')) {
    const rt = readXml(file).ReportType as Xml;
    const seen = new Map<string, string>();
    for (const section of many(rt.sections as Xml[]))
      for (const column of many(section.columns as Xml[])) {
        const field = String(column.field);
        if (!field.endsWith('__c')) continue;
        const table = String(column.table);
        const first = seen.get(field);
        if (first && first !== table)
          problems.push(`${path.basename(file)}: ${field} appears on ${first} and on ${table}`);
        else seen.set(field, table);
      }
  }
  // The deepest table of each report type's join chain: a sum over a shallower table repeats per child row.
  const deepest = new Map<string, string>();
  for (const file of metaFiles(path.join(mainDir, 'reportTypes'), '.reportType-meta.xml')) {
    const rt = readXml(file).ReportType as Xml;
    let table = String(rt.baseObject);
    for (let join = rt.join as Xml | undefined; join; join = join.join as Xml | undefined)
      table = `${table}.${String(join.relationship)}`;
    deepest.set(`${path.basename(file).replace('.reportType-meta.xml', '')}__c`, table);
  }
  const tabular = new Map<string, Xml>();
  for (const file of metaFiles(path.join(mainDir, 'reports'), '.report-meta.xml')) {
    const report = readXml(file).Report as Xml;
    const name = String(report.name);
    if (name.length > MAX_REPORT_NAME)
      problems.push(`${path.basename(file)}: name "${name}" has ${name.length} characters (at most 40)`);
    const key = `${path.basename(path.dirname(file))}/${path.basename(file).replace('.report-meta.xml', '')}`;
    if (String(report.format) === 'Tabular') tabular.set(key, report);
    const leaf = deepest.get(String(report.reportType));
    for (const c of many(report.columns as Xml[])) {
      const table = String(c.field).split('$')[0];
      if (leaf && many(c.aggregateTypes as string[]).length && table !== leaf)
        problems.push(`${path.basename(file)}: sums ${String(c.field)} over the child rows of ${leaf}`);
    }
  }
  for (const file of metaFiles(path.join(mainDir, 'dashboards'), '.dashboard-meta.xml')) {
    const grid = (readXml(file).Dashboard as Xml).dashboardGridLayout as Xml | undefined;
    for (const g of many(grid?.dashboardGridComponents as Xml[])) {
      const source = String((g.dashboardComponent as Xml).report);
      const report = tabular.get(source);
      if (report && (!report.rowLimit || !report.sortColumn))
        problems.push(`${path.basename(file)}: tabular source ${source} needs rowLimit and sortColumn`);
    }
  }
  return problems;
}

test('analytics metadata stays within the platform limits (one API name per report type, names <= 40, row limits)', () => {
  assert.deepEqual(analyticsLimitProblems(MAIN), []);
});

test('the analytics limits check fails on duplicated report-type fields, sums over child joins, long names and unlimited tabular sources', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyplan-analytics-limits-'));
  try {
    for (const sub of ['reportTypes', 'reports', 'dashboards'])
      cpSync(path.join(MAIN, sub), path.join(dir, sub), { recursive: true });
    const rt = path.join(dir, 'reportTypes', 'Keyplan_Plans_with_Actions.reportType-meta.xml');
    writeFileSync(
      rt,
      readFileSync(rt, 'utf8').replace(
        '<masterLabel>Account Plans</masterLabel>',
        '<columns><checkedByDefault>false</checkedByDefault><field>Status__c</field>' +
          '<table>Account.Account_Plans__r</table></columns><masterLabel>Account Plans</masterLabel>'
      )
    );
    const report = path.join(
      dir,
      'reports',
      'Keyplan',
      'Decision_Makers_Without_Strong_Relationship.report-meta.xml'
    );
    writeFileSync(
      report,
      readFileSync(report, 'utf8')
        .replace(
          /<name>Decision makers[^<]*<\/name>/,
          '<name>Decision makers without a strong relationship</name>'
        )
        .replace(/\s*<rowLimit>\d+<\/rowLimit>/, '')
    );
    const plans = path.join(dir, 'reports', 'Keyplan', 'Plans_by_Relationship_Type_and_Tier.report-meta.xml');
    writeFileSync(
      plans,
      readFileSync(plans, 'utf8').replace('Keyplan_Account_Plans__c', 'Keyplan_Plans_with_Objectives__c')
    );
    assert.deepEqual(analyticsLimitProblems(dir), [
      'Keyplan_Plans_with_Actions.reportType-meta.xml: Status__c appears on Account.Account_Plans__r and on Account.Account_Plans__r.Actions__r',
      'Decision_Makers_Without_Strong_Relationship.report-meta.xml: name "Decision makers without a strong relationship" has 45 characters (at most 40)',
      'Plans_by_Relationship_Type_and_Tier.report-meta.xml: sums Account.Account_Plans__r$Revenue_Goal__c over the child rows of Account.Account_Plans__r.Objectives__r',
      'Keyplan_Overview.dashboard-meta.xml: tabular source Keyplan/Decision_Makers_Without_Strong_Relationship needs rowLimit and sortColumn'
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
