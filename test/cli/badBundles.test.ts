/**
 * The bad-bundle suite: JSON bundles and CSV folders that the org would refuse part-way (or silently
 * misread), each imported into a local org that already holds an account. Every one must exit 2, name
 * the problem (file/row/field), and leave every table of the database exactly as it was. Prints the
 * figures: bundles tried, partial writes, silent overwrites.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { cliIn, dumpDb, dumpDiff, type Dump } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SMALL = readFileSync(path.join(ROOT, 'data/examples/small.bundle.json'), 'utf8');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely
const small = (): Json => JSON.parse(SMALL) as Json;
const edit =
  (fn: (b: Json) => void): (() => string) =>
  () => {
    const b = small();
    fn(b);
    return JSON.stringify(b, null, 2);
  };

/** JSON cases: the file text and what the error output must contain. */
const JSON_CASES: { name: string; text: () => string; expect: (string | RegExp)[] }[] = [
  {
    name: 'amount 1e20 (a Currency(16,2) refuses it)',
    text: edit((b) => (b.opportunities[0].Amount = 1e20)),
    expect: ['opportunities[0].Amount', 'too large for Currency(16,2)']
  },
  {
    name: 'amount 1e300',
    text: edit((b) => (b.opportunities[1].Amount = 1e300)),
    expect: ['opportunities[1].Amount', '1e+300 is too large']
  },
  {
    name: 'amount 1e300 written as a literal',
    text: () => SMALL.replace('"Amount": 400000', '"Amount": 1e300'),
    expect: ['opportunities[0].Amount', 'too large']
  },
  {
    name: 'amount with three decimals',
    text: edit((b) => (b.opportunities[0].Amount = 12.345)),
    expect: ['opportunities[0].Amount', 'more than 2 decimal place(s)']
  },
  {
    name: 'amount as a string',
    text: edit((b) => (b.opportunities[0].Amount = '400000')),
    expect: ['opportunities[0].Amount']
  },
  {
    name: 'employees past Number(8,0)',
    text: edit((b) => (b.account.NumberOfEmployees = 123456789)),
    expect: ['account.NumberOfEmployees', 'Number(8,0)']
  },
  {
    name: 'annual revenue past Currency(18,0)',
    text: edit((b) => (b.account.AnnualRevenue = 1e19)),
    expect: ['account.AnnualRevenue', 'Currency(18,0)']
  },
  {
    name: 'revenue goal 1e14',
    text: edit((b) => (b.plans[0].Revenue_Goal__c = 1e14)),
    expect: ['plans[0].Revenue_Goal__c', 'too large']
  },
  {
    name: 'cell potential 1e16',
    text: edit((b) => (b.cells[0].Potential__c = 1e16)),
    expect: ['cells[0].Potential__c', 'too large']
  },
  {
    name: 'objective target 1e15',
    text: edit((b) => (b.plans[0].objectives[0].Target_Amount__c = 1e15)),
    expect: ['plans[0].objectives[0].Target_Amount__c']
  },
  {
    name: 'offering sort order past Number(6,0)',
    text: edit((b) => (b.offerings[0].Sort_Order__c = 1e7)),
    expect: ['offerings[0].Sort_Order__c', 'Number(6,0)']
  },
  {
    name: 'negative budget',
    text: edit((b) => (b.contacts[0].Budget_Owned__c = -5)),
    expect: ['contacts[0].Budget_Owned__c']
  },
  {
    name: 'probability 150',
    text: edit((b) => (b.opportunities[0].Probability = 150)),
    expect: ['opportunities[0].Probability']
  },
  {
    name: 'probability with a decimal (Percent(3,0))',
    text: edit((b) => (b.opportunities[0].Probability = 33.5)),
    expect: ['opportunities[0].Probability', 'decimal']
  },
  {
    name: 'link strength 7',
    text: edit((b) => (b.links[0].Strength__c = 7)),
    expect: ['links[0].Strength__c']
  },
  {
    name: 'duplicate member on the account',
    text: () => SMALL.replace('"Name": "Northwind Rail",', '"Name": "Northwind Rail", "Name": "Southwind",'),
    expect: ['account', 'Duplicate member "Name"']
  },
  {
    name: 'duplicate member on a contact (last one would win)',
    text: () => SMALL.replace('"key": "coo",', '"key": "coo", "Title": "A", "Title": "B",'),
    expect: ['contacts[1]', 'Duplicate member "Title"']
  },
  {
    name: 'duplicate top-level member',
    text: () => SMALL.replace('"version": 1,', '"version": 1, "version": 1,'),
    expect: ['(root)', 'Duplicate member "version"']
  },
  {
    name: '__proto__ member on a contact',
    text: () => SMALL.replace('"key": "ceo",', '"key": "ceo", "__proto__": {"Title": "x"},'),
    expect: ['contacts[0]', '__proto__']
  },
  {
    name: 'null account key',
    text: edit((b) => (b.account.key = null)),
    expect: ['account.key']
  },
  {
    name: 'blank account key',
    text: edit((b) => (b.account.key = '')),
    expect: ['account.key']
  },
  {
    name: 'null contact key',
    text: edit((b) => (b.contacts[2].key = null)),
    expect: ['contacts[2].key']
  },
  {
    name: 'key with a space',
    text: edit((b) => (b.contacts[2].key = 'a b')),
    expect: ['contacts[2].key', 'Keys use letters']
  },
  {
    name: 'key of 41 characters',
    text: edit((b) => (b.links[0].key = 'x'.repeat(41))),
    expect: ['links[0].key']
  },
  {
    name: 'account key of 25 characters',
    text: edit((b) => (b.account.key = 'n'.repeat(25))),
    expect: ['account.key']
  },
  {
    name: 'duplicate contact key',
    text: edit((b) => (b.contacts[1].key = b.contacts[0].key)),
    expect: ['contacts[1].key', 'Duplicate key']
  },
  {
    name: 'reference differing only in case (keys are case-sensitive)',
    text: edit((b) => (b.contacts[1].reportsTo = String(b.contacts[0].key).toUpperCase())),
    expect: ['contacts[1].reportsTo', 'Unknown contact key "CEO"']
  },
  {
    name: 'unknown field',
    text: edit((b) => (b.contacts[0].Salary__c = 1)),
    expect: ['contacts[0]', 'Salary__c']
  },
  {
    name: 'unknown stage',
    text: edit((b) => (b.opportunities[0].StageName = 'Won-ish')),
    expect: ['opportunities[0].StageName']
  },
  {
    name: 'impossible date',
    text: edit((b) => (b.opportunities[0].CloseDate = '2026-02-30')),
    expect: ['opportunities[0].CloseDate']
  },
  {
    name: 'wrong format marker',
    text: edit((b) => (b.format = 'something-else')),
    expect: ['format']
  },
  { name: 'version 2', text: edit((b) => (b.version = 2)), expect: ['version'] },
  {
    name: 'contact role naming an unknown contact',
    text: edit((b) => (b.opportunities[0].contactRoles[0].contact = 'ghost')),
    expect: ['opportunities[0].contactRoles[0].contact', 'Unknown contact key "ghost"']
  },
  {
    name: 'duplicate cell',
    text: edit((b) => b.cells.push({ ...b.cells[0] })),
    expect: ['Duplicate cell']
  },
  {
    name: 'competitor cell without a competitor',
    text: edit((b) => {
      b.cells[0].State__c = 'Competitor';
      delete b.cells[0].Competitor__c;
    }),
    expect: ['cells[0].Competitor__c']
  },
  {
    name: 'buying center parent loop',
    text: edit((b) => {
      b.buyingCenters[0].parent = b.buyingCenters[1].key;
      b.buyingCenters[1].parent = b.buyingCenters[0].key;
    }),
    expect: ['buying center parent chain loops']
  },
  {
    name: 'link from a contact and a user',
    text: edit((b) => {
      const l = b.links[0];
      l.fromContact = 'ceo';
      l.fromUser = b.users[0].key;
    }),
    expect: ['links[0].fromContact', 'exactly one']
  },
  {
    name: 'link to the same contact',
    text: edit((b) => {
      const l = b.links[0];
      delete l.fromUser;
      l.fromContact = l.toContact;
    }),
    expect: ['links[0].toContact', 'themselves']
  },
  {
    name: 'action assigned to an unknown user',
    text: edit((b) => (b.plans[0].actions[0].assignedTo = 'nobody')),
    expect: ['plans[0].actions[0].assignedTo', 'Unknown user key']
  },
  {
    name: 'plan fiscal year 1999',
    text: edit((b) => (b.plans[0].Fiscal_Year__c = 1999)),
    expect: ['plans[0].Fiscal_Year__c']
  },
  {
    name: 'two plans for one year',
    text: edit((b) => b.plans.push({ ...b.plans[0], key: 'again', objectives: [], actions: [] })),
    expect: ['plans[1].Fiscal_Year__c', 'one plan per account per year']
  },
  { name: 'a list instead of a bundle', text: () => '[]', expect: ['(root)'] },
  { name: 'broken JSON', text: () => SMALL.slice(0, 200), expect: ['Cannot read', 'as JSON'] },
  {
    name: 'invalid email',
    text: edit((b) => (b.contacts[0].Email = 'not-an-email')),
    expect: ['contacts[0].Email']
  },
  {
    name: 'name longer than the field',
    text: edit((b) => (b.account.Name = 'N'.repeat(256))),
    expect: ['account.Name']
  }
];

