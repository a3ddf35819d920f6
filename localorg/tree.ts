import type { Schema } from '../src/schema';
import { SfError, toSaveErrors } from './errors';

/**
 * `POST /services/data/vXX.X/composite/tree/<SObject>` (what `sf data import tree` sends): up to 200
 * records in all, each with `attributes: { type, referenceId }`, children nested under their child
 * relationship name (`Contacts: { records: [...] }`) up to 5 levels. Inserted parents first, each child
 * gets its parent's id in the relationship's lookup field. All or none, as on the platform: any failing
 * record rolls the whole request back and the answer (400) lists the failures by referenceId; success is
 * 201 with `{ hasErrors: false, results: [{ referenceId, id }] }` in insertion order.
 */

export interface TreeHost {
  schema: Schema;
  /** Inserts one record as the running user (REST user-mode rules); returns its id. */
  insert(objectName: string, fields: Record<string, unknown>): string;
  /** Runs fn in one transaction (rolled back when it throws). */
  write<T>(fn: () => T): T;
}

export interface TreeReply {
  status: number;
  body: unknown;
}

const MAX_RECORDS = 200;
const MAX_DEPTH = 5;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface Node {
  type: string;
  referenceId: string;
  fields: Record<string, unknown>;
  children: { lookup: string; nodes: Node[] }[];
}

const invalid = (message: string): SfError => new SfError('INVALID_INPUT', message);

/** Reads and checks the body into nodes; structural problems are 400 before anything is written. */
function parse(host: TreeHost, rootType: string, body: unknown): Node[] {
  if (!isObject(body) || !Array.isArray(body.records))
    throw new SfError('JSON_PARSER_ERROR', 'The request body must be a JSON object with a records array');
  let count = 0;
  const refs = new Set<string>();
  const read = (raw: unknown, expected: string, depth: number, where: string): Node => {
    if (!isObject(raw)) throw invalid(`${where} must be a JSON object`);
    if (++count > MAX_RECORDS)
      throw new SfError('LIMIT_EXCEEDED', `A tree request can insert at most ${MAX_RECORDS} records in all`);
    if (depth > MAX_DEPTH)
      throw new SfError('LIMIT_EXCEEDED', `${where}: a tree can nest at most ${MAX_DEPTH} levels`);
    const attributes = raw.attributes;
    if (!isObject(attributes) || typeof attributes.referenceId !== 'string' || !attributes.referenceId)
      throw invalid(`${where}: attributes.referenceId is required`);
    const referenceId = attributes.referenceId;
    if (!/^[A-Za-z0-9_]{1,80}$/.test(referenceId))
      throw invalid(
        `${where}: referenceId ${JSON.stringify(referenceId)} must be letters, digits and underscores`
      );
    if (refs.has(referenceId)) throw invalid(`Duplicate ReferenceId provided in the request: ${referenceId}`);
    refs.add(referenceId);
    const type = typeof attributes.type === 'string' ? attributes.type : expected;
    if (type.toLowerCase() !== expected.toLowerCase())
      throw invalid(`${where} (${referenceId}): attributes.type ${type} is not ${expected}`);
    const obj =
      host.schema.objects.get(expected) ??
      [...host.schema.objects.values()].find((o) => o.name.toLowerCase() === expected.toLowerCase());
    if (!obj) throw new SfError('INVALID_TYPE', `sObject type '${expected}' is not supported.`);
    const fields: Record<string, unknown> = {};
    const children: Node['children'] = [];
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'attributes') continue;
      if (isObject(value) && Array.isArray(value.records)) {
        // A child relationship of this object: find the lookup on the child that it names.
        let link: { child: string; lookup: string } | undefined;
        for (const child of host.schema.objects.values())
          for (const f of child.fields)
            if (f.referenceTo === obj.name && f.childRelationshipName?.toLowerCase() === key.toLowerCase())
              link = { child: child.name, lookup: f.name };
        if (!link)
          throw new SfError(
            'INVALID_FIELD',
            `No such column '${key}' on sobject of type ${obj.name} (not a child relationship either)`,
            [key]
          );
        const l = link;
        children.push({
          lookup: l.lookup,
          nodes: value.records.map((c, i) => read(c, l.child, depth + 1, `${referenceId}.${key}[${i}]`))
        });
      } else fields[key] = value;
    }
    return { type: obj.name, referenceId, fields, children };
  };
  return body.records.map((r, i) => read(r, rootType, 1, `records[${i}]`));
}

export function compositeTree(host: TreeHost, rootType: string, body: unknown): TreeReply {
  const roots = parse(host, rootType, body);
  const results: { referenceId: string; id: string }[] = [];
  const failures: { referenceId: string; errors: ReturnType<typeof toSaveErrors> }[] = [];
  const rollback = new Error('tree all or none');
  const insert = (node: Node, parent?: { lookup: string; id: string }): void => {
    let id: string;
    try {
      id = host.write(() =>
        host.insert(node.type, parent ? { ...node.fields, [parent.lookup]: parent.id } : node.fields)
      );
    } catch (err) {
      failures.push({ referenceId: node.referenceId, errors: toSaveErrors(err) });
      return;
    }
    results.push({ referenceId: node.referenceId, id });
    for (const c of node.children) for (const n of c.nodes) insert(n, { lookup: c.lookup, id });
  };
  try {
    host.write(() => {
      for (const r of roots) insert(r);
      if (failures.length) throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
    return { status: 400, body: { hasErrors: true, results: failures } };
  }
  return { status: 201, body: { hasErrors: false, results } };
}
