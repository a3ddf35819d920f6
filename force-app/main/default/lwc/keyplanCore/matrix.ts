/**
 * The whitespace matrix: buying centers (nested) x offerings x fiscal years, filled live from
 * opportunities and from the assessed landscape cells. Money is never dropped: an opportunity that
 * cannot be placed in a cell goes to the unmapped bucket with the reason.
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
  cellStatus,
  cellKey,
  dealAmount,
  dealKind,
  firstWonYears,
  fiscalYearOf,
  growthFrom,
  potentialOf,
  weightedAmount,
  type CellStatus,
  type CurrencySetting,
  type FiscalYearSetting,
  type WonHistory
} from './figures';

export type YearChange = 'new' | 'lost' | 'grown' | 'shrunk' | 'unchanged';
export type UnmappedReason =
  'no-buying-center' | 'no-offering' | 'unknown-buying-center' | 'unknown-offering';

/** Won, open pipeline, open whitespace potential and competitive potential (docs/DEFINITIONS.md). */
export interface Money3 {
  won: number;
  pipeline: number;
  /** Potential of cells in state Whitespace (potentialOf). */
  potential: number;
  /** Potential of cells in state Competitor (potentialOf). */
  competitive: number;
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
  /** The status with the sub-centers' deals (cellStatus; equals status for a leaf). */
  rolledStatus: CellStatus;
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
}

/** Shared by every cell without opportunities (most of them); frozen so nobody pushes into it. */
const NO_IDS: string[] = Object.freeze([] as string[]) as string[];

const zero = (): Money3 => ({ won: 0, pipeline: 0, potential: 0, competitive: 0 });
function add(a: Money3, b: Money3): void {
  a.won += b.won;
  a.pipeline += b.pipeline;
  a.potential += b.potential;
  a.competitive += b.competitive;
}

