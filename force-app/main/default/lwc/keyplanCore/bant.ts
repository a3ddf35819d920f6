/**
 * BANT qualification: the evidence rules (a "Confirmed" counts only with its evidence), the score
 * (identical to the Keyplan_BANT_Score__c formula, so reports and the panel agree), whether a deal is
 * qualified, and the gaps an account manager should act on, each with its next step.
 */
import type { BantOpportunity } from '@keyplan/contracts';
import { daysBetween } from './heat';
import { asDecimal, roundHalfAwayFromZero } from './planScore';
import { DEFAULT_SETTINGS, getSetting, type KeyplanSettings, type SettingName } from './settings';

export type BantDimension = 'budget' | 'authority' | 'need' | 'timing';
export const BANT_DIMENSIONS: readonly BantDimension[] = ['budget', 'authority', 'need', 'timing'];

const WEIGHT: Record<BantDimension, SettingName> = {
  budget: 'BANT_Weight_Budget',
  authority: 'BANT_Weight_Authority',
  need: 'BANT_Weight_Need',
  timing: 'BANT_Weight_Timing'
};
const POINTS: Readonly<Record<string, SettingName>> = {
  Unknown: 'BANT_Points_Unknown',
  Missing: 'BANT_Points_Missing',
  Identified: 'BANT_Points_Identified',
  Confirmed: 'BANT_Points_Confirmed'
};

export interface BantStatuses {
  budgetStatus: string | null;
  authorityStatus: string | null;
  needStatus: string | null;
  timingStatus: string | null;
}

/**
 * Points for one status: the formula's CASE matches Confirmed, Identified and Missing exactly; blank,
 * Unknown and any other value fall to the BANT_Points_Unknown default.
 */
export function bantPoints(
  status: string | null | undefined,
  settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS
): number {
  // hasOwnProperty: a status such as 'constructor' must not reach Object.prototype.
  const name =
    status != null && Object.prototype.hasOwnProperty.call(POINTS, status)
      ? POINTS[status]
      : 'BANT_Points_Unknown';
  return getSetting(settings, name);
}

/**
 * round(sum(weight x points) / 100), as Keyplan_BANT_Score__c computes it. With weights summing to 100 and
 * points within 0-100 the score is within 0-100.
 * @example bantScore({ budgetStatus: 'Confirmed', authorityStatus: 'Identified', needStatus: null, timingStatus: 'Unknown' }) // 45
 */
export function bantScore(o: BantStatuses, settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS): number {
  const status: Record<BantDimension, string | null> = {
    budget: o.budgetStatus,
    authority: o.authorityStatus,
    need: o.needStatus,
    timing: o.timingStatus
  };
  let sum = 0;
  for (const d of BANT_DIMENSIONS) sum += getSetting(settings, WEIGHT[d]) * bantPoints(status[d], settings);
  // ROUND(x, 0) half away from zero on the decimal value (a weight of 33.3 must not turn 16.65 into 16.64999).
  return roundHalfAwayFromZero(asDecimal(sum) / 100, 0);
}

/** The contact-role facts the evidence rules read (Keyplan_Authority_Roles__c, Keyplan_Budget_Owner_Roles__c). */
export interface BantRoleEvidence {
  /** Contact roles whose contact is an Economic Buyer or a Decision Maker. */
  authorityRoles: number;
  /** Contact roles whose contact owns budget (Keyplan_Budget_Owned__c > 0). */
  budgetOwnerRoles: number;
}

/** What a "Confirmed" needs: the evidence texts and the contact-role facts. */
export interface BantEvidenceInput extends BantStatuses, BantRoleEvidence {
  budgetEvidence?: string | null;
  needEvidence?: string | null;
  timingEvidence?: string | null;
}

/** One contact role as the evidence rules read it. */
export interface EvidenceContactRole {
  buyerRole: string | null;
  decisionRole: string | null;
  budgetOwned?: number | null;
}

