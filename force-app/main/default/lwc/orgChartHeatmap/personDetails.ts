/**
 * What the side panel shows about one person, and the people offered by the "add a link" picker.
 * Pure functions of the chart data.
 */
import type { ActivityTrend, ContactHeat, ContactInfluence, CoverageIssue } from 'c/keyplanCore';
import type { ContactNode, RelationshipLinkDto } from '@keyplan/contracts';

/** Where a person's heat comes from, as the panel shows it (built by `activitySource.ts`). */
export interface ActivitySourceView {
  /** "9 meetings and 14 emails in 90 days, last Nov 20 with Jane Smith; trend cooling". */
  sentence: string;
  trend: ActivityTrend | null;
  /** One line per user of our team, busiest first: "Jane Smith: 6 meetings, 2 emails in 12 months, last Nov 20". */
  users: { key: string; text: string }[];
}

export interface PersonLink {
  id: string;
  outgoing: boolean;
  otherId: string | null;
  otherName: string;
  fromUser: boolean;
  description: string;
  link: RelationshipLinkDto;
}

export interface PersonDetails {
  contact: ContactNode;
  heat: ContactHeat;
  influence: ContactInfluence;
  /** Place in the account's influence ranking (1 = most influential), null without known influence. */
  influenceRank: number | null;
  /** People on the chart (the ranking's denominator). */
  contactCount: number;
  managerName: string | null;
  buyingCenterName: string | null;
  links: PersonLink[];
  /** Our team's most recent interaction with this person (contact-to-contact links do not count). */
  lastInteraction: string | null;
  issues: CoverageIssue[];
  /** Our people to pick from when recording who knows this person (the account team). */
  teamUsers: { label: string; value: string; meta?: string }[];
  /** Where the heat comes from in activity (activitySource.ts; set by the view model). */
  activity?: ActivitySourceView;
}

/** What `personDetails` reads from the chart. */
export interface PersonSource {
  byId: ReadonlyMap<string, ContactNode>;
  links: readonly RelationshipLinkDto[];
  heat: ReadonlyMap<string, ContactHeat>;
  influence: ReadonlyMap<string, ContactInfluence>;
  /** Contact id -> place in `rankByInfluence` (1-based). */
  influenceRank?: ReadonlyMap<string, number>;
  bcNames: ReadonlyMap<string, string>;
  issues: readonly CoverageIssue[];
  /** The account team (users holding links on the account), for the "who on our team" picker. */
  teamUsers?: readonly { label: string; value: string; meta?: string }[];
}

const lower = (s: string | null | undefined): string => (s ?? '').toLowerCase();

/** Everything the side panel shows about one person (null for an unknown id). */
export function personDetails(source: PersonSource, id: string): PersonDetails | null {
  const contact = source.byId.get(id);
  if (!contact) return null;
  const links: PersonLink[] = [];
  let last: string | null = null;
  for (const l of source.links) {
    const outgoing = l.fromContactId === id;
    if (!outgoing && l.toContactId !== id) continue;
    const team = l.fromUserId != null;
    if (team && l.lastInteraction && (last === null || l.lastInteraction > last)) last = l.lastInteraction;
    const otherId = outgoing ? l.toContactId : l.fromContactId;
    const otherName = otherId
      ? (source.byId.get(otherId)?.name ?? otherId)
      : `${l.fromUserName ?? 'Our team'} (our team)`;
    const parts = [
      l.type ?? 'Link',
      l.strength ? `strength ${l.strength}` : null,
      l.frequency,
      l.polarity
    ].filter(Boolean);
    links.push({
      id: l.id,
      outgoing,
      otherId,
      otherName,
      fromUser: team,
      description: `${outgoing ? 'To' : 'From'} ${otherName}: ${parts.join(', ')}`,
      link: l
    });
  }
  const manager = contact.reportsToId ? (source.byId.get(contact.reportsToId)?.name ?? null) : null;
  return {
    contact,
    heat: source.heat.get(id) as ContactHeat,
    influence: source.influence.get(id) ?? { influence: 0, influences: 0, influencedBy: 0 },
    influenceRank: source.influenceRank?.get(id) ?? null,
    contactCount: source.byId.size,
    managerName: manager,
    buyingCenterName: contact.buyingCenterId ? (source.bcNames.get(contact.buyingCenterId) ?? null) : null,
    links,
    lastInteraction: last,
    issues: source.issues.filter((i) => i.contactId === id),
    teamUsers: [...(source.teamUsers ?? [])]
  };
}

/** People in `order` other than `excludeId` whose name or title matches `text`, at most `limit`. */
export function contactOptions(
  order: readonly string[],
  byId: ReadonlyMap<string, ContactNode>,
  excludeId: string,
  text = '',
  limit = 50
): { label: string; value: string }[] {
  const needle = lower(text.trim());
  const out: { label: string; value: string }[] = [];
  for (const id of order) {
    if (id === excludeId) continue;
    const c = byId.get(id) as ContactNode;
    if (needle && !lower(c.name).includes(needle) && !lower(c.title).includes(needle)) continue;
    out.push({ label: c.title ? `${c.name} (${c.title})` : c.name, value: id });
    if (out.length >= limit) break;
  }
  return out;
}