const bySortThenName = <T extends { sortOrder: number | null; name: string; id: string }>(
  a: T,
  b: T
): number => {
  const sa = a.sortOrder ?? Number.MAX_SAFE_INTEGER;
  const sb = b.sortOrder ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sa - sb;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** Year of an ISO date without slicing strings (the hot loop sees 50,000 of them). */
function fastFiscalYear(d: string, startMonth: number, namedBy: 'start' | 'end'): number {
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

/**
 * An array of `n` cells that builds each cell object the first time it is read and keeps it. A
 * 300 x 60 x 3 matrix has 54,000 cells but a virtualised grid shows a few hundred: building them all
 * up front was most of the matrix's cost. Reads by index, iteration, `in`, Object.keys and the array
 * methods all work as on a plain array.
 */
function lazyCells(n: number, make: (i: number) => MatrixCell): MatrixCell[] {
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

const OPP_WON = 1;
const OPP_SKIP = 2; // closed lost: carries no money
const OPP_MINING = 4;
/** Per year x cell: which kinds of deal it holds (cellStatus). */
const HAS_WON = 1;
const HAS_OPEN = 2;

/**
 * Builds the matrix. Years shown are `fiscalYears` plus every year an opportunity closes in, sorted;
 * earlier years still inform the mining/farming inference.
 */
export function buildMatrix(input: MatrixInput, options: MatrixOptions = {}): WhitespaceMatrix {
  const setting: FiscalYearSetting = options.fiscalYear ?? {
    startMonth: options.fiscalYearStartMonth ?? CALENDAR_FISCAL_YEAR.startMonth,
    namedBy: options.fiscalYearNamedBy ?? CALENDAR_FISCAL_YEAR.namedBy
  };
  const { startMonth, namedBy } = setting;
  const weighted = !!options.weighted;
  const focusYear =
    options.focusYear ?? (input.fiscalYears.length ? Math.max(...input.fiscalYears) : undefined);
  const opps = input.opportunities;
  const nOpps = opps.length;

  // One pass over the opportunity objects: everything later reads these typed arrays.
  const bcInput = new Map<string, number>();
  input.buyingCenters.forEach((b, i) => {
    if (!bcInput.has(b.id)) bcInput.set(b.id, i);
  });
  const offInput = new Map<string, number>();
  input.offerings.forEach((o, i) => {
    if (!offInput.has(o.id)) offInput.set(o.id, i);
  });
  const NONE = -1; // no id on the opportunity
  const UNKNOWN = -2; // an id that is not in the input
  const oppBc = new Int32Array(nOpps);
  const oppOff = new Int32Array(nOpps);
  const oppFy = new Int32Array(nOpps);
  const oppValue = new Float64Array(nOpps);
  const oppFlags = new Uint8Array(nOpps);
  const usedBc = new Uint8Array(input.buyingCenters.length);
  const usedOff = new Uint8Array(input.offerings.length);
  const yearSet = new Set<number>(input.fiscalYears);
  const oppKind = new Uint8Array(nOpps); // 0 open, 1 won, 2 lost (dealKind)
  let lastFy = NaN;
  for (let i = 0; i < nOpps; i++) {
    const o = opps[i];
    // The platform's Opportunity.FiscalYear when the row carries it (dealFiscalYear), else the close date.
    const fy =
      typeof o.fiscalYear === 'number' ? o.fiscalYear : fastFiscalYear(o.closeDate, startMonth, namedBy);
    oppFy[i] = fy;
    if (fy !== lastFy) yearSet.add((lastFy = fy));
    const kind = dealKind(o);
    oppKind[i] = kind === 'open' ? 0 : kind === 'won' ? 1 : 2;
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
  const nOffIn = input.offerings.length;
  const firstWon = new Int32Array(input.buyingCenters.length * nOffIn).fill(0x7fffffff);
  let outside: Map<string, number> | null = null;
  for (const h of input.wonHistory ?? []) {
    const b = bcInput.get(h.buyingCenterId);
    const k = offInput.get(h.offeringId);
    if (b === undefined || k === undefined) continue;
    const fy = fiscalYearOf(h.firstWonDate, startMonth, namedBy);
    if (fy < firstWon[b * nOffIn + k]) firstWon[b * nOffIn + k] = fy;
  }
  for (let i = 0; i < nOpps; i++)
    if (oppKind[i] === 1 && oppBc[i] >= 0 && oppOff[i] >= 0) {
      const at = oppBc[i] * nOffIn + oppOff[i];
      if (oppFy[i] < firstWon[at]) firstWon[at] = oppFy[i];
    }
  for (let i = 0; i < nOpps; i++) {
    if (oppKind[i] === 2) {
      oppFlags[i] = OPP_SKIP;
      continue;
    }
    const o = opps[i];
    const isWon = oppKind[i] === 1;
    let first: number | undefined;
    if (oppBc[i] >= 0 && oppOff[i] >= 0) {
      const f = firstWon[oppBc[i] * nOffIn + oppOff[i]];
      first = f === 0x7fffffff ? undefined : f;
    } else if (oppBc[i] === UNKNOWN || oppOff[i] === UNKNOWN) {
      outside ??= firstWonYears(input.wonHistory, opps, setting);
      if (o.buyingCenterId && o.offeringId) first = outside.get(cellKey(o.buyingCenterId, o.offeringId));
    }
    oppFlags[i] = (isWon ? OPP_WON : 0) | (growthFrom(o, first, oppFy[i]) === 'Mining' ? OPP_MINING : 0);
    const amount = dealAmount(o, options.currency);
    oppValue[i] = isWon || !weighted ? amount : weightedAmount(amount, o.probability);
  }
  for (const c of input.cells) {
    if (focusYear !== undefined && c.fiscalYear !== focusYear) continue;
    const p = potentialOf(c, options.currency);
    if (!p.whitespace && !p.competitive) continue;
    const b = bcInput.get(c.buyingCenterId);
    const k = offInput.get(c.offeringId);
    if (b !== undefined) usedBc[b] = 1;
    if (k !== undefined) usedOff[k] = 1;
  }
  const years = [...yearSet].sort((a, b) => a - b);
  const nYears = years.length;
  const yearIndex = new Map(years.map((y, i) => [y, i]));

  const columns = input.offerings
    .filter((o) => o.active || options.includeInactive || usedOff[offInput.get(o.id) as number] === 1)
    .sort(bySortThenName);

  // Rows in tree order. Parent loops and unknown parents become top-level rows.
  const shownBc = input.buyingCenters.filter(
    (b) => b.active || options.includeInactive || usedBc[bcInput.get(b.id) as number] === 1
  );
  const shownIds = new Set(shownBc.map((b) => b.id));
  const parentOf = new Map<string, string | null>();
  for (const b of shownBc)
    parentOf.set(b.id, b.parentId && shownIds.has(b.parentId) && b.parentId !== b.id ? b.parentId : null);
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
  const stack: { b: MatrixBuyingCenter; depth: number }[] = (kids.get(null) ?? [])
    .map((b) => ({ b, depth: 0 }))
    .reverse();
  while (stack.length) {
    const { b, depth } = stack.pop() as { b: MatrixBuyingCenter; depth: number };
    const children = kids.get(b.id) ?? [];
    rows.push({
      buyingCenter: b,
      depth,
      parentId: parentOf.get(b.id) ?? null,
      childIds: children.map((c) => c.id)
    });
    for (let k = children.length - 1; k >= 0; k--) stack.push({ b: children[k], depth: depth + 1 });
  }
  const nRows = rows.length;
  const nCols = columns.length;
  const nCells = nRows * nCols;
  const N = nYears * nCells;

  // Input index -> row / column, so the opportunity loop below does no lookups by id.
  const rowOfInput = new Int32Array(input.buyingCenters.length).fill(-1);
  rows.forEach((r, i) => {
    rowOfInput[bcInput.get(r.buyingCenter.id) as number] = i;
  });
  const colOfInput = new Int32Array(input.offerings.length).fill(-1);
  columns.forEach((c, i) => {
    colOfInput[offInput.get(c.id) as number] = i;
  });
  const rowIndex = new Map(rows.map((r, i) => [r.buyingCenter.id, i]));
  const childRows: Int32Array[] = rows.map((r) =>
    Int32Array.from(r.childIds, (id) => rowIndex.get(id) as number)
  );
  const yearOf = new Int32Array(nOpps);
  for (let i = 0; i < nOpps; i++) yearOf[i] = yearIndex.get(oppFy[i]) as number;

  // One Float64Array per measure, indexed year * nCells + row * nCols + col.
  const won = new Float64Array(N);
  const pipe = new Float64Array(N);
  const pot = new Float64Array(N);
  const comp = new Float64Array(N);
  const dealsAt = new Uint8Array(N);
  const landscapeAt = new Int32Array(N).fill(-1);
  input.cells.forEach((c, i) => {
    const y = yearIndex.get(c.fiscalYear);
    const b = bcInput.get(c.buyingCenterId);
    const o = offInput.get(c.offeringId);
    if (y === undefined || b === undefined || o === undefined) return;
    const r = rowOfInput[b];
    const k = colOfInput[o];
    if (r < 0 || k < 0) return;
    const at = y * nCells + r * nCols + k;
    landscapeAt[at] = i;
    const p = potentialOf(c, options.currency);
    pot[at] = p.whitespace;
    comp[at] = p.competitive;
  });

  // The cell of each opportunity (-1 unmapped).
  const oppCell = new Int32Array(nOpps);
  for (let i = 0; i < nOpps; i++) {
    const r = oppBc[i] >= 0 ? rowOfInput[oppBc[i]] : -1;
    const k = oppOff[i] >= 0 ? colOfInput[oppOff[i]] : -1;
    oppCell[i] = r >= 0 && k >= 0 ? r * nCols + k : -1;
  }

  // Opportunity ids per cell as linked lists in opportunity order, turned into arrays only when read.
  const head = new Int32Array(N).fill(-1);
  const tail = new Int32Array(N).fill(-1);
  const next = new Int32Array(nOpps).fill(-1);
  const unmappedList: UnmappedOpportunity[] = [];
  const unmapped = years.map(() => ({ ...zero(), opportunityIds: [] as string[] }));
  const mining = new Float64Array(nYears * 2); // [won, pipeline] per year
  const farming = new Float64Array(nYears * 2);
  for (let i = 0; i < nOpps; i++) {
    const flags = oppFlags[i];
    if (flags & OPP_SKIP) continue;
    const y = yearOf[i];
    const value = oppValue[i];
    const isWon = (flags & OPP_WON) !== 0;
    const cell = oppCell[i];
    if (cell < 0) {
      const b = oppBc[i];
      const k = oppOff[i];
      const reason: UnmappedReason =
        b === NONE
          ? 'no-buying-center'
          : k === NONE
            ? 'no-offering'
            : b === UNKNOWN || rowOfInput[b] < 0
              ? 'unknown-buying-center'
              : 'unknown-offering';
      const id = opps[i].id;
      unmappedList.push({ opportunityId: id, fiscalYear: oppFy[i], reason });
      const u = unmapped[y];
      if (isWon) u.won += value;
      else u.pipeline += value;
      u.opportunityIds.push(id);
    } else {
      const at = y * nCells + cell;
      if (isWon) won[at] += value;
      else pipe[at] += value;
      dealsAt[at] |= isWon ? HAS_WON : HAS_OPEN;
      if (head[at] < 0) head[at] = i;
      else next[tail[at]] = i;
      tail[at] = i;
    }
    const g = flags & OPP_MINING ? mining : farming;
    g[y * 2 + (isWon ? 0 : 1)] += value;
  }

  // Rolled-up money: reverse tree order visits every child before its parent; children add in order.
  const rWon = won.slice();
  const rPipe = pipe.slice();
  const rPot = pot.slice();
  const rComp = comp.slice();
  const rDeals = dealsAt.slice();
  for (let y = 0; y < nYears; y++) {
    const base = y * nCells;
    for (let r = nRows - 1; r >= 0; r--) {
      const childList = childRows[r];
      const to = base + r * nCols;
      for (let c = 0; c < childList.length; c++) {
        const from = base + childList[c] * nCols;
        for (let k = 0; k < nCols; k++) {
          rWon[to + k] += rWon[from + k];
          rPipe[to + k] += rPipe[from + k];
          rPot[to + k] += rPot[from + k];
          rComp[to + k] += rComp[from + k];
          rDeals[to + k] |= rDeals[from + k];
        }
      }
    }
  }

  const idsAt = (at: number): string[] => {
    if (head[at] < 0) return NO_IDS;
    const ids: string[] = [];
    for (let j = head[at]; j >= 0; j = next[j]) ids.push(opps[j].id);
    return ids;
  };
  const goalFor = (fy: number): PlanGoals | null => {
    return input.plan && input.plan.fiscalYear === fy ? input.plan : null;
  };
  const yearsOut: MatrixYear[] = years.map((fy, y) => {
    const base = y * nCells;
    const compare = y > 0 && years[y - 1] === fy - 1;
    const makeCell = (i: number): MatrixCell => {
      const at = base + i;
      const w = won[at];
      const p = pipe[at];
      const li = landscapeAt[at];
      const l = li >= 0 ? input.cells[li] : null;
      const status: CellStatus = cellStatus(
        l?.state ?? null,
        (dealsAt[at] & HAS_WON) !== 0,
        (dealsAt[at] & HAS_OPEN) !== 0
      );
      let change: YearChange | null = null;
      if (compare) {
        const before = won[at - nCells] + pipe[at - nCells];
        const now = w + p;
        change =
          before === 0 && now > 0
            ? 'new'
            : before > 0 && now === 0
              ? 'lost'
              : now > before
                ? 'grown'
                : now < before
                  ? 'shrunk'
                  : 'unchanged';
      }
      return {
        won: w,
        pipeline: p,
        potential: pot[at],
        competitive: comp[at],
        status,
        competitor: l?.state === 'Competitor' ? l.competitor : null,
        landscapeCellId: l?.id ?? null,
        opportunityIds: idsAt(at),
        change,
        rolled: { won: rWon[at], pipeline: rPipe[at], potential: rPot[at], competitive: rComp[at] },
        rolledStatus: cellStatus(
          l?.state ?? null,
          (rDeals[at] & HAS_WON) !== 0,
          (rDeals[at] & HAS_OPEN) !== 0
        )
      };
    };

    const rowTotals: MatrixYear['rowTotals'] = new Array(nRows);
    for (let r = nRows - 1; r >= 0; r--) {
      const own = zero();
      const at = base + r * nCols;
      for (let k = 0; k < nCols; k++) {
        own.won += won[at + k];
        own.pipeline += pipe[at + k];
        own.potential += pot[at + k];
        own.competitive += comp[at + k];
      }
      const rolled = zero();
      add(rolled, own);
      const childList = childRows[r];
      for (let c = 0; c < childList.length; c++) add(rolled, rowTotals[childList[c]].rolled);
      rowTotals[r] = { own, rolled, goal: rows[r].buyingCenter.salesGoal ?? null };
    }
    const columnTotals = columns.map(() => zero());
    const grandTotal = zero();
    for (let r = 0; r < nRows; r++) {
      const at = base + r * nCols;
      for (let k = 0; k < nCols; k++) {
        const t = columnTotals[k];
        t.won += won[at + k];
        t.pipeline += pipe[at + k];
        t.potential += pot[at + k];
        t.competitive += comp[at + k];
      }
      add(grandTotal, rowTotals[r].own);
    }
    add(grandTotal, unmapped[y]);
    const plan = goalFor(fy);
    return {
      fiscalYear: fy,
      cells: lazyCells(nCells, makeCell),
      rowTotals,
      columnTotals,
      unmapped: unmapped[y],
      grandTotal,
      goal: plan?.revenueGoal ?? null,
      mining: { won: mining[y * 2], pipeline: mining[y * 2 + 1], goal: plan?.miningGoal ?? null },
      farming: { won: farming[y * 2], pipeline: farming[y * 2 + 1], goal: plan?.farmingGoal ?? null }
    };
  });

  return { rows, columns, years: yearsOut, unmapped: unmappedList, repairedBuyingCenters };
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
