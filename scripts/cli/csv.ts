/**
 * CSV import: one file per object in a folder, converted to an account bundle and then validated by
 * `checkBundle` like a JSON bundle. Columns are the bundle's field names (API names like `Stance__c`,
 * references like `reportsTo`); `objectives.csv` and `actions.csv` name their `plan`, `contact_roles.csv`
 * its `opportunity`. Problems name file, row (the line number, header = 1) and column. Files are read
 * by csv-parse with the strict configuration of scripts/lib/csv.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  BundleAccount,
  BundleAction,
  BundleBuyingCenter,
  BundleCell,
  BundleContact,
  BundleContactRole,
  BundleLink,
  BundleObjective,
  BundleOffering,
  BundleOpportunity,
  BundlePlan,
  BundleUser
} from '../../src/bundle/schema';
import { checkCsv } from '../lib/csv';
import { InvalidInput } from './errors';
import { shapeFields, type ShapeField } from './shape';

interface FileSpec {
  file: string;
  schema: z.ZodType;
  /** Extra columns that are not fields of the record (the parent's key). */
  parent?: string;
}

const FILES: Record<string, FileSpec> = {
  account: { file: 'accounts.csv', schema: BundleAccount },
  users: { file: 'users.csv', schema: BundleUser },
  offerings: { file: 'offerings.csv', schema: BundleOffering },
  buyingCenters: { file: 'buying_centers.csv', schema: BundleBuyingCenter },
  contacts: { file: 'contacts.csv', schema: BundleContact },
  links: { file: 'links.csv', schema: BundleLink },
  opportunities: { file: 'opportunities.csv', schema: BundleOpportunity },
  contactRoles: { file: 'contact_roles.csv', schema: BundleContactRole, parent: 'opportunity' },
  cells: { file: 'cells.csv', schema: BundleCell },
  plans: { file: 'plans.csv', schema: BundlePlan },
  objectives: { file: 'objectives.csv', schema: BundleObjective, parent: 'plan' },
  actions: { file: 'actions.csv', schema: BundleAction, parent: 'plan' }
};

/** A CSV text value as the schema's type wants it; anything unconvertible stays text so zod names it. */
function convert(f: ShapeField | undefined, raw: string): unknown {
  if (!f) return raw;
  if (f.kind === 'number') {
    // Plain decimal notation only: Number() would also read "0x10", "1_0"-free binary/octal and " ".
    const t = raw.trim();
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : raw;
  }
  if (f.kind === 'boolean') {
    const t = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'y'].includes(t)) return true;
    if (['false', '0', 'no', 'n'].includes(t)) return false;
    return raw;
  }
  return raw;
}

interface Loaded {
  records: { line: number; rec: Record<string, unknown>; parent?: string }[];
  columns: string[];
}

function load(dir: string, spec: FileSpec, problems: { where: string; message: string }[]): Loaded {
  const file = path.join(dir, spec.file);
  if (!existsSync(file)) return { records: [], columns: [] };
  const fields = new Map(shapeFields(spec.schema).map((f) => [f.name, f]));
  // Every header must name a field (or the parent column) exactly once: a duplicate would make one
  // value silently win, an unknown one (a typo, `__proto__`) would be silently dropped. The strict
  // reading (BOM, duplicate/unknown headers, value counts per line) is scripts/lib/csv.ts (csv-parse).
  const { table, problems: found } = checkCsv(readFileSync(file, 'utf8'), {
    name: spec.file,
    allowed: [...(spec.parent ? [spec.parent] : []), ...fields.keys()],
    ...(spec.parent ? { required: [spec.parent] } : {}),
    lineWord: 'row'
  });
  problems.push(...found);
  if (!table.columns.length) return { records: [], columns: [] };
  const records = table.rows.map((row) => {
    const rec: Record<string, unknown> = {};
    let parent: string | undefined;
    table.columns.forEach((c, i) => {
      const raw = row.values[i] ?? '';
      if (c === spec.parent) parent = raw.trim();
      else if (raw !== '' && fields.has(c)) rec[c] = convert(fields.get(c), raw);
    });
    return { line: row.line, rec, parent };
  });
  return { records, columns: table.columns };
}

/**
 * Reads the folder into bundle input plus `where`, which turns a JSON path from `checkBundle` into
 * "file row N, column C". Structural problems (no accounts.csv, a child naming an unknown parent) are
 * thrown as InvalidInput with every one listed.
 */
