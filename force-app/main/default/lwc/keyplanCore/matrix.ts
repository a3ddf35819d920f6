/**
 * The whitespace matrix: buying centers (nested) x offerings x fiscal years, filled live from
 * opportunities and from the assessed landscape cells. Money is never dropped: an opportunity that
 * cannot be placed in a cell goes to the unmapped bucket with the reason.
 *
 * Built in named phases, each in its own module: collect (matrixCollect: deals and cells into one
 * array per money measure), rows (matrixRows), roll up and totals (matrixRollup), status and
 * year-over-year (matrixYear). The measures are one list (matrixMoney.MEASURES).
 */
import type {
  LandscapeCellDto,
  MatrixBuyingCenter,
  MatrixOffering,
  MatrixOpportunity,
  PlanGoals
} from '@keyplan/contracts';
import {
  CALENDAR_FISCAL_YEAR,
  type CurrencySetting,
  type FiscalYearSetting,
  type WonHistory
} from './figures';
import { collectDeals, placeMoney, type UnmappedOpportunity } from './matrixCollect';
import { MEASURE_KEYS, type MeasureArrays, type Money3 } from './matrixMoney';
import { rollUp, yearTotals, type RowTotal } from './matrixRollup';
import { shownColumns, treeRows, type MatrixRow } from './matrixRows';
import { yearCells, type MatrixCell } from './matrixYear';

export type { UnmappedOpportunity, UnmappedReason } from './matrixCollect';
export { MEASURES, MEASURE_KEYS, addMoney, zeroMoney } from './matrixMoney';
export type { Measure, Money3 } from './matrixMoney';
export type { RowTotal } from './matrixRollup';
export type { MatrixRow } from './matrixRows';
export { yearChange } from './matrixYear';
export type { MatrixCell, YearChange } from './matrixYear';

export interface GrowthSplit {
  won: number;
  pipeline: number;
}

export interface MatrixYear {
  fiscalYear: number;
  /** Row-major: cells[rowIndex * columns.length + columnIndex]. */
  cells: MatrixCell[];
  /**
   * The rolled money of every cell as plain arrays (`moneyAt(arrays, offset + i)` is `cells[i].rolled`
   * without building the cell, which is built when first read): sums over many cells read this, e.g. company
   * subtotals. Absent on hand-built years, where `cells[i].rolled` is read.
   */
  rolledMoney?: { arrays: MeasureArrays; offset: number };
  /** Per row: own cells summed and rolled (own + children) with the buying center's sales goal. */
  rowTotals: RowTotal[];
  /** The fiscal year cells compare with (the previous one, when it has deals); null: no prior year. */
  comparedWith: number | null;
  /** The year has ended: cells compare won with won; else won + open pipeline with last year's won. */
  closed: boolean;
  /** Indexes into `cells` of the cells with whitespace or competitive potential, ascending (next moves). */
  potentialCells: number[];
  /** Parallel to potentialCells: whitespace + competitive potential, and the competitive part. */
  potentialAmounts: number[];
  competitiveAmounts: number[];
  columnTotals: Money3[];
  unmapped: Money3 & { opportunityIds: string[] };
  /** The same unmapped money by the opportunity's account ('' when it names none): company subtotals. */
  unmappedByAccount: Record<string, Money3>;
  /** Everything, unmapped included. */
  grandTotal: Money3;
  goal: number | null;
  mining: GrowthSplit & { goal: number | null };
  farming: GrowthSplit & { goal: number | null };
}

export interface WhitespaceMatrix {
  rows: MatrixRow[];
  columns: MatrixOffering[];
  years: MatrixYear[];
  unmapped: UnmappedOpportunity[];
  /** Buying centers whose parent chain loops; they were shown as top-level rows. */
  repairedBuyingCenters: string[];
}

export interface MatrixInput {
  fiscalYears: readonly number[];
  buyingCenters: readonly MatrixBuyingCenter[];
  offerings: readonly MatrixOffering[];
  cells: readonly LandscapeCellDto[];
  opportunities: readonly MatrixOpportunity[];
  plan: PlanGoals | null;
  /** The account's first won close date per buying center x offering over its whole history. */
  wonHistory?: readonly WonHistory[] | null;
}

export interface MatrixOptions {
  /** Weight open pipeline by probability (amount x probability / 100). */
  weighted?: boolean;
  /** The org's fiscal year, for opportunities that do not carry the platform's FiscalYear. */
  fiscalYear?: FiscalYearSetting;
  /** @deprecated use `fiscalYear`: 1-12; 1 (default) means fiscal year = calendar year of the close date. */
  fiscalYearStartMonth?: number;
  /** @deprecated use `fiscalYear`. */
  fiscalYearNamedBy?: 'start' | 'end';
  /** Corporate currency and rates: every amount is converted before it is summed. */
  currency?: CurrencySetting | null;
  /**
   * The year whose money decides which inactive buying centers and offerings are shown (default: the
   * last of `fiscalYears`, i.e. the year asked for).
   */
  focusYear?: number;
  /** Show inactive buying centers and offerings even without money (default: only when they carry money). */
  includeInactive?: boolean;
  /** Decides which fiscal years have closed (year over year); default now. */
  today?: Date;
}

/** Whether fiscal year `fy` has ended by `today` under the org's fiscal year setting. */
export function fiscalYearClosed(fy: number, setting: FiscalYearSetting, today: Date): boolean {
  const startYear = setting.namedBy === 'end' && setting.startMonth > 1 ? fy - 1 : fy;
  return today.getTime() >= Date.UTC(startYear + 1, setting.startMonth - 1, 1);
}

