/**
 * Deploys Keyplan to a real org: builds first (so the compiled LWC JavaScript is never stale), deploys
 * the source with the sf CLI, then assigns the permission sets.
 *
 *   npm run deploy -- --target-org <alias> [--admin] [--dry-run]
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/paths';
import { runSf } from './lib/sf';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function step(label: string, status: number | null): void {
  if (status !== 0) {
    console.error(`deploy: ${label} failed (exit ${status}). Nothing after this step ran.`);
    process.exit(status ?? 1);
  }
  console.log(`deploy: ${label} done`);
}

const targetOrg = arg('--target-org');
if (!targetOrg) {
  console.error('deploy: name the org: npm run deploy -- --target-org <alias>  (see `sf org list`)');
  process.exit(2);
}
const dryRun = process.argv.includes('--dry-run');

step(
  'build',
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-lwc.ts'], { cwd: ROOT, stdio: 'inherit' })
    .status
);
const deployArgs = [
  'project',
  'deploy',
  'start',
  '--source-dir',
  'force-app',
  '--target-org',
  targetOrg,
  '--wait',
  '30'
];
if (dryRun) deployArgs.push('--dry-run');
step(dryRun ? 'validation deploy' : 'deploy', runSf(deployArgs, { inherit: true }).status);
if (!dryRun) {
  const sets = ['Keyplan_User', ...(process.argv.includes('--admin') ? ['Keyplan_Admin'] : [])];
  step(
    `assign ${sets.join(', ')}`,
    runSf(['org', 'assign', 'permset', '--target-org', targetOrg, ...sets.flatMap((s) => ['--name', s])], {
      inherit: true
    }).status
  );
}
