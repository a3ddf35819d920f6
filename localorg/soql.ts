import {
  parseQuery,
  type Condition,
  type OrderByClause,
  type Query,
  type Subquery,
  type WhereClause
} from '@jetstreamapp/soql-parser-js';
import type { FieldDef, ObjectDef } from '../src/schema';
import { q } from './db';
import type { FieldAccess } from './fls';
import { SfError } from './errors';
import { normalizeId } from './ids';
import { sfDateTime, type LocalOrg } from './org';
import type { SfValue } from './types';

/** A record as the REST API returns it: `attributes` plus fields, parents nested, children as sub-results. */
export type OutRecord = { attributes: { type: string; url?: string } } & Record<string, unknown>;

export interface QueryOptions {
  /** Values of `:name` bind variables (the Apex twins pass their method parameters here). */
  binds?: Record<string, unknown>;
  /** When given, every field the query touches must pass (used for `WITH USER_MODE`). */
  canRead?: (objectName: string, fieldName: string) => boolean;
  /** The running user's field access: applied when the query says WITH USER_MODE (or SECURITY_ENFORCED). */
  access?: Pick<FieldAccess, 'canRead'>;
  /**
   * Apply `access` whatever the query says: the REST API always runs in user mode. Without it, access
   * applies only when the query says WITH USER_MODE (or WITH SECURITY_ENFORCED), like Apex.
   */
  userMode?: boolean;
  /** Current time, for date literals (tests pin it). */
  now?: Date;
}

export interface QueryOutput {
  totalSize: number;
  records: OutRecord[];
}

type Param = string | number | null;

/** The parser's WHERE node, loosened: a linked list of conditions with paren counts and operators. */
interface WhereNode {
  left: (Condition & { openParen?: number; closeParen?: number }) | null;
  operator?: string;
  right?: WhereNode;
}

interface Join {
  alias: string;
  obj: ObjectDef;
}

interface Column {
  /** Relationship names from the root to the field's object (canonical spelling). */
  path: string[];
  field: FieldDef;
  col: string;
}

const malformed = (msg: string): SfError => new SfError('MALFORMED_QUERY', msg);

/** Largest LIMIT / OFFSET a query may carry: SOQL's integers are 32-bit. */
const MAX_INT = 2_147_483_647;
function checkCount(what: 'LIMIT' | 'OFFSET', n: unknown): number | undefined {
  if (n === undefined || n === null) return undefined;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || n > MAX_INT)
    throw new SfError('MALFORMED_QUERY', `${what} must be an integer from 0 to ${MAX_INT}, got ${String(n)}`);
  return n;
}

/** A date as stored (YYYY-MM-DD or SF datetime text), or MALFORMED_QUERY when out of range/invalid. */
function validDate(d: Date, what: string): Date {
  const y = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || y < 1700 || y > 4000)
    throw malformed(`${what}: the date is out of range (valid years are 1700 to 4000)`);
  return d;
}

/** Parses SOQL with the bind-variable syntax enabled; parse failures become MALFORMED_QUERY. */
export function parseSoql(soql: string): Query {
  // The parser takes ~0.3 s per call on this machine; Apex twins and scripts repeat the same text.
  let parsed = parseCache.get(soql);
  if (!parsed) {
    try {
      parsed = parseQuery(soql, { allowApexBindVariables: true });
    } catch (err) {
      throw malformed(`unexpected token in SOQL: ${(err as Error).message.split('\n')[0]}`);
    }
    if (parseCache.size >= 500) parseCache.delete(parseCache.keys().next().value!);
    parseCache.set(soql, parsed);
  }
  // A copy: the child-subquery rewrite edits the tree.
  return structuredClone(parsed);
}
const parseCache = new Map<string, Query>();

/** One SELECT translated to SQL over the local tables. All literal values travel as parameters. */
class Translator {
  readonly joins = new Map<string, Join>();
  readonly joinSql: string[] = [];
  readonly params: Param[] = [];
  private aliasSeq = 0;

