/**
 * The scenario table (test/scenarios/*.json) run through the local org: each scenario is loaded into
 * a fresh local org running the scenario's fiscal year and currencies, then read through the Apex
 * twins (getPlanSummary, getWhitespace: the rows the components sum with keyplanCore) and the CLI
 * exports (export-landscape, export-plan). Every surface must give the expected figures.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BantData, PlanSummaryData, WhitespaceData } from '../../src/contracts';
import { bantGaps, evidenceOf, isQualified } from '../../force-app/main/default/lwc/keyplanCore/bant';
import { figureOptions, summariseYear } from '../../force-app/main/default/lwc/keyplanCore/figures';
import { buildMatrix } from '../../force-app/main/default/lwc/keyplanCore/matrix';
import { LocalOrg } from '../../localorg/org';
import { loadBundle, type SeedBundle } from '../../localorg/seed';
import { DEFAULT_FORCE_APP, type RunningLocalOrg } from '../../localorg/server';
import { startTestOrg, tempDir } from '../../localorg/test/helpers';
import { runCli } from '../../scripts/cli/cli';
import { diffMatrix, diffYear, loadScenarios, SCENARIO_BANT_THRESHOLD, type Scenario } from './scenarios';

/** The scenario as records for the local org (refs are the scenario keys). */
function bundleOf(s: Scenario): SeedBundle {
  const years = Object.keys(s.expected.years).map(Number);
  return {
    objects: [
      ['Account', [{ ref: 'acc', Name: accountName(s) }]],
      [
        'Offering__c',
        s.offerings.map((o) => ({
          ref: `off:${o.key}`,
          Name: o.name,
          Active__c: o.active,
          Sort_Order__c: o.sortOrder
        }))
      ],
      [
        'Buying_Center__c',
        s.buyingCenters.map((b) => ({
          ref: `bc:${b.key}`,
          Name: b.name,
          Account__c: '@acc',
          Parent_Buying_Center__c: b.parent ? `@bc:${b.parent}` : null,
          Active__c: b.active,
          Sort_Order__c: b.sortOrder
        }))
      ],
      [
        'Landscape_Cell__c',
        s.cells.map((c) => ({
          Buying_Center__c: `@bc:${c.buyingCenter}`,
          Offering__c: `@off:${c.offering}`,
          Fiscal_Year__c: c.fiscalYear,
          State__c: c.state,
          Competitor__c: c.competitor ?? null,
          Potential__c: c.potential
        }))
      ],
      [
        'Contact',
        (s.contacts ?? []).map((c) => ({
          ref: `contact:${c.key}`,
          LastName: c.name,
          AccountId: '@acc',
          Keyplan_Buying_Center__c: c.buyingCenter ? `@bc:${c.buyingCenter}` : null,
          Keyplan_Buyer_Role__c: c.buyerRole ?? null,
          Keyplan_Decision_Role__c: c.decisionRole ?? null,
          Keyplan_Budget_Owned__c: c.budgetOwned ?? null
        }))
      ],
      [
        'Opportunity',
        s.opportunities.map((o) => ({
          ref: o.key,
          Name: o.key,
          AccountId: '@acc',
          StageName: o.stage,
          CloseDate: o.closeDate,
          Amount: o.amount,
          ...(o.probability !== undefined ? { Probability: o.probability } : {}),
          Keyplan_Buying_Center__c: o.buyingCenter ? `@bc:${o.buyingCenter}` : null,
          Keyplan_Offering__c: o.offering ? `@off:${o.offering}` : null,
          Keyplan_Growth_Type__c: o.growthType ?? null,
          ...(o.currency ? { CurrencyIsoCode: o.currency } : {}),
          Keyplan_Budget_Status__c: o.budget ?? null,
          Keyplan_Authority_Status__c: o.authority ?? null,
          Keyplan_Need_Status__c: o.need ?? null,
          Keyplan_Timing_Status__c: o.timing ?? null,
          Keyplan_Budget_Evidence__c: o.budgetEvidence ?? null,
          Keyplan_Need_Evidence__c: o.needEvidence ?? null,
          Keyplan_Timing_Evidence__c: o.timingEvidence ?? null
        }))
      ],
      [
        'OpportunityContactRole',
        s.opportunities.flatMap((o) =>
          (o.contactRoles ?? []).map((k, i) => ({
            OpportunityId: `@${o.key}`,
            ContactId: `@contact:${k}`,
            IsPrimary: i === 0
          }))
        )
      ],
      [
        'Account_Plan__c',
        years.map((fy) => ({
          Name: `Plan FY${fy}`,
          Account__c: '@acc',
          Fiscal_Year__c: fy,
          Status__c: 'Active'
        }))
      ]
    ]
  };
}

