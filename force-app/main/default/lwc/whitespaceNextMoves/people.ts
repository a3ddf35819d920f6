/**
 * The people next moves read: every contact's buying center, roles, stance and influence, and the
 * relationship links, from the pages of `OrgChartController.loadOrgChartPage` (the same reads the org
 * chart makes; orgChartHeatmap/pages puts the whole chart together, this keeps only what moves need).
 */
import type { HeatLink, MoveContact } from 'c/keyplanCore';
import type { OrgChartPage } from '@keyplan/contracts';

export interface People {
  contacts: MoveContact[];
  links: HeatLink[];
}

/** Most pages one load reads (as orgChartHeatmap/pages): a server that kept returning cursors stops here. */
export const MAX_PAGES = 2000;

/** Reads every page, one after the other (each needs the previous page's cursor). */
export async function loadPeople(
  fetchPage: (cursor: string | null) => Promise<OrgChartPage>
): Promise<People> {
  const out: People = { contacts: [], links: [] };
  let cursor: string | null = null;
  for (let pages = 0; ; pages++) {
    if (pages >= MAX_PAGES)
      throw new Error(`The account's people did not finish loading after ${MAX_PAGES} pages.`);
    // eslint-disable-next-line no-await-in-loop
    const page: OrgChartPage = await fetchPage(cursor);
    for (const c of page.contacts ?? [])
      out.contacts.push({
        id: c.id,
        name: c.name,
        buyingCenterId: c.buyingCenterId ?? null,
        buyerRole: c.buyerRole ?? null,
        decisionRole: c.decisionRole ?? null,
        stance: c.stance ?? null,
        influenceLevel: c.influenceLevel ?? null
      });
    for (const l of page.links ?? []) out.links.push(l);
    cursor = page.nextCursor ?? null;
    if (!cursor) return out;
  }
}
