/**
 * The preview page server answers its own page only: Host, Origin/Sec-Fetch-Site, the per-start
 * secret and JSON-only POSTs are checked on every API request; the local org token stays server-side.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir } from '../../localorg/test/helpers';
import { DIST, ROOT } from '../../preview/build';
import { startPreview, type RunningPreview } from '../../preview/server';

/** A raw HTTP request (fetch would not let us forge Host or Sec-Fetch-Site). */
function raw(
  url: string,
  method: string,
  pathName: string,
  headers: Record<string, string>,
  body?: string
): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method, path: pathName, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// The checks do not need the built bundle: without preview/dist, serve the bare page.
const dist = existsSync(path.join(DIST, 'index.html')) ? DIST : path.join(ROOT, 'preview/client');

describe('preview page server: only its own page gets in', () => {
  const tmp = tempDir('preview-sec-');
  let preview: RunningPreview;
  let host: string;
  before(async () => {
    preview = await startPreview({ port: 0, dbFile: path.join(tmp.dir, 'org.sqlite'), dist });
    host = new URL(preview.url).host;
  });
  after(async () => {
    await preview?.close();
    tmp.cleanup();
  });
  const own = (extra: Record<string, string> = {}): Record<string, string> => ({
    Host: host,
    'X-Keyplan-Preview': preview.secret,
    'Content-Type': 'application/json',
    ...extra
  });
  const apex = '/apex/OrgChartController/loadOrgChartPage';

  it('the page embeds the secret and the config in its HTML; never the local org token', async () => {
    const page = await raw(preview.url, 'GET', '/', { Host: host });
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(`content="${preview.secret}"`));
    assert.ok(page.text.includes('window.__keyplanPreview'));
    assert.ok(!page.text.includes(preview.localOrg.token));
    assert.ok(!page.text.includes('/preview-config.js'));
  });

  it('its own requests work: accounts list and an Apex call', async () => {
    const accounts = await raw(preview.url, 'GET', '/preview/api/accounts', own());
    assert.equal(accounts.status, 200, accounts.text);
    const call = await raw(
      preview.url,
      'POST',
      apex,
      own({ Origin: `http://${host}`, 'Sec-Fetch-Site': 'same-origin' }),
      '{}'
    );
    assert.notEqual(call.status, 403, call.text);
  });

  const hostile: [string, string, string, Record<string, string>, string?][] = [
    ['foreign Host (DNS rebinding) on the page', 'GET', '/', { Host: 'evil.example:80' }],
    ['foreign Host with the secret', 'GET', '/preview/api/accounts', { Host: 'attacker.test' }],
    ['no secret', 'GET', '/preview/api/accounts', { Host: 'HOST' }],
    ['wrong secret', 'GET', '/preview/api/accounts', { Host: 'HOST', 'X-Keyplan-Preview': 'guess' }],
    [
      'cross-origin text/plain POST',
      'POST',
      apex,
      { Host: 'HOST', Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      '{}'
    ],
    [
      'cross-site fetch with the secret',
      'GET',
      '/preview/api/accounts',
      { Host: 'HOST', 'Sec-Fetch-Site': 'cross-site', 'X-Keyplan-Preview': 'SECRET' }
    ],
    [
      'foreign Origin with the secret',
      'GET',
      '/services/data/v62.0/sobjects/Account/describe',
      { Host: 'HOST', Origin: 'http://evil.example', 'X-Keyplan-Preview': 'SECRET' }
    ],
    [
      'same-origin text/plain POST with the secret',
      'POST',
      apex,
      { Host: 'HOST', 'X-Keyplan-Preview': 'SECRET', 'Content-Type': 'text/plain' },
      '{}'
    ],
    [
      'script include of the old config route',
      'GET',
      '/preview-config.js',
      { Host: 'HOST', 'Sec-Fetch-Site': 'cross-site' }
    ]
  ];
  for (const [name, method, p, headers, body] of hostile) {
    it(`refuses: ${name}`, async () => {
      const h = Object.fromEntries(
        Object.entries(headers).map(([k, v]) => [
          k,
          v.replace('HOST', host).replace('SECRET', preview.secret)
        ])
      );
      const r = await raw(preview.url, method, p, h, body);
      assert.equal(r.status, 403, `${name}: ${r.status} ${r.text.slice(0, 200)}`);
      assert.match(r.text, /refused|X-Keyplan-Preview|Content-Type|Host/);
      assert.ok(!r.text.includes(preview.secret), 'the secret never leaks in an error');
    });
  }

  it("forwards updateRecord's single-record PATCH with its If-Unmodified-Since; no other REST write", async () => {
    const { org } = preview.localOrg;
    const id = org.write(() => org.insert('Account', { Name: 'Patched by the page' }));
    const record = `/services/data/v62.0/sobjects/Account/${id}`;
    const stamp = String(org.get('Account', id)!.LastModifiedDate);
    const ok = await raw(
      preview.url,
      'PATCH',
      record,
      own({ 'If-Unmodified-Since': stamp }),
      JSON.stringify({ Name: 'Renamed by the page' })
    );
    assert.equal(ok.status, 204, ok.text);
    assert.equal(org.get('Account', id)!.Name, 'Renamed by the page');
    const stale = await raw(
      preview.url,
      'PATCH',
      record,
      own({ 'If-Unmodified-Since': 'Thu, 01 Jan 2015 00:00:00 GMT' }),
      JSON.stringify({ Name: 'Stale' })
    );
    assert.equal(stale.status, 412, stale.text);
    assert.match(stale.text, /PRECONDITION_FAILED/);
    assert.equal(org.get('Account', id)!.Name, 'Renamed by the page');
    // The standard create form's write: one new record of one object.
    const created = await raw(
      preview.url,
      'POST',
      '/services/data/v62.0/sobjects/Account',
      own({}),
      JSON.stringify({ Name: 'Created by the page' })
    );
    assert.equal(created.status, 201, created.text);
    assert.equal(
      org.get('Account', (JSON.parse(created.text) as { id: string }).id)!.Name,
      'Created by the page'
    );
    for (const [method, p] of [
      ['DELETE', record],
      ['POST', record],
      ['PATCH', '/services/data/v62.0/composite/sobjects'],
      ['POST', '/services/data/v62.0/composite']
    ]) {
      // A refusal leaves the body unread: no keep-alive reuse of that socket.
      const r = await raw(preview.url, method, p, own({ Connection: 'close' }), '{}');
      assert.equal(r.status, 405, `${method} ${p}: ${r.status} ${r.text.slice(0, 200)}`);
    }
    const foreign = await raw(
      preview.url,
      'PATCH',
      record,
      { Host: host, Origin: 'http://evil.example', 'X-Keyplan-Preview': preview.secret },
      '{}'
    );
    assert.equal(foreign.status, 403);
  });
});
