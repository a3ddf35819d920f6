/**
 * Two measures, named honestly:
 * - *Relationship heat*: how warm OUR relationship with each contact is, from the links our users hold to
 *   them (`fromUserId` set). Links between the customer's own people never count towards it.
 * - *Influence*: how much a contact moves the customer's internal network, from the contact-to-contact
 *   links they hold. Drawn as the influence lines and used for influence ranking, never as our heat.
 * Both decay with age (half-life Heat_Decay_Days), so an untended map cools.
 */
import { DEFAULT_SETTINGS, getSetting, type KeyplanSettings } from './settings';

export type HeatBand = 'cold' | 'warm' | 'hot' | 'strong';

/** The link fields heat reads (RelationshipLinkDto satisfies it). */
export interface HeatLink {
  fromContactId: string | null;
  fromUserId: string | null;
  toContactId: string;
  strength: number | null;
  frequency: string | null;
  influenceLevel: string | null;
  polarity: string | null;
  lastInteraction: string | null;
}

export interface ContactHeat {
  /** 0-100. */
  heat: number;
  band: HeatBand;
  /** Sum of positive and of negative link weights after decay (before saturation). */
  positive: number;
  negative: number;
  /** Links from our users to this contact. */
  teamLinks: number;
  /** Most recent interaction on any of our team's links to this contact (ISO date) or null. */
  lastInteraction: string | null;
}

export const FREQUENCY_FACTOR: Readonly<Record<string, number>> = Object.freeze({
  Weekly: 1,
  Monthly: 0.75,
  Quarterly: 0.5,
  Rarely: 0.25
});
export const INFLUENCE_FACTOR: Readonly<Record<string, number>> = Object.freeze({
  Low: 0.5,
  Medium: 0.75,
  High: 1,
  'Very High': 1.25
});
/** A link held by one of our users (the only links relationship heat reads). != null: Apex omits nulls. */
export const isTeamLink = (link: Pick<HeatLink, 'fromUserId'>): boolean => link.fromUserId != null;
/** Saturation: one strong, weekly, high-influence, fresh link from our team gives heat 78. */
const SATURATION = 1.5;
const DAY_MS = 86_400_000;

