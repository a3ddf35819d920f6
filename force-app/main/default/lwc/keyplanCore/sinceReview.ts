/**
 * "Since last QBR" (issue 22): what changed in the customer's organisation since a date (default: the plan's last
 * review). People who joined or went quiet, stance and role changes (field history of the stakeholder fields),
 * and heat gained and lost, with one summary line per buying center. Pure: callers read the data (the QBR
 * export over the org's API) and pass the heat at both dates. Definitions: docs/DEFINITIONS.md.
 */
import type { SinceReviewPage } from '@keyplan/contracts';
import type { ContactActivity } from './activity';
import { deriveActivityLinks, mergeTeamLinks, summariseActivity, weightedVolume } from './activity';
import type { HeatLink } from './heat';
import { computeHeat } from './heat';

/** The stakeholder fields whose changes count, and how a change names them. */
export const REVIEW_FIELDS: Readonly<Record<string, string>> = Object.freeze({
  Keyplan_Stance__c: 'stance',
  Keyplan_Decision_Role__c: 'decision role',
  Keyplan_Buyer_Role__c: 'buyer role'
});

/** A heat change smaller than this (points of 0-100) is noise, not news. */
export const HEAT_CHANGE_MIN = 10;

export interface ReviewContact {
  id: string;
  name: string;
  buyingCenterId: string | null;
  /** ISO date or datetime the contact was created (CreatedDate). */
  createdDate: string;
}

/** One field history row (ContactHistory). */
export interface ReviewHistoryRow {
  contactId: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  /** ISO datetime (CreatedDate). */
  date: string;
}

export interface FieldChange {
  contactId: string;
  name: string;
  /** 'stance', 'decision role' or 'buyer role'. */
  what: string;
  from: string | null;
  to: string | null;
}

export interface HeatChange {
  contactId: string;
  name: string;
  before: number;
  after: number;
  delta: number;
}

export interface BuyingCenterChanges {
  buyingCenterId: string | null;
  name: string;
  joined: number;
  quiet: number;
  changes: number;
  heatDelta: number;
  /** "Group IT: 2 joined, 1 went quiet, 3 stance or role changes, heat +42". */
  line: string;
}

export interface ChangesSince {
  since: string;
  joined: { contactId: string; name: string; date: string }[];
  quiet: { contactId: string; name: string; last: string | null }[];
  fieldChanges: FieldChange[];
  heatGained: HeatChange[];
  heatLost: HeatChange[];
  byBuyingCenter: BuyingCenterChanges[];
}

export interface ChangesSinceInput {
  /** ISO date: changes after this day count. */
  since: string;
  contacts: readonly ReviewContact[];
  history: readonly ReviewHistoryRow[];
  /** Heat (0-100) by contact as of `since` and as of today (computeHeat with each date's links and activity). */
  heatThen: ReadonlyMap<string, number>;
  heatNow: ReadonlyMap<string, number>;
  /** Activity with windows ending at `since` and ending today (summariseActivity). */
  activityThen: ReadonlyMap<string, ContactActivity>;
  activityNow: ReadonlyMap<string, ContactActivity>;
  buyingCenterNames?: ReadonlyMap<string, string>;
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/**
 * The changes since `since`:
 * - joined: contacts created after `since`;
 * - went quiet: contacts with at least 2 weighted activities in the 90 days before `since` and none after it;
 * - stance / role changes: per contact and field, the value before the first change after `since` and after the
 *   last one (a change undone is no change);
 * - heat gained / lost: contacts whose heat moved by HEAT_CHANGE_MIN points or more, largest first;
 * - per buying center (contacts without one under "No buying center"): the counts and the net heat change.
 */
export function changesSince(input: ChangesSinceInput): ChangesSince {
  const since = input.since.slice(0, 10);
  const byId = new Map(input.contacts.map((c) => [c.id, c]));
  const names = input.buyingCenterNames ?? new Map<string, string>();
  const joined = input.contacts
    .filter((c) => c.createdDate.slice(0, 10) > since)
    .map((c) => ({ contactId: c.id, name: c.name, date: c.createdDate.slice(0, 10) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name)));
  const quiet: ChangesSince['quiet'] = [];
  for (const c of input.contacts) {
    const then = input.activityThen.get(c.id);
    if (!then || weightedVolume(then.counts90) < 2) continue;
    const now = input.activityNow.get(c.id);
    if (now?.last && now.last > since) continue;
    quiet.push({ contactId: c.id, name: c.name, last: then.last });
  }
  quiet.sort((a, b) => a.name.localeCompare(b.name));

  const first = new Map<string, ReviewHistoryRow>();
  const last = new Map<string, ReviewHistoryRow>();
  const rows = input.history
    .filter((h) => REVIEW_FIELDS[h.field] && h.date.slice(0, 10) > since && byId.has(h.contactId))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const h of rows) {
    const key = `${h.contactId}|${h.field}`;
    if (!first.has(key)) first.set(key, h);
    last.set(key, h);
  }
  const fieldChanges: FieldChange[] = [];
  for (const [key, f] of first) {
    const l = last.get(key) as ReviewHistoryRow;
    if ((f.oldValue ?? null) === (l.newValue ?? null)) continue;
    fieldChanges.push({
      contactId: f.contactId,
      name: (byId.get(f.contactId) as ReviewContact).name,
      what: REVIEW_FIELDS[f.field],
      from: f.oldValue ?? null,
      to: l.newValue ?? null
    });
  }
  fieldChanges.sort((a, b) => a.name.localeCompare(b.name) || a.what.localeCompare(b.what));