const CSV_BASE: Record<string, string> = {
  'accounts.csv': 'key,Name,Industry\ncsvco,CSV Co,Transport\n',
  'buying_centers.csv': 'key,Name,parent\nhq,HQ,\n',
  'contacts.csv': 'key,FirstName,LastName,Title,reportsTo,buyingCenter\nboss,Ada,Lovelace,CEO,,hq\n',
  'opportunities.csv':
    'key,Name,Amount,StageName,CloseDate,buyingCenter\ndeal,Deal,1000,Prospecting,2026-06-30,hq\n',
  'contact_roles.csv': 'opportunity,contact,Role,IsPrimary\ndeal,boss,Decision Maker,true\n',
  'plans.csv': 'key,Name,Fiscal_Year__c,Revenue_Goal__c\np26,FY26,2026,100000\n',
  'objectives.csv': 'plan,key,Name\np26,grow,Grow\n'
};

/** CSV cases: files replacing the base set (null removes one) and what the output must contain. */
const CSV_CASES: { name: string; files: Record<string, string | null>; expect: (string | RegExp)[] }[] = [
  {
    name: 'duplicate header',
    files: { 'contacts.csv': 'key,LastName,Title,Title\nboss,Lovelace,CEO,Chair\n' },
    expect: ['contacts.csv row 1, column 4 ("Title")', 'Duplicate column "Title"']
  },
  {
    name: 'unknown header (typo)',
    files: { 'contacts.csv': 'key,LastName,Titel\nboss,Lovelace,CEO\n' },
    expect: ['contacts.csv row 1, column 3 ("Titel")', 'Unknown column "Titel"']
  },
  {
    name: '__proto__ header',
    files: { 'contacts.csv': 'key,LastName,__proto__\nboss,Lovelace,x\n' },
    expect: ['Unknown column "__proto__"']
  },
  {
    name: 'constructor header',
    files: { 'accounts.csv': 'key,Name,constructor\ncsvco,CSV Co,x\n' },
    expect: ['accounts.csv row 1, column 3', 'Unknown column "constructor"']
  },
  {
    name: 'unknown file (contact.csv)',
    files: { 'contact.csv': 'key,LastName\nx,Y\n' },
    expect: ['contact.csv: Unknown CSV file']
  },
  {
    name: 'amount 1e20',
    files: {
      'opportunities.csv': 'key,Name,Amount,StageName,CloseDate\ndeal,Deal,1e20,Prospecting,2026-06-30\n'
    },
    expect: ['opportunities.csv row 2, column Amount', 'too large for Currency(16,2)']
  },
  {
    name: 'amount in hex',
    files: {
      'opportunities.csv': 'key,Name,Amount,StageName,CloseDate\ndeal,Deal,0x10,Prospecting,2026-06-30\n'
    },
    expect: ['opportunities.csv row 2, column Amount']
  },
  {
    name: 'two account rows',
    files: { 'accounts.csv': 'key,Name\ncsvco,CSV Co\ncsvco2,Other\n' },
    expect: ['accounts.csv', 'exactly one account row']
  },
  {
    name: 'contact roles without the opportunity column',
    files: { 'contact_roles.csv': 'contact,Role\nboss,Decision Maker\n' },
    expect: ['contact_roles.csv row 1', 'Missing column "opportunity"']
  },
  {
    name: 'blank key',
    files: { 'contacts.csv': 'key,LastName\n,Lovelace\n' },
    expect: ['contacts.csv row 2, column key']
  },
  {
    name: 'a row with too many values',
    files: { 'contacts.csv': 'key,LastName\nboss,Lovelace,extra\n' },
    expect: ['contacts.csv row 2', 'has 3 values for 2 columns']
  },
  {
    name: 'objective of an unknown plan',
    files: { 'objectives.csv': 'plan,key,Name\np99,grow,Grow\n' },
    expect: ['objectives.csv row 2, column plan', 'Unknown plan key "p99"']
  }
];

