/**
 * `keyplan tune` against the local org: an org-level override lands in Keyplan_Tuning__c, the formula
 * fields read it at once (Keyplan_BANT_Score__c through jsforce), clearing it brings the packaged default back,
 * and bad input writes nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Connection } from 'jsforce';
import { startLocalOrg } from '../../localorg/server';
import { runCli } from '../../scripts/cli/cli';
import { parseAssignments } from '../../scripts/cli/tune';

const SMALL = path.resolve(__dirname, '../../data/examples/small.bundle.json');
let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyplan-tune-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(db: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--db', db, ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** Keyplan_BANT_Score__c of every opportunity whose budget is Identified, by name, read through jsforce. */
async function scores(db: string): Promise<Record<string, number | null>> {
  const running = await startLocalOrg({ port: 0, dbFile: db, token: 't' });
  try {
    const conn = new Connection({ instanceUrl: running.url, accessToken: 't', version: '62.0' });
    const rows = await conn.query<{ Name: string; Keyplan_BANT_Score__c: number | null }>(
      "SELECT Name, Keyplan_BANT_Score__c FROM Opportunity WHERE Keyplan_Budget_Status__c = 'Identified' ORDER BY Name"
    );
    return Object.fromEntries(rows.records.map((r) => [r.Name, r.Keyplan_BANT_Score__c]));
  } finally {
    await running.close();
  }
}

type Row = { name: string; packaged: number | null; override: number | null; effective: number | null };
const row = (out: string, name: string): Row =>
  (JSON.parse(out) as { settings: Row[] }).settings.find((r) => r.name === name)!;

test('tune sets and clears org-level overrides, and the formulas follow', async () => {
  const db = path.join(dir, 'org.sqlite');
  assert.equal((await cli(db, '-q', 'import', SMALL)).code, 0);
  const before = await scores(db);
  assert.ok(Object.keys(before).length > 0, 'the example has an opportunity with an identified budget');

  const set = await cli(db, '--json', 'tune', 'BANT_Points_Identified=20', 'Heat_Hot=60');
  assert.equal(set.code, 0, set.err);
  assert.deepEqual(row(set.out, 'BANT_Points_Identified'), {
    name: 'BANT_Points_Identified',
    packaged: 50,
    override: 20,
    effective: 20
  });
  const tuned = await scores(db);
  for (const name of Object.keys(before))
    assert.ok((tuned[name] ?? 0) < (before[name] ?? 0), `${name}: identified is worth less now`);

  const cleared = await cli(db, '--json', 'tune', 'BANT_Points_Identified=');
  assert.equal(row(cleared.out, 'BANT_Points_Identified').effective, 50);
  assert.equal(row(cleared.out, 'Heat_Hot').override, 60, 'the other override stays');
  assert.deepEqual(await scores(db), before);

  const reset = await cli(db, '--json', 'tune', '--reset');
  assert.equal(row(reset.out, 'Heat_Hot').override, null);
  const table = await cli(db, 'tune');
  assert.match(table.out, /^Heat_Hot +50 +- +50$/m);
});

test('bad assignments are all reported and nothing is written', async () => {
  const db = path.join(dir, 'bad.sqlite');
  const r = await cli(db, 'tune', 'Heat_Hot=60', 'Nope=1', 'Heat_Warm=1.234', 'Heat_Strong');
  assert.equal(r.code, 2);
  assert.match(r.err, /3 bad setting\(s\); nothing was written/);
  assert.match(r.err, /Nope=1: unknown setting/);
  assert.match(r.err, /Heat_Warm=1\.234: must be a number with at most 2 decimals/);
  assert.match(r.err, /Heat_Strong: expected Name=value/);
  assert.equal(row((await cli(db, '--json', 'tune')).out, 'Heat_Hot').override, null);
  assert.deepEqual(parseAssignments(['Heat_Hot=-1.5', 'Heat_Warm=']), { Heat_Hot: -1.5, Heat_Warm: null });
});
