/**
 * The whitespace matrix: buying centers (nested) x offerings x fiscal years, filled live from
 * opportunities and from the assessed landscape cells. Money is never dropped: an opportunity that
 * cannot be placed in a cell goes to the unmapped bucket with the reason.
 */
import type { LandscapeCellDto, MatrixBuyingCenter, MatrixOffering, MatrixOpportunity, PlanGoals } from '@keyplan/contracts';

export type CellStatus = 'won' | 'active' | 'whitespace' | 'competitor' | 'not-applicable' | 'unassessed';
export type YearChange = 'new' | 'lost' | 'grown' | 'shrunk' | 'unchanged';
export type UnmappedReason = 'no-buying-center' | 'no-offering' | 'unknown-buying-center' | 'unknown-offering';

export interface Money3 {
  won: number;
  pipeline: number;
  potential: number;
}

export interface MatrixCell extends Money3 {
  status: CellStatus;
  competitor: string | null;
  /** Id of the Landscape_Cell__c, if assessed (for edits). */
  landscapeCellId: string | null;
  opportunityIds: string[];
  /** Compared with the previous fiscal year's won + pipeline; null for the first year shown. */
  change: YearChange | null;
  /** Own plus all child buying centers (equals own for a leaf). */
  rolled: Money3;
}

export interface MatrixRow {
  buyingCenter: MatrixBuyingCenter;
  depth: number;
  parentId: string | null;
  childIds: string[];
}

export interface GrowthSplit {
  won: number;
  pipeline: number;
}

export interface MatrixYear {
  fiscalYear: number;
  /** Row-major: cells[rowIndex * columns.length + columnIndex]. */
  cells: MatrixCell[];
  /** Per row: own cells summed and rolled (own + children) with the buying center's sales goal. */
  rowTotals: { own: Money3; rolled: Money3; goal: number | null }[];
  columnTotals: Money3[];
  unmapped: Money3 & { opportunityIds: string[] };
  /** Everything, unmapped included. */
  grandTotal: Money3;
  goal: number | null;
  mining: GrowthSplit & { goal: number | null };
  farming: GrowthSplit & { goal: number | null };
}

export interface UnmappedOpportunity {
  opportunityId: string;
  fiscalYear: number;
  reason: UnmappedReason;
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
}

