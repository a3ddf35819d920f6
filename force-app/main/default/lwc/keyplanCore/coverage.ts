/**
 * What a KAM looks for on the map: decision makers nobody on our team knows, single-threaded buying
 * centers, influential detractors, links nobody has refreshed. Plus the colourings and legends the
 * heatmap offers (heat, stance, buyer role, coverage).
 */
import {
  daysBetween,
  influenceBand,
  isTeamLink,
  type ContactHeat,
  type ContactInfluence,
  type HeatBand,
  type HeatLink
} from './heat';
import { coolingDecisionMakers, type ContactActivity } from './activity';
import { DEFAULT_SETTINGS, getSetting, type KeyplanSettings } from './settings';

/** The contact fields coverage reads (ContactNode satisfies it). */
export interface CoverageContact {
  id: string;
  name: string;
  buyingCenterId: string | null;
  stance: string | null;
  decisionRole: string | null;
  buyerRole: string | null;
  influenceLevel: string | null;
  /** Budget the person owns (money at stake in the worklist); absent or null counts as 0. */
  budgetOwned?: number | null;
  /** A role we know exists but cannot name yet: never counted as a contact. */
  placeholder?: boolean;
}

export interface CoverageLink extends HeatLink {
  id: string;
  /** Who on our team holds a team link (named in the stale-link message). */
  fromUserName?: string | null;
}

export type CoverageIssueCode =
  | 'UNCOVERED_DECISION_MAKER'
  | 'SINGLE_THREADED'
  | 'UNCOVERED_BUYING_CENTER'
  | 'INFLUENTIAL_DETRACTOR'
  | 'STALE_LINK'
  | 'COOLING_DECISION_MAKER';

export interface CoverageIssue {
  code: CoverageIssueCode;
  severity: 'high' | 'medium' | 'low';
  message: string;
  contactId?: string;
  buyingCenterId?: string;
  linkId?: string;
}

export interface CoverageReport {
  issues: CoverageIssue[];
  /** Contacts with at least one strong positive link from our team. */
  covered: Set<string>;
  /** Contacts with any positive team link. */
  touched: Set<string>;
  /** Buying center id -> contacts in it with a positive team link. */
  threadsByBuyingCenter: Map<string, string[]>;
}

/** A link from our team counts as strong from this strength up. */
export const STRONG_LINK_STRENGTH = 4;

// != null: Apex omits a null property, so a contact's link may arrive without fromUserId.
const isTeamPositive = (l: HeatLink): boolean => l.fromUserId != null && l.polarity !== 'Negative';
const isHighInfluence = (level: string | null): boolean => level === 'High' || level === 'Very High';

/**
 * Analyses relationship coverage. `buyingCenterNames` gives readable messages; buying centers are
 * taken from the contacts themselves, so one without contacts is not reported here.
 */
export function analyseCoverage(
  contacts: readonly CoverageContact[],
  links: readonly CoverageLink[],
  options: {
    today?: Date;
    settings?: Partial<KeyplanSettings>;
    buyingCenterNames?: ReadonlyMap<string, string>;
    /** Activity by contact (summariseActivity): adds COOLING_DECISION_MAKER issues. */
    activity?: ReadonlyMap<string, ContactActivity>;
  } = {}
): CoverageReport {
  const today = options.today ?? new Date();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const staleDays = getSetting(settings, 'Stale_Link_Days');
  const names = options.buyingCenterNames ?? new Map<string, string>();
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const covered = new Set<string>();
  const touched = new Set<string>();
  const issues: CoverageIssue[] = [];

  for (const l of links) {
    if (!byId.has(l.toContactId)) continue;
    if (isTeamPositive(l)) {
      touched.add(l.toContactId);
      if ((l.strength ?? 0) >= STRONG_LINK_STRENGTH) covered.add(l.toContactId);
    }
    // Stale links are our team's to refresh; links between their own people are their network.
    if (!isTeamLink(l)) continue;
    const age = l.lastInteraction ? daysBetween(l.lastInteraction, today) : Infinity;
    if (age > staleDays) {
      const to = byId.get(l.toContactId) as CoverageContact;
      const holder = l.fromUserName ?? 'Our team';
      issues.push({
        code: 'STALE_LINK',
        severity: 'low',
        linkId: l.id,
        contactId: l.toContactId,
        message: l.lastInteraction
          ? `${holder}'s link to ${to.name} was last updated ${age} days ago (older than ${staleDays}).`
          : `${holder}'s link to ${to.name} has no last interaction date.`
      });
    }
  }

  const threadsByBuyingCenter = new Map<string, string[]>();
  const contactsByBuyingCenter = new Map<string, number>();
  for (const c of contacts) {
    if (c.buyingCenterId) {
      // A placeholder (a role we cannot name yet) is not counted as a contact.
      if (!c.placeholder)
        contactsByBuyingCenter.set(c.buyingCenterId, (contactsByBuyingCenter.get(c.buyingCenterId) ?? 0) + 1);
      if (!threadsByBuyingCenter.has(c.buyingCenterId)) threadsByBuyingCenter.set(c.buyingCenterId, []);
      if (touched.has(c.id)) (threadsByBuyingCenter.get(c.buyingCenterId) as string[]).push(c.id);
    }
    const roles = [
      c.decisionRole === 'Decision Maker' ? 'decision maker' : null,
      c.buyerRole === 'Economic Buyer' ? 'economic buyer' : null
    ].filter((r): r is string => r !== null);
    if (roles.length && !covered.has(c.id)) {
      issues.push({
        code: 'UNCOVERED_DECISION_MAKER',
        severity: 'high',
        contactId: c.id,
        message: `${c.name} (${roles.join(', ')}) has no strong positive relationship with our team.`
      });
    }
    // A detractor someone on our team already works on (a positive team link) is not a gap.
    if (c.stance === 'Detractor' && isHighInfluence(c.influenceLevel) && !touched.has(c.id)) {
      issues.push({
        code: 'INFLUENTIAL_DETRACTOR',
        severity: 'high',
        contactId: c.id,
        message: `${c.name} is a detractor with ${c.influenceLevel?.toLowerCase()} influence and nobody on our team works on them.`
      });
    }
  }
  for (const [bc, threads] of threadsByBuyingCenter) {
    const name = names.get(bc) ?? bc;
    if (threads.length === 1) {
      const only = byId.get(threads[0]) as CoverageContact;
      issues.push({
        code: 'SINGLE_THREADED',
        severity: 'medium',
        buyingCenterId: bc,
        contactId: only.id,
        message: `${name} is single-threaded: only ${only.name} has a positive relationship with our team.`
      });
    } else if (threads.length === 0) {
      issues.push({
        code: 'UNCOVERED_BUYING_CENTER',
        severity: 'medium',
        buyingCenterId: bc,
        message: `Nobody on our team has a positive relationship in ${name} (${contactsByBuyingCenter.get(bc) ?? 0} contacts).`
      });
    }
  }
  if (options.activity)
    for (const c of coolingDecisionMakers(contacts, options.activity, today))
      issues.push({
        code: 'COOLING_DECISION_MAKER',
        severity: 'high',
        contactId: c.contactId,
        message: c.message
      });
  const rank = { high: 0, medium: 1, low: 2 };
  issues.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return { issues, covered, touched, threadsByBuyingCenter };
}

