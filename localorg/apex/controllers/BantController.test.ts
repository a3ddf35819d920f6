import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bantScore } from '../../../force-app/main/default/lwc/keyplanCore/bant';
import { BantData, BantOpportunity } from '../../../src/contracts';
import { earlier, errorOf, staleMessage, startTwinOrg, type TwinOrg } from './lib/testing';

describe('BantController twin over HTTP', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg();
  });
  after(async () => t?.close());

  const bant = async (recordId: string): Promise<BantData> => {
    const res = await t.call('BantController', 'getBant', { recordId });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return BantData.parse(res.body);
  };

  it('getBant on an account lists its open opportunities closing soonest first, with contact roles and the formula score', async () => {
    const data = await bant(t.id('acme'));
    assert.equal(data.accountId, t.id('acme'));
    assert.deepEqual(
      data.opportunities.map((o) => o.name),
      ['Open 2026', 'Open 2026 B']
    );
    const open = data.opportunities[0];
    assert.equal(open.budgetStatus, 'Confirmed');
    assert.equal(open.bantScore, bantScore(open, t.running.org.settings));
    assert.ok(open.bantScore! > 0);
    // Primary first.
    assert.deepEqual(
      open.contactRoles.map((r) => [r.name, r.role, r.isPrimary, r.decisionRole]),
      [
        ['Cleo Diaz', 'Economic Buyer', true, 'Decision Maker'],
        ['Ben Costa', 'Evaluator', false, null]
      ]
    );
    assert.equal(open.contactRoles[1].buyerRole, 'Economic Buyer');
    assert.deepEqual(data.opportunities[1].contactRoles, []);
    assert.deepEqual(data.history, []);
  });

  it('getBant on an opportunity returns that one (closed too); on another record it says where it works', async () => {
    const data = await bant(t.id('won26'));
    assert.equal(data.accountId, t.id('acme'));
    assert.deepEqual(
      data.opportunities.map((o) => o.name),
      ['Won 2026']
    );
    const res = await t.call('BantController', 'getBant', { recordId: t.id('ceo') });
    assert.equal(res.status, 400);
    assert.equal(
      errorOf(res).message,
      'recordId: The BANT panel works on an Account or an Opportunity page.'
    );
  });

  it('saveBant persists statuses and evidence with the recomputed score, and refuses a stale copy', async () => {
    const opp = (await bant(t.id('open26b'))).opportunities[0];
    const ok = await t.call('BantController', 'saveBant', {
      input: {
        id: opp.id,
        lastModified: opp.lastModified,
        authorityStatus: 'Confirmed',
        timingEvidence: 'Board meets in May'
      }
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const saved = BantOpportunity.parse(ok.body);
    assert.equal(saved.authorityStatus, 'Confirmed');
    assert.equal(saved.timingEvidence, 'Board meets in May');
    assert.equal(saved.bantScore, bantScore(saved, t.running.org.settings));
    assert.notEqual(saved.bantScore, opp.bantScore);
    assert.equal(t.running.org.get('Opportunity', opp.id)!.Keyplan_Authority_Status__c, 'Confirmed');

    const stale = await t.call('BantController', 'saveBant', {
      input: { id: opp.id, lastModified: earlier(saved.lastModified), needStatus: 'Missing' }
    });
    assert.equal(stale.status, 400);
    assert.equal(errorOf(stale).message, staleMessage('Opportunity Open 2026 B'));
    assert.equal(t.running.org.get('Opportunity', opp.id)!.Keyplan_Need_Status__c, null);
  });

  it('saveBant refuses long evidence and passes a bad picklist value through, writing nothing', async () => {
    const opp = (await bant(t.id('open26'))).opportunities[0];
    const long = await t.call('BantController', 'saveBant', {
      input: { id: opp.id, lastModified: opp.lastModified, needEvidence: 'x'.repeat(256) }
    });
    assert.equal(long.status, 400);
    assert.equal(errorOf(long).message, 'needEvidence: Evidence has at most 255 characters; shorten it.');

    const bad = await t.call('BantController', 'saveBant', {
      input: { id: opp.id, lastModified: opp.lastModified, budgetStatus: 'Maybe' }
    });
    assert.equal(bad.status, 400);
    assert.match(
      errorOf(bad).message,
      /^Keyplan_Budget_Status__c: .*bad value for restricted picklist field: Maybe/
    );
    assert.equal(
      errorOf(bad).fieldErrors!.Keyplan_Budget_Status__c[0].statusCode,
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
    );
    assert.equal(t.running.org.get('Opportunity', opp.id)!.Keyplan_Budget_Status__c, 'Confirmed');
  });
});
