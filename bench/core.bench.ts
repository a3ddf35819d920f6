/**
 * Domain core benchmarks. Prints one JSON line per figure:
 *   {"name", "ms" (median), "target_ms", "runs", "min_ms", "max_ms", ...}
 * Run: npx tsx bench/core.bench.ts   (or npm run bench for every bench/*.bench.ts)
 */
import { loadavg } from 'node:os';
import { hierarchy, tree } from 'd3-hierarchy';
import {
  buildMatrix,
  buildOrgForest,
  buildViewportIndex,
  compactLayout,
  computeHeat,
  layoutOrgChart,
  nextMoves,
  placeLinks
} from '../force-app/main/default/lwc/keyplanCore/keyplanCore';
import { ORG_SHAPES, generateAccount, orgShapeFigures } from '../src/generator';

const TODAY = new Date('2025-06-15T00:00:00Z');

interface Timing {
  median: number;
  min: number;
  max: number;
  /** Median CPU time of this process: on a shared, busy machine wall time also counts other people's work. */
  cpu: number;
}

function measure(fn: () => void, runs: number, warmup = 3): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    max: times[times.length - 1],
    cpu: cpu[Math.floor(cpu.length / 2)]
  };
}

/**
 * Times several functions taking turns (a, b, c, b, c, a, c, a, b, ...): each pays for the garbage the others
 * leave as much as for its own, and a busy spell on the machine hits them alike. Timed one after the
 * other, the first one measured also paid for the heap growing and for the previous benchmark's garbage.
 */
function measureTogether(fns: (() => void)[], runs: number, warmup = 5): Timing[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times = fns.map((): number[] => []);
  const cpu = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    // Each round starts with the next function, so none always follows the same other one.
    for (let j = 0; j < fns.length; j++) {
      const k = (i + j) % fns.length;
      const c = process.cpuUsage();
      const t = performance.now();
      fns[k]();
      times[k].push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu[k].push((used.user + used.system) / 1000);
    }
  }
  return fns.map((_, k) => {
    const ts = times[k].sort((a, b) => a - b);
    const cs = cpu[k].sort((a, b) => a - b);
    return { median: ts[Math.floor(runs / 2)], min: ts[0], max: ts[runs - 1], cpu: cs[Math.floor(runs / 2)] };
  });
}

const round = (x: number): number => Math.round(x * 100) / 100;
function report(
  name: string,
  r: Timing,
  target: number | null,
  runs: number,
  extra: Record<string, unknown> = {}
): void {
  console.log(
    JSON.stringify({
      name,
      ms: round(r.median),
      target_ms: target,
      runs,
      min_ms: round(r.min),
      max_ms: round(r.max),
      cpu_ms: round(r.cpu),
      load_avg_1m: round(loadavg()[0]),
      ...extra,
      pass: target === null ? null : r.median < target
    })
  );
}