/** Days from an ISO date to `today` (UTC calendar days; negative if in the future). */
export function daysBetween(isoDate: string, today: Date): number {
  const t = Date.parse(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  const d = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.floor((d - t) / DAY_MS);
}

/** The decay factor of a link: halves every Heat_Decay_Days; unknown dates count as one half-life. */
export function decayFactor(
  lastInteraction: string | null,
  today: Date,
  settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS
): number {
  const halfLife = Math.max(1, getSetting(settings, 'Heat_Decay_Days'));
  if (!lastInteraction) return 0.5;
  const age = Math.max(0, daysBetween(lastInteraction, today));
  return Math.pow(0.5, age / halfLife);
}

/**
 * The weight of one link (0 .. 1.25), before polarity: what a team link adds to its contact's heat, and
 * what a contact-to-contact link adds to its holder's influence.
 */
export function linkWeight(
  link: HeatLink,
  today: Date,
  settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS
): number {
  const strength = Math.min(5, Math.max(0, link.strength ?? 1)) / 5;
  const freq = FREQUENCY_FACTOR[link.frequency ?? ''] ?? 0.25;
  const infl = INFLUENCE_FACTOR[link.influenceLevel ?? ''] ?? 0.75;
  return strength * freq * infl * decayFactor(link.lastInteraction, today, settings);
}

/** The band of a heat value from the Heat_Warm / Heat_Hot / Heat_Strong thresholds. */
export function heatBand(heat: number, settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS): HeatBand {
  if (heat >= getSetting(settings, 'Heat_Strong')) return 'strong';
  if (heat >= getSetting(settings, 'Heat_Hot')) return 'hot';
  if (heat >= getSetting(settings, 'Heat_Warm')) return 'warm';
  return 'cold';
}

/**
 * Heat for each contact id given (contacts without team links are cold with heat 0), from our team's
 * links only: links between two contacts are skipped (they are `computeInfluence`'s). Positive links
 * warm, negative links cool; the net saturates towards 100 so many weak links never beat a few strong
 * ones by much. Callers may pass every link of the account (or synthetic team links, e.g. activity).
 */
export function computeHeat(
  contactIds: Iterable<string>,
  links: readonly HeatLink[],
  options: { today?: Date; settings?: Partial<KeyplanSettings> } = {}
): Map<string, ContactHeat> {
  const today = options.today ?? new Date();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const out = new Map<string, ContactHeat>();
  for (const id of contactIds)
    out.set(id, { heat: 0, band: 'cold', positive: 0, negative: 0, teamLinks: 0, lastInteraction: null });
  // Per call, not per link: today's day number, the half-life and the decay of each distinct date.
  const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const halfLife = Math.max(1, getSetting(settings, 'Heat_Decay_Days'));
  const decayOf = new Map<string, number>();
  for (const link of links) {
    if (!isTeamLink(link)) continue;
    const h = out.get(link.toContactId);
    if (!h) continue;
    const last = link.lastInteraction;
    let decay = 0.5;
    if (last) {
      const cached = decayOf.get(last);
      if (cached === undefined) {
        const age = Math.max(
          0,
          Math.floor((todayMs - Date.parse(last.length === 10 ? `${last}T00:00:00Z` : last)) / DAY_MS)
        );
        decay = Math.pow(0.5, age / halfLife);
        decayOf.set(last, decay);
      } else decay = cached;
    }
    const strength = Math.min(5, Math.max(0, link.strength ?? 1)) / 5;
    const freq = FREQUENCY_FACTOR[link.frequency ?? ''] ?? 0.25;
    const infl = INFLUENCE_FACTOR[link.influenceLevel ?? ''] ?? 0.75;
    // Same product, same order as linkWeight(), so the figures are bit-for-bit the same.
    const w = strength * freq * infl * decay;
    if (link.polarity === 'Negative') h.negative += w;
    else h.positive += w;
    h.teamLinks++;
    if (last && (h.lastInteraction === null || last > h.lastInteraction)) h.lastInteraction = last;
  }
  for (const h of out.values()) {
    const net = h.positive - h.negative;
    h.heat = net <= 0 ? 0 : Math.round(100 * (1 - Math.exp(-SATURATION * net)));
    h.band = heatBand(h.heat, settings);
  }
  return out;
}

export type InfluenceBand = 'none' | 'some' | 'high' | 'top';
/** Lower bounds of the influence bands (0 is 'none'). */
export const INFLUENCE_BANDS: Readonly<Record<Exclude<InfluenceBand, 'none'>, number>> = Object.freeze({
  some: 1,
  high: 40,
  top: 70
});

/** The band of an influence value. */
export function influenceBand(influence: number): InfluenceBand {
  if (influence >= INFLUENCE_BANDS.top) return 'top';
  if (influence >= INFLUENCE_BANDS.high) return 'high';
  if (influence >= INFLUENCE_BANDS.some) return 'some';
  return 'none';
}

/** A contact's weight in the customer's own network. */
export interface ContactInfluence {
  /** 0-100: the decayed weight of the links they hold to colleagues, saturating like heat. */
  influence: number;
  /** Distinct colleagues they influence (outgoing contact-to-contact links). */
  influences: number;
  /** Distinct colleagues who influence them (incoming contact-to-contact links). */
  influencedBy: number;
}

/**
 * Influence for each contact id given, from contact-to-contact links only (team links are heat's): a
 * link from A to B says A influences B, so its weight (`linkWeight`, either polarity: a detractor who
 * sways a colleague against us is influential too) goes to A. Saturates towards 100 like heat.
 */
export function computeInfluence(
  contactIds: Iterable<string>,
  links: readonly HeatLink[],
  options: { today?: Date; settings?: Partial<KeyplanSettings> } = {}
): Map<string, ContactInfluence> {
  const today = options.today ?? new Date();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const out = new Map<string, ContactInfluence>();
  const weight = new Map<string, number>();
  const outgoing = new Map<string, Set<string>>();
  const incoming = new Map<string, Set<string>>();
  for (const id of contactIds) out.set(id, { influence: 0, influences: 0, influencedBy: 0 });
  const add = (m: Map<string, Set<string>>, k: string, v: string): void => {
    const s = m.get(k);
    if (s) s.add(v);
    else m.set(k, new Set([v]));
  };
  for (const link of links) {
    const from = link.fromContactId;
    if (isTeamLink(link) || from == null || from === link.toContactId) continue;
    if (out.has(from)) {
      weight.set(from, (weight.get(from) ?? 0) + linkWeight(link, today, settings));
      add(outgoing, from, link.toContactId);
    }
    if (out.has(link.toContactId)) add(incoming, link.toContactId, from);
  }
  for (const [id, inf] of out) {
    const w = weight.get(id) ?? 0;
    inf.influence = w <= 0 ? 0 : Math.round(100 * (1 - Math.exp(-SATURATION * w)));
    inf.influences = outgoing.get(id)?.size ?? 0;
    inf.influencedBy = incoming.get(id)?.size ?? 0;
  }
  return out;
}

/** Contact ids by influence, highest first (ties: more people influenced, then id), without zeros. */
export function rankByInfluence(influence: ReadonlyMap<string, ContactInfluence>): string[] {
  return [...influence]
    .filter(([, v]) => v.influence > 0)
    .sort(
      ([a, x], [b, y]) =>
        y.influence - x.influence || y.influences - x.influences || (a < b ? -1 : a > b ? 1 : 0)
    )
    .map(([id]) => id);
}
