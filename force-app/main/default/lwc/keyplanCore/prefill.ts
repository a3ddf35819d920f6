/**
 * The new opportunity a whitespace cell offers (issue 19 part 5): what the standard create form is
 * prefilled with. Definitions in docs/DEFINITIONS.md ("New opportunity from a cell").
 */
import { CALENDAR_FISCAL_YEAR, growthFrom, type FiscalYearSetting } from './figures';

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
