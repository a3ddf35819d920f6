import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aggregateActivities, type ActivityRow } from '../force-app/main/default/lwc/keyplanCore/activity';
import { ActivityPage, type ActivityAggregate } from '../src/contracts';
import { generateActivity } from '../src/generator/activity';
import { loadActivity } from '../force-app/main/default/lwc/orgChartHeatmap/activityPages';
import { seedActivity, seedReviewChanges, writeActivityRows } from './activities';
import { startTwinOrg, type TwinOrg } from './apex/controllers/lib/testing';

const key = (a: Pick<ActivityAggregate, 'contactId' | 'userId' | 'channel'>): string =>
  `${a.contactId}|${a.userId}|${a.channel}`;

describe('activity demo data', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg();
  });
  after(async () => t?.close());

  it('generates the same rows for the same seed, about the total asked, all within the year', () => {
    const contacts = Array.from({ length: 50 }, (_, i) => ({
      id: `c${i}`,
      influenceLevel: i % 3 ? 'High' : null
    }));
    const team = [{ id: 'u1', name: 'Jane Smith' }];
    const a = generateActivity({ seed: 1, contacts, team, total: 1000, today: '2026-11-30' });
    assert.deepEqual(a, generateActivity({ seed: 1, contacts, team, total: 1000, today: '2026-11-30' }));
    assert.ok(Math.abs(a.length - 1000) < 60, `${a.length} rows`);
    assert.ok(a.every((r) => r.date <= '2026-11-30' && r.date > '2025-11-30'));
    assert.ok(new Set(a.map((r) => r.channel)).size === 3);
  });

  it('seeded rows aggregate in the org (Apex twin, SOQL) exactly as the core aggregates them', async () => {
    const accountId = t.id('acme');
    const contactIds = (
      t.running.org.db.prepare(`SELECT "Id" FROM "Contact" WHERE "AccountId" = ?`).all(accountId) as {
        Id: string;
      }[]
    ).map((c) => c.Id);
    const today = new Date();
    const iso = (d: number): string => new Date(today.getTime() - d * 86_400_000).toISOString().slice(0, 10);
    const userId = t.running.org.userId;
    const rows: ActivityRow[] = [];
    contactIds.forEach((c, i) => {
      for (let k = 0; k < 12; k++)
        rows.push({
          contactId: c,
          userId,
          channel: (['meeting', 'email', 'call'] as const)[(i + k) % 3],
          date: iso(k * 37 + i)
        });
    });
    t.running.org.write(() => writeActivityRows(t.running.org, rows));
    const served = (await loadActivity(async (cursor) => {
      const res = await t.call('ActivityController', 'loadActivityPage', { accountId, cursor });
      return ActivityPage.parse(res.body);
    }))!;
    const expected = aggregateActivities(rows, today);
    assert.deepEqual(
      new Map(served.map((a) => [key(a), [a.count90, a.count365, a.last]])),
      new Map(expected.map((a) => [key(a), [a.count90, a.count365, a.last]]))
    );
  });

  it('seedActivity creates the team once and does nothing the second time', () => {
    const accountId = t.id('other');
    const first = seedActivity(t.running.org, accountId, { seed: 7, total: 40 });
    assert.equal(first.users, 4);
    assert.ok(first.activities > 0);
    assert.deepEqual(seedActivity(t.running.org, accountId, { seed: 7, total: 40 }), {
      users: 0,
      activities: 0
    });
  });
});

describe('since-review demo data', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg();
  });
  after(async () => t?.close());

  it('backdates the contacts but three, writes stakeholder history once', () => {
    const org = t.running.org;
    const accountId = t.id('acme');
    const rows = seedReviewChanges(org, accountId, new Date('2026-11-30T00:00:00Z'));
    const created = (
      org.db
        .prepare(`SELECT "CreatedDate" AS d FROM "Contact" WHERE "AccountId" = ? ORDER BY "Id"`)
        .all(accountId) as {
        d: string;
      }[]
    ).map((r) => r.d.slice(0, 10));
    assert.ok(created.filter((d) => d === '2025-10-26').length >= created.length - 3, created.join());
    assert.ok(
      created.some((d) => d > '2026-10-30'),
      'someone joined in the last month'
    );
    const history = org.db.prepare(`SELECT COUNT(*) AS n FROM "ContactHistory"`).get() as { n: number };
    assert.equal(history.n, rows);
    if (rows > 0) assert.equal(seedReviewChanges(org, accountId), 0, 'the second call writes nothing');
  });
});
