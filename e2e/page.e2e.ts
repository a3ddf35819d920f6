/**
 * Browser tests of the preview page against a running local org loaded with the demo bundles
 * (started by e2e/run.ts, which sets KEYPLAN_E2E_URL). Expected names and figures come from the
 * bundle itself (data/aerovance.ts), not from copies in this file.
 *
 * Each component: renders the demo data; an edit persists across a reload; a bad edit shows the
 * error and changes nothing (a refused stale write: the record is changed through the local org's
 * REST API between load and save, or a validation the component enforces).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { aerovanceBundle } from '../data';
import { launchBrowser, openAccount, watchErrors, type LaunchedBrowser } from './browser';
import { SPECS, choose, comboboxText, componentRoot, escapeRe } from './components';
import { query, rest } from './orgApi';

const BASE = process.env.KEYPLAN_E2E_URL ?? '';
const SHOTS = path.resolve(process.env.KEYPLAN_E2E_SCREENSHOTS ?? 'artifacts/screenshots');
const DEMO = aerovanceBundle();
const contact = (key: string): { name: string; stance: string } => {
  const c = DEMO.contacts!.find((x) => x.key === key)!;
  return { name: `${c.FirstName} ${c.LastName}`, stance: c.Stance__c ?? '' };
};
const money = (n: number): string =>
  n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

let browser: LaunchedBrowser;
let page: Page;
let errors: string[];
let accounts: { Id: string; Name: string; contacts: number }[] = [];
let aerovanceId = '';

async function shot(name: string, target?: Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  if (target) await target.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
}

/** Waits until fn() returns true (server-side state after a save), polling; no fixed sleeps. */
async function until(what: string, fn: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens Aerovance and waits for the component's data. */
async function open(name: string, reload = false): Promise<Locator> {
  if (reload) {
    await page.reload();
    await page.waitForFunction(() => window.__keyplanPage?.ready === true);
  } else await openAccount(page, BASE, aerovanceId, [name]);
  const root = componentRoot(page, name);
  await root
    .locator(SPECS.find((s) => s.name === name)!.dataSelector)
    .first()
    .waitFor({ timeout: 20000 });
  return root;
}

/** Waits for an error shown to the user (inline, in c-error-panel, or as a toast) that says `text`. */
async function expectError(_root: Locator, text: RegExp): Promise<void> {
  const shown = page
    .locator('.slds-notify_toast[data-variant="error"], c-error-panel, [role="alert"], .competitor-error')
    .filter({ hasText: /\S/ })
    .first();
  await shown.waitFor({ timeout: 10000 });
  await page
    .locator('.slds-notify_toast[data-variant="error"], c-error-panel, [role="alert"], .competitor-error')
    .filter({ hasText: text })
    .first()
    .waitFor({ timeout: 5000 });
}
const STALE = /changed by someone else/i;
/**
 * Stale checks compare LastModifiedDate at seconds (the org's precision): before another user's change,
 * let the clock leave the second of this user's last save, or the change cannot be told from it.
 */
const nextSecond = (): Promise<void> => new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));

before(async () => {
  assert.ok(BASE, 'KEYPLAN_E2E_URL is not set: run the browser tests with `npm run test:e2e`');
  accounts = (await (
    await fetch(`${BASE}preview/api/accounts`, {
      headers: { 'X-Keyplan-Preview': process.env.KEYPLAN_E2E_PREVIEW_SECRET ?? '' }
    })
  ).json()) as typeof accounts;
  aerovanceId = accounts.find((a) => a.Name === DEMO.account.Name)?.Id ?? '';
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  errors = watchErrors(page);
});

after(async () => {
  await browser?.close();
});