export type ColourMode = 'heat' | 'influence' | 'stance' | 'buyerRole' | 'coverage';

export interface LegendEntry {
  key: string;
  label: string;
  colour: string;
  count: number;
}

/** Colours chosen for contrast with dark text and for colour-blind distinguishability (Okabe-Ito based). */
export const PALETTES: Readonly<
  Record<ColourMode, Readonly<Record<string, { label: string; colour: string }>>>
> = Object.freeze({
  heat: {
    cold: { label: 'Cold', colour: '#c9d7e8' },
    warm: { label: 'Warm', colour: '#f6d58e' },
    hot: { label: 'Hot', colour: '#f0a35e' },
    strong: { label: 'Strong', colour: '#d9534f' }
  },
  influence: {
    none: { label: 'No known influence', colour: '#f3f3f3' },
    some: { label: 'Some influence', colour: '#d4c5e8' },
    high: { label: 'High influence', colour: '#a58bd0' },
    top: { label: 'Top influence', colour: '#6a4c9c' }
  },
  stance: {
    Champion: { label: 'Champion', colour: '#009e73' },
    Supporter: { label: 'Supporter', colour: '#8fd3b6' },
    Neutral: { label: 'Neutral', colour: '#d9d9d9' },
    Detractor: { label: 'Detractor', colour: '#e69f00' },
    Unknown: { label: 'Unknown', colour: '#f3f3f3' }
  },
  buyerRole: {
    'Economic Buyer': { label: 'Economic buyer', colour: '#cc79a7' },
    'User Buyer': { label: 'User buyer', colour: '#56b4e9' },
    'Technical Buyer': { label: 'Technical buyer', colour: '#f0e442' },
    Coach: { label: 'Coach', colour: '#009e73' },
    Unknown: { label: 'No buyer role', colour: '#f3f3f3' }
  },
  coverage: {
    covered: { label: 'Strong team link', colour: '#009e73' },
    touched: { label: 'Weak team link', colour: '#f0e442' },
    gap: { label: 'Decision maker not covered', colour: '#d55e00' },
    none: { label: 'No team link', colour: '#f3f3f3' }
  }
});

/**
 * Colours each contact for a mode and returns the legend (entries in palette order, with counts).
 */
export function colourContacts(
  contacts: readonly CoverageContact[],
  mode: ColourMode,
  context: {
    heat?: ReadonlyMap<string, ContactHeat>;
    influence?: ReadonlyMap<string, ContactInfluence>;
    coverage?: CoverageReport;
  } = {}
): { colours: Map<string, { key: string; colour: string; label: string }>; legend: LegendEntry[] } {
  const palette = PALETTES[mode];
  const counts = new Map<string, number>();
  const colours = new Map<string, { key: string; colour: string; label: string }>();
  for (const c of contacts) {
    let key: string;
    if (mode === 'heat') key = (context.heat?.get(c.id)?.band ?? 'cold') satisfies HeatBand;
    else if (mode === 'influence') key = influenceBand(context.influence?.get(c.id)?.influence ?? 0);
    else if (mode === 'stance') key = c.stance && palette[c.stance] ? c.stance : 'Unknown';
    else if (mode === 'buyerRole') key = c.buyerRole && palette[c.buyerRole] ? c.buyerRole : 'Unknown';
    else {
      const cov = context.coverage;
      const important = c.decisionRole === 'Decision Maker' || c.buyerRole === 'Economic Buyer';
      key = cov?.covered.has(c.id)
        ? 'covered'
        : important
          ? 'gap'
          : cov?.touched.has(c.id)
            ? 'touched'
            : 'none';
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
    colours.set(c.id, { key, ...palette[key] });
  }
  const legend = Object.entries(palette).map(([key, v]) => ({
    key,
    label: v.label,
    colour: v.colour,
    count: counts.get(key) ?? 0
  }));
  return { colours, legend };
}