/**
 * Builds the matrix. Years shown are `fiscalYears` plus every year an opportunity closes in, sorted;
 * earlier years still inform the mining/farming inference.
 */
export function buildMatrix(input: MatrixInput, options: MatrixOptions = {}): WhitespaceMatrix {
  const setting: FiscalYearSetting = options.fiscalYear ?? {
    startMonth: options.fiscalYearStartMonth ?? CALENDAR_FISCAL_YEAR.startMonth,
    namedBy: options.fiscalYearNamedBy ?? CALENDAR_FISCAL_YEAR.namedBy
  };
  const focusYear =
    options.focusYear ?? (input.fiscalYears.length ? Math.max(...input.fiscalYears) : undefined);
  const includeInactive = !!options.includeInactive;

  // 1. Collect: one pass over the opportunities.
  const collected = collectDeals({
    buyingCenterIds: input.buyingCenters.map((b) => b.id),
    offeringIds: input.offerings.map((o) => o.id),
    fiscalYears: input.fiscalYears,
    opportunities: input.opportunities,
    cells: input.cells,
    wonHistory: input.wonHistory,
    setting,
    weighted: !!options.weighted,
    currency: options.currency,
    focusYear
  });
  const { years } = collected;

  // 2. Rows (tree order) and columns.
  const columns = shownColumns(input.offerings, collected.offInput, collected.usedOff, includeInactive);
  const { rows, repairedBuyingCenters } = treeRows(
    input.buyingCenters,
    collected.bcInput,
    collected.usedBc,
    includeInactive
  );
  const nRows = rows.length;
  const nCols = columns.length;
  const nCells = nRows * nCols;
  const rowOfInput = new Int32Array(input.buyingCenters.length).fill(-1);
  rows.forEach((r, i) => {
    rowOfInput[collected.bcInput.get(r.buyingCenter.id) as number] = i;
  });
  const colOfInput = new Int32Array(input.offerings.length).fill(-1);
  columns.forEach((c, i) => {
    colOfInput[collected.offInput.get(c.id) as number] = i;
  });
  const rowIndex = new Map(rows.map((r, i) => [r.buyingCenter.id, i]));
  const childRows: Int32Array[] = rows.map((r) =>
    Int32Array.from(r.childIds, (id) => rowIndex.get(id) as number)
  );

  // Place every deal and assessed cell's money per measure.
  const placed = placeMoney(
    collected,
    { years, rowOfInput, colOfInput, nCols, nCells },
    input.opportunities,
    input.cells,
    options.currency
  );

  // 3. Roll up sub-centers into their parents.
  const rolled = rollUp(placed.money, placed.dealsAt, childRows, years.length, nCols);

  const goals = rows.map((r) => r.buyingCenter.salesGoal ?? null);
  const wonIndex = MEASURE_KEYS.indexOf('won');
  const pipelineIndex = MEASURE_KEYS.indexOf('pipeline');
  const today = options.today ?? new Date();
  const totalsOf = years.map((_, y) =>
    yearTotals(placed.money, y, childRows, goals, nCols, placed.unmapped[y])
  );
  const yearsOut: MatrixYear[] = years.map((fy, y) => {
    // 4. Totals.
    const totals = totalsOf[y];
    // A prior year without any deal is no prior year: its cells would all read "new business".
    const prior = y > 0 && years[y - 1] === fy - 1 ? totalsOf[y - 1].grandTotal : null;
    const compare = !!prior && prior.won + prior.pipeline > 0;
    const closed = fiscalYearClosed(fy, setting, today);
    const plan = input.plan && input.plan.fiscalYear === fy ? input.plan : null;
    return {
      fiscalYear: fy,
      // 5 and 6. Status and year-over-year, per cell when it is read.
      cells: yearCells({
        y,
        compare,
        closed,
        nCells,
        placed,
        rolled,
        cells: input.cells,
        opportunities: input.opportunities,
        wonIndex,
        pipelineIndex,
        potentialIndex: MEASURE_KEYS.indexOf('potential'),
        competitiveIndex: MEASURE_KEYS.indexOf('competitive')
      }),
      rolledMoney: { arrays: rolled.money, offset: y * nCells },
      ...totals,
      comparedWith: compare ? fy - 1 : null,
      closed,
      potentialCells: placed.potentialCells[y],
      potentialAmounts: placed.potentialAmounts[y],
      competitiveAmounts: placed.competitiveAmounts[y],
      unmapped: placed.unmapped[y],
      unmappedByAccount: placed.unmappedByAccount[y],
      goal: plan?.revenueGoal ?? null,
      mining: {
        won: placed.mining[y * 2],
        pipeline: placed.mining[y * 2 + 1],
        goal: plan?.miningGoal ?? null
      },
      farming: {
        won: placed.farming[y * 2],
        pipeline: placed.farming[y * 2 + 1],
        goal: plan?.farmingGoal ?? null
      }
    };
  });

  return { rows, columns, years: yearsOut, unmapped: placed.unmappedList, repairedBuyingCenters };
}

export function cellAt(
  matrix: WhitespaceMatrix,
  fiscalYear: number,
  buyingCenterId: string,
  offeringId: string
): MatrixCell | undefined {
  const year = matrix.years.find((y) => y.fiscalYear === fiscalYear);
  const r = matrix.rows.findIndex((row) => row.buyingCenter.id === buyingCenterId);
  const k = matrix.columns.findIndex((c) => c.id === offeringId);
  if (!year || r < 0 || k < 0) return undefined;
  return year.cells[r * matrix.columns.length + k];
}
