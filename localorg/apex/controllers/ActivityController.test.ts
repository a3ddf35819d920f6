import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ActivityPage, OrgChartData, type ActivityAggregate } from '../../../src/contracts';
import { loadOrgChart } from '../../../force-app/main/default/lwc/orgChartHeatmap/pages';
import { loadActivity } from '../../../force-app/main/default/lwc/orgChartHeatmap/activityPages';
import { OrgChartViewModel } from '../../../force-app/main/default/lwc/orgChartHeatmap/viewModel';
import { ACTIVITY_LIMITS } from './ActivityController';
import { errorOf, startTwinOrg, type TwinOrg } from './lib/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience, checked by asserts
type Reply = { status: number; body: any };
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('ActivityController twin over HTTP', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg();
  });
  after(async () => t?.close());

  const rest = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(`${t.running.url}/services/data/v62.0/${path}`, {
      method,
      headers: { Authorization: `Bearer ${t.running.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const activity = async (accountId = t.id('acme')): Promise<ActivityAggregate[]> =>
    (await loadActivity(async (cursor) => {
      const res = await t.call('ActivityController', 'loadActivityPage', { accountId, cursor });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return ActivityPage.parse(res.body);
    }))!;
  /** The chart as the component builds it on load: chart pages, activity pages, then the view model. */
  const load = async (): Promise<OrgChartViewModel> => {
    const data = OrgChartData.parse(
      await loadOrgChart(async (cursor) => {
        const res = await t.call('OrgChartController', 'loadOrgChartPage', {
          accountId: t.id('acme'),
          cursor
        });
        return res.body;
      })
    );
    return new OrgChartViewModel(data, { activity: await activity() });
  };
  const contactWithoutTeamLink = async (): Promise<string> => {
    const vm = await load();
    const linked = new Set(vm.data.links.filter((l) => l.fromUserId != null).map((l) => l.toContactId));
    const id = vm.data.contacts.map((c) => c.id).find((c) => !linked.has(c));
    assert.ok(id, 'the small account has a contact without a team link');
    return id;
  };

  it('logging a completed meeting via REST raises heat and last interaction on the next load, no manual link', async () => {
    const contactId = await contactWithoutTeamLink();
    const beforeVm = await load();
    const heatBefore = beforeVm.person(contactId)!.heat.heat;
    assert.equal(heatBefore, 0);
    const yesterday = day(-1);
    const created = await rest('POST', 'sobjects/Event', {
      Subject: 'Quarterly review',
      WhoId: contactId,
      StartDateTime: `${yesterday}T09:00:00.000+0000`,
      EndDateTime: `${yesterday}T10:00:00.000+0000`,
      DurationInMinutes: 60
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    // The org adds the WhoId relation (Shared Activities) and derives ActivityDate from StartDateTime.
    assert.equal(t.count('EventRelation', `"EventId" = '${created.body.id}'`), 1);
    const afterVm = await load();
    const p = afterVm.person(contactId)!;
    assert.ok(p.heat.heat > heatBefore, `heat ${p.heat.heat} after the meeting`);
    assert.equal(p.heat.lastInteraction, yesterday);
    assert.equal(p.lastInteraction, yesterday);
    assert.match(p.activity!.sentence, /^1 meeting in 90 days, last .+ with /);
    // Nothing manual was written.
    assert.equal(
      afterVm.data.links.filter((l) => l.toContactId === contactId && l.fromUserId != null).length,
      0
    );
  });

  it('counts closed tasks by subtype, emails through their relations, and leaves open or old ones out', async () => {
    const contactId = await contactWithoutTeamLink();
    const post = async (type: string, body: unknown): Promise<string> => {
      const r = await rest('POST', `sobjects/${type}`, body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    };
    await post('Task', {
      Subject: 'Call',
      WhoId: contactId,
      Status: 'Completed',
      TaskSubtype: 'Call',
      ActivityDate: day(-10)
    });
    await post('Task', {
      Subject: 'Logged email',
      WhoId: contactId,
      Status: 'Completed',
      TaskSubtype: 'Email',
      ActivityDate: day(-100)
    });
    await post('Task', {
      Subject: 'Open to-do',
      WhoId: contactId,
      Status: 'Not Started',
      ActivityDate: day(-5)
    });
    await post('Task', {
      Subject: 'Too old',
      WhoId: contactId,
      Status: 'Completed',
      ActivityDate: day(-400)
    });
    const email = await post('EmailMessage', {
      Subject: 'Proposal',
      MessageDate: `${day(-3)}T08:00:00.000+0000`,
      Status: '3'
    });
    await post('EmailMessageRelation', {
      EmailMessageId: email,
      RelationId: contactId,
      RelationType: 'ToAddress'
    });
    const rows = (await activity()).filter((a) => a.contactId === contactId);
    const by = (channel: string): ActivityAggregate | undefined => rows.find((a) => a.channel === channel);
    assert.deepEqual(
      { count90: by('call')?.count90, count365: by('call')?.count365, last: by('call')?.last },
      { count90: 1, count365: 1, last: day(-10) }
    );
    assert.deepEqual(
      { count90: by('email')?.count90, count365: by('email')?.count365 },
      { count90: 1, count365: 2 }
    );
    assert.equal(by('email')?.last, day(-3));
    assert.ok(
      rows.every((a) => a.userName),
      'user names filled in'
    );
  });

  it('pages by contacts with a cursor and refuses a cursor it did not write', async () => {
    const saved = ACTIVITY_LIMITS.MAX_PAGE_CONTACTS;
    ACTIVITY_LIMITS.MAX_PAGE_CONTACTS = 1;
    try {
      const first = await t.call('ActivityController', 'loadActivityPage', {
        accountId: t.id('acme'),
        cursor: null
      });
      assert.match(String(first.body.nextCursor), /^contacts:003/);
      const all = await activity();
      ACTIVITY_LIMITS.MAX_PAGE_CONTACTS = saved;
      assert.deepEqual(
        all.map((a) => `${a.contactId}${a.channel}`).sort(),
        (await activity()).map((a) => `${a.contactId}${a.channel}`).sort()
      );
    } finally {
      ACTIVITY_LIMITS.MAX_PAGE_CONTACTS = saved;
    }
    const bad = await t.call('ActivityController', 'loadActivityPage', {
      accountId: t.id('acme'),
      cursor: 'links'
    });
    assert.equal(bad.status, 400);
    assert.match(errorOf(bad).message, /"links" is not a position in this activity list/);
  });
});
