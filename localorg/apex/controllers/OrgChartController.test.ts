import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ContactNode,
  ContactStakeholderInput,
  OrgChartData,
  OrgChartPage,
  RelationshipLinkDto
} from '../../../src/contracts';
import { computeHeat } from '../../../force-app/main/default/lwc/keyplanCore/heat';
import { loadOrgChart } from '../../../force-app/main/default/lwc/orgChartHeatmap/pages';
import { LIMITS } from './lib/selectors';
import {
  earlier,
  errorOf,
  nextSecond,
  ruleError,
  staleMessage,
  startTwinOrg,
  type TwinOrg
} from './lib/testing';

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

  const pages: OrgChartPage[] = [];
  const page = async (cursor: string | null, accountId = t.id('acme')): Promise<OrgChartPage> => {
    const res = await t.call('OrgChartController', 'loadOrgChartPage', { accountId, cursor });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const p = OrgChartPage.parse(res.body);
    pages.push(p);
    return p;
  };
  /** The whole chart, page by page, as the component reads it. */
  const chart = async (): Promise<OrgChartData> => {
    pages.length = 0;
    return OrgChartData.parse(await loadOrgChart((cursor) => page(cursor)));
  };

  it('loadOrgChartPage returns the account, its contacts by Id, links, buying centers and field access', async () => {
    const data = await chart();
    assert.equal(pages.length, 1, 'a small account is one page');
    assert.equal(pages[0].nextCursor, null);
    assert.equal(pages[0].totalLinks, 2);
    assert.equal(data.accountName, 'Acme Industries');
    assert.deepEqual(
      data.contacts.map((c) => c.id),
      [t.id('ceo'), t.id('cfo'), t.id('cio')].sort()
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
    assert.deepEqual(data.fieldAccess['Contact.Keyplan_Stance__c'], { readable: true, updateable: true });
    assert.deepEqual(data.fieldAccess['Relationship_Link__c.Notes__c'], { readable: true, updateable: true });
  });

  it('pages contacts by Id then links newest first, with totals, and loses nothing', async () => {
    const saved = { ...LIMITS };
    LIMITS.MAX_PAGE_CONTACTS = 2;
    LIMITS.MAX_PAGE_LINKS = 1;
    try {
      // Following nextCursor alone, one page after the other.
      pages.length = 0;
      for (let cursor: string | null = null, n = 0; n === 0 || (cursor !== null && n < 10); n++)
        cursor = (await page(cursor)).nextCursor ?? null;
      const sequential = [...pages];
      const data = await chart();
      // The component reads the two chains the first page names side by side: the same chart.
      assert.deepEqual(sequential[0].parallelCursors, [`${sequential[0].nextCursor}:only`, 'links']);
      assert.deepEqual(
        pages.map((p) => [p.contacts.length, p.links.length]).sort(),
        [
          [0, 1],
          [0, 1],
          [1, 0],
          [2, 0]
        ],
        'contacts only, then links only, once each'
      );
      pages.splice(0, pages.length, ...sequential);
      // 2 contacts | 1 contact + room for 1 - 1/2 = 1 link | 1 link.
      assert.deepEqual(
        pages.map((p) => [p.contacts.length, p.links.length]),
        [
          [2, 0],
          [1, 1],
          [0, 1]
        ]
      );
      assert.match(pages[0].nextCursor!, /^contacts:/);
      assert.match(pages[1].nextCursor!, /^links:\d+:/);
      assert.equal(pages[2].nextCursor, null);
      assert.equal(pages[1].parallelCursors, null, 'only the first page names the chains');
      for (const p of pages) {
        assert.equal(p.totalContacts, 3);
        assert.equal(p.totalLinks, 2);
      }
      assert.equal(pages[0].buyingCenters.length, 2, 'buying centers with the first page');
      assert.deepEqual([pages[1].buyingCenters, pages[1].fieldAccess], [[], {}], 'and only with it');
      assert.deepEqual(
        data.contacts.map((c) => c.id),
        [t.id('ceo'), t.id('cfo'), t.id('cio')].sort()
      );
      const stored = (id: string): string =>
        String(t.running.org.get('Relationship_Link__c', id)!.CreatedDate);
      assert.equal(data.links.length, 2);
      assert.ok(stored(data.links[0].id) >= stored(data.links[1].id), 'newest link first');
      assert.equal(data.totalContacts, 3);
      assert.equal(data.truncated, false);
    } finally {
      Object.assign(LIMITS, saved);
    }
  });

  it('a cursor that is not one the twin wrote is refused, naming it', async () => {
    for (const cursor of [
      'contacts:nope',
      `contacts:${t.id('ceo')}:all`,
      'contacts:nope:only',
      'links:12:' + t.id('ceo'),
      'links:x:y',
      'cells:1'
    ]) {
      const res = await t.call('OrgChartController', 'loadOrgChartPage', { accountId: t.id('acme'), cursor });
      assert.equal(res.status, 400, cursor);
      assert.equal(
        errorOf(res).message,
        `cursor: "${cursor}" is not a position in this org chart. Reload the chart.`
      );
    }
  });

  it('buying centers are cut at their bound and the page says so', async () => {
    const saved = LIMITS.MAX_PER_ACCOUNT;
    LIMITS.MAX_PER_ACCOUNT = 1;
    try {
      const data = await chart();
      assert.equal(data.buyingCenters.length, 1);
      assert.equal(data.truncated, true);
    } finally {
      LIMITS.MAX_PER_ACCOUNT = saved;
    }
  });

  it('loadOrgChartPage of an unknown account fails with the notFound message', async () => {
    const res = await t.call('OrgChartController', 'loadOrgChartPage', {
      accountId: '001000000000000AAA',
      cursor: null
    });
    assert.equal(res.status, 400);
    assert.match(errorOf(res).message, /^Account 001000000000000AAA was not found/);
  });

  it('saveStakeholder persists, keeps the fields not edited, refuses a stale copy and self-reporting', async () => {
    const cfo = (await chart()).contacts.find((c) => c.name === 'Ben Costa')!;
    await nextSecond();
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
    assert.equal(t.running.org.get('Contact', cfo.id)!.Keyplan_Stance__c, 'Detractor');

    const stale = await t.call('OrgChartController', 'saveStakeholder', {
      input: stakeholderInput(cfo, { stance: 'Neutral' })
    });
    assert.equal(stale.status, 400);
    assert.equal(errorOf(stale).message, staleMessage('Contact Ben Costa'));
    assert.equal(t.running.org.get('Contact', cfo.id)!.Keyplan_Stance__c, 'Detractor');

    const self = await t.call('OrgChartController', 'saveStakeholder', {
      // Not through the contract helper: the contract refuses self-reporting too, the twin must on its own.
      input: { ...stakeholderInput(saved), reportsToId: cfo.id }
    });
    assert.equal(self.status, 400);
    assert.equal(
      errorOf(self).message,
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
    const message = errorOf(res).message;
    assert.match(
      message,
      /^decisionRole, buyerRole, responseMode, influenceLevel, buyingCenterId, budgetOwned, reportsToId: Required/
    );
    assert.match(message, new RegExp(cio.id));
    assert.deepEqual(t.running.org.get('Contact', cio.id), before);
  });

  it('saveStakeholder refuses a reporting-line loop and a manager of another account, naming the contact', async () => {
    const org = t.running.org;
    const acme = t.id('acme');
    // A line of 7 under the CIO: l1 reports to Cleo Diaz, l2 to l1, ... l7 to l6.
    let above = t.id('cio');
    const line: string[] = [];
    for (let i = 1; i <= 7; i++) {
      above = org.insert('Contact', { LastName: `Line ${i}`, AccountId: acme, ReportsToId: above });
      line.push(above);
    }
    const save = async (
      name: string,
      reportsToId: string
    ): Promise<{ status: number; message?: string; node?: ContactNode }> => {
      const c = (await chart()).contacts.find((x) => x.name === name)!;
      const res = await t.call('OrgChartController', 'saveStakeholder', {
        input: { ...stakeholderInput(c), reportsToId }
      });
      return res.status === 200
        ? { status: 200, node: ContactNode.parse(res.body) }
        : { status: res.status, message: errorOf(res).message };
    };
    const before = { ...org.get('Contact', t.id('ceo'))! };

    const direct = await save('Ada Brandt', t.id('cio'));
    assert.equal(direct.status, 400);
    assert.equal(
      direct.message,
      'reportsToId: Cleo Diaz already reports to Ada Brandt, directly or through others, so Ada Brandt cannot report to Cleo Diaz (the reporting line would loop). Choose another manager.'
    );
    // Eight levels up from Line 7: the climb needs a second reportingLine query.
    const deep = await save('Ada Brandt', line[6]);
    assert.equal(deep.status, 400);
    assert.match(
      deep.message!,
      /^reportsToId: Line 7 already reports to Ada Brandt, directly or through others/
    );

    const foreign = await save('Ada Brandt', t.id('stranger'));
    assert.equal(foreign.status, 400);
    assert.match(
      foreign.message!,
      /^reportsToId: .+ works for a company outside the group of Ada Brandt; Ada Brandt can only report to a contact of the same account or of its group\.$/
    );
    assert.deepEqual(org.get('Contact', t.id('ceo')), before, 'nothing written');

    // A loop already in the line above (not through this contact) does not block an unrelated save.
    const x = org.insert('Contact', { LastName: 'Loop X', AccountId: acme });
    const y = org.insert('Contact', { LastName: 'Loop Y', AccountId: acme, ReportsToId: x });
    org.update('Contact', x, { ReportsToId: y });
    const ok = await save('Ben Costa', x);
    assert.equal(ok.status, 200, ok.message);
    assert.equal(ok.node!.reportsToId, x);
    // A move inside the tree that makes no loop is saved.
    const move = await save('Line 7', t.id('cfo'));
    assert.equal(move.status, 200, move.message);
    for (const id of [...line, x, y]) org.delete('Contact', id);
    const back = await save('Ben Costa', t.id('ceo'));
    assert.equal(back.status, 200, back.message);
  });

  it('saveStakeholder passes the validation rule through and writes nothing', async () => {
    const ceo = (await chart()).contacts.find((c) => c.name === 'Ada Brandt')!;
    const res = await t.call('OrgChartController', 'saveStakeholder', {
      input: stakeholderInput(ceo, { buyingCenterId: t.id('otherBc') })
    });
    assert.equal(res.status, 400);
    const body = errorOf(res);
    assert.equal(body.code, 'VALIDATION');
    const rule = t.running.org.schema.objects
      .get('Contact')!
      .validationRules!.find((r) => r.name === 'Keyplan_Buying_Center_In_Account')!;
    assert.ok(body.message.includes(rule.message), body.message);
    assert.equal(body.fieldErrors?.[rule.field ?? '']?.[0].message, rule.message);
    const stored = t.running.org.get('Contact', ceo.id)!;
    assert.equal(stored.Keyplan_Buying_Center__c, null);
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

    await nextSecond();
    const updated = await t.call('OrgChartController', 'saveLink', {
      input: { ...base, id: link.id, lastModified: link.lastModified, strength: 5 }
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.equal(RelationshipLinkDto.parse(updated.body).strength, 5);

    const stale = await t.call('OrgChartController', 'saveLink', {
      input: { ...base, id: link.id, lastModified: link.lastModified, strength: 1 }
    });
    assert.equal(stale.status, 400);
    assert.equal(errorOf(stale).message, staleMessage(`Relationship link ${link.id}`));
    assert.equal(t.running.org.get('Relationship_Link__c', link.id)!.Strength__c, 5);

    const self = await t.call('OrgChartController', 'saveLink', {
      input: { ...base, toContactId: t.id('ceo') }
    });
    assert.equal(self.status, 400);
    assert.equal(errorOf(self).message, ruleError(t, 'Relationship_Link__c', 'No_Self_Link'));

    const twoFroms = await t.call('OrgChartController', 'saveLink', {
      input: { ...base, fromUserId: t.running.org.userId }
    });
    assert.equal(twoFroms.status, 400);
    assert.equal(errorOf(twoFroms).message, ruleError(t, 'Relationship_Link__c', 'Exactly_One_From'));

    const n = t.count('Relationship_Link__c');
    const cross = await t.call('OrgChartController', 'saveLink', {
      input: { ...base, toContactId: t.id('stranger') }
    });
    assert.equal(cross.status, 400);
    // The save path refuses a contact outside the account's hierarchy before the rule would (another group).
    assert.match(
      errorOf(cross).message,
      /^toContactId: .+ works for a company outside this account and its subsidiaries\./
    );
    assert.equal(t.count('Relationship_Link__c'), n, 'nothing written');
  });

  it('loadOrgChartPage marks a placeholder contact (Keyplan_Placeholder__c) and no other', async () => {
    const id = t.running.org.insert('Contact', {
      LastName: 'CISO (unknown)',
      Title: 'Chief Information Security Officer',
      AccountId: t.id('acme'),
      ReportsToId: t.id('ceo'),
      Keyplan_Placeholder__c: true
    });
    try {
      const data = await chart();
      assert.equal(data.contacts.find((c) => c.id === id)?.placeholder, true);
      assert.deepEqual(
        data.contacts.filter((c) => c.placeholder).map((c) => c.id),
        [id]
      );
      assert.deepEqual(data.fieldAccess['Contact.Keyplan_Placeholder__c'], {
        readable: true,
        updateable: true
      });
    } finally {
      t.running.org.delete('Contact', id);
    }
  });

  it('createPlaceholder adds a named role under a manager of the account, and refuses a foreign manager', async () => {
    const before = t.count('Contact');
    const created = await t.call('OrgChartController', 'createPlaceholder', {
      input: {
        accountId: t.id('acme'),
        title: '  Chief Information Security Officer ',
        reportsToId: t.id('cio'),
        buyingCenterId: null
      }
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const node = ContactNode.parse(created.body);
    assert.equal(node.name, 'Chief Information Security Officer (unknown)');
    assert.equal(node.title, 'Chief Information Security Officer');
    assert.equal(node.reportsToId, t.id('cio'));
    assert.equal(node.placeholder, true);
    assert.equal(t.count('Contact'), before + 1);
    for (const [input, message] of [
      [{ title: ' ', reportsToId: null }, /^title: Required/],
      [
        { title: 'CISO', reportsToId: t.id('stranger') },
        /^reportsToId: Contact .* is not a contact of this account/
      ]
    ] as const) {
      const res = await t.call('OrgChartController', 'createPlaceholder', {
        input: { accountId: t.id('acme'), buyingCenterId: null, ...input }
      });
      assert.equal(res.status, 400);
      assert.match(errorOf(res).message, message);
    }
    assert.equal(t.count('Contact'), before + 1, 'nothing written on bad input');
    t.running.org.delete('Contact', node.id);
  });

  it("saveLink records and edits our team's relationship (From_User__c) and heat reads it", async () => {
    const input = {
      accountId: t.id('acme'),
      fromContactId: null,
      fromUserId: t.running.org.userId,
      toContactId: t.id('cfo'),
      type: 'Coverage',
      strength: 4,
      frequency: 'Weekly',
      influenceLevel: null,
      polarity: 'Positive',
      lastInteraction: '2026-11-20'
    };
    const heatOf = async (): Promise<number> => {
      const data = await chart();
      return computeHeat([t.id('cfo')], data.links, { today: new Date('2026-11-20T00:00:00Z') }).get(
        t.id('cfo')
      )!.heat;
    };
    const before = await heatOf();
    const created = await t.call('OrgChartController', 'saveLink', { input });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const link = RelationshipLinkDto.parse(created.body);
    assert.equal(link.fromUserId, t.running.org.userId);
    assert.equal(link.fromContactId, null);
    assert.equal(link.fromUserName, 'Local User');
    const warmer = await heatOf();
    assert.ok(warmer > before, `heat ${before} -> ${warmer}`);

    await nextSecond();
    const edited = await t.call('OrgChartController', 'saveLink', {
      input: { ...input, id: link.id, lastModified: link.lastModified, strength: 1, polarity: 'Negative' }
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(RelationshipLinkDto.parse(edited.body).polarity, 'Negative');
    assert.ok((await heatOf()) < warmer);
    const removed = await t.call('OrgChartController', 'deleteLink', {
      linkId: link.id,
      lastModified: RelationshipLinkDto.parse(edited.body).lastModified
    });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
  });

  it('deleteLink refuses a stale copy, then deletes', async () => {
    const link = (await chart()).links.find((l) => l.fromContactId === t.id('cfo'))!;
    const stale = await t.call('OrgChartController', 'deleteLink', {
      linkId: link.id,
      lastModified: earlier(link.lastModified)
    });
    assert.equal(stale.status, 400);
    assert.equal(errorOf(stale).message, staleMessage(`Relationship link ${link.id}`));
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
    // The framework refuses the call before the controller runs: plain text, not a Keyplan JSON body.
    assert.match(res.body.body.message, /no parameter extra/);
  });
});
