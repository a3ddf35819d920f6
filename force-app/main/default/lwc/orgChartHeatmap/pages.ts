/**
 * Puts an account's org chart together from the pages of `OrgChartController.loadOrgChartPage`: asks for
 * one page after the other (each with the previous page's cursor) until the cursor is null. Pure and framework
 * free, so the component, the local-org tests and the benchmarks load the chart the same way.
 */
import type { ContactNode, OrgChartData, OrgChartPage, RelationshipLinkDto } from '@keyplan/contracts';

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
 * Reads every page and returns the whole chart. When the first page names parallel chains
 * (`parallelCursors`: the rest of the contacts, and the links), they are read side by side, each one page
 * after the other, so their round trips overlap where the server answers calls side by side; otherwise
 * `nextCursor` is followed.
 * The result is the same either way (contacts in Id order, links newest first). `onProgress` runs after each
 * page; `cancelled` is asked between pages (a newer load started) and stops this one quietly (it then
 * resolves to null). A page that fails fails the load.
 */
export async function loadOrgChart(
  fetchPage: FetchPage,
  onProgress?: (p: LoadProgress) => void,
  cancelled: () => boolean = () => false
): Promise<OrgChartData | null> {
  const progress: LoadProgress = {
    pages: 0,
    contactsLoaded: 0,
    totalContacts: 0,
    linksLoaded: 0,
    totalLinks: 0
  };
  const seen = new Set<string>();
  let stopped = false;
  const fetchOne = async (cursor: string | null): Promise<OrgChartPage | null> => {
    if (progress.pages >= MAX_PAGES)
      throw new Error(`The org chart did not finish loading after ${MAX_PAGES} pages. Reload the chart.`);
    progress.pages++;
    const page: OrgChartPage = await fetchPage(cursor);
    if (stopped || cancelled()) {
      stopped = true;
      return null;
    }
    return page;
  };
  const note = (page: OrgChartPage, contacts: number, links: number): void => {
    progress.contactsLoaded = contacts;
    progress.linksLoaded = links;
    progress.totalContacts = Math.max(page.totalContacts, contacts);
    progress.totalLinks = Math.max(page.totalLinks, links);
    onProgress?.({ ...progress });
  };
  const nextOf = (page: OrgChartPage): string | null => {
    const next: string | null = page.nextCursor ?? null;
    if (next !== null) {
      if (seen.has(next))
        throw new Error(
          'The org chart did not finish loading: the server sent the same page twice. Reload the chart.'
        );
      seen.add(next);
    }
    return next;
  };

  const first = await fetchOne(null);
  if (!first) return null;
  const data: OrgChartData = {
    accountId: first.accountId,
    accountName: first.accountName,
    contacts: [],
    links: [],
    buyingCenters: first.buyingCenters ?? [],
    accounts: first.accounts ?? [],
    totalContacts: first.totalContacts,
    truncated: first.truncated === true,
    fieldAccess: first.fieldAccess ?? {}
  };
  // One chain per list: pages are appended in the order their chain returns them.
  const contacts: ContactNode[][] = [first.contacts ?? []];
  const links: RelationshipLinkDto[][] = [first.links ?? []];
  let contactCount = contacts[0].length;
  let linkCount = links[0].length;
  note(first, contactCount, linkCount);

  /** Follows one chain to its end; each page's cursor comes from the page before. False when stopped. */
  const follow = async (start: string | null): Promise<boolean> => {
    const mine = { contacts: contacts.length, links: links.length };
    contacts.push([]);
    links.push([]);
    let cursor = start;
    while (cursor !== null) {
      let page: OrgChartPage | null;
      try {
        // eslint-disable-next-line no-await-in-loop
        page = await fetchOne(cursor);
      } catch (e) {
        // The other chain stops at its next page: the load has failed.
        stopped = true;
        throw e;
      }
      if (!page) return false;
      // push(...) with thousands of arguments can overflow the stack: copy in a loop.
      for (const c of page.contacts ?? []) contacts[mine.contacts].push(c);
      for (const l of page.links ?? []) links[mine.links].push(l);
      contactCount += page.contacts?.length ?? 0;
      linkCount += page.links?.length ?? 0;
      note(page, contactCount, linkCount);
      cursor = nextOf(page);
    }
    return true;
  };
  const chains = first.parallelCursors?.length ? first.parallelCursors : [nextOf(first)];
  for (const c of chains) if (c !== null) seen.add(c);
  const done = await Promise.all(chains.map((c) => follow(c)));
  if (done.includes(false) || stopped) return null;
  for (const part of contacts) for (const c of part) data.contacts.push(c);
  for (const part of links) for (const l of part) data.links.push(l);
  data.totalContacts = data.contacts.length;
  return data;
}
