/**
 * Company subtotals of a group plan's matrix ("Group by company", docs/DEFINITIONS.md): each company's
 * buying centers (whole top-level trees, by the company of the tree's root) and its unmapped deals, for
 * one fiscal year. Nothing is summed from deals here: a company's cells add up the roll-up's rolled cells
 * of its roots (`MatrixCell.rolled`), its buying-center money the roots' rolled row totals, and its
 * unmapped money is the matrix's unmapped bucket split by the opportunity's account
 * (`MatrixYear.unmappedByAccount`). So the groups' totals add up to the year's grand total.
 */
import type { MatrixYear, WhitespaceMatrix } from './matrix';
import { MEASURE_KEYS, addMoney, moneyAt, zeroMoney, type Money3 } from './matrixMoney';

/** A company of a group plan (the plan's account first, then its descendants in scope order). */
export interface CompanyRef {
  id: string;
  name: string;
}

/** Group key of buying centers and deals whose company is not among the plan's companies. */
export const OTHER_COMPANIES = '~other';
/** Group key of buying centers naming no company (and deals naming no account when the plan has none). */
export const NO_COMPANY = '~none';

/** A buying center's company: the subsidiary it names, else the account holding it (null: unknown). */
export function companyIdOf(bc: { accountId?: string | null; subsidiaryId?: string | null }): string | null {
  return bc.subsidiaryId || bc.accountId || null;
}

export interface CompanyGroup {
  /** The company's id, OTHER_COMPANIES or NO_COMPANY. */
  key: string;
  name: string;
  /** Matrix rows of the top-level buying centers whose tree belongs to the company, in matrix order. */
  roots: number[];
  /** How many buying centers (roots and their sub-centers) the company's trees hold. */
  buyingCenters: number;
  /** Per matrix column: the company's buying centers' money (its roots' rolled cells). */
  cells: Money3[];
  /** Its buying centers' money in all columns: its roots' rolled row totals. */
  mapped: Money3;
  /** Its unmapped deals of the year (by the opportunity's account). */
  unmapped: Money3;
  /** mapped + unmapped: the company's part of the year's grand total. */
  total: Money3;
  /** It holds a buying center or money of the year (the grid shows a header row for it). */
  hasContent: boolean;
}

export interface CompanyGroups {
  /** The plan's companies in their order (every one, even without buying centers or money), then
   * OTHER_COMPANIES and NO_COMPANY when they hold a buying center or money. */
  groups: CompanyGroup[];
  /** Per matrix row: the index in `groups` of its tree's company. */
  groupOfRow: Int32Array;
  /** Per matrix row: its own company's name (a sub-center of another company says so), '' when unknown. */
  companyNames: string[];
}

const hasMoney = (m: Money3): boolean => MEASURE_KEYS.some((k) => m[k] !== 0);

/**
 * The matrix's rows and money of `year` by company. `year` null (a year the matrix does not hold): the
 * groups and their rows, without money.
 */
export function companyGroups(
  matrix: WhitespaceMatrix,
  year: MatrixYear | null,
  companies: readonly CompanyRef[]
): CompanyGroups {
  const nCols = matrix.columns.length;
  const index = new Map<string, number>();
  const groups: CompanyGroup[] = [];
  const groupOf = (key: string, name: string): number => {
    let g = index.get(key);
    if (g === undefined) {
      g = groups.length;
      index.set(key, g);
      const cells = new Array<Money3>(nCols);
      for (let k = 0; k < nCols; k++) cells[k] = zeroMoney();
      groups.push({
        key,
        name,
        roots: [],
        buyingCenters: 0,
        cells,
        mapped: zeroMoney(),
        unmapped: zeroMoney(),
        total: zeroMoney(),
        hasContent: false
      });
    }
    return g;
  };
  for (const c of companies) groupOf(c.id, c.name);
  const known = (id: string | null): number => {
    if (id === null) return groupOf(NO_COMPANY, 'No company');
    return index.get(id) ?? groupOf(OTHER_COMPANIES, 'Other companies');
  };

  // Rows come in tree order (pre-order): a root starts its tree, its sub-centers follow it.
  const groupOfRow = new Int32Array(matrix.rows.length);
  let current = -1;
  // The rolled money of a cell, without building the (lazy) cell object.
  const rm = year?.rolledMoney;
  const rolledAt = year
    ? rm
      ? (i: number): Money3 => moneyAt(rm.arrays, rm.offset + i)
      : (i: number): Money3 => year.cells[i].rolled
    : null;
  matrix.rows.forEach((row, r) => {
    if (row.parentId === null || current < 0) {
      current = known(companyIdOf(row.buyingCenter));
      groups[current].roots.push(r);
      if (year && rolledAt) {
        const g = groups[current];
        addMoney(g.mapped, year.rowTotals[r].rolled);
        for (let k = 0; k < nCols; k++) addMoney(g.cells[k], rolledAt(r * nCols + k));
      }
    }
    groupOfRow[r] = current;
    groups[current].buyingCenters++;
  });
  if (year) {
    for (const [accountId, money] of Object.entries(year.unmappedByAccount)) {
      if (!hasMoney(money)) continue;
      // A deal naming no account (data read before group plans) is the plan's account's own.
      addMoney(groups[known(accountId || companies[0]?.id || null)].unmapped, money);
    }
  }
  for (const g of groups) {
    addMoney(g.total, g.mapped);
    addMoney(g.total, g.unmapped);
    g.hasContent = g.roots.length > 0 || hasMoney(g.total);
  }
  const names = new Map(companies.map((c) => [c.id, c.name]));
  const companyNames = matrix.rows.map((row) => {
    const id = companyIdOf(row.buyingCenter);
    return id ? (names.get(id) ?? '') : '';
  });
  return { groups, groupOfRow, companyNames };
}
