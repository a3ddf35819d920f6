/**
 * Our team on the map: who on our side knows whom (team links, `From_User__c`), the account team lane
 * (each of our people with the contacts they cover) and the executive-sponsor pairing (our person with
 * the strongest positive link to their top executive).
 */
import { isTeamLink, type HeatLink } from './heat';

/** The link fields the team view reads (RelationshipLinkDto satisfies it). */
export interface TeamLink extends HeatLink {
  id: string;
  fromUserName?: string | null;
}

/** The contact fields the team view reads (ContactNode satisfies it). */
export interface TeamContact {
  id: string;
  name: string;
  title: string | null;
  reportsToId: string | null;
}

export interface CoveredContact {
  contactId: string;
  name: string;
  linkId: string;
  strength: number | null;
  negative: boolean;
  lastInteraction: string | null;
}

export interface TeamMember {
  userId: string;
  name: string;
  /** The contacts this person holds a link to, strongest first. */
  covers: CoveredContact[];
}

export interface SponsorPairing {
  /** Their top executive: the root of the biggest reporting tree. */
  executiveId: string;
  executiveName: string;
  executiveTitle: string | null;
  /** Our person with the strongest positive link to them, or null when nobody on our team has one. */
  userId: string | null;
  userName: string | null;
  strength: number | null;
}

export interface AccountTeam {
  members: TeamMember[];
  sponsor: SponsorPairing | null;
}

const byStrength = (a: CoveredContact, b: CoveredContact): number =>
  Number(a.negative) - Number(b.negative) ||
  (b.strength ?? 0) - (a.strength ?? 0) ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The account team: every user holding a team link to a contact given, with the contacts they cover
 * (members with the most contacts first), and the executive-sponsor pairing. `extraMembers` adds people
 * who hold no link yet (the account team members, the current user): they appear with no contacts.
 */
export function accountTeam(
  contacts: readonly TeamContact[],
  links: readonly TeamLink[],
  extraMembers: readonly { userId: string; name: string }[] = []
): AccountTeam {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const members = new Map<string, TeamMember>();
  for (const m of extraMembers) members.set(m.userId, { userId: m.userId, name: m.name, covers: [] });
  for (const l of links) {
    const to = byId.get(l.toContactId);
    if (!isTeamLink(l) || !to) continue;
    const userId = l.fromUserId as string;
    let m = members.get(userId);
    if (!m) {
      m = { userId, name: l.fromUserName ?? userId, covers: [] };
      members.set(userId, m);
    } else if (l.fromUserName && m.name === userId) m.name = l.fromUserName;
    m.covers.push({
      contactId: to.id,
      name: to.name,
      linkId: l.id,
      strength: l.strength,
      negative: l.polarity === 'Negative',
      lastInteraction: l.lastInteraction
    });
  }
  const list = [...members.values()];
  for (const m of list) m.covers.sort(byStrength);
  list.sort((a, b) => b.covers.length - a.covers.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { members: list, sponsor: sponsorPairing(contacts, links) };
}

/** Their top executive (root of the biggest reporting tree) and our strongest positive link to them. */
export function sponsorPairing(
  contacts: readonly TeamContact[],
  links: readonly TeamLink[]
): SponsorPairing | null {
  if (!contacts.length) return null;
  const ids = new Set(contacts.map((c) => c.id));
  const parent = new Map<string, string>();
  for (const c of contacts) if (c.reportsToId && ids.has(c.reportsToId)) parent.set(c.id, c.reportsToId);
  // Size of each root's tree: walk each contact up to its root (cycles stop at a repeated id).
  const size = new Map<string, number>();
  const rootOf = new Map<string, string>();
  for (const c of contacts) {
    const path: string[] = [];
    const seen = new Set<string>();
    let at = c.id;
    while (!rootOf.has(at) && parent.has(at) && !seen.has(at)) {
      seen.add(at);
      path.push(at);
      at = parent.get(at) as string;
    }
    // A walk that ends inside a reporting loop has no top: '' marks it, and it is not counted.
    const root = rootOf.get(at) ?? (parent.has(at) ? '' : at);
    for (const p of path) rootOf.set(p, root);
    rootOf.set(at, root);
    if (root) size.set(root, (size.get(root) ?? 0) + 1);
  }
  let top: TeamContact | null = null;
  for (const c of contacts) {
    const s = size.get(c.id) ?? 0;
    if (s > 0 && (!top || s > (size.get(top.id) ?? 0))) top = c;
  }
  if (!top) return null;
  let best: TeamLink | null = null;
  for (const l of links) {
    if (!isTeamLink(l) || l.toContactId !== top.id || l.polarity === 'Negative') continue;
    if (
      !best ||
      (l.strength ?? 0) > (best.strength ?? 0) ||
      ((l.strength ?? 0) === (best.strength ?? 0) && (l.lastInteraction ?? '') > (best.lastInteraction ?? ''))
    )
      best = l;
  }
  return {
    executiveId: top.id,
    executiveName: top.name,
    executiveTitle: top.title,
    userId: best?.fromUserId ?? null,
    userName: best ? (best.fromUserName ?? best.fromUserId) : null,
    strength: best?.strength ?? null
  };
}
