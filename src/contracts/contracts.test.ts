import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import {
  BantData,
  ContactStakeholderInput,
  LandscapeCellInput,
  OrgChartData,
  PlanInput,
  PlanSummaryData,
  RelationshipLinkDto,
  RelationshipLinkInput,
  WhitespaceData
} from './index';
import { generateAccount } from '../generator';

const account = generateAccount({ seed: 3, contacts: 80, opportunities: 60, messiness: 0.05 });
const ID = '0035g000000TN1EAAW';
const STAMP = '2025-06-12T09:30:00.000Z';

/** The dotted paths of every issue when parsing fails (fails the test if parsing succeeds). */
function issuePaths(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  assert.equal(r.success, false, 'expected the value to be rejected');
  return r.error!.issues.map((i) => i.path.join('.'));
}

test('generated accounts satisfy every read contract', () => {
  assert.equal(OrgChartData.safeParse(account.orgChart).success, true);
  assert.equal(WhitespaceData.safeParse(account.whitespace).success, true);
  assert.equal(BantData.safeParse(account.bant).success, true);
  assert.equal(PlanSummaryData.safeParse(account.planSummary).success, true);
});

test('the generator is deterministic and uses Salesforce id shapes', () => {
  assert.deepEqual(generateAccount({ seed: 3, contacts: 80, opportunities: 60, messiness: 0.05 }), account);
  assert.notDeepEqual(
    generateAccount({ seed: 4, contacts: 80 }).orgChart.contacts,
    account.orgChart.contacts
  );
  assert.match(account.orgChart.contacts[0].id, /^003[a-zA-Z0-9]{15}$/);
  assert.match(account.whitespace.opportunities[0].id, /^006[a-zA-Z0-9]{15}$/);
  assert.match(account.orgChart.accountId, /^001[a-zA-Z0-9]{15}$/);
});

test('malformed org chart data is rejected with the path of the bad field', () => {
  const bad = structuredClone(account.orgChart);
  (bad.contacts[3] as { stance: string }).stance = 'Enemy';
  (bad.contacts[5] as { lastModified: string }).lastModified = 'yesterday';
  (bad.links[2] as { strength: number }).strength = 9;
  assert.deepEqual(issuePaths(OrgChartData, bad), [
    'contacts.3.stance',
    'contacts.5.lastModified',
    'links.2.strength'
  ]);
  assert.deepEqual(issuePaths(OrgChartData, { ...account.orgChart, truncated: 'no' }), ['truncated']);
});

test('a link must come from exactly one of a contact or a user', () => {
  const link = { ...account.orgChart.links[0], fromContactId: ID, fromUserId: '0055g000000TN1EAAW' };
  assert.deepEqual(issuePaths(RelationshipLinkDto, link), ['fromContactId']);
  const input = {
    accountId: account.orgChart.accountId,
    fromContactId: ID,
    fromUserId: null,
    toContactId: ID,
    type: 'Influence',
    strength: 3,
    frequency: 'Weekly',
    influenceLevel: 'High',
    polarity: 'Positive',
    lastInteraction: '2025-06-01'
  };
  assert.deepEqual(issuePaths(RelationshipLinkInput, input), ['toContactId']);
  assert.deepEqual(
    issuePaths(RelationshipLinkInput, {
      ...input,
      toContactId: '0035g000000TN1FAAW',
      id: 'a045g000000TN1EAAW'
    }),
    ['lastModified']
  );
  assert.equal(
    RelationshipLinkInput.safeParse({ ...input, toContactId: '0035g000000TN1FAAW' }).success,
    true
  );
});