  const heatChanges: HeatChange[] = [];
  for (const c of input.contacts) {
    const before = input.heatThen.get(c.id) ?? 0;
    const after = input.heatNow.get(c.id) ?? 0;
    if (Math.abs(after - before) >= HEAT_CHANGE_MIN)
      heatChanges.push({ contactId: c.id, name: c.name, before, after, delta: after - before });
  }
  const heatGained = heatChanges.filter((h) => h.delta > 0).sort((a, b) => b.delta - a.delta);
  const heatLost = heatChanges.filter((h) => h.delta < 0).sort((a, b) => a.delta - b.delta);

  const centers = new Map<string | null, BuyingCenterChanges>();
  const center = (contactId: string): BuyingCenterChanges => {
    const bc = byId.get(contactId)?.buyingCenterId ?? null;
    let s = centers.get(bc);
    if (!s) {
      s = {
        buyingCenterId: bc,
        name: bc === null ? 'No buying center' : (names.get(bc) ?? bc),
        joined: 0,
        quiet: 0,
        changes: 0,
        heatDelta: 0,
        line: ''
      };
      centers.set(bc, s);
    }
    return s;
  };
  for (const j of joined) center(j.contactId).joined++;
  for (const q of quiet) center(q.contactId).quiet++;
  for (const f of fieldChanges) center(f.contactId).changes++;
  for (const c of input.contacts) {
    const d = (input.heatNow.get(c.id) ?? 0) - (input.heatThen.get(c.id) ?? 0);
    if (d !== 0) center(c.id).heatDelta += d;
  }
  const byBuyingCenter = [...centers.values()]
    .filter((s) => s.joined || s.quiet || s.changes || s.heatDelta)
    .sort((a, b) => Math.abs(b.heatDelta) - Math.abs(a.heatDelta) || a.name.localeCompare(b.name));
  for (const s of byBuyingCenter) {
    const parts = [
      s.joined ? `${s.joined} joined` : null,
      s.quiet ? `${s.quiet} went quiet` : null,
      s.changes ? `${s.changes} stance or role change${s.changes === 1 ? '' : 's'}` : null,
      `heat ${signed(s.heatDelta)}`
    ].filter(Boolean);
    s.line = `${s.name}: ${parts.join(', ')}`;
  }
  return { since, joined, quiet, fieldChanges, heatGained, heatLost, byBuyingCenter };
}

/**
 * Heat (0-100) of each contact as of a day: the org chart's rule (computeHeat over the manual team links merged
 * with the links derived from activity, mergeTeamLinks), with `day` as today.
 */
export function heatAsOf(
  contactIds: readonly string[],
  manual: readonly HeatLink[],
  activity: ReadonlyMap<string, ContactActivity>,
  day: string
): Map<string, number> {
  const heat = computeHeat(contactIds, mergeTeamLinks(manual, deriveActivityLinks(activity)), {
    today: new Date(`${day.slice(0, 10)}T00:00:00Z`)
  });
  return new Map([...heat].map(([k, h]) => [k, h.heat]));
}

