/**
 * The reporting structure of a generated organisation, as manager indexes (`parent[i] < i`, -1 for the
 * top), and the figures that say whether it looks like a real company.
 *
 * - `realistic`: what HR surveys report for large companies: first-line managers with about 5-8 direct
 *   reports, 75-85% individual contributors, fewer than 12 levels. Built as a manager tree (4-7 managers
 *   under each upper manager) whose first-line managers then get their teams.
 * - `deep`: the stress case the generators built before (issue 18): everyone reports to someone recent,
 *   so 60% are managers, the median span is 1 and the chain is ~60 levels deep. Kept to keep the
 *   layout, paging and keyboard paths honest on pathological data.
 */
export type OrgShape = 'realistic' | 'deep';

export const ORG_SHAPES: readonly OrgShape[] = ['realistic', 'deep'];

/** Share of individual contributors a realistic organisation is generated with. */
const IC_SHARE = 0.82;

/** A uniform integer in [lo, hi] from `rand`. */
const between = (rand: () => number, lo: number, hi: number): number =>
  lo + Math.floor(rand() * (hi - lo + 1));

/**
 * Manager index of each of `n` people (-1 for the top person), parents always before their reports,
 * in breadth-first order (the CEO, then their reports, ...). Deterministic in `rand`.
 */
export function managerIndexes(n: number, shape: OrgShape, rand: () => number): Int32Array {
  return shape === 'deep' ? deepManagers(n, rand) : realisticManagers(n, rand);
}

function deepManagers(n: number, rand: () => number): Int32Array {
  const parent = new Int32Array(Math.max(0, n));
  for (let i = 0; i < n; i++) {
    if (i === 0) parent[i] = -1;
    else {
      const span = Math.max(1, Math.floor(i * 0.6));
      parent[i] = Math.max(0, i - 1 - Math.floor(rand() * rand() * span));
    }
  }
  return parent;
}

function realisticManagers(n: number, rand: () => number): Int32Array {
  if (n <= 0) return new Int32Array(0);
  // 1. The manager tree, breadth-first: each upper manager leads 4-7 managers (some lead only a team).
  const managers = Math.max(1, Math.round(n * (1 - IC_SHARE)));
  const managerOf: number[] = [-1];
  const reportsOf: number[][] = [[]];
  for (let m = 0; managerOf.length < managers; m++) {
    // The top two levels always lead managers; below, 15% of managers lead a team of individuals only.
    if (m > 0 && managerOf[m] > 0 && rand() < 0.15) continue;
    const k = between(rand, 4, 7);
    for (let j = 0; j < k && managerOf.length < managers; j++) {
      managerOf.push(m);
      reportsOf.push([]);
      reportsOf[m].push(managerOf.length - 1);
    }
  }
  // 2. Teams: first-line managers get 4-10 individuals, upper managers 0-2 (staff, assistants), scaled
  // to the individuals there are.
  const quota = reportsOf.map((r) => (r.length === 0 ? between(rand, 4, 10) : between(rand, 0, 2)));
  const ics = n - managers;
  const total = quota.reduce((s, q) => s + q, 0) || 1;
  let given = 0;
  const teams = quota.map((q) => {
    const t = Math.floor((q * ics) / total);
    given += t;
    return t;
  });
  // The rounding remainder goes to first-line managers in turn (any manager if there is none).
  const firstLine = reportsOf.map((r, i) => (r.length === 0 ? i : -1)).filter((i) => i >= 0);
  const takers = firstLine.length ? firstLine : reportsOf.map((_, i) => i);
  for (let t = 0; given < ics; t++, given++) teams[takers[t % takers.length]]++;
  // 3. Number everyone breadth-first so a manager always comes before their reports; a boss's
  // individuals are listed before the managers under them (as most charts list a team).
  const parent = new Int32Array(n);
  parent[0] = -1;
  const indexOf = new Int32Array(reportsOf.length);
  const queue: number[] = [0];
  let next = 1;
  for (let q = 0; q < queue.length; q++) {
    const m = queue[q];
    const me = indexOf[m];
    for (let t = 0; t < teams[m]; t++) parent[next++] = me;
    for (const r of reportsOf[m]) {
      indexOf[r] = next;
      parent[next++] = me;
      queue.push(r);
    }
  }
  return parent;
}

export interface OrgShapeFigures {
  people: number;
  /** People with at least one direct report. */
  managers: number;
  /** Share of people without direct reports. */
  individualShare: number;
  /** Median number of direct reports of a manager. */
  medianSpan: number;
  maxSpan: number;
  /** Levels from the top person down (a single person is 1 level). */
  levels: number;
}

/** The shape figures of a reporting structure given as manager indexes (-1 or null for none). */
export function orgShapeFigures(parent: ArrayLike<number | null>): OrgShapeFigures {
  const n = parent.length;
  const span = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    if (p !== null && p >= 0) span[p]++;
  }
  // Depth by walking up (memoised): no assumption about the order.
  const depth = new Int32Array(n).fill(-1);
  let levels = 0;
  for (let i = 0; i < n; i++) {
    const chain: number[] = [];
    let cur = i;
    while (cur >= 0 && depth[cur] < 0 && chain.length <= n) {
      chain.push(cur);
      const p = parent[cur];
      cur = p === null ? -1 : p;
    }
    let d = cur >= 0 ? depth[cur] : -1;
    for (let k = chain.length - 1; k >= 0; k--) depth[chain[k]] = ++d;
    if (d + 1 > levels) levels = d + 1;
  }
  const spans = Array.from(span.filter((s) => s > 0)).sort((a, b) => a - b);
  return {
    people: n,
    managers: spans.length,
    individualShare: n ? 1 - spans.length / n : 0,
    medianSpan: spans.length ? spans[Math.floor(spans.length / 2)] : 0,
    maxSpan: spans.length ? spans[spans.length - 1] : 0,
    levels
  };
}
