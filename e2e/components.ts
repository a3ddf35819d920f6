/**
 * What the browser tests and the benchmark know about each page component's markup: the host
 * element, a selector that only appears once data has rendered, and small helpers for the
 * lightning-base-components controls the tests drive.
 */
import type { Locator, Page } from 'playwright-core';

export interface ComponentSpec {
  name: string;
  /** A selector inside the component that only appears once data has rendered. */
  dataSelector: string;
}

/** The host element of a page component. */
export function componentRoot(page: Page, name: string): Locator {
  return page.locator(`[data-component="${name}"]`);
}

export const SPECS: ComponentSpec[] = [
  { name: 'accountPlanSummary', dataSelector: '.plan-name' },
  { name: 'orgChartHeatmap', dataSelector: '.layer [role="button"][data-id]' },
  { name: 'whitespaceMatrix', dataSelector: '[role="grid"] [role="gridcell"][data-bc]' },
  { name: 'bantPanel', dataSelector: 'c-bant-opportunity article.opportunity' },
  { name: 'planSinceReview', dataSelector: 'section.center .summary-line' }
];

/** Picks an option of a lightning-combobox by its label. */
export async function choose(combobox: Locator, option: string | RegExp): Promise<void> {
  await combobox.locator('[role="combobox"]').first().click();
  const item = combobox
    .locator('lightning-base-combobox-item')
    .filter({ hasText: typeof option === 'string' ? new RegExp(`^\\s*${escapeRe(option)}\\s*$`) : option });
  await item.first().click();
}

/** The label the combobox shows for its value. */
export async function comboboxText(combobox: Locator): Promise<string> {
  const box = combobox.locator('[role="combobox"]').first();
  const tag = await box.evaluate((el) => el.tagName);
  return (tag === 'INPUT' ? await box.inputValue() : await box.innerText()).trim();
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
