/**
 * Matrix phases 3 and 4, roll up and totals: every parent row's cells carry its own money plus all its
 * sub-centers' (reverse tree order visits every child before its parent), then row, column and grand
 * totals per year. Both loop over the measure list (matrixMoney.ts).
 */
import { HAS_OPEN, HAS_WON } from './matrixCollect';
import {
  MEASURE_COUNT,
  MEASURE_KEYS,
  addMoney,
  sumRange,
  zeroMoney,
  type MeasureArrays,
  type Money3
} from './matrixMoney';

export { HAS_OPEN, HAS_WON };

export interface RolledUp {
  money: MeasureArrays;
  dealsAt: Uint8Array;
}

/** Own plus sub-centers' money and deal kinds per cell; children add in order. */
export function rollUp(
  money: MeasureArrays,
  dealsAt: Uint8Array,
  childRows: readonly Int32Array[],
  nYears: number,
  nCols: number
): RolledUp {
  const nRows = childRows.length;
  const nCells = nRows * nCols;
  const nMeasures = MEASURE_COUNT;
  const rolled = money.map((a) => a.slice());
  const rDeals = dealsAt.slice();
  for (let y = 0; y < nYears; y++) {
    const base = y * nCells;
    for (let r = nRows - 1; r >= 0; r--) {
      const childList = childRows[r];
      const to = base + r * nCols;
      for (let c = 0; c < childList.length; c++) {
        const from = base + childList[c] * nCols;
        for (let m = 0; m < nMeasures; m++) {
          const a = rolled[m];
          for (let k = 0; k < nCols; k++) a[to + k] += a[from + k];
        }
        for (let k = 0; k < nCols; k++) rDeals[to + k] |= rDeals[from + k];
      }
    }
  }
  return { money: rolled, dealsAt: rDeals };
}

export interface RowTotal {
  own: Money3;
  rolled: Money3;
  goal: number | null;
}

export interface YearTotals {
  rowTotals: RowTotal[];
  columnTotals: Money3[];
  /** Everything, unmapped included. */
  grandTotal: Money3;
}

/** Row (own and rolled), column and grand totals of year index `y`. */
export function yearTotals(
  money: MeasureArrays,
  y: number,
  childRows: readonly Int32Array[],
  goals: readonly (number | null)[],
  nCols: number,
  unmapped: Money3
): YearTotals {
  const nRows = childRows.length;
  const base = y * nRows * nCols;
  const rowTotals: RowTotal[] = new Array(nRows);
  for (let r = nRows - 1; r >= 0; r--) {
    const own = zeroMoney();
    sumRange(money, base + r * nCols, nCols, own);
    const rolled = zeroMoney();
    addMoney(rolled, own);
    const childList = childRows[r];
    for (let c = 0; c < childList.length; c++) addMoney(rolled, rowTotals[childList[c]].rolled);
    rowTotals[r] = { own, rolled, goal: goals[r] };
  }
  const columnTotals = new Array<Money3>(nCols);
  for (let k = 0; k < nCols; k++) columnTotals[k] = zeroMoney();
  const keys = MEASURE_KEYS;
  for (let m = 0; m < keys.length; m++) {
    const a = money[m];
    const key = keys[m];
    for (let r = 0; r < nRows; r++) {
      const at = base + r * nCols;
      for (let k = 0; k < nCols; k++) columnTotals[k][key] += a[at + k];
    }
  }
  const grandTotal = zeroMoney();
  for (let r = 0; r < nRows; r++) addMoney(grandTotal, rowTotals[r].own);
  addMoney(grandTotal, unmapped);
  return { rowTotals, columnTotals, grandTotal };
}