  constructor(
    readonly org: LocalOrg,
    readonly root: ObjectDef,
    readonly opts: QueryOptions,
    readonly rootAlias = 't0'
  ) {}

  /** An object the user cannot read does not exist for the query (INVALID_TYPE), as in the org. */
  checkObject(obj: ObjectDef): void {
    if (this.opts.canRead && !this.opts.canRead(obj.name, 'Id'))
      throw new SfError('INVALID_TYPE', `sObject type '${obj.name}' is not supported.`);
  }

  check(obj: ObjectDef, field: FieldDef): void {
    if (this.opts.canRead && !this.opts.canRead(obj.name, field.name)) {
      throw new SfError(
        'INVALID_FIELD',
        `No such column '${field.name}' on entity '${obj.name}', or the current user cannot read it (WITH USER_MODE)`,
        [field.name]
      );
    }
  }

  fieldOf(obj: ObjectDef, name: string): FieldDef {
    const f = this.org.field(obj, name);
    if (!f)
      throw new SfError(
        'INVALID_FIELD',
        `No such column '${name}' on entity '${obj.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`,
        [name]
      );
    this.check(obj, f);
    return f;
  }

  /** Resolves `A.B.Field` (relationship names then a field), adding LEFT JOINs as needed. */
  resolve(dotted: string): { sql: string; field: FieldDef; obj: ObjectDef; path: string[]; alias: string } {
    const parts = dotted.split('.');
    // SOQL allows prefixing the root object's name: `Contact.Name` on Contact.
    if (
      parts.length > 1 &&
      parts[0].toLowerCase() === this.root.name.toLowerCase() &&
      !this.relField(this.root, parts[0])
    )
      parts.shift();
    let obj = this.root;
    let alias = this.rootAlias;
    const path: string[] = [];
    for (const rel of parts.slice(0, -1)) {
      const f = this.relField(obj, rel);
      if (!f || !f.referenceTo)
        throw new SfError(
          'INVALID_FIELD',
          `Didn't understand relationship '${rel}' in field path '${dotted}' on entity '${obj.name}'`,
          [dotted]
        );
      this.check(obj, f);
      const target = this.org.object(f.referenceTo);
      this.checkObject(target);
      path.push(f.relationshipName!);
      const key = `${alias}.${path.join('.').toLowerCase()}`;
      let join = this.joins.get(key);
      if (!join) {
        join = { alias: `${this.rootAlias}j${++this.aliasSeq}`, obj: target };
        this.joins.set(key, join);
        this.joinSql.push(
          `LEFT JOIN ${q(target.name)} ${join.alias} ON ${join.alias}."Id" = ${alias}.${q(f.name)}`
        );
      }
      obj = target;
      alias = join.alias;
    }
    const field = this.fieldOf(obj, parts[parts.length - 1]);
    return { sql: `${alias}.${q(field.name)}`, field, obj, path, alias };
  }

  relField(obj: ObjectDef, rel: string): FieldDef | undefined {
    const lower = rel.toLowerCase();
    return obj.fields.find(
      (f) => f.relationshipName?.toLowerCase() === lower && (f.type === 'Lookup' || f.type === 'MasterDetail')
    );
  }

  where(clause: WhereClause | undefined): string {
    if (!clause) return '';
    const out: string[] = [];
    let node: WhereNode | undefined = clause as unknown as WhereNode;
    while (node) {
      const left = node.left;
      if (node.operator === 'NOT' && (!left || !('field' in left || 'fn' in left))) {
        if (left?.openParen) out.push('('.repeat(left.openParen));
        out.push('NOT');
      } else if (left) {
        if (left.openParen) out.push('('.repeat(left.openParen));
        out.push(this.condition(left));
        if (left.closeParen) out.push(')'.repeat(left.closeParen));
        if (node.operator)
          out.push(node.operator === 'AND' ? 'AND' : node.operator === 'OR' ? 'OR' : 'AND NOT');
      }
      node = node.right;
    }
    return out.join(' ');
  }

