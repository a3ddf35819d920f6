/**
 * All-or-none imports against the local org, through the CLI (jsforce over HTTP, no local shortcuts):
 * a re-import that fails late leaves every table as it was (same Ids, contact roles included); fields
 * a bundle omits stay, `null` clears; the offering catalogue is not renamed by another account's
 * import; account keys are case-sensitive; blank fields export as absent; CSV exports neutralise
 * formulas. Kill-and-recover: an import is SIGKILLed mid-way in a child process, the next command
 * refuses to run, `import --rollback` gives back a database equal to before (every table compared) and
 * `import --resume` one equal to a complete import.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Connection } from 'jsforce';
import { largeBundle } from '../../data';
import { startLocalOrg } from '../../localorg/server';
import { csvCell } from '../../scripts/cli/csv';
import type { AccountBundleInput } from '../../src/bundle/schema';
import { cliIn, dumpDb, dumpDiff, normaliseBundle } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SMALL = readFileSync(path.join(ROOT, 'data/examples/small.bundle.json'), 'utf8');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely
const small = (): Json => JSON.parse(SMALL) as Json;

let dir: string;
let seq = 0;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyplan-recover-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (): { db: string; journals: string } => {
  seq++;
  return { db: path.join(dir, `org-${seq}.sqlite`), journals: path.join(dir, `journal-${seq}`) };
};
const writeJson = (name: string, value: unknown): string => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

/** Runs SOQL/DML through jsforce against a local org on `db`. */
async function withOrg<T>(db: string, fn: (conn: Connection) => Promise<T>): Promise<T> {
  const running = await startLocalOrg({ port: 0, dbFile: db, token: 'recover-test' });
  try {
    return await fn(
      new Connection({ instanceUrl: running.url, accessToken: running.token, version: '62.0' })
    );
  } finally {
    await running.close();
  }
}

/** Copies a database (with its WAL) and the journal folder, pointing the journal at the copy. */
function copyState(db: string, journals: string, tag: string): { db: string; journals: string } {
  const to = { db: path.join(dir, `${tag}.sqlite`), journals: path.join(dir, `${tag}-journal`) };
  for (const ext of ['', '-wal', '-shm']) if (existsSync(db + ext)) copyFileSync(db + ext, to.db + ext);
  if (existsSync(journals)) {
    cpSync(journals, to.journals, { recursive: true });
    for (const f of readdirSync(to.journals).filter((x) => /^[\w-]+\.json$/.test(x))) {
      const file = path.join(to.journals, f);
      const h = JSON.parse(readFileSync(file, 'utf8')) as { target: string };
      h.target = path.resolve(to.db);
      writeFileSync(file, JSON.stringify(h));
    }
  }
  return to;
}

/**
 * Starts `keyplan import <file>` in a child process and SIGKILLs it once its journal shows `batches`
 * write batches. Returns the batches the journal showed at the kill.
 */
async function importAndKill(
  db: string,
  journals: string,
  file: string,
  batches: number,
  signal: NodeJS.Signals = 'SIGKILL'
): Promise<number> {
  return (await importAndSignal(db, journals, file, batches, signal)).batches;
}

