/**
 * The endpoints the sf CLI and Bulk API 2.0 clients need (identity.ts, columns.ts, tree.ts, bulk2.ts)
 * without the CLI: each needs the token, answers the platform's shapes, and refuses hostile input with
 * a 4xx naming the problem (never a 5xx), writing nothing.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningLocalOrg } from './server';
import { newToken, startLocalOrg } from './server';
import { tempDir } from './test/helpers';

describe('sf CLI and Bulk API endpoints', () => {
  const tmp = tempDir('sfapi-');
  let org: RunningLocalOrg;
  const call = async (
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {}
  ): Promise<{ status: number; json: unknown; text: string }> => {
    const res = await fetch(`${org.url}${url}`, {
      method,
      headers: {
        Authorization: `Bearer ${org.token}`,
        ...(body !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}),
        ...headers
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {})
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  };
  const count = (object: string): number =>
    (org.org.db.prepare(`SELECT COUNT(*) AS n FROM "${object}"`).get() as { n: number }).n;

  before(async () => {
    org = await startLocalOrg({ dbFile: path.join(tmp.dir, 'org.sqlite'), user: 'admin' });
  });
  after(async () => {
    await org.close();
    tmp.cleanup();
  });

  it('tokens look like session ids; identity, versions and column metadata need one', async () => {
    assert.match(newToken(), /^00D000000000001![A-Za-z0-9._]{43}$/);
    for (const url of [
      '/services/oauth2/userinfo',
      '/services/data',
      '/services/data/v58.0/query?q=x&columns=true'
    ])
      assert.equal((await fetch(`${org.url}${url}`)).status, 401, url);
    const info = (await call('GET', '/services/oauth2/userinfo')).json as Record<string, string>;
    assert.equal(info.preferred_username, 'integration.user@keyplan.local');
    assert.equal(info.organization_id, '00D000000000001AAA');
    const id = await call('GET', new URL(info.sub).pathname);
    assert.equal((id.json as { username: string }).username, 'integration.user@keyplan.local');
    assert.equal((await call('GET', `/id/00D000000000001AAA/005000000000000AAA`)).status, 404);
    const versions = (await call('GET', '/services/data')).json as { version: string }[];
    assert.equal(versions.at(-1)?.version, '62.0');
    assert.equal((await call('GET', '/services/data/v63.0/sobjects')).status, 404, 'an unserved version');
    const cols = (
      await call(
        'GET',
        `/services/data/v58.0/query?columns=true&q=${encodeURIComponent('SELECT name, owner.name, (SELECT lastname FROM contacts), COUNT(Id) FROM Account')}`
      )
    ).json as {
      columnMetadata: { columnName: string; aggregate: boolean; joinColumns: { columnName: string }[] }[];
    };
    assert.deepEqual(
      cols.columnMetadata.map((c) => [c.columnName, c.aggregate, c.joinColumns.map((j) => j.columnName)]),
      [
        ['Name', false, []],
        ['Owner', false, ['Name']],
        ['Contacts', true, ['LastName']],
        ['expr0', true, []]
      ]
    );
    assert.equal(
      (await call('GET', `/services/data/v62.0/query?columns=true&q=SELECT+Id+FROM+Nope`)).status,
      400
    );
  });

  it('composite/tree refuses hostile bodies by name and writes nothing', async () => {
    const tree = '/services/data/v62.0/composite/tree/Account';
    const rec = (i: number): Record<string, unknown> => ({
      attributes: { type: 'Account', referenceId: `r${i}` },
      Name: `A${i}`
    });
    const cases: [unknown, RegExp][] = [
      [[], /records array/],
      [{ records: [1] }, /must be a JSON object/],
      [{ records: [{ Name: 'x' }] }, /referenceId is required/],
      [{ records: [rec(1), rec(1)] }, /Duplicate ReferenceId/],
      [{ records: Array.from({ length: 201 }, (_, i) => rec(i)) }, /at most 200/],
      [{ records: [{ ...rec(1), attributes: { type: 'Contact', referenceId: 'r1' } }] }, /is not Account/],
      [{ records: [{ ...rec(1), Nope: { records: [] } }] }, /No such column 'Nope'/],
      [
        {
          records: [
            {
              ...rec(1),
              Contacts: { records: [{ attributes: { referenceId: 'c' }, Contacts: { records: [] } }] }
            }
          ]
        },
        /Contacts/
      ]
    ];
    for (const [body, msg] of cases) {
      const r = await call('POST', tree, body);
      assert.ok(r.status >= 400 && r.status < 500, `${JSON.stringify(body).slice(0, 80)}: ${r.status}`);
      assert.match(r.text, msg);
    }
    assert.equal((await call('GET', tree)).status, 405);
    assert.equal(count('Account'), 0);
    assert.equal(org.serverErrors, 0);
  });

  it('Bulk API 2.0 ingest refuses bad jobs, data and states by name', async () => {
    const jobs = '/services/data/v62.0/jobs/ingest';
    for (const [body, msg] of [
      [{}, /object is required/],
      [{ object: 'Account', operation: 'hardDelete' }, /operation must be one of/],
      [{ object: 'Account', operation: 'upsert' }, /externalIdFieldName/],
      [{ object: 'Account', operation: 'insert', columnDelimiter: 'PIPE' }, /COMMA/],
      [{ object: 'Nope__c', operation: 'insert' }, /Nope__c/]
    ] as [unknown, RegExp][]) {
      const r = await call('POST', jobs, body);
      assert.ok(r.status >= 400 && r.status < 500, `${JSON.stringify(body)}: ${r.status}`);
      assert.match(r.text, msg);
    }
    const job = (await call('POST', jobs, { object: 'Account', operation: 'insert' })).json as { id: string };
    assert.equal((await call('PUT', `${jobs}/${job.id}/batches`, { a: 1 })).status, 415);
    assert.equal((await call('GET', `${jobs}/${job.id}/successfulResults`)).status, 400);
    assert.equal((await call('PATCH', `${jobs}/${job.id}`, { state: 'JobComplete' })).status, 400);
    assert.equal(
      (await call('PUT', `${jobs}/${job.id}/batches`, 'Name\nA\n', { 'Content-Type': 'text/csv' })).status,
      201
    );
    assert.equal(
      (await call('PUT', `${jobs}/${job.id}/batches`, 'Name\nB\n', { 'Content-Type': 'text/csv' })).status,
      400
    );
    assert.equal((await call('PATCH', `${jobs}/${job.id}`, { state: 'Aborted' })).status, 200);
    assert.equal((await call('GET', `${jobs}/750LB9999999999AAA`)).status, 404);
    assert.equal((await call('GET', '/services/data/v62.0/jobs/query')).status, 404);
    assert.equal(
      (
        await call('POST', '/services/data/v62.0/sobjects/Account', 'Name\nA\n', {
          'Content-Type': 'text/csv'
        })
      ).status,
      415
    );
    assert.equal(count('Account'), 0, 'an aborted job writes nothing');
    assert.equal(org.serverErrors, 0);
  });
});
