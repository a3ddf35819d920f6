/**
 * Report type, report and dashboard lint for what deploys but breaks or misleads in a real org
 * (`scripts/lib/analytics.ts` checks that names resolve; this checks the platform's rules):
 * - L3: no custom field API name twice in one report type ("only one of the fields displays when
 *   the report type metadata is deployed to another environment");
 * - L9: report names at most 40 characters;
 * - L6: a report whose report type joins a child below the table it sums or counts repeats each
 *   parent row once per child: no Sum/Average of a parent-table field, and no summary/matrix report
 *   that shows only parent fields (its record count counts children);
 * - P1: a dashboard component whose source report is tabular needs the report's rowLimit and sort;
 * - P2: dynamic (LoggedInUser) dashboards are counted (orgs have 3 to 10) and printed; more than
 *   the Developer Edition cap of 3 fails.
 *
 *   tsx scripts/checks/analyticsLint.ts [force-app/main/default]
 */
import path from 'node:path';
import { loadSchema, readXml } from '../../src/schema/loadSchema';
import type { Schema } from '../../src/schema/types';
import { arr, files, readReportTypes } from '../lib/analytics';
import { MAIN, relative } from '../lib/paths';

type Xml = Record<string, unknown>;

export const MAX_REPORT_NAME = 40;
/** Dynamic dashboards per org: Developer 3, Enterprise 5, Unlimited/Performance 10. */
export const DYNAMIC_DASHBOARD_CAP = 3;
/** Aggregates that add up repeated rows (Maximum/Minimum are not affected by repetition). */
const ADDING = new Set(['Sum', 'Average']);

export interface AnalyticsLintResult {
  problems: string[];
  reportTypes: number;
  reports: number;
  dashboards: number;
  dynamicDashboards: string[];
  /** length of the longest report name, for the printout */
  longestReportName: number;
}

export function analyticsLint(mainDir: string, schema: Schema = loadSchema(mainDir)): AnalyticsLintResult {
  const problems: string[] = [];
  const types = readReportTypes(mainDir, schema, []);

  // L3: the same custom field API name from two tables of one report type.
  for (const t of types.values()) {
    const byField = new Map<string, string[]>();
    for (const [table, fields] of t.fields) {
      for (const f of fields) {
        if (!f.endsWith('__c')) continue;
        const key = f.toLowerCase();
        byField.set(key, [...(byField.get(key) ?? []), `${t.tables.get(table)}.${f}`]);
      }
    }
    for (const owners of byField.values()) {
      if (owners.length > 1)
        problems.push(
          `${relative(t.file)}: custom field API name ${owners[0].split('.')[1]} appears ${owners.length} times (${owners.join(', ')}); only one survives a deploy`
        );
    }
  }

  const reports = new Map<string, { file: string; format: string; rowLimit: boolean; sorted: boolean }>();
  let longestReportName = 0;
  for (const file of files(path.join(mainDir, 'reports'), '.report-meta.xml')) {
    const where = relative(file);
    const report = readXml(file).Report as Xml;
    const folder = path.basename(path.dirname(file));
    const format = String(report.format ?? 'Tabular');
    reports.set(`${folder}/${path.basename(file).replace('.report-meta.xml', '')}`, {
      file,
      format,
      rowLimit: Number(report.rowLimit ?? 0) > 0,
      sorted: Boolean(report.sortColumn)
    });
    const name = String(report.name ?? '');
    longestReportName = Math.max(longestReportName, name.length);
    if (name.length > MAX_REPORT_NAME)
      problems.push(`${where}: report name "${name}" is ${name.length} characters (max ${MAX_REPORT_NAME})`);

    // L6: rows of a report are rows of the deepest table of its report type.
    const type = types.get(String(report.reportType));
    if (!type) continue;
    const tablePaths = [...type.tables.keys()];
    const leaf = tablePaths[tablePaths.length - 1];
    if (tablePaths.length < 2) continue;
    const tableOf = (ref: string): string => ref.split('$')[0];
    const isParent = (ref: string): boolean => ref.includes('$') && tableOf(ref) !== leaf;
    const leafObject = type.tables.get(leaf);
    for (const c of arr(report.columns as Xml[])) {
      const field = String(c.field);
      const adding = arr(c.aggregateTypes as string[])
        .map(String)
        .filter((a) => ADDING.has(a));
      if (adding.length > 0 && isParent(field))
        problems.push(
          `${where}: ${adding.join('/')} of ${field} over report type ${type.name}, whose rows are ${leafObject} records: each ${type.tables.get(tableOf(field))} is counted once per ${leafObject}`
        );
    }
    if (format === 'Summary' || format === 'Matrix') {
      const refs = [
        ...arr(report.columns as Xml[]).map((c) => String(c.field)),
        ...arr(report.groupingsDown as Xml[]).map((g) => String(g.field)),
        ...arr(report.groupingsAcross as Xml[]).map((g) => String(g.field))
      ].filter((r) => r.includes('$'));
      if (refs.length > 0 && refs.every(isParent))
        problems.push(
          `${where}: shows only parent fields but report type ${type.name} has one row per ${leafObject}: its record counts count ${leafObject} rows, not the parents (use a report type without the ${leafObject} join)`
        );
    }
  }

  const dynamicDashboards: string[] = [];
  const dashboardFiles = files(path.join(mainDir, 'dashboards'), '.dashboard-meta.xml');
  for (const file of dashboardFiles) {
    const dash = readXml(file).Dashboard as Xml;
    if (String(dash.dashboardType) === 'LoggedInUser') dynamicDashboards.push(relative(file));
    const grid = dash.dashboardGridLayout as Xml | undefined;
    for (const g of arr(grid?.dashboardGridComponents as Xml[])) {
      const component = g.dashboardComponent as Xml;
      const source = reports.get(String(component.report));
      if (!source || source.format !== 'Tabular') continue;
      if (!source.rowLimit || !source.sorted)
        problems.push(
          `${relative(file)}: component "${String(component.title ?? component.header ?? component.report)}" (${String(component.componentType)}) uses tabular report ${String(component.report)}, which needs a rowLimit and a sortColumn`
        );
    }
  }
  if (dynamicDashboards.length > DYNAMIC_DASHBOARD_CAP)
    problems.push(
      `${dynamicDashboards.length} dynamic (LoggedInUser) dashboards: more than the smallest org cap (${DYNAMIC_DASHBOARD_CAP})`
    );
  return {
    problems,
    reportTypes: types.size,
    reports: reports.size,
    dashboards: dashboardFiles.length,
    dynamicDashboards,
    longestReportName
  };
}

export function describeAnalytics(r: AnalyticsLintResult): string {
  return (
    `analytics lint: ${r.reportTypes} report types, ${r.reports} reports (longest name ${r.longestReportName} chars), ` +
    `${r.dashboards} dashboards of which ${r.dynamicDashboards.length} dynamic (LoggedInUser; org caps 3-10), ${r.problems.length} problems`
  );
}

if (require.main === module) {
  const r = analyticsLint(path.resolve(process.argv[2] ?? MAIN));
  console.log(describeAnalytics(r));
  for (const p of r.problems) console.log(`  ${p}`);
  process.exit(r.problems.length > 0 ? 1 : 0);
}
