import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrgOptions, type RunningLocalOrg } from '../server';

/** A temp folder removed by the returned cleanup. */
export function tempDir(prefix = 'localorg-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts a local org on a free port over a temp database and returns it with a jsforce connection.
 * Requests run as the demo user (Keyplan_User) unless `user` says otherwise; the token is random.
 */
export async function startTestOrg(
  options: LocalOrgOptions = {}
): Promise<{ running: RunningLocalOrg; conn: Connection }> {
  const running = await startLocalOrg({ port: 0, user: 'demo', ...options });
  const conn = new Connection({ instanceUrl: running.url, accessToken: running.token, version: '62.0' });
  return { running, conn };
}