/** An Economic Buyer or a Decision Maker: the people whose role confirms Authority. */
export function hasAuthority(r: Pick<EvidenceContactRole, 'buyerRole' | 'decisionRole'>): boolean {
  return r.buyerRole === 'Economic Buyer' || r.decisionRole === 'Decision Maker';
}

/**
 * The counts Apex keeps in Keyplan_Authority_Roles__c / Keyplan_Budget_Owner_Roles__c (BantEvidence.cls),
 * from a deal's contact roles.
 */
export function roleEvidence(roles: readonly EvidenceContactRole[]): BantRoleEvidence {
  let authorityRoles = 0;
  let budgetOwnerRoles = 0;
  for (const r of roles) {
    if (hasAuthority(r)) authorityRoles += 1;
    if ((r.budgetOwned ?? 0) > 0) budgetOwnerRoles += 1;
  }
  return { authorityRoles, budgetOwnerRoles };
}

/** Evidence text: anything but spaces and tabs (the formula's LEN(TRIM(text)) > 0). */
const hasText = (s: string | null | undefined): boolean =>
  typeof s === 'string' && s.replace(/^[ \t]+|[ \t]+$/g, '') !== '';

/**
 * Whether a dimension has the evidence a "Confirmed" needs: Authority an Economic Buyer or Decision
 * Maker among the contact roles; Budget its evidence text or a contact role whose contact owns budget;
 * Need and Timing their evidence text.
 */
export function hasEvidence(o: BantEvidenceInput, d: BantDimension): boolean {
  if (d === 'authority') return o.authorityRoles > 0;
  if (d === 'budget') return hasText(o.budgetEvidence) || o.budgetOwnerRoles > 0;
  return hasText(d === 'need' ? o.needEvidence : o.timingEvidence);
}

const STATUS_KEY: Record<BantDimension, keyof BantStatuses> = {
  budget: 'budgetStatus',
  authority: 'authorityStatus',
  need: 'needStatus',
  timing: 'timingStatus'
};

/** The dimensions set to Confirmed without their evidence ("Confirmed, unverified"). */
export function unverifiedDimensions(o: BantEvidenceInput): BantDimension[] {
  return BANT_DIMENSIONS.filter((d) => o[STATUS_KEY[d]] === 'Confirmed' && !hasEvidence(o, d));
}

/** The statuses as they count: a Confirmed without its evidence counts as Identified. */
export function verifiedStatuses(o: BantEvidenceInput): BantStatuses {
  const out: BantStatuses = {
    budgetStatus: o.budgetStatus,
    authorityStatus: o.authorityStatus,
    needStatus: o.needStatus,
    timingStatus: o.timingStatus
  };
  for (const d of unverifiedDimensions(o)) out[STATUS_KEY[d]] = 'Identified';
  return out;
}

/** The label of a status as screens and exports show it: "Confirmed, unverified" without evidence. */
export function shownStatus(o: BantEvidenceInput, d: BantDimension): string {
  const s = o[STATUS_KEY[d]] ?? 'Unknown';
  return s === 'Confirmed' && !hasEvidence(o, d) ? 'Confirmed, unverified' : s;
}

/**
 * The score with the evidence rules: bantScore of the verified statuses, what Keyplan_BANT_Score__c
 * computes from the statuses, the evidence texts and the two contact-role counts.
 */
export function evidencedBantScore(
  o: BantEvidenceInput,
  settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS
): number {
  return bantScore(verifiedStatuses(o), settings);
}

/** The dimensions known to be Missing. */
export function missingDimensions(o: BantStatuses): BantDimension[] {
  return BANT_DIMENSIONS.filter((d) => o[STATUS_KEY[d]] === 'Missing');
}

/**
 * Qualified: the score reaches the threshold, no dimension is Missing (a deal with a known absence of
 * budget, authority, need or timing is never qualified, whatever its score) and no Confirmed lacks its
 * evidence (a "Confirmed, unverified" is a claim to back before the deal counts as qualified).
 */
export function isQualified(score: number, o: BantEvidenceInput, threshold: number): boolean {
  return score >= threshold && missingDimensions(o).length === 0 && unverifiedDimensions(o).length === 0;
}

