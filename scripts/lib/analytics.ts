/**
 * Reads report types, reports, dashboards and flexipages and says which of their references do not
 * resolve: a report column must be a field its report type exposes, a report type field must exist
 * on the object its join path reaches, a flexipage may only place components that exist and are
 * exposed for that page's object, with properties the component declares.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findField, findObject, readXml } from '../../src/schema/loadSchema';
import type { Schema } from '../../src/schema/types';
import { relative } from './paths';

type Xml = Record<string, unknown>;
/** A metadata XML value as a list (fast-xml-parser gives one item unwrapped, none as undefined or ''). */
export const arr = <T>(v: T | T[] | undefined | null): T[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
/** The files under `dir` (recursively) whose names end in `suffix`, sorted. */
export const files = (dir: string, suffix: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(suffix))
        .map((f) => path.join(dir, f))
        .sort()
    : [];

/** A standard lookup appears in report types by its relationship name (`Owner`, `Account`). */
function fieldExists(schema: Schema, objectName: string, field: string): boolean {
  // A field reached through lookups (`Account.Keyplan_Ultimate_Parent__c` on Opportunity): follow each one.
  const dot = field.indexOf('.');
  if (dot > 0) {
    const head = field.slice(0, dot);
    const lookup = findField(schema, objectName, head) ?? findField(schema, objectName, `${head}Id`);
    const target = lookup?.referenceTo;
    return Boolean(target) && fieldExists(schema, target!, field.slice(dot + 1));
  }
  return Boolean(findField(schema, objectName, field) ?? findField(schema, objectName, `${field}Id`));
}

function childObject(schema: Schema, parent: string, relationship: string): string | undefined {
  for (const obj of schema.objects.values()) {
    for (const f of obj.fields) {
      if (
        f.referenceTo?.toLowerCase() === parent.toLowerCase() &&
        f.childRelationshipName?.toLowerCase() === relationship.toLowerCase()
      )
        return obj.name;
    }
  }
  return undefined;
}

export interface ReportTypeModel {
  name: string;
  file: string;
  /** table path (e.g. `Account.Account_Plans__r`) -> object API name */
  tables: Map<string, string>;
  /** table path -> field names offered */
  fields: Map<string, Set<string>>;
}

export function readReportTypes(
  mainDir: string,
  schema: Schema,
  problems: string[]
): Map<string, ReportTypeModel> {
  const models = new Map<string, ReportTypeModel>();
  for (const file of files(path.join(mainDir, 'reportTypes'), '.reportType-meta.xml')) {
    const rt = readXml(file).ReportType as Xml;
    const name = path.basename(file).replace('.reportType-meta.xml', '');
    const base = String(rt.baseObject);
    const where = relative(file);
    const tables = new Map<string, string>();
    if (!findObject(schema, base)) problems.push(`${where}: base object ${base} does not exist`);
    tables.set(base, base);
    let join = rt.join as Xml | undefined;
    let tablePath = base;
    let objectName = base;
    while (join) {
      const rel = String(join.relationship);
      const child = childObject(schema, objectName, rel);
      if (!child) {
        problems.push(`${where}: ${objectName} has no child relationship ${rel}`);
        break;
      }
      tablePath = `${tablePath}.${rel}`;
      objectName = child;
      tables.set(tablePath, child);
      join = join.join as Xml | undefined;
    }
    const fields = new Map<string, Set<string>>();
    for (const section of arr(rt.sections as Xml[])) {
      for (const column of arr(section.columns as Xml[])) {
        const table = String(column.table);
        const field = String(column.field);
        const obj = tables.get(table);
        if (!obj) problems.push(`${where}: section table ${table} is not on the join path`);
        else if (!fieldExists(schema, obj, field))
          problems.push(`${where}: ${obj}.${field} does not exist (table ${table})`);
        if (!fields.has(table)) fields.set(table, new Set());
        fields.get(table)!.add(field);
      }
    }
    models.set(`${name}__c`, { name, file, tables, fields });
  }
  return models;
}

export function checkReports(
  mainDir: string,
  schema: Schema,
  types: Map<string, ReportTypeModel>,
  problems: string[]
): Set<string> {
  const reportNames = new Set<string>();
  for (const file of files(path.join(mainDir, 'reports'), '.report-meta.xml')) {
    const where = relative(file);
    const folder = path.basename(path.dirname(file));
    reportNames.add(`${folder}/${path.basename(file).replace('.report-meta.xml', '')}`);
    const report = readXml(file).Report as Xml;
    const type = types.get(String(report.reportType));
    if (!type) {
      problems.push(`${where}: report type ${String(report.reportType)} does not exist`);
      continue;
    }
    const buckets = new Set(arr(report.buckets as Xml[]).map((b) => String(b.developerName)));
    const column = (ref: string, what: string): void => {
      if (buckets.has(ref)) return;
      const [table, field] = ref.split('$');
      if (field === undefined)
        return problems.push(`${where}: ${what} ${ref} is not written as table$field`) as unknown as void;
      if (!type.tables.has(table))
        return problems.push(
          `${where}: ${what} ${ref}: ${table} is not in report type ${type.name}`
        ) as unknown as void;
      if (!type.fields.get(table)?.has(field))
        problems.push(`${where}: ${what} ${ref} is not a field report type ${type.name} offers`);
    };
    for (const b of arr(report.buckets as Xml[])) column(String(b.sourceColumnName), 'bucket source');
    for (const c of arr(report.columns as Xml[])) column(String(c.field), 'column');
    for (const g of [...arr(report.groupingsDown as Xml[]), ...arr(report.groupingsAcross as Xml[])])
      column(String(g.field), 'grouping');
    for (const c of arr((report.filter as Xml | undefined)?.criteriaItems as Xml[]))
      column(String(c.column), 'filter');
    if (report.sortColumn) column(String(report.sortColumn), 'sort column');
    const tf = report.timeFrameFilter as Xml | undefined;
    if (tf?.dateColumn) column(String(tf.dateColumn), 'time frame');
    for (const cf of arr(report.crossFilters as Xml[])) {
      column(String(cf.primaryTableColumn), 'cross filter');
      const related = String(cf.relatedTable);
      if (!findObject(schema, related))
        problems.push(`${where}: cross filter object ${related} does not exist`);
      else {
        if (!findField(schema, related, String(cf.relatedTableJoinColumn)))
          problems.push(
            `${where}: cross filter join ${related}.${String(cf.relatedTableJoinColumn)} does not exist`
          );
        for (const c of arr(cf.criteriaItems as Xml[])) {
          if (!findField(schema, related, String(c.column)))
            problems.push(`${where}: cross filter criterion ${related}.${String(c.column)} does not exist`);
        }
      }
    }
  }
  return reportNames;
}

export function checkDashboards(mainDir: string, reports: Set<string>, problems: string[]): void {
  for (const file of files(path.join(mainDir, 'dashboards'), '.dashboard-meta.xml')) {
    const dash = readXml(file).Dashboard as Xml;
    const grid = dash.dashboardGridLayout as Xml | undefined;
    for (const g of arr(grid?.dashboardGridComponents as Xml[])) {
      const report = String((g.dashboardComponent as Xml).report);
      if (!reports.has(report)) problems.push(`${relative(file)}: report ${report} does not exist`);
    }
  }
}

interface ComponentMeta {
  exposed: boolean;
  recordPageObjects?: string[];
  properties: Set<string>;
}

function readComponentMeta(mainDir: string, name: string): ComponentMeta | undefined {
  const file = path.join(mainDir, 'lwc', name, `${name}.js-meta.xml`);
  if (!existsSync(file)) return undefined;
  const meta = readXml(file).LightningComponentBundle as Xml;
  const targets = arr((meta.targets as Xml | undefined)?.target as string[]).map(String);
  const properties = new Set<string>();
  let recordPageObjects: string[] | undefined;
  for (const tc of arr((meta.targetConfigs as Xml | undefined)?.targetConfig as Xml[])) {
    const forTargets = String(tc['@_targets'] ?? '')
      .split(',')
      .map((t) => t.trim());
    if (!forTargets.includes('lightning__RecordPage')) continue;
    for (const p of arr(tc.property as Xml[])) properties.add(String(p['@_name']));
    const objects = (tc.objects as Xml | undefined)?.object;
    if (objects) recordPageObjects = arr(objects as string[]).map(String);
  }
  return {
    exposed: String(meta.isExposed) === 'true' && targets.includes('lightning__RecordPage'),
    recordPageObjects,
    properties
  };
}

export function checkFlexipages(mainDir: string, problems: string[]): void {
  for (const file of files(path.join(mainDir, 'flexipages'), '.flexipage-meta.xml')) {
    const page = readXml(file).FlexiPage as Xml;
    const sobject = String(page.sobjectType ?? '');
    for (const region of arr(page.flexiPageRegions as Xml[])) {
      for (const item of arr(region.itemInstances as Xml[])) {
        const ci = item.componentInstance as Xml | undefined;
        const name = String(ci?.componentName ?? '');
        if (!name.startsWith('c:')) continue;
        const meta = readComponentMeta(mainDir, name.slice(2));
        const where = `${relative(file)}: ${name}`;
        if (!meta) problems.push(`${where} does not exist`);
        else if (!meta.exposed) problems.push(`${where} is not exposed for lightning__RecordPage`);
        else {
          if (meta.recordPageObjects && sobject && !meta.recordPageObjects.includes(sobject))
            problems.push(`${where} is not exposed for ${sobject} record pages`);
          for (const p of arr(ci?.componentInstanceProperties as Xml[])) {
            if (!meta.properties.has(String(p.name)))
              problems.push(`${where} has no design attribute ${String(p.name)}`);
          }
        }
      }
    }
  }
}

/** Every problem in the analytics and page metadata, one line each naming the file. */
export function analyticsProblems(mainDir: string, schema: Schema): string[] {
  const problems: string[] = [];
  const types = readReportTypes(mainDir, schema, problems);
  const reports = checkReports(mainDir, schema, types, problems);
  checkDashboards(mainDir, reports, problems);
  checkFlexipages(mainDir, problems);
  return problems;
}