  private condition(c: Condition): string {
    if (!('field' in c) || !c.field)
      throw malformed('only field conditions are supported in WHERE by the local org');
    const { sql, field } = this.resolve(c.field);
    const op = c.operator.toUpperCase();
    if ('valueQuery' in c && c.valueQuery) {
      if (op !== 'IN' && op !== 'NOT IN') throw malformed('a semi-join subquery needs IN or NOT IN');
      const sub = this.semiJoin(c.valueQuery);
      return op === 'IN' ? `${sql} IN (${sub})` : `(${sql} IS NULL OR ${sql} NOT IN (${sub}))`;
    }
    const cond = c as Condition & {
      value?: string | string[];
      literalType?: string | string[];
      dateLiteralVariable?: number | number[];
    };
    const literalType = Array.isArray(cond.literalType) ? cond.literalType[0] : cond.literalType;
    if (op === 'LIKE' && literalType !== 'STRING' && literalType !== 'APEX_BIND_VARIABLE')
      throw malformed(`LIKE on ${field.name} needs a quoted text value, got ${String(cond.value)}`);
    let value: unknown = cond.value;
    if (literalType === 'APEX_BIND_VARIABLE') {
      const name = String(value);
      if (!this.opts.binds || !(name in this.opts.binds)) throw malformed(`Variable does not exist: ${name}`);
      value = this.opts.binds[name];
      if (value instanceof Set) value = [...value];
      if (value instanceof Date)
        value = field.type === 'Date' ? value.toISOString().slice(0, 10) : sfDateTime(value);
    }
    if (op === 'IN' || op === 'NOT IN') {
      const list = (Array.isArray(value) ? value : [value]).map((v) => this.literal(field, v, literalType));
      if (!list.length) return op === 'IN' ? '0 = 1' : '1 = 1';
      const ph = list.map((v) => this.param(v)).join(', ');
      return op === 'IN' ? `${sql} IN (${ph})` : `(${sql} IS NULL OR ${sql} NOT IN (${ph}))`;
    }
    if (literalType === 'DATE_LITERAL' || literalType === 'DATE_N_LITERAL') {
      const [start, end] = dateRange(String(value), this.opts.now ?? new Date(), field.type === 'DateTime');
      switch (op) {
        case '=':
          return `(${sql} >= ${this.param(start)} AND ${sql} < ${this.param(end)})`;
        case '!=':
        case '<>':
          return `(${sql} IS NULL OR ${sql} < ${this.param(start)} OR ${sql} >= ${this.param(end)})`;
        case '<':
          return `${sql} < ${this.param(start)}`;
        case '>=':
          return `${sql} >= ${this.param(start)}`;
        case '>':
          return `${sql} >= ${this.param(end)}`;
        case '<=':
          return `${sql} < ${this.param(end)}`;
        default:
          throw malformed(`operator ${op} cannot take a date literal`);
      }
    }
    const v = this.literal(field, value, literalType);
    if (v === null) {
      if (op === '=') return `${sql} IS NULL`;
      if (op === '!=' || op === '<>') return `${sql} IS NOT NULL`;
      return '0 = 1';
    }
    switch (op) {
      case '=':
        return `${sql} = ${this.param(v)}`;
      case '!=':
      case '<>':
        // SOQL's != matches records where the field is null; SQL's does not.
        return `(${sql} IS NULL OR ${sql} != ${this.param(v)})`;
      case '<':
      case '>':
      case '<=':
      case '>=':
        return `${sql} ${op} ${this.param(v)}`;
      case 'LIKE':
        return `${sql} LIKE ${this.param(v)} ESCAPE '\\'`;
      default:
        throw malformed(`operator ${op} is not supported by the local org`);
    }
  }