describe('the account page', () => {
  test('opens Aerovance Group by default, with every component', async () => {
    assert.ok(aerovanceId, `no ${DEMO.account.Name} in the local org: ${JSON.stringify(accounts)}`);
    await openAccount(page, BASE);
    assert.equal((await page.locator('.slds-page-header__title').innerText()).trim(), DEMO.account.Name);
    assert.equal(await page.locator('#kp-account-picker').inputValue(), aerovanceId);
    assert.equal(await page.locator('#kp-account-picker option').count(), accounts.length);
    const built = await page.evaluate(() => window.__keyplanPage?.components ?? []);
    assert.deepEqual([...built].sort(), SPECS.map((s) => s.name).sort());
    for (const s of SPECS)
      await componentRoot(page, s.name).locator(s.dataSelector).first().waitFor({ timeout: 20000 });
    await shot('page');
    assert.deepEqual(errors, [], 'page errors');
  });

  test('switching account in the picker opens that account', async () => {
    const other = accounts.find((a) => a.Id !== aerovanceId);
    assert.ok(other, 'the large demo account is missing');
    await Promise.all([
      page.waitForURL(`**/?id=${other.Id}`),
      page.locator('#kp-account-picker').selectOption(other.Id)
    ]);
    await page.waitForFunction(() => window.__keyplanPage?.ready === true);
    assert.equal((await page.locator('.slds-page-header__title').innerText()).trim(), other.Name);
    await componentRoot(page, 'orgChartHeatmap')
      .locator(SPECS[1].dataSelector)
      .first()
      .waitFor({ timeout: 30000 });
  });
});

describe('accountPlanSummary', () => {
  const plan = DEMO.plans![0];

  test('renders the plan: name, revenue goal, scores, overdue actions', async () => {
    const root = await open('accountPlanSummary');
    assert.equal((await root.locator('.plan-name').innerText()).trim(), plan.Name);
    assert.match(await root.innerText(), new RegExp(escapeRe(money(plan.Revenue_Goal__c!))));
    assert.equal(await comboboxText(root.locator('lightning-combobox.phase')), plan.Customer_Phase__c);
    const exec = root.locator('lightning-combobox.attribute').filter({ hasText: /Executive access/ });
    assert.equal(await comboboxText(exec), String(plan.Score_Executive_Access__c));
    await root.locator('c-plan-actions').getByText(plan.actions![0].Name).waitFor();
    await shot('accountPlanSummary', root);
  });

  test('a customer phase change persists across a reload', async () => {
    let root = await open('accountPlanSummary');
    await choose(root.locator('lightning-combobox.phase'), 'Customer');
    await until('the phase to be saved', async () => {
      const [p] = await query<{ Customer_Phase__c: string }>(
        `SELECT Customer_Phase__c FROM Account_Plan__c WHERE Name = '${plan.Name}'`
      );
      return p?.Customer_Phase__c === 'Customer';
    });
    root = await open('accountPlanSummary', true);
    assert.equal(await comboboxText(root.locator('lightning-combobox.phase')), 'Customer');
  });

  test('a stale score save is refused, shown, and changes nothing', async () => {
    const root = await open('accountPlanSummary');
    const exec = root.locator('lightning-combobox.attribute').filter({ hasText: /Executive access/ });
    const before = await comboboxText(exec);
    const [p] = await query<{ Id: string }>(`SELECT Id FROM Account_Plan__c WHERE Name = '${plan.Name}'`);
    await nextSecond();
    await rest('PATCH', `sobjects/Account_Plan__c/${p.Id}`, { Score_Tenure__c: 5 });
    await choose(exec, before === '5' ? '4' : '5');
    await root.locator('c-plan-relationship lightning-button.save').click();
    await expectError(root, STALE);
    await shot('accountPlanSummary-stale', root);
    const after = await open('accountPlanSummary', true);
    assert.equal(
      await comboboxText(
        after.locator('lightning-combobox.attribute').filter({ hasText: /Executive access/ })
      ),
      before
    );
  });
});

