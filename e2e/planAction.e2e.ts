/**
 * Issue 20 part 2 (and 18/19's "create a plan action"), end to end in the browser: a BANT gap's "Plan
 * action" finds the account's plan of the year the action is due in (or creates it when the account has
 * none), opens the standard create form prefilled by keyplanCore planActionPrefill (the plan shown by its
 * name, subject in words, owner the current user, due in 14 days), saves it to the local org and the plan
 * summary's actions list it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { aerovanceBundle } from '../data';
import { fiscalYearSetting } from '../force-app/main/default/lwc/keyplanCore/figures';
import {
  bantGapSubject,
  planActionDueDate,
  planActionFiscalYear
} from '../force-app/main/default/lwc/keyplanCore/prefill';
import { launchBrowser, openAccount, watchErrors, type LaunchedBrowser } from './browser';
import { componentRoot } from './components';
import { query } from './orgApi';

const BASE = process.env.KEYPLAN_E2E_URL ?? '';
const DEMO = aerovanceBundle();

/** The BANT dimension a gap code is about (the codes start with it; the close date is timing). */
function dimensionOf(code: string): 'budget' | 'authority' | 'need' | 'timing' {
  if (code.startsWith('BUDGET')) return 'budget';
  if (code.includes('AUTHORITY')) return 'authority';
  if (code.startsWith('NEED')) return 'need';
  return 'timing';
}

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

test('a BANT gap creates a plan action in the plan of the year, saved and listed with the plan', async () => {
  const [account] = await query<{ Id: string }>(`SELECT Id FROM Account WHERE Name = '${DEMO.account.Name}'`);
  const [org] = await query<{ FiscalYearStartMonth: number; UsesStartDateAsFiscalYearName: boolean }>(
    'SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName FROM Organization'
  );
  const due = planActionDueDate();
  const fy = planActionFiscalYear(
    due,
    fiscalYearSetting(org.FiscalYearStartMonth, org.UsesStartDateAsFiscalYearName)
  );
  const plansBefore = await query<{ Id: string }>(
    `SELECT Id FROM Account_Plan__c WHERE Account__c = '${account.Id}' AND Fiscal_Year__c = ${fy}`
  );

  await openAccount(page, BASE, account.Id, ['bantPanel', 'accountPlanSummary']);
  const bant = componentRoot(page, 'bantPanel');
  // The first card with a gap; every gap offers a plan action.
  const card = bant
    .locator('c-bant-opportunity article.opportunity')
    .filter({ has: page.locator('c-bant-gaps li.gap') })
    .first();
  await card.waitFor({ timeout: 20000 });
  const gap = card.locator('c-bant-gaps li.gap').first();
  const button = gap.locator('.gap-plan');
  const code = (await button.getAttribute('data-code')) ?? '';
  const deal = (await card.locator('a.name').innerText()).trim();
  const subject = bantGapSubject({ code, dimension: dimensionOf(code) }, deal);
  await button.click();

  const form = page.locator('#kp-create-modal section[role="dialog"]');
  const noPlan = gap.locator('.no-plan');
  await Promise.race([form.waitFor({ timeout: 15000 }), noPlan.waitFor({ timeout: 15000 })]);
  if (plansBefore.length === 0) {
    // No plan for the year: the action says so and creates it first.
    assert.match(await noPlan.innerText(), new RegExp(`no account plan for FY${fy}`));
    await noPlan.locator('lightning-button.create-plan').click();
    await form.waitFor({ timeout: 15000 });
  }
  const [plan] = await query<{ Id: string; Name: string }>(
    `SELECT Id, Name FROM Account_Plan__c WHERE Account__c = '${account.Id}' AND Fiscal_Year__c = ${fy}`
  );
  assert.ok(plan, `no FY${fy} plan after the action`);

  const value = (field: string): Promise<string> => form.locator(`[name="${field}"]`).inputValue();
  assert.equal(await value('Account_Plan__c'), plan.Id);
  // The lookup shows the plan's name, read-only, as the org's form does.
  const shown = form.locator('#kp-create-Account_Plan__c');
  assert.equal(await shown.inputValue(), plan.Name);
  assert.equal(await shown.getAttribute('readonly'), '');
  assert.equal(await value('Name'), subject);
  assert.equal(await value('Due_Date__c'), due);
  assert.equal(await value('Status__c'), 'Open');
  const owner = await value('Assigned_To__c');
  const [user] = await query<{ Name: string }>(`SELECT Name FROM User WHERE Id = '${owner}'`);
  assert.ok(user, `the owner ${owner} is a user of the org`);
  assert.equal(await form.locator('#kp-create-Assigned_To__c').inputValue(), user.Name);

  await form.locator('.kp-create-save').click();
  await form.waitFor({ state: 'detached', timeout: 10000 }).catch(async (e: unknown) => {
    throw new Error(
      `the form stayed open: "${await form.locator('.kp-create-error').innerText()}" (${String(e)})`
    );
  });

  const saved = await query<Record<string, unknown>>(
    `SELECT Name, Due_Date__c, Status__c, Assigned_To__c FROM Plan_Action__c WHERE Account_Plan__c = '${plan.Id}' AND Name = '${subject.replace(/'/g, "\\'")}'`
  );
  assert.equal(saved.length, 1);
  assert.deepEqual(
    [saved[0].Name, saved[0].Due_Date__c, saved[0].Status__c, saved[0].Assigned_To__c],
    [subject, due, 'Open', owner]
  );
  // The page's wires refreshed: the plan summary's actions list the new one (when it shows that year).
  const summary = componentRoot(page, 'accountPlanSummary');
  await summary.locator('.plan-name').waitFor({ timeout: 20000 });
  await summary.locator('c-plan-actions .upcoming-action', { hasText: subject }).waitFor({ timeout: 10000 });
  assert.deepEqual(errors, []);
});