let dir: string;
let db: string;
let journals: string;
let baseline: Dump;
const figures = { bundles: 0, partialWrites: 0, silentOverwrites: 0, unnamed: 0 };

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyplan-bad-'));
  db = path.join(dir, 'org.sqlite');
  journals = path.join(dir, 'journal');
  // The org already holds the account (and the CSV account): a bad re-import must not touch them.
  const ok = path.join(dir, 'ok.json');
  writeFileSync(ok, SMALL);
  assert.equal((await cliIn(db, journals, '-q', 'import', ok)).code, 0);
  const csvOk = path.join(dir, 'csv-ok');
  mkdirSync(csvOk);
  for (const [f, t] of Object.entries(CSV_BASE)) writeFileSync(path.join(csvOk, f), t);
  const r = await cliIn(db, journals, '-q', 'import', '--csv', csvOk);
  assert.equal(r.code, 0, r.err);
  baseline = dumpDb(db);
});
after(() => {
  console.log(
    `bad bundles: ${figures.bundles} tried (${JSON_CASES.length} JSON, ${CSV_CASES.length} CSV); partial writes: ${figures.partialWrites}; silent overwrites: ${figures.silentOverwrites}; problems not named: ${figures.unnamed}`
  );
  rmSync(dir, { recursive: true, force: true });
});

