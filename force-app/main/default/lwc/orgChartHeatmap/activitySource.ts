/**
 * Where a person's heat comes from (issue 22): the activity sentence and the per-user lines the person panel
 * shows (c-org-chart-activity-source), and the last interaction counting activity, not only manual links.
 */
import {
  activitySentence,
  deriveActivityLinks,
  mergeTeamLinks,
  summariseActivity,
  type ActivityAggregate,
  type HeatLink,
  shortDate,
  weightedVolume,
  type ContactActivity
} from 'c/keyplanCore';
import type { ActivitySourceView, PersonDetails } from './personDetails';
import { activityStatusText, type ActivityState } from './activityPages';

export type { ActivitySourceView };

function count(n: number, one: string, many: string): string | null {
  return n ? `${n} ${n === 1 ? one : many}` : null;
}

/**
 * The panel's view of a contact's activity (no activity: the "nothing logged" sentence, no users). While the
 * activity is loading or after it failed, the sentence says so instead of claiming nothing was logged.
 */
export function activitySource(
  a: ContactActivity | undefined,
  today: Date,
  state: ActivityState | null = null
): ActivitySourceView {
  if (state && state.status !== 'ready')
    return { sentence: activityStatusText(state), trend: null, users: [] };
  const users = [...(a?.pairs ?? [])]
    .filter((p) => weightedVolume(p.counts365) > 0)
    .sort(
      (x, y) => weightedVolume(y.counts365) - weightedVolume(x.counts365) || (x.userId < y.userId ? -1 : 1)
    )
    .map((p) => {
      const parts = [
        count(p.counts365.meeting, 'meeting', 'meetings'),
        count(p.counts365.email, 'email', 'emails'),
        count(p.counts365.call, 'call or task', 'calls or tasks')
      ].filter((s): s is string => Boolean(s));
      const last = p.last ? `, last ${shortDate(p.last, today)}` : '';
      return { key: p.userId, text: `${p.userName ?? p.userId}: ${parts.join(', ')} in 12 months${last}` };
    });
  return {
    sentence: activitySentence(a, today),
    trend: a && weightedVolume(a.counts365) > 0 ? a.trend : null,
    users
  };
}

/** The details with the activity view, and the last interaction taken from links and activity alike. */
export function withActivity(
  d: PersonDetails,
  a: ContactActivity | undefined,
  today: Date,
  state: ActivityState | null = null
): PersonDetails {
  const last = a?.last && (!d.lastInteraction || a.last > d.lastInteraction) ? a.last : d.lastInteraction;
  return { ...d, lastInteraction: last, activity: activitySource(a, today, state) };
}

/**
 * The activity by contact and the links heat reads: the manual links plus the links derived from activity (a
 * manual team link overrides its pair's derived one: keyplanCore mergeTeamLinks).
 */
export function activityHeat<L extends HeatLink>(
  rows: readonly ActivityAggregate[],
  contactIds: Iterable<string>,
  links: readonly L[]
): { activity: Map<string, ContactActivity>; links: HeatLink[] } {
  const activity = summariseActivity(rows, contactIds);
  return { activity, links: mergeTeamLinks(links, deriveActivityLinks(activity)) };
}
