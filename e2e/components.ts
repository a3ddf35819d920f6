/**
 * What the browser tests know about each page component: how to tell it rendered data, and (once a
 * component is ready) an edit that must persist across a reload and a bad edit that must show an
 * error and change nothing. Add a component's entry as it lands; tests for absent components skip.
 */
import type { Locator, Page } from 'playwright-core';

export interface EditCase {
  /** Makes a valid change through the UI; returns the value the page must show after a reload. */
  apply(page: Page, root: Locator): Promise<string>;
  /** Reads the value back (after reload) from the component. */
  read(page: Page, root: Locator): Promise<string>;
}

export interface BadEditCase {
  /** Makes an invalid change through the UI (the server must refuse it). */
  apply(page: Page, root: Locator): Promise<void>;
  /** Text the error shown to the user must contain. */
  errorText: RegExp;
  /** A snapshot of what the bad edit must not change (read before and after a reload). */
  snapshot(page: Page, root: Locator): Promise<string>;
}

export interface ComponentSpec {
  name: string;
  /** A selector inside the component that only appears once data has rendered. */
  dataSelector: string;
  edit?: EditCase;
  badEdit?: BadEditCase;
}

/** The host element of a page component. */
export function componentRoot(page: Page, name: string): Locator {
  return page.locator(`[data-component="${name}"]`);
}

export const SPECS: ComponentSpec[] = [
  { name: 'accountPlanSummary', dataSelector: 'lightning-card, article' },
  { name: 'orgChartHeatmap', dataSelector: 'svg, canvas, [role="tree"]' },
  { name: 'whitespaceMatrix', dataSelector: 'table, [role="grid"]' },
  {
    name: 'bantPanel',
    dataSelector: 'c-bant-opportunity article.opportunity',
    edit: {
      async apply(_page, root) {
        const first = root.locator('c-bant-opportunity').first();
        await first.getByRole('button', { name: /edit/i }).first().click();
        const evidence = first.locator('lightning-textarea.evidence-input[data-dimension="need"] textarea');
        const value = `Pain confirmed in workshop ${Date.now() % 100000}`;
        await evidence.fill(value);
        await first.getByRole('button', { name: /^save$/i }).click();
        await first.locator('.editor').waitFor({ state: 'detached', timeout: 10000 });
        return value;
      },
      async read(_page, root) {
        // The list shows chips, not evidence; the editor shows the stored evidence.
        const first = root.locator('c-bant-opportunity').first();
        await first.getByRole('button', { name: /edit/i }).first().click();
        return first
          .locator('lightning-textarea.evidence-input[data-dimension="need"] textarea')
          .inputValue();
      }
    },
    badEdit: {
      async apply(_page, root) {
        const first = root.locator('c-bant-opportunity').first();
        await first.getByRole('button', { name: /edit/i }).first().click();
        // 300 characters: the field holds 255, the server must refuse it naming the field.
        await first
          .locator('lightning-textarea.evidence-input[data-dimension="budget"] textarea')
          .evaluate((el, v) => {
            const ta = el as HTMLTextAreaElement;
            ta.removeAttribute('maxlength');
            ta.value = v;
            ta.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            ta.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
          }, 'x'.repeat(300));
        await first.getByRole('button', { name: /^save$/i }).click();
      },
      errorText: /budget|too (large|long)|255/i,
      async snapshot(_page, root) {
        return (await root.locator('c-bant-opportunity').first().innerText()).trim();
      }
    }
  }
];
