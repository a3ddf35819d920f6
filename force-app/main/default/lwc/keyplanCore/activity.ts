/**
 * Relationship heat from real activity: completed meetings (Events), logged calls and tasks (Tasks) and
 * emails (EmailMessage, and Tasks of subtype Email) between one of our users and a contact. Apex sends
 * aggregates, never activity rows: per (user, contact, channel) the count in the last 90 and 365 days and
 * the latest date. This module turns them into derived team links (what heat reads), a trend, the person
 * panel's sentence and the "cooling decision maker" coverage issue. Definitions: docs/DEFINITIONS.md.
 */
import type { HeatLink } from './heat';
import { daysBetween } from './heat';

export type ActivityChannel = 'meeting' | 'email' | 'call';
export const ACTIVITY_CHANNELS: readonly ActivityChannel[] = ['meeting', 'email', 'call'];

/** The recent window and the year window, in days (both end today). */
export const RECENT_DAYS = 90;
export const YEAR_DAYS = 365;

/** One aggregate row: what one user did with one contact on one channel (ActivityAggregate contract). */
export interface ActivityAggregate {
  contactId: string;
  userId: string;
  userName?: string | null;
  channel: ActivityChannel;
  /** Completed activities in the last 90 days (a subset of count365). */
  count90: number;
  /** Completed activities in the last 365 days. */
  count365: number;
  /** The latest activity date (ISO date) within the year window, or null. */
  last?: string | null;
}

/** How much one activity of a channel counts towards volume: a meeting or call 1, an email half. */
export const CHANNEL_WEIGHT: Readonly<Record<ActivityChannel, number>> = Object.freeze({
  meeting: 1,
  call: 1,
  email: 0.5
});

export type ActivityTrend = 'warming' | 'steady' | 'cooling';

/** One (user, contact) pair with every channel added up. */
export interface PairActivity {
  userId: string;
  userName: string | null;
  contactId: string;
  counts90: Record<ActivityChannel, number>;
  counts365: Record<ActivityChannel, number>;
  last: string | null;
}

/** Everything known about one contact's activity (all users added up). */
export interface ContactActivity {
  contactId: string;
  counts90: Record<ActivityChannel, number>;
  counts365: Record<ActivityChannel, number>;
  /** Latest activity and the user who had it (the first by user id when two share the date). */
  last: string | null;
  lastUserName: string | null;
  trend: ActivityTrend;
  pairs: PairActivity[];
}

const zero = (): Record<ActivityChannel, number> => ({ meeting: 0, email: 0, call: 0 });
const isChannel = (c: unknown): c is ActivityChannel => c === 'meeting' || c === 'email' || c === 'call';

/** Weighted volume of a channel record: meetings + calls + emails / 2. */
export function weightedVolume(counts: Record<ActivityChannel, number>): number {
  return (
    counts.meeting * CHANNEL_WEIGHT.meeting +
    counts.call * CHANNEL_WEIGHT.call +
    counts.email * CHANNEL_WEIGHT.email
  );
}

/**
 * The trend of a volume: the recent rate (last 90 days) against the rate of the 275 days before.
 * Warming: recent rate at least 1.5x the earlier rate and at least 2 weighted activities recently.
 * Cooling: recent rate at most half the earlier rate and at least 3 weighted activities earlier.
 * Otherwise steady (including nothing at all).
 */
export function activityTrend(weighted90: number, weighted365: number): ActivityTrend {
  const earlier = Math.max(0, weighted365 - weighted90);
  const recentRate = weighted90 / RECENT_DAYS;
  const earlierRate = earlier / (YEAR_DAYS - RECENT_DAYS);
  if (weighted90 >= 2 && recentRate >= 1.5 * earlierRate) return 'warming';
  if (earlier >= 3 && recentRate <= 0.5 * earlierRate) return 'cooling';
  return 'steady';
}

/**
 * Groups aggregate rows by contact (and by user within a contact). Rows for contacts outside
 * `contactIds` (when given) are ignored; a row with a bad channel or negative counts is refused with a
 * message naming it, so a broken server answer never turns into silent heat.
 */
