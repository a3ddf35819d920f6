/**
 * Matrix phase 1, collect: one pass over the opportunities into typed arrays (fiscal year, input row
 * and column, value, measure, mining or farming), then the money of every placed deal and assessed
 * cell into one array per measure (matrixMoney.ts), indexed year * nCells + row * nCols + col.
 */
import type { LandscapeCellDto, MatrixOpportunity } from '@keyplan/contracts';
import {
  cellKey,
  dealAmount,
  dealKind,
  firstWonYears,
  fiscalYearOf,
  growthFrom,
  potentialOf,
  weightedAmount,
  type CurrencySetting,
  type FiscalYearSetting,
  type WonHistory
} from './figures';
import {
  DEAL_LOST,
  DEAL_OPEN,
  DEAL_WON,
  MEASURE_KEYS,
  MEASURE_OF_DEAL,
  MEASURE_OF_POTENTIAL,
  measureArrays,
  zeroMoney,
  type MeasureArrays,
  type Money3
} from './matrixMoney';

/** No id on the opportunity. */
export const NONE = -1;
/** An id that is not in the input. */
export const UNKNOWN = -2;

/** Year of an ISO date without slicing strings (the hot loop sees 50,000 of them). */
export function fastFiscalYear(d: string, startMonth: number, namedBy: 'start' | 'end'): number {
  const c0 = d.charCodeAt(0) - 48;
  const c1 = d.charCodeAt(1) - 48;
  const c2 = d.charCodeAt(2) - 48;
  const c3 = d.charCodeAt(3) - 48;
  if (d.length < 7 || d.charCodeAt(4) !== 45 || (c0 | c1 | c2 | c3) >>> 0 > 9)
    return fiscalYearOf(d, startMonth, namedBy);
  const year = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
  if (startMonth <= 1) return year;
  const month = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  const startYear = month >= startMonth ? year : year - 1;
  return namedBy === 'start' ? startYear : startYear + 1;
}

export interface CollectInput {
  buyingCenterIds: readonly string[];
  offeringIds: readonly string[];
  fiscalYears: readonly number[];
  opportunities: readonly MatrixOpportunity[];
  cells: readonly LandscapeCellDto[];
  wonHistory?: readonly WonHistory[] | null;
  setting: FiscalYearSetting;
  weighted: boolean;
  currency?: CurrencySetting | null;
  focusYear: number | undefined;
}

/** Per opportunity (typed arrays, by opportunity index) and per input row/column. */
export interface Collected {
  bcInput: Map<string, number>;
  offInput: Map<string, number>;
  /** Input index of the buying center / offering, NONE or UNKNOWN. */
  oppBc: Int32Array;
  oppOff: Int32Array;
  oppFy: Int32Array;
  oppValue: Float64Array;
  /** The measure the deal feeds (MEASURE_OF_DEAL), -1 for none (e.g. lost deals). */
  oppMeasure: Int8Array;
  /** 0 open, 1 won, 2 lost. */
  oppKind: Uint8Array;
  oppMining: Uint8Array;
  /** Input rows / columns with money in the focus year (shown even when inactive). */
  usedBc: Uint8Array;
  usedOff: Uint8Array;
  /** Every year asked for or closed in, ascending. */
  years: number[];
}