async function importAndSignal(
  db: string,
  journals: string,
  file: string,
  batches: number,
  signal: NodeJS.Signals
): Promise<{ batches: number; code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/cli/main.ts', '--db', db, '--journal-dir', journals, '-q', 'import', file],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  let code: number | null = null;
  const done = new Promise<void>((resolve) =>
    child.on('exit', (c) => {
      exited = true;
      code = c;
      resolve();
    })
  );
  const started = Date.now();
  let seen = 0;
  while (!exited && Date.now() - started < 240_000) {
    if (existsSync(journals)) {
      const header = readdirSync(journals).find((x) => /^[\w-]+\.json$/.test(x));
      if (header) {
        try {
          seen = (JSON.parse(readFileSync(path.join(journals, header), 'utf8')) as { batches: number })
            .batches;
        } catch {
          // being renamed into place: read it next time
        }
        if (seen >= batches) {
          child.kill(signal);
          break;
        }
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await done;
  assert.ok(seen >= batches, `the import ended before the kill (journal showed ${seen} batches): ${stderr}`);
  return { batches: seen, code, stderr };
}

describe('all-or-none import', () => {
  test('a re-import that fails late leaves every table exactly as before (same Ids, same contact roles)', async () => {
    const { db, journals } = fresh();
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('s1.json', small()))).code, 0);
    const beforeDump = dumpDb(db);
    const b = small();
    b.account.Name = 'Northwind Rail (renamed)';
    b.contacts[1].Title = 'Chief Operating Officer';
    delete b.contacts[0].Title;
    b.contacts[2].Title = null;
    b.opportunities[0].Amount = 999999;
    b.opportunities[0].contactRoles = [{ contact: 'ceo', Role: 'Economic Buyer', IsPrimary: true }];
    b.links[0].Strength__c = 1;
    b.contacts.push({ key: 'new-guy', LastName: 'New' });
    b.plans[0].Mining_Goal__c = 900000; // over the revenue goal: the org refuses the plan, late in the run
    const r = await cliIn(db, journals, '-q', 'import', writeJson('s2.json', b));
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /FIELD_CUSTOM_VALIDATION_EXCEPTION/);
    assert.match(r.err, /rolled back: restored [1-9]\d* record\(s\) as they were/);
    assert.deepEqual(dumpDiff(beforeDump, dumpDb(db)), []);
    assert.deepEqual(dumpDb(db), beforeDump);
    assert.deepEqual(readdirSync(journals), [], 'a settled run leaves no journal');
  });

  test('absent fields stay, null clears; unchanged contact roles keep their Id', async () => {
    const { db, journals } = fresh();
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('a1.json', small()))).code, 0);
    const rolesBefore = dumpDb(db).OpportunityContactRole;
    const b = small();
    delete b.contacts[0].Title; // ceo: stays
    b.contacts[1].Title = null; // coo: cleared
    delete b.account.Industry;
    const r = await cliIn(db, journals, '-q', 'import', writeJson('a2.json', b));
    assert.equal(r.code, 0, r.err);
    const ex = JSON.parse((await cliIn(db, journals, 'export', 'northwind')).out) as Json;
    const s = small();
    assert.equal(ex.contacts.find((c: Json) => c.key === s.contacts[0].key).Title, s.contacts[0].Title);
    assert.equal(ex.contacts.find((c: Json) => c.key === s.contacts[1].key).Title, undefined);
    assert.equal(ex.account.Industry, s.account.Industry);
    assert.deepEqual(dumpDb(db).OpportunityContactRole, rolesBefore, 'same roles, same Ids');

    // A changed role is updated in place: its Id stays.
    const c = small();
    c.opportunities[0].contactRoles[0].Role = 'Decision Maker';
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('a3.json', c))).code, 0);
    const after = dumpDb(db).OpportunityContactRole;
    assert.deepEqual(
      after.map((x) => x.Id),
      rolesBefore.map((x) => x.Id)
    );
    assert.ok(after.some((x) => x.Role === 'Decision Maker'));
  });

  test("another account's bundle does not rename the shared offerings unless --update-offerings", async () => {
    const { db, journals } = fresh();
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('o1.json', small()))).code, 0);
    const name = small().offerings[0].Name as string;
    const other = small();
    other.account.key = 'other';
    other.account.Name = 'Other Co';
    other.offerings[0].Name = 'Renamed by Other';
    const r = await cliIn(db, journals, '--json', '-q', 'import', writeJson('o2.json', other));
    assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(r.out) as { offeringsKept: number }).offeringsKept, other.offerings.length);
    const names = (): unknown[] => dumpDb(db).Offering__c.map((o) => o.Name);
    assert.ok(names().includes(name) && !names().includes('Renamed by Other'));
    const u = await cliIn(db, journals, '-q', 'import', '--update-offerings', path.join(dir, 'o2.json'));
    assert.equal(u.code, 0, u.err);
    assert.ok(names().includes('Renamed by Other'));
  });

  test('account keys are case-sensitive like the external id: both accounts import and export', async () => {
    const { db, journals } = fresh();
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('k1.json', small()))).code, 0);
    const upper = small();
    upper.account.key = 'Northwind';
    upper.account.Name = 'Northwind Upper';
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('k2.json', upper))).code, 0);
    assert.equal(dumpDb(db).Account.length, 2);
    const lo = await cliIn(db, journals, 'export', 'northwind');
    const up = await cliIn(db, journals, 'export', 'Northwind');
    assert.equal(lo.code, 0, lo.err);
    assert.equal(up.code, 0, up.err);
    assert.equal((JSON.parse(lo.out) as Json).account.Name, small().account.Name);
    assert.equal((JSON.parse(up.out) as Json).account.Name, 'Northwind Upper');
  });

  test('a blank cell state exports as absent (never "null") and re-imports', async () => {
    const { db, journals } = fresh();
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('c1.json', small()))).code, 0);
    await withOrg(db, async (conn) => {
      const cells = await conn.query<{ Id: string }>('SELECT Id FROM Landscape_Cell__c');
      for (const c of cells.records)
        await conn.sobject('Landscape_Cell__c').update({ Id: c.Id, State__c: null } as never);
    });
    const ex = await cliIn(db, journals, 'export', 'northwind');
    assert.equal(ex.code, 0, ex.err);
    assert.doesNotMatch(ex.out, /"null"/);
    const bundle = JSON.parse(ex.out) as Json;
    assert.ok(bundle.cells.length > 0 && bundle.cells.every((c: Json) => !('State__c' in c)));
    for (const format of ['json', 'csv']) {
      const land = await cliIn(
        db,
        journals,
        'export-landscape',
        'northwind',
        '--fy',
        '2026',
        '--format',
        format
      );
      assert.equal(land.code, 0, land.err);
      assert.doesNotMatch(
        land.out,
        /"null"|(^|,)null(,|$)/m,
        `export-landscape --format ${format}: no "null"`
      );
      if (format === 'json') assert.match(land.out, /"status": "unassessed"/);
    }
    const r = await cliIn(db, journals, '-q', 'import', writeJson('c2.json', bundle));
    assert.equal(r.code, 0, r.err);
    assert.ok(dumpDb(db).Landscape_Cell__c.every((c) => c.State__c === null));
  });

  test('CSV exports neutralise spreadsheet formulas', async () => {
    assert.equal(csvCell('=1+1'), `"'=1+1"`);
    assert.equal(csvCell('+1'), `"'+1"`);
    assert.equal(csvCell('-2'), `"'-2"`);
    assert.equal(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.equal(csvCell('\tx'), `"'\tx"`);
    assert.equal(csvCell('\rx'), `"'\rx"`);
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.equal(csvCell(-5), '-5', 'numbers stay numbers');
    assert.equal(csvCell('a,b'), '"a,b"');
    const { db, journals } = fresh();
    const b = small();
    b.buyingCenters[0].Name = '=HYPERLINK("http://evil","x")';
    b.offerings[0].Name = '@SUM(1+1)';
    for (const c of b.cells) if (c.State__c === 'Competitor') c.Competitor__c = '+cmd|calc';
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('f1.json', b))).code, 0);
    const csv = await cliIn(db, journals, 'export-landscape', 'northwind', '--fy', '2026', '--format', 'csv');
    assert.equal(csv.code, 0, csv.err);
    const cells = csv.out.split('\n').flatMap((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    assert.ok(cells.includes(`"'=HYPERLINK(""http://evil"",""x"")"`), csv.out);
    assert.ok(cells.includes(`"'@SUM(1+1)"`), csv.out);
    assert.ok(cells.includes(`"'+cmd|calc"`), csv.out);
    assert.ok(!cells.some((c) => /^[=+@\t\r]/.test(c) || /^-[^\d]/.test(c)), 'no cell starts a formula');
  });
});

