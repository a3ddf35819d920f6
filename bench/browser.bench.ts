/**
 * `npm run bench:browser`: headless chromium against the local org loaded with the demo bundles as
 * `npm start` loads them. Prints JSON lines:
 *   - firstRender: navigation start to the component's data painted, each component mounted alone
 *     (`?only=`), on Aerovance Group, and the org chart on the 10,000-contact Stratosphere Holdings;
 *   - the org chart interactions on Stratosphere that must stay fast: recolour, buying-center filter,
 *     search, expand everyone (from the action to the next paint).
 * Figures include one Playwright round trip (~5 ms) per measurement. BENCH_CONTACTS, BENCH_RUNS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, openAccount } from '../e2e/browser';
import { SPECS, componentRoot } from '../e2e/components';
import { buildPreview } from '../preview/build';
import { demoBundles, loadDemo } from '../preview/seed';
import { startPreview } from '../preview/server';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Waits two animation frames (the re-render and the paint after it); returns the page's clock. */
const painted = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))
      )
  );

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const emit = (o: Record<string, unknown>): void => console.log(JSON.stringify({ bench: 'browser', ...o }));
const message = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0] : String(e));

interface Interaction {
  name: string;
  /** Gets the control ready (e.g. opens a dropdown); not timed. */
  prepare(root: Locator, i: number): Promise<void>;
  /** The timed action; the time runs until the next paint after it. */
  act(root: Locator, i: number): Promise<void>;
}

/** A lightning-combobox: opening the list is not timed, picking an option is. */
function comboboxInteraction(name: string, selector: string): Interaction {
  return {
    name,
    prepare: (root) => root.locator(`${selector} [role="combobox"]`).first().click(),
    async act(root, i) {
      const items = root.locator(`${selector} lightning-base-combobox-item`);
      const n = await items.count();
      await items.nth(1 + (i % Math.max(1, n - 1))).click();
    }
  };
}

const ORG_CHART: Interaction[] = [
  comboboxInteraction('recolour', 'lightning-combobox.colour-by'),
  comboboxInteraction('filter', 'lightning-combobox.bc-filter'),
  {
    name: 'search',
    prepare: async () => undefined,
    act: (root, i) =>
      root.locator('lightning-input.search input').fill(i % 2 ? 'Director' : `Person ${i * 37}`)
  },
  {
    name: 'expandAll',
    prepare: async () => undefined,
    act: (root) => root.locator('lightning-button-icon.expand-all button').click()
  }
];

async function firstRender(page: Page, base: string, accountId: string, name: string): Promise<number[]> {
  const spec = SPECS.find((s) => s.name === name)!;
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await openAccount(page, base, accountId, [name]);
    await componentRoot(page, name).locator(spec.dataSelector).first().waitFor({ timeout: 60000 });
    runs.push(Math.round(await painted(page)));
  }
  return runs;
}

async function main(): Promise<void> {
  await buildPreview();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-bench-'));
  const preview = await startPreview({ port: 0, dbFile: path.join(dir, 'org.sqlite') });
  const browser = await launchBrowser();
  try {
    const bundles = demoBundles(CONTACTS);
    const org = preview.localOrg.org;
    let t0 = performance.now();
    const aero = loadDemo(org, 'aerovance', bundles);
    emit({ metric: 'seed', account: 'aerovance', ms: Math.round(performance.now() - t0) });
    t0 = performance.now();
    const large = loadDemo(org, 'stratosphere', bundles);
    emit({
      metric: 'seed',
      account: 'stratosphere',
      contacts: CONTACTS,
      ms: Math.round(performance.now() - t0)
    });
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });

    const targets: [string, string, string[]][] = [
      ['aerovance', aero.accountId, SPECS.map((s) => s.name)],
      ['stratosphere', large.accountId, ['orgChartHeatmap', 'whitespaceMatrix', 'bantPanel']]
    ];
    for (const [account, id, names] of targets)
      for (const name of names) {
        try {
          const runs = await firstRender(page, preview.url, id, name);
          emit({ metric: 'firstRender', account, component: name, ms: median(runs), runs });
        } catch (e) {
          emit({ metric: 'firstRender', account, component: name, error: message(e) });
        }
      }

    for (const it of ORG_CHART) {
      try {
        await openAccount(page, preview.url, large.accountId, ['orgChartHeatmap']);
        const root = componentRoot(page, 'orgChartHeatmap');
        await root.locator(SPECS[1].dataSelector).first().waitFor({ timeout: 60000 });
        const runs: number[] = [];
        for (let i = 0; i < RUNS * 2; i++) {
          await it.prepare(root, i);
          await painted(page);
          const start = await page.evaluate(() => performance.now());
          await it.act(root, i);
          runs.push(Math.round((await painted(page)) - start));
          if (it.name === 'expandAll') break; // a second click has nothing left to expand
        }
        const shown = await root.locator(SPECS[1].dataSelector).count();
        emit({
          metric: it.name,
          account: 'stratosphere',
          component: 'orgChartHeatmap',
          ms: median(runs),
          runs,
          nodesOnScreen: shown
        });
      } catch (e) {
        emit({ metric: it.name, account: 'stratosphere', component: 'orgChartHeatmap', error: message(e) });
      }
    }
  } finally {
    await browser.close();
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
