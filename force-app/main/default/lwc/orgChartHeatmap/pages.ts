/**
 * Puts an account's org chart together from the pages of `OrgChartController.loadOrgChartPage`: asks for
 * one page after the other (each with the previous page's cursor) until the cursor is null. Pure and framework
 * free, so the component, the local-org tests and the benchmarks load the chart the same way.
 */
import type { OrgChartData, OrgChartPage } from '@keyplan/contracts';

/** Where a load stands, for the progress line. */
export interface LoadProgress {
  pages: number;
  contactsLoaded: number;
  totalContacts: number;
  linksLoaded: number;
  totalLinks: number;
}

/** Reads one page: null for the first, else the cursor the previous page returned. */
export type FetchPage = (cursor: string | null) => Promise<OrgChartPage>;

/**
 * Most pages one load reads: far above what the page bounds need at any realistic size (a million contacts
 * and links is 500 + 250 pages); a server that kept returning cursors would otherwise never let go.
 */
export const MAX_PAGES = 2000;

/** "Loading 4,000 of 10,000 people..." then "Loading links: 4,000 of 20,000...". */
export function progressText(p: LoadProgress | null): string {
  if (!p) return 'Loading the org chart...';
  if (p.contactsLoaded < p.totalContacts)
    return `Loading ${p.contactsLoaded.toLocaleString()} of ${p.totalContacts.toLocaleString()} people...`;
  if (p.totalLinks > 0)
    return `Loading ${Math.min(p.linksLoaded, p.totalLinks).toLocaleString()} of ${p.totalLinks.toLocaleString()} relationships...`;
  return 'Drawing the org chart...';
}

/**
 * Reads every page and returns the whole chart. `onProgress` runs after each page; `cancelled` is asked
 * between pages (a newer load started) and stops this one quietly (it then resolves to null).
 */
export async function loadOrgChart(
  fetchPage: FetchPage,
  onProgress?: (p: LoadProgress) => void,
  cancelled: () => boolean = () => false
): Promise<OrgChartData | null> {
  let data: OrgChartData | null = null;
  let cursor: string | null = null;
  const seen = new Set<string>();
  const progress: LoadProgress = {
    pages: 0,
    contactsLoaded: 0,
    totalContacts: 0,
    linksLoaded: 0,
    totalLinks: 0
  };
  do {
    if (progress.pages >= MAX_PAGES)
      throw new Error(`The org chart did not finish loading after ${MAX_PAGES} pages. Reload the chart.`);
    // One page after the other on purpose: each page's cursor comes from the page before.
    // eslint-disable-next-line no-await-in-loop
    const page: OrgChartPage = await fetchPage(cursor);
    if (cancelled()) return null;
    if (!data) {
      data = {
        accountId: page.accountId,
        accountName: page.accountName,
        contacts: [],
        links: [],
        buyingCenters: page.buyingCenters ?? [],
        accounts: page.accounts ?? [],
        totalContacts: page.totalContacts,
        truncated: page.truncated === true,
        fieldAccess: page.fieldAccess ?? {}
      };
    }
    // push(...) with thousands of arguments can overflow the stack: copy in a loop.
    for (const c of page.contacts ?? []) data.contacts.push(c);
    for (const l of page.links ?? []) data.links.push(l);
    progress.pages++;
    progress.contactsLoaded = data.contacts.length;
    progress.linksLoaded = data.links.length;
    progress.totalContacts = Math.max(page.totalContacts, data.contacts.length);
    progress.totalLinks = Math.max(page.totalLinks, data.links.length);
    onProgress?.({ ...progress });
    const next: string | null = page.nextCursor ?? null;
    if (next !== null) {
      if (seen.has(next))
        throw new Error(
          'The org chart did not finish loading: the server sent the same page twice. Reload the chart.'
        );
      seen.add(next);
    }
    cursor = next;
  } while (cursor !== null);
  data.totalContacts = data.contacts.length;
  return data;
}