export function collectDeals(input: CollectInput): Collected {
  // Local copies: module bindings read through a getter in some loaders (the bench's), in a 50,000 loop.
  const [OPEN, WON, LOST] = [DEAL_OPEN, DEAL_WON, DEAL_LOST] as const;
  const measureOfDeal = MEASURE_OF_DEAL;
  const { startMonth, namedBy } = input.setting;
  const { focusYear, opportunities: opps } = input;
  const nOpps = opps.length;
  const bcInput = new Map<string, number>();
  input.buyingCenterIds.forEach((id, i) => {
    if (!bcInput.has(id)) bcInput.set(id, i);
  });
  const offInput = new Map<string, number>();
  input.offeringIds.forEach((id, i) => {
    if (!offInput.has(id)) offInput.set(id, i);
  });
  const oppBc = new Int32Array(nOpps);
  const oppOff = new Int32Array(nOpps);
  const oppFy = new Int32Array(nOpps);
  const oppValue = new Float64Array(nOpps);
  const oppMeasure = new Int8Array(nOpps).fill(-1);
  const oppMining = new Uint8Array(nOpps);
  const oppKind = new Uint8Array(nOpps);
  const usedBc = new Uint8Array(input.buyingCenterIds.length);
  const usedOff = new Uint8Array(input.offeringIds.length);
  const yearSet = new Set<number>(input.fiscalYears);
  let lastFy = NaN;
  for (let i = 0; i < nOpps; i++) {
    const o = opps[i];
    // The platform's Opportunity.FiscalYear when the row carries it (dealFiscalYear), else the close date.
    const fy =
      typeof o.fiscalYear === 'number' ? o.fiscalYear : fastFiscalYear(o.closeDate, startMonth, namedBy);
    oppFy[i] = fy;
    if (fy !== lastFy) yearSet.add((lastFy = fy));
    const kind = dealKind(o);
    oppKind[i] = kind === 'open' ? OPEN : kind === 'won' ? WON : LOST;
    // A won or open deal of the focus year makes an inactive row or column visible; a lost one does not.
    const counts = kind !== 'lost' && (focusYear === undefined || fy === focusYear);
    const bcId = o.buyingCenterId;
    const b = bcId ? (bcInput.get(bcId) ?? UNKNOWN) : NONE;
    oppBc[i] = b;
    if (b >= 0 && counts) usedBc[b] = 1;
    const offId = o.offeringId;
    const k = offId ? (offInput.get(offId) ?? UNKNOWN) : NONE;
    oppOff[i] = k;
    if (k >= 0 && counts) usedOff[k] = 1;
  }
  // Mining vs farming (growthFrom) from the account's whole won history, not from the years shown:
  // the first won fiscal year per buying center x offering, by input index (ids outside the input
  // fall back to the id-keyed map of firstWonYears).
  const nOffIn = input.offeringIds.length;
  const firstWon = new Int32Array(input.buyingCenterIds.length * nOffIn).fill(0x7fffffff);
  let outside: Map<string, number> | null = null;
  for (const h of input.wonHistory ?? []) {
    const b = bcInput.get(h.buyingCenterId);
    const k = offInput.get(h.offeringId);
    if (b === undefined || k === undefined) continue;
    const fy = fiscalYearOf(h.firstWonDate, startMonth, namedBy);
    if (fy < firstWon[b * nOffIn + k]) firstWon[b * nOffIn + k] = fy;
  }
  for (let i = 0; i < nOpps; i++)
    if (oppKind[i] === WON && oppBc[i] >= 0 && oppOff[i] >= 0) {
      const at = oppBc[i] * nOffIn + oppOff[i];
      if (oppFy[i] < firstWon[at]) firstWon[at] = oppFy[i];
    }
  for (let i = 0; i < nOpps; i++) {
    const kind = oppKind[i];
    oppMeasure[i] = measureOfDeal[kind];
    const o = opps[i];
    const amount = dealAmount(o, input.currency);
    if (kind === LOST) {
      oppValue[i] = amount;
      continue;
    }
    let first: number | undefined;
    if (oppBc[i] >= 0 && oppOff[i] >= 0) {
      const f = firstWon[oppBc[i] * nOffIn + oppOff[i]];
      first = f === 0x7fffffff ? undefined : f;
    } else if (oppBc[i] === UNKNOWN || oppOff[i] === UNKNOWN) {
      outside ??= firstWonYears(input.wonHistory, opps, input.setting);
      if (o.buyingCenterId && o.offeringId) first = outside.get(cellKey(o.buyingCenterId, o.offeringId));
    }
    oppMining[i] = growthFrom(o, first, oppFy[i]) === 'Mining' ? 1 : 0;
    oppValue[i] = kind === WON || !input.weighted ? amount : weightedAmount(amount, o.probability);
  }
  for (const c of input.cells) {
    if (focusYear !== undefined && c.fiscalYear !== focusYear) continue;
    const p = potentialOf(c, input.currency);
    if (!p.whitespace && !p.competitive) continue;
    const b = bcInput.get(c.buyingCenterId);
    const k = offInput.get(c.offeringId);
    if (b !== undefined) usedBc[b] = 1;
    if (k !== undefined) usedOff[k] = 1;
  }
  const years = [...yearSet].sort((a, b) => a - b);
  return {
    bcInput,
    offInput,
    oppBc,
    oppOff,
    oppFy,
    oppValue,
    oppMeasure,
    oppKind,
    oppMining,
    usedBc,
    usedOff,
    years
  };
}

