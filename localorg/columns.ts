import { parseQuery, type FieldType, type Query } from '@jetstreamapp/soql-parser-js';
import type { FieldDef, ObjectDef } from '../src/schema';
import { SfError } from './errors';
import type { LocalOrg } from './org';

/**
 * `GET .../query?q=<soql>&columns=true`: the column metadata of a query without running it, what
 * `sf data query` reads to lay out its table and CSV (`columnMetadata`: one column per selected field,
 * relationship paths as nested `joinColumns`, child subqueries and aggregate functions `aggregate: true`).
 * Names are the schema's spelling, as the platform answers (the records carry those keys).
 */

interface ColumnMeta {
  aggregate: boolean;
  apexType: string | null;
  booleanType: boolean;
  columnName: string;
  custom: boolean;
  displayName: string;
  foreignKeyName: string | null;
  insertable: boolean;
  joinColumns: ColumnMeta[];
  numberType: boolean;
  textType: boolean;
  updatable: boolean;
}

const column = (name: string, extra: Partial<ColumnMeta> = {}): ColumnMeta => ({
  aggregate: false,
  apexType: null,
  booleanType: false,
  columnName: name,
  custom: name.endsWith('__c') || name.endsWith('__r'),
  displayName: name,
  foreignKeyName: null,
  insertable: false,
  joinColumns: [],
  numberType: false,
  textType: false,
  updatable: false,
  ...extra
});

function findObject(org: LocalOrg, name: string): ObjectDef {
  try {
    return org.object(name);
  } catch {
    throw new SfError('INVALID_TYPE', `sObject type '${name}' is not supported.`);
  }
}

function columnsOf(org: LocalOrg, obj: ObjectDef, fields: FieldType[]): ColumnMeta[] {
  let expr = 0;
  const out: ColumnMeta[] = [];
  for (const f of fields) {
    if (f.type === 'Field') out.push(column(org.field(obj, f.field)?.name ?? f.field));
    else if (f.type === 'FieldRelationship') {
      // Owner.Manager.Name -> Owner { Manager { Name } } with the schema's relationship names.
      let cur: ObjectDef | undefined = obj;
      const names: string[] = [];
      for (const rel of f.relationships) {
        const lookup: FieldDef | undefined = cur?.fields.find(
          (x) => x.relationshipName?.toLowerCase() === rel.toLowerCase()
        );
        names.push(lookup?.relationshipName ?? rel);
        cur = lookup?.referenceTo ? org.schema.objects.get(lookup.referenceTo) : undefined;
      }
      let leaf = column((cur && org.field(cur, f.field)?.name) ?? f.field);
      for (const n of names.reverse()) leaf = column(n, { joinColumns: [leaf], foreignKeyName: n });
      out.push(leaf);
    } else if (f.type === 'FieldSubquery') {
      const relName = f.subquery.relationshipName;
      let childObj: ObjectDef | undefined;
      let canonical = relName;
      for (const child of org.schema.objects.values())
        for (const x of child.fields)
          if (
            x.referenceTo === obj.name &&
            x.childRelationshipName?.toLowerCase() === relName.toLowerCase()
          ) {
            childObj = child;
            canonical = x.childRelationshipName;
          }
      if (!childObj)
        throw new SfError(
          'INVALID_TYPE',
          `Didn't understand relationship '${relName}' in FROM part of query call.`
        );
      out.push(
        column(canonical, { aggregate: true, joinColumns: columnsOf(org, childObj, f.subquery.fields ?? []) })
      );
    } else if (f.type === 'FieldFunctionExpression')
      out.push(column(f.alias ?? `expr${expr++}`, { aggregate: true }));
    else throw new SfError('MALFORMED_QUERY', `unsupported field expression ${f.type} (local org)`);
  }
  return out;
}

export function queryColumns(org: LocalOrg, soql: string): Record<string, unknown> {
  let query: Query;
  try {
    query = parseQuery(soql);
  } catch (err) {
    throw new SfError('MALFORMED_QUERY', `${(err as Error).message}`);
  }
  const from = query.sObject;
  if (!from) throw new SfError('MALFORMED_QUERY', 'The query has no FROM object');
  const obj = findObject(org, from);
  return {
    columnMetadata: columnsOf(org, obj, query.fields ?? []),
    entityName: obj.name,
    groupBy: Boolean(query.groupBy),
    idSelected: (query.fields ?? []).some((f) => f.type === 'Field' && f.field.toLowerCase() === 'id'),
    keyPrefix: obj.keyPrefix ?? null
  };
}
