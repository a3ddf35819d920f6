/**
 * Matrix phases 5 and 6, status and year-over-year: the cells of one year, built lazily (a 300 x 60 x 3
 * matrix has 54,000 cells but a virtualised grid shows a few hundred), each with its status
 * (cellStatus) and its change against the previous fiscal year.
 */
import type { LandscapeCellDto, MatrixOpportunity } from '@keyplan/contracts';
import { cellStatus, type CellStatus } from './figures';
import { HAS_OPEN, HAS_WON, type Placed } from './matrixCollect';
import { moneyAt, type MeasureArrays, type Money3 } from './matrixMoney';

/**
 * A cell against the previous fiscal year's won (docs/DEFINITIONS.md "Year over year"): a closed year
 * compares its won, a year still open its won + open pipeline. `to-renew` and `behind` are the open
 * year's words for what a closed year calls `lost` and `shrunk`: the cell can still be won.
 */
export type YearChange = 'new' | 'lost' | 'grown' | 'shrunk' | 'unchanged' | 'to-renew' | 'behind';

export interface MatrixCell extends Money3 {
  status: CellStatus;
  competitor: string | null;
  /** Id of the Landscape_Cell__c, if assessed (for edits). */
  landscapeCellId: string | null;
  opportunityIds: string[];
  /** Compared with the previous fiscal year's won; null without a prior year with data. */
  change: YearChange | null;
  /** This year's compared money minus last year's won (null without a prior year). */
  changeAmount: number | null;
  /** Own plus all child buying centers (equals own for a leaf). */
  rolled: Money3;
  /** The status with the sub-centers' deals (cellStatus; equals status for a leaf). */
  rolledStatus: CellStatus;
}

/** Shared by every cell without opportunities (most of them); frozen so nobody pushes into it. */
const NO_IDS: string[] = Object.freeze([] as string[]) as string[];

/**
 * An array of `n` cells that builds each cell object the first time it is read and keeps it. Reads
 * by index, iteration, `in`, Object.keys and the array methods all work as on a plain array.
 */
export function lazyCells(n: number, make: (i: number) => MatrixCell): MatrixCell[] {
  const target = new Array<MatrixCell>(n);
  const indexOf = (prop: string | symbol): number => {
    if (typeof prop !== 'string' || prop.length === 0) return -1;
    const c = prop.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(prop);
    return Number.isInteger(i) && i >= 0 && i < n && String(i) === prop ? i : -1;
  };
  const at = (i: number): MatrixCell => target[i] ?? (target[i] = make(i));
  return new Proxy(target, {
    get(t, prop, receiver) {
      const i = indexOf(prop);
      return i >= 0 ? at(i) : Reflect.get(t, prop, receiver);
    },
    has(t, prop) {
      return indexOf(prop) >= 0 || Reflect.has(t, prop);
    },
    getOwnPropertyDescriptor(t, prop) {
      const i = indexOf(prop);
      if (i >= 0) at(i);
      return Reflect.getOwnPropertyDescriptor(t, prop);
    },
    ownKeys(t) {
      for (let i = 0; i < n; i++) at(i);
      return Reflect.ownKeys(t);
    }
  });
}

/**
 * The year-over-year change of a cell: last year's won against this year's won (closed year) or won +
 * open pipeline (a year not closed yet, which never says lost).
 */
export function yearChange(before: number, now: number, closed = true): YearChange {
  if (before === 0 && now > 0) return 'new';
  if (before > 0 && now === 0) return closed ? 'lost' : 'to-renew';
  if (now > before) return 'grown';
  if (now < before) return closed ? 'shrunk' : 'behind';
  return 'unchanged';
}

export interface YearCellsInput {
  /** Year index and whether the previous year index is the previous fiscal year. */
  y: number;
  /** The previous year index is the previous fiscal year and has deals. */
  compare: boolean;
  /** The fiscal year has ended (compare won only). */
  closed: boolean;
  nCells: number;
  placed: Placed;
  rolled: { money: MeasureArrays; dealsAt: Uint8Array };
  cells: readonly LandscapeCellDto[];
  opportunities: readonly MatrixOpportunity[];
  wonIndex: number;
  pipelineIndex: number;
  potentialIndex: number;
  competitiveIndex: number;
}

/**
 * The state a parent row shows with its sub-centers: its own assessment, else what its sub-centers'
 * potential says (competitor over whitespace), so a division is not "Not assessed" above assessed cells.
 */
export function rolledState(
  own: LandscapeCellDto['state'] | null,
  competitive: number,
  potential: number
): LandscapeCellDto['state'] | null {
  if (own && own !== 'Unassessed') return own;
  if (competitive > 0) return 'Competitor';
  if (potential > 0) return 'Whitespace';
  return own;
}

/** The lazily built cells of one year. */
export function yearCells(input: YearCellsInput): MatrixCell[] {
  const { y, compare, closed, nCells, placed, rolled, cells, opportunities } = input;
  const base = y * nCells;
  const { money, dealsAt, landscapeAt, head, next } = placed;
  const wonA = money[input.wonIndex];
  const rolledPot = rolled.money[input.potentialIndex];
  const rolledComp = rolled.money[input.competitiveIndex];
  const pipeA = money[input.pipelineIndex];
  const [hasWon, hasOpen, moneyOf] = [HAS_WON, HAS_OPEN, moneyAt];
  const idsAt = (at: number): string[] => {
    if (head[at] < 0) return NO_IDS;
    const ids: string[] = [];
    for (let j = head[at]; j >= 0; j = next[j]) ids.push(opportunities[j].id);
    return ids;
  };
  const makeCell = (i: number): MatrixCell => {
    const at = base + i;
    const li = landscapeAt[at];
    const l = li >= 0 ? cells[li] : null;
    const state = l?.state ?? null;
    const d = dealsAt[at];
    const rd = rolled.dealsAt[at];
    const before = compare ? wonA[at - nCells] : 0;
    const now = closed ? wonA[at] : wonA[at] + pipeA[at];
    return {
      ...moneyOf(money, at),
      status: cellStatus(state, (d & hasWon) !== 0, (d & hasOpen) !== 0),
      competitor: l?.state === 'Competitor' ? l.competitor : null,
      landscapeCellId: l?.id ?? null,
      opportunityIds: idsAt(at),
      change: compare ? yearChange(before, now, closed) : null,
      changeAmount: compare ? now - before : null,
      rolled: moneyOf(rolled.money, at),
      rolledStatus: cellStatus(
        rolledState(state, rolledComp[at], rolledPot[at]),
        (rd & hasWon) !== 0,
        (rd & hasOpen) !== 0
      )
    };
  };
  return lazyCells(nCells, makeCell);
}
