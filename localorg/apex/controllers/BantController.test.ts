import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  evidenceOf,
  evidencedBantScore,
  isQualified
} from '../../../force-app/main/default/lwc/keyplanCore/bant';
import { rankRoleCandidates } from '../../../force-app/main/default/lwc/keyplanCore/bantRoles';
import { BantData, BantOpportunity, BantRoleCandidates } from '../../../src/contracts';
import { earlier, errorOf, startTwinOrg, type TwinOrg } from './lib/testing';

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
    assert.equal(open.bantScore, evidencedBantScore(evidenceOf(open), t.running.org.settings));
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

  it('a BANT write through the REST API (as updateRecord makes it) shows in getBant with the formula score and history; a stale one is refused', async () => {
    const opp = (await bant(t.id('open26b'))).opportunities[0];
    const patch = (since: string, fields: Record<string, unknown>): Promise<Response> =>
      fetch(`${t.running.url}/services/data/v62.0/sobjects/Opportunity/${opp.id}`, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${t.running.token}`,
          'Content-Type': 'application/json',
          'If-Unmodified-Since': since
        },
        body: JSON.stringify(fields)
      });
    const ok = await patch(opp.lastModified, {
      Keyplan_Authority_Status__c: 'Confirmed',
      Keyplan_Timing_Evidence__c: 'Board meets in May'
    });
    assert.equal(ok.status, 204, await ok.text());
    const data = await bant(t.id('open26b'));
    const saved = data.opportunities[0];
    assert.equal(saved.authorityStatus, 'Confirmed');
    assert.equal(saved.timingEvidence, 'Board meets in May');
    assert.equal(saved.bantScore, evidencedBantScore(evidenceOf(saved), t.running.org.settings));
    // No economic buyer or decision maker among its contact roles: "Confirmed, unverified" scores as
    // Identified, so confirming Authority alone does not move the score by the Confirmed points.
    assert.equal(saved.contactRoles.length, 0);
    const identified = evidencedBantScore(
      evidenceOf({ ...saved, authorityStatus: 'Identified' }),
      t.running.org.settings
    );
    assert.equal(saved.bantScore, identified);
    assert.deepEqual(
      data.history.map((h) => [h.field, h.oldValue, h.newValue]),
      [['Keyplan_Authority_Status__c', opp.authorityStatus ?? null, 'Confirmed']]
    );

    const stale = await patch(earlier(saved.lastModified), { Keyplan_Need_Status__c: 'Missing' });
    assert.equal(stale.status, 412);
    assert.equal(((await stale.json()) as { errorCode: string }[])[0].errorCode, 'PRECONDITION_FAILED');
    assert.equal(t.running.org.get('Opportunity', opp.id)!.Keyplan_Need_Status__c, null);
    assert.equal((await bant(t.id('open26b'))).history.length, 1);
  });
});

describe('BantController twin: gaps are actions (add a contact role)', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg();
  });
  after(async () => t?.close());

  it('confirming Authority without an economic buyer does not qualify; adding one from the candidates does', async () => {
    const call = async <T>(method: string, params: Record<string, unknown>): Promise<T> => {
      const res = await t.call('BantController', method, params);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as T;
    };
    const oppId = t.id('open26b');
    const before = (await call<BantData>('getBant', { recordId: oppId })).opportunities[0];
    t.running.org.update('Opportunity', oppId, {
      Keyplan_Authority_Status__c: 'Confirmed',
      Keyplan_Budget_Status__c: 'Confirmed',
      Keyplan_Budget_Evidence__c: 'CFO approved the envelope',
      Keyplan_Need_Status__c: 'Identified',
      Keyplan_Timing_Status__c: 'Identified'
    });
    const unverified = (await call<BantData>('getBant', { recordId: oppId })).opportunities[0];
    assert.equal(unverified.contactRoles.length, before.contactRoles.length);
    const settings = t.running.org.settings;
    assert.equal(
      unverified.bantScore,
      evidencedBantScore(evidenceOf({ ...unverified, authorityStatus: 'Identified' }), settings),
      'Confirmed, unverified scores as Identified'
    );
    assert.equal(isQualified(unverified.bantScore!, evidenceOf(unverified), 50), false, 'not Qualified');

    const { candidates } = BantRoleCandidates.parse(
      await call('getRoleCandidates', { opportunityId: oppId })
    );
    const buyer = rankRoleCandidates(candidates, [])[0];
    assert.ok(buyer && (buyer.buyerRole === 'Economic Buyer' || buyer.decisionRole === 'Decision Maker'));
    const added = BantOpportunity.parse(
      await call('addContactRole', {
        opportunityId: oppId,
        contactId: buyer.contactId,
        role: 'Economic Buyer'
      })
    );
    assert.ok(added.contactRoles.some((r) => r.contactId === buyer.contactId));
    assert.ok(added.bantScore! > unverified.bantScore!, `${added.bantScore} > ${unverified.bantScore}`);
    assert.equal(added.bantScore, evidencedBantScore(evidenceOf(added), settings));
    assert.equal(
      isQualified(added.bantScore!, evidenceOf(added), 50),
      true,
      'Qualified with the economic buyer'
    );
    assert.equal(t.running.org.get('Opportunity', oppId)!.Keyplan_Authority_Roles__c, 1);

    const again = await t.call('BantController', 'addContactRole', {
      opportunityId: oppId,
      contactId: buyer.contactId,
      role: null
    });
    assert.equal(again.status, 400);
    assert.match(errorOf(again).message, /already has a contact role/);
  });
});
