/**
 * "Every field, object or class that something names exists": collects the references made by
 * components, Apex, permission sets, layouts, flexipages and reports, and resolves them against the
 * schema read from force-app. New metadata kinds add an extractor here.
 */
import { parseQuery, type FieldType as SoqlField, type Query } from '@jetstreamapp/soql-parser-js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findField, findObject, readXml } from '../../src/schema/loadSchema';
import type { Schema } from '../../src/schema/types';
import { readApex } from './apex';
import { relative, walk } from './paths';

export interface Reference {
  file: string;
  kind: 'object' | 'field' | 'apexClass' | 'apexMethod' | 'component' | 'tab' | 'soql';
  /** `Object`, `Object.Field`, `Object.Rel__r.Field`, `Class`, `Class.method`, `c:name`, or SOQL text. */
  name: string;
  line?: number;
}

/** Standard child relationships we query through (custom ones come from the field XML). */
const STANDARD_CHILDREN: Record<string, Record<string, string>> = {
  account: { contacts: 'Contact', opportunities: 'Opportunity' },
  opportunity: { opportunitycontactroles: 'OpportunityContactRole' },
  contact: { opportunitycontactroles: 'OpportunityContactRole' }
};

type Xml = Record<string, unknown>;
const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Resolves `Field` or `Rel__r.Field` / `ReportsTo.Name` from an object; returns an error text or undefined. */
export function resolveFieldPath(schema: Schema, objectName: string, fieldPath: string): string | undefined {
  const parts = fieldPath.split('.');
  let current = objectName;
  for (let i = 0; i < parts.length - 1; i++) {
    const obj = findObject(schema, current);
    if (!obj) return `object ${current} does not exist`;
    const rel = obj.fields.find((f) => f.relationshipName?.toLowerCase() === parts[i].toLowerCase());
    if (!rel?.referenceTo) return `${current} has no relationship ${parts[i]}`;
    current = rel.referenceTo;
  }
  if (!findObject(schema, current)) return `object ${current} does not exist`;
  if (!findField(schema, current, parts[parts.length - 1]))
    return `${current}.${parts[parts.length - 1]} does not exist`;
  return undefined;
}

function childObject(schema: Schema, parent: string, relationship: string): string | undefined {
  const std = STANDARD_CHILDREN[parent.toLowerCase()]?.[relationship.toLowerCase()];
  if (std) return std;
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

function conditionFields(where: unknown, out: string[]): void {
  if (!where || typeof where !== 'object') return;
  const w = where as { left?: { field?: string; valueQuery?: unknown }; right?: unknown };
  if (w.left?.field) out.push(w.left.field);
  conditionFields(w.right, out);
}

/** Checks every object and field a SOQL query names; returns the problems. */
export function checkSoql(schema: Schema, soql: string): string[] {
  // Apex binds in LIMIT/OFFSET are valid Apex but not parseable SOQL: a number stands in for them.
  const text = soql.replace(/\b(LIMIT|OFFSET)\s+:\s*[\w.()]+/gi, '$1 1');
  let query: Query;
  try {
    query = parseQuery(text, { allowApexBindVariables: true });
  } catch (err) {
    return [`SOQL does not parse: ${(err as Error).message.split('\n')[0]}`];
  }
  const problems: string[] = [];
  const visit = (q: Query, objectName: string): void => {
    if (!findObject(schema, objectName)) {
      problems.push(`object ${objectName} does not exist`);
      return;
    }
    const names: string[] = [];
    for (const f of (q.fields ?? []) as SoqlField[]) {
      if (f.type === 'Field') names.push(f.field);
      else if (f.type === 'FieldRelationship') names.push([...f.relationships, f.field].join('.'));
      else if (f.type === 'FieldFunctionExpression') {
        for (const p of f.parameters ?? []) if (typeof p === 'string') names.push(p);
      } else if (f.type === 'FieldSubquery') {
        const rel = f.subquery.relationshipName;
        const child = childObject(schema, objectName, rel);
        if (!child) problems.push(`${objectName} has no child relationship ${rel}`);
        else visit(f.subquery as unknown as Query, child);
      }
    }
    conditionFields(q.where, names);
    for (const o of arr(q.orderBy as unknown as { field?: string } | { field?: string }[]))
      if (o.field) names.push(o.field);
    for (const n of names) {
      const problem = resolveFieldPath(schema, objectName, n);
      if (problem) problems.push(problem);
    }
  };
  visit(query, query.sObject ?? '');
  return problems;
}

/** Collects references from every kind of source we know. */
export async function collectReferences(forceAppDefault: string): Promise<Reference[]> {
  const files = await walk(forceAppDefault);
  const refs: Reference[] = [];
  const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

  for (const file of files.filter((f) => /[\\/]lwc[\\/]/.test(f) && !/__tests__|__mocks__/.test(f))) {
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from\s+'@salesforce\/schema\/([\w.]+)'/g)) {
        const [obj, ...rest] = m[1].split('.');
        refs.push({
          file,
          kind: rest.length ? 'field' : 'object',
          name: rest.length ? `${obj}.${rest.join('.')}` : obj,
          line: lineOf(text, m.index)
        });
      }
      for (const m of text.matchAll(/from\s+'@salesforce\/apex\/(\w+)\.(\w+)'/g)) {
        refs.push({ file, kind: 'apexMethod', name: `${m[1]}.${m[2]}`, line: lineOf(text, m.index) });
      }
    }
    if (file.endsWith('.html')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/<c-([a-z0-9-]+)/g)) {
        const name = m[1].replace(/-([a-z0-9])/g, (_s, c: string) => c.toUpperCase());
        refs.push({ file, kind: 'component', name: `c:${name}`, line: lineOf(text, m.index) });
      }
    }
  }

  for (const file of files.filter((f) => f.endsWith('.cls') || f.endsWith('.trigger'))) {
    const facts = readApex(file);
    for (const q of facts.queries.filter((x) => x.soql.trim().toUpperCase().startsWith('SELECT'))) {
      refs.push({ file, kind: 'soql', name: q.soql, line: q.line });
    }
  }

  for (const file of files.filter((f) => f.endsWith('.permissionset-meta.xml'))) {
    const ps = readXml(file).PermissionSet as Xml;
    for (const o of arr(ps.objectPermissions as Xml[]))
      refs.push({ file, kind: 'object', name: String(o.object) });
    for (const f of arr(ps.fieldPermissions as Xml[]))
      refs.push({ file, kind: 'field', name: String(f.field) });
    for (const c of arr(ps.classAccesses as Xml[]))
      refs.push({ file, kind: 'apexClass', name: String(c.apexClass) });
    for (const t of arr(ps.tabSettings as Xml[])) refs.push({ file, kind: 'tab', name: String(t.tab) });
  }

  for (const file of files.filter((f) => f.endsWith('.layout-meta.xml'))) {
    const objectName = path.basename(file).split('-')[0];
    const layout = readXml(file).Layout as Xml;
    for (const section of arr(layout.layoutSections as Xml[])) {
      for (const column of arr(section.layoutColumns as Xml[])) {
        for (const item of arr(column.layoutItems as Xml[])) {
          if (item.field) refs.push({ file, kind: 'field', name: `${objectName}.${String(item.field)}` });
        }
      }
    }
  }

  for (const file of files.filter((f) => f.endsWith('.compactLayout-meta.xml'))) {
    const objectName = path.basename(path.dirname(path.dirname(file)));
    const layout = readXml(file).CompactLayout as Xml;
    for (const field of arr(layout.fields as unknown as string[]))
      refs.push({ file, kind: 'field', name: `${objectName}.${field}` });
  }

  for (const file of files.filter((f) => f.endsWith('.flexipage-meta.xml'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<componentName>c:(\w+)<\/componentName>/g)) {
      refs.push({ file, kind: 'component', name: `c:${m[1]}`, line: lineOf(text, m.index) });
    }
  }
  return refs;
}

