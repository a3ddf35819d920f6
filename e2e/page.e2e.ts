/**
 * Browser tests of the preview page against a running local org (started by e2e/run.ts, which sets
 * KEYPLAN_E2E_URL). Components that are not built yet are skipped, not failed; the page itself must
 * always load.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openAccount, watchErrors, type LaunchedBrowser } from './browser';
import { SPECS, componentRoot } from './components';
import type { Page } from 'playwright-core';

const BASE = process.env.KEYPLAN_E2E_URL ?? '';
const SHOTS = path.resolve(process.env.KEYPLAN_E2E_SCREENSHOTS ?? 'artifacts/screenshots');

let browser: LaunchedBrowser;
let page: Page;
let errors: string[];
let built: string[] = [];
let accounts: { Id: string; Name: string; contacts: number }[] = [];

async function shot(name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The demo account the tests use: the one with the most contacts under 1,000 (not the 10k one). */
function demoAccount(): { Id: string; Name: string } {
  const small = accounts.filter((a) => a.contacts < 1000).sort((a, b) => b.contacts - a.contacts);
  return small[0] ?? accounts[0];
}

before(async () => {
  assert.ok(BASE, 'KEYPLAN_E2E_URL is not set: run the browser tests with `npm run test:e2e`');
  accounts = (await (await fetch(`${BASE}preview/api/accounts`)).json()) as typeof accounts;
  browser = await launchBrowser();
  page = await browser.newPage();
  errors = watchErrors(page);
  await openAccount(page, BASE, demoAccount()?.Id);
  built = await page.evaluate(() => window.__keyplanPage?.components ?? []);
});

after(async () => {
  await browser?.close();
});

describe('the account page', () => {
  test('loads with the account in the header and the picker', async () => {
    assert.ok(accounts.length > 0, 'the local org has no accounts: seeding failed');
    const account = demoAccount();
    await page.locator('.slds-page-header__title').waitFor();
    assert.equal((await page.locator('.slds-page-header__title').innerText()).trim(), account.Name);
    assert.equal(await page.locator('#kp-account-picker').inputValue(), account.Id);
    assert.equal(await page.locator('#kp-account-picker option').count(), accounts.length);
    // Every page component is either mounted or explained.
    const missing = await page.evaluate(() => window.__keyplanPage?.missing ?? []);
    for (const name of missing)
      assert.equal(await page.locator(`[data-missing="${name}"]`).count(), 1, `${name}: no note`);
    await shot('page');
    assert.deepEqual(
      errors.filter((e) => !e.includes('status of 4')),
      [],
      'page errors'
    );
  });

  test('switching account in the picker opens that account', async (t) => {
    const other = accounts.find((a) => a.Id !== demoAccount().Id);
    if (!other) return t.skip('only one account');
    await Promise.all([
      page.waitForURL(`**/?id=${other.Id}`),
      page.locator('#kp-account-picker').selectOption(other.Id)
    ]);
    await page.waitForFunction(() => window.__keyplanPage?.ready === true);
    assert.equal((await page.locator('.slds-page-header__title').innerText()).trim(), other.Name);
    await openAccount(page, BASE, demoAccount().Id);
  });
});

for (const spec of SPECS) {
  describe(spec.name, () => {
    const skip = (): string | false => (built.includes(spec.name) ? false : `${spec.name} is not built yet`);

    test('renders data', async (t) => {
      if (skip()) return t.skip(skip() as string);
      const root = componentRoot(page, spec.name);
      await root.locator(spec.dataSelector).first().waitFor({ timeout: 20000 });
      assert.equal(
        await root.locator('c-error-panel').count(),
        0,
        `${spec.name} shows an error: ${await root.innerText()}`
      );
      await root.screenshot({ path: path.join(SHOTS, `${spec.name}.png`) }).catch(() => undefined);
    });

    test('an edit persists across a reload', async (t) => {
      if (skip()) return t.skip(skip() as string);
      if (!spec.edit) return t.skip('no edit case yet');
      await openAccount(page, BASE, demoAccount().Id);
      const root = componentRoot(page, spec.name);
      await root.locator(spec.dataSelector).first().waitFor({ timeout: 20000 });
      const expected = await spec.edit.apply(page, root);
      await page.reload();
      await page.waitForFunction(() => window.__keyplanPage?.ready === true);
      await root.locator(spec.dataSelector).first().waitFor({ timeout: 20000 });
      assert.match(
        await spec.edit.read(page, root),
        new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      );
      await shot(`${spec.name}-after-edit`);
    });

    test('a bad edit shows the error and changes nothing', async (t) => {
      if (skip()) return t.skip(skip() as string);
      if (!spec.badEdit) return t.skip('no bad-edit case yet');
      await openAccount(page, BASE, demoAccount().Id);
      const root = componentRoot(page, spec.name);
      await root.locator(spec.dataSelector).first().waitFor({ timeout: 20000 });
      const before = await spec.badEdit.snapshot(page, root);
      await spec.badEdit.apply(page, root);
      // The error reaches the user inline or as a toast.
      const shown = page
        .locator('.slds-notify_toast[data-variant="error"], c-error-panel, .slds-has-error, [role="alert"]')
        .filter({ hasText: spec.badEdit.errorText });
      await shown.first().waitFor({ timeout: 10000 });
      await shot(`${spec.name}-bad-edit`);
      await page.reload();
      await page.waitForFunction(() => window.__keyplanPage?.ready === true);
      await root.locator(spec.dataSelector).first().waitFor({ timeout: 20000 });
      assert.equal(await spec.badEdit.snapshot(page, root), before);
    });
  });
}