describe('orgChartHeatmap', () => {
  const node = (root: Locator, name: string): Locator =>
    root.locator('.layer [role="button"][data-id]').filter({ hasText: name });
  const stanceOf = async (root: Locator, name: string): Promise<string> =>
    (await node(root, name).locator('.meta > span').first().innerText()).trim();
  const panel = (root: Locator): Locator => root.locator('c-org-chart-person-panel');
  /**
   * The chart opens at a readable zoom on its top people: find someone further out with the search (Enter
   * jumps to the first match of the toolbar's result list).
   */
  const show = async (root: Locator, name: string): Promise<void> => {
    const search = root.locator('c-org-chart-toolbar input.search');
    await search.fill(name);
    await root.locator('c-org-chart-toolbar [role="option"]').first().waitFor();
    await search.press('Enter');
    await node(root, name).waitFor();
  };

  test('renders the reporting tree with people, stances and relationship links', async () => {
    const root = await open('orgChartHeatmap');
    for (const key of ['ceo', 'cfo', 'cio']) {
      const c = contact(key);
      // The opening view shows the top of the tree; the others are one search away.
      if (key === 'ceo') await node(root, c.name).waitFor();
      else await show(root, c.name);
      assert.equal(await stanceOf(root, c.name), c.stance);
    }
    assert.ok((await root.locator('svg.lines path.edge').count()) > 5, 'no reporting lines drawn');
    assert.ok((await root.locator('svg.lines .link-line').count()) > 0, 'no relationship links drawn');
    assert.match(await root.locator('.status').innerText(), new RegExp(`of ${DEMO.contacts!.length} people`));
    await shot('orgChartHeatmap', root);
  });

  test("a contact's stance change in the person panel persists across a reload", async () => {
    let root = await open('orgChartHeatmap');
    const cfo = contact('cfo');
    const next = cfo.stance === 'Supporter' ? 'Neutral' : 'Supporter';
    await show(root, cfo.name);
    await node(root, cfo.name).click();
    await panel(root).locator('.person-name').filter({ hasText: cfo.name }).waitFor();
    await choose(
      panel(root)
        .locator('lightning-combobox.field')
        .filter({ hasText: /Stance/ }),
      next
    );
    await panel(root).locator('lightning-button.save').click();
    await until('the chart to show the saved stance', async () => (await stanceOf(root, cfo.name)) === next);
    await shot('orgChartHeatmap-person-panel', root);
    root = await open('orgChartHeatmap', true);
    await show(root, cfo.name);
    assert.equal(await stanceOf(root, cfo.name), next);
    // Only the stance changed: the buyer role the chart shows (and the rest) must survive the save.
    const buyerRole = DEMO.contacts!.find((x) => x.key === 'cfo')!.Buyer_Role__c!;
    assert.equal((await node(root, cfo.name).locator('.role').innerText()).trim(), buyerRole);
  });

  test('a stale stakeholder save is refused, shown, and changes nothing', async () => {
    const root = await open('orgChartHeatmap');
    const cio = contact('cio');
    await show(root, cio.name);
    await node(root, cio.name).click();
    await panel(root).locator('.person-name').filter({ hasText: cio.name }).waitFor();
    const id = await node(root, cio.name).getAttribute('data-id');
    await nextSecond();
    await rest('PATCH', `sobjects/Contact/${id}`, { Title: 'Group CIO (renamed elsewhere)' });
    await choose(
      panel(root)
        .locator('lightning-combobox.field')
        .filter({ hasText: /Stance/ }),
      'Detractor'
    );
    await panel(root).locator('lightning-button.save').click();
    await expectError(root, STALE);
    await shot('orgChartHeatmap-stale', root);
    const after = await open('orgChartHeatmap', true);
    await show(after, cio.name);
    assert.equal(await stanceOf(after, cio.name), cio.stance);
  });
});

