/**
 * The keyplan CLI against the local org for real: each command opens a temp SQLite file through an
 * in-process local org and talks to it with jsforce over HTTP. No mocked HTTP.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Connection } from 'jsforce';
import { aerovanceBundle, largeBundle } from '../../data';
import { startLocalOrg } from '../../localorg/server';
import { ORG_FIELD_NAMES } from '../../src/bundle/orgNames';
import { checkBundle, type AccountBundleInput } from '../../src/bundle/schema';
import { runCli } from '../../scripts/cli/cli';
import {
  buildMatrix,
  figureOptions,
  nextMoves,
  type HeatLink,
  type MoveContact,
  type NextMove,
  type NextMovesInput
} from '../../force-app/main/default/lwc/keyplanCore/keyplanCore';
import type { OrgChartPage, WhitespaceData } from '../../src/contracts';
import { levels } from '../../scripts/cli/importer';
import { bundleJsonSchema, SCHEMA_FILE } from '../../scripts/cli/jsonSchema';
import { normaliseBundle as normalise } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const SMALL = path.join(ROOT, 'data/examples/small.bundle.json');
const OBJECTS = [
  'User',
  'Account',
  'Offering__c',
  'Buying_Center__c',
  'Contact',
  'Relationship_Link__c',
  'Opportunity',
  'OpportunityContactRole',
  'Account_Plan__c',
  'Plan_Objective__c',
  'Plan_Action__c',
  'Landscape_Cell__c'
];

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyplan-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

let dbSeq = 0;
const freshDb = (): string => path.join(dir, `org-${++dbSeq}.sqlite`);

/** Runs the CLI in-process and captures its output. */
async function cli(db: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--db', db, '--journal-dir', path.join(dir, 'journal'), ...args], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t)
  });
  return { code, out, err };
}

/** Record counts per object, read through jsforce from a local org on the same file. */
async function counts(db: string): Promise<Record<string, number>> {
  const running = await startLocalOrg({ port: 0, dbFile: db, token: 't' });
  try {
    const conn = new Connection({ instanceUrl: running.url, accessToken: 't', version: '62.0' });
    const out: Record<string, number> = {};
    for (const o of OBJECTS) out[o] = (await conn.query(`SELECT COUNT() FROM ${o}`)).totalSize;
    return out;
  } finally {
    await running.close();
  }
}

const writeJson = (name: string, value: unknown): string => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
};
const small = (): AccountBundleInput & Record<string, unknown> =>
  JSON.parse(readFileSync(SMALL, 'utf8')) as AccountBundleInput & Record<string, unknown>;

/** A generated bundle big enough to cross collection batches (200) and reporting levels. */
const generated = (): AccountBundleInput =>
  largeBundle({ contacts: 450, links: 300, seed: 11, today: '2026-05-01' });

