/**
 * Group accounts through the twins (KeyplanHierarchy and the scoped reads): the org chart, matrix, BANT and
 * plan summary of a group read every account below it; a subsidiary reads its own part and names the group
 * above; links cross companies of the group and are refused outside it; a hierarchy past the bound is
 * refused with the Apex message.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  BantData,
  OrgChartPage,
  PlanSummaryData,
  RelationshipLinkDto,
  WhitespaceData
} from '../../../src/contracts';
import type { SeedBundle } from '../../seed';
import { HIERARCHY } from './lib/hierarchy';
import { errorOf, startTwinOrg, type TwinOrg } from './lib/testing';

const FY = 2026;
const seed = (): SeedBundle => ({
  objects: [
    [
      'Account',
      [
        { ref: 'grp', Name: 'Group Top' },
        { ref: 'sub', Name: 'Group Sub', ParentId: '@grp' },
        { ref: 'grand', Name: 'Group Grandchild', ParentId: '@sub' },
        { ref: 'other', Name: 'Other Group' }
      ]
    ],
    ['Buying_Center__c', [{ ref: 'ops', Name: 'Group Ops', Account__c: '@grp', Active__c: true }]],
    [
      'Contact',
      [
        { ref: 'ceo', LastName: 'Group CEO', AccountId: '@grp' },
        { ref: 'md', LastName: 'Sub MD', AccountId: '@sub', ReportsToId: '@ceo' },
        { ref: 'eng', LastName: 'Grand Engineer', AccountId: '@grand', ReportsToId: '@md' },
        { ref: 'outsider', LastName: 'Outsider', AccountId: '@other' }
      ]
    ],
    [
      'Opportunity',
      [
        {
          ref: 'grandDeal',
          Name: 'Grandchild deal',
          AccountId: '@grand',
          StageName: 'Prospecting',
          CloseDate: `${FY}-06-30`,
          Amount: 9000000,
          Keyplan_Buying_Center__c: '@ops'
        },
        {
          ref: 'subWon',
          Name: 'Subsidiary won',
          AccountId: '@sub',
          StageName: 'Closed Won',
          CloseDate: `${FY}-05-15`,
          Amount: 7000000
        },
        {
          ref: 'otherDeal',
          Name: 'Other deal',
          AccountId: '@other',
          StageName: 'Prospecting',
          CloseDate: `${FY}-06-30`,
          Amount: 1
        }
      ]
    ]
  ]
});

describe('group accounts through the twins', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg(seed);
  });
  after(async () => {
    await t.close();
  });

  it('the org chart of a group spans every company below it and names each person’s company', async () => {
    const res = await t.call('OrgChartController', 'loadOrgChartPage', {
      accountId: t.id('grp'),
      cursor: null
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const page = res.body as OrgChartPage;
    assert.deepEqual(
      page.accounts?.map((a) => a.name),
      ['Group Top', 'Group Sub', 'Group Grandchild'],
      'level by level, the other group left out'
    );
    const byName = new Map(page.contacts.map((c) => [c.name, c]));
    assert.equal(byName.get('Grand Engineer')?.accountId, t.id('grand'));
    assert.equal(byName.has('Outsider'), false);
    assert.equal(page.totalContacts, 3);
  });

  it('the matrix, BANT and plan summary of a group count the subsidiaries’ deals; a subsidiary sees its part', async () => {
    const ws = (
      await t.call('WhitespaceController', 'getWhitespace', { accountId: t.id('grp'), fiscalYear: FY })
    ).body as WhitespaceData;
    assert.deepEqual(ws.opportunities.map((o) => o.name).sort(), ['Grandchild deal', 'Subsidiary won']);
    assert.equal(ws.opportunities.find((o) => o.name === 'Grandchild deal')?.buyingCenterId, t.id('ops'));
    const bant = (await t.call('BantController', 'getBant', { recordId: t.id('grp') })).body as BantData;
    assert.deepEqual(
      bant.opportunities.map((o) => o.name),
      ['Grandchild deal']
    );
    const sum = (
      await t.call('AccountPlanController', 'getPlanSummary', { accountId: t.id('grp'), fiscalYear: FY })
    ).body as PlanSummaryData;
    assert.equal(sum.opportunities.length, 2);
    assert.equal(sum.groupAccount ?? null, null, 'the top has no group above it');
    const part = (
      await t.call('AccountPlanController', 'getPlanSummary', { accountId: t.id('sub'), fiscalYear: FY })
    ).body as PlanSummaryData;
    assert.deepEqual(part.opportunities.map((o) => o.name).sort(), ['Grandchild deal', 'Subsidiary won']);
    assert.equal(part.groupAccount?.id, t.id('grp'), 'the link to the group plan');
    const grand = (await t.call('BantController', 'getBant', { recordId: t.id('grand') })).body as BantData;
    assert.equal(grand.opportunities.length, 1);
  });

  it('a link may cross companies of the group and is refused when it leaves it', async () => {
    const input = {
      accountId: t.id('grp'),
      fromContactId: t.id('eng'),
      fromUserId: null,
      toContactId: t.id('ceo'),
      type: 'Influence',
      strength: 4,
      frequency: 'Monthly',
      influenceLevel: null,
      polarity: 'Positive',
      lastInteraction: `${FY}-01-15`
    };
    const ok = await t.call('OrgChartController', 'saveLink', { input });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((ok.body as RelationshipLinkDto).fromContactId, t.id('eng'));
    const n = t.count('Relationship_Link__c');
    const out = await t.call('OrgChartController', 'saveLink', {
      input: { ...input, toContactId: t.id('outsider') }
    });
    assert.equal(out.status, 400);
    assert.match(
      errorOf(out).message,
      /^toContactId: Outsider works for a company outside this account and its subsidiaries\./
    );
    // On the subsidiary's chart, the group CEO is outside its part: refused there too.
    const up = await t.call('OrgChartController', 'saveLink', {
      input: { ...input, accountId: t.id('sub') }
    });
    assert.equal(up.status, 400);
    assert.equal(t.count('Relationship_Link__c'), n, 'nothing written');
  });

  it('a buying center may name a subsidiary below the account, never one above or outside it', async () => {
    const ok = await t.call('WhitespaceController', 'createBuyingCenter', {
      accountId: t.id('grp'),
      name: 'Grandchild engineering',
      parentId: t.id('ops'),
      subsidiaryId: t.id('grand')
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const matrix = await t.call('WhitespaceController', 'getWhitespace', {
      accountId: t.id('grp'),
      fiscalYear: FY
    });
    const created = (matrix.body as WhitespaceData).buyingCenters.find(
      (b) => b.name === 'Grandchild engineering'
    );
    assert.equal(created?.subsidiaryId, t.id('grand'));
    const n = t.count('Buying_Center__c');
    // On the subsidiary's plan the group above is outside its part.
    const up = await t.call('WhitespaceController', 'createBuyingCenter', {
      accountId: t.id('sub'),
      name: 'Up',
      parentId: null,
      subsidiaryId: t.id('grp')
    });
    assert.equal(up.status, 400);
    assert.match(
      errorOf(up).message,
      /^subsidiaryId: Group Top \(\w+\) is not a company of the group of Group Sub\./
    );
    assert.equal(t.count('Buying_Center__c'), n, 'nothing written');
  });

  it('refuses a hierarchy past its bound with the Apex message', async () => {
    const was = HIERARCHY.maxAccounts;
    HIERARCHY.maxAccounts = 2;
    try {
      const res = await t.call('OrgChartController', 'loadOrgChartPage', {
        accountId: t.id('grp'),
        cursor: null
      });
      assert.equal(res.status, 400);
      assert.match(errorOf(res).message, /^accountId: Group Top has more than 2 accounts in its hierarchy/);
    } finally {
      HIERARCHY.maxAccounts = was;
    }
  });
});
