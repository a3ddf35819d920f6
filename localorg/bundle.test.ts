import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { aerovanceBundle } from '../data';
import { checkBundle, type AccountBundle } from '../src/bundle/schema';
import { loadOrgChart } from '../force-app/main/default/lwc/orgChartHeatmap/pages';
import { BantData, OrgChartData, OrgChartPage, PlanSummaryData, WhitespaceData } from '../src/contracts';
import { BundleLoadError, bundleRef, loadBundle, type LoadedBundle } from './bundle';
import type { RunningLocalOrg } from './server';
import { startTestOrg, tempDir } from './test/helpers';

const TODAY = '2026-04-15';
const FY = 2026;

describe('loadBundle: account bundles into the local org', () => {
  const tmp = tempDir('bundle-');
  let running: RunningLocalOrg;
  let loaded: LoadedBundle;
  let bundle: AccountBundle;
  const call = async (cls: string, method: string, params: Record<string, unknown>): Promise<unknown> => {
    const res = await fetch(`${running.url}/apex/${cls}/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(params)
    });
    const body: unknown = await res.json();
    assert.equal(res.status, 200, JSON.stringify(body));
    return body;
  };
  const count = (table: string, where = '1 = 1', ...args: unknown[]): number =>
    (
      running.org.db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`).get(...args) as {
        n: number;
      }
    ).n;

  before(async () => {
    ({ running } = await startTestOrg({ dbFile: path.join(tmp.dir, 'org.sqlite') }));
    bundle = checkBundle(aerovanceBundle({ today: TODAY })).bundle!;
    assert.ok(bundle, 'the demo bundle validates');
  });
  after(async () => {
    await running?.close();
    tmp.cleanup();
  });

  it('loads the Aerovance bundle with zero errors: every record, keys and lookups', () => {
    const started = performance.now();
    loaded = loadBundle(running.org, aerovanceBundle({ today: TODAY }));
    const ms = performance.now() - started;
    const objectives = bundle.plans.reduce((n, p) => n + p.objectives.length, 0);
    const actions = bundle.plans.reduce((n, p) => n + p.actions.length, 0);
    const roles = bundle.opportunities.reduce((n, o) => n + o.contactRoles.length, 0);
    // Group accounts: the account's own people, then each subsidiary's under its company and parent.
    const own = bundle.contacts.filter((c) => c.account === undefined);
    assert.equal(count('Contact', '"AccountId" = ?', loaded.accountId), own.length);
    assert.ok(bundle.subsidiaries.length >= 3, 'the demo is a group');
    for (const sub of bundle.subsidiaries) {
      const subId = loaded.ids.get(bundleRef('subsidiary', sub.key))!;
      const parentId =
        sub.parent === null ? loaded.accountId : loaded.ids.get(bundleRef('subsidiary', sub.parent));
      assert.equal(running.org.get('Account', subId)!.ParentId, parentId, `${sub.key} under its parent`);
      assert.equal(running.org.get('Account', subId)!.Keyplan_Ultimate_Parent__c, loaded.accountId);
      assert.equal(
        count('Contact', '"AccountId" = ?', subId),
        bundle.contacts.filter((c) => c.account === sub.key).length,
        `${sub.key} people`
      );
    }
    assert.equal(count('Contact'), bundle.contacts.length);
    assert.equal(count('Relationship_Link__c'), bundle.links.length);
    assert.equal(count('Opportunity'), bundle.opportunities.length);
    assert.equal(count('OpportunityContactRole'), roles);
    assert.equal(count('Landscape_Cell__c'), bundle.cells.length);
    assert.equal(count('Account_Plan__c'), bundle.plans.length);
    assert.equal(count('Plan_Objective__c'), objectives);
    assert.equal(count('Plan_Action__c'), actions);
    assert.equal(
      count('Offering__c', '"Active__c" = 0'),
      bundle.offerings.filter((o) => !o.Active__c).length
    );
    assert.equal(loaded.usersCreated, bundle.users.length);
    const ceo = bundle.contacts.find((c) => c.reportsTo === null)!;
    const stored = running.org.get('Contact', loaded.ids.get(bundleRef('contact', ceo.key))!)!;
    assert.equal(stored.Keyplan_Key__c, `${bundle.account.key}/${ceo.key}`);
    const offering = bundle.offerings[0];
    assert.equal(
      running.org.get('Offering__c', loaded.ids.get(bundleRef('offering', offering.key))!)!.Keyplan_Key__c,
      `offering/${offering.key}`
    );
    const report = bundle.contacts.find((c) => c.reportsTo !== null)!;
    assert.equal(
      running.org.get('Contact', loaded.ids.get(bundleRef('contact', report.key))!)!.ReportsToId,
      loaded.ids.get(bundleRef('contact', report.reportsTo!))
    );
    console.log(
      `# aerovance: ${bundle.contacts.length} contacts, ${bundle.links.length} links loaded in ${ms.toFixed(0)} ms`
    );
  });

  it('the twins return the bundle data', async () => {
    const chart = OrgChartData.parse(
      await loadOrgChart(async (cursor) =>
        OrgChartPage.parse(
          await call('OrgChartController', 'loadOrgChartPage', { accountId: loaded.accountId, cursor })
        )
      )
    );
    assert.equal(chart.accountName, bundle.account.Name);
    assert.equal(chart.contacts.length, bundle.contacts.length);
    assert.equal(chart.links.length, bundle.links.length);
    assert.equal(chart.buyingCenters.length, bundle.buyingCenters.length);

    const ws = WhitespaceData.parse(
      await call('WhitespaceController', 'getWhitespace', { accountId: loaded.accountId, fiscalYear: FY })
    );
    assert.equal(
      ws.cells.length,
      bundle.cells.filter((c) => c.Fiscal_Year__c >= FY - 1 && c.Fiscal_Year__c <= FY).length
    );
    const inYears = bundle.opportunities.filter((o) =>
      [FY - 1, FY].includes(Number(o.CloseDate.slice(0, 4)))
    );
    assert.equal(ws.opportunities.length, inYears.length);
    const wonBundle = inYears
      .filter((o) => o.StageName === 'Closed Won')
      .reduce((s, o) => s + (o.Amount ?? 0), 0);
    const wonTwin = ws.opportunities.filter((o) => o.isWon).reduce((s, o) => s + (o.amount ?? 0), 0);
    assert.equal(Math.round(wonTwin * 100), Math.round(wonBundle * 100));

    const plan = bundle.plans.find((p) => p.Fiscal_Year__c === FY);
    const summary = PlanSummaryData.parse(
      await call('AccountPlanController', 'getPlanSummary', { accountId: loaded.accountId, fiscalYear: FY })
    );
    assert.equal(summary.plan?.name ?? null, plan?.Name ?? null);

    const bant = BantData.parse(await call('BantController', 'getBant', { recordId: loaded.accountId }));
    const open = bundle.opportunities.filter((o) => !o.StageName.startsWith('Closed')).length;
    assert.equal(bant.opportunities.length, Math.min(open, 200));
  });

  it('loading the same bundle again updates in place instead of duplicating', () => {
    const before = [
      'Contact',
      'Relationship_Link__c',
      'Opportunity',
      'OpportunityContactRole',
      'Landscape_Cell__c',
      'Plan_Action__c',
      'User'
    ].map((t) => count(t));
    const again = loadBundle(running.org, aerovanceBundle({ today: TODAY }));
    assert.equal(again.accountId, loaded.accountId);
    assert.equal(again.usersCreated, 0);
    const after = [
      'Contact',
      'Relationship_Link__c',
      'Opportunity',
      'OpportunityContactRole',
      'Landscape_Cell__c',
      'Plan_Action__c',
      'User'
    ].map((t) => count(t));
    assert.deepEqual(after, before);
  });

  it("another account's bundle uses the shared offerings as they are (never renames them)", () => {
    const first = bundle.offerings[0];
    const name = (): unknown =>
      (
        running.org.db
          .prepare(`SELECT "Name" FROM "Offering__c" WHERE "Keyplan_Key__c" = ?`)
          .get(`offering/${first.key}`) as { Name: string }
      ).Name;
    assert.equal(name(), first.Name);
    const other = loadBundle(running.org, {
      format: 'keyplan.account-bundle',
      version: 1,
      account: { key: 'other-co', Name: 'Other Co' },
      offerings: [{ key: first.key, Name: 'Renamed by Other Co', Active__c: false }]
    });
    assert.equal(
      other.ids.get(bundleRef('offering', first.key)),
      loaded.ids.get(bundleRef('offering', first.key))
    );
    assert.equal(name(), first.Name);
  });

  it('refuses an invalid bundle with every problem, and rolls back a record the org refuses, naming it', () => {
    const accounts = count('Account');
    assert.throws(
      () =>
        loadBundle(running.org, {
          format: 'keyplan.account-bundle',
          version: 1,
          account: { key: 'bad', Name: 'Bad' },
          contacts: [{ key: 'a', LastName: 'A', reportsTo: 'nobody' }]
        }),
      (err: unknown) =>
        err instanceof BundleLoadError && err.problems.some((p) => p.path === 'contacts[0].reportsTo')
    );
    assert.throws(
      () =>
        loadBundle(running.org, {
          format: 'keyplan.account-bundle',
          version: 1,
          account: { key: 'over', Name: 'Over Goals' },
          contacts: [{ key: 'a', LastName: 'A' }],
          plans: [
            {
              key: 'p',
              Name: 'P',
              Fiscal_Year__c: 2026,
              Revenue_Goal__c: 100,
              Mining_Goal__c: 90,
              Farming_Goal__c: 20
            }
          ]
        }),
      /^Error: plans\[0\] \(key p\): Account_Plan__c: /
    );
    assert.equal(count('Account'), accounts, 'nothing written');
  });
});