/** Per year x cell: which kinds of deal it holds (cellStatus). */
export const HAS_WON = 1;
export const HAS_OPEN = 2;

export type UnmappedReason =
  'no-buying-center' | 'no-offering' | 'unknown-buying-center' | 'unknown-offering';

export interface UnmappedOpportunity {
  opportunityId: string;
  fiscalYear: number;
  reason: UnmappedReason;
}

/** The money of one year of the matrix, per measure, after the deals and cells were placed. */
export interface Placed {
  /** MEASURES order; index year * nCells + row * nCols + col. */
  money: MeasureArrays;
  /** HAS_WON | HAS_OPEN per index. */
  dealsAt: Uint8Array;
  /** Index into input.cells of the assessed cell at each index, -1 for none. */
  landscapeAt: Int32Array;
  /** Per year: the cell indexes (row * nCols + col) with whitespace or competitive potential, ascending, once each. */
  potentialCells: number[][];
  /** Per year, parallel to potentialCells: the cell's whitespace + competitive potential, and its competitive part. */
  potentialAmounts: number[][];
  competitiveAmounts: number[][];
  /** Opportunity ids per index as linked lists in opportunity order (head/next, -1 ends). */
  head: Int32Array;
  next: Int32Array;
  unmappedList: UnmappedOpportunity[];
  /** Per year. */
  unmapped: (Money3 & { opportunityIds: string[] })[];
  /** Per year, the same unmapped money by the opportunity's account ('' when it names none). */
  unmappedByAccount: Record<string, Money3>[];
  /** [won, pipeline] per year. */
  mining: Float64Array;
  farming: Float64Array;
}

export interface PlaceGrid {
  years: readonly number[];
  rowOfInput: Int32Array;
  colOfInput: Int32Array;
  nCols: number;
  nCells: number;
}

