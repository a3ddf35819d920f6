import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AssessmentCopyResult,
  LandscapeCellDto,
  MatrixBuyingCenter,
  MatrixOpportunity,
  WhitespaceData
} from '../../../src/contracts';
import { errorOf, nextSecond, ruleError, staleMessage, startTwinOrg, type TwinOrg } from './lib/testing';

describe('WhitespaceController twin over HTTP', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg();
  });
  after(async () => t?.close());

  const matrix = async (fiscalYear = 2026): Promise<WhitespaceData> => {
    const res = await t.call('WhitespaceController', 'getWhitespace', {
      accountId: t.id('acme'),
      fiscalYear
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return WhitespaceData.parse(res.body);
  };
  /** Sums straight from the stored opportunities (not through the twin). */
  const stored = (where: string): number =>
    (
      t.running.org.db
        .prepare(
          `SELECT COALESCE(SUM("Amount"), 0) AS s FROM "Opportunity" WHERE "AccountId" = ? AND ${where}`
        )
        .get(t.id('acme')) as { s: number }
    ).s;

  it('getWhitespace returns the year asked and the year before, with won and pipeline money equal to the opportunities', async () => {
    const data = await matrix();
    assert.deepEqual(data.fiscalYears, [2025, 2026]);
    assert.equal(data.currencyCode, 'USD');
    assert.deepEqual(
      data.buyingCenters.map((b) => b.name),
      ['Group IT', 'Finance']
    );
    assert.equal(data.buyingCenters[0].walletSize, 900000);
    assert.deepEqual(
      data.offerings.map((o) => [o.name, o.active]),
      [
        ['Cloud Platform', true],
        ['Legacy Support', false]
      ]
    );
    assert.equal(data.cells.length, 3);
    assert.equal(data.cells.find((c) => c.state === 'Competitor')!.competitor, 'Rival');
    // 2024 is outside the window; 2025 and 2026 are in it.
    assert.deepEqual(
      data.opportunities.map((o) => o.name),
      ['Won 2025', 'Won 2026', 'Lost 2026', 'Open 2026', 'Open 2026 B']
    );
    const won = data.opportunities.filter((o) => o.isWon).reduce((s, o) => s + (o.amount ?? 0), 0);
    const pipeline = data.opportunities.filter((o) => !o.isClosed).reduce((s, o) => s + (o.amount ?? 0), 0);
    assert.equal(won, stored(`"IsWon" = 1 AND "FiscalYear" IN (2025, 2026)`));
    assert.equal(won, 120000);
    assert.equal(pipeline, stored(`"IsClosed" = 0 AND "FiscalYear" IN (2025, 2026)`));
    assert.equal(pipeline, 70000);
    assert.deepEqual(data.plan, {
      revenueGoal: 500000,
      miningGoal: 200000,
      farmingGoal: 100000,
      fiscalYear: 2026
    });
  });

  it('getWhitespace refuses a year out of range with the service message', async () => {
    const res = await t.call('WhitespaceController', 'getWhitespace', {
      accountId: t.id('acme'),
      fiscalYear: 1999
    });
    assert.equal(res.status, 400);
    assert.equal(
      errorOf(res).message,
      'fiscalYear: Fiscal year must be a four-digit year between 2000 and 2100, for example 2026.'
    );
  });

  it('saveCell creates a cell, updates it, and refuses a stale copy', async () => {
    const key = { buyingCenterId: t.id('fin'), offeringId: t.id('cloud'), fiscalYear: 2025 };
    const created = await t.call('WhitespaceController', 'saveCell', {
      input: { ...key, state: 'Whitespace', competitor: null, potential: 12000 }
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const cell = LandscapeCellDto.parse(created.body);
    assert.equal(t.running.org.get('Landscape_Cell__c', cell.id)!.Potential__c, 12000);

    // Someone created the cell after this user loaded the matrix: no lastModified -> stale.
    const raced = await t.call('WhitespaceController', 'saveCell', {
      input: { ...key, state: 'Not Applicable', competitor: null, potential: null }
    });
    assert.equal(raced.status, 400);
    assert.equal(errorOf(raced).message, staleMessage('The landscape cell for fiscal year 2025'));

    await nextSecond();
    const updated = await t.call('WhitespaceController', 'saveCell', {
      input: {
        ...key,
        id: cell.id,
        lastModified: cell.lastModified,
        state: 'Competitor',
        competitor: '  Rival Inc ',
        potential: 3000
      }
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.equal(LandscapeCellDto.parse(updated.body).competitor, 'Rival Inc');

    const stale = await t.call('WhitespaceController', 'saveCell', {
      input: {
        ...key,
        id: cell.id,
        lastModified: cell.lastModified,
        state: 'Whitespace',
        competitor: null,
        potential: 1
      }
    });
    assert.equal(stale.status, 400);
    assert.equal(errorOf(stale).message, staleMessage('The landscape cell for fiscal year 2025'));
    assert.equal(t.running.org.get('Landscape_Cell__c', cell.id)!.State__c, 'Competitor');
  });

  it('saveCell refuses Competitor without a name, and passes the inactive-offering rule through writing nothing', async () => {
    const noName = await t.call('WhitespaceController', 'saveCell', {
      input: {
        buyingCenterId: t.id('it'),
        offeringId: t.id('cloud'),
        fiscalYear: 2027,
        state: 'Competitor',
        competitor: '  ',
        potential: null
      }
    });
    assert.equal(noName.status, 400);
    assert.equal(errorOf(noName).message, ruleError(t, 'Landscape_Cell__c', 'Competitor_Required'));

    const n = t.count('Landscape_Cell__c');
    const inactive = await t.call('WhitespaceController', 'saveCell', {
      input: {
        buyingCenterId: t.id('it'),
        offeringId: t.id('legacy'),
        fiscalYear: 2026,
        state: 'Whitespace',
        competitor: null,
        potential: 5
      }
    });
    assert.equal(inactive.status, 400);
    const rule = t.running.org.schema.objects
      .get('Landscape_Cell__c')!
      .validationRules!.find((r) => r.name === 'Offering_Must_Be_Active')!;
    assert.ok(errorOf(inactive).message.includes(rule.message), errorOf(inactive).message);
    assert.equal(errorOf(inactive).code, 'VALIDATION');
    assert.ok(errorOf(inactive).fieldErrors?.Offering__c, 'mapped to the field');
    assert.equal(t.count('Landscape_Cell__c'), n, 'nothing written');
  });

  it('createBuyingCenter creates an active center and refuses a parent from another account', async () => {
    const ok = await t.call('WhitespaceController', 'createBuyingCenter', {
      accountId: t.id('acme'),
      name: '  Operations  ',
      parentId: t.id('it')
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const bc = MatrixBuyingCenter.parse(ok.body);
    assert.equal(bc.name, 'Operations');
    assert.equal(bc.active, true);
    assert.equal(bc.parentId, t.id('it'));

    const n = t.count('Buying_Center__c');
    const bad = await t.call('WhitespaceController', 'createBuyingCenter', {
      accountId: t.id('acme'),
      name: 'Wrong parent',
      parentId: t.id('otherBc')
    });
    assert.equal(bad.status, 400);
    assert.equal(errorOf(bad).message, ruleError(t, 'Buying_Center__c', 'Parent_In_Same_Account'));
    assert.equal(t.count('Buying_Center__c'), n);
  });

  it('createBuyingCenter names a subsidiary of the group and refuses one outside it by name', async () => {
    const ok = await t.call('WhitespaceController', 'createBuyingCenter', {
      accountId: t.id('acme'),
      name: 'Group services',
      parentId: null,
      subsidiaryId: t.id('acme')
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(MatrixBuyingCenter.parse(ok.body).subsidiaryId, t.id('acme'));

    const n = t.count('Buying_Center__c');
    const bad = await t.call('WhitespaceController', 'createBuyingCenter', {
      accountId: t.id('acme'),
      name: 'Outside',
      parentId: null,
      subsidiaryId: t.id('other')
    });
    assert.equal(bad.status, 400);
    assert.equal(
      errorOf(bad).message,
      `subsidiaryId: Other Co (${t.id('other')}) is not a company of the group of Acme Industries. Choose Acme Industries or an account below it in the account hierarchy, or no subsidiary.`
    );
    assert.equal(t.count('Buying_Center__c'), n, 'nothing written');
  });

  it('mapOpportunity maps, refuses a stale copy and passes the buying-center rule through', async () => {
    const opp = (await matrix()).opportunities.find((o) => o.name === 'Open 2026')!;
    const lastModified = String(t.running.org.get('Opportunity', opp.id)!.LastModifiedDate);
    // The matrix carries the version the component sends back.
    const iso = opp.lastModified;
    assert.equal(iso, new Date(lastModified.replace('+0000', 'Z')).toISOString());
    await nextSecond();
    const ok = await t.call('WhitespaceController', 'mapOpportunity', {
      opportunityId: opp.id,
      buyingCenterId: t.id('fin'),
      offeringId: t.id('cloud'),
      lastModified: iso
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const mapped = MatrixOpportunity.parse(ok.body);
    assert.equal(mapped.buyingCenterId, t.id('fin'));
    assert.equal(t.running.org.get('Opportunity', opp.id)!.Keyplan_Offering__c, t.id('cloud'));
    assert.ok(mapped.lastModified > iso, 'the result carries the new version');

    const stale = await t.call('WhitespaceController', 'mapOpportunity', {
      opportunityId: opp.id,
      buyingCenterId: null,
      offeringId: null,
      lastModified: iso
    });
    assert.equal(stale.status, 400);
    assert.equal(errorOf(stale).message, staleMessage('Opportunity Open 2026'));

    const now = String(t.running.org.get('Opportunity', opp.id)!.LastModifiedDate);
    const cross = await t.call('WhitespaceController', 'mapOpportunity', {
      opportunityId: opp.id,
      buyingCenterId: t.id('otherBc'),
      offeringId: null,
      lastModified: now
    });
    assert.equal(cross.status, 400);
    const rule = t.running.org.schema.objects
      .get('Opportunity')!
      .validationRules!.find((r) => r.name === 'Keyplan_Buying_Center_In_Account')!;
    assert.ok(errorOf(cross).message.includes(rule.message), errorOf(cross).message);
    assert.equal(
      t.running.org.get('Opportunity', opp.id)!.Keyplan_Buying_Center__c,
      t.id('fin'),
      'nothing written'
    );
  });

  it('copyAssessment copies states, competitors, potentials and notes into the next year, refuses to overwrite assessed cells unless asked, all or none', async () => {
    const org = t.running.org;
    const cell = (
      bc: string,
      offering: string,
      fiscalYear: number,
      values: Record<string, unknown>
    ): string =>
      org.write(() =>
        org.insert('Landscape_Cell__c', {
          Buying_Center__c: t.id(bc),
          Offering__c: t.id(offering),
          Fiscal_Year__c: fiscalYear,
          ...values
        })
      );
    // Cells of an inactive offering cannot be saved: the legacy offering is active while they are made.
    org.write(() => org.update('Offering__c', t.id('legacy'), { Active__c: true }));
    cell('it', 'cloud', 2032, { State__c: 'Whitespace', Potential__c: 7 });
    cell('it', 'legacy', 2032, { State__c: 'Whitespace', Potential__c: 8 });
    cell('it', 'cloud', 2030, { State__c: 'Whitespace', Potential__c: 80000, Notes__c: 'Budget in Q2' });
    cell('fin', 'cloud', 2030, { State__c: 'Competitor', Competitor__c: 'Rival', Potential__c: 20000 });
    cell('fin', 'legacy', 2030, { State__c: 'Unassessed' });
    org.write(() => org.update('Offering__c', t.id('legacy'), { Active__c: false }));
    const copy = (fromYear: number, overwrite: boolean) =>
      t.call('WhitespaceController', 'copyAssessment', { accountId: t.id('acme'), fromYear, overwrite });
    interface StoredCell {
      bc: string;
      state: string | null;
      competitor: string | null;
      potential: number | null;
      notes: string | null;
    }
    const year = (fiscalYear: number): StoredCell[] =>
      org.db
        .prepare(
          `SELECT "Buying_Center__c" AS bc, "State__c" AS state, "Competitor__c" AS competitor, "Potential__c" AS potential, "Notes__c" AS notes FROM "Landscape_Cell__c" WHERE "Fiscal_Year__c" = ? ORDER BY "Potential__c", "State__c"`
        )
        .all(fiscalYear) as StoredCell[];

    const first = await copy(2030, false);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(AssessmentCopyResult.parse(first.body), {
      fromYear: 2030,
      toYear: 2031,
      created: 2,
      updated: 0
    });
    assert.deepEqual(year(2031), [
      { bc: t.id('fin'), state: 'Competitor', competitor: 'Rival', potential: 20000, notes: null },
      { bc: t.id('it'), state: 'Whitespace', competitor: null, potential: 80000, notes: 'Budget in Q2' }
    ]);

    // The next year is now assessed: a second copy is refused, naming the cells, and writes nothing.
    await nextSecond();
    org.write(() => org.update('Landscape_Cell__c', cell('it', 'cloud', 2029, {}), { Potential__c: 1 }));
    cell('fin', 'cloud', 2029, { State__c: 'Not Applicable' });
    const refused = await copy(2029, false);
    assert.equal(refused.status, 400);
    assert.equal(
      errorOf(refused).message,
      'overwrite: 2 cells of fiscal year 2030 are already assessed (Finance / Cloud Platform, Group IT / Cloud Platform). Nothing was copied; copy with overwrite to replace them.'
    );
    assert.equal(year(2030).length, 3);
    assert.equal(
      t.count('Landscape_Cell__c', '"Fiscal_Year__c" = 2030 AND "Potential__c" = 1'),
      0,
      'nothing written'
    );

    const replaced = await copy(2029, true);
    assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
    assert.deepEqual(AssessmentCopyResult.parse(replaced.body), {
      fromYear: 2029,
      toYear: 2030,
      created: 0,
      updated: 2
    });
    assert.deepEqual(
      year(2030).map((c) => [c.state, c.potential]),
      [
        ['Not Applicable', null],
        ['Unassessed', null],
        [year(2029).find((c) => c.potential === 1)!.state, 1]
      ]
    );

    // A row the save path refuses (a cell of an inactive offering) writes none of the others.
    const n = t.count('Landscape_Cell__c');
    const failed = await copy(2032, false);
    assert.equal(failed.status, 400);
    assert.equal(errorOf(failed).code, 'VALIDATION');
    assert.equal(t.count('Landscape_Cell__c'), n, 'all or none');

    const outOfRange = await copy(2100, false);
    assert.equal(outOfRange.status, 400);
    assert.match(errorOf(outOfRange).message, /^fiscalYear: /);
  });
});
