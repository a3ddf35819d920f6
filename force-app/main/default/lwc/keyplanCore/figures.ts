/**
 * The money figures a key account manager reads on every surface (plan summary, matrix, QBR and
 * landscape exports, twins), each computed by exactly one function here. docs/DEFINITIONS.md states
 * each definition in words and names the function; a surface that shows a figure calls it, it never
 * sums on its own.
 */
import type { CellState, GrowthType } from '@keyplan/contracts';

/** The org's fiscal year (Organization.FiscalYearStartMonth and UsesStartDateAsFiscalYearName). */
export interface FiscalYearSetting {
  /** 1-12: the month the fiscal year starts in. */
  startMonth: number;
  /**
   * Whether a fiscal year is named by the calendar year it starts in (`UsesStartDateAsFiscalYearName`
   * true) or ends in (Salesforce's default). Irrelevant when the year starts in January.
   */
  namedBy: 'start' | 'end';
}

/** A calendar fiscal year (January start): every org that never changed its fiscal year. */
export const CALENDAR_FISCAL_YEAR: FiscalYearSetting = Object.freeze({ startMonth: 1, namedBy: 'start' });

/** The setting from the two Organization fields as the DTOs carry them (blank = calendar year). */
export function fiscalYearSetting(
  startMonth: number | null | undefined,
  namedByStart: boolean | null | undefined
): FiscalYearSetting {
  const m = startMonth ?? 1;
  if (!Number.isInteger(m) || m < 1 || m > 12)
    throw new Error(`Fiscal year start month must be 1-12, got ${String(startMonth)}.`);
  return { startMonth: m, namedBy: namedByStart === false ? 'end' : 'start' };
}

/**
 * The fiscal year of an ISO date. With a start month other than January, a year named by its start
 * runs e.g. Apr 2025 - Mar 2026 = FY2025; named by its end, FY2026.
 */
export function fiscalYearOf(isoDate: string, startMonth = 1, namedBy: 'start' | 'end' = 'start'): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  if (startMonth <= 1) return year;
  const startYear = month >= startMonth ? year : year - 1;
  return namedBy === 'start' ? startYear : startYear + 1;
}

/**
 * The fiscal year today falls in under the org's setting: what a component shows when no year was
 * chosen (in an April org named by its end, February 2027 is still FY2027, May 2026 is FY2027 too).
 */
