/**
 * Relationship heat: how warm our relationship with each contact is, from the relationship links
 * that point at them. Links decay with age (half-life Heat_Decay_Days), so an untended map cools.
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
  /** Most recent interaction on any incoming link (ISO date) or null. */
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
/** A colleague's relationship reaches us second-hand: it counts for less than our own. */
export const INDIRECT_FACTOR = 0.5;
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

/** The weight one link adds to its target's heat (0 .. 1.25), before polarity. */
export function linkWeight(
  link: HeatLink,
  today: Date,
  settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS
): number {
  const strength = Math.min(5, Math.max(0, link.strength ?? 1)) / 5;
  const freq = FREQUENCY_FACTOR[link.frequency ?? ''] ?? 0.25;
  const infl = INFLUENCE_FACTOR[link.influenceLevel ?? ''] ?? 0.75;
  const source = link.fromUserId ? 1 : INDIRECT_FACTOR;
  return strength * freq * infl * source * decayFactor(link.lastInteraction, today, settings);
}

/** The band of a heat value from the Heat_Warm / Heat_Hot / Heat_Strong thresholds. */
export function heatBand(heat: number, settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS): HeatBand {
  if (heat >= getSetting(settings, 'Heat_Strong')) return 'strong';
  if (heat >= getSetting(settings, 'Heat_Hot')) return 'hot';
  if (heat >= getSetting(settings, 'Heat_Warm')) return 'warm';
  return 'cold';
}

/**
 * Heat for each contact id given (contacts without links are cold with heat 0). Positive links warm,
 * negative links cool; the net saturates towards 100 so many weak links never beat a few strong ones
 * by much.
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
    const w = strength * freq * infl * (link.fromUserId ? 1 : INDIRECT_FACTOR) * decay;
    if (link.polarity === 'Negative') h.negative += w;
    else h.positive += w;
    if (link.fromUserId) h.teamLinks++;
    if (last && (h.lastInteraction === null || last > h.lastInteraction)) h.lastInteraction = last;
  }
  for (const h of out.values()) {
    const net = h.positive - h.negative;
    h.heat = net <= 0 ? 0 : Math.round(100 * (1 - Math.exp(-SATURATION * net)));
    h.band = heatBand(h.heat, settings);
  }
  return out;
}