  private semiJoin(sub: Query): string {
    const obj = this.org.object(sub.sObject ?? '');
    const t = new Translator(this.org, obj, this.opts, `s${this.params.length}x${++this.aliasSeq}`);
    t.checkObject(obj);
    if (sub.fields?.length !== 1 || sub.fields[0].type !== 'Field')
      throw malformed('a semi-join selects exactly one field');
    const { sql } = t.resolve(sub.fields[0].field);
    const where = t.where(sub.where);
    // The inner translator's parameters must sit where its SQL sits.
    this.params.push(...t.params);
    return `SELECT ${sql} FROM ${q(obj.name)} ${t.rootAlias} ${t.joinSql.join(' ')}${where ? ` WHERE ${where}` : ''}`;
  }

  param(v: Param): string {
    this.params.push(v);
    return '?';
  }

  /** Converts a SOQL literal (or bound value) to the stored representation of the field. */
  literal(field: FieldDef, raw: unknown, literalType: string | undefined): Param {
    if (
      raw === null ||
      raw === undefined ||
      literalType === 'NULL' ||
      (typeof raw === 'string' && raw.toUpperCase() === 'NULL' && literalType !== 'STRING')
    )
      return null;
    let v: unknown = raw;
    if (literalType === 'STRING' && typeof raw === 'string' && /^'.*'$/s.test(raw))
      v = unescapeSoql(raw.slice(1, -1));
    if (field.type === 'Checkbox') {
      if (typeof v === 'boolean') return v ? 1 : 0;
      const s = String(v).toLowerCase();
      if (s === 'true' || s === 'false') return s === 'true' ? 1 : 0;
      throw malformed(`${field.name}: expected a boolean, got ${String(raw)}`);
    }
    if (field.type === 'Number' || field.type === 'Currency' || field.type === 'Percent') {
      const n = Number(v);
      if (!Number.isFinite(n)) throw malformed(`${field.name}: expected a number, got ${String(raw)}`);
      return n;
    }
    if (field.type === 'Id' || field.type === 'Lookup' || field.type === 'MasterDetail') {
      return normalizeId(v) ?? String(v);
    }
    if (field.type === 'DateTime' && literalType === 'DATETIME')
      return sfDateTime(validDate(new Date(String(v)), `${field.name} = ${String(v)}`));
    if ((field.type === 'Date' || field.type === 'DateTime') && literalType === 'DATE') {
      const text = String(v);
      const d = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(NaN);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text)
        throw malformed(`${field.name}: ${text} is not a valid date (YYYY-MM-DD)`);
      validDate(d, `${field.name} = ${text}`);
      return text;
    }
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return typeof v === 'number' ? v : String(v);
  }

  orderBy(
    clauses: OrderByClause[] | OrderByClause | undefined,
    aggregate?: (fn: { functionName: string; parameters?: unknown[] }) => string
  ): string {
    const list = clauses ? (Array.isArray(clauses) ? clauses : [clauses]) : [];
    return list
      .map((o) => {
        let expr: string;
        if ('field' in o && o.field) expr = this.resolve(o.field).sql;
        else if ('fn' in o && o.fn && aggregate)
          expr = aggregate(o.fn as { functionName: string; parameters?: unknown[] });
        else throw malformed('unsupported ORDER BY expression');
        return `${expr} ${o.order === 'DESC' ? 'DESC' : 'ASC'}${o.nulls ? ` NULLS ${o.nulls}` : ''}`;
      })
      .join(', ');
  }
}