/** Returns one line per reference that does not resolve, naming the file. */
export async function unresolvedReferences(schema: Schema, forceAppDefault: string): Promise<string[]> {
  const refs = await collectReferences(forceAppDefault);
  const classes = new Map<string, ReturnType<typeof readApex>>();
  for (const file of (await walk(path.join(forceAppDefault, 'classes'))).filter((f) => f.endsWith('.cls'))) {
    const facts = readApex(file);
    classes.set(facts.name.toLowerCase(), facts);
  }
  const problems: string[] = [];
  for (const ref of refs) {
    const where = `${relative(ref.file)}${ref.line ? `:${ref.line}` : ''}`;
    let problem: string | undefined;
    switch (ref.kind) {
      case 'object':
        if (!findObject(schema, ref.name)) problem = `object ${ref.name} does not exist`;
        break;
      case 'field': {
        const [obj, ...rest] = ref.name.split('.');
        problem = resolveFieldPath(schema, obj, rest.join('.'));
        break;
      }
      case 'apexClass':
        if (!classes.has(ref.name.toLowerCase())) problem = `Apex class ${ref.name} does not exist`;
        break;
      case 'apexMethod': {
        const [cls, method] = ref.name.split('.');
        const facts = classes.get(cls.toLowerCase());
        if (!facts) problem = `Apex class ${cls} does not exist`;
        else if (!facts.auraMethods.some((m) => m.name.toLowerCase() === method.toLowerCase()))
          problem = `${cls}.${method} is not an @AuraEnabled method`;
        break;
      }
      case 'component': {
        const name = ref.name.slice(2);
        if (!existsSync(path.join(forceAppDefault, 'lwc', name, `${name}.js-meta.xml`)))
          problem = `component ${ref.name} does not exist`;
        break;
      }
      case 'tab': {
        const custom = existsSync(path.join(forceAppDefault, 'tabs', `${ref.name}.tab-meta.xml`));
        if (!custom && !/^standard-\w+$/.test(ref.name)) problem = `tab ${ref.name} does not exist`;
        break;
      }
      case 'soql': {
        const soqlProblems = checkSoql(schema, ref.name);
        if (soqlProblems.length)
          problem = `${soqlProblems.join('; ')} in: ${ref.name.replace(/\s+/g, ' ').slice(0, 100)}`;
        break;
      }
    }
    if (problem) problems.push(`${where}: ${problem}`);
  }
  return problems;
}