// Org chart, for both organisation shapes (src/generator/orgShape.ts): the realistic one (median span 6,
// 82% individual contributors, 7 levels) and the deep stress case (median span 1, ~60 levels).
// The chart lays out compactly (people without reports stacked under their manager), as the component does.
const CHART = { compact: true } as const;
for (const shape of ORG_SHAPES) {
  // 10,000 contacts + 20,000 links, build + layout + heat (+ link placement and index).
  const org = generateAccount({
    seed: 42,
    contacts: 10_000,
    links: 20_000,
    buyingCenters: 40,
    offerings: 5,
    opportunities: 0,
    shape
  }).orgChart;
  const orgRuns = 9;
  const orgResult = measure(() => {
    const forest = buildOrgForest(org.contacts);
    const layout = layoutOrgChart(forest, CHART);
    computeHeat(
      org.contacts.map((c) => c.id),
      org.links,
      { today: TODAY }
    );
    const { placed } = placeLinks(layout, org.links);
    buildViewportIndex(layout, placed).query({ x1: 0, y1: 0, x2: 1920, y2: 1080 });
  }, orgRuns);
  const forest = buildOrgForest(org.contacts);
  const index = new Map(org.contacts.map((c, i) => [c.id, i]));
  const figures = orgShapeFigures(
    org.contacts.map((c) => (c.reportsToId ? (index.get(c.reportsToId) ?? -1) : -1))
  );
  report(`orgchart.build_layout_heat.10k_contacts_20k_links.${shape}`, orgResult, 300, orgRuns, {
    shape,
    contacts: org.contacts.length,
    links: org.links.length,
    levels: figures.levels,
    median_span: figures.medianSpan,
    individual_share: round(figures.individualShare)
  });

  // Layout vs plain d3 tree() on the same (already built) forest; target: at most 1.0x (CPU time).
  // Ours is the whole layout the chart draws (boxes, reporting lines, lookups); d3 places the same
  // forest with hierarchy() + tree(). The placement alone (positions, as d3 returns them) is shown too.
  const ratioRuns = 41;
  const [ours, plain, placement] = measureTogether(
    [
      () => layoutOrgChart(forest, CHART),
      () => {
        const root = hierarchy<string>('', (id) => (id === '' ? forest.roots : forest.childrenOf.get(id)));
        tree<string>().nodeSize([176, 104])(root);
      },
      () =>
        compactLayout({
          roots: forest.rootAt,
          kidStart: forest.kidStart,
          kidList: forest.kidList,
          allKidStart: null,
          width: 160,
          height: 56,
          siblingGap: 16,
          cousinGap: 32,
          levelHeight: 104,
          levelGap: 48,
          stackPitch: 68,
          indent: 20,
          maxStack: 10
        })
    ],
    ratioRuns
  );
  const ratioCpu = ours.cpu / plain.cpu;
  console.log(
    JSON.stringify({
      name: `orgchart.layout_vs_d3_tree.ratio.${shape}`,
      shape,
      ms: round(ours.median),
      cpu_ms: round(ours.cpu),
      d3_tree_ms: round(plain.median),
      d3_tree_cpu_ms: round(plain.cpu),
      ratio: round(ours.median / plain.median),
      ratio_cpu: round(ratioCpu),
      ratio_of_min: round(ours.min / plain.min),
      placement_only_cpu_ms: round(placement.cpu),
      placement_only_ratio_cpu: round(placement.cpu / plain.cpu),
      target_ratio_cpu: 1,
      runs: ratioRuns,
      load_avg_1m: round(loadavg()[0]),
      pass: ratioCpu <= 1
    })
  );

  // Fully expanded chart width: compact vs a tidy tree of the same forest (target: at least 4x narrower
  // on the realistic shape), with the chart's own box sizes.
  const chartSize = { nodeSize: () => ({ width: 180, height: 80 }), levelGap: 56 };
  const compact = layoutOrgChart(forest, { ...chartSize, compact: true });
  const tidy = layoutOrgChart(forest, chartSize);
  const narrower = tidy.width / compact.width;
  console.log(
    JSON.stringify({
      name: `orgchart.expanded_width_vs_tidy.${shape}`,
      shape,
      compact_width_px: Math.round(compact.width),
      compact_height_px: Math.round(compact.height),
      tidy_width_px: Math.round(tidy.width),
      tidy_height_px: Math.round(tidy.height),
      narrower: round(narrower),
      target_narrower: shape === 'realistic' ? 4 : null,
      screens_1920: round(compact.width / 1920),
      pass: shape === 'realistic' ? narrower >= 4 : null
    })
  );

  // Viewport query on the laid-out chart.
  const layout = layoutOrgChart(forest, CHART);
  const vindex = buildViewportIndex(layout, placeLinks(layout, org.links).placed);
  const q = measure(
    () => vindex.query({ x1: layout.width / 2, y1: 0, x2: layout.width / 2 + 1920, y2: 1080 }),
    51
  );
  report(`orgchart.viewport_query.${shape}`, q, 16, 51, {
    chart_width: Math.round(layout.width),
    chart_height: Math.round(layout.height)
  });
}

// Whitespace matrix: 300 buying centers x 60 offerings x 50,000 opportunities over 3 years.
const wsAccount = generateAccount({
  seed: 7,
  contacts: 10_000,
  links: 20_000,
  buyingCenters: 300,
  offerings: 60,
  opportunities: 50_000,
  years: 3
});
const ws = wsAccount.whitespace;
const matrixRuns = 9;
const m = measure(() => buildMatrix(ws, { weighted: true }), matrixRuns);
report('matrix.300bc_60off_50k_opps_3y', m, 100, matrixRuns, {
  cells: ws.cells.length,
  opportunities: ws.opportunities.length
});
// The same matrix with its next moves (docs/DEFINITIONS.md), what the matrix component computes.
const wsYear = Math.max(...ws.fiscalYears);
let moveCount = 0;
const mm = measure(() => {
  const matrix = buildMatrix(ws, { weighted: true, focusYear: wsYear });
  moveCount = nextMoves(
    { matrix, fiscalYear: wsYear, contacts: wsAccount.orgChart.contacts, links: wsAccount.orgChart.links },
    { today: TODAY, limit: 10 }
  ).length;
}, matrixRuns);
report('matrix.with_next_moves.300bc_60off_50k_opps_10k_contacts', mm, 100, matrixRuns, {
  contacts: wsAccount.orgChart.contacts.length,
  links: wsAccount.orgChart.links.length,
  moves: moveCount
});
