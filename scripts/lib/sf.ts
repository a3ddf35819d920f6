import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

/**
 * Runs the Salesforce CLI from node_modules with an isolated HOME and every phone-home switched off,
 * so it behaves the same on a laptop, in CI and offline.
 */
export function runSf(
  args: string[],
  options: { home?: string; inherit?: boolean } = {}
): SpawnSyncReturns<string> {
  const home = options.home ?? path.join(ROOT, '.tmp', 'sf-home');
  mkdirSync(home, { recursive: true });
  return spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: options.inherit ? 'inherit' : 'pipe',
      env: {
        ...process.env,
        HOME: options.inherit ? process.env.HOME : home,
        SF_DISABLE_TELEMETRY: 'true',
        SF_DISABLE_AUTOUPDATE: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SFDX_DISABLE_DNS_CHECK: 'true',
        SF_USE_PROGRESS_BAR: 'false',
        NODE_NO_WARNINGS: '1'
      }
    }
  );
}