const accountName = (s: Scenario): string => `Scenario ${s.name}`;

/** A local org file running the scenario's fiscal year and currencies, with its records. */
function orgFor(s: Scenario, dbFile: string): Map<string, string> {
  const org = LocalOrg.open({ forceAppDir: DEFAULT_FORCE_APP, dbFile });
  try {
    org.setFiscalYear(s.org.fiscalYearStartMonth, s.org.fiscalYearNamedByStart);
    if (s.org.conversionRates.length)
      org.enableMultiCurrency(
        s.org.currencyCode,
        Object.fromEntries(s.org.conversionRates.map((r) => [r.isoCode, r.rate]))
      );
    return loadBundle(org, bundleOf(s));
  } finally {
    org.close();
  }
}

for (const s of loadScenarios()) {
  describe(`scenario ${s.name} (local org, twins, CLI)`, () => {
    const tmp = tempDir('scenario-');
    const dbFile = path.join(tmp.dir, 'org.sqlite');
    let ids = new Map<string, string>();
    let running: RunningLocalOrg;
    const keyOf = (id: string): string =>
      [...ids].find(([, v]) => v === id)?.[0].replace(/^(bc|off):/, '') ?? id;
    const call = async (
      method: string,
      className: string,
      params: Record<string, unknown>
    ): Promise<unknown> => {
      const res = await fetch(`${running.url}/apex/${className}/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(params)
      });
      const body: unknown = await res.json();
      assert.equal(res.status, 200, JSON.stringify(body));
      return body;
    };

    before(async () => {
      ids = orgFor(s, dbFile);
      running = (await startTestOrg({ dbFile })).running;
    });
    after(async () => {
      await running?.close();
      tmp.cleanup();
    });

    it('derives Opportunity.FiscalYear from the org fiscal year', () => {
      for (const [key, fy] of Object.entries(s.expected.fiscalYears)) {
        const row = running.org.db
          .prepare(`SELECT "FiscalYear" AS fy FROM "Opportunity" WHERE "Id" = ?`)
          .get(ids.get(key)) as { fy: number };
        assert.equal(row.fy, fy, key);
      }
    });

    if (s.expected.bant)
      it('getBant gives the BANT score (the formula, with the contact-role counts) and Qualified', async () => {
        const data = BantData.parse(await call('getBant', 'BantController', { recordId: ids.get('acc') }));
        for (const [key, want] of Object.entries(s.expected.bant ?? {})) {
          const o = data.opportunities.find((x) => x.name === key)!;
          const qualified = isQualified(o.bantScore!, evidenceOf(o), SCENARIO_BANT_THRESHOLD);
          assert.deepEqual([key, o.bantScore, qualified], [key, want.score, want.qualified]);
          const today = new Date(`${s.today}T00:00:00Z`);
          assert.deepEqual(
            [key, bantGaps(o, { today, stages: data.stages }).map((g) => g.code)],
            [key, s.expected.gaps[key]]
          );
        }
      });

    for (const fy of Object.keys(s.expected.years)) {
      it(`getPlanSummary rows give the FY${fy} figures through summariseYear`, async () => {
        const data = PlanSummaryData.parse(
          await call('getPlanSummary', 'AccountPlanController', {
            accountId: ids.get('acc'),
            fiscalYear: Number(fy)
          })
        );
        const got = summariseYear(data, figureOptions(data));
        assert.deepEqual(diffYear(s, fy, got), []);
        assert.equal(got.currencyCode, s.expected.currencyCode ?? s.org.currencyCode);
      });

      it(`getWhitespace gives the FY${fy} matrix`, async () => {
        const data = WhitespaceData.parse(
          await call('getWhitespace', 'WhitespaceController', {
            accountId: ids.get('acc'),
            fiscalYear: Number(fy)
          })
        );
        const matrix = buildMatrix(data, figureOptions(data));
        const y = matrix.years.find((x) => x.fiscalYear === Number(fy))!;
        assert.deepEqual(diffMatrix(s, fy, matrix, keyOf), []);
        const want = s.expected.years[fy];
        assert.deepEqual(
          [y.grandTotal.won, y.grandTotal.pipeline, y.grandTotal.potential, y.grandTotal.competitive],
          [want.won, want.pipeline, want.whitespacePotential, want.competitivePotential]
        );
        assert.deepEqual(
          [y.mining.won, y.mining.pipeline],
          [want.mining.won, want.mining.pipeline],
          'mining'
        );
      });

      it(`export-landscape and export-plan give the FY${fy} figures`, async () => {
        let out = '';
        const code = await runCli(['--db', dbFile, 'export-landscape', accountName(s), '--fy', fy], {
          stdout: (t) => (out += t),
          stderr: () => undefined
        });
        assert.equal(code, 0);
        const r = JSON.parse(out) as {
          currencyCode: string;
          rows: { id: string; cells: { offering: string; status: string }[] }[];
          grandTotal: { won: number; pipeline: number; potential: number; competitive: number };
        };
        const want = s.expected.years[fy];
        assert.deepEqual(
          [r.grandTotal.won, r.grandTotal.pipeline, r.grandTotal.potential, r.grandTotal.competitive],
          [want.won, want.pipeline, want.whitespacePotential, want.competitivePotential]
        );
        assert.equal(r.currencyCode, s.expected.currencyCode ?? s.org.currencyCode);
        // Cell status as the matrix shows it (a blank state is Unassessed, never "null": issue 16 point 5).
        const wantMatrix = s.expected.matrix[fy];
        for (const [cellKey, status] of Object.entries(wantMatrix?.cells ?? {})) {
          const [b, o] = cellKey.split('|');
          const row = r.rows.find((x) => x.id === ids.get(`bc:${b}`));
          const cell = row?.cells.find((c) => c.offering === ids.get(`off:${o}`));
          assert.equal(cell?.status ?? 'not shown', status, `export-landscape ${cellKey}`);
        }

        let md = '';
        const planCode = await runCli(
          ['--db', dbFile, 'export-plan', accountName(s), '--fy', fy, '--format', 'md', '--today', s.today],
          { stdout: (t) => (md += t), stderr: () => undefined }
        );
        assert.equal(planCode, 0);
        const usd = (v: number): string =>
          new Intl.NumberFormat('en-US', {
            style: 'currency',
            currency: r.currencyCode,
            maximumFractionDigits: 0
          }).format(v);
        for (const line of [
          `| Revenue | — | ${usd(want.won)} | ${usd(want.pipeline)} | — |`,
          `| Mining (grow existing business) | — | ${usd(want.mining.won)} | ${usd(want.mining.pipeline)} | — |`,
          `| Farming (new buying centers or offerings) | — | ${usd(want.farming.won)} | ${usd(want.farming.pipeline)} | — |`,
          `Whitespace potential ${usd(want.whitespacePotential)} · Competitive potential ${usd(want.competitivePotential)}`
        ])
          assert.ok(md.includes(line), `missing "${line}" in\n${md}`);
        // The QBR export's BANT gaps apply the same evidence rules.
        for (const [key, codes] of Object.entries(s.expected.gaps))
          for (const code of codes.filter((c) => c.endsWith('_UNVERIFIED'))) {
            const text = `${key}: ${code.split('_')[0].toLowerCase()} is Confirmed, unverified`;
            assert.ok(md.includes(text), `missing "${text}" in the QBR export`);
          }
      });
    }
  });
}