test('stakeholder edits carry every stakeholder field (null clears) and only known, valid values', () => {
  const all = {
    id: ID,
    lastModified: STAMP,
    stance: 'Champion',
    decisionRole: null,
    buyerRole: null,
    responseMode: null,
    influenceLevel: 'High',
    buyingCenterId: null,
    budgetOwned: null,
    reportsToId: null
  };
  assert.equal(ContactStakeholderInput.safeParse(all).success, true);
  // Apex writes all eight fields: a partial input would clear the ones it leaves out, so it is refused.
  assert.deepEqual(
    issuePaths(ContactStakeholderInput, { id: ID, lastModified: STAMP, stance: 'Champion', buyerRole: null }),
    ['decisionRole', 'responseMode', 'influenceLevel', 'buyingCenterId', 'budgetOwned', 'reportsToId']
  );
  const { budgetOwned: _omitted, ...withoutBudget } = all;
  assert.deepEqual(issuePaths(ContactStakeholderInput, withoutBudget), ['budgetOwned']);
  assert.deepEqual(issuePaths(ContactStakeholderInput, { ...all, Keyplan_Stance__c: 'Champion' }), ['']);
  assert.deepEqual(issuePaths(ContactStakeholderInput, { ...all, id: 'not-an-id' }), ['id']);
  assert.deepEqual(issuePaths(ContactStakeholderInput, { ...all, stance: 'Fan' }), ['stance']);
  assert.deepEqual(issuePaths(ContactStakeholderInput, { ...all, reportsToId: ID }), ['reportsToId']);
});

test('landscape cell input: the fiscal-year range is checked, the competitor name is left to the validation rule', () => {
  const cell = {
    buyingCenterId: 'a015g000000TN1EAAW',
    offeringId: 'a025g000000TN1EAAW',
    fiscalYear: 2025,
    state: 'Competitor',
    competitor: '  ',
    potential: 100
  };
  // A blank competitor is the validation rule's to refuse (Competitor_Required), not the contract's.
  assert.equal(LandscapeCellInput.safeParse(cell).success, true);
  assert.equal(LandscapeCellInput.safeParse({ ...cell, competitor: 'Globex' }).success, true);
  assert.deepEqual(issuePaths(LandscapeCellInput, { ...cell, competitor: 'Globex', fiscalYear: 25 }), [
    'fiscalYear'
  ]);
  const ws = structuredClone(account.whitespace);
  (ws.opportunities[1] as { closeDate: string }).closeDate = '2025-13-40';
  (ws as { currencyCode: string }).currencyCode = 'euro';
  assert.deepEqual(issuePaths(WhitespaceData, ws), ['currencyCode', 'opportunities.1.closeDate']);
  // One fiscal-year range everywhere (issue 16 point 4): 2000-2100, as the validation rules and Apex.
  for (const fiscalYear of [1999, 2101])
    assert.deepEqual(issuePaths(LandscapeCellInput, { ...cell, competitor: 'Globex', fiscalYear }), [
      'fiscalYear'
    ]);
  assert.equal(
    LandscapeCellInput.safeParse({ ...cell, competitor: 'Globex', fiscalYear: 2100 }).success,
    true
  );
});

test('BANT data and plan inputs reject bad statuses and inconsistent goals', () => {
  const bant = structuredClone(account.bant);
  if (bant.opportunities[0]) {
    (bant.opportunities[0].contactRoles as unknown[]).push({
      contactId: ID,
      name: 'X',
      role: null,
      isPrimary: 'yes',
      buyerRole: null,
      decisionRole: null,
      budgetOwned: null
    });
    const i = bant.opportunities[0].contactRoles.length - 1;
    assert.deepEqual(issuePaths(BantData, bant), [`opportunities.0.contactRoles.${i}.isPrimary`]);
  }
  const plan = {
    accountId: account.orgChart.accountId,
    name: 'Plan 2025',
    fiscalYear: 2025,
    status: 'Active',
    revenueGoal: 100,
    miningGoal: 80,
    farmingGoal: 40
  };
  assert.deepEqual(issuePaths(PlanInput, plan), ['miningGoal']);
  assert.deepEqual(issuePaths(PlanInput, { ...plan, farmingGoal: 20, scoreTenure: 6 }), ['scoreTenure']);
  assert.equal(PlanInput.safeParse({ ...plan, farmingGoal: 20 }).success, true);
});