function unescapeSoql(s: string): string {
  // Keep \% and \_ escaped: they mean literal % and _ in LIKE (ESCAPE '\').
  return s.replace(/\\(.)/g, (_m, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '%' || c === '_' ? `\\${c}` : c
  );
}

const DAY = 86_400_000;
const ymd = (d: Date): string => d.toISOString().slice(0, 10);

/** The [start, end) range of a SOQL date literal, as date or datetime text in UTC. */
export function dateRange(literal: string, now: Date, dateTime: boolean): [string, string] {
  const [name, nText] = literal.toUpperCase().split(':');
  const n = Number(nText ?? 0);
  // The platform's N is an integer; days, months and years are bounded so the range stays a real date.
  if (!Number.isSafeInteger(n) || n < 0 || n > 1_000_000)
    throw malformed(`${literal}: N must be a whole number from 0 to 1000000`);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const addDays = (d: Date, k: number): Date => new Date(d.getTime() + k * DAY);
  const monthStart = (yy: number, mm: number): Date => new Date(Date.UTC(yy, mm, 1));
  const weekStart = addDays(today, -today.getUTCDay());
  const qStart = Math.floor(m / 3) * 3;
  let range: [Date, Date];
  switch (name) {
    case 'TODAY':
      range = [today, addDays(today, 1)];
      break;
    case 'YESTERDAY':
      range = [addDays(today, -1), today];
      break;
    case 'TOMORROW':
      range = [addDays(today, 1), addDays(today, 2)];
      break;
    case 'THIS_WEEK':
      range = [weekStart, addDays(weekStart, 7)];
      break;
    case 'LAST_WEEK':
      range = [addDays(weekStart, -7), weekStart];
      break;
    case 'NEXT_WEEK':
      range = [addDays(weekStart, 7), addDays(weekStart, 14)];
      break;
    case 'THIS_MONTH':
      range = [monthStart(y, m), monthStart(y, m + 1)];
      break;
    case 'LAST_MONTH':
      range = [monthStart(y, m - 1), monthStart(y, m)];
      break;
    case 'NEXT_MONTH':
      range = [monthStart(y, m + 1), monthStart(y, m + 2)];
      break;
    case 'THIS_QUARTER':
      range = [monthStart(y, qStart), monthStart(y, qStart + 3)];
      break;
    case 'LAST_QUARTER':
      range = [monthStart(y, qStart - 3), monthStart(y, qStart)];
      break;
    case 'NEXT_QUARTER':
      range = [monthStart(y, qStart + 3), monthStart(y, qStart + 6)];
      break;
    case 'THIS_YEAR':
    case 'THIS_FISCAL_YEAR':
      range = [monthStart(y, 0), monthStart(y + 1, 0)];
      break;
    case 'LAST_YEAR':
    case 'LAST_FISCAL_YEAR':
      range = [monthStart(y - 1, 0), monthStart(y, 0)];
      break;
    case 'NEXT_YEAR':
    case 'NEXT_FISCAL_YEAR':
      range = [monthStart(y + 1, 0), monthStart(y + 2, 0)];
      break;
    case 'LAST_90_DAYS':
      range = [addDays(today, -90), addDays(today, 1)];
      break;
    case 'NEXT_90_DAYS':
      range = [addDays(today, 1), addDays(today, 91)];
      break;
    case 'LAST_N_DAYS':
      range = [addDays(today, -n), addDays(today, 1)];
      break;
    case 'NEXT_N_DAYS':
      range = [addDays(today, 1), addDays(today, n + 1)];
      break;
    case 'N_DAYS_AGO':
      range = [addDays(today, -n), addDays(today, -n + 1)];
      break;
    case 'LAST_N_MONTHS':
      range = [monthStart(y, m - n), monthStart(y, m)];
      break;
    case 'NEXT_N_MONTHS':
      range = [monthStart(y, m + 1), monthStart(y, m + 1 + n)];
      break;
    case 'LAST_N_YEARS':
      range = [monthStart(y - n, 0), monthStart(y, 0)];
      break;
    case 'NEXT_N_YEARS':
      range = [monthStart(y + 1, 0), monthStart(y + 1 + n, 0)];
      break;
    default:
      throw malformed(`date literal ${literal} is not supported by the local org`);
  }
  for (const d of range) validDate(d, literal);
  return dateTime ? [sfDateTime(range[0]), sfDateTime(range[1])] : [ymd(range[0]), ymd(range[1])];
}

const AGG_FUNCTIONS = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

/**
 * Runs a SOQL query against the local tables and returns every matching record in REST shape
 * (the server pages them). Supports field lists, parent paths, child subqueries, WHERE with
 * comparison/LIKE/IN/semi-joins/date literals/binds, ORDER BY, LIMIT, OFFSET, COUNT() and simple
 * aggregates with GROUP BY.
 */
export function runQuery(org: LocalOrg, soql: string, opts: QueryOptions = {}): QueryOutput {
  const query = parseSoql(soql);
  if (query.withAccessLevel && query.withSecurityEnforced)
    throw malformed('WITH SECURITY_ENFORCED and WITH USER_MODE cannot be used together');
  const userMode =
    opts.userMode ||
    query.withAccessLevel?.toUpperCase() === 'USER_MODE' ||
    Boolean(query.withSecurityEnforced);
  return runParsed(org, query, userMode && opts.access ? { ...opts, canRead: opts.access.canRead } : opts);
}

function runParsed(org: LocalOrg, query: Query, opts: QueryOptions): QueryOutput {
  let root: ObjectDef;
  try {
    root = org.object(query.sObject ?? '');
  } catch {
    throw new SfError('INVALID_TYPE', `sObject type '${query.sObject}' is not supported.`);
  }
  new Translator(org, root, opts).checkObject(root);
  const fields = query.fields ?? [];
  const isAggregate =
    fields.some(
      (f) => f.type === 'FieldFunctionExpression' && (f as { isAggregateFn?: boolean }).isAggregateFn
    ) || Boolean(query.groupBy);
  if (isAggregate) return runAggregate(org, root, query, opts);

  const t = new Translator(org, root, opts);
  const columns: Column[] = [];
  const subqueries: Subquery[] = [];
  const seen = new Set<string>();
  const addColumn = (dotted: string): void => {
    const r = t.resolve(dotted);
    const key = [...r.path, r.field.name].join('.').toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    columns.push({ path: r.path, field: r.field, col: `${r.sql} AS c${columns.length}` });
  };
  for (const f of fields) {
    if (f.type === 'Field') addColumn(f.field);
    else if (f.type === 'FieldRelationship') addColumn([...f.relationships, f.field].join('.'));
    else if (f.type === 'FieldSubquery') subqueries.push(f.subquery);
    else
      throw malformed(
        `unsupported field expression ${'rawValue' in f ? String(f.rawValue) : f.type} (local org)`
      );
  }
  if (!columns.length && !subqueries.length) throw malformed('SELECT needs at least one field');
  const where = t.where(query.where);
  const order = t.orderBy(query.orderBy);
  const joinIds = [...t.joins.entries()].map(([key, j]) => ({ key, alias: j.alias }));
  const select = [
    `t0."Id" AS __id`,
    ...columns.map((c) => c.col),
    ...joinIds.map((j, i) => `${j.alias}."Id" AS j${i}`)
  ];
  let sql = `SELECT ${select.join(', ')} FROM ${q(root.name)} t0 ${t.joinSql.join(' ')}`;
  if (where) sql += ` WHERE ${where}`;
  if (order) sql += ` ORDER BY ${order}`;
  const limit = checkCount('LIMIT', query.limit);
  const offset = checkCount('OFFSET', query.offset);
  if (limit !== undefined || offset !== undefined) sql += ` LIMIT ${t.param(limit ?? -1)}`;
  if (offset !== undefined) sql += ` OFFSET ${t.param(offset)}`;
  const rows = org.db.prepare(sql).all(...t.params) as Record<string, unknown>[];

  const pathAlias = new Map<string, number>();
  joinIds.forEach((j, i) => pathAlias.set(j.key.slice(j.key.indexOf('.') + 1), i));
  // Resolve each column's parent chain once, not per row.
  const plans = columns.map((c) => {
    let obj = root;
    const steps = c.path.map((rel, d) => {
      const relField = t.relField(obj, rel)!;
      obj = org.object(relField.referenceTo!);
      return {
        rel,
        idCol: `j${pathAlias.get(
          c.path
            .slice(0, d + 1)
            .join('.')
            .toLowerCase()
        )}`,
        type: obj.name
      };
    });
    return { steps, name: c.field.name, field: c.field };
  });
  const records = rows.map((row) => {
    const rec: OutRecord = { attributes: { type: root.name, url: recordUrl(root.name, row.__id as string) } };
    plans.forEach((plan, i) => {
      let target: Record<string, unknown> | null = rec;
      for (const step of plan.steps) {
        const parentId = row[step.idCol] as string | null;
        if (!parentId) {
          target[step.rel] = null;
          target = null;
          break;
        }
        if (!target[step.rel])
          target[step.rel] = { attributes: { type: step.type, url: recordUrl(step.type, parentId) } };
        target = target[step.rel] as Record<string, unknown>;
      }
      if (target) target[plan.name] = outValue(plan.field, row[`c${i}`]);
    });
    return rec;
  });
  for (const sub of subqueries) attachChildren(org, root, sub, records, opts);
  return { totalSize: records.length, records };
}

function attachChildren(
  org: LocalOrg,
  root: ObjectDef,
  sub: Subquery,
  parents: OutRecord[],
  opts: QueryOptions
): void {
  const relName = sub.relationshipName.toLowerCase();
  let child: ObjectDef | undefined;
  let link: FieldDef | undefined;
  for (const obj of org.schema.objects.values()) {
    const f = obj.fields.find(
      (x) => x.referenceTo === root.name && x.childRelationshipName?.toLowerCase() === relName
    );
    if (f) {
      child = obj;
      link = f;
      break;
    }
  }
  if (!child || !link)
    throw new SfError(
      'INVALID_TYPE',
      `Didn't understand relationship '${sub.relationshipName}' in FROM part of query call on ${root.name}`
    );
  const canonical = link.childRelationshipName!;
  const byParent = new Map<string, OutRecord[]>();
  const ids = parents.map((p) => (p.attributes.url ?? '').split('/').pop()!);
  const linkField = link.name;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const inner: Query = {
      ...sub,
      sObject: child.name,
      fields: [...(sub.fields ?? []), { type: 'Field', field: linkField }],
      limit: undefined,
      offset: undefined,
      where: {
        left: {
          field: linkField,
          operator: 'IN',
          literalType: 'APEX_BIND_VARIABLE',
          value: '__parentIds'
        } as Condition,
        ...(sub.where
          ? {
              operator: 'AND' as const,
              right: {
                ...sub.where,
                left: {
                  ...(sub.where.left ?? {}),
                  openParen: (sub.where.left?.openParen ?? 0) + 1
                } as Condition
              }
            }
          : {})
      }
    } as Query;
    if (sub.where) closeLast((inner.where as unknown as WhereNode).right!);
    const res = runParsed(org, inner, { ...opts, binds: { ...(opts.binds ?? {}), __parentIds: chunk } });
    for (const rec of res.records) {
      const parentId = rec[linkField] as string;
      if (
        !(sub.fields ?? []).some(
          (f) => f.type === 'Field' && f.field.toLowerCase() === linkField.toLowerCase()
        )
      )
        delete rec[linkField];
      const list = byParent.get(parentId) ?? [];
      list.push(rec);
      byParent.set(parentId, list);
    }
  }
  parents.forEach((p, i) => {
    let list = byParent.get(ids[i]) ?? [];
    checkCount('LIMIT', sub.limit);
    if (sub.offset) list = list.slice(checkCount('OFFSET', sub.offset));
    if (sub.limit !== undefined) list = list.slice(0, sub.limit);
    p[canonical] = list.length ? { totalSize: list.length, done: true, records: list } : null;
  });
}

