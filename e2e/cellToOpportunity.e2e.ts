/**
 * Issue 19 part 5, end to end in the browser: a whitespace cell's "New opportunity" opens the standard
 * create form (the preview's, for standard__objectPage / new with defaultFieldValues) prefilled from the
 * cell (name, remaining potential, end of the fiscal year, buying center, offering, growth type); saving
 * writes the opportunity to the local org with those values and the cell turns active.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { aerovanceBundle } from '../data';
import { currentFiscalYear, fiscalYearSetting } from '../force-app/main/default/lwc/keyplanCore/figures';
import { fiscalYearEnd } from '../force-app/main/default/lwc/keyplanCore/prefill';
import { launchBrowser, openAccount, watchErrors, type LaunchedBrowser } from './browser';
import { componentRoot } from './components';
import { query, rest } from './orgApi';

const BASE = process.env.KEYPLAN_E2E_URL ?? '';
const DEMO = aerovanceBundle();

let browser: LaunchedBrowser;
let page: Page;
let errors: string[];

before(async () => {
  assert.ok(BASE, 'KEYPLAN_E2E_URL is not set: run the browser tests with `npm run test:e2e`');
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  errors = watchErrors(page);
});
after(async () => {
  await browser?.close();
});

test('a whitespace cell creates its opportunity, prefilled, and turns active', async () => {
  const [account] = await query<{ Id: string }>(`SELECT Id FROM Account WHERE Name = '${DEMO.account.Name}'`);
  const [org] = await query<{ FiscalYearStartMonth: number; UsesStartDateAsFiscalYearName: boolean }>(
    'SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName FROM Organization'
  );
  const setting = fiscalYearSetting(org.FiscalYearStartMonth, org.UsesStartDateAsFiscalYearName);
  const fy = currentFiscalYear(setting);
  // A buying center x offering with no deal and no assessment: assessed here as whitespace, $900,000.
  const centers = await query<{ Id: string; Name: string; Parent_Buying_Center__c: string | null }>(
    `SELECT Id, Name, Parent_Buying_Center__c FROM Buying_Center__c WHERE Account__c = '${account.Id}' ORDER BY Name`
  );
  const offerings = await query<{ Id: string; Name: string }>(
    'SELECT Id, Name FROM Offering__c ORDER BY Name'
  );
  const used = new Set([
    ...(
      await query<{ Keyplan_Buying_Center__c: string; Keyplan_Offering__c: string }>(
        `SELECT Keyplan_Buying_Center__c, Keyplan_Offering__c FROM Opportunity WHERE AccountId = '${account.Id}'`
      )
    ).map((o) => `${o.Keyplan_Buying_Center__c}|${o.Keyplan_Offering__c}`),
    ...(
      await query<{ Buying_Center__c: string; Offering__c: string }>(
        'SELECT Buying_Center__c, Offering__c FROM Landscape_Cell__c'
      )
    ).map((c) => `${c.Buying_Center__c}|${c.Offering__c}`)
  ]);
  const parents = new Set(centers.map((c) => c.Parent_Buying_Center__c).filter(Boolean));
  const pair = centers
    .filter((b) => !parents.has(b.Id))
    .flatMap((b) => offerings.map((o) => [b, o] as const))
    .find(([b, o]) => !used.has(`${b.Id}|${o.Id}`));
  assert.ok(pair, 'no free buying center x offering on the demo account');
  const [bc, off] = pair;
  await rest('POST', 'sobjects/Landscape_Cell__c', {
    Buying_Center__c: bc.Id,
    Offering__c: off.Id,
    Fiscal_Year__c: fy,
    State__c: 'Whitespace',
    Potential__c: 900000
  });

  await openAccount(page, BASE, account.Id, ['whitespaceMatrix']);
  const root = componentRoot(page, 'whitespaceMatrix');
  const cell = root.locator(`[role="gridcell"][data-bc="${bc.Id}"][data-offering="${off.Id}"]`);
  await cell.waitFor({ timeout: 20000 });
  assert.equal(await cell.getAttribute('data-status'), 'whitespace');
  await cell.click();
  await root.locator('c-whitespace-cell-panel .new-opp').click();

  const form = page.locator('#kp-create-modal section[role="dialog"]');
  await form.waitFor({ timeout: 10000 });
  const value = (field: string): Promise<string> => form.locator(`[name="${field}"]`).inputValue();
  const name = `${off.Name} - ${bc.Name} - FY${fy}`;
  assert.equal(await value('Name'), name);
  assert.equal(Number(await value('Amount')), 900000);
  assert.equal(await value('CloseDate'), fiscalYearEnd(fy, setting));
  assert.equal(await value('Keyplan_Buying_Center__c'), bc.Id);
  assert.equal(await value('Keyplan_Offering__c'), off.Id);
  assert.equal(await value('Keyplan_Growth_Type__c'), 'Farming');
  assert.equal(await value('AccountId'), account.Id);
  await form.locator('.kp-create-save').click();
  await form.waitFor({ state: 'detached', timeout: 10000 }).catch(async (e: unknown) => {
    throw new Error(
      `the form stayed open: "${await form.locator('.kp-create-error').innerText()}" (${String(e)})`
    );
  });

  const [saved] = await query<Record<string, unknown>>(
    `SELECT Name, Amount, CloseDate, StageName, Keyplan_Buying_Center__c, Keyplan_Offering__c, Keyplan_Growth_Type__c FROM Opportunity WHERE AccountId = '${account.Id}' AND Keyplan_Buying_Center__c = '${bc.Id}' AND Keyplan_Offering__c = '${off.Id}'`
  );
  assert.deepEqual(
    [saved.Name, saved.Amount, saved.CloseDate, saved.Keyplan_Growth_Type__c],
    [name, 900000, fiscalYearEnd(fy, setting), 'Farming']
  );
  // The page's wires refreshed: the cell is active now.
  await root
    .locator(`[role="gridcell"][data-bc="${bc.Id}"][data-offering="${off.Id}"][data-status="active"]`)
    .waitFor({ timeout: 10000 });
  assert.deepEqual(errors, []);
});