/** The changes and whether a page left rows out (SinceReviewController pages, all of one load). */
export interface ChangesFromPages extends ChangesSince {
  sinceSource: SinceReviewPage['sinceSource'];
  asOf: string;
  truncated: boolean;
  /** Contacts read (the scope's people). */
  people: number;
  /** The buying center of each contact read (null: none). */
  buyingCenterOf: ReadonlyMap<string, string | null>;
}

/** One buying center's part of the changes: its summary line and its people, by kind of change. */
export interface ReviewSection {
  buyingCenterId: string | null;
  name: string;
  line: string;
  joined: ChangesSince['joined'];
  quiet: ChangesSince['quiet'];
  fieldChanges: FieldChange[];
  heatGained: HeatChange[];
  heatLost: HeatChange[];
}

/**
 * The changes from the pages of `SinceReviewController.loadSinceReviewPage`: heat then counts the team links created
 * by the day (their fields as they are now) and the activity with windows ending on the day; heat now counts every
 * link and the activity ending today. The QBR export (scripts/cli/sinceReview.ts) does the same over the API.
 */
export function changesFromPages(pages: readonly SinceReviewPage[]): ChangesFromPages {
  if (!pages.length) throw new Error('changesFromPages: no page');
  const { since, sinceSource, asOf } = pages[0];
  const contacts = pages.flatMap((p) => p.contacts);
  const ids = contacts.map((c) => c.id);
  const links = pages.flatMap((p) => p.teamLinks);
  const heatLink = (l: (typeof links)[number]): HeatLink => ({
    fromContactId: null,
    fromUserId: l.fromUserId,
    toContactId: l.toContactId,
    strength: l.strength ?? null,
    frequency: l.frequency ?? null,
    influenceLevel: l.influenceLevel ?? null,
    polarity: l.polarity ?? null,
    lastInteraction: l.lastInteraction ?? null
  });
  const activityThen = summariseActivity(
    pages.flatMap((p) => p.activityThen),
    ids
  );
  const activityNow = summariseActivity(
    pages.flatMap((p) => p.activityNow),
    ids
  );
  const linksThen = links.filter((l) => l.createdDate.slice(0, 10) <= since).map(heatLink);
  const changes = changesSince({
    since,
    contacts: contacts.map((c) => ({
      id: c.id,
      name: c.name,
      buyingCenterId: c.buyingCenterId ?? null,
      createdDate: c.createdDate
    })),
    history: pages.flatMap((p) =>
      p.history.map((h) => ({
        contactId: h.contactId,
        field: h.field,
        oldValue: h.oldValue ?? null,
        newValue: h.newValue ?? null,
        date: h.changedAt
      }))
    ),
    heatThen: heatAsOf(ids, linksThen, activityThen, since),
    heatNow: heatAsOf(ids, links.map(heatLink), activityNow, asOf),
    activityThen,
    activityNow,
    buyingCenterNames: new Map(pages.flatMap((p) => p.buyingCenters).map((b) => [b.id, b.name]))
  });
  return {
    ...changes,
    sinceSource,
    asOf,
    truncated: pages.some((p) => p.truncated),
    people: ids.length,
    buyingCenterOf: new Map(contacts.map((c) => [c.id, c.buyingCenterId ?? null]))
  };
}

/**
 * The changes split by buying center, in the order of the summary lines (largest net heat change first): each
 * list keeps the order changesSince gave it (joins by date, heat by size of the change).
 */
export function reviewSections(c: ChangesFromPages): ReviewSection[] {
  const of = (contactId: string): string | null => c.buyingCenterOf.get(contactId) ?? null;
  return c.byBuyingCenter.map((b) => {
    const mine = <T extends { contactId: string }>(rows: readonly T[]): T[] =>
      rows.filter((r) => of(r.contactId) === b.buyingCenterId);
    return {
      buyingCenterId: b.buyingCenterId,
      name: b.name,
      line: b.line,
      joined: mine(c.joined),
      quiet: mine(c.quiet),
      fieldChanges: mine(c.fieldChanges),
      heatGained: mine(c.heatGained),
      heatLost: mine(c.heatLost)
    };
  });
}