export function summariseActivity(
  rows: readonly ActivityAggregate[],
  contactIds?: Iterable<string>
): Map<string, ContactActivity> {
  const keep = contactIds ? new Set(contactIds) : null;
  const out = new Map<string, ContactActivity>();
  for (const r of rows) {
    if (keep && !keep.has(r.contactId)) continue;
    if (!isChannel(r.channel))
      throw new Error(`Activity of ${r.userId} with ${r.contactId}: unknown channel "${String(r.channel)}".`);
    const c90 = r.count90 ?? 0;
    const c365 = r.count365 ?? 0;
    if (!(c90 >= 0 && c365 >= c90))
      throw new Error(
        `Activity of ${r.userId} with ${r.contactId} (${r.channel}): counts must satisfy 0 <= count90 <= count365, got ${c90} and ${c365}.`
      );
    let c = out.get(r.contactId);
    if (!c) {
      c = {
        contactId: r.contactId,
        counts90: zero(),
        counts365: zero(),
        last: null,
        lastUserName: null,
        trend: 'steady',
        pairs: []
      };
      out.set(r.contactId, c);
    }
    let p: PairActivity | undefined;
    for (const x of c.pairs)
      if (x.userId === r.userId) {
        p = x;
        break;
      }
    if (!p) {
      p = {
        userId: r.userId,
        userName: r.userName ?? null,
        contactId: r.contactId,
        counts90: zero(),
        counts365: zero(),
        last: null
      };
      c.pairs.push(p);
    }
    p.counts90[r.channel] += c90;
    p.counts365[r.channel] += c365;
    c.counts90[r.channel] += c90;
    c.counts365[r.channel] += c365;
    const last = r.last ?? null;
    if (last && (p.last === null || last > p.last)) p.last = last;
    if (last && (c.last === null || last > c.last || (last === c.last && r.userName && !c.lastUserName))) {
      c.last = last;
      c.lastUserName = r.userName ?? null;
    }
  }
  for (const c of out.values())
    c.trend = activityTrend(weightedVolume(c.counts90), weightedVolume(c.counts365));
  return out;
}

/** Frequency of a derived link from the monthly weighted volume (the busier of the last 90 days and the year). */
export function derivedFrequency(
  weighted90: number,
  weighted365: number
): 'Weekly' | 'Monthly' | 'Quarterly' | 'Rarely' {
  const perMonth = Math.max(weighted90 / 3, weighted365 / 12);
  if (perMonth >= 4) return 'Weekly';
  if (perMonth >= 1) return 'Monthly';
  if (perMonth >= 1 / 3) return 'Quarterly';
  return 'Rarely';
}

/** Strength (1-5) of a derived link from the weighted volume of the year: < 2, 2-5, 6-11, 12-23, 24+. */
export function derivedStrength(weighted365: number): number {
  if (weighted365 >= 24) return 5;
  if (weighted365 >= 12) return 4;
  if (weighted365 >= 6) return 3;
  if (weighted365 >= 2) return 2;
  return 1;
}

/** A team link derived from activity; `id` is `activity:<userId>:<contactId>`. */
export interface DerivedLink extends HeatLink {
  id: string;
  fromUserId: string;
  fromUserName: string | null;
  /** Where the link's figures come from. */
  source: 'activity' | 'activity+manual';
}

/** One derived team link per (user, contact) pair with any activity in the year window. */
export function deriveActivityLinks(activity: ReadonlyMap<string, ContactActivity>): DerivedLink[] {
  const out: DerivedLink[] = [];
  for (const c of activity.values()) {
    for (const p of c.pairs) {
      const w90 = weightedVolume(p.counts90);
      const w365 = weightedVolume(p.counts365);
      if (w365 <= 0) continue;
      out.push({
        id: `activity:${p.userId}:${p.contactId}`,
        fromContactId: null,
        fromUserId: p.userId,
        fromUserName: p.userName,
        toContactId: p.contactId,
        strength: derivedStrength(w365),
        frequency: derivedFrequency(w90, w365),
        influenceLevel: null,
        polarity: 'Positive',
        lastInteraction: p.last,
        source: 'activity'
      });
    }
  }
  return out;
}

const FREQ_RANK: Readonly<Record<string, number>> = { Weekly: 4, Monthly: 3, Quarterly: 2, Rarely: 1 };

/**
 * The team links heat reads: every manual link as it is, plus the derived links. When a manual team link
 * exists for the same (user, contact) pair, the pair keeps ONE link: the manual one (its strength,
 * polarity, influence level and type win; that is how a KAM overrides activity), with the more frequent of
 * the two frequencies and the later of the two last-interaction dates. Without a manual link the derived
 * link is added as is. Contact-to-contact links pass through untouched.
 */