/** A BANT opportunity as the API returns it, for the evidence rules. */
export type BantEvidenceSource = BantStatuses & {
  budgetEvidence?: string | null;
  needEvidence?: string | null;
  timingEvidence?: string | null;
  contactRoles: readonly EvidenceContactRole[];
};

/** The evidence input of an opportunity DTO (the counts from its contact roles). */
export function evidenceOf(o: BantEvidenceSource): BantEvidenceInput {
  return { ...o, ...roleEvidence(o.contactRoles) };
}

export type BantGapCode =
  | 'BUDGET_MISSING'
  | 'AUTHORITY_MISSING'
  | 'NEED_MISSING'
  | 'TIMING_MISSING'
  | 'BUDGET_UNVERIFIED'
  | 'AUTHORITY_UNVERIFIED'
  | 'NEED_UNVERIFIED'
  | 'TIMING_UNVERIFIED'
  | 'NO_AUTHORITY_CONTACT'
  | 'TIMING_UNKNOWN_CLOSE_SOON'
  | 'BUDGET_UNCONFIRMED_LATE_STAGE'
  | 'NEED_NOT_CONFIRMED_AT_PROPOSAL'
  | 'CLOSE_DATE_PASSED';

/**
 * The next step that resolves a gap: add a contact role (an economic buyer or decision maker of the
 * deal's buying center), write the evidence (the BANT editor), or create a plan action (owner, due date).
 * Every gap also offers a plan action.
 */
export type BantGapAction = 'addContactRole' | 'writeEvidence' | 'planAction';

export interface BantGap {
  code: BantGapCode;
  dimension: BantDimension;
  severity: 'error' | 'warning';
  message: string;
  action: BantGapAction;
}

/** The next step of each gap. */
export const GAP_ACTION: Readonly<Record<BantGapCode, BantGapAction>> = {
  BUDGET_MISSING: 'planAction',
  AUTHORITY_MISSING: 'addContactRole',
  NEED_MISSING: 'planAction',
  TIMING_MISSING: 'planAction',
  BUDGET_UNVERIFIED: 'writeEvidence',
  AUTHORITY_UNVERIFIED: 'addContactRole',
  NEED_UNVERIFIED: 'writeEvidence',
  TIMING_UNVERIFIED: 'writeEvidence',
  NO_AUTHORITY_CONTACT: 'addContactRole',
  TIMING_UNKNOWN_CLOSE_SOON: 'writeEvidence',
  BUDGET_UNCONFIRMED_LATE_STAGE: 'writeEvidence',
  NEED_NOT_CONFIRMED_AT_PROPOSAL: 'writeEvidence',
  CLOSE_DATE_PASSED: 'planAction'
};

/** One stage of the org's sales process (OpportunityStage). */
export interface SalesStage {
  name: string;
  sortOrder: number;
  isActive: boolean;
  isClosed: boolean;
}

export interface BantGapOptions {
  today?: Date;
  settings?: Partial<KeyplanSettings>;
  /**
   * The org's sales process (OpportunityStage rows). Gap expectations are keyed to the stage's
   * position among the active open stages by SortOrder, never to the probability the rep typed.
   */
  stages?: readonly SalesStage[];
}

/**
 * The open stages of the Salesforce default sales process, in order: the one list the local org's
 * Opportunity picklist and the bundle format also read (src/schema/standardObjects.ts).
 */
export const STANDARD_OPEN_STAGES: readonly string[] = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review'
];

/** The Salesforce default sales process, when the org's stages are not at hand. */
const STANDARD_STAGES: readonly SalesStage[] = STANDARD_OPEN_STAGES.map((name, i) => ({
  name,
  sortOrder: i + 1,
  isActive: true,
  isClosed: false
}));

/**
 * Where a stage sits in the sales process: its rank among the active open stages by SortOrder,
 * divided by their count (first stage 1/n, last open stage 1). 0 for a stage the process does not
 * list. Without stages (the standard process is assumed) the Salesforce default stages are used.
 */
