/**
 * `npm run bench:browser`: in headless chromium against the local org, on a 10,000-contact account,
 * the time to first render (navigation start to data on screen) of each page component, and the
 * time of the interactions that must stay fast (recolour, filter, sort). Prints JSON lines.
 * Figures include one Playwright round trip (~5 ms) per measurement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import { SPECS, componentRoot } from '../e2e/components';
import { buildPreview } from '../preview/build';
import { demoBundles, loadDemo } from '../preview/seed';
import { startPreview } from '../preview/server';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Interaction {
  component: string;
  name: string;
  /** Performs the interaction once; resolves when the component has re-rendered. Returns false when the control is not there. */
  run(page: Page, root: Locator, iteration: number): Promise<boolean>;
}

/** Waits two animation frames: the re-render and the paint after it. */
const painted = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))
      )
  );

async function pickComboboxOption(combobox: Locator, iteration: number): Promise<boolean> {
  if (!(await combobox.count())) return false;
  await combobox.locator('button, input').first().click();
  const options = combobox.locator('lightning-base-combobox-item');
  const n = await options.count();
  if (n < 2) return false;
  await options.nth(1 + (iteration % (n - 1))).click();
  return true;
}

const INTERACTIONS: Interaction[] = [
  {
    component: 'orgChartHeatmap',
    name: 'recolour',
    run: (_page, root, i) =>
      pickComboboxOption(
        root
          .locator('lightning-combobox')
          .filter({ hasText: /colou?r|heat/i })
          .first(),
        i
      )
  },
  {
    component: 'orgChartHeatmap',
    name: 'filter',
    async run(_page, root, i) {
      const input = root
        .locator('lightning-input')
        .filter({ hasText: /search|filter|find/i })
        .locator('input')
        .first();
      if (!(await input.count())) return false;
      await input.fill(i % 2 ? '' : 'Director');
      return true;
    }
  },
  {
    component: 'whitespaceMatrix',
    name: 'filter',
    run: (_page, root, i) => pickComboboxOption(root.locator('lightning-combobox').first(), i)
  },
  {
    component: 'bantPanel',
    name: 'filter',
    async run(_page, root) {
      const box = root.locator('lightning-input.filter input');
      if (!(await box.count())) return false;
      await box.click({ force: true });
      return true;
    }
  },
  {
    component: 'bantPanel',
    name: 'sort',
    run: (_page, root, i) => pickComboboxOption(root.locator('lightning-combobox.sort'), i)
  }
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const emit = (o: Record<string, unknown>): void =>
  console.log(JSON.stringify({ bench: 'browser', contacts: CONTACTS, ...o }));

async function main(): Promise<void> {
  const build = await buildPreview();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-bench-'));
  const preview = await startPreview({ port: 0, dbFile: path.join(dir, 'org.sqlite') });
  const browser = await launchBrowser();
  try {
    // The demo accounts as `npm start` loads them (Stratosphere with CONTACTS people).
    const bundles = demoBundles(CONTACTS);
    loadDemo(preview.localOrg.org, 'aerovance', bundles);
    const t0 = performance.now();
    const large = loadDemo(preview.localOrg.org, 'stratosphere', bundles);
    emit({ metric: 'seed', account: 'stratosphere', ms: Math.round(performance.now() - t0) });
    const accountId = large.accountId;
    const page = await browser.newPage();
    const url = `${preview.url}?id=${accountId}`;

    for (const spec of SPECS) {
      if (!build.components.includes(spec.name)) {
        emit({ metric: 'firstRender', component: spec.name, skipped: 'not built yet' });
        continue;
      }
      const runs: number[] = [];
      let failure: string | undefined;
      for (let i = 0; i < RUNS && !failure; i++) {
        await page.goto(url);
        try {
          await componentRoot(page, spec.name).locator(spec.dataSelector).first().waitFor({ timeout: 60000 });
          runs.push(Math.round(await painted(page)));
        } catch (e) {
          failure = e instanceof Error ? e.message.split('\n')[0] : String(e);
        }
      }
      emit(
        failure
          ? { metric: 'firstRender', component: spec.name, error: failure }
          : { metric: 'firstRender', component: spec.name, ms: median(runs), runs }
      );
    }

    for (const it of INTERACTIONS) {
      if (!build.components.includes(it.component)) {
        emit({ metric: it.name, component: it.component, skipped: 'not built yet' });
        continue;
      }
      await page.goto(url);
      const root = componentRoot(page, it.component);
      const spec = SPECS.find((s) => s.name === it.component);
      try {
        if (spec) await root.locator(spec.dataSelector).first().waitFor({ timeout: 60000 });
        const runs: number[] = [];
        for (let i = 0; i < RUNS * 2; i++) {
          const start = await page.evaluate(() => performance.now());
          if (!(await it.run(page, root, i))) break;
          runs.push(Math.round((await painted(page)) - start));
        }
        emit(
          runs.length
            ? { metric: it.name, component: it.component, ms: median(runs), runs }
            : { metric: it.name, component: it.component, skipped: 'control not found' }
        );
      } catch (e) {
        emit({
          metric: it.name,
          component: it.component,
          error: e instanceof Error ? e.message.split('\n')[0] : String(e)
        });
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