export function mergeTeamLinks<L extends HeatLink>(
  manual: readonly L[],
  derived: readonly DerivedLink[]
): (L | DerivedLink)[] {
  const derivedByPair = new Map<string, DerivedLink>();
  for (const d of derived) derivedByPair.set(`${d.fromUserId}|${d.toContactId}`, d);
  const out: (L | DerivedLink)[] = [];
  const used = new Set<string>();
  for (const l of manual) {
    const key = l.fromUserId != null ? `${l.fromUserId}|${l.toContactId}` : null;
    const d = key !== null && !used.has(key) ? derivedByPair.get(key) : undefined;
    if (!d || key === null) {
      out.push(l);
      continue;
    }
    used.add(key);
    const freq =
      (FREQ_RANK[d.frequency ?? ''] ?? 0) > (FREQ_RANK[l.frequency ?? ''] ?? 0) ? d.frequency : l.frequency;
    const last =
      l.lastInteraction && (!d.lastInteraction || l.lastInteraction >= d.lastInteraction)
        ? l.lastInteraction
        : d.lastInteraction;
    out.push({ ...l, frequency: freq, lastInteraction: last });
  }
  for (const [key, d] of derivedByPair) if (!used.has(key)) out.push(d);
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Nov 20" (same year as today) or "Nov 20, 2025". */
export function shortDate(iso: string, today: Date): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const md = `${MONTHS[m - 1]} ${d}`;
  return y === today.getUTCFullYear() ? md : `${md}, ${y}`;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function listCounts(counts: Record<ActivityChannel, number>): string {
  const parts: string[] = [];
  if (counts.meeting) parts.push(plural(counts.meeting, 'meeting', 'meetings'));
  if (counts.email) parts.push(plural(counts.email, 'email', 'emails'));
  if (counts.call) parts.push(plural(counts.call, 'call or task', 'calls or tasks'));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Where a contact's activity heat comes from, in one sentence:
 * "9 meetings and 14 emails in 90 days, last Nov 20 with Jane Smith; trend cooling".
 */
export function activitySentence(a: ContactActivity | undefined, today: Date): string {
  if (!a || weightedVolume(a.counts365) === 0)
    return 'No logged meetings, calls or emails in the last 12 months.';
  const recent = listCounts(a.counts90);
  const head = recent
    ? `${recent} in ${RECENT_DAYS} days`
    : `Nothing in ${RECENT_DAYS} days (${listCounts(a.counts365)} in 12 months)`;
  const last = a.last
    ? `, last ${shortDate(a.last, today)}${a.lastUserName ? ` with ${a.lastUserName}` : ''}`
    : '';
  return `${head}${last}; trend ${a.trend}`;
}

/** A decision maker counts as "used to be in monthly contact" from 9 weighted activities in the 275 days before the recent window. */
export const MONTHLY_BEFORE = 9;

/** What the cooling check needs of a contact (ContactNode satisfies it). */
export interface CoolingContact {
  id: string;
  name: string;
  decisionRole: string | null;
  buyerRole: string | null;
}

/**
 * Decision makers (or economic buyers) going quiet: monthly contact before (at least MONTHLY_BEFORE
 * weighted activities in the 275 days before the recent window) and no activity for more than
 * `quietDays` days (default 45, about six missed weeks of a monthly rhythm).
 */
export function coolingDecisionMakers(
  contacts: readonly CoolingContact[],
  activity: ReadonlyMap<string, ContactActivity>,
  today: Date,
  quietDays = 45
): { contactId: string; days: number; message: string }[] {
  const out: { contactId: string; days: number; message: string }[] = [];
  for (const c of contacts) {
    if (c.decisionRole !== 'Decision Maker' && c.buyerRole !== 'Economic Buyer') continue;
    const a = activity.get(c.id);
    if (!a || !a.last) continue;
    const before = weightedVolume(a.counts365) - weightedVolume(a.counts90);
    const days = daysBetween(a.last, today);
    if (before >= MONTHLY_BEFORE && days > quietDays)
      out.push({
        contactId: c.id,
        days,
        message: `${c.name} is cooling fast: no meeting, call or email for ${days} days after monthly contact before.`
      });
  }
  return out;
}

/** A raw activity (what the generator and the benchmark aggregate; Apex aggregates in SOQL instead). */
export interface ActivityRow {
  contactId: string;
  userId: string;
  userName?: string | null;
  channel: ActivityChannel;
  /** ISO date. */
  date: string;
}

/**
 * Aggregates raw activity rows into ActivityAggregate rows exactly as the Apex aggregate queries do:
 * dates after today and older than 365 days are left out; count90 counts dates within 90 days.
 */
export function aggregateActivities(rows: readonly ActivityRow[], today: Date): ActivityAggregate[] {
  const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  // Per call: the age of each distinct date; per contact: a short list of (user, channel) entries, so no
  // key string is built per row (200,000 rows, a handful of entries per contact).
  const ageOf = new Map<string, number>();
  const byContact = new Map<string, ActivityAggregate[]>();
  const out: ActivityAggregate[] = [];
  for (const r of rows) {
    let age = ageOf.get(r.date);
    if (age === undefined) {
      age = Math.floor((todayMs - Date.parse(`${r.date.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
      ageOf.set(r.date, age);
    }
    if (!(age >= 0 && age < YEAR_DAYS)) continue;
    let list = byContact.get(r.contactId);
    if (!list) {
      list = [];
      byContact.set(r.contactId, list);
    }
    let a: ActivityAggregate | undefined;
    for (const e of list)
      if (e.userId === r.userId && e.channel === r.channel) {
        a = e;
        break;
      }
    if (!a) {
      a = {
        contactId: r.contactId,
        userId: r.userId,
        userName: r.userName ?? null,
        channel: r.channel,
        count90: 0,
        count365: 0,
        last: null
      };
      list.push(a);
      out.push(a);
    }
    a.count365++;
    if (age < RECENT_DAYS) a.count90++;
    const d = r.date.length === 10 ? r.date : r.date.slice(0, 10);
    if (a.last == null || d > a.last) a.last = d;
  }
  return out;
}
