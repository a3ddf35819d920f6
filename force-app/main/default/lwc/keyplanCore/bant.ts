/**
 * BANT qualification: the score (identical to the Keyplan_BANT_Score__c formula, so reports and the panel
 * agree) and the gaps an account manager should act on.
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

export type BantGapCode =
  | 'BUDGET_MISSING'
  | 'AUTHORITY_MISSING'
  | 'NEED_MISSING'
  | 'TIMING_MISSING'
  | 'NO_AUTHORITY_CONTACT'
  | 'TIMING_UNKNOWN_CLOSE_SOON'
  | 'BUDGET_UNCONFIRMED_LATE_STAGE'
  | 'NEED_NOT_CONFIRMED_AT_PROPOSAL'
  | 'CLOSE_DATE_PASSED';

export interface BantGap {
  code: BantGapCode;
  dimension: BantDimension;
  severity: 'error' | 'warning';
  message: string;
}

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

type GapInput = Pick<BantOpportunity, 'name' | 'stageName' | 'probability' | 'closeDate' | 'contactRoles'> &
  BantStatuses & { isClosed?: boolean };

/** Gaps an account manager should act on for one open opportunity, most severe first. */
export function bantGaps(o: GapInput, options: BantGapOptions = {}): BantGap[] {
  if (o.isClosed) return [];
  const today = options.today ?? new Date();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const position = stagePosition(o.stageName, options.stages);
  const late = position > LATE_STAGE_POSITION;
  const gaps: BantGap[] = [];
  // Missing means "we know it is absent" (docs/DATA_MODEL.md): a red gap at any stage.
  const statuses: Record<BantDimension, string | null> = {
    budget: o.budgetStatus,
    authority: o.authorityStatus,
    need: o.needStatus,
    timing: o.timingStatus
  };
  for (const d of BANT_DIMENSIONS)
    if (statuses[d] === 'Missing')
      gaps.push({
        code: `${d.toUpperCase()}_MISSING` as BantGapCode,
        dimension: d,
        severity: 'error',
        message: `${o.name}: ${d} is known to be missing.`
      });
  const daysToClose = -daysBetween(o.closeDate, today);

  if (daysToClose < 0) {
    gaps.push({
      code: 'CLOSE_DATE_PASSED',
      dimension: 'timing',
      severity: 'error',
      message: `${o.name}: the close date ${o.closeDate} is ${-daysToClose} days in the past. Update it or close the opportunity.`
    });
  }
  const authority = o.contactRoles.some(
    (r) => r.buyerRole === 'Economic Buyer' || r.decisionRole === 'Decision Maker'
  );
  if (!authority) {
    gaps.push({
      code: 'NO_AUTHORITY_CONTACT',
      dimension: 'authority',
      severity: late ? 'error' : 'warning',
      message: `${o.name}: no economic buyer or decision maker among the contact roles.`
    });
  }
  const window = getSetting(settings, 'BANT_Timing_Window_Days');
  if (daysToClose >= 0 && daysToClose <= window && (o.timingStatus ?? 'Unknown') === 'Unknown') {
    gaps.push({
      code: 'TIMING_UNKNOWN_CLOSE_SOON',
      dimension: 'timing',
      severity: 'warning',
      message: `${o.name}: closes in ${daysToClose} days but timing is unknown. Confirm the date and the compelling event.`
    });
  }
  const budget = o.budgetStatus ?? 'Unknown';
  if (late && budget === 'Unknown') {
    gaps.push({
      code: 'BUDGET_UNCONFIRMED_LATE_STAGE',
      dimension: 'budget',
      severity: 'warning',
      message: `${o.name}: in ${o.stageName} the budget is still unknown.`
    });
  }
  const atProposal = position > PROPOSAL_STAGE_POSITION;
  if (atProposal && o.needStatus !== 'Confirmed' && o.needStatus !== 'Missing') {
    gaps.push({
      code: 'NEED_NOT_CONFIRMED_AT_PROPOSAL',
      dimension: 'need',
      severity: 'warning',
      message: `${o.name}: in ${o.stageName} but the need is not confirmed by the customer.`
    });
  }
  const rank = { error: 0, warning: 1 };
  return gaps.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
