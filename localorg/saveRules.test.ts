/**
 * The local org behaves like the org where Keyplan relies on it: formula fields equal the domain core
 * and the formulas themselves (blank settings included), tracked fields write field history, keys
 * match case as their metadata says, the unique-key triggers' messages come from the save path,
 * master-detail fields do not reparent, and formulas reading other records stay fresh.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { oneMonthBefore, statusesAsOf } from '../force-app/main/default/lwc/bantSummary/bantHistory';
import { bantScore } from '../force-app/main/default/lwc/keyplanCore/bant';
import {
  relationshipScore,
  relationshipTypeOf,
  tierOf
} from '../force-app/main/default/lwc/keyplanCore/planScore';
import { loadSchema } from '../src/schema';
import { evaluateField } from '../test/metadata/formulaEval';
import { SOQL } from './apex/controllers/lib/selectors';
import { inlineLimitBinds } from './apex/controllers/lib/twin';
import { SfError } from './errors';
import { loadFieldAccess } from './fls';
import { seedBantHistory } from './history';
import { LocalOrg } from './org';
import { runQuery } from './soql';
import { tempDir } from './test/helpers';

const FORCE_APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../force-app/main/default');

const ATTRS = [
  'Score_Executive_Access__c',
  'Score_Share_Of_Wallet__c',
  'Score_Strategic_Alignment__c',
  'Score_Co_Innovation__c',
  'Score_Tenure__c'
] as const;
const CRITERIA = [
  'Criterion_Revenue_Potential__c',
  'Criterion_Strategic_Fit__c',
  'Criterion_Growth_Potential__c',
  'Criterion_Reference_Value__c',
  'Criterion_Executive_Access__c'
] as const;
const BANT = [
  'Keyplan_Budget_Status__c',
  'Keyplan_Authority_Status__c',
  'Keyplan_Need_Status__c',
  'Keyplan_Timing_Status__c'
] as const;

/** Plans covering blanks, rounding (55 / 40 = 1.375 -> 1.38) and every band and tier. */
const PLANS: (number | null)[][] = [
  [null, null, null, null, null],
  [5, null, 3, null, null],
  [1, null, null, 2, null],
  [2, 5, null, 4, null],
  [3, 3, 3, 3, 3],
  [5, 5, 5, 4, 5],
  [1, 1, 2, 1, 1]
];
const STATUSES: (string | null)[][] = [
  [null, null, null, null],
  ['Confirmed', 'Identified', 'Missing', null],
  ['Confirmed', 'Confirmed', 'Confirmed', 'Confirmed'],
  ['Identified', 'Unknown', 'Identified', 'Missing']
];

function planInput(accountId: string, i: number): Record<string, unknown> {
  const rec: Record<string, unknown> = { Name: `Plan ${i}`, Account__c: accountId, Fiscal_Year__c: 2020 + i };
  ATTRS.forEach((f, j) => (rec[f] = PLANS[i][j]));
  CRITERIA.forEach((f, j) => (rec[f] = j < i % 6));
  return rec;
}

/** A copy of force-app whose customMetadata blanks the given Keyplan_Setting values. */
function forceAppWithBlankSettings(dir: string, blank: string[]): string {
  const root = path.join(dir, 'force-app/main/default');
  mkdirSync(root, { recursive: true });
  for (const sub of ['objects', 'globalValueSets', 'permissionsets'])
    symlinkSync(path.join(FORCE_APP, sub), path.join(root, sub));
  cpSync(path.join(FORCE_APP, 'customMetadata'), path.join(root, 'customMetadata'), { recursive: true });
  for (const name of blank) {
    const file = path.join(root, 'customMetadata', `Keyplan_Setting.${name}.md-meta.xml`);
    const xml = readFileSync(file, 'utf8');
    const blanked = xml.replace(
      /(<field>Value__c<\/field>\s*)<value[^>]*>[^<]*<\/value>/,
      '$1<value xsi:nil="true"/>'
    );
    assert.notEqual(blanked, xml, `blanked ${name}`);
    writeFileSync(file, blanked);
  }
  return root;
}