/** A generated account with contact roles, and a second version of it that changes, clears and adds. */
function generatedPair(contacts: number): { v1: AccountBundleInput; v2: AccountBundleInput } {
  const v1 = largeBundle({ contacts, links: contacts, seed: 5, today: '2026-05-01' }) as Json;
  v1.opportunities.forEach((o: Json, i: number) => {
    o.contactRoles = [
      { contact: `c-${i}`, Role: 'Decision Maker', IsPrimary: true },
      { contact: `c-${i + 1}`, Role: 'Evaluator' }
    ];
  });
  const v2 = structuredClone(v1);
  v2.account.Name = `${String(v1.account.Name)} v2`;
  v2.contacts.forEach((c: Json, i: number) => {
    if (i % 2) c.Title = `Title v2 ${i}`;
    else c.Title = null;
  });
  v2.opportunities.forEach((o: Json, i: number) => {
    o.Amount = 1000 * (i + 1);
    o.contactRoles = [{ contact: `c-${i + 2}`, Role: 'Influencer', IsPrimary: true }];
  });
  v2.links.forEach((l: Json) => (l.Strength__c = 2));
  for (let i = 0; i < 200; i++)
    v2.contacts.push({ key: `new-${i}`, LastName: `New ${i}`, reportsTo: 'c-0', buyingCenter: 'bc-1' });
  return { v1: v1 as AccountBundleInput, v2: v2 as AccountBundleInput };
}

