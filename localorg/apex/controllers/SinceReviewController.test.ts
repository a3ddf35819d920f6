import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SinceReviewPage } from '../../../src/contracts';
import { changesFromPages } from '../../../force-app/main/default/lwc/keyplanCore/sinceReview';
import { SINCE_LIMITS } from './SinceReviewController';
import { errorOf, startTwinOrg, type TwinOrg } from './lib/testing';

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('SinceReviewController twin over HTTP', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg();
  });
  after(async () => t?.close());

  const pages = async (since: string | null, accountId = t.id('acme')): Promise<SinceReviewPage[]> => {
    const out: SinceReviewPage[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call('SinceReviewController', 'loadSinceReviewPage', { accountId, since, cursor });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const page = SinceReviewPage.parse(res.body);
      out.push(page);
      cursor = page.nextCursor ?? null;
    } while (cursor && out.length < 100);
    return out;
  };
  const patch = async (path: string, body: unknown): Promise<number> =>
    (
      await fetch(`${t.running.url}/services/data/v62.0/${path}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${t.running.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      })
    ).status;

  it('defaults to 90 days ago without a review, then to the last review', async () => {
    const [first] = await pages(null);
    assert.equal(first.since, day(-SINCE_LIMITS.DEFAULT_DAYS));
    assert.equal(first.sinceSource, 'default');
    assert.equal(first.asOf, day(0));
    assert.ok(first.contacts.length > 0, 'the account has contacts');
    const planId = t.running.org.db.prepare(`SELECT "Id" FROM "Account_Plan__c" LIMIT 1`).pluck().get();
    assert.ok(planId, 'the small account has a plan');
    assert.equal(
      await patch(`sobjects/Account_Plan__c/${String(planId)}`, { Last_Reviewed__c: day(-20) }),
      204
    );
    const [again] = await pages(null);
    assert.equal(again.since, day(-20));
    assert.equal(again.sinceSource, 'review');
  });

  it('a stance changed over REST after the day is a change; one changed before it is not', async () => {
    const [first] = await pages(day(-1));
    const contact = first.contacts[0];
    const stance = t.running.org.db
      .prepare(`SELECT "Keyplan_Stance__c" FROM "Contact" WHERE "Id" = ?`)
      .pluck()
      .get(contact.id) as string | null;
    const next = stance === 'Champion' ? 'Detractor' : 'Champion';
    assert.equal(await patch(`sobjects/Contact/${contact.id}`, { Keyplan_Stance__c: next }), 204);
    const since = changesFromPages(await pages(day(-1)));
    const change = since.fieldChanges.find((f) => f.contactId === contact.id);
    assert.deepEqual(change && [change.what, change.from, change.to], ['stance', stance, next]);
    assert.ok(
      since.byBuyingCenter.some((b) => b.changes >= 1),
      since.byBuyingCenter.map((b) => b.line).join('; ')
    );
    // Asked from today, the change of today is not after the day.
    const today = changesFromPages(await pages(day(0)));
    assert.equal(today.fieldChanges.length, 0);
  });

  it('pages cover every contact once, buying centers on the first page only', async () => {
    const all = (await pages(day(-30))).flatMap((p) => p.contacts.map((c) => c.id));
    const saved = SINCE_LIMITS.pageContacts;
    SINCE_LIMITS.pageContacts = 2;
    try {
      const small = await pages(day(-30));
      assert.equal(small.length, Math.ceil(all.length / 2));
      assert.deepEqual(
        small.flatMap((p) => p.contacts.map((c) => c.id)),
        all
      );
      assert.ok(small.slice(1).every((p) => p.buyingCenters.length === 0));
    } finally {
      SINCE_LIMITS.pageContacts = saved;
    }
  });

  it('refuses bad input by name and writes nothing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ accountId: null, since: null, cursor: null }, /accountId/],
      [{ accountId: t.id('acme'), since: day(3), cursor: null }, /since: .* is in the future/],
      [{ accountId: t.id('acme'), since: '30/11/2026', cursor: null }, /since: .*not a date/],
      [{ accountId: t.id('acme'), since: null, cursor: 'contacts:zzz' }, /cursor: .*not a position/]
    ];
    for (const [params, message] of cases) {
      const res = await t.call('SinceReviewController', 'loadSinceReviewPage', params);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.match(errorOf(res).message, message);
    }
  });
});
