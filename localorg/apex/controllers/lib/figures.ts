/**
 * Twin of KeyplanFigures.cls: the org's fiscal year and currency settings, the account's won history
 * and the record currencies, sent with the rows so keyplanCore computes the figures.
 */
import type {
  LandscapeCellDto,
  MatrixOpportunity,
  OrgFigureSettings,
  SalesStageDto,
  WonHistoryDto
} from '../../../../src/contracts';
import type { ApexContext } from '../../registry';
import { LIMITS, OpportunitySelector, OrgSettingsSelector } from './selectors';
import { num } from './twin';

/** KeyplanFigures.settings */
export function figureSettings(ctx: ApexContext): OrgFigureSettings {
  const org = OrgSettingsSelector.fiscalYear(ctx);
  const out: OrgFigureSettings = {
    fiscalYearStartMonth: num(org?.FiscalYearStartMonth) ?? 1,
    fiscalYearNamedByStart: org?.UsesStartDateAsFiscalYearName === true,
    // UserInfo.getDefaultCurrency(): the org's currency in a single-currency org.
    currencyCode: ctx.org.corporateCurrency(),
    conversionRates: []
  };
  for (const row of OrgSettingsSelector.conversionRates(ctx)) {
    const isoCode = String(row.IsoCode);
    if (row.IsCorporate === true) out.currencyCode = isoCode;
    out.conversionRates.push({ isoCode, rate: Number(row.ConversionRate) });
  }
  return out;
}

/** KeyplanFigures.salesStages */
export function salesStages(ctx: ApexContext): SalesStageDto[] {
  return OrgSettingsSelector.salesStages(ctx).map((s) => ({
    name: String(s.ApiName),
    sortOrder: num(s.SortOrder) ?? 0,
    isActive: s.IsActive === true,
    isClosed: s.IsClosed === true
  }));
}

/** KeyplanFigures.wonHistory */
export function wonHistory(ctx: ApexContext, accountIds: string[]): WonHistoryDto[] {
  return OpportunitySelector.firstWonByCell(ctx, accountIds, LIMITS.MAX_WON_HISTORY).map((r) => ({
    buyingCenterId: String(r.Keyplan_Buying_Center__c),
    offeringId: String(r.Keyplan_Offering__c),
    firstWonDate: String(r.firstWonDate)
  }));
}

/** KeyplanFigures.stampCurrencies */
export function stampCurrencies(
  ctx: ApexContext,
  opportunities: MatrixOpportunity[],
  cells: LandscapeCellDto[]
): void {
  if (!OrgSettingsSelector.isMultiCurrency(ctx)) return;
  const opp = OrgSettingsSelector.currencyCodes(
    ctx,
    'Opportunity',
    opportunities.map((o) => o.id)
  );
  for (const o of opportunities) o.currencyIsoCode = opp.get(o.id) ?? null;
  const cell = OrgSettingsSelector.currencyCodes(
    ctx,
    'Landscape_Cell__c',
    cells.map((c) => c.id)
  );
  for (const c of cells) c.currencyIsoCode = cell.get(c.id) ?? null;
}
