/**
 * Whitespace matrix view benchmark at 300 buying centers x 60 offerings: building the core matrix,
 * the view model (visible rows) and one rendered row window. Prints one JSON line per measurement.
 *
 *   npx tsx bench/matrix-view.bench.ts
 */
import type {
  LandscapeCellDto,
  MatrixBuyingCenter,
  MatrixOffering,
  MatrixOpportunity
} from '@keyplan/contracts';
import { buildMatrix, type MatrixInput } from '../force-app/main/default/lwc/keyplanCore/matrix';
import { formatCurrency } from '../force-app/main/default/lwc/keyplanCore/format';
import { companyGroups } from '../force-app/main/default/lwc/keyplanCore/matrixGroups';
import {
  buildViewModel,
  memoFormatter,
  rowWindow,
  windowOf,
  ROW_HEIGHT
} from '../force-app/main/default/lwc/whitespaceView/viewModel';

const TARGET_MS = 50;
const ROWS = 300;
const COLS = 60;
const OPPS = 6000;

/** Deterministic pseudo-random numbers so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function id(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(15, '0')}`;
}

function fixture(): MatrixInput {
  const rand = rng(42);
  const buyingCenters: MatrixBuyingCenter[] = [];
  // 20 divisions x 14 regions + 20 top-level = 300, nested two levels deep.
  for (let d = 0; d < 20; d++) {
    const div = id('a0B', buyingCenters.length);
    buyingCenters.push({
      id: div,
      name: `Division ${d}`,
      parentId: null,
      walletSize: 5e6,
      salesGoal: 2e6,
      active: true,
      sortOrder: d
    });
    for (let r = 0; r < 14; r++) {
      buyingCenters.push({
        id: id('a0B', buyingCenters.length),
        name: `Division ${d} Region ${r}`,
        parentId: div,
        walletSize: 1e6,
        salesGoal: 3e5,
        active: true,
        sortOrder: r
      });
    }
  }
  while (buyingCenters.length < ROWS) {
    const n = buyingCenters.length;
    buyingCenters.push({
      id: id('a0B', n),
      name: `Unit ${n}`,
      parentId: null,
      walletSize: null,
      salesGoal: null,
      active: true,
      sortOrder: 100 + n
    });
  }
  const offerings: MatrixOffering[] = Array.from({ length: COLS }, (_, k) => ({
    id: id('a0C', k),
    name: `Offering ${k}`,
    family: 'Software',
    sortOrder: k,
    active: true
  }));
  const states = ['Whitespace', 'Competitor', 'Not Applicable', 'Unassessed'] as const;
  const cells: LandscapeCellDto[] = [];
  for (let i = 0; i < ROWS * COLS * 0.3; i++) {
    const state = states[Math.floor(rand() * 4)];
    cells.push({
      id: id('a0D', i),
      buyingCenterId: buyingCenters[Math.floor(rand() * ROWS)].id,
      offeringId: offerings[Math.floor(rand() * COLS)].id,
      fiscalYear: rand() < 0.5 ? 2024 : 2025,
      state,
      competitor: state === 'Competitor' ? 'Rival Corp' : null,
      potential: Math.round(rand() * 1e6),
      lastModified: '2025-01-01T00:00:00.000Z'
    });
  }
  const opportunities: MatrixOpportunity[] = Array.from({ length: OPPS }, (_, i) => {
    const won = rand() < 0.4;
    const closed = won || rand() < 0.2;
    return {
      id: id('006', i),
      name: `Opp ${i}`,
      amount: Math.round(rand() * 5e5),
      probability: won ? 100 : Math.round(rand() * 90),
      stageName: won ? 'Closed Won' : closed ? 'Closed Lost' : 'Prospecting',
      isClosed: closed,
      isWon: won,
      closeDate: `${rand() < 0.5 ? 2024 : 2025}-0${1 + Math.floor(rand() * 9)}-15`,
      buyingCenterId: rand() < 0.03 ? null : buyingCenters[Math.floor(rand() * ROWS)].id,
      offeringId: rand() < 0.03 ? null : offerings[Math.floor(rand() * COLS)].id,
      growthType: null,
      lastModified: '2025-01-15T09:00:00.000Z'
    };
  });
  return {
    fiscalYears: [2024, 2025],
    buyingCenters,
    offerings,
    cells,
    opportunities,
    plan: { revenueGoal: 5e7, miningGoal: 2e7, farmingGoal: 3e7, fiscalYear: 2025 }
  };
}

function measure(name: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT and the Intl formatter cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  console.log(
    JSON.stringify({
      bench: name,
      rows: ROWS,
      columns: COLS,
      runs,
      medianMs: round(median),
      p95Ms: round(p95),
      targetMs: TARGET_MS,
      ok: p95 < TARGET_MS
    })
  );
}

const input = fixture();
const format = memoFormatter((v: number): string =>
  formatCurrency(v, 'USD', { locale: 'en-US', compact: true })
);
const matrix = buildMatrix(input);
const collapsed = new Set<string>();
const vm = buildViewModel(matrix, 2025, collapsed);
const ctx = { format, activeRow: 0, activeCol: 1, previousYear: 2024 };

measure('buildMatrix (core)', 20, () => buildMatrix(input));
measure('buildViewModel', 50, () => buildViewModel(matrix, 2025, collapsed));
measure('buildMatrix + buildViewModel + first window', 20, () => {
  const m = buildMatrix(input);
  const v = buildViewModel(m, 2025, collapsed);
  const w = windowOf(0, 560, v.rows.length, ROW_HEIGHT);
  return rowWindow(m, v, w.start, w.end, ctx);
});
let scrollTop = 0;
measure('rowWindow on scroll (560px viewport)', 200, () => {
  scrollTop = (scrollTop + 997) % (vm.rows.length * ROW_HEIGHT);
  const w = windowOf(scrollTop, 560, vm.rows.length, ROW_HEIGHT);
  return rowWindow(matrix, vm, w.start, w.end, ctx);
});
// Grouped by company (a group plan of 8 companies): the core's company subtotals and the view with
// one header row per company, what the card computes when "Group by company" is on.
const companies = Array.from({ length: 8 }, (_, c) => ({ id: id('001', c), name: `Company ${c}` }));
const groupInput: MatrixInput = {
  ...input,
  buyingCenters: input.buyingCenters.map((b, i) => ({ ...b, accountId: companies[i % 8].id })),
  opportunities: input.opportunities.map((o, i) => ({ ...o, accountId: companies[(i * 7) % 8].id }))
};
const groupMatrix = buildMatrix(groupInput);
const groupYear = groupMatrix.years.find((y) => y.fiscalYear === 2025) ?? null;
measure('companyGroups + buildViewModel grouped by company', 50, () =>
  buildViewModel(
    groupMatrix,
    2025,
    collapsed,
    'order',
    'order',
    companyGroups(groupMatrix, groupYear, companies)
  )
);
measure('buildMatrix + grouped view model + first window', 20, () => {
  const m = buildMatrix(groupInput);
  const year = m.years.find((y) => y.fiscalYear === 2025) ?? null;
  const v = buildViewModel(m, 2025, collapsed, 'order', 'order', companyGroups(m, year, companies));
  const win = windowOf(0, 560, v.rows.length, ROW_HEIGHT);
  return rowWindow(m, v, win.start, win.end, ctx);
});
const w = windowOf(0, 560, vm.rows.length, ROW_HEIGHT);
console.log(
  JSON.stringify({
    bench: 'window size',
    rowsRendered: w.end - w.start,
    cellsRendered: (w.end - w.start) * COLS,
    totalRows: vm.rows.length
  })
);