describe('whitespaceMatrix', () => {
  const cellAt = (root: Locator, bc: string, off: string): Locator =>
    root.locator(`[role="gridcell"][data-bc="${bc}"][data-offering="${off}"]`);
  /**
   * A not-assessed cell without money of a leaf buying center row, as (bc, offering) ids: such cells are
   * muted to a dot (their "Not assessed" label shows on hover and focus only), parent rows show rolled cells.
   */
  async function freeCell(root: Locator, skip = 0): Promise<[string, string]> {
    const cell = root
      .locator(
        '[role="gridcell"].cell_muted:not(.cell_rolled)[data-bc][data-offering][data-status="unassessed"]'
      )
      .nth(5 + skip);
    return [(await cell.getAttribute('data-bc'))!, (await cell.getAttribute('data-offering'))!];
  }
  const cellPanel = (root: Locator): Locator => root.locator('c-whitespace-cell-panel');

  test('renders buying centers x offerings with money in the cells and totals', async () => {
    const root = await open('whitespaceMatrix');
    for (const o of DEMO.offerings!)
      await root.locator('[role="columnheader"] .colname').filter({ hasText: o.Name }).first().waitFor();
    await root
      .locator('[role="rowheader"] .bcname')
      .filter({ hasText: 'Commercial Aircraft Europe' })
      .waitFor();
    assert.ok((await root.locator('[role="gridcell"] .money .won').count()) > 0, 'no won money in cells');
    assert.ok((await root.locator('[role="gridcell"] .money .pot').count()) > 0, 'no potential in cells');
    assert.match(await root.locator('.coltotal.grand').innerText(), /\$\d/);
    await shot('whitespaceMatrix', root);
  });

  test('marking a cell as whitespace with a potential persists across a reload', async () => {
    let root = await open('whitespaceMatrix');
    const [bc, off] = await freeCell(root);
    await cellAt(root, bc, off).click();
    await cellPanel(root)
      .locator('lightning-radio-group.state label')
      .filter({ hasText: /^Whitespace/ })
      .click();
    await cellPanel(root).locator('lightning-input.potential input').fill('750000');
    await cellPanel(root).locator('lightning-button.save').click();
    await cellAt(root, bc, off).filter({ hasText: '$750K' }).waitFor({ timeout: 10000 });
    await shot('whitespaceMatrix-after-edit', root);
    root = await open('whitespaceMatrix', true);
    const text = await cellAt(root, bc, off).innerText();
    assert.match(text, /Target/);
    assert.match(text, /\$750K/);
  });

  test('a competitor state without a competitor name shows the error and changes nothing', async () => {
    const root = await open('whitespaceMatrix');
    const [bc, off] = await freeCell(root, 3);
    const before = await cellAt(root, bc, off).innerText();
    await cellAt(root, bc, off).click();
    await cellPanel(root)
      .locator('lightning-radio-group.state label')
      .filter({ hasText: /^Competitor/ })
      .click();
    await cellPanel(root).locator('lightning-button.save').click();
    await expectError(root, /competitor/i);
    await shot('whitespaceMatrix-bad-edit', root);
    const after = await open('whitespaceMatrix', true);
    assert.equal(await cellAt(after, bc, off).innerText(), before);
  });

  test("copying last year's assessment asks, keeps assessed cells unless told, then fills the year shown", async () => {
    const root = await open('whitespaceMatrix');
    const copy = root.locator('c-whitespace-copy-assessment');
    const muted = root.locator('[role="gridcell"].cell_muted[data-bc][data-offering]');
    const before = await muted.count();
    await copy.locator('.copy-open').click();
    await copy.locator('.question').waitFor();
    assert.match(
      await copy.locator('.question').innerText(),
      /^Copy the states, .* of \d+ assessed cells? of FY\d{4} into FY\d{4}\?$/
    );
    if ((await copy.locator('lightning-input.overwrite').count()) > 0) {
      // Cells the year shown has assessed stop the copy, named, until "Replace" is ticked.
      await copy.locator('.copy-confirm').click();
      await copy
        .locator('c-error-panel')
        .filter({ hasText: /already assessed/ })
        .waitFor({ timeout: 10000 });
      await copy.locator('lightning-input.overwrite .slds-checkbox').first().click();
    }
    await copy.locator('.copy-confirm').click();
    await copy.locator('.copy-dialog').waitFor({ state: 'detached', timeout: 10000 });
    for (let i = 0; i < 50 && (await muted.count()) >= before; i++) await page.waitForTimeout(200);
    assert.ok((await muted.count()) < before, `no cell was filled (${before} muted before)`);
    await shot('whitespaceMatrix-copied-assessment', root);
  });
});

