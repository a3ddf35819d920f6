/**
 * The keyset pages the org chart and the activity heat read (ContactSelector.forOrgChartPage,
 * RelationshipLinkSelector.pageByAccounts, the activity contact keyset) are served by an index in the
 * local org: no page sorts all of an account's rows to return the next 2,000 (on the large demo account
 * that sort was most of each page's time). Checked on the SQL the twins really run, captured while the
 * chart and its activity load page by page as the component reads them.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { largeBundle, largeGroupBundle } from '../data';
import { loadOrgChart } from '../force-app/main/default/lwc/orgChartHeatmap/pages';
import { loadActivity } from '../force-app/main/default/lwc/orgChartHeatmap/activityPages';
import { ActivityPage, OrgChartPage } from '../src/contracts';
import { loadBundle } from './bundle';
import { refreshPlannerStats } from './db';
import type { RunningLocalOrg } from './server';
import { startTestOrg, tempDir } from './test/helpers';

type Statement = { all(...params: unknown[]): unknown[] };
type Db = { prepare(sql: string): Statement };

/** A keyset page: rows after (or before) a key, in key order, bounded. */
const KEYSET = /ORDER BY t0\."(Id|CreatedDate)"[^]*LIMIT \?/;

describe('keyset pages in the local org', () => {
  let running: RunningLocalOrg;
  let cleanup: () => void;
  let accountId: string;
  const captured = new Set<string>();
  /** The database's own prepare (the test's capturing one is installed over it). */
  let explain: (sql: string) => string;

  before(async () => {
    const tmp = tempDir('paged-');
    cleanup = tmp.cleanup;
    running = (await startTestOrg({ dbFile: path.join(tmp.dir, 'org.sqlite') })).running;
    accountId = loadBundle(
      running.org,
      largeBundle({ contacts: 300, links: 600, today: '2026-05-01' })
    ).accountId;
    const db = running.org.db as unknown as Db;
    const prepare = db.prepare.bind(db);
    explain = (sql) =>
      (
        prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(sql.match(/\?/g) ?? []).map(() => 'x')) as {
          detail: string;
        }[]
      )
        .map((r) => r.detail)
        .join(' | ');
    db.prepare = (sql: string): Statement => {
      if (KEYSET.test(sql)) captured.add(sql);
      return prepare(sql);
    };
  });
  after(async () => {
    await running?.close();
    cleanup?.();
  });

  const call = async (cls: string, method: string, cursor: string | null): Promise<unknown> => {
    const res = await fetch(`${running.url}/apex/${cls}/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ accountId, cursor })
    });
    assert.equal(res.status, 200, await res.clone().text());
    return res.json();
  };

  it('reads every contact, link and activity page without sorting the account', async () => {
    const chart = await loadOrgChart(async (c) =>
      OrgChartPage.parse(await call('OrgChartController', 'loadOrgChartPage', c))
    );
    assert.equal(chart?.contacts.length, 300);
    assert.equal(chart?.links.length, 600);
    await loadActivity(async (c) =>
      ActivityPage.parse(await call('ActivityController', 'loadActivityPage', c))
    );

    const tables = [...captured].map((sql) => /FROM "(\w+)"/.exec(sql)?.[1]);
    for (const t of ['Contact', 'Relationship_Link__c'])
      assert.ok(tables.includes(t), `no keyset page of ${t} was read (captured: ${tables.join(', ')})`);
    for (const sql of captured) {
      const plan = explain(sql);
      assert.doesNotMatch(plan, /TEMP B-TREE/, `${sql}\n  sorts: ${plan}`);
      assert.match(plan, /USING (COVERING )?INDEX/, `${sql}\n  scans: ${plan}`);
    }
  });

  it('the check can fail: the same page without its index sorts', () => {
    const db = running.org.db as unknown as Db & { exec(sql: string): void };
    const sql = [...captured].find((s) => s.includes('FROM "Relationship_Link__c"'))!;
    db.exec('DROP INDEX "ix_Relationship_Link__c_Account__c_created"');
    try {
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(sql.match(/\?/g) ?? []).map(() => 'x')) as {
          detail: string;
        }[]
      )
        .map((r) => r.detail)
        .join(' | ');
      assert.match(plan, /TEMP B-TREE/);
    } finally {
      db.exec(
        'CREATE INDEX "ix_Relationship_Link__c_Account__c_created" ON "Relationship_Link__c" ("Account__c", "CreatedDate", "Id")'
      );
    }
  });

  it('a group of 100 accounts reads its link pages newest first without sorting (planner statistics)', async () => {
    const group = loadBundle(
      running.org,
      largeGroupBundle({ contacts: 3000, links: 6000, accounts: 100, today: '2026-05-01' })
    ).accountId;
    refreshPlannerStats(running.org.db);
    captured.clear();
    const saved = accountId;
    accountId = group;
    try {
      const chart = await loadOrgChart(async (c) =>
        OrgChartPage.parse(await call('OrgChartController', 'loadOrgChartPage', c))
      );
      assert.equal(chart?.contacts.length, 3000);
    } finally {
      accountId = saved;
    }
    const links = [...captured].filter((sql) => sql.includes('FROM "Relationship_Link__c"'));
    assert.ok(links.length > 0, 'no link page read');
    for (const sql of links)
      assert.doesNotMatch(explain(sql), /TEMP B-TREE/, `${sql}\n  sorts: ${explain(sql)}`);
  });
});
