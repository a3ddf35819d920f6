import type { MatrixBuyingCenter, MatrixOpportunity } from '@keyplan/contracts';
import {
  MEASURE_KEYS,
  NO_COMPANY,
  OTHER_COMPANIES,
  buildMatrix,
  companyGroups,
  companyIdOf,
  zeroMoney,
  addMoney,
  type CompanyGroups,
  type MatrixInput,
  type WhitespaceMatrix
} from 'c/keyplanCore';

const bc = (id: string, extra: Partial<MatrixBuyingCenter> = {}): MatrixBuyingCenter => ({
  id,
  name: id,
  parentId: null,
  walletSize: null,
  salesGoal: null,
  active: true,
  sortOrder: null,
  ...extra
});
let n = 0;
const opp = (
  accountId: string | null,
  amount: number,
  kind: 'won' | 'open' | 'lost',
  buyingCenterId: string | null,
  offeringId: string | null,
  closeDate = '2026-06-30'
): MatrixOpportunity => ({
  id: `opp${++n}`,
  name: `Deal ${n}`,
  accountId,
  amount,
  probability: kind === 'open' ? 50 : kind === 'won' ? 100 : 0,
  stageName: kind,
  isClosed: kind !== 'open',
  isWon: kind === 'won',
  closeDate,
  buyingCenterId,
  offeringId,
  growthType: null,
  lastModified: '2026-01-01T00:00:00.000Z'
});

/**
 * A hostile group: B has nothing, C only unmapped deals (one lost), E's only buying center is a sub-center
 * in A's tree, a center names a company outside the plan, one names none, an inactive center's deal of
 * the year before is unmapped in the year shown, deals name no account or one outside the group.
 */
const COMPANIES = [
  { id: 'A', name: 'Group A' },
  { id: 'B', name: 'Empty B' },
  { id: 'C', name: 'Unmapped only C' },
  { id: 'D', name: 'Sub D' },
  { id: 'E', name: 'Sub E' }
];
const INPUT: MatrixInput = {
  fiscalYears: [2025, 2026],
  offerings: [
    { id: 'O1', name: 'Rotor', family: null, sortOrder: 1, active: true },
    { id: 'O2', name: 'Cloud', family: null, sortOrder: 2, active: true }
  ],
  buyingCenters: [
    bc('A1', { accountId: 'A' }),
    bc('A1a', { accountId: 'A', subsidiaryId: 'E', parentId: 'A1' }),
    bc('D1', { accountId: 'A', subsidiaryId: 'D' }),
    bc('N1'),
    bc('X1', { accountId: 'X' }),
    bc('H1', { accountId: 'A', active: false })
  ],
  cells: [
    {
      id: 'cell1',
      buyingCenterId: 'D1',
      offeringId: 'O2',
      fiscalYear: 2026,
      state: 'Whitespace',
      competitor: null,
      potential: 40,
      lastModified: '2026-01-01T00:00:00.000Z'
    },
    {
      id: 'cell2',
      buyingCenterId: 'A1a',
      offeringId: 'O1',
      fiscalYear: 2026,
      state: 'Competitor',
      competitor: 'Initech',
      potential: 25,
      lastModified: '2026-01-01T00:00:00.000Z'
    }
  ],
  opportunities: [
    opp('A', 100, 'won', 'A1', 'O1'),
    opp('E', 50, 'open', 'A1a', 'O2'),
    opp('D', 30, 'won', 'D1', 'O1'),
    opp('A', 20, 'open', 'N1', 'O2'),
    opp('X', 7, 'won', 'X1', 'O1'),
    opp('C', 70, 'won', null, null),
    opp('C', 90, 'open', 'unknown-bc', 'O1'),
    opp('C', 1000, 'lost', null, null),
    opp('A', 5, 'open', 'A1', null),
    opp(null, 3, 'won', null, 'O1'),
    opp('Z', 11, 'won', null, null),
    opp('A', 8, 'won', 'H1', 'O1', '2025-03-01'),
    opp('D', 13, 'won', 'D1', 'O2', '2025-03-01')
  ],
  plan: null
};

const sumOf = (
  groups: CompanyGroups,
  pick: (g: CompanyGroups['groups'][number]) => Record<string, number>
) => {
  const s = zeroMoney();
  for (const g of groups.groups) addMoney(s, pick(g) as ReturnType<typeof zeroMoney>);
  return s;
};

/** Sum of the company subtotals equals the grand total, measure by measure, and per column the column total. */
function expectSubtotalsAddUp(matrix: WhitespaceMatrix, companies: typeof COMPANIES): void {
  for (const year of matrix.years) {
    const groups = companyGroups(matrix, year, companies);
    const total = sumOf(groups, (g) => g.total);
    for (const k of MEASURE_KEYS) expect(total[k]).toBeCloseTo(year.grandTotal[k], 6);
    matrix.columns.forEach((_, c) => {
      const col = zeroMoney();
      for (const g of groups.groups) addMoney(col, g.cells[c]);
      for (const k of MEASURE_KEYS) expect(col[k]).toBeCloseTo(year.columnTotals[c][k], 6);
    });
  }
}

