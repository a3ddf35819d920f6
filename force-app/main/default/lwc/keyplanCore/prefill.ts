/**
 * The new opportunity a whitespace cell offers (issue 19 part 5): what the standard create form is
 * prefilled with. Definitions in docs/DEFINITIONS.md ("New opportunity from a cell").
 */
import { CALENDAR_FISCAL_YEAR, fiscalYearOf, growthFrom, type FiscalYearSetting } from './figures';

/** Opportunity.Name holds 120 characters. */
export const OPPORTUNITY_NAME_LENGTH = 120;

/**
 * The last day of a fiscal year (ISO date). A year named by its start (or any calendar year) ends in
 * the next calendar year for a start month after January; one named by its end ends in that year.
 * @example fiscalYearEnd(2026, { startMonth: 4, namedBy: 'start' }) // '2027-03-31'
 */
export function fiscalYearEnd(fiscalYear: number, setting: FiscalYearSetting = CALENDAR_FISCAL_YEAR): string {
  const m = setting.startMonth;
  if (m <= 1) return `${fiscalYear}-12-31`;
  const startYear = setting.namedBy === 'start' ? fiscalYear : fiscalYear - 1;
  // Day 0 of the start month of the next fiscal year = the last day of the month before it.
  const end = new Date(Date.UTC(startYear + 1, m - 1, 0));
  return end.toISOString().slice(0, 10);
}

export interface CellPrefillInput {
  accountId: string;
  buyingCenter: { id: string; name: string };
  offering: { id: string; name: string };
  fiscalYear: number;
  setting?: FiscalYearSetting;
  /** The cell's potential this year (Landscape_Cell__c.Potential__c, Whitespace or Competitor), or null. */
  potential: number | null;
  /** Won and open pipeline already in the cell this year (the matrix's cell money). */
  won: number;
  pipeline: number;
  /** The first fiscal year the cell had won business (firstWonYears), if any. */
  firstWonOfCell: number | undefined;
}

/** The Opportunity fields the create form opens with. */
export interface OpportunityPrefill {
  AccountId: string;
  Name: string;
  Amount: number | null;
  CloseDate: string;
  Keyplan_Buying_Center__c: string;
  Keyplan_Offering__c: string;
  Keyplan_Growth_Type__c: 'Mining' | 'Farming';
}

/**
 * The remaining potential of a cell: its potential less what is already won or in open pipeline
 * there this year, never below 0; null when the cell has no potential (the amount is left blank).
 */
export function remainingPotential(potential: number | null, won: number, pipeline: number): number | null {
  if (potential === null || !Number.isFinite(potential)) return null;
  return Math.max(0, potential - won - pipeline);
}

/**
 * The new opportunity of a cell: name "offering - buying center - FY<year>" (cut to 120 characters),
 * amount the remaining potential, close date the last day of the fiscal year, the cell's buying center
 * and offering, and the growth type the deal would have (growthFrom: Mining when the cell had won
 * business in an earlier fiscal year, else Farming).
 */
export function newOpportunityPrefill(i: CellPrefillInput): OpportunityPrefill {
  const name = `${i.offering.name} - ${i.buyingCenter.name} - FY${i.fiscalYear}`;
  return {
    AccountId: i.accountId,
    Name: name.length > OPPORTUNITY_NAME_LENGTH ? `${name.slice(0, OPPORTUNITY_NAME_LENGTH - 1)}…` : name,
    Amount: remainingPotential(i.potential, i.won, i.pipeline),
    CloseDate: fiscalYearEnd(i.fiscalYear, i.setting),
    Keyplan_Buying_Center__c: i.buyingCenter.id,
    Keyplan_Offering__c: i.offering.id,
    Keyplan_Growth_Type__c: growthFrom(
      { growthType: null, buyingCenterId: i.buyingCenter.id, offeringId: i.offering.id },
      i.firstWonOfCell,
      i.fiscalYear
    )
  };
}

/** Plan_Action__c.Name holds 80 characters. */
export const PLAN_ACTION_NAME_LENGTH = 80;

/** Days from today a new plan action is due unless the caller says otherwise (docs/DEFINITIONS.md). */
export const PLAN_ACTION_DUE_DAYS = 14;

/** The ISO date `days` days after `today` (local calendar day, as the date input shows it). */
export function planActionDueDate(today: Date = new Date(), days: number = PLAN_ACTION_DUE_DAYS): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface PlanActionPrefillInput {
  /** The account plan the action belongs to (Plan_Action__c.Account_Plan__c, master-detail). */
  planId: string;
  /** What to do, in words ("Win over Carla Gruber (Detractor, Helicopters Europe)"). */
  subject: string;
  /** Who does it: the current user unless the caller chose someone. */
  ownerId?: string | null;
  /** When it is due (ISO date): today + PLAN_ACTION_DUE_DAYS unless given. */
  dueDate?: string | null;
  /** The person the action is about, named in the notes (a plan action has no contact field). */
  relatedContact?: { id: string; name: string } | null;
  /** Why: the gap, move or coverage issue that suggested it. */
  reason?: string | null;
  /** Today (tests). */
  today?: Date;
}

/** The Plan_Action__c fields the standard create form opens with. */
export interface PlanActionPrefill {
  Account_Plan__c: string;
  Name: string;
  Assigned_To__c: string | null;
  Due_Date__c: string;
  Status__c: 'Open';
  Notes__c: string | null;
}

/**
 * The new plan action every "create a plan action" opens (BANT gaps, next moves, the coverage worklist):
 * the plan of the year, the subject as its name (cut to 80 characters), owner the current user, due in
 * two weeks, status Open, and the reason (and the person it is about) in the notes.
 */
export function planActionPrefill(i: PlanActionPrefillInput): PlanActionPrefill {
  const subject = i.subject.trim().replace(/\s+/g, ' ');
  const notes = [i.reason?.trim(), i.relatedContact ? `About ${i.relatedContact.name}.` : '']
    .filter(Boolean)
    .join('\n');
  return {
    Account_Plan__c: i.planId,
    Name:
      subject.length > PLAN_ACTION_NAME_LENGTH
        ? `${subject.slice(0, PLAN_ACTION_NAME_LENGTH - 1)}…`
        : subject,
    Assigned_To__c: i.ownerId ?? null,
    Due_Date__c: i.dueDate || planActionDueDate(i.today),
    Status__c: 'Open',
    Notes__c: notes || null
  };
}

/** The fiscal year a plan action belongs to: the one its due date falls in (its plan is that year's). */
export function planActionFiscalYear(
  dueDate: string,
  setting: FiscalYearSetting = CALENDAR_FISCAL_YEAR
): number {
  return fiscalYearOf(dueDate, setting.startMonth, setting.namedBy);
}

/** The subject of a plan action created from a BANT gap: what to do, for which deal. */
export function bantGapSubject(
  gap: { code: string; dimension: 'budget' | 'authority' | 'need' | 'timing' },
  dealName: string
): string {
  if (gap.code === 'CLOSE_DATE_PASSED') return `Update the close date of ${dealName}`;
  if (gap.dimension === 'authority') return `Find the economic buyer for ${dealName}`;
  return `Write ${gap.dimension} evidence for ${dealName}`;
}

/** The subject of a plan action created from a coverage worklist item about a person. */
export function winOverSubject(person: {
  name: string;
  stance?: string | null;
  buyingCenterName?: string | null;
}): string {
  const about = [person.stance, person.buyingCenterName].filter(Boolean).join(', ');
  return about ? `Win over ${person.name} (${about})` : `Win over ${person.name}`;
}