/** Stored formula values, read back through SOQL, equal the formula XML (evaluated) and the core. */
function checkFormulas(org: LocalOrg, settings: Record<string, number | null>): void {
  const plans = runQuery(
    org,
    `SELECT ${[...ATTRS, ...CRITERIA].join(', ')}, Relationship_Score__c, Relationship_Type__c, Tier__c FROM Account_Plan__c`
  ).records;
  assert.equal(plans.length, PLANS.length);
  for (const p of plans) {
    const record = p as unknown as Record<string, unknown>;
    const where = JSON.stringify(ATTRS.map((f) => record[f]));
    const formulaScore = evaluateField('Account_Plan__c', 'Relationship_Score__c', { record, settings });
    const formulaType = evaluateField('Account_Plan__c', 'Relationship_Type__c', { record, settings });
    const formulaTier = evaluateField('Account_Plan__c', 'Tier__c', { record, settings });
    assert.equal(p.Relationship_Score__c, formulaScore, `Relationship_Score__c of ${where}`);
    assert.equal(p.Relationship_Type__c ?? '', formulaType, `Relationship_Type__c of ${where}`);
    assert.equal(p.Tier__c, formulaTier, `Tier__c of ${where}`);
  }
  for (const o of runQuery(
    org,
    `SELECT ${[...BANT, ...BANT_EVIDENCE].join(', ')}, Keyplan_BANT_Score__c FROM Opportunity`
  ).records) {
    const record = o as unknown as Record<string, unknown>;
    assert.equal(
      o.Keyplan_BANT_Score__c,
      evaluateField('Opportunity', 'Keyplan_BANT_Score__c', { record, settings }),
      `Keyplan_BANT_Score__c of ${JSON.stringify(BANT.map((f) => record[f]))}`
    );
  }
}

/** What a Confirmed needs (docs/DEFINITIONS.md): the evidence texts and the trigger-kept role counts. */
const BANT_EVIDENCE = [
  'Keyplan_Budget_Evidence__c',
  'Keyplan_Need_Evidence__c',
  'Keyplan_Timing_Evidence__c',
  'Keyplan_Authority_Roles__c',
  'Keyplan_Budget_Owner_Roles__c'
];

/** Every deal with its evidence: texts, and an economic buyer as contact role (counted by the trigger twin). */
function seedFormulaRecords(org: LocalOrg): string {
  return org.write(() => {
    const accountId = org.insert('Account', { Name: 'Formula Co' });
    const buyer = org.insert('Contact', {
      LastName: 'Buyer',
      AccountId: accountId,
      Keyplan_Buyer_Role__c: 'Economic Buyer'
    });
    PLANS.forEach((_, i) => org.insert('Account_Plan__c', planInput(accountId, i)));
    STATUSES.forEach((st, i) => {
      const id = org.insert('Opportunity', {
        Name: `Opp ${i}`,
        AccountId: accountId,
        StageName: 'Qualification',
        CloseDate: '2026-06-30',
        Keyplan_Budget_Evidence__c: 'CFO confirmed',
        Keyplan_Need_Evidence__c: 'Audit finding',
        Keyplan_Timing_Evidence__c: 'Board in June',
        ...Object.fromEntries(BANT.map((f, j) => [f, st[j]]))
      });
      org.insert('OpportunityContactRole', { OpportunityId: id, ContactId: buyer });
    });
    return accountId;
  });
}

/** OpportunitySelector.bantHistory's SOQL, word for word, as the BANT twin runs it (user mode). */
function bantHistory(org: LocalOrg, opportunityIds: string[]): Record<string, unknown>[] {
  const binds = { opportunityIds, fields: [...BANT], rowLimit: 1000 };
  return runQuery(org, inlineLimitBinds(SOQL['OpportunitySelector.bantHistory'], binds), {
    binds,
    access: loadFieldAccess(org.schema, FORCE_APP)
  }).records;
}

