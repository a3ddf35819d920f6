/**
 * What the side panel shows about one person, and the people offered by the "add a link" picker.
 * Pure functions of the chart data.
 */
import type { ContactHeat, CoverageIssue } from 'c/keyplanCore';
import type { ContactNode, RelationshipLinkDto } from '@keyplan/contracts';
import type { ActivitySourceView } from './activitySource';

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
  managerName: string | null;
  buyingCenterName: string | null;
  links: PersonLink[];
  lastInteraction: string | null;
  issues: CoverageIssue[];
  /** Where the heat comes from in activity (activitySource.ts; set by the view model). */
  activity?: ActivitySourceView;
}

/** What `personDetails` reads from the chart. */
export interface PersonSource {
  byId: ReadonlyMap<string, ContactNode>;
  links: readonly RelationshipLinkDto[];
  heat: ReadonlyMap<string, ContactHeat>;
  bcNames: ReadonlyMap<string, string>;
  issues: readonly CoverageIssue[];
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
    if (l.lastInteraction && (last === null || l.lastInteraction > last)) last = l.lastInteraction;
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
      fromUser: l.fromUserId != null,
      description: `${outgoing ? 'To' : 'From'} ${otherName}: ${parts.join(', ')}`,
      link: l
    });
  }
  const manager = contact.reportsToId ? (source.byId.get(contact.reportsToId)?.name ?? null) : null;
  return {
    contact,
    heat: source.heat.get(id) as ContactHeat,
    managerName: manager,
    buyingCenterName: contact.buyingCenterId ? (source.bcNames.get(contact.buyingCenterId) ?? null) : null,
    links,
    lastInteraction: last,
    issues: source.issues.filter((i) => i.contactId === id)
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
