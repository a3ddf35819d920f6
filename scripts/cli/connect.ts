/**
 * Where the CLI's data calls go: always a jsforce Connection. A real org (credentials from the sf CLI's
 * authenticated org or from SF_INSTANCE_URL / SF_ACCESS_TOKEN), or the local org: an in-process server
 * over the same SQLite file `npm start` uses, on a free port, so the CLI works whether or not that
 * server runs (SQLite WAL and the busy timeout let both write the file safely).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Connection } from 'jsforce';
import { startLocalOrg } from '../../localorg/server';
import { runSf } from '../lib/sf';
import { InvalidInput } from './errors';

export const API_VERSION = '62.0';

export interface Target {
  conn: Connection;
  /** 'local' creates missing users; 'org' only matches them by Email. */
  kind: 'local' | 'org';
  /** For messages: the org alias, the instance URL or the database file. */
  label: string;
  /**
   * Which org this is, however it was named (alias or environment): the instance URL, or the local
   * database file's absolute path. Import journals are matched by it.
   */
  id: string;
  close(): Promise<void>;
}

export interface TargetOptions {
  targetOrg?: string;
  /** Local org database file (default LOCALORG_DB, then localorg/data/keyplan.sqlite). */
  db?: string;
}

/** Reads instanceUrl and accessToken of an org the user authenticated with `sf org login`. */
function sfOrgCredentials(alias: string): { instanceUrl: string; accessToken: string } {
  const result = runSf(['org', 'display', '--target-org', alias, '--json'], { home: process.env.HOME });
  let parsed: { status?: number; message?: string; result?: { instanceUrl?: string; accessToken?: string } };
  try {
    parsed = JSON.parse(result.stdout || '{}') as typeof parsed;
  } catch {
    parsed = {};
  }
  const { instanceUrl, accessToken } = parsed.result ?? {};
  if (!instanceUrl || !accessToken) {
    throw new InvalidInput(
      `Cannot read credentials of org "${alias}" from the sf CLI: ${parsed.message ?? (result.stderr || 'no output').trim()}. Log in with \`sf org login web --alias ${alias}\` or set SF_INSTANCE_URL and SF_ACCESS_TOKEN.`
    );
  }
  return { instanceUrl, accessToken };
}

/** Opens the target: a named org, the org in the environment, or the local org. */
export async function openTarget(options: TargetOptions = {}): Promise<Target> {
  if (options.targetOrg) {
    const creds = sfOrgCredentials(options.targetOrg);
    return {
      conn: new Connection({ ...creds, version: API_VERSION }),
      kind: 'org',
      label: options.targetOrg,
      id: creds.instanceUrl.replace(/\/+$/, '').toLowerCase(),
      close: async () => {}
    };
  }
  if (process.env.SF_INSTANCE_URL && process.env.SF_ACCESS_TOKEN) {
    return {
      conn: new Connection({
        instanceUrl: process.env.SF_INSTANCE_URL,
        accessToken: process.env.SF_ACCESS_TOKEN,
        version: API_VERSION
      }),
      kind: 'org',
      label: process.env.SF_INSTANCE_URL,
      id: process.env.SF_INSTANCE_URL.replace(/\/+$/, '').toLowerCase(),
      close: async () => {}
    };
  }
  const running = await startLocalOrg({
    port: 0,
    token: randomBytes(12).toString('hex'),
    // The CLI seeds and imports as the all-permissions integration user unless LOCALORG_USER says otherwise.
    user: process.env.LOCALORG_USER ?? 'admin',
    ...(options.db ? { dbFile: options.db } : {})
  });
  return {
    conn: new Connection({ instanceUrl: running.url, accessToken: running.token, version: API_VERSION }),
    kind: 'local',
    label: running.org.db.name,
    id: path.resolve(running.org.db.name),
    close: () => running.close()
  };
}