/** Wraps the user's WHERE in parentheses by adding a closing one on its last condition. */
function closeLast(where: WhereNode): void {
  let node: WhereNode = where;
  while (node.right) node = node.right;
  if (node.left) node.left = { ...node.left, closeParen: (node.left.closeParen ?? 0) + 1 };
}

function runAggregate(org: LocalOrg, root: ObjectDef, query: Query, opts: QueryOptions): QueryOutput {
  const t = new Translator(org, root, opts);
  const fields = query.fields ?? [];
  const aggSql = (fn: { functionName: string; parameters?: unknown[] }): string => {
    const name = fn.functionName.toUpperCase();
    if (!AGG_FUNCTIONS.has(name)) throw malformed(`function ${name} is not supported by the local org`);
    const param = fn.parameters?.[0];
    if (param === undefined) {
      if (name !== 'COUNT') throw malformed(`${name}() needs a field`);
      return 'COUNT(*)';
    }
    const inner = t.resolve(String(param)).sql;
    return name === 'COUNT_DISTINCT' ? `COUNT(DISTINCT ${inner})` : `${name}(${inner})`;
  };
  const onlyCount =
    fields.length === 1 &&
    fields[0].type === 'FieldFunctionExpression' &&
    fields[0].functionName.toUpperCase() === 'COUNT' &&
    !fields[0].parameters?.length;
  const outputs: { key: string; sql: string; field?: FieldDef }[] = [];
  let expr = 0;
  for (const f of fields) {
    if (f.type === 'FieldFunctionExpression') {
      outputs.push({ key: f.alias ?? `expr${expr++}`, sql: aggSql(f) });
    } else if (f.type === 'Field' || f.type === 'FieldRelationship') {
      const dotted = f.type === 'Field' ? f.field : [...f.relationships, f.field].join('.');
      const r = t.resolve(dotted);
      outputs.push({ key: ('alias' in f && f.alias) || r.field.name, sql: r.sql, field: r.field });
    } else throw malformed('unsupported field in an aggregate query');
  }
  const where = t.where(query.where);
  const groups = (query.groupBy ? (Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy]) : []).map(
    (g) => {
      if (!('field' in g) || !g.field) throw malformed('GROUP BY supports fields only (local org)');
      return t.resolve(g.field).sql;
    }
  );
  if (query.having) throw malformed('HAVING is not supported by the local org');
  const order = t.orderBy(query.orderBy, aggSql);
  let sql = `SELECT ${outputs.map((o, i) => `${o.sql} AS a${i}`).join(', ')} FROM ${q(root.name)} t0 ${t.joinSql.join(' ')}`;
  if (where) sql += ` WHERE ${where}`;
  if (groups.length) sql += ` GROUP BY ${groups.join(', ')}`;
  if (order) sql += ` ORDER BY ${order}`;
  checkCount('LIMIT', query.limit);
  checkCount('OFFSET', query.offset);
  if (query.limit !== undefined && !onlyCount) sql += ` LIMIT ${t.param(query.limit)}`;
  if (query.offset !== undefined && !onlyCount) sql += ` OFFSET ${t.param(query.offset)}`;
  const rows = org.db.prepare(sql).all(...t.params) as Record<string, unknown>[];
  if (onlyCount) {
    const n = Number(rows[0]?.a0 ?? 0);
    return { totalSize: query.limit !== undefined ? Math.min(n, query.limit) : n, records: [] };
  }
  const records = rows.map((row) => {
    const rec: OutRecord = { attributes: { type: 'AggregateResult' } };
    outputs.forEach(
      (o, i) => (rec[o.key] = o.field ? outValue(o.field, row[`a${i}`]) : (row[`a${i}`] as SfValue))
    );
    return rec;
  });
  return { totalSize: records.length, records };
}

function outValue(field: FieldDef, v: unknown): SfValue {
  if (v === null || v === undefined) return null;
  if (field.type === 'Checkbox') return v === 1 || v === true;
  return v as SfValue;
}

/** The REST URL of a record, as `attributes.url`. */
export function recordUrl(type: string, id: string): string {
  return `/services/data/v62.0/sobjects/${type}/${id}`;
}
