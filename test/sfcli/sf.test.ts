/**
 * The real, pinned Salesforce CLI (`node_modules/@salesforce/cli`, isolated HOME, telemetry and update
 * checks off, no network) against the local org: login with an access token, org display, data query
 * (table and --json, parent and child relationships), record create/update/get/delete, data tree
 * export with a plan and its import into a second, empty local org. Each `sf` start costs 2 to 4 s.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { runSfAsync } from '../../scripts/lib/sf';
import { startLocalOrg, type RunningLocalOrg } from '../../localorg/server';
import { tempDir } from '../../localorg/test/helpers';

interface SfJson<T = unknown> {
  status: number;
  result: T;
  message?: string;
  name?: string;
}

describe('the sf CLI against the local org', () => {
  const tmp = tempDir('sfcli-');
  const home = path.join(tmp.dir, 'home');
  let org: RunningLocalOrg;
  let fresh: RunningLocalOrg;
  const started = Date.now();

  /** Runs `sf <args> --json` and parses its answer. */
  const sf = async <T = unknown>(
    args: string[],
    env: Record<string, string> = {},
    cwd = tmp.dir
  ): Promise<SfJson<T>> => {
    const r = await runSfAsync([...args, '--json'], { home, cwd, env });
    try {
      return JSON.parse(r.stdout) as SfJson<T>;
    } catch {
      throw new Error(`sf ${args.join(' ')} did not answer JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
    }
  };
  const ok = async <T = unknown>(
    args: string[],
    env: Record<string, string> = {},
    cwd?: string
  ): Promise<T> => {
    const r = await sf<T>(args, env, cwd);
    assert.equal(r.status, 0, `sf ${args.join(' ')} failed: ${JSON.stringify(r).slice(0, 800)}`);
    return r.result;
  };
  const login = (
    target: RunningLocalOrg,
    alias: string,
    token = target.token
  ): Promise<SfJson<{ username: string; orgId: string }>> =>
    sf(['org', 'login', 'access-token', '--instance-url', target.url, '--no-prompt', '--alias', alias], {
      SF_ACCESS_TOKEN: token
    });

  before(async () => {
    org = await startLocalOrg({ dbFile: path.join(tmp.dir, 'org.sqlite'), user: 'admin' });
    fresh = await startLocalOrg({ dbFile: path.join(tmp.dir, 'fresh.sqlite'), user: 'admin' });
  });
  after(async () => {
    await org?.close();
    await fresh?.close();
    tmp.cleanup();
    console.log(`sf CLI test: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  });

  it('logs in with the access token (a wrong token is refused) and displays the org', async () => {
    const wrong = await login(org, 'wrong', `${org.token.split('!')[0]}!not.the.token.of.this.start`);
    assert.notEqual(wrong.status, 0);
    assert.match(String(wrong.message), /Session expired or invalid/);
    const r = await login(org, 'local');
    assert.equal(r.status, 0, JSON.stringify(r));
    assert.equal(r.result.username, 'integration.user@keyplan.local');
    assert.equal(r.result.orgId, '00D000000000001AAA');
    const shown = await ok<{
      connectedStatus: string;
      username: string;
      instanceUrl: string;
      apiVersion: string;
    }>(['org', 'display', '--target-org', 'local']);
    assert.equal(shown.connectedStatus, 'Connected');
    assert.equal(shown.username, 'integration.user@keyplan.local');
    assert.equal(shown.instanceUrl.replace(/\/$/, ''), org.url);
    assert.equal(shown.apiVersion, '62.0');
  });

  let accountId = '';
  it('creates, updates, reads and queries records (relationship fields in the table and in --json)', async () => {
    const created = await ok<{ id: string; success: boolean }>([
      'data',
      'create',
      'record',
      '--target-org',
      'local',
      '--sobject',
      'Account',
      '--values',
      "Name='Orbital Works' Industry=Aerospace"
    ]);
    assert.equal(created.success, true);
    accountId = created.id;
    await ok([
      'data',
      'create',
      'record',
      '--target-org',
      'local',
      '--sobject',
      'Contact',
      '--values',
      `FirstName=Ada LastName=Lovelace Title=CTO AccountId=${accountId}`
    ]);
    await ok([
      'data',
      'create',
      'record',
      '--target-org',
      'local',
      '--sobject',
      'Contact',
      '--values',
      `FirstName=Grace LastName=Hopper AccountId=${accountId}`
    ]);
    await ok([
      'data',
      'update',
      'record',
      '--target-org',
      'local',
      '--sobject',
      'Account',
      '--record-id',
      accountId,
      '--values',
      "Name='Orbital Works Ltd'"
    ]);
    const got = await ok<Record<string, unknown>>([
      'data',
      'get',
      'record',
      '--target-org',
      'local',
      '--sobject',
      'Account',
      '--record-id',
      accountId
    ]);
    assert.equal(got.Name, 'Orbital Works Ltd');
    assert.equal(got.Industry, 'Aerospace');

    const q = await ok<{ totalSize: number; records: Record<string, unknown>[] }>([
      'data',
      'query',
      '--target-org',
      'local',
      '--query',
      'SELECT Id, Name, Owner.Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account'
    ]);
    assert.equal(q.totalSize, 1);
    const acc = q.records[0];
    assert.equal(acc.Name, 'Orbital Works Ltd');
    assert.equal((acc.Owner as { Name: string }).Name, 'Integration User');
    assert.deepEqual(
      (acc.Contacts as { records: { LastName: string }[] }).records.map((c) => c.LastName),
      ['Hopper', 'Lovelace']
    );
    // The human table reads the query's column metadata (`?columns=true`): relationship columns too.
    const table = await runSfAsync(
      [
        'data',
        'query',
        '--target-org',
        'local',
        '--query',
        'SELECT Name, Account.Name FROM Contact ORDER BY LastName'
      ],
      { home, cwd: tmp.dir }
    );
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /ACCOUNT\.NAME/);
    // The table's borders depend on the terminal (box drawing in a TTY, plain columns in CI): match the row.
    assert.match(table.stdout, /Grace Hopper[\s│|]*Orbital Works Ltd/);
    // A bad field is the platform's INVALID_FIELD, not a crash.
    const bad = await sf([
      'data',
      'query',
      '--target-org',
      'local',
      '--query',
      'SELECT Nope__c FROM Account'
    ]);
    assert.notEqual(bad.status, 0);
    assert.match(String(bad.message), /Nope__c/);
  });

  it('exports a tree with a plan and imports it into an empty org (same records)', async () => {
    const out = path.join(tmp.dir, 'tree');
    await ok([
      'data',
      'export',
      'tree',
      '--target-org',
      'local',
      '--plan',
      '--output-dir',
      out,
      '--query',
      'SELECT Name, Industry, (SELECT FirstName, LastName, Title FROM Contacts) FROM Account'
    ]);
    const plan = JSON.parse(readFileSync(path.join(out, 'Account-Contact-plan.json'), 'utf8')) as {
      sobject: string;
    }[];
    assert.deepEqual(
      plan.map((p) => p.sobject),
      ['Account', 'Contact']
    );
    assert.equal((await login(fresh, 'fresh')).status, 0);
    const imported = await ok<{ refId: string; type: string; id: string }[]>([
      'data',
      'import',
      'tree',
      '--target-org',
      'fresh',
      '--plan',
      path.join(out, 'Account-Contact-plan.json')
    ]);
    assert.deepEqual(
      imported.map((r) => r.type),
      ['Account', 'Contact', 'Contact']
    );
    const soql =
      'SELECT Name, Industry, (SELECT FirstName, LastName, Title FROM Contacts ORDER BY LastName) FROM Account';
    const strip = (r: unknown): unknown =>
      JSON.parse(JSON.stringify(r, (k, v) => (k === 'attributes' ? undefined : v)));
    const [a, b] = await Promise.all([
      ok<{ records: unknown[] }>(['data', 'query', '--target-org', 'local', '--query', soql]),
      ok<{ records: unknown[] }>(['data', 'query', '--target-org', 'fresh', '--query', soql])
    ]);
    assert.deepEqual(strip(b.records), strip(a.records));
  });

  it('deletes a record; a tree whose record fails writes nothing (all or none)', async () => {
    const q = await ok<{ records: { Id: string }[] }>([
      'data',
      'query',
      '--target-org',
      'fresh',
      '--query',
      "SELECT Id FROM Contact WHERE LastName = 'Hopper'"
    ]);
    await ok([
      'data',
      'delete',
      'record',
      '--target-org',
      'fresh',
      '--sobject',
      'Contact',
      '--record-id',
      q.records[0].Id
    ]);
    const left = await ok<{ totalSize: number }>([
      'data',
      'query',
      '--target-org',
      'fresh',
      '--query',
      'SELECT Id FROM Contact'
    ]);
    assert.equal(left.totalSize, 1);
    // Bypass the CLI for the failing tree: a Contact without LastName inside an Account tree.
    const res = await fetch(`${fresh.url}/services/data/v62.0/composite/tree/Account`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fresh.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        records: [
          {
            attributes: { type: 'Account', referenceId: 'a1' },
            Name: 'Half Tree',
            Contacts: {
              records: [{ attributes: { type: 'Contact', referenceId: 'c1' }, FirstName: 'No last name' }]
            }
          }
        ]
      })
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as {
      hasErrors: boolean;
      results: { referenceId: string; errors: { statusCode: string }[] }[];
    };
    assert.equal(body.hasErrors, true);
    assert.equal(body.results[0].referenceId, 'c1');
    assert.equal(body.results[0].errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
    const accounts = await ok<{ totalSize: number }>([
      'data',
      'query',
      '--target-org',
      'fresh',
      '--query',
      "SELECT Id FROM Account WHERE Name = 'Half Tree'"
    ]);
    assert.equal(accounts.totalSize, 0);
  });
});