describe('keyplan CLI against the local org', () => {
  test('the demo account round-trips: every field Keyplan adds to Contact and Opportunity, under its bundle name', async () => {
    const db = freshDb();
    const demo = aerovanceBundle({ today: '2026-05-01' });
    const imported = await cli(db, '-q', 'import', writeJson('demo.json', demo));
    assert.equal(imported.code, 0, imported.err);
    const ex = await cli(db, 'export', demo.account.key);
    assert.equal(ex.code, 0, ex.err);
    const back = JSON.parse(ex.out) as AccountBundleInput;
    // The export names the users the account's records reference (link holders, action owners): the demo's
    // colleagues with no relationship yet are users of the org, not part of the account.
    const expected = normalise(JSON.parse(JSON.stringify(demo)));
    const referenced = new Set<string>([
      ...expected.links.flatMap((l) => (l.fromUser ? [l.fromUser] : [])),
      ...expected.plans.flatMap((p) => p.actions.flatMap((a) => (a.assignedTo ? [a.assignedTo] : [])))
    ]);
    assert.ok(expected.users.length > referenced.size, 'the demo has colleagues with no relationship yet');
    assert.deepEqual(normalise(back), {
      ...expected,
      users: expected.users.filter((u) => referenced.has(u.key))
    });
    // The mapped fields the demo sets come back under their readable names (none dropped by the map).
    const used = (rows: object[] | undefined): string[] =>
      [...new Set((rows ?? []).flatMap((r) => Object.keys(r)))].filter((k) => /^[A-Z]\w*__c$/.test(k)).sort();
    assert.deepEqual(used(back.contacts), used(demo.contacts));
    assert.deepEqual(used(back.opportunities), used(demo.opportunities));
    // ... and the demo exercises the map (fields Keyplan adds to Contact and Opportunity).
    const mapped = (object: 'Contact' | 'Opportunity', rows: object[] | undefined): string[] =>
      used(rows).filter((k) => Object.hasOwn(ORG_FIELD_NAMES[object], k));
    assert.ok(mapped('Contact', back.contacts).length >= 5, mapped('Contact', back.contacts).join());
    assert.ok(
      mapped('Opportunity', back.opportunities).length >= 5,
      mapped('Opportunity', back.opportunities).join()
    );
  });

  test('import then export round-trips (example file and a generated 450-contact bundle)', async () => {
    const db = freshDb();
    const r1 = await cli(db, '-q', 'import', SMALL);
    assert.equal(r1.code, 0, r1.err);
    const ex = await cli(db, 'export', 'northwind');
    assert.equal(ex.code, 0, ex.err);
    assert.deepEqual(normalise(JSON.parse(ex.out)), normalise(small()));

    const gen = generated();
    const r2 = await cli(db, 'import', writeJson('gen.json', gen));
    assert.equal(r2.code, 0, r2.err);
    assert.match(r2.err, /import: \w+ \d+\/\d+/, 'progress on stderr');
    const ex2 = await cli(db, 'export', 'stratosphere');
    assert.deepEqual(normalise(JSON.parse(ex2.out)), normalise(gen));
  });

  test('a bundle with many errors is rejected with every problem listed and nothing written', async () => {
    const db = freshDb();
    assert.equal((await cli(db, '-q', 'import', SMALL)).code, 0);
    const before = await counts(db);
    const b = small() as unknown as {
      account: Record<string, unknown>;
      contacts: Record<string, unknown>[];
      opportunities: Record<string, unknown>[];
      offerings: Record<string, unknown>[];
    };
    b.account.key = 'northwind2';
    b.contacts[0].Budget_Owned__c = 'lots'; // wrong type
    delete b.contacts[3].key; // missing key
    b.contacts[2].Stance__c = 'Fan'; // unknown picklist value
    b.opportunities[0].offering = 'nope'; // dangling reference
    b.offerings[1].key = b.offerings[0].key; // duplicate key
    b.contacts[0].reportsTo = 'cio'; // ceo -> cio -> ceo
    const r = await cli(db, 'import', writeJson('bad.json', b));
    assert.equal(r.code, 2, r.err);
    for (const expected of [
      'contacts[0].Budget_Owned__c',
      'contacts[3].key',
      'contacts[2].Stance__c',
      'opportunities[0].offering: Unknown offering key "nope"',
      'Duplicate key "consulting"',
      'The reporting line loops'
    ])
      assert.ok(r.err.includes(expected), `missing "${expected}" in:\n${r.err}`);
    assert.deepEqual(await counts(db), before);
    const json = await cli(db, '--json', 'import', path.join(dir, 'bad.json'));
    assert.equal(json.code, 2);
    assert.ok((JSON.parse(json.out) as { problems: unknown[] }).problems.length >= 6);
  });

  test('two accounts that name the same offering share one catalogue record', async () => {
    const db = freshDb();
    assert.equal((await cli(db, '-q', 'import', SMALL)).code, 0);
    const first = await counts(db);
    const other = small() as unknown as { account: Record<string, unknown> };
    other.account.key = 'northwind-emea';
    other.account.Name = 'Northwind EMEA';
    assert.equal((await cli(db, '-q', 'import', writeJson('other.json', other))).code, 0);
    const second = await counts(db);
    assert.equal(second.Offering__c, first.Offering__c, 'the offering catalogue is org-wide');
    assert.equal(second.Account, first.Account + 1);
  });

  test('re-importing updates instead of duplicating; contact roles are replaced', async () => {
    const db = freshDb();
    assert.equal((await cli(db, '-q', 'import', SMALL)).code, 0);
    const first = await counts(db);
    const b = small() as unknown as {
      contacts: Record<string, unknown>[];
      opportunities: { contactRoles: unknown[] }[];
    };
    b.contacts[1].Title = 'Chief Operating Officer';
    b.opportunities[0].contactRoles = [{ contact: 'ceo', Role: 'Economic Buyer', IsPrimary: true }];
    const r = await cli(db, '--json', '-q', 'import', writeJson('changed.json', b));
    assert.equal(r.code, 0, r.err);
    const summary = JSON.parse(r.out) as { objects: Record<string, { created: number; updated: number }> };
    assert.deepEqual(summary.objects.Contact, { created: 0, updated: 4 });
    assert.deepEqual(await counts(db), first);
    const ex = JSON.parse((await cli(db, 'export', 'northwind')).out) as AccountBundleInput;
    assert.equal(ex.contacts!.find((c) => c.key === 'coo')!.Title, 'Chief Operating Officer');
    assert.deepEqual(ex.opportunities!.find((o) => o.key === 'fleet-2026')!.contactRoles, [
      { contact: 'ceo', Role: 'Economic Buyer', IsPrimary: true }
    ]);
  });

  test('a failure midway (an org validation rule on the plan) rolls back what the run created', async () => {
    const db = freshDb();
    const before = await counts(db);
    const b = small() as unknown as { plans: Record<string, unknown>[] };
    b.plans[0].Mining_Goal__c = 900000; // mining + farming > revenue goal: Goals_Within_Revenue_Goal
    const r = await cli(db, '-q', 'import', writeJson('midway.json', b));
    assert.equal(r.code, 1, r.err);
    assert.match(
      r.err,
      /Account_Plan__c northwind\/fy2026 \(plans\[0\]\): FIELD_CUSTOM_VALIDATION_EXCEPTION/
    );
    assert.match(
      r.err,
      /rolled back: restored 0 record\(s\) as they were and deleted the \d+ record\(s\) this run created/
    );
    assert.deepEqual(await counts(db), before);
  });

  test('CSV import converts a folder; a bad row is named by file, row and column', async () => {
    const db = freshDb();
    const csvDir = path.join(dir, 'csv');
    mkdirSync(csvDir);
    writeFileSync(path.join(csvDir, 'accounts.csv'), 'key,Name,Industry\ncsvco,"CSV Co, Ltd",Software\n');
    writeFileSync(
      path.join(csvDir, 'buying_centers.csv'),
      'key,Name,parent,Wallet_Size__c,Active__c\nhq,HQ,,1000000,true\nsales,Sales,hq,250000,yes\n'
    );
    writeFileSync(
      path.join(csvDir, 'contacts.csv'),
      'key,FirstName,LastName,reportsTo,buyingCenter,Stance__c,Budget_Owned__c\nboss,Ada,Lovelace,,hq,Champion,5000\nrep,Bob,"O""Brien",boss,sales,Neutral,\n'
    );
    writeFileSync(
      path.join(csvDir, 'plans.csv'),
      'key,Name,Fiscal_Year__c,Revenue_Goal__c\np26,CSV FY26,2026,100000\n'
    );
    writeFileSync(
      path.join(csvDir, 'objectives.csv'),
      'plan,key,Name,buyingCenter\np26,grow,Grow sales,sales\n'
    );
    const ok = await cli(db, '-q', 'import', '--csv', csvDir);
    assert.equal(ok.code, 0, ok.err);
    const ex = JSON.parse((await cli(db, 'export', 'csvco')).out) as AccountBundleInput;
    assert.equal(ex.account.Name, 'CSV Co, Ltd');
    assert.equal(ex.contacts!.find((c) => c.key === 'rep')!.LastName, 'O"Brien');
    assert.equal(ex.plans![0].objectives![0].buyingCenter, 'sales');

    const before = await counts(db);
    writeFileSync(
      path.join(csvDir, 'contacts.csv'),
      'key,FirstName,LastName,reportsTo,buyingCenter,Stance__c,Budget_Owned__c\nboss,Ada,Lovelace,,hq,Champion,5000\nrep,Bob,Smith,boss,sales,Fan,\nx,Cy,Z,nobody,sales,,-3\n'
    );
    const bad = await cli(db, 'import', '--csv', csvDir);
    assert.equal(bad.code, 2, bad.err);
    assert.match(bad.err, /contacts\.csv row 3, column Stance__c/);
    assert.match(bad.err, /contacts\.csv row 4, column reportsTo: Unknown contact key "nobody"/);
    assert.match(bad.err, /contacts\.csv row 4, column Budget_Owned__c/);
    assert.deepEqual(await counts(db), before);
  });

  test('next-moves ranks the demo account as the components do (same core over the Apex twins), and names what is missing with exit 2', async () => {
    const db = freshDb();
    const demo = aerovanceBundle({ today: '2026-05-01' });
    assert.equal((await cli(db, '-q', 'import', writeJson('demo-moves.json', demo))).code, 0);
    const r = await cli(db, '--json', 'next-moves', demo.account.key, '--fy', '2026', '--limit', '3');
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as { moves: NextMove[] };
    assert.equal(report.moves.length, 3);
    for (const m of report.moves) {
      assert.match(m.reason, /^\$[\d.]+[KM]? .+ in .+: /);
      assert.ok(m.actionLabel.length > 0 && m.potential > 0 && m.reach >= 0 && m.reach <= 1);
    }
    // The whitespace matrix component's data: getWhitespace and every loadOrgChartPage page, through the twins.
    let uiInput: NextMovesInput | null = null;
    const running = await startLocalOrg({ port: 0, dbFile: db, token: 't' });
    try {
      const call = async (method: string, params: Record<string, unknown>): Promise<unknown> => {
        const [cls, name] = method.split('.');
        const res = await fetch(`${running.url}/apex/${cls}/${name}`, {
          method: 'POST',
          headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
          body: JSON.stringify(params)
        });
        assert.equal(res.status, 200);
        return res.json();
      };
      const accountId = (report as unknown as { account: { id: string } }).account.id;
      const data = (await call('WhitespaceController.getWhitespace', {
        accountId,
        fiscalYear: 2026
      })) as WhitespaceData;
      const contacts: MoveContact[] = [];
      const links: HeatLink[] = [];
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const page = (await call('OrgChartController.loadOrgChartPage', {
          accountId,
          cursor
        })) as OrgChartPage;
        contacts.push(...page.contacts);
        links.push(...page.links);
        cursor = page.nextCursor ?? null;
      }
      uiInput = { matrix: buildMatrix(data, figureOptions(data)), fiscalYear: 2026, contacts, links };
      const ui = nextMoves(uiInput, { limit: 3 });
      assert.deepEqual(
        report.moves.map((m) => [m.rank, m.buyingCenterId, m.offeringId, m.action, m.reason]),
        ui.map((m) => [m.rank, m.buyingCenterId, m.offeringId, m.action, m.reason])
      );
    } finally {
      await running.close();
    }
    // The org's tuning reaches the ranking, as in the components: a one-day heat half-life cools every link.
    assert.equal((await cli(db, '-q', 'tune', 'Heat_Decay_Days=1')).code, 0);
    const tuned = await cli(db, '--json', 'next-moves', demo.account.key, '--fy', '2026', '--limit', '3');
    assert.equal(tuned.code, 0, tuned.err);
    const tunedMoves = (JSON.parse(tuned.out) as { moves: NextMove[] }).moves;
    assert.notDeepEqual(
      tunedMoves.map((m) => m.reach),
      report.moves.map((m) => m.reach)
    );
    const cold = nextMoves(uiInput!, { limit: 3, settings: { Heat_Decay_Days: 1 } });
    assert.deepEqual(
      tunedMoves.map((m) => [m.buyingCenterId, m.offeringId, m.reach, m.reason]),
      cold.map((m) => [m.buyingCenterId, m.offeringId, m.reach, m.reason])
    );
    assert.equal((await cli(db, '-q', 'tune', '--reset')).code, 0);
    const text = await cli(db, 'next-moves', demo.account.key, '--fy', '2026');
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /^Next moves for Aerovance Group, FY2026/);
    assert.equal(text.out.split('\n').filter((l) => /^\s*\d+\. /.test(l)).length, 10);
    const unknown = await cli(db, 'next-moves', 'no-such-account', '--fy', '2026');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /No account with Keyplan key, Id or Name "no-such-account"/);
    const empty = await cli(db, 'next-moves', demo.account.key, '--fy', '2031');
    assert.equal(empty.code, 2);
    assert.match(empty.err, /Aerovance Group" has no whitespace data for FY2031/);
    assert.equal((await cli(db, 'next-moves', demo.account.key, '--limit', '0')).code, 2);
  });

  test('export-landscape totals equal the sum of the amounts, unmapped included', async () => {
    const db = freshDb();
    assert.equal((await cli(db, '-q', 'import', SMALL)).code, 0);
    const r = await cli(db, 'export-landscape', 'northwind', '--fy', '2026');
    assert.equal(r.code, 0, r.err);
    const m = JSON.parse(r.out) as {
      rows: {
        total: { won: number; pipeline: number };
        cells: { status: string; competitor: string | null }[];
      }[];
      unmapped: { won: number; pipeline: number; opportunities: unknown[] };
      grandTotal: { won: number; pipeline: number; potential: number };
    };
    const opps = small().opportunities!.filter(
      (o) => o.CloseDate.startsWith('2026') && o.StageName !== 'Closed Lost'
    );
    const sum = opps.reduce((s, o) => s + (o.Amount ?? 0), 0);
    assert.equal(m.grandTotal.won + m.grandTotal.pipeline, sum);
    assert.equal(m.grandTotal.won, 150000);
    assert.equal(
      m.unmapped.pipeline,
      50000,
      'the opportunity without buying center and offering is unmapped'
    );
    const rows = m.rows.reduce((s, x) => s + x.total.won + x.total.pipeline, 0);
    assert.equal(rows + m.unmapped.won + m.unmapped.pipeline, sum);
    assert.ok(
      m.rows.some((row) => row.cells.some((c) => c.status === 'competitor' && c.competitor === 'RailSoft'))
    );
    const csv = await cli(db, 'export-landscape', 'northwind', '--fy', '2026', '--format', 'csv');
    assert.match(
      csv.out,
      /^kind,buying_center,offering,status,won,pipeline,potential,competitive_potential,competitor,currency\n/
    );
    assert.match(csv.out, /\nunmapped,,,,0,50000,0,0,,USD\n/);
  });

  test('export-plan writes a self-contained HTML and a Markdown QBR report', async () => {
    const db = freshDb();
    assert.equal((await cli(db, '-q', 'import', SMALL)).code, 0);
    const out = path.join(dir, 'plan.html');
    const html = await cli(db, 'export-plan', 'Northwind Rail', '-o', out, '--today', '2026-04-01');
    assert.equal(html.code, 0, html.err);
    const text = readFileSync(out, 'utf8');
    assert.match(text, /^<!doctype html>/);
    assert.match(text, /<style>/);
    assert.doesNotMatch(text, /<link |<script/);
    assert.match(text, /Executive briefing with the COO<\/td><td>Open \(OVERDUE\)/);
    const md = await cli(db, 'export-plan', 'northwind', '--format', 'md', '--today', '2026-04-01');
    assert.equal(md.code, 0, md.err);
    for (const s of [
      '# Northwind Rail: account plan FY2026',
      'Tier 2',
      '| Revenue | $800,000 | $150,000 | $450,000 |',
      'Workshop with maintenance',
      'Group IT | Fleet Platform | $300,000',
      'Fleet platform roll-out: no economic buyer',
      // Issue 16 point 9: Mining grows existing business, Farming wins new buying centers or offerings.
      '| Mining (grow existing business) |',
      '| Farming (new buying centers or offerings) |',
      'Whitespace potential $300,000 · Competitive potential $0'
    ])
      assert.ok(md.out.includes(s), `missing "${s}" in\n${md.out}`);
  });

  test('unknown accounts and bad options are input errors (exit 2); every command has --help', async () => {
    const db = freshDb();
    assert.equal((await cli(db, 'export', 'nobody')).code, 2);
    assert.equal((await cli(db, 'export-landscape', 'x', '--format', 'xml')).code, 2);
    assert.equal((await cli(db, 'import')).code, 2);
    assert.equal((await cli(db, 'frobnicate')).code, 2);
    for (const c of ['import', 'seed', 'export', 'export-landscape', 'export-plan', 'schema', 'deploy']) {
      const r = await cli(db, c, '--help');
      assert.equal(r.code, 0, c);
      assert.match(r.out, /Usage: keyplan/, c);
    }
  });
});

test(`${SCHEMA_FILE} is generated from the zod schema and up to date (npm run keyplan -- schema)`, () => {
  assert.equal(readFileSync(path.join(ROOT, SCHEMA_FILE), 'utf8'), bundleJsonSchema());
});

test('the example bundle is valid', () => {
  assert.deepEqual(checkBundle(small()).problems, []);
});

test('levels puts parents before children and survives deep chains', () => {
  const chain = Array.from({ length: 20000 }, (_, i) => ({
    key: `k${i}`,
    parent: i === 0 ? null : `k${i - 1}`
  }));
  const ls = levels(chain.reverse());
  assert.equal(ls.length, 20000);
  assert.deepEqual(
    levels([
      { key: 'b', parent: 'a' },
      { key: 'a', parent: null },
      { key: 'c', parent: 'outside' }
    ]),
    [[1, 2], [0]]
  );
});