describe('kill and recover', () => {
  test('a killed re-import (1,500 contacts) is refused by the next command, rolled back to equal, resumed to complete', async () => {
    const { db, journals } = fresh();
    const { v1, v2 } = generatedPair(1500);
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('g1.json', v1))).code, 0);
    const reference = copyState(db, path.join(dir, 'none'), 'g-ref');
    const beforeDump = dumpDb(db);

    const batches = await importAndKill(db, journals, writeJson('g2.json', v2), 12);
    const partial = dumpDiff(beforeDump, dumpDb(db)).length;
    assert.ok(partial > 0, 'the kill left partial writes to recover from');

    const blocked = await cliIn(db, journals, 'export', 'stratosphere');
    assert.equal(blocked.code, 3, blocked.err);
    assert.match(blocked.err, /did not finish/);
    assert.match(blocked.err, /import --rollback/);
    assert.match(blocked.err, /import --resume/);
    assert.equal((await cliIn(db, journals, '-q', 'import', path.join(dir, 'g1.json'))).code, 3);

    const copy = copyState(db, journals, 'g-resume');

    const rb = await cliIn(db, journals, 'import', '--rollback');
    assert.equal(rb.code, 0, rb.err);
    assert.deepEqual(dumpDiff(beforeDump, dumpDb(db)), []);
    assert.deepEqual(dumpDb(db), beforeDump, 'rollback: every table equal to before (same Ids)');
    assert.deepEqual(readdirSync(journals), []);
    assert.equal(
      (await cliIn(db, journals, 'export', 'stratosphere', '-o', path.join(dir, 'x.json'))).code,
      0
    );

    const rs = await cliIn(copy.db, copy.journals, '-q', 'import', '--resume');
    assert.equal(rs.code, 0, rs.err);
    const full = await cliIn(
      reference.db,
      path.join(dir, 'ref-journal'),
      '-q',
      'import',
      path.join(dir, 'g2.json')
    );
    assert.equal(full.code, 0, full.err);
    assert.deepEqual(dumpDiff(dumpDb(reference.db, true), dumpDb(copy.db, true)), []);
    console.log(
      `kill-and-recover (1,500 contacts, re-import): killed after ${batches} write batches; ${partial} table(s) partly written; rollback equal to before: yes; resume equal to a complete import: yes`
    );
  });

  test('Ctrl-C (SIGINT) mid-way stops before the next batch and rolls back: equal to before, no journal left', async () => {
    const { db, journals } = fresh();
    const { v1, v2 } = generatedPair(600);
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('i1.json', v1))).code, 0);
    const beforeDump = dumpDb(db);
    const r = await importAndSignal(db, journals, writeJson('i2.json', v2), 5, 'SIGINT');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /SIGINT: stopping the import and rolling it back/);
    assert.match(r.stderr, /interrupted before/);
    assert.match(r.stderr, /rolled back: restored \d+ record\(s\)/);
    assert.deepEqual(dumpDiff(beforeDump, dumpDb(db)), []);
    assert.deepEqual(readdirSync(journals), []);
  });

  test('a killed import of the 10,000-contact bundle is rolled back to equal and resumed to complete', async () => {
    const { db, journals } = fresh();
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('base.json', small()))).code, 0);
    const beforeDump = dumpDb(db);
    const big = largeBundle({ today: '2026-05-01' });
    const started = Date.now();
    const batches = await importAndKill(db, journals, writeJson('big.json', big), 8);
    const written = dumpDb(db).Contact.length - beforeDump.Contact.length;
    assert.ok(written > 0, 'contacts were written before the kill');
    assert.equal((await cliIn(db, journals, 'export', 'northwind')).code, 3);
    const copy = copyState(db, journals, 'big-resume');

    const rb = await cliIn(db, journals, '-q', 'import', '--rollback');
    assert.equal(rb.code, 0, rb.err);
    assert.deepEqual(dumpDiff(beforeDump, dumpDb(db)), []);

    const rs = await cliIn(copy.db, copy.journals, '-q', 'import', '--resume');
    assert.equal(rs.code, 0, rs.err);
    const ex = await cliIn(copy.db, copy.journals, 'export', 'stratosphere');
    assert.equal(ex.code, 0, ex.err);
    assert.deepEqual(normaliseBundle(JSON.parse(ex.out)), normaliseBundle(big));
    assert.deepEqual(
      dumpDb(copy.db).Account.length,
      beforeDump.Account.length + 1,
      'one new account, nothing else duplicated'
    );
    console.log(
      `kill-and-recover (10,000 contacts, 30,354 records): killed after ${batches} write batches (${written} contacts written); rollback equal to before: yes; resume equal to the bundle: yes; ${Math.round((Date.now() - started) / 1000)} s`
    );
  });
});
