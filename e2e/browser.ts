/**
 * Launches Debian's chromium through playwright-core (never `playwright install`): headless, no
 * sandbox, no background traffic, a fresh profile per launch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchedBrowser {
  browser: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A persistent context on a temporary --user-data-dir, removed on close. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  });
  return {
    browser: context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  };
}

/** Collects page errors and console errors so a test can assert the page stayed clean. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Opens the preview for an account and waits until the page shell has mounted the components
 * (`only`: just these, so a test or a measurement does not wait for the others).
 */
export async function openAccount(
  page: Page,
  baseUrl: string,
  accountId?: string,
  only?: string[]
): Promise<void> {
  const query = new URLSearchParams();
  if (accountId) query.set('id', accountId);
  if (only?.length) query.set('only', only.join(','));
  await page.goto(query.size ? `${baseUrl}?${query}` : baseUrl);
  await page.waitForFunction(() => window.__keyplanPage?.ready === true, undefined, { timeout: 20000 });
}

export type { Browser, Page };