export interface MatrixOptions {
  /** Weight open pipeline by probability (amount x probability / 100). */
  weighted?: boolean;
  /** 1-12; 1 (default) means fiscal year = calendar year of the close date. */
  fiscalYearStartMonth?: number;
  /** Whether a fiscal year is named by the calendar year it starts in (default) or ends in. */
  fiscalYearNamedBy?: 'start' | 'end';
  /** Show inactive buying centers and offerings even without money (default: only when they carry money). */
  includeInactive?: boolean;
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

/** Shared by every cell without opportunities (most of them); frozen so nobody pushes into it. */
const NO_IDS: string[] = Object.freeze([] as string[]) as string[];

const zero = (): Money3 => ({ won: 0, pipeline: 0, potential: 0 });
function add(a: Money3, b: Money3): void {
  a.won += b.won;
  a.pipeline += b.pipeline;
  a.potential += b.potential;
}

const bySortThenName = <T extends { sortOrder: number | null; name: string; id: string }>(a: T, b: T): number => {
  const sa = a.sortOrder ?? Number.MAX_SAFE_INTEGER;
  const sb = b.sortOrder ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sa - sb;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

const STATE_OF_CELL: Record<string, CellStatus> = {
  Whitespace: 'whitespace',
  Competitor: 'competitor',
  'Not Applicable': 'not-applicable',
  Unassessed: 'unassessed'
};

/**
 * Builds the matrix. Years shown are `fiscalYears` plus every year an opportunity closes in, sorted;
 * earlier years still inform the mining/farming inference.
 */
export function buildMatrix(input: MatrixInput, options: MatrixOptions = {}): WhitespaceMatrix {
  const startMonth = options.fiscalYearStartMonth ?? 1;
  const namedBy = options.fiscalYearNamedBy ?? 'start';

  // Opportunity -> (fy, row, col) first, since it decides which inactive rows/columns carry money.
  const oppFy = new Int32Array(input.opportunities.length);
  const yearSet = new Set<number>(input.fiscalYears);
  const usedBc = new Set<string>();
  const usedOff = new Set<string>();
  input.opportunities.forEach((o, i) => {
    const fy = fiscalYearOf(o.closeDate, startMonth, namedBy);
    oppFy[i] = fy;
    yearSet.add(fy);
    if (o.buyingCenterId) usedBc.add(o.buyingCenterId);
    if (o.offeringId) usedOff.add(o.offeringId);
  });
  for (const c of input.cells) if (c.potential) (usedBc.add(c.buyingCenterId), usedOff.add(c.offeringId));
  const years = [...yearSet].sort((a, b) => a - b);
  const yearIndex = new Map(years.map((y, i) => [y, i]));

  const columns = input.offerings.filter((o) => o.active || options.includeInactive || usedOff.has(o.id)).sort(bySortThenName);
  const colIndex = new Map(columns.map((c, i) => [c.id, i]));

  // Rows in tree order. Parent loops and unknown parents become top-level rows.
  const shownBc = input.buyingCenters.filter((b) => b.active || options.includeInactive || usedBc.has(b.id));
  const shownIds = new Set(shownBc.map((b) => b.id));
  const parentOf = new Map<string, string | null>();
  for (const b of shownBc) parentOf.set(b.id, b.parentId && shownIds.has(b.parentId) && b.parentId !== b.id ? b.parentId : null);
  const repairedBuyingCenters: string[] = [];
  const walkOf = new Map<string, number>();
  let walk = 0;
  for (const b of shownBc) {
    if (walkOf.has(b.id)) continue;
    walk++;
    const path: string[] = [];
    let cur: string | null = b.id;
    while (cur !== null && !walkOf.has(cur)) {
      walkOf.set(cur, walk);
      path.push(cur);
      cur = parentOf.get(cur) ?? null;
    }
    if (cur !== null && walkOf.get(cur) === walk) {
      const loop = path.slice(path.indexOf(cur));
      const breakAt = loop.reduce((m, id) => (id < m ? id : m), loop[0]);
      parentOf.set(breakAt, null);
      repairedBuyingCenters.push(breakAt);
    }
  }
  const kids = new Map<string | null, MatrixBuyingCenter[]>();
  for (const b of shownBc) {
    const p = parentOf.get(b.id) ?? null;
    const list = kids.get(p);
    if (list) list.push(b);
    else kids.set(p, [b]);
  }
  for (const list of kids.values()) list.sort(bySortThenName);
  const rows: MatrixRow[] = [];
  const stack: { b: MatrixBuyingCenter; depth: number }[] = (kids.get(null) ?? []).map((b) => ({ b, depth: 0 })).reverse();
  while (stack.length) {
    const { b, depth } = stack.pop() as { b: MatrixBuyingCenter; depth: number };
    const children = kids.get(b.id) ?? [];
    rows.push({ buyingCenter: b, depth, parentId: parentOf.get(b.id) ?? null, childIds: children.map((c) => c.id) });
    for (let k = children.length - 1; k >= 0; k--) stack.push({ b: children[k], depth: depth + 1 });
  }
  const rowIndex = new Map(rows.map((r, i) => [r.buyingCenter.id, i]));
  const nCols = columns.length;
  const nCells = rows.length * nCols;

  // Dense money arrays per year: [year][row * nCols + col].
  const won = years.map(() => new Float64Array(nCells));
  const pipe = years.map(() => new Float64Array(nCells));
  const pot = years.map(() => new Float64Array(nCells));
  // Dense, pre-filled arrays: sparse writes would drop V8 into slow dictionary-mode arrays.
  const oppIds: (string[] | null)[][] = years.map(() => new Array<string[] | null>(nCells).fill(null));
  const landscape: (LandscapeCellDto | null)[][] = years.map(() => new Array<LandscapeCellDto | null>(nCells).fill(null));
  for (const c of input.cells) {
    const y = yearIndex.get(c.fiscalYear);
    const r = rowIndex.get(c.buyingCenterId);
    const k = colIndex.get(c.offeringId);
    if (y === undefined || r === undefined || k === undefined) continue;
    landscape[y][r * nCols + k] = c;
    pot[y][r * nCols + k] = c.potential ?? 0;
  }

  const unmappedList: UnmappedOpportunity[] = [];
  const unmapped = years.map(() => ({ ...zero(), opportunityIds: [] as string[] }));
  const growth = years.map(() => ({ mining: { won: 0, pipeline: 0 }, farming: { won: 0, pipeline: 0 } }));
  // Which (row, col) had won business, by year, for the mining/farming inference.
  const firstWonYear = new Map<number, number>();
  input.opportunities.forEach((o, i) => {
    if (!o.isWon) return;
    const r = o.buyingCenterId ? rowIndex.get(o.buyingCenterId) : undefined;
    const k = o.offeringId ? colIndex.get(o.offeringId) : undefined;
    if (r === undefined || k === undefined) return;
    const cell = r * nCols + k;
    const prev = firstWonYear.get(cell);
    if (prev === undefined || oppFy[i] < prev) firstWonYear.set(cell, oppFy[i]);
  });

  input.opportunities.forEach((o, i) => {
    if (o.isClosed && !o.isWon) return;
    const fy = oppFy[i];
    const y = yearIndex.get(fy) as number;
    const amount = o.amount ?? 0;
    const value = o.isWon ? amount : options.weighted ? (amount * (o.probability ?? 0)) / 100 : amount;
    const r = o.buyingCenterId ? rowIndex.get(o.buyingCenterId) : undefined;
    const k = o.offeringId ? colIndex.get(o.offeringId) : undefined;
    let cell = -1;
    if (r === undefined || k === undefined) {
      const reason: UnmappedReason = !o.buyingCenterId
        ? 'no-buying-center'
        : !o.offeringId
          ? 'no-offering'
          : r === undefined
            ? 'unknown-buying-center'
            : 'unknown-offering';
      unmappedList.push({ opportunityId: o.id, fiscalYear: fy, reason });
      const u = unmapped[y];
      if (o.isWon) u.won += value;
      else u.pipeline += value;
      u.opportunityIds.push(o.id);
    } else {
      cell = r * nCols + k;
      if (o.isWon) won[y][cell] += value;
      else pipe[y][cell] += value;
      (oppIds[y][cell] ??= []).push(o.id);
    }
    let type = o.growthType;
    if (!type) {
      const first = cell >= 0 ? firstWonYear.get(cell) : undefined;
      type = first !== undefined && first < fy ? 'Mining' : 'Farming';
    }
    const g = type === 'Mining' ? growth[y].mining : growth[y].farming;
    if (o.isWon) g.won += value;
    else g.pipeline += value;
  });

  const goalFor = (fy: number): PlanGoals | null => (input.plan && input.plan.fiscalYear === fy ? input.plan : null);
  const yearsOut: MatrixYear[] = years.map((fy, y) => {
    const cells: MatrixCell[] = new Array(nCells);
    for (let i = 0; i < nCells; i++) {
      const w = won[y][i];
      const p = pipe[y][i];
      const l = landscape[y][i];
      const status: CellStatus = w > 0 ? 'won' : p > 0 ? 'active' : l ? STATE_OF_CELL[l.state] : 'unassessed';
      let change: YearChange | null = null;
      if (y > 0 && years[y - 1] === fy - 1) {
        const before = won[y - 1][i] + pipe[y - 1][i];
        const now = w + p;
        change = before === 0 && now > 0 ? 'new' : before > 0 && now === 0 ? 'lost' : now > before ? 'grown' : now < before ? 'shrunk' : 'unchanged';
      }
      cells[i] = {
        won: w,
        pipeline: p,
        potential: pot[y][i],
        status,
        competitor: l?.state === 'Competitor' ? l.competitor : null,
        landscapeCellId: l?.id ?? null,
        opportunityIds: oppIds[y][i] ?? NO_IDS,
        change,
        rolled: { won: w, pipeline: p, potential: pot[y][i] }
      };
    }
    // Roll children into parents: reverse tree order visits every child before its parent.
    const rowTotals = rows.map(() => ({ own: zero(), rolled: zero(), goal: null as number | null }));
    for (let r = rows.length - 1; r >= 0; r--) {
      const t = rowTotals[r];
      t.goal = rows[r].buyingCenter.salesGoal;
      for (let k = 0; k < nCols; k++) add(t.own, cells[r * nCols + k]);
      add(t.rolled, t.own);
      for (const childId of rows[r].childIds) {
        const c = rowIndex.get(childId) as number;
        add(t.rolled, rowTotals[c].rolled);
        for (let k = 0; k < nCols; k++) add(cells[r * nCols + k].rolled, cells[c * nCols + k].rolled);
      }
    }
    const columnTotals = columns.map(() => zero());
    const grandTotal = zero();
    for (let r = 0; r < rows.length; r++) {
      for (let k = 0; k < nCols; k++) add(columnTotals[k], cells[r * nCols + k]);
      add(grandTotal, rowTotals[r].own);
    }
    add(grandTotal, unmapped[y]);
    const plan = goalFor(fy);
    return {
      fiscalYear: fy,
      cells,
      rowTotals,
      columnTotals,
      unmapped: unmapped[y],
      grandTotal,
      goal: plan?.revenueGoal ?? null,
      mining: { ...growth[y].mining, goal: plan?.miningGoal ?? null },
      farming: { ...growth[y].farming, goal: plan?.farmingGoal ?? null }
    };
  });

  return { rows, columns, years: yearsOut, unmapped: unmappedList, repairedBuyingCenters };
}

/** The cell of one buying center x offering in one year's matrix, or undefined. */
export function cellAt(matrix: WhitespaceMatrix, fiscalYear: number, buyingCenterId: string, offeringId: string): MatrixCell | undefined {
  const year = matrix.years.find((y) => y.fiscalYear === fiscalYear);
  const r = matrix.rows.findIndex((row) => row.buyingCenter.id === buyingCenterId);
  const k = matrix.columns.findIndex((c) => c.id === offeringId);
  if (!year || r < 0 || k < 0) return undefined;
  return year.cells[r * matrix.columns.length + k];
}
