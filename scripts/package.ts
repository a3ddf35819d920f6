/**
 * Packaging through the project's pinned sf CLI (`scripts/lib/sf.ts`: telemetry and auto-update off).
 *
 *   npm run package:preflight                      offline checks (see scripts/checks/preflight.ts)
 *   npm run package:create -- --target-dev-hub <hub>
 *       sf package create --name Keyplan --package-type Unlocked --path force-app --no-namespace
 *       (writes the 0Ho alias into sfdx-project.json; commit it)
 *   npm run package:version -- --target-dev-hub <hub>
 *       npm run build, the preflight, then sf package version create --package Keyplan --code-coverage
 *       --installation-key-bypass --definition-file config/project-scratch-def.json --wait 60
 * Extra arguments after `--` go to sf.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { preflight } from './checks/preflight';
import {
  packageAlias,
  PACKAGE_NAME,
  PACKAGE_TYPE,
  readProject,
  SCRATCH_DEF,
  type SfdxProject
} from './lib/packaging';
import { ROOT } from './lib/paths';
import { runSf } from './lib/sf';

function runPreflight(): boolean {
  const r = preflight();
  for (const n of r.notes) console.log(`preflight: ${n}`);
  for (const p of r.problems) console.error(`preflight: FAIL ${p}`);
  console.log(`preflight: ${r.problems.length === 0 ? 'ok' : `${r.problems.length} problem(s)`}`);
  return r.problems.length === 0;
}

export function createArgs(extra: string[]): string[] {
  return [
    'package',
    'create',
    '--name',
    PACKAGE_NAME,
    '--package-type',
    PACKAGE_TYPE,
    '--path',
    'force-app',
    '--no-namespace',
    ...extra
  ];
}

export function versionArgs(extra: string[]): string[] {
  return [
    'package',
    'version',
    'create',
    '--package',
    PACKAGE_NAME,
    '--code-coverage',
    '--installation-key-bypass',
    '--definition-file',
    SCRATCH_DEF,
    '--wait',
    '60',
    ...extra
  ];
}

/** The message that stops package:version when the package has no 0Ho alias yet. */
export function aliasGate(project: SfdxProject): string | undefined {
  return packageAlias(project)
    ? undefined
    : `package:version: sfdx-project.json has no packageAliases entry for ${PACKAGE_NAME}: run npm run package:create first`;
}

function main(): number {
  const [command, ...extra] = process.argv.slice(2);
  if (command === 'preflight') return runPreflight() ? 0 : 1;
  if (command === 'create') return runSf(createArgs(extra), { inherit: true }).status ?? 1;
  if (command === 'version') {
    const build = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'build-lwc.ts')],
      {
        cwd: ROOT,
        stdio: 'inherit'
      }
    );
    if (build.status !== 0) return build.status ?? 1;
    if (!runPreflight()) return 1;
    const gate = aliasGate(readProject());
    if (gate) {
      console.error(gate);
      return 1;
    }
    return runSf(versionArgs(extra), { inherit: true }).status ?? 1;
  }
  console.error('usage: tsx scripts/package.ts preflight|create|version [-- sf flags]');
  return 2;
}

if (require.main === module) process.exit(main());