/** Places every deal and assessed cell's money into the measure arrays (or the unmapped bucket). */
export function placeMoney(
  c: Collected,
  grid: PlaceGrid,
  opps: readonly MatrixOpportunity[],
  cells: readonly LandscapeCellDto[],
  currency: CurrencySetting | null | undefined
): Placed {
  const { years, rowOfInput, colOfInput, nCols, nCells } = grid;
  const [OPEN, WON, LOST] = [DEAL_OPEN, DEAL_WON, DEAL_LOST] as const;
  const [hasWon, hasOpen] = [HAS_WON, HAS_OPEN];
  const nYears = years.length;
  const N = nYears * nCells;
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const money = measureArrays(N);
  const dealsAt = new Uint8Array(N);
  const landscapeAt = new Int32Array(N).fill(-1);
  const potentialCells: number[][] = years.map(() => []);
  const WS = MEASURE_OF_POTENTIAL.whitespace;
  const CP = MEASURE_OF_POTENTIAL.competitive;
  cells.forEach((cell, i) => {
    const y = yearIndex.get(cell.fiscalYear);
    const b = c.bcInput.get(cell.buyingCenterId);
    const o = c.offInput.get(cell.offeringId);
    if (y === undefined || b === undefined || o === undefined) return;
    const r = rowOfInput[b];
    const k = colOfInput[o];
    if (r < 0 || k < 0) return;
    const at = y * nCells + r * nCols + k;
    landscapeAt[at] = i;
    const p = potentialOf(cell, currency);
    if (WS >= 0) money[WS][at] = p.whitespace;
    if (CP >= 0) money[CP][at] = p.competitive;
    if (p.whitespace > 0 || p.competitive > 0) potentialCells[y].push(r * nCols + k);
  });
  const potentialAmounts: number[][] = years.map(() => []);
  const competitiveAmounts: number[][] = years.map(() => []);
  potentialCells.forEach((list, y) => {
    list.sort((a, b) => a - b);
    const kept: number[] = [];
    for (const i of list) {
      if (kept.length && kept[kept.length - 1] === i) continue; // a duplicate landscape row
      const at = y * nCells + i;
      const comp = CP >= 0 ? money[CP][at] : 0;
      const amount = (WS >= 0 ? money[WS][at] : 0) + comp;
      if (amount <= 0) continue;
      kept.push(i);
      potentialAmounts[y].push(amount);
      competitiveAmounts[y].push(comp);
    }
    potentialCells[y] = kept;
  });

  const head = new Int32Array(N).fill(-1);
  const tail = new Int32Array(N).fill(-1);
  const next = new Int32Array(opps.length).fill(-1);
  const unmappedList: UnmappedOpportunity[] = [];
  const unmapped = years.map(() => ({ ...zeroMoney(), opportunityIds: [] as string[] }));
  const unmappedByAccount = years.map(() => ({}) as Record<string, Money3>);
  const mining = new Float64Array(nYears * 2);
  const farming = new Float64Array(nYears * 2);
  let lastFy = NaN;
  let y = -1;
  for (let i = 0; i < opps.length; i++) {
    const m = c.oppMeasure[i];
    if (m < 0) continue;
    if (c.oppFy[i] !== lastFy) y = yearIndex.get((lastFy = c.oppFy[i])) as number;
    const value = c.oppValue[i];
    const kind = c.oppKind[i];
    const b = c.oppBc[i];
    const k = c.oppOff[i];
    const r = b >= 0 ? rowOfInput[b] : -1;
    const col = k >= 0 ? colOfInput[k] : -1;
    if (r < 0 || col < 0) {
      const reason: UnmappedReason =
        b === NONE
          ? 'no-buying-center'
          : k === NONE
            ? 'no-offering'
            : b === UNKNOWN || r < 0
              ? 'unknown-buying-center'
              : 'unknown-offering';
      const id = opps[i].id;
      unmappedList.push({ opportunityId: id, fiscalYear: c.oppFy[i], reason });
      const u = unmapped[y];
      u[MEASURE_KEYS[m]] += value;
      u.opportunityIds.push(id);
      const acc = opps[i].accountId ?? '';
      const byAcc = unmappedByAccount[y];
      const ua = byAcc[acc] || (byAcc[acc] = zeroMoney());
      ua[MEASURE_KEYS[m]] += value;
    } else {
      const at = y * nCells + r * nCols + col;
      money[m][at] += value;
      if (kind === WON) dealsAt[at] |= hasWon;
      else if (kind === OPEN) dealsAt[at] |= hasOpen;
      if (head[at] < 0) head[at] = i;
      else next[tail[at]] = i;
      tail[at] = i;
    }
    if (kind === LOST) continue;
    const g = c.oppMining[i] ? mining : farming;
    g[y * 2 + (kind === WON ? 0 : 1)] += value;
  }
  return {
    money,
    dealsAt,
    landscapeAt,
    potentialCells,
    potentialAmounts,
    competitiveAmounts,
    head,
    next,
    unmappedList,
    unmapped,
    unmappedByAccount,
    mining,
    farming
  };
}
