import fc from 'fast-check';
import type {
  LandscapeCellDto,
  MatrixBuyingCenter,
  MatrixOffering,
  MatrixOpportunity
} from '@keyplan/contracts';
import { buildMatrix, cellAt, fiscalYearClosed, fiscalYearOf, type MatrixInput } from 'c/keyplanCore';

const bc = (
  id: string,
  parentId: string | null = null,
  over: Partial<MatrixBuyingCenter> = {}
): MatrixBuyingCenter => ({
  id,
  name: id,
  parentId,
  walletSize: null,
  salesGoal: null,
  active: true,
  sortOrder: null,
  ...over
});
const off = (id: string, over: Partial<MatrixOffering> = {}): MatrixOffering => ({
  id,
  name: id,
  family: null,
  sortOrder: null,
  active: true,
  ...over
});
let n = 0;
const opp = (over: Partial<MatrixOpportunity>): MatrixOpportunity => ({
  id: `o${++n}`,
  name: 'x',
  amount: 100,
  probability: 50,
  stageName: 'Prospecting',
  isClosed: false,
  isWon: false,
  closeDate: '2025-03-01',
  buyingCenterId: 'div',
  offeringId: 'cloud',
  growthType: null,
  lastModified: '2025-02-01T10:00:00.000Z',
  ...over
});
const won = (over: Partial<MatrixOpportunity>) =>
  opp({ isClosed: true, isWon: true, probability: 100, stageName: 'Closed Won', ...over });
const cell = (over: Partial<LandscapeCellDto>): LandscapeCellDto => ({
  id: 'cell1',
  buyingCenterId: 'eu',
  offeringId: 'data',
  fiscalYear: 2025,
  state: 'Whitespace',
  competitor: null,
  potential: 500,
  lastModified: '2025-01-01T00:00:00.000Z',
  ...over
});

describe('fiscalYearOf', () => {
  it('uses the calendar year unless a start month is given', () => {
    expect(fiscalYearOf('2025-03-31')).toBe(2025);
    expect(fiscalYearOf('2025-03-31', 4)).toBe(2024);
    expect(fiscalYearOf('2025-04-01', 4)).toBe(2025);
    expect(fiscalYearOf('2025-03-31', 4, 'end')).toBe(2025);
    expect(fiscalYearOf('2025-04-01', 4, 'end')).toBe(2026);
  });
});

