import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
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
      env: sfEnv(options.inherit ? process.env.HOME : home)
    }
  );
}

/** The pinned CLI's entry point. */
export const SF_BIN = path.join(ROOT, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');

/** The environment the pinned CLI runs in: the given HOME, telemetry, update checks and prompts off. */
export function sfEnv(home: string | undefined, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    SF_DISABLE_TELEMETRY: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SFDX_DISABLE_DNS_CHECK: 'true',
    SF_USE_PROGRESS_BAR: 'false',
    NODE_NO_WARNINGS: '1',
    ...extra
  };
}

/**
 * Runs the pinned CLI without blocking the event loop (a local org served by this process keeps
 * answering), in `home` (isolated: its own ~/.sf), from `cwd`. Resolves with the exit code and output.
 */
export function runSfAsync(
  args: string[],
  options: { home: string; cwd?: string; env?: Record<string, string> }
): Promise<{ code: number; stdout: string; stderr: string }> {
  mkdirSync(options.home, { recursive: true });
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SF_BIN, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: sfEnv(options.home, options.env),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      }
    );
  });
}
