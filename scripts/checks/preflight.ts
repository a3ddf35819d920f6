/**
 * Packaging preflight (findings C2, L4): what `sf package version create` needs and cannot tell us
 * offline until a Dev Hub has spent a build on it.
 * - the compiled component JavaScript is present and current (`build:check`): `.forceignore` drops
 *   the `.ts`, so a stale or missing `.js` ships a broken bundle;
 * - the package directory names the package and a valid version number, and its path exists;
 * - `definitionFile` is set (and exists) when a field on a standard object tracks history: the
 *   build org otherwise lacks "history tracking enabled" and the version fails; the scratch
 *   definition must switch tracking on for that object;
 * - sfdx-project.json and the scratch definition validate against `@salesforce/schemas` when that
 *   package is installed.
 * The 0Ho package alias is reported, not required: `npm run package:version` stops with "run npm
 * run package:create first" when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSchema } from '../../src/schema/loadSchema';
import { packageAlias, PACKAGE_NAME, readProject } from '../lib/packaging';
import { ROOT } from '../lib/paths';

export interface PreflightResult {
  problems: string[];
  notes: string[];
}

/** Objects (standard) whose custom fields track history, with the field names. */
export function trackedStandardFields(mainDir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const obj of loadSchema(mainDir).objects.values()) {
    if (obj.custom) continue;
    const tracked = obj.fields.filter((f) => f.custom && f.trackHistory).map((f) => f.name);
    if (tracked.length > 0) out.set(obj.name, tracked);
  }
  return out;
}

/** Whether the scratch definition switches field history tracking on for `objectName`. */
function tracksHistory(def: Record<string, unknown>, objectName: string): boolean {
  const settings = (def.settings ?? {}) as Record<string, Record<string, unknown>>;
  const lower = objectName.charAt(0).toLowerCase() + objectName.slice(1);
  const block = settings[`${lower}Settings`] ?? {};
  return (
    block[`enable${objectName}FieldHistoryTracking`] === true ||
    block[`enable${objectName}HistoryTracking`] === true
  );
}

/** Validates `file` against a JSON schema shipped by @salesforce/schemas; undefined when not installed. */
function schemaErrors(root: string, file: string, schemaName: string): string[] | undefined {
  const schemaFile = path.join(ROOT, 'node_modules', '@salesforce', 'schemas', schemaName);
  if (!existsSync(schemaFile) || !existsSync(path.join(ROOT, 'node_modules', 'ajv'))) return undefined;
  // ajv is a transitive dependency (eslint, the sf CLI); required lazily so a missing copy only skips.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv') as new (opts: Record<string, unknown>) => {
    compile: (
      s: unknown
    ) => ((d: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] };
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  const data: unknown = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${file}${e.instancePath || ''}: ${e.message ?? 'invalid'}`);
}

export function preflight(root: string = ROOT, options: { buildCheck?: boolean } = {}): PreflightResult {
  const problems: string[] = [];
  const notes: string[] = [];

  if (options.buildCheck ?? true) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'build-lwc.ts'), '--check'],
      {
        cwd: root,
        encoding: 'utf8'
      }
    );
    if (r.status !== 0)
      problems.push(
        `compiled component JavaScript is missing or stale: run npm run build\n${r.stdout}${r.stderr}`.trim()
      );
    else notes.push('build:check: compiled component JavaScript is current');
  }

  let project;
  try {
    project = readProject(root);
  } catch (e) {
    return { problems: [...problems, `sfdx-project.json: ${(e as Error).message}`], notes };
  }
  const dirs = project.packageDirectories ?? [];
  const dir = dirs.find((d) => d.package === PACKAGE_NAME);
  if (!dir) {
    problems.push(`sfdx-project.json: no package directory for package ${PACKAGE_NAME}`);
    return { problems, notes };
  }
  if (!existsSync(path.join(root, dir.path)))
    problems.push(`sfdx-project.json: package path ${dir.path} does not exist`);
  if (!/^\d+\.\d+\.\d+\.(NEXT|\d+)$/.test(dir.versionNumber ?? ''))
    problems.push(
      `sfdx-project.json: versionNumber "${dir.versionNumber ?? ''}" is not major.minor.patch.NEXT`
    );

  const tracked = trackedStandardFields(path.join(root, dir.path, 'main', 'default'));
  if (tracked.size > 0) {
    const what = [...tracked].map(([o, f]) => `${o} (${f.join(', ')})`).join('; ');
    if (!dir.definitionFile)
      problems.push(
        `sfdx-project.json: package directory ${dir.path} has no definitionFile, but standard-object fields track history: ${what}`
      );
    else if (!existsSync(path.join(root, dir.definitionFile)))
      problems.push(`sfdx-project.json: definitionFile ${dir.definitionFile} does not exist`);
    else {
      const def = JSON.parse(readFileSync(path.join(root, dir.definitionFile), 'utf8')) as Record<
        string,
        unknown
      >;
      const off = [...tracked.keys()].filter((o) => !tracksHistory(def, o));
      for (const objectName of off)
        problems.push(`${dir.definitionFile}: does not enable field history tracking for ${objectName}`);
      if (off.length === 0)
        notes.push(
          `definitionFile ${dir.definitionFile} enables history tracking for ${[...tracked.keys()].join(', ')}`
        );
    }
  }

  for (const [file, schema] of [
    ['sfdx-project.json', 'sfdx-project.schema.json'],
    ...(dir.definitionFile ? [[dir.definitionFile, 'project-scratch-def.schema.json']] : [])
  ] as [string, string][]) {
    const errors = schemaErrors(root, file, schema);
    if (errors === undefined) notes.push(`${file}: @salesforce/schemas not installed, schema check skipped`);
    else {
      problems.push(...errors);
      if (errors.length === 0) notes.push(`${file}: valid against @salesforce/schemas ${schema}`);
    }
  }

  const alias = packageAlias(project);
  notes.push(
    alias
      ? `package alias ${PACKAGE_NAME} = ${alias}`
      : `no package alias for ${PACKAGE_NAME} yet (npm run package:create writes it; package:version requires it)`
  );
  return { problems, notes };
}