async function expectRefused(args: string[], expect: (string | RegExp)[], label: string): Promise<void> {
  figures.bundles++;
  const r = await cliIn(db, journals, ...args);
  if (r.code === 0) figures.silentOverwrites++;
  const named = expect.every((e) => (typeof e === 'string' ? r.err.includes(e) : e.test(r.err)));
  if (!named) figures.unnamed++;
  const diff = dumpDiff(baseline, dumpDb(db));
  if (diff.length) figures.partialWrites++;
  assert.equal(r.code, 2, `${label}: exit ${r.code}\n${r.err}`);
  for (const e of expect)
    assert.ok(
      typeof e === 'string' ? r.err.includes(e) : e.test(r.err),
      `${label}: missing ${String(e)} in\n${r.err}`
    );
  assert.deepEqual(diff, [], `${label}: the database changed`);
}

test(`${JSON_CASES.length} bad JSON bundles: exit 2, problem named, nothing written`, async () => {
  assert.ok(JSON_CASES.length >= 30);
  for (const [i, c] of JSON_CASES.entries()) {
    const file = path.join(dir, `bad-${i}.json`);
    writeFileSync(file, c.text());
    await expectRefused(['import', file], [`bad-${i}.json`, ...c.expect], c.name);
  }
});

test(`${CSV_CASES.length} bad CSV folders: exit 2, file/row/column named, nothing written`, async () => {
  for (const [i, c] of CSV_CASES.entries()) {
    const folder = path.join(dir, `csv-bad-${i}`);
    mkdirSync(folder);
    const files: Record<string, string | null> = { ...CSV_BASE, ...c.files };
    for (const [f, t] of Object.entries(files)) if (t !== null) writeFileSync(path.join(folder, f), t);
    await expectRefused(['import', '--csv', folder], c.expect, c.name);
  }
});

test('the suite holds at least 40 bundles and found no partial write or silent overwrite', () => {
  assert.ok(JSON_CASES.length + CSV_CASES.length >= 40);
  assert.equal(figures.partialWrites, 0);
  assert.equal(figures.silentOverwrites, 0);
});