export function currentFiscalYear(
  setting: FiscalYearSetting = CALENDAR_FISCAL_YEAR,
  today = new Date()
): number {
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-01`;
  return fiscalYearOf(iso, setting.startMonth, setting.namedBy);
}

/** The corporate currency and the org's conversion rates (CurrencyType), when the org has several. */
export interface CurrencySetting {
  /** ISO code every sum is expressed in (the corporate currency, or the org's single currency). */
  code: string;
  /**
   * CurrencyType.ConversionRate by ISO code: units of that currency for one unit of `code`.
   * Empty or absent in a single-currency org (every amount is already in `code`).
   */
  rates?: Readonly<Record<string, number>> | null;
}

/** An opportunity as the figures need it (MatrixOpportunity and the plan summary rows fit). */
export interface Deal {
  id: string;
  name?: string;
  amount: number | null;
  probability: number | null;
  isClosed: boolean;
  isWon: boolean;
  closeDate: string;
  /** Opportunity.FiscalYear as the platform computed it; the close date decides when absent. */
  fiscalYear?: number | null;
  buyingCenterId?: string | null;
  offeringId?: string | null;
  growthType?: GrowthType | null;
  /** Opportunity.CurrencyIsoCode in a multi-currency org. */
  currencyIsoCode?: string | null;
}

/** Fiscal year of a deal: the platform's Opportunity.FiscalYear, else its close date under the setting. */
export function dealFiscalYear(deal: Deal, setting: FiscalYearSetting = CALENDAR_FISCAL_YEAR): number {
  return typeof deal.fiscalYear === 'number'
    ? deal.fiscalYear
    : fiscalYearOf(deal.closeDate, setting.startMonth, setting.namedBy);
}

/**
 * An amount in the corporate currency: amount / rate of its currency. A blank amount is 0. An amount
 * in a currency without a rate is refused (naming the record): summing it unconverted would be wrong.
 */
export function toCorporate(
  amount: number | null | undefined,
  isoCode: string | null | undefined,
  currency: CurrencySetting | null | undefined,
  what = 'An amount'
): number {
  const a = amount ?? 0;
  const rates = currency?.rates;
  if (!a || !rates || !isoCode || isoCode === currency.code) return a;
  const rate = Object.prototype.hasOwnProperty.call(rates, isoCode) ? rates[isoCode] : undefined;
  if (!rate || !(rate > 0))
    throw new Error(
      `${what} is in ${isoCode}, which has no conversion rate to ${currency.code}. Add the currency in Setup > Company Information > Currencies.`
    );
  return a / rate;
}

export type DealKind = 'won' | 'open' | 'lost';

/** Won (closed and won), open (not closed) or lost (closed, not won: carries no money anywhere). */
export function dealKind(deal: Pick<Deal, 'isClosed' | 'isWon'>): DealKind {
  return deal.isWon ? 'won' : deal.isClosed ? 'lost' : 'open';
}

/** Weighted pipeline of an open amount: amount x probability / 100 (blank probability = 0). */
export const weightedAmount = (amount: number, probability: number | null | undefined): number =>
  (amount * (probability ?? 0)) / 100;

/**
 * The money a deal adds: won = its amount when won; pipeline = its amount when open; weighted = its
 * amount x probability / 100 when open. Amounts in the corporate currency; blank amount or
 * probability count as 0. A lost deal adds nothing.
 */
export function dealMoney(
  deal: Deal,
  currency?: CurrencySetting | null
): { won: number; pipeline: number; weighted: number } {
  const kind = dealKind(deal);
  if (kind === 'lost') return { won: 0, pipeline: 0, weighted: 0 };
  const amount = dealAmount(deal, currency);
  if (kind === 'won') return { won: amount, pipeline: 0, weighted: 0 };
  return { won: 0, pipeline: amount, weighted: weightedAmount(amount, deal.probability) };
}

/** A deal's amount in the corporate currency (blank = 0). */
export function dealAmount(deal: Deal, currency?: CurrencySetting | null): number {
  return currency?.rates
    ? toCorporate(deal.amount, deal.currencyIsoCode, currency, `Opportunity ${deal.name ?? deal.id}`)
    : (deal.amount ?? 0);
}

/** The earliest won close date of one buying center x offering over the account's whole history. */
export interface WonHistory {
  buyingCenterId: string;
  offeringId: string;
  firstWonDate: string;
}

/** Key of a buying center x offering. */
export const cellKey = (buyingCenterId: string, offeringId: string): string =>
  `${buyingCenterId}|${offeringId}`;

/**
 * The first fiscal year each buying center x offering had won business, from the account's full
 * history (`history`, an aggregate over every won opportunity) and the deals at hand.
 */
export function firstWonYears(
  history: readonly WonHistory[] | null | undefined,
  deals: readonly Deal[],
  setting: FiscalYearSetting = CALENDAR_FISCAL_YEAR
): Map<string, number> {
  const first = new Map<string, number>();
  const note = (key: string, fy: number): void => {
    const had = first.get(key);
    if (had === undefined || fy < had) first.set(key, fy);
  };
  for (const h of history ?? [])
    note(
      cellKey(h.buyingCenterId, h.offeringId),
      fiscalYearOf(h.firstWonDate, setting.startMonth, setting.namedBy)
    );
  for (const d of deals)
    if (d.isWon && d.buyingCenterId && d.offeringId)
      note(cellKey(d.buyingCenterId, d.offeringId), dealFiscalYear(d, setting));
  return first;
}

/**
 * Mining grows existing business; Farming wins new buying centers or offerings. The rep's
 * Keyplan_Growth_Type__c decides when set. Otherwise a deal is Mining when its buying center x offering had
 * won business in an EARLIER fiscal year (any year of the account's history), and Farming when it
 * did not, including a deal not mapped to both a buying center and an offering.
 */
export function growthOf(deal: Deal, firstWon: ReadonlyMap<string, number>, fiscalYear: number): GrowthType {
  const first =
    deal.buyingCenterId && deal.offeringId
      ? firstWon.get(cellKey(deal.buyingCenterId, deal.offeringId))
      : undefined;
  return growthFrom(deal, first, fiscalYear);
}

/**
 * The rule of growthOf with the first won fiscal year of the deal's cell already looked up (the
 * matrix keeps it in a typed array).
 */
export function growthFrom(
  deal: Pick<Deal, 'growthType' | 'buyingCenterId' | 'offeringId'>,
  firstWonOfCell: number | undefined,
  fiscalYear: number
): GrowthType {
  if (deal.growthType === 'Mining' || deal.growthType === 'Farming') return deal.growthType;
  if (!deal.buyingCenterId || !deal.offeringId) return 'Farming';
  return firstWonOfCell !== undefined && firstWonOfCell < fiscalYear ? 'Mining' : 'Farming';
}

export type CellStatus = 'won' | 'active' | 'whitespace' | 'competitor' | 'not-applicable' | 'unassessed';

const STATUS_OF_STATE: Record<CellState, CellStatus> = {
  Whitespace: 'whitespace',
  Competitor: 'competitor',
  'Not Applicable': 'not-applicable',
  Unassessed: 'unassessed'
};

/**
 * What a cell shows for a year: won if any deal of the year is won; else active if any deal is open
 * (whatever its amount, even blank); else the assessed state (blank = Unassessed). Lost deals do
 * not count.
 */
export function cellStatus(
  state: CellState | string | null | undefined,
  hasWon: boolean,
  hasOpen: boolean
): CellStatus {
  if (hasWon) return 'won';
  if (hasOpen) return 'active';
  return state && Object.prototype.hasOwnProperty.call(STATUS_OF_STATE, state)
    ? STATUS_OF_STATE[state as CellState]
    : 'unassessed';
}

/** A landscape cell as the potential figures need it. */
export interface PotentialCell {
  state: CellState | string | null;
  potential: number | null;
  fiscalYear?: number;
  /** Landscape_Cell__c.CurrencyIsoCode in a multi-currency org. */
  currencyIsoCode?: string | null;
}

/**
 * Open whitespace potential = the cell's potential when its state is Whitespace; competitive
 * potential = when its state is Competitor. Decided by the state only (an open deal in the cell
 * does not remove it); Unassessed and Not Applicable cells count in neither.
 */
export function potentialOf(
  cell: PotentialCell,
  currency?: CurrencySetting | null
): { whitespace: number; competitive: number } {
  const counted = cell.state === 'Whitespace' || cell.state === 'Competitor';
  const p = counted
    ? toCorporate(cell.potential, cell.currencyIsoCode, currency, 'A landscape cell potential')
    : 0;
  return {
    whitespace: cell.state === 'Whitespace' ? p : 0,
    competitive: cell.state === 'Competitor' ? p : 0
  };
}

export interface GrowthFigures {
  won: number;
  pipeline: number;
}

/** Every money figure of one fiscal year of an account. */
export interface YearFigures {
  fiscalYear: number;
  /** The currency every figure is in. */
  currencyCode: string | null;
  won: number;
  pipeline: number;
  weightedPipeline: number;
  whitespacePotential: number;
  competitivePotential: number;
  mining: GrowthFigures;
  farming: GrowthFigures;
}

export interface YearInput {
  fiscalYear: number;
  /** Opportunities of the account (other years and lost deals are ignored). */
  opportunities: readonly Deal[];
  /** Landscape cells of the account (other years ignored when they carry fiscalYear). */
  cells: readonly PotentialCell[];
  /** The account's won history per buying center x offering (for mining vs farming). */
  wonHistory?: readonly WonHistory[] | null;
}

export interface FigureOptions {
  fiscalYear?: FiscalYearSetting;
  currency?: CurrencySetting | null;
}

/** The figures of one fiscal year: the one function behind every surface's won, pipeline and potential. */
export function summariseYear(input: YearInput, options: FigureOptions = {}): YearFigures {
  const setting = options.fiscalYear ?? CALENDAR_FISCAL_YEAR;
  const fy = input.fiscalYear;
  const out: YearFigures = {
    fiscalYear: fy,
    currencyCode: options.currency?.code ?? null,
    won: 0,
    pipeline: 0,
    weightedPipeline: 0,
    whitespacePotential: 0,
    competitivePotential: 0,
    mining: { won: 0, pipeline: 0 },
    farming: { won: 0, pipeline: 0 }
  };
  const firstWon = firstWonYears(input.wonHistory, input.opportunities, setting);
  for (const d of input.opportunities) {
    if (dealFiscalYear(d, setting) !== fy || dealKind(d) === 'lost') continue;
    const m = dealMoney(d, options.currency);
    out.won += m.won;
    out.pipeline += m.pipeline;
    out.weightedPipeline += m.weighted;
    const g = growthOf(d, firstWon, fy) === 'Mining' ? out.mining : out.farming;
    g.won += m.won;
    g.pipeline += m.pipeline;
  }
  for (const c of input.cells) {
    if (c.fiscalYear !== undefined && c.fiscalYear !== fy) continue;
    const p = potentialOf(c, options.currency);
    out.whitespacePotential += p.whitespace;
    out.competitivePotential += p.competitive;
  }
  return out;
}

/** The org settings as every DTO carries them (OrgFigureSettings). */
export interface OrgFigureFields {
  fiscalYearStartMonth?: number | null;
  fiscalYearNamedByStart?: boolean | null;
  currencyCode?: string | null;
  conversionRates?: readonly { isoCode: string; rate: number }[] | null;
}

/** FigureOptions from the settings a DTO carries: how every surface turns the org's data into figures. */
export function figureOptions(org: OrgFigureFields): Required<FigureOptions> {
  // Apex omits null properties: a missing field reads as the calendar year / single currency.
  const list = org.conversionRates ?? [];
  const rates: Record<string, number> = {};
  for (const r of list) rates[r.isoCode] = r.rate;
  return {
    fiscalYear: fiscalYearSetting(org.fiscalYearStartMonth, org.fiscalYearNamedByStart),
    currency: org.currencyCode ? { code: org.currencyCode, rates: list.length ? rates : null } : null
  };
}
