/**
 * The import's Bulk API 2.0 transport (scripts/cli/bulk.ts) against the local org's Bulk API 2.0
 * (localorg/bulk2.ts), through the CLI: at or above the threshold an object's rows go in one ingest
 * job and the result equals a REST import; a Bulk job with a failing record is rolled back (snapshot
 * restored, created records deleted) and leaves every table as before. The job CSV follows the strict
 * CSV rules (one column per field, #N/A clears, empty leaves unchanged).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Connection } from 'jsforce';
import { startLocalOrg } from '../../localorg/server';
import { jobCsv } from '../../scripts/cli/bulk';
import { cliIn, dumpDb, dumpDiff } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely
const small = (): Json =>
  JSON.parse(readFileSync(path.join(ROOT, 'data/examples/small.bundle.json'), 'utf8')) as Json;

let dir: string;
let seq = 0;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyplan-bulk-'));
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

describe('Bulk API 2.0 imports', () => {
  test('job CSV: the union of fields, empty for a field a row does not name, #N/A for null', () => {
    assert.equal(
      jobCsv([
        { Keyplan_Key__c: 'a/1', Title: 'CEO, Group', Phone: null },
        { Keyplan_Key__c: 'a/2', Email: 'x@y.test', Title: '' }
      ]),
      'Keyplan_Key__c,Title,Phone,Email\na/1,"CEO, Group",#N/A,\na/2,#N/A,,x@y.test\n'
    );
  });

  test('at or above the threshold each object goes in one ingest job; the org equals a REST import', async () => {
    const rest = fresh();
    const bulk = fresh();
    const file = writeJson('small.json', small());
    assert.equal(
      (await cliIn(rest.db, rest.journals, '-q', 'import', '--bulk-threshold', 'Infinity', file)).code,
      0
    );
    const r = await cliIn(bulk.db, bulk.journals, '-q', '--json', 'import', '--bulk-threshold', '0', file);
    assert.equal(r.code, 0, r.err);
    const summary = JSON.parse(r.out) as { bulkJobs: { object: string; operation: string }[] };
    const objects = summary.bulkJobs.map((j) => j.object);
    for (const o of ['Account', 'Contact', 'Opportunity', 'Relationship_Link__c'])
      assert.ok(objects.includes(o), `${o} went through a Bulk job: ${objects.join(', ')}`);
    assert.deepEqual(dumpDiff(dumpDb(rest.db, true), dumpDb(bulk.db, true)), []);
    // A re-import through Bulk updates in place: nothing new.
    const again = await cliIn(
      bulk.db,
      bulk.journals,
      '-q',
      '--json',
      'import',
      '--bulk-threshold',
      '0',
      file
    );
    assert.equal(again.code, 0, again.err);
    const counts = (JSON.parse(again.out) as { objects: Record<string, { created: number }> }).objects;
    assert.equal(counts.Contact.created, 0);
  });

  test('a Bulk job with a failing record is rolled back: every table as before, no journal left', async () => {
    const { db, journals } = fresh();
    assert.equal((await cliIn(db, journals, '-q', 'import', writeJson('b1.json', small()))).code, 0);
    const beforeDump = dumpDb(db);
    const b = small();
    b.account.Name = 'Northwind Rail (renamed by Bulk)';
    b.contacts[1].Title = 'Chief Operating Officer';
    for (let i = 0; i < 30; i++) b.contacts.push({ key: `bulk-new-${i}`, LastName: `New ${i}` });
    b.plans[0].Mining_Goal__c = 900000; // over the revenue goal: the org refuses the plan in its Bulk job
    const r = await cliIn(db, journals, '-q', 'import', '--bulk-threshold', '0', writeJson('b2.json', b));
    assert.equal(r.code, 1, r.err);
    assert.match(
      r.err,
      /Account_Plan__c .*FIELD_CUSTOM_VALIDATION_EXCEPTION.*Bulk API job: 1 of 1 record\(s\) failed/
    );
    assert.match(
      r.err,
      /rolled back: restored [1-9]\d* record\(s\) as they were and deleted the [1-9]\d* record\(s\)/
    );
    assert.deepEqual(dumpDiff(beforeDump, dumpDb(db)), []);
    assert.deepEqual(readdirSync(journals), []);
  });

  test('the local Bulk API refuses bad job data by name and serves results as CSV', async () => {
    const { db } = fresh();
    const running = await startLocalOrg({ port: 0, dbFile: db, user: 'admin' });
    try {
      const conn = new Connection({ instanceUrl: running.url, accessToken: running.token, version: '62.0' });
      const bad = await conn.bulk2
        .loadAndWaitForResults({
          object: 'Account',
          operation: 'insert',
          input: 'Name,Name\nA,B\n',
          pollInterval: 100
        })
        .then(
          () => undefined,
          (e: Error) => e
        );
      assert.ok(bad, 'a duplicate column fails the job');
      assert.match(bad.message, /InvalidBatch : .*Duplicate column "Name"/);
      const res = await conn.bulk2.loadAndWaitForResults({
        object: 'Account',
        operation: 'insert',
        input: 'Name,Industry\nGood,Aerospace\n,Aerospace\n',
        pollInterval: 100
      });
      assert.equal(res.successfulResults.length, 1);
      assert.equal(res.failedResults.length, 1);
      assert.match(String((res.failedResults[0] as Json).sf__Error), /REQUIRED_FIELD_MISSING/);
      // Without the token: 401, as everywhere else.
      const anon = await fetch(`${running.url}/services/data/v62.0/jobs/ingest`);
      assert.equal(anon.status, 401);
    } finally {
      await running.close();
    }
  });
});