const thrown = (fn: () => unknown): SfError => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof SfError, `expected an SfError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected an error');
};

describe('formula fields', () => {
  it('the schema reads the Keyplan_Setting values (numbers, not blanks)', () => {
    const rec = loadSchema(FORCE_APP).customMetadata.get('Keyplan_Setting__mdt')?.get('BANT_Weight_Budget');
    assert.equal(rec?.Value__c, 30);
    assert.equal(rec?.Category__c, 'BANT');
  });

  it('stores what the domain core and the formula XML compute, read back through SOQL', () => {
    const org = LocalOrg.open({ forceAppDir: FORCE_APP, dbFile: ':memory:' });
    try {
      seedFormulaRecords(org);
      checkFormulas(org, org.formulaSettings);
      // And the core by name, with the org's settings: the same numbers the components show.
      for (const p of runQuery(
        org,
        `SELECT ${[...ATTRS, ...CRITERIA].join(', ')}, Relationship_Score__c, Relationship_Type__c, Tier__c FROM Account_Plan__c`
      ).records) {
        const v = (f: string): number | null => (p[f] as number | null) ?? null;
        const score = relationshipScore(
          {
            scoreExecutiveAccess: v('Score_Executive_Access__c'),
            scoreShareOfWallet: v('Score_Share_Of_Wallet__c'),
            scoreStrategicAlignment: v('Score_Strategic_Alignment__c'),
            scoreCoInnovation: v('Score_Co_Innovation__c'),
            scoreTenure: v('Score_Tenure__c')
          },
          org.settings
        );
        assert.equal(p.Relationship_Score__c, score);
        assert.equal(p.Relationship_Type__c ?? '', relationshipTypeOf(score, org.settings));
        const tick = (f: string): boolean => p[f] === true;
        assert.equal(
          p.Tier__c,
          tierOf(
            {
              criterionRevenuePotential: tick('Criterion_Revenue_Potential__c'),
              criterionStrategicFit: tick('Criterion_Strategic_Fit__c'),
              criterionGrowthPotential: tick('Criterion_Growth_Potential__c'),
              criterionReferenceValue: tick('Criterion_Reference_Value__c'),
              criterionExecutiveAccess: tick('Criterion_Executive_Access__c')
            },
            org.settings
          ).tier
        );
      }
      const scores = runQuery(
        org,
        'SELECT Name, Keyplan_BANT_Score__c FROM Opportunity ORDER BY Name'
      ).records.map((r) => r.Keyplan_BANT_Score__c);
      const expected = STATUSES.map(([b, a, n, t]) =>
        bantScore({ budgetStatus: b, authorityStatus: a, needStatus: n, timingStatus: t }, org.settings)
      );
      assert.deepEqual(scores, expected);
      assert.deepEqual(expected, [0, 45, 100, 28]); // (30*50 + 25*50) / 100 = 27.5 -> 28
    } finally {
      org.close();
    }
  });

  it('a blank Value__c makes the formulas blank (or never reached), as the formula fields do', () => {
    const tmp = tempDir('formula-blank-');
    const blank = [
      'RelType_Weight_Tenure',
      'RelType_Band_Strategic',
      'Tier_1_Min_Criteria',
      'BANT_Points_Missing'
    ];
    const org = LocalOrg.open({
      forceAppDir: forceAppWithBlankSettings(tmp.dir, blank),
      dbFile: ':memory:'
    });
    try {
      for (const name of blank) assert.equal(org.formulaSettings[name as 'Heat_Hot'], null, name);
      assert.equal(org.settings.RelType_Weight_Tenure, 15, 'Apex-side settings keep the default');
      seedFormulaRecords(org);
      checkFormulas(org, org.formulaSettings);
      const byName = new Map(
        runQuery(
          org,
          'SELECT Name, Relationship_Score__c, Relationship_Type__c, Tier__c FROM Account_Plan__c'
        ).records.map((r) => [r.Name, r])
      );
      assert.equal(byName.get('Plan 4')?.Relationship_Score__c, null, 'tenure scored, its weight blank');
      assert.equal(
        byName.get('Plan 1')?.Relationship_Score__c,
        4,
        'tenure not scored: its weight is not read'
      );
      assert.equal(byName.get('Plan 1')?.Relationship_Type__c, 'Interdependent', 'blank Strategic band');
      assert.equal(byName.get('Plan 5')?.Tier__c, '2', '5 criteria, blank tier-1 minimum');
      const opps = runQuery(org, 'SELECT Name, Keyplan_BANT_Score__c FROM Opportunity ORDER BY Name').records;
      assert.deepEqual(
        opps.map((o) => o.Keyplan_BANT_Score__c),
        [0, null, 100, null]
      );
    } finally {
      org.close();
      tmp.cleanup();
    }
  });

  it('Is_My_Account__c follows the account owner as soon as it changes', () => {
    const org = LocalOrg.open({ forceAppDir: FORCE_APP, dbFile: ':memory:' });
    try {
      const other = org.write(() =>
        org.insert('User', { LastName: 'Other', Username: 'other@x.test', Email: 'other@x.test' })
      );
      const accountId = org.write(() => org.insert('Account', { Name: 'Mine' }));
      const planId = org.write(() =>
        org.insert('Account_Plan__c', { Name: 'P', Account__c: accountId, Fiscal_Year__c: 2026 })
      );
      const mine = (): number =>
        runQuery(org, 'SELECT Id FROM Account_Plan__c WHERE Is_My_Account__c = true').totalSize;
      assert.equal(mine(), 1);
      org.write(() => org.update('Account', accountId, { OwnerId: other }));
      assert.equal(mine(), 0);
      assert.equal(org.get('Account_Plan__c', planId)?.Is_My_Account__c, false);
      org.write(() => org.update('Account', accountId, { OwnerId: org.userId }));
      assert.equal(mine(), 1);
    } finally {
      org.close();
    }
  });
});

describe('field history', () => {
  let org: LocalOrg;
  let accountId: string;
  let oppId: string;
  const history = (ids: string[]): Record<string, unknown>[] => bantHistory(org, ids);

  before(() => {
    org = LocalOrg.open({ forceAppDir: FORCE_APP, dbFile: ':memory:' });
    accountId = org.write(() => org.insert('Account', { Name: 'History Co' }));
    oppId = org.write(() =>
      org.insert('Opportunity', {
        Name: 'Deal',
        AccountId: accountId,
        StageName: 'Qualification',
        CloseDate: '2026-06-30',
        Keyplan_Budget_Status__c: 'Unknown'
      })
    );
  });
  after(() => org.close());

  it('the schema knows which fields are tracked', () => {
    const opp = org.object('Opportunity');
    assert.deepEqual(
      opp.fields
        .filter((f) => f.trackHistory)
        .map((f) => f.name)
        .sort(),
      [...BANT].sort()
    );
  });

  it('writes one OpportunityFieldHistory row per changed tracked field, queryable like the Apex selector', () => {
    org.write(() =>
      org.update('Opportunity', oppId, {
        Keyplan_Budget_Status__c: 'Identified',
        Keyplan_Need_Status__c: 'Missing'
      })
    );
    org.write(() =>
      org.update('Opportunity', oppId, { Keyplan_Budget_Status__c: 'Identified', Amount: 5000 })
    );
    org.write(() => org.update('Opportunity', oppId, { Keyplan_Budget_Status__c: 'Confirmed' }));
    const rows = history([oppId]);
    assert.equal(rows.length, 3);
    // Newest first; the three saves can share a millisecond, and rows with the same CreatedDate come in
    // no defined order (as in the org), so the latest change is found by its value, not its position.
    const dates = rows.map((r) => String(r.CreatedDate));
    assert.deepEqual(dates, [...dates].sort().reverse());
    const latest = rows.find((r) => r.NewValue === 'Confirmed')!;
    assert.ok(latest, 'the last change is in the history');
    assert.equal(latest.OpportunityId, oppId);
    assert.equal(latest.Field, 'Keyplan_Budget_Status__c');
    assert.equal(latest.OldValue, 'Identified');
    assert.equal(latest.NewValue, 'Confirmed');
    assert.match(String(latest.CreatedDate), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    const need = rows.find((r) => r.Field === 'Keyplan_Need_Status__c');
    assert.deepEqual([need?.OldValue, need?.NewValue], [null, 'Missing']);
    const created = runQuery(
      org,
      `SELECT CreatedById FROM OpportunityFieldHistory WHERE OpportunityId = '${oppId}'`
    );
    assert.ok(created.records.every((r) => r.CreatedById === org.userId));
  });

  it('a failed save writes no history; clients cannot write history; it goes with the opportunity', () => {
    const before = history([oppId]).length;
    assert.throws(
      () =>
        org.write(() =>
          org.update('Opportunity', oppId, { Keyplan_Timing_Status__c: 'Confirmed', StageName: 'Nope' })
        ),
      /restricted picklist/
    );
    assert.throws(() =>
      org.write(() => {
        org.update('Opportunity', oppId, { Keyplan_Timing_Status__c: 'Confirmed' });
        org.update('Opportunity', oppId, { CloseDate: 'soon' });
      })
    );
    assert.equal(history([oppId]).length, before);
    assert.equal(thrown(() => org.insert('OpportunityFieldHistory', {})).errorCode, 'INVALID_TYPE');
    const id = String(runQuery(org, 'SELECT Id FROM OpportunityFieldHistory LIMIT 1').records[0].Id);
    assert.equal(thrown(() => org.delete('OpportunityFieldHistory', id)).errorCode, 'INVALID_TYPE');
    const gone = org.write(() =>
      org.insert('Opportunity', {
        Name: 'Gone',
        AccountId: accountId,
        StageName: 'Prospecting',
        CloseDate: '2026-01-01'
      })
    );
    org.write(() => org.update('Opportunity', gone, { Keyplan_Need_Status__c: 'Identified' }));
    assert.equal(history([gone]).length, 1);
    org.write(() => org.delete('Opportunity', gone));
    assert.equal(
      runQuery(org, `SELECT Id FROM OpportunityFieldHistory WHERE OpportunityId = '${gone}'`).totalSize,
      0
    );
  });

  it('seedBantHistory backdates a month of changes that replay to the current statuses, once', () => {
    const fresh = LocalOrg.open({ forceAppDir: FORCE_APP, dbFile: ':memory:' });
    try {
      const acc = fresh.write(() => fresh.insert('Account', { Name: 'Aerovance' }));
      const statuses: (string | null)[][] = [
        ['Confirmed', 'Identified', 'Confirmed', 'Unknown'],
        ['Identified', null, 'Missing', 'Identified'],
        ['Unknown', null, null, null],
        ['Confirmed', 'Confirmed', 'Confirmed', 'Confirmed']
      ];
      const ids = statuses.map((st, i) =>
        fresh.write(() =>
          fresh.insert('Opportunity', {
            Name: `Opp ${i}`,
            AccountId: acc,
            StageName: 'Qualification',
            CloseDate: '2026-06-30',
            Amount: 1000,
            ...Object.fromEntries(BANT.map((f, j) => [f, st[j]]))
          })
        )
      );
      const today = new Date('2026-04-15T12:00:00Z');
      const seeded = seedBantHistory(fresh, acc, today);
      assert.deepEqual(new Set(seeded.opportunityIds), new Set([ids[0], ids[1], ids[3]]));
      assert.ok(seeded.rows >= 8, `rows ${seeded.rows}`);
      const rows = bantHistory(fresh, ids);
      assert.equal(rows.length, seeded.rows);
      const entries = rows.map((r) => ({
        opportunityId: String(r.OpportunityId),
        field: r.Field as (typeof BANT)[number],
        oldValue: r.OldValue as 'Unknown',
        newValue: r.NewValue as 'Unknown',
        date: String(r.CreatedDate)
      }));
      for (const e of entries) assert.ok(Date.parse(e.date) < today.getTime(), e.date);
      const monthAgo = oneMonthBefore(today);
      let changed = 0;
      ids.forEach((id, i) => {
        const now = {
          id,
          amount: 1000,
          budgetStatus: statuses[i][0],
          authorityStatus: statuses[i][1],
          needStatus: statuses[i][2],
          timingStatus: statuses[i][3],
          contactRoles: []
        };
        // Replaying to today gives the current values; a month ago the score was lower.
        assert.deepEqual(statusesAsOf(now, entries, today), now);
        const then = statusesAsOf(now, entries, monthAgo);
        assert.ok(bantScore(then) <= bantScore(now));
        if (bantScore(then) < bantScore(now)) changed++;
      });
      assert.ok(changed >= 2, `${changed} opportunities changed score in the last month`);
      assert.deepEqual(seedBantHistory(fresh, acc, today), { opportunityIds: [], rows: 0 });
    } finally {
      fresh.close();
    }
  });
});

describe('keys, triggers and master-detail', () => {
  let org: LocalOrg;
  let accountId: string;
  before(() => {
    org = LocalOrg.open({ forceAppDir: FORCE_APP, dbFile: ':memory:' });
    accountId = org.write(() => org.insert('Account', { Name: 'Keys Co', Keyplan_Key__c: 'keys' }));
  });
  after(() => org.close());

  it('the schema reads caseSensitive and reparentableMasterDetail', () => {
    const f = (o: string, n: string) => org.field(org.object(o), n)!;
    assert.equal(f('Account_Plan__c', 'Keyplan_Key__c').caseSensitive, true);
    assert.equal(f('Account_Plan__c', 'Unique_Key__c').caseSensitive, false);
    assert.equal(f('Account_Plan__c', 'Account__c').reparentable, false);
  });

  it('matches Keyplan_Key__c case-sensitively: keys differing in case are two records', () => {
    const upsert = (key: string, name: string) =>
      org.write(() => org.upsert('Account', 'Keyplan_Key__c', key, { Name: name }));
    const a = upsert('acme/one', 'lower');
    const b = upsert('ACME/one', 'upper');
    assert.equal(a.created, true);
    assert.equal(b.created, true, 'a key differing only in case is another record');
    assert.notEqual(a.id, b.id);
    const again = upsert('acme/one', 'lower again');
    assert.deepEqual(again, { id: a.id, created: false });
    const dup = thrown(() =>
      org.write(() => org.insert('Account', { Name: 'x', Keyplan_Key__c: 'ACME/one' }))
    );
    assert.equal(dup.errorCode, 'DUPLICATE_VALUE');
    assert.deepEqual(dup.fields, ['Keyplan_Key__c']);
    // SOQL filters stay case-insensitive, as in the org.
    assert.equal(runQuery(org, `SELECT Id FROM Account WHERE Keyplan_Key__c = 'Acme/One'`).totalSize, 2);
    // The case-sensitive match has an index of its own (bundle loads upsert every record by key).
    const plan = org.db
      .prepare('EXPLAIN QUERY PLAN SELECT "Id" FROM "Account" WHERE "Keyplan_Key__c" = ? COLLATE BINARY')
      .all('x') as { detail: string }[];
    assert.match(plan.map((r) => r.detail).join(' '), /USING (COVERING )?INDEX ix_Account_Keyplan_Key__c_cs/);
  });

  it('rejects a second plan or cell with the trigger message, on insert and update, from any client', () => {
    const p26 = org.write(() =>
      org.insert('Account_Plan__c', { Name: 'FY26', Account__c: accountId, Fiscal_Year__c: 2026 })
    );
    const p27 = org.write(() =>
      org.insert('Account_Plan__c', { Name: 'FY27', Account__c: accountId, Fiscal_Year__c: 2027 })
    );
    const plan = thrown(() =>
      org.write(() =>
        org.insert('Account_Plan__c', { Name: 'again', Account__c: accountId, Fiscal_Year__c: 2026 })
      )
    );
    assert.equal(plan.errorCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    assert.deepEqual(plan.fields, ['Fiscal_Year__c']);
    assert.equal(
      plan.message,
      'This account already has a plan for fiscal year 2026. Open that plan instead of creating another.'
    );
    assert.match(
      thrown(() => org.write(() => org.update('Account_Plan__c', p27, { Fiscal_Year__c: 2026 }))).message,
      /fiscal year 2026/
    );
    org.write(() => org.update('Account_Plan__c', p26, { Name: 'FY26 renamed' }));
    // Unique_Key__c is not case-sensitive: an upsert by its lower-cased value finds the plan.
    const byKey = org.write(() =>
      org.upsert('Account_Plan__c', 'Unique_Key__c', `${accountId}:2026`.toLowerCase(), { Name: 'FY26' })
    );
    assert.deepEqual(byKey, { id: p26, created: false });

    const bc = org.write(() => org.insert('Buying_Center__c', { Name: 'IT', Account__c: accountId }));
    const off = org.write(() => org.insert('Offering__c', { Name: 'Cloud', Active__c: true }));
    org.write(() =>
      org.insert('Landscape_Cell__c', {
        Buying_Center__c: bc,
        Offering__c: off,
        Fiscal_Year__c: 2026,
        State__c: 'Whitespace'
      })
    );
    const cell = thrown(() =>
      org.write(() =>
        org.insert('Landscape_Cell__c', { Buying_Center__c: bc, Offering__c: off, Fiscal_Year__c: 2026 })
      )
    );
    assert.deepEqual([cell.errorCode, cell.fields], ['FIELD_CUSTOM_VALIDATION_EXCEPTION', ['Offering__c']]);
    assert.equal(
      cell.message,
      'This buying center already has a landscape cell for this offering in fiscal year 2026. Edit that cell instead of creating another.'
    );
  });

  it('refuses to reparent a non-reparentable master-detail child; the same master is fine', () => {
    const other = org.write(() => org.insert('Account', { Name: 'Other' }));
    const plan = org.write(() =>
      org.insert('Account_Plan__c', { Name: 'P', Account__c: accountId, Fiscal_Year__c: 2030 })
    );
    const err = thrown(() => org.write(() => org.update('Account_Plan__c', plan, { Account__c: other })));
    assert.equal(err.errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    assert.deepEqual(err.fields, ['Account__c']);
    assert.equal(org.get('Account_Plan__c', plan)?.Account__c, accountId);
    // The 15-character form of the same id is the same master.
    org.write(() => org.update('Account_Plan__c', plan, { Account__c: accountId.slice(0, 15), Name: 'P2' }));
    assert.equal(org.get('Account_Plan__c', plan)?.Name, 'P2');
    // With reparentableMasterDetail the same move is allowed.
    const field = org.field(org.object('Account_Plan__c'), 'Account__c')!;
    field.reparentable = true;
    try {
      org.write(() => org.update('Account_Plan__c', plan, { Account__c: other }));
      assert.equal(org.get('Account_Plan__c', plan)?.Account__c, other);
    } finally {
      field.reparentable = false;
    }
  });
});
