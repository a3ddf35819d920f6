/**
 * Reads an account's activity aggregates from `ActivityController.loadActivityPage`, one page after the other
 * until the cursor is null (like `pages.ts` for the chart). Pure, so the component, the local-org tests and the
 * benchmark read activity the same way.
 */
import type { ActivityAggregate, ActivityPage } from '@keyplan/contracts';
import { MAX_PAGES } from './pages';

export type FetchActivityPage = (cursor: string | null) => Promise<ActivityPage>;

/** Every aggregate of the account, or null when `cancelled` says a newer load started. */
export async function loadActivity(
  fetchPage: FetchActivityPage,
  cancelled: () => boolean = () => false
): Promise<ActivityAggregate[] | null> {
  const out: ActivityAggregate[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    if (pages++ >= MAX_PAGES)
      throw new Error(`The activity did not finish loading after ${MAX_PAGES} pages. Reload the chart.`);
    // One page after the other on purpose: each page's cursor comes from the page before.
    // eslint-disable-next-line no-await-in-loop
    const page: ActivityPage = await fetchPage(cursor);
    if (cancelled()) return null;
    for (const a of page.aggregates ?? []) out.push(a);
    const next: string | null = page.nextCursor ?? null;
    if (next !== null) {
      if (seen.has(next))
        throw new Error(
          'The activity did not finish loading: the server sent the same page twice. Reload the chart.'
        );
      seen.add(next);
    }
    cursor = next;
  } while (cursor !== null);
  return out;
}

/**
 * Reads the activity in the background: `apply` gets the rows unless `cancelled` says a newer load started. A
 * failure is dropped on purpose: the chart then keeps its manual links only.
 */
export function startActivityLoad(
  fetchPage: FetchActivityPage,
  cancelled: () => boolean,
  apply: (rows: ActivityAggregate[]) => void
): void {
  loadActivity(fetchPage, cancelled).then(
    (rows) => {
      if (rows && !cancelled()) apply(rows);
    },
    () => undefined
  );
}
