/**
 * The QBR export's "since last review" sections (issue 22) against a real local org: a meeting logged and a
 * stance changed after the review date show up as heat gained and a stance change, per buying center.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Connection } from 'jsforce';
import { startLocalOrg } from '../../localorg/server';
import { runCli } from '../../scripts/cli/cli';

const ROOT = path.resolve(__dirname, '../..');
const SMALL = path.join(ROOT, 'data/examples/small.bundle.json');
let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyplan-since-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(db: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--db', db, '--journal-dir', path.join(dir, 'journal'), ...args], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t)
  });
  return { code, out, err };
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('export-plan lists stance changes and heat gained since the review date', async () => {
  const db = path.join(dir, 'org.sqlite');
  assert.equal((await cli(db, '-q', 'import', SMALL)).code, 0);
  const running = await startLocalOrg({ port: 0, dbFile: db, token: 't' });
  try {
    const conn = new Connection({ instanceUrl: running.url, accessToken: 't', version: '62.0' });
    const cio = (await conn.query<{ Id: string }>("SELECT Id FROM Contact WHERE LastName = 'Tanaka'"))
      .records[0];
    await conn.sobject('Contact').update({ Id: cio.Id, Keyplan_Stance__c: 'Detractor' });
    for (const offset of [-1, -8, -15, -22])
      await conn.sobject('Event').create({
        Subject: 'Weekly sync',
        WhoId: cio.Id,
        StartDateTime: `${day(offset)}T09:00:00.000Z`,
        EndDateTime: `${day(offset)}T10:00:00.000Z`
      });
  } finally {
    await running.close();
  }
  const md = await cli(
    db,
    'export-plan',
    'northwind',
    '--format',
    'md',
    '--since',
    day(-30),
    '--today',
    day(0)
  );
  assert.equal(md.code, 0, md.err);
  assert.ok(md.out.includes(`## Since last review (${day(-30)})`), md.out);
  assert.match(md.out, /\| (\*\*)?Mei Tanaka(\*\*)? \| stance \| [^|]+ \| Detractor \|/);
  assert.match(md.out, /\| Mei Tanaka \| \d+ \| \d+ \| \+\d+ \|/);
  assert.match(md.out, /: .*1 stance or role change, heat \+\d+/);
  const bad = await cli(db, 'export-plan', 'northwind', '--since', 'last week');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--since must be a date YYYY-MM-DD/);
});