describe('company subtotals (group plans, docs/DEFINITIONS.md)', () => {
  const matrix = buildMatrix(INPUT, { focusYear: 2026 });
  const y2026 = matrix.years.find((y) => y.fiscalYear === 2026)!;
  const groups = companyGroups(matrix, y2026, COMPANIES);
  const byKey = (key: string) => groups.groups.find((g) => g.key === key)!;

  it('reads the rolled money from the arrays exactly as the cells carry it, and the same without them', () => {
    for (const year of matrix.years) {
      const rm = year.rolledMoney!;
      expect(rm.arrays).toHaveLength(MEASURE_KEYS.length);
      for (let i = 0; i < matrix.rows.length * matrix.columns.length; i++)
        for (const [m, key] of MEASURE_KEYS.entries())
          expect(rm.arrays[m][rm.offset + i]).toBe(year.cells[i].rolled[key]);
    }
    // A year built by hand (no arrays) gives the same subtotals through its cells.
    const handBuilt = { ...y2026, rolledMoney: undefined };
    expect(companyGroups(matrix, handBuilt, COMPANIES)).toEqual(groups);
  });

  it('the grand total is the sum of the company subtotals, in every year and column', () => {
    expectSubtotalsAddUp(matrix, COMPANIES);
    // The case is hostile: without the unmapped deals the companies' buying centers fall short.
    const mapped = sumOf(groups, (g) => g.mapped);
    expect(mapped.won).toBeLessThan(y2026.grandTotal.won);
    expect(mapped.pipeline).toBeLessThan(y2026.grandTotal.pipeline);
  });

  it('a company with nothing shows nothing; one with only unmapped deals carries them', () => {
    expect(byKey('B')).toMatchObject({ roots: [], buyingCenters: 0, hasContent: false });
    expect(byKey('B').total).toEqual(zeroMoney());
    const c = byKey('C');
    expect(c).toMatchObject({ roots: [], hasContent: true });
    // The lost deal counts nowhere, as in the matrix.
    expect(c.unmapped).toEqual({ ...zeroMoney(), won: 70, pipeline: 90 });
    expect(c.total).toEqual(c.unmapped);
    expect(c.cells.every((m) => MEASURE_KEYS.every((k) => m[k] === 0))).toBe(true);
  });

  it('a tree counts whole with its root’s company; each row still names its own', () => {
    const a = byKey('A');
    const rowOf = (id: string): number => matrix.rows.findIndex((r) => r.buyingCenter.id === id);
    expect(a.roots).toEqual([rowOf('A1')]);
    expect(a.buyingCenters).toBe(2);
    expect(a.mapped).toEqual({ ...zeroMoney(), won: 100, pipeline: 50, competitive: 25 });
    // Its unmapped deals: the one without an offering, and the one naming no account (the plan's own).
    expect(a.unmapped).toEqual({ ...zeroMoney(), won: 3, pipeline: 5 });
    expect(a.cells[0]).toEqual(y2026.cells[rowOf('A1') * 2].rolled);
    expect(groups.groupOfRow[rowOf('A1a')]).toBe(groups.groups.indexOf(a));
    expect(groups.companyNames[rowOf('A1a')]).toBe('Sub E');
    expect(companyIdOf(matrix.rows[rowOf('A1a')].buyingCenter)).toBe('E');
    // E's only buying center sits in A's tree: E heads nothing.
    expect(byKey('E').hasContent).toBe(false);
    expect(byKey('D').mapped).toEqual({ ...zeroMoney(), won: 30, potential: 40 });
  });

  it('centers and deals of companies outside the plan, and centers naming none, get their own groups last', () => {
    const keys = groups.groups.map((g) => g.key);
    expect(keys.slice(0, 5)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(keys.slice(5).sort()).toEqual([NO_COMPANY, OTHER_COMPANIES].sort());
    expect(byKey(OTHER_COMPANIES).total).toEqual({ ...zeroMoney(), won: 7 + 11 });
    expect(byKey(NO_COMPANY).total).toEqual({ ...zeroMoney(), pipeline: 20 });
  });

  it('an inactive center hidden in the year shown puts its money in its company’s unmapped part', () => {
    const y2025 = matrix.years.find((y) => y.fiscalYear === 2025)!;
    const g2025 = companyGroups(matrix, y2025, COMPANIES);
    expect(g2025.groups.find((g) => g.key === 'A')!.unmapped.won).toBe(8);
    expect(g2025.groups.find((g) => g.key === 'D')!.mapped.won).toBe(13);
  });

  it('a year the matrix does not hold: the groups and their rows, no money', () => {
    const none = companyGroups(matrix, null, COMPANIES);
    expect(none.groups.map((g) => g.roots.length)).toEqual(groups.groups.map((g) => g.roots.length));
    expect(sumOf(none, (g) => g.total)).toEqual(zeroMoney());
  });

  it('the sum check fails when a company subtotal is wrong (the check can fail)', () => {
    const broken = { ...matrix, years: matrix.years.map((y) => ({ ...y, unmappedByAccount: {} })) };
    expect(() => expectSubtotalsAddUp(broken, COMPANIES)).toThrow();
  });
});
