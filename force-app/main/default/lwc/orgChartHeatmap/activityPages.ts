/**
 * Reads an account's activity aggregates from `ActivityController.loadActivityPage`, one page after the other
 * until the cursor is null (like `pages.ts` for the chart). Pure, so the component, the local-org tests and the
 * benchmark read activity the same way.
 */
import type { ActivityAggregate, ActivityPage } from '@keyplan/contracts';
import { reduceErrors } from 'c/keyplanErrors';
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
    const page: ActivityPage | undefined = await fetchPage(cursor);
    if (cancelled()) return null;
    if (!page || typeof page !== 'object')
      throw new Error('The activity page came back empty. Reload the chart.');
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
 * Where the activity behind the heat stands, for the chart's status line and the person panel: still loading
 * (heat shows recorded relationships until it is in), in, or failed (the chart keeps recorded relationships
 * only and says why).
 */
export type ActivityState =
  { status: 'loading' } | { status: 'ready'; rows: number } | { status: 'failed'; message: string };

/** The chart's line about the activity behind the heat; empty once it is in. */
export function activityStatusText(state: ActivityState | null): string {
  if (!state || state.status === 'ready') return '';
  if (state.status === 'loading') return 'Adding heat from logged meetings, calls and emails...';
  return `Logged activity could not be read (${state.message}). Heat counts recorded relationships only.`;
}

/**
 * Reads the activity in the background: `apply` gets the rows unless `cancelled` says a newer load started;
 * `fail` gets the reason a page failed (the chart then keeps its manual links only and says so).
 */
export function startActivityLoad(
  fetchPage: FetchActivityPage,
  cancelled: () => boolean,
  apply: (rows: ActivityAggregate[]) => void,
  fail: (message: string) => void
): void {
  loadActivity(fetchPage, cancelled).then(
    (rows) => {
      if (rows && !cancelled()) apply(rows);
    },
    (e: unknown) => {
      if (!cancelled()) fail(reduceErrors(e).join(' ') || 'unknown error');
    }
  );
}
