/**
 * Our team on the map: who on our side knows whom (team links, `From_User__c`), the account team lane
 * (the account team's members first, with their role, then other people of ours holding links; each with
 * the contacts they cover) and the executive-sponsor pairing (our executive sponsor on the account team
 * when there is one, else our person with the strongest positive link to their top executive).
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

/** One of our people the org knows to be on the account (AccountTeamMember, OrgChartController.getAccountTeam). */
export interface RosterMember {
  userId: string;
  name: string;
  title?: string | null;
  /** TeamMemberRole ("Account Manager", "Executive Sponsor", ...). */
  role?: string | null;
}

/** The account team role that names our executive sponsor (standard TeamMemberRole value). */
export const EXECUTIVE_SPONSOR_ROLE = 'Executive Sponsor';

export interface TeamMember {
  userId: string;
  name: string;
  /** Their role on the account team; null for people of ours known only from their links. */
  role: string | null;
  /** On the account team (AccountTeamMember), links or not. */
  onTeam: boolean;
  /** The contacts this person holds a link to, strongest first. */
  covers: CoveredContact[];
}

export interface SponsorPairing {
  /** Their top executive: the root of the biggest reporting tree. */
  executiveId: string;
  executiveName: string;
  executiveTitle: string | null;
  /**
   * Our executive sponsor (the account team member in the Executive Sponsor role) when there is one, else our
   * person with the strongest positive link to them; null when there is neither.
   */
  userId: string | null;
  userName: string | null;
  /** Strength of that person's positive link to their top executive; null when none is recorded. */
  strength: number | null;
  /** The pairing names the account team's executive sponsor (who may hold no link to them yet). */
  named?: boolean;
}

export interface AccountTeam {
  /** Account team members first (roster order), then other people of ours with links (busiest first). */
  members: TeamMember[];
  sponsor: SponsorPairing | null;
  /** The org has an account team for this account (AccountTeamMember rows read); false: links only. */
  fromAccountTeam?: boolean;
}

const byStrength = (a: CoveredContact, b: CoveredContact): number =>
  Number(a.negative) - Number(b.negative) ||
  (b.strength ?? 0) - (a.strength ?? 0) ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The account team: the roster (account team members, in its order, with their role, contacts or not),
 * then every other user holding a team link to a contact given (most contacts first), each with the
 * contacts they cover; and the executive-sponsor pairing. `roster` is empty in an org without Account
 * Teams: the lane is then our people with links.
 */
export function accountTeam(
  contacts: readonly TeamContact[],
  links: readonly TeamLink[],
  roster: readonly RosterMember[] = []
): AccountTeam {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const members = new Map<string, TeamMember>();
  for (const m of roster)
    if (!members.has(m.userId))
      members.set(m.userId, {
        userId: m.userId,
        name: m.name,
        role: m.role ?? null,
        onTeam: true,
        covers: []
      });
  for (const l of links) {
    const to = byId.get(l.toContactId);
    if (!isTeamLink(l) || !to) continue;
    const userId = l.fromUserId as string;
    let m = members.get(userId);
    if (!m) {
      m = { userId, name: l.fromUserName ?? userId, role: null, onTeam: false, covers: [] };
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
  const onTeam = list.filter((m) => m.onTeam);
  const others = list
    .filter((m) => !m.onTeam)
    .sort((a, b) => b.covers.length - a.covers.length || byName(a, b));
  const sponsorMember = roster.find(
    (m) => (m.role ?? '').toLowerCase() === EXECUTIVE_SPONSOR_ROLE.toLowerCase()
  );
  return {
    members: [...onTeam, ...others],
    sponsor: sponsorPairing(contacts, links, sponsorMember ?? null),
    fromAccountTeam: roster.length > 0
  };
}

/**
 * Their top executive (root of the biggest reporting tree) and who of ours is paired with them: our executive
 * sponsor when given (with their strongest positive link, if any), else our strongest positive link.
 */
export function sponsorPairing(
  contacts: readonly TeamContact[],
  links: readonly TeamLink[],
  sponsor: RosterMember | null = null
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
    if (sponsor && l.fromUserId !== sponsor.userId) continue;
    if (
      !best ||
      (l.strength ?? 0) > (best.strength ?? 0) ||
      ((l.strength ?? 0) === (best.strength ?? 0) && (l.lastInteraction ?? '') > (best.lastInteraction ?? ''))
    )
      best = l;
  }
  if (sponsor)
    return {
      executiveId: top.id,
      executiveName: top.name,
      executiveTitle: top.title,
      userId: sponsor.userId,
      userName: sponsor.name,
      strength: best?.strength ?? null,
      named: true
    };
  return {
    executiveId: top.id,
    executiveName: top.name,
    executiveTitle: top.title,
    userId: best?.fromUserId ?? null,
    userName: best ? (best.fromUserName ?? best.fromUserId) : null,
    strength: best?.strength ?? null
  };
}
