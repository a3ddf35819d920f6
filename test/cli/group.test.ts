/**
 * Group accounts through the keyplan CLI against the local org: a bundle carrying a three-level hierarchy
 * (the account, a subsidiary, its subsidiary and theirs) with people, deals, a cross-company reporting line
 * and link, and a buying center naming its subsidiary, round-trips through import and export; a broken
 * hierarchy is refused before anything is written.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AccountBundleInput } from '../../src/bundle/schema';
import { cliIn, normaliseBundle as normalise } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const SMALL = path.join(ROOT, 'data/examples/small.bundle.json');

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyplan-group-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

type Rec = Record<string, unknown>;

/** The small example grown into a group: northwind > nw-freight > nw-freight-pl > nw-freight-pl-svc. */
function groupBundle(): AccountBundleInput {
  const b = JSON.parse(readFileSync(SMALL, 'utf8')) as AccountBundleInput & {
    contacts: Rec[];
    opportunities: Rec[];
    buyingCenters: Rec[];
    links: Rec[];
  };
  b.subsidiaries = [
    { key: 'nw-freight', Name: 'Northwind Freight', BillingCountry: 'Germany', parent: null },
    {
      key: 'nw-freight-pl',
      Name: 'Northwind Freight Polska',
      BillingCountry: 'Poland',
      parent: 'nw-freight'
    },
    {
      key: 'nw-freight-pl-svc',
      Name: 'Northwind Freight Services',
      BillingCountry: 'Poland',
      parent: 'nw-freight-pl'
    }
  ];
  b.contacts.push(
    {
      key: 'freight-md',
      account: 'nw-freight',
      LastName: 'Adler',
      Title: 'Managing Director',
      reportsTo: 'ceo',
      buyingCenter: null
    },
    {
      key: 'pl-md',
      account: 'nw-freight-pl',
      LastName: 'Nowak',
      Title: 'Prezes',
      reportsTo: 'freight-md',
      buyingCenter: null
    },
    {
      key: 'svc-lead',
      account: 'nw-freight-pl-svc',
      LastName: 'Zielinski',
      Title: 'Service Lead',
      reportsTo: 'ceo',
      buyingCenter: 'ops'
    }
  );
  b.buyingCenters.push({
    key: 'freight-ops',
    Name: 'Freight Operations',
    subsidiary: 'nw-freight',
    parent: null
  });
  b.opportunities.push(
    {
      key: 'svc-deal',
      account: 'nw-freight-pl-svc',
      Name: 'Depot services',
      StageName: 'Closed Won',
      CloseDate: '2026-06-30',
      Amount: 7000000,
      buyingCenter: 'ops',
      offering: null,
      contactRoles: [{ contact: 'svc-lead', IsPrimary: true }]
    },
    {
      key: 'freight-deal',
      account: 'nw-freight',
      Name: 'Freight telematics',
      StageName: 'Proposal/Price Quote',
      CloseDate: '2026-09-30',
      Amount: 9000000,
      buyingCenter: 'freight-ops',
      offering: null,
      contactRoles: []
    }
  );
  b.links.push({
    key: 'svc-ceo',
    fromContact: 'svc-lead',
    toContact: 'ceo',
    Type__c: 'Influence',
    Strength__c: 4
  });
  return b;
}

describe('group accounts through the CLI', () => {
  test('a bundle with a three-level hierarchy round-trips through import and export', async () => {
    const db = path.join(dir, 'org.sqlite');
    const input = groupBundle();
    const file = path.join(dir, 'group.json');
    writeFileSync(file, JSON.stringify(input));
    const imported = await cliIn(db, path.join(dir, 'journal'), '-q', 'import', file);
    assert.equal(imported.code, 0, imported.err);
    const exported = await cliIn(db, path.join(dir, 'journal'), 'export', 'northwind');
    assert.equal(exported.code, 0, exported.err);
    const out = JSON.parse(exported.out) as AccountBundleInput;
    assert.equal(out.subsidiaries?.length, 3, 'every level comes back');
    assert.deepEqual(normalise(out), normalise(input));

    // Re-importing the export changes nothing: the subsidiaries are matched by key, not duplicated.
    writeFileSync(file, exported.out);
    const again = await cliIn(db, path.join(dir, 'journal'), '-q', 'import', file);
    assert.equal(again.code, 0, again.err);
    const twice = await cliIn(db, path.join(dir, 'journal'), 'export', 'northwind');
    assert.deepEqual(normalise(JSON.parse(twice.out)), normalise(input));
  });

  test('a broken hierarchy is refused, every problem named, nothing written', async () => {
    const db = path.join(dir, 'bad.sqlite');
    const b = groupBundle() as AccountBundleInput & { subsidiaries: Rec[]; contacts: Rec[] };
    b.subsidiaries[0].parent = 'nw-freight-pl-svc'; // a loop through all three
    b.contacts[b.contacts.length - 1].account = 'nowhere';
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(b));
    const r = await cliIn(db, path.join(dir, 'journal'), 'import', file);
    assert.equal(r.code, 2, r.err);
    for (const expected of ['The account hierarchy loops', 'Unknown subsidiary key "nowhere"'])
      assert.ok(r.err.includes(expected), `missing "${expected}" in:\n${r.err}`);
  });
});