export function stagePosition(stageName: string, stages: readonly SalesStage[] = STANDARD_STAGES): number {
  const open = stages.filter((s) => s.isActive && !s.isClosed).sort((a, b) => a.sortOrder - b.sortOrder);
  const i = open.findIndex((s) => s.name === stageName);
  return i < 0 ? 0 : (i + 1) / open.length;
}

/** From the second half of the process on, budget must be known. */
export const LATE_STAGE_POSITION = 0.5;
/** In the last quarter of the process (proposal, negotiation) the need must be confirmed. */
export const PROPOSAL_STAGE_POSITION = 0.75;

type GapInput = Pick<BantOpportunity, 'name' | 'stageName' | 'closeDate'> &
  BantEvidenceSource & { isClosed?: boolean };

/** Gaps an account manager should act on for one open opportunity, most severe first. */
export function bantGaps(o: GapInput, options: BantGapOptions = {}): BantGap[] {
  if (o.isClosed) return [];
  const today = options.today ?? new Date();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const position = stagePosition(o.stageName, options.stages);
  const late = position > LATE_STAGE_POSITION;
  const gaps: BantGap[] = [];
  const add = (code: BantGapCode, dimension: BantDimension, severity: BantGap['severity'], message: string) =>
    gaps.push({ code, dimension, severity, message: `${o.name}: ${message}`, action: GAP_ACTION[code] });
  // Missing means "we know it is absent" (docs/DATA_MODEL.md): a red gap at any stage.
  for (const d of missingDimensions(o))
    add(`${d.toUpperCase()}_MISSING` as BantGapCode, d, 'error', `${d} is known to be missing.`);
  const daysToClose = -daysBetween(o.closeDate, today);

  if (daysToClose < 0)
    add(
      'CLOSE_DATE_PASSED',
      'timing',
      'error',
      `the close date ${o.closeDate} is ${-daysToClose} days in the past. Update it or close the opportunity.`
    );
  const evidence = evidenceOf(o);
  const unverified = new Set(unverifiedDimensions(evidence));
  if (unverified.has('authority'))
    add(
      'AUTHORITY_UNVERIFIED',
      'authority',
      late ? 'error' : 'warning',
      'authority is Confirmed, unverified: no economic buyer or decision maker among the contact roles. Add one.'
    );
  else if (evidence.authorityRoles === 0)
    add(
      'NO_AUTHORITY_CONTACT',
      'authority',
      late ? 'error' : 'warning',
      'no economic buyer or decision maker among the contact roles.'
    );
  if (unverified.has('budget'))
    add(
      'BUDGET_UNVERIFIED',
      'budget',
      late ? 'error' : 'warning',
      'budget is Confirmed, unverified: write who confirmed it, or add the contact who owns the budget.'
    );
  for (const d of ['need', 'timing'] as const)
    if (unverified.has(d))
      add(
        `${d.toUpperCase()}_UNVERIFIED` as BantGapCode,
        d,
        late ? 'error' : 'warning',
        `${d} is Confirmed, unverified: write the evidence.`
      );
  const window = getSetting(settings, 'BANT_Timing_Window_Days');
  if (daysToClose >= 0 && daysToClose <= window && (o.timingStatus ?? 'Unknown') === 'Unknown')
    add(
      'TIMING_UNKNOWN_CLOSE_SOON',
      'timing',
      'warning',
      `closes in ${daysToClose} days but timing is unknown. Confirm the date and the compelling event.`
    );
  const budget = o.budgetStatus ?? 'Unknown';
  if (late && budget === 'Unknown')
    add(
      'BUDGET_UNCONFIRMED_LATE_STAGE',
      'budget',
      'warning',
      `in ${o.stageName} the budget is still unknown.`
    );
  const atProposal = position > PROPOSAL_STAGE_POSITION;
  if (atProposal && o.needStatus !== 'Confirmed' && o.needStatus !== 'Missing')
    add(
      'NEED_NOT_CONFIRMED_AT_PROPOSAL',
      'need',
      'warning',
      `in ${o.stageName} but the need is not confirmed by the customer.`
    );
  const rank = { error: 0, warning: 1 };
  return gaps.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