export function bundleFromCsvDir(dir: string): { input: unknown; where: (jsonPath: string) => string } {
  if (!existsSync(dir)) throw new InvalidInput(`No such folder: ${dir}`);
  const problems: { where: string; message: string }[] = [];
  const known = new Set(Object.values(FILES).map((f) => f.file));
  for (const f of readdirSync(dir))
    if (f.toLowerCase().endsWith('.csv') && !known.has(f))
      problems.push({
        where: f,
        message: `Unknown CSV file; the folder takes ${[...known].join(', ')}`
      });
  const loaded = Object.fromEntries(
    Object.entries(FILES).map(([k, spec]) => [k, load(dir, spec, problems)])
  ) as Record<keyof typeof FILES, Loaded>;
  const locations = new Map<string, { file: string; line: number }>();
  if (loaded.account.records.length !== 1)
    problems.push({
      where: FILES.account.file,
      message: `needs exactly one account row (found ${loaded.account.records.length})`
    });
  const account = loaded.account.records[0];
  if (account) locations.set('account', { file: FILES.account.file, line: account.line });

  const list = (
    name: 'users' | 'offerings' | 'buyingCenters' | 'contacts' | 'links' | 'cells'
  ): Record<string, unknown>[] =>
    loaded[name].records.map((r, i) => {
      locations.set(`${name}[${i}]`, { file: FILES[name].file, line: r.line });
      return r.rec;
    });
  const opportunities = loaded.opportunities.records.map((r, i) => {
    locations.set(`opportunities[${i}]`, { file: FILES.opportunities.file, line: r.line });
    return { ...r.rec, contactRoles: [] as Record<string, unknown>[] };
  });
  const oppIndex = new Map(opportunities.map((o, i) => [(o as Record<string, unknown>).key, i]));
  for (const r of loaded.contactRoles.records) {
    const i = oppIndex.get(r.parent);
    if (i === undefined) {
      problems.push({
        where: `${FILES.contactRoles.file} row ${r.line}, column opportunity`,
        message: `Unknown opportunity key "${r.parent ?? ''}"`
      });
      continue;
    }
    locations.set(`opportunities[${i}].contactRoles[${opportunities[i].contactRoles.length}]`, {
      file: FILES.contactRoles.file,
      line: r.line
    });
    opportunities[i].contactRoles.push(r.rec);
  }
  const plans = loaded.plans.records.map((r, i) => {
    locations.set(`plans[${i}]`, { file: FILES.plans.file, line: r.line });
    return {
      ...r.rec,
      objectives: [] as Record<string, unknown>[],
      actions: [] as Record<string, unknown>[]
    };
  });
  const planIndex = new Map(plans.map((p, i) => [(p as Record<string, unknown>).key, i]));
  for (const kind of ['objectives', 'actions'] as const) {
    for (const r of loaded[kind].records) {
      const i = planIndex.get(r.parent);
      if (i === undefined) {
        problems.push({
          where: `${FILES[kind].file} row ${r.line}, column plan`,
          message: `Unknown plan key "${r.parent ?? ''}"`
        });
        continue;
      }
      locations.set(`plans[${i}].${kind}[${plans[i][kind].length}]`, {
        file: FILES[kind].file,
        line: r.line
      });
      plans[i][kind].push(r.rec);
    }
  }
  if (problems.length)
    throw new InvalidInput(`The CSV folder has ${problems.length} problem(s); nothing was written`, problems);

  const input = {
    format: 'keyplan.account-bundle',
    version: 1,
    account: account?.rec,
    users: list('users'),
    offerings: list('offerings'),
    buyingCenters: list('buyingCenters'),
    contacts: list('contacts'),
    links: list('links'),
    opportunities,
    cells: list('cells'),
    plans
  };
  const where = (jsonPath: string): string => {
    // Longest record prefix wins: plans[0].objectives[2].Name -> objectives.csv.

    let best: { prefix: string; loc: { file: string; line: number } } | undefined;
    for (const [prefix, loc] of locations)
      if (
        (jsonPath === prefix || jsonPath.startsWith(`${prefix}.`) || jsonPath.startsWith(`${prefix}[`)) &&
        (!best || prefix.length > best.prefix.length)
      )
        best = { prefix, loc };

    if (!best) return jsonPath || '(bundle)';
    const rest = jsonPath.slice(best.prefix.length).replace(/^\./, '');
    const column = rest.split(/[.[]/)[0];
    return `${best.loc.file} row ${best.loc.line}${column ? `, column ${column}` : ''}`;
  };
  return { input, where };
}

/** One CSV cell as the CLI writes it (formula-looking text neutralised): scripts/lib/csv.ts. */
export { csvCell } from '../lib/csv';
