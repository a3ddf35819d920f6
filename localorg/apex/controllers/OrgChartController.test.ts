import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApexErrorBody,
  ContactNode,
  ContactStakeholderInput,
  OrgChartData,
  RelationshipLinkDto
} from '../../../src/contracts';
import { LIMITS } from './lib/selectors';
import { earlier, staleMessage, startTwinOrg, type TwinOrg } from './lib/testing';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A full stakeholder input as the person panel sends it: the contact's values with `edits` on top. */
const stakeholderInput = (
  c: ContactNode,
  edits: Partial<ContactStakeholderInput> = {}
): ContactStakeholderInput =>
  ContactStakeholderInput.parse({
    id: c.id,
    lastModified: c.lastModified,
    stance: c.stance,
    decisionRole: c.decisionRole,
    buyerRole: c.buyerRole,
    responseMode: c.responseMode,
    influenceLevel: c.influenceLevel,
    buyingCenterId: c.buyingCenterId,
    budgetOwned: c.budgetOwned,
    reportsToId: c.reportsToId,
    ...edits
  });

describe('OrgChartController twin over HTTP', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg();
  });
  after(async () => t?.close());

  const chart = async (): Promise<OrgChartData> => {
    const res = await t.call('OrgChartController', 'getOrgChart', { accountId: t.id('acme') });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return OrgChartData.parse(res.body);
  };

  it('getOrgChart returns the account, its contacts by name, links, buying centers and field access', async () => {
    const data = await chart();
    assert.equal(data.accountName, 'Acme Industries');
    assert.deepEqual(
      data.contacts.map((c) => c.name),
      ['Ada Brandt', 'Ben Costa', 'Cleo Diaz']
    );
    assert.equal(data.totalContacts, 3);
    assert.equal(data.truncated, false);
    const cio = data.contacts.find((c) => c.name === 'Cleo Diaz')!;
    assert.equal(cio.reportsToId, t.id('ceo'));
    assert.equal(cio.buyingCenterId, t.id('it'));
    assert.equal(cio.stance, 'Champion');
    assert.match(cio.lastModified, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.equal(data.links.length, 2);
    const userLink = data.links.find((l) => l.fromUserId !== null)!;
    assert.equal(userLink.fromUserName, 'Local User');
    assert.equal(userLink.toContactId, t.id('ceo'));
    assert.deepEqual(
      data.buyingCenters.map((b) => [b.name, b.parentId]),
      [
        ['Group IT', null],
        ['Finance', t.id('it')]
      ]
    );
    assert.deepEqual(data.fieldAccess['Contact.Stance__c'], { readable: true, updateable: true });
    assert.deepEqual(data.fieldAccess['Relationship_Link__c.Notes__c'], { readable: true, updateable: true });
  });

  it('cuts contacts at the bound, says so, and drops links to contacts that were cut', async () => {
    const saved = LIMITS.MAX_ORG_CHART_CONTACTS;
    LIMITS.MAX_ORG_CHART_CONTACTS = 2;
    try {
      const data = await chart();
      assert.equal(data.truncated, true);
      assert.equal(data.totalContacts, 3);
      assert.deepEqual(
        data.contacts.map((c) => c.name),
        ['Ada Brandt', 'Ben Costa']
      );
      // cfo -> cio dangles (cio cut); user -> ceo stays.
      assert.deepEqual(
        data.links.map((l) => l.toContactId),
        [t.id('ceo')]
      );
    } finally {
      LIMITS.MAX_ORG_CHART_CONTACTS = saved;
    }
  });

  it('getOrgChart of an unknown account fails with the notFound message', async () => {
    const res = await t.call('OrgChartController', 'getOrgChart', { accountId: '001000000000000AAA' });
    assert.equal(res.status, 400);
    assert.match(ApexErrorBody.parse(res.body.body).message, /^Account 001000000000000AAA was not found/);
  });

  it('saveStakeholder persists, keeps the fields not edited, refuses a stale copy and self-reporting', async () => {
    const cfo = (await chart()).contacts.find((c) => c.name === 'Ben Costa')!;
    await sleep(5);
    const ok = await t.call('OrgChartController', 'saveStakeholder', {
      input: stakeholderInput(cfo, { stance: 'Detractor', influenceLevel: 'High' })
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const saved = ContactNode.parse(ok.body);
    assert.equal(saved.stance, 'Detractor');
    assert.equal(saved.influenceLevel, 'High');
    // Every other stakeholder field went along with its current value, so it survives the save.
    for (const k of [
      'decisionRole',
      'buyerRole',
      'responseMode',
      'buyingCenterId',
      'budgetOwned',
      'reportsToId'
    ] as const)
      assert.equal(saved[k], cfo[k], k);
    assert.notEqual(saved.lastModified, cfo.lastModified);
    assert.equal(t.running.org.get('Contact', cfo.id)!.Stance__c, 'Detractor');

    const stale = await t.call('OrgChartController', 'saveStakeholder', {
      input: stakeholderInput(cfo, { stance: 'Neutral' })
    });
    assert.equal(stale.status, 400);
    assert.equal(stale.body.body.message, staleMessage('Contact Ben Costa'));
    assert.equal(t.running.org.get('Contact', cfo.id)!.Stance__c, 'Detractor');

    const self = await t.call('OrgChartController', 'saveStakeholder', {
      // Not through the contract helper: the contract refuses self-reporting too, the twin must on its own.
      input: { ...stakeholderInput(saved), reportsToId: cfo.id }
    });
    assert.equal(self.status, 400);
    assert.equal(
      self.body.body.message,
      'reportsToId: A contact cannot report to themselves. Choose another manager.'
    );
  });

  it('saveStakeholder refuses a partial input (it would clear the fields left out) and writes nothing', async () => {
    const cio = (await chart()).contacts.find((c) => c.name === 'Cleo Diaz')!;
    assert.ok(cio.buyingCenterId && cio.stance, 'the fixture contact has values to lose');
    const before = { ...t.running.org.get('Contact', cio.id)! };
    const res = await t.call('OrgChartController', 'saveStakeholder', {
      input: { id: cio.id, lastModified: cio.lastModified, stance: 'Neutral' }
    });
    assert.equal(res.status, 400);
    const message = ApexErrorBody.parse(res.body.body).message;
    assert.match(
      message,
      /^decisionRole, buyerRole, responseMode, influenceLevel, buyingCenterId, budgetOwned, reportsToId: Required/
    );
    assert.match(message, new RegExp(cio.id));
    assert.deepEqual(t.running.org.get('Contact', cio.id), before);
  });

  it('saveStakeholder passes the validation rule through and writes nothing', async () => {
    const ceo = (await chart()).contacts.find((c) => c.name === 'Ada Brandt')!;
    const res = await t.call('OrgChartController', 'saveStakeholder', {
      input: stakeholderInput(ceo, { buyingCenterId: t.id('otherBc') })
    });
    assert.equal(res.status, 400);
    const body = ApexErrorBody.parse(res.body.body);
    const rule = t.running.org.schema.objects
      .get('Contact')!
      .validationRules!.find((r) => r.name === 'Keyplan_Buying_Center_In_Account')!;
    assert.ok(body.message.includes(rule.message), body.message);
    assert.equal(
      body.fieldErrors?.[rule.field ?? '']?.[0].message ?? body.pageErrors?.[0].message,
      rule.message
    );
    const stored = t.running.org.get('Contact', ceo.id)!;
    assert.equal(stored.Buying_Center__c, null);
    assert.equal(
      new Date(String(stored.LastModifiedDate).replace('+0000', 'Z')).toISOString(),
      ceo.lastModified
    );
  });

  it('saveLink creates and updates links, refuses stale copies, self links and cross-account links', async () => {
    const base = {
      accountId: t.id('acme'),
      fromContactId: t.id('ceo'),
      fromUserId: null,
      toContactId: t.id('cfo'),
      type: 'Informal',
      strength: 2,
      frequency: 'Monthly',
      influenceLevel: null,
      polarity: 'Positive',
      lastInteraction: '2026-01-15'
    };
    const before = t.count('Relationship_Link__c');
    const created = await t.call('OrgChartController', 'saveLink', { input: base });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const link = RelationshipLinkDto.parse(created.body);
    assert.equal(t.count('Relationship_Link__c'), before + 1);
    assert.equal(link.strength, 2);
    assert.equal(link.lastInteraction, '2026-01-15');

    await sleep(5);
    const updated = await t.call('OrgChartController', 'saveLink', {
      input: { ...base, id: link.id, lastModified: link.lastModified, strength: 5 }
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.equal(RelationshipLinkDto.parse(updated.body).strength, 5);

    const stale = await t.call('OrgChartController', 'saveLink', {
      input: { ...base, id: link.id, lastModified: link.lastModified, strength: 1 }
    });
    assert.equal(stale.status, 400);
    assert.equal(stale.body.body.message, staleMessage(`Relationship link ${link.id}`));
    assert.equal(t.running.org.get('Relationship_Link__c', link.id)!.Strength__c, 5);

    const self = await t.call('OrgChartController', 'saveLink', {
      input: { ...base, toContactId: t.id('ceo') }
    });
    assert.equal(self.status, 400);
    assert.equal(self.body.body.message, 'toContactId: A link cannot join a contact to themselves.');

    const n = t.count('Relationship_Link__c');
    const cross = await t.call('OrgChartController', 'saveLink', {
      input: { ...base, toContactId: t.id('stranger') }
    });
    assert.equal(cross.status, 400);
    const rule = t.running.org.schema.objects
      .get('Relationship_Link__c')!
      .validationRules!.find((r) => r.name === 'Ends_In_Link_Account')!;
    assert.ok(cross.body.body.message.includes(rule.message), cross.body.body.message);
    assert.equal(t.count('Relationship_Link__c'), n, 'nothing written');
  });

  it('deleteLink refuses a stale copy, then deletes', async () => {
    const link = (await chart()).links.find((l) => l.fromContactId === t.id('cfo'))!;
    const stale = await t.call('OrgChartController', 'deleteLink', {
      linkId: link.id,
      lastModified: earlier(link.lastModified)
    });
    assert.equal(stale.status, 400);
    assert.equal(stale.body.body.message, staleMessage(`Relationship link ${link.id}`));
    assert.ok(t.running.org.get('Relationship_Link__c', link.id));
    const ok = await t.call('OrgChartController', 'deleteLink', {
      linkId: link.id,
      lastModified: link.lastModified
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(t.running.org.get('Relationship_Link__c', link.id), undefined);
  });

  it('rejects parameters the Apex method does not have', async () => {
    const res = await t.call('OrgChartController', 'deleteLink', {
      linkId: 'x',
      lastModified: null,
      extra: 1
    });
    assert.equal(res.status, 400);
    assert.match(res.body.body.message, /no parameter extra/);
  });
});