describe('buildMatrix', () => {
  const input: MatrixInput = {
    fiscalYears: [2024, 2025],
    buyingCenters: [
      bc('div', null, { salesGoal: 5000 }),
      bc('eu', 'div', { sortOrder: 2 }),
      bc('us', 'div', { sortOrder: 1 }),
      bc('old', null, { active: false })
    ],
    offerings: [
      off('data', { sortOrder: 2 }),
      off('cloud', { sortOrder: 1 }),
      off('retired', { active: false })
    ],
    cells: [
      cell({}),
      cell({
        id: 'cell2',
        buyingCenterId: 'us',
        offeringId: 'data',
        state: 'Competitor',
        competitor: 'Globex',
        potential: null
      }),
      cell({ id: 'ghost', buyingCenterId: 'nope' })
    ],
    opportunities: [
      won({ id: 'w24', closeDate: '2024-05-01', buyingCenterId: 'eu', offeringId: 'cloud', amount: 1000 }),
      won({ id: 'w25', closeDate: '2025-05-01', buyingCenterId: 'eu', offeringId: 'cloud', amount: 1500 }),
      opp({ id: 'p25', buyingCenterId: 'us', offeringId: 'cloud', amount: 400, probability: 25 }),
      opp({
        id: 'lost',
        isClosed: true,
        probability: 0,
        amount: 9999,
        buyingCenterId: 'us',
        offeringId: 'data'
      }),
      opp({ id: 'nobc', buyingCenterId: null, amount: 70 }),
      won({ id: 'nooff', offeringId: null, amount: 30 }),
      opp({ id: 'unknownbc', buyingCenterId: 'zzz', amount: 5 }),
      opp({ id: 'mined', buyingCenterId: 'div', offeringId: 'data', amount: 10, growthType: 'Mining' })
    ],
    plan: { revenueGoal: 10000, miningGoal: 6000, farmingGoal: 4000, fiscalYear: 2025 }
  };
  const m = buildMatrix(input);
  const y25 = m.years.find((y) => y.fiscalYear === 2025)!;

  it('orders rows as a tree by sort order and columns by sort order, hiding empty inactive ones', () => {
    expect(m.rows.map((r) => [r.buyingCenter.id, r.depth])).toEqual([
      ['div', 0],
      ['us', 1],
      ['eu', 1]
    ]);
    expect(m.columns.map((c) => c.id)).toEqual(['cloud', 'data']);
    expect(buildMatrix(input, { includeInactive: true }).columns.map((c) => c.id)).toEqual([
      'cloud',
      'data',
      'retired'
    ]);
  });

  it('fills cells with won, pipeline, potential, state and competitor', () => {
    expect(cellAt(m, 2025, 'eu', 'cloud')).toMatchObject({
      won: 1500,
      pipeline: 0,
      status: 'won',
      change: 'grown',
      opportunityIds: ['w25']
    });
    // FY2025 has closed: a deal still open did not win anything that year.
    expect(cellAt(m, 2025, 'us', 'cloud')).toMatchObject({
      won: 0,
      pipeline: 400,
      status: 'active',
      change: 'unchanged',
      changeAmount: 0
    });
    expect(cellAt(m, 2025, 'eu', 'data')).toMatchObject({
      potential: 500,
      status: 'whitespace',
      landscapeCellId: 'cell1'
    });
    expect(cellAt(m, 2025, 'us', 'data')).toMatchObject({
      status: 'competitor',
      competitor: 'Globex',
      pipeline: 0
    });
    expect(cellAt(m, 2025, 'div', 'cloud')).toMatchObject({
      status: 'unassessed',
      rolled: { won: 1500, pipeline: 400, potential: 0, competitive: 0 }
    });
    // The division has no assessment of its own: its sub-centers' potential says what it is.
    const parent = (cells: LandscapeCellDto[]) =>
      cellAt(buildMatrix({ ...input, cells, opportunities: [] }), 2025, 'div', 'data');
    const ws = cell({ id: 'x1', buyingCenterId: 'eu', potential: 500 });
    const comp = cell({
      id: 'x2',
      buyingCenterId: 'us',
      state: 'Competitor',
      competitor: 'Globex',
      potential: 300
    });
    expect(parent([ws])).toMatchObject({ status: 'unassessed', rolledStatus: 'whitespace' });
    expect(parent([ws, comp])).toMatchObject({ status: 'unassessed', rolledStatus: 'competitor' });
    expect(
      parent([ws, comp, cell({ id: 'x3', buyingCenterId: 'div', state: 'Not Applicable' })])
    ).toMatchObject({
      status: 'not-applicable',
      rolledStatus: 'not-applicable'
    });
    expect(cellAt(m, 2024, 'eu', 'cloud')?.change).toBeNull();
    expect(cellAt(m, 2025, 'nope', 'cloud')).toBeUndefined();
    expect(buildMatrix(input, { weighted: true }).years[1].cells[1 * 2 + 0].pipeline).toBe(100);
  });

  it('keeps unplaceable opportunities in the unmapped bucket with a reason', () => {
    expect(m.unmapped).toEqual([
      { opportunityId: 'nobc', fiscalYear: 2025, reason: 'no-buying-center' },
      { opportunityId: 'nooff', fiscalYear: 2025, reason: 'no-offering' },
      { opportunityId: 'unknownbc', fiscalYear: 2025, reason: 'unknown-buying-center' }
    ]);
    expect(y25.unmapped).toMatchObject({
      won: 30,
      pipeline: 75,
      opportunityIds: ['nobc', 'nooff', 'unknownbc']
    });
  });

  it('totals rows (rolled up to parents), columns and the grand total against goals', () => {
    expect(y25.rowTotals[0]).toEqual({
      own: { won: 0, pipeline: 10, potential: 0, competitive: 0 },
      rolled: { won: 1500, pipeline: 410, potential: 500, competitive: 0 },
      goal: 5000
    });
    expect(y25.columnTotals).toEqual([
      { won: 1500, pipeline: 400, potential: 0, competitive: 0 },
      { won: 0, pipeline: 10, potential: 500, competitive: 0 }
    ]);
    expect(y25.grandTotal).toEqual({ won: 1530, pipeline: 485, potential: 500, competitive: 0 });
    expect(y25.goal).toBe(10000);
    expect(m.years[0].goal).toBeNull();
  });

  it('reads a goal Apex omitted (a null property is left out of the JSON) as no goal', () => {
    const { salesGoal: _omitted, ...noGoal } = bc('solo');
    const sparse = buildMatrix({
      ...input,
      buyingCenters: [noGoal as MatrixBuyingCenter],
      plan: { fiscalYear: 2025 } as MatrixInput['plan']
    });
    const year = sparse.years.find((y) => y.fiscalYear === 2025)!;
    expect(year.rowTotals[0].goal).toBeNull();
    expect(year.goal).toBeNull();
    expect(year.mining.goal).toBeNull();
  });

  it('splits mining and farming, inferring from earlier won business when blank', () => {
    // w25 mined (eu x cloud won in 2024), 'mined' is explicit; the rest is new business.
    expect(y25.mining).toEqual({ won: 1500, pipeline: 10, goal: 6000 });
    expect(y25.farming).toEqual({ won: 30, pipeline: 475, goal: 4000 });
    expect(m.years[0].farming.won).toBe(1000);
  });

  it('reports lost and shrunk cells year over year, and repairs buying-center loops', () => {
    const yoy = buildMatrix({
      ...input,
      buyingCenters: [bc('a', 'b'), bc('b', 'a')],
      cells: [],
      opportunities: [
        won({ closeDate: '2024-01-01', buyingCenterId: 'a', offeringId: 'cloud' }),
        won({ closeDate: '2024-01-01', buyingCenterId: 'b', offeringId: 'cloud', amount: 300 }),
        won({ closeDate: '2025-01-01', buyingCenterId: 'b', offeringId: 'cloud', amount: 200 }),
        won({ closeDate: '2025-01-01', buyingCenterId: 'a', offeringId: 'data', amount: 5 }),
        won({ closeDate: '2024-01-01', buyingCenterId: 'a', offeringId: 'data', amount: 5 })
      ]
    });
    expect(yoy.repairedBuyingCenters).toEqual(['a']);
    expect(yoy.rows.map((r) => r.buyingCenter.id)).toEqual(['a', 'b']);
    expect(cellAt(yoy, 2025, 'a', 'cloud')?.change).toBe('lost');
    expect(cellAt(yoy, 2025, 'b', 'cloud')?.change).toBe('shrunk');
    expect(cellAt(yoy, 2025, 'a', 'data')?.change).toBe('unchanged');
    expect(cellAt(yoy, 2025, 'b', 'data')?.change).toBe('unchanged');
  });

  it('is honest year over year: an open year counts its pipeline and never says lost; no prior year without deals', () => {
    const deals = [
      won({ closeDate: '2024-06-01', buyingCenterId: 'eu', offeringId: 'cloud', amount: 1000 }),
      won({ closeDate: '2024-06-01', buyingCenterId: 'us', offeringId: 'cloud', amount: 500 }),
      opp({
        closeDate: '2025-09-01',
        buyingCenterId: 'us',
        offeringId: 'cloud',
        amount: 300,
        probability: 50
      })
    ];
    const base = { ...input, cells: [], opportunities: deals, fiscalYears: [2023, 2024, 2025] };
    // On 2025-07-01 FY2025 is open: eu won 1000 last year and nothing yet (to renew, not lost); us has
    // 300 open against 500 won (behind, -200).
    const open = buildMatrix(base, { today: new Date('2025-07-01T00:00:00Z') });
    const open25 = open.years.find((y) => y.fiscalYear === 2025)!;
    expect([open25.closed, open25.comparedWith]).toEqual([false, 2024]);
    expect(cellAt(open, 2025, 'eu', 'cloud')).toMatchObject({ change: 'to-renew', changeAmount: -1000 });
    expect(cellAt(open, 2025, 'us', 'cloud')).toMatchObject({ change: 'behind', changeAmount: -200 });
    // Once FY2025 has closed the same cells are lost and shrunk (the open deal did not close in time).
    const closed = buildMatrix(base, { today: new Date('2026-01-15T00:00:00Z') });
    expect(cellAt(closed, 2025, 'eu', 'cloud')?.change).toBe('lost');
    expect(cellAt(closed, 2025, 'us', 'cloud')).toMatchObject({ change: 'lost', changeAmount: -500 });
    // FY2023 has no deal: FY2024, the first year with data, compares with nothing.
    const y24 = closed.years.find((y) => y.fiscalYear === 2024)!;
    expect(y24.comparedWith).toBeNull();
    expect(cellAt(closed, 2024, 'eu', 'cloud')).toMatchObject({ change: null, changeAmount: null });
    // An April fiscal year named by its start: FY2025 runs to March 2026.
    const april = { startMonth: 4, namedBy: 'start' as const };
    expect(fiscalYearClosed(2025, april, new Date('2026-03-31T00:00:00Z'))).toBe(false);
    expect(fiscalYearClosed(2025, april, new Date('2026-04-01T00:00:00Z'))).toBe(true);
    expect(fiscalYearClosed(2026, { startMonth: 4, namedBy: 'end' }, new Date('2026-04-01T00:00:00Z'))).toBe(
      true
    );
  });

  it('property: the grand total equals the sum of all won and open opportunity amounts, unmapped included', () => {
    const bcs = ['b0', 'b1', 'b2', 'b3'];
    const offs = ['f0', 'f1', 'f2'];
    const arbOpp = fc.record({
      amount: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
      probability: fc.integer({ min: 0, max: 100 }),
      state: fc.constantFrom('open', 'won', 'lost'),
      year: fc.integer({ min: 2022, max: 2026 }),
      month: fc.integer({ min: 1, max: 12 }),
      bc: fc.option(fc.constantFrom(...bcs, 'unknown'), { nil: null }),
      off: fc.option(fc.constantFrom(...offs, 'gone'), { nil: null })
    });
    fc.assert(
      fc.property(
        fc.array(arbOpp, { maxLength: 60 }),
        fc.array(fc.option(fc.constantFrom(...bcs), { nil: null }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 12 }),
        (specs, parents, weighted, startMonth) => {
          const opportunities = specs.map((s, i) =>
            opp({
              id: `p${i}`,
              amount: s.amount,
              probability: s.probability,
              isClosed: s.state !== 'open',
              isWon: s.state === 'won',
              closeDate: `${s.year}-${String(s.month).padStart(2, '0')}-15`,
              buyingCenterId: s.bc,
              offeringId: s.off
            })
          );
          const m2 = buildMatrix(
            {
              fiscalYears: [2024],
              buyingCenters: bcs.map((id, i) => bc(id, parents[i], { active: i !== 3 })),
              offerings: offs.map((id) => off(id, { active: id !== 'f2' })),
              cells: [],
              opportunities,
              plan: null
            },
            { weighted, fiscalYearStartMonth: startMonth }
          );
          const value = (o: MatrixOpportunity): number => {
            const amount = o.amount ?? 0;
            if (o.isWon || !weighted) return amount;
            return (amount * (o.probability ?? 0)) / 100;
          };
          const expected = opportunities
            .filter((o) => !o.isClosed || o.isWon)
            .reduce((s, o) => s + value(o), 0);
          const grand = m2.years.reduce((s, y) => s + y.grandTotal.won + y.grandTotal.pipeline, 0);
          expect(grand).toBeCloseTo(expected, 4);
          for (const y of m2.years) {
            const cols = y.columnTotals.reduce((s, c) => s + c.won + c.pipeline, 0);
            const tops = m2.rows.reduce(
              (s, r, i) =>
                s + (r.depth === 0 ? y.rowTotals[i].rolled.won + y.rowTotals[i].rolled.pipeline : 0),
              0
            );
            expect(cols + y.unmapped.won + y.unmapped.pipeline).toBeCloseTo(
              y.grandTotal.won + y.grandTotal.pipeline,
              4
            );
            expect(tops).toBeCloseTo(cols, 4);
            expect(y.mining.won + y.mining.pipeline + y.farming.won + y.farming.pipeline).toBeCloseTo(
              y.grandTotal.won + y.grandTotal.pipeline,
              4
            );
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe('cell status (cellStatus)', () => {
  it('an open deal makes a cell active whatever its amount, and a collapsed parent shows its children deals', () => {
    const m = buildMatrix({
      fiscalYears: [2025],
      buyingCenters: [bc('grp'), bc('eu', 'grp')],
      offerings: [off('cloud')],
      cells: [],
      opportunities: [opp({ buyingCenterId: 'eu', amount: null, closeDate: '2025-05-01' })],
      plan: null
    });
    expect(cellAt(m, 2025, 'eu', 'cloud')).toMatchObject({ status: 'active', pipeline: 0 });
    expect(cellAt(m, 2025, 'grp', 'cloud')).toMatchObject({ status: 'unassessed', rolledStatus: 'active' });
  });
});

describe('lazy matrix cells', () => {
  const input: MatrixInput = {
    fiscalYears: [2025],
    buyingCenters: [bc('div'), bc('eu', 'div')],
    offerings: [off('cloud'), off('data')],
    cells: [cell({ fiscalYear: 2025 })],
    opportunities: [
      opp({ id: 'a', buyingCenterId: 'eu', closeDate: '2025-05-01' }),
      opp({ id: 'b', buyingCenterId: 'eu', closeDate: '2025-06-01' })
    ],
    plan: null
  };

  it('behave like a plain array: index, in, keys, iteration, array methods, equality', () => {
    const cells = buildMatrix(input).years[0].cells;
    expect(cells).toHaveLength(4);
    expect(Array.isArray(cells)).toBe(true);
    expect(0 in cells && 3 in cells).toBe(true);
    expect(4 in cells || '01' in cells || 'x' in cells).toBe(false);
    expect(cells[1 * 2 + 0]).toBe(cells[2]); // built once, then kept
    expect(cells[2].opportunityIds).toEqual(['a', 'b']);
    expect(cells[9]).toBeUndefined();
    expect([...cells].map((c) => c.status)).toEqual(['unassessed', 'unassessed', 'active', 'whitespace']);
    expect(cells.filter((c) => c.pipeline > 0)).toHaveLength(1);
    expect(Object.keys(cells)).toEqual(['0', '1', '2', '3']);
    expect(cells).toEqual([...cells]);
    expect(Object.getOwnPropertyDescriptor(cells, '0')?.value).toBe(cells[0]);
  });

  it('reads dates that are not plain ISO days', () => {
    const m = buildMatrix(
      {
        ...input,
        opportunities: [
          opp({ id: 'c', buyingCenterId: 'eu', closeDate: '2026-01-05T10:00:00Z' }),
          opp({ id: 'd', closeDate: 'x' })
        ]
      },
      { fiscalYearStartMonth: 4 }
    );
    expect(m.years.map((y) => y.fiscalYear)).toContain(2025);
    expect(m.unmapped).toEqual([]);
  });
});