describe('bantPanel', () => {
  const today = new Date().toISOString().slice(0, 10);
  const open_ = DEMO.opportunities!.filter((o) => !/^Closed/.test(o.StageName) && o.CloseDate >= today);
  const card = (root: Locator, name: string): Locator =>
    root.locator('c-bant-opportunity article.opportunity').filter({
      has: root.page().locator('a.name', { hasText: new RegExp(`^\\s*${escapeRe(name)}\\s*$`) })
    });
  /** The first listed opportunity whose budget is not Confirmed yet. */
  async function target(root: Locator): Promise<string> {
    const names = await root.locator('c-bant-opportunity a.name').allInnerTexts();
    for (const n of names) {
      const o = open_.find((x) => x.Name === n.trim());
      if (o && o.Budget_Status__c !== 'Confirmed') return o.Name;
    }
    throw new Error(`no listed opportunity with an unconfirmed budget among ${names.join(', ')}`);
  }

  test('renders the open opportunities with their BANT chips and scores', async () => {
    const root = await open('bantPanel');
    const names = (await root.locator('c-bant-opportunity a.name').allInnerTexts()).map((n) => n.trim());
    assert.ok(names.length > 0);
    for (const n of names)
      assert.ok(
        DEMO.opportunities!.some((o) => o.Name === n),
        `${n} is not a demo opportunity`
      );
    const first = open_.find((o) => o.Name === names[0])!;
    const chips = await card(root, first.Name).locator('.chips c-bant-chip').allInnerTexts();
    assert.ok(
      chips.some((c) => c.includes(`Budget: ${first.Budget_Status__c ?? 'Unknown'}`)),
      `chips ${chips.join(' | ')}`
    );
    assert.match(
      await card(root, first.Name).locator('.amount').innerText(),
      new RegExp(escapeRe(money(first.Amount!)))
    );
    await shot('bantPanel', root);
  });

  test('setting Budget to Confirmed persists across a reload', async () => {
    let root = await open('bantPanel');
    const name = await target(root);
    const c = card(root, name);
    await c.getByRole('button', { name: /edit bant/i }).click();
    await choose(c.locator('lightning-combobox.status-input[data-dimension="budget"]'), 'Confirmed');
    await c.getByRole('button', { name: /^save$/i }).click();
    await c.locator('.editor').waitFor({ state: 'detached', timeout: 10000 });
    await shot('bantPanel-after-edit', root);
    root = await open('bantPanel', true);
    const chips = await card(root, name).locator('.chips c-bant-chip').allInnerTexts();
    assert.ok(
      chips.some((t) => t.includes('Budget: Confirmed')),
      `chips ${chips.join(' | ')}`
    );
  });

  test('a stale BANT save is refused, shown, and changes nothing', async () => {
    const root = await open('bantPanel');
    const name = await target(root);
    const c = card(root, name);
    const before = (await c.locator('.chips').innerText()).trim();
    const [o] = await query<{ Id: string }>(
      `SELECT Id FROM Opportunity WHERE Name = '${name.replace(/'/g, "\\'")}'`
    );
    await c.getByRole('button', { name: /edit bant/i }).click();
    await nextSecond();
    await rest('PATCH', `sobjects/Opportunity/${o.Id}`, { Description: 'Touched by another user' });
    // A real change (the previous test may have confirmed this budget already).
    const budget = c.locator('lightning-combobox.status-input[data-dimension="budget"]');
    await choose(budget, (await comboboxText(budget)) === 'Missing' ? 'Identified' : 'Missing');
    await c.getByRole('button', { name: /^save$/i }).click();
    await expectError(root, STALE);
    await shot('bantPanel-stale', root);
    const after = await open('bantPanel', true);
    assert.equal((await card(after, name).locator('.chips').innerText()).trim(), before);
  });
});
