/**
 * Browser test of "our team on the map": in the org chart's person panel a KAM records the relationship of a
 * colleague who has no link yet, found with the user lookup (keyboard only), and it persists. Runs against the
 * preview e2e/run.ts starts (KEYPLAN_E2E_URL); names come from the demo bundle (data/aerovance.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { aerovanceBundle } from '../data';
import { launchBrowser, openAccount, watchErrors, type LaunchedBrowser } from './browser';
import { componentRoot } from './components';
import { query } from './orgApi';

const BASE = process.env.KEYPLAN_E2E_URL ?? '';
const DEMO = aerovanceBundle();
const person = DEMO.contacts!.find((c) => c.key === 'cfo')!;
const PERSON = `${person.FirstName} ${person.LastName}`;
const engineer = DEMO.users!.find((u) => u.key === 'u-sales-engineer')!;
const ENGINEER = `${engineer.FirstName} ${engineer.LastName}`;

let browser: LaunchedBrowser;
let page: Page;
let errors: string[];
let aerovanceId = '';

/** Opens Aerovance's org chart and the person panel of PERSON (found with the toolbar search). */
async function openPanel(): Promise<Locator> {
  await openAccount(page, BASE, aerovanceId, ['orgChartHeatmap']);
  const root = componentRoot(page, 'orgChartHeatmap');
  await root.locator('.layer [role="button"][data-id]').first().waitFor({ timeout: 20000 });
  const search = root.locator('c-org-chart-toolbar input.search');
  await search.fill(PERSON);
  await root.locator('c-org-chart-toolbar [role="option"]').first().waitFor();
  await search.press('Enter');
  const node = root.locator('.layer [role="button"][data-id]').filter({ hasText: PERSON });
  await node.click();
  const panel = root.locator('c-org-chart-person-panel');
  await panel.locator('.person-name').filter({ hasText: PERSON }).waitFor();
  return panel;
}

before(async () => {
  assert.ok(BASE, 'KEYPLAN_E2E_URL is not set: run the browser tests with `npm run test:e2e`');
  const accounts = (await (
    await fetch(`${BASE}preview/api/accounts`, {
      headers: { 'X-Keyplan-Preview': process.env.KEYPLAN_E2E_PREVIEW_SECRET ?? '' }
    })
  ).json()) as { Id: string; Name: string }[];
  aerovanceId = accounts.find((a) => a.Name === DEMO.account.Name)?.Id ?? '';
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  errors = watchErrors(page);
});

after(async () => {
  await browser?.close();
});

describe('our team on the map', () => {
  test('a colleague without any link yet is found by title, picked with the keyboard, saved and kept', async () => {
    let panel = await openPanel();
    await panel.locator('.team-add').click();
    const field = panel.locator('c-org-chart-user-lookup input.lookup-input');
    assert.equal(await field.inputValue(), 'Me', '"I know them" starts from the current user');
    await field.fill('sales eng');
    const option = panel.locator('c-org-chart-user-lookup [role="option"]').filter({ hasText: ENGINEER });
    await option.waitFor({ timeout: 10000 });
    assert.match(
      await panel.locator('c-org-chart-user-lookup .lookup-status').innerText(),
      /^\d+ users? found/
    );
    // The first result is active once results arrive; Enter picks it.
    assert.equal(
      await panel.locator('c-org-chart-user-lookup [role="option"][aria-selected="true"]').innerText(),
      await option.innerText()
    );
    await field.press('Enter');
    assert.equal(await field.inputValue(), ENGINEER);
    await panel.locator('.link-save').click();
    await panel.locator('.team-links').filter({ hasText: ENGINEER }).waitFor({ timeout: 10000 });

    const stored = await query<{ To_Contact__r: { Name: string } }>(
      `SELECT To_Contact__r.Name FROM Relationship_Link__c WHERE From_User__r.Name = '${ENGINEER}'`
    );
    assert.deepEqual(
      stored.map((l) => l.To_Contact__r.Name),
      [PERSON]
    );

    panel = await openPanel();
    assert.match(
      await panel.locator('.team-links').innerText(),
      new RegExp(`From ${ENGINEER} \\(our team\\)`)
    );
    assert.deepEqual(errors, []);
  });
});
