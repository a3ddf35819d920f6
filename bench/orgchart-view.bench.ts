/**
 * Benchmark of the org chart heatmap's view model (no DOM): 10,000 contacts and 20,000 links, for each
 * organisation shape of the generator (realistic and the deep stress case, src/generator/orgShape.ts).
 * Prints one JSON line per measurement: {"name":"orgchart.recolour","shape":..,"ms":..,"target_ms":50}.
 *
 *   npx tsx bench/orgchart-view.bench.ts [--contacts 10000] [--links 20000] [--runs 5]
 *
 * Each figure is the median of `runs` runs after one warm-up. Exits 1 when a median misses its target.
 */
import Module from 'node:module';
import path from 'node:path';
import { ORG_SHAPES, generateAccount, type OrgShape } from '../src/generator';
import type * as ViewModelModule from '../force-app/main/default/lwc/orgChartHeatmap/viewModel';

// The view model imports platform-style module names; map them to the files the build compiles from.
const LWC = path.resolve(__dirname, '../force-app/main/default/lwc');
const ALIASES: Record<string, string> = {
  'c/keyplanCore': path.join(LWC, 'keyplanCore/keyplanCore.ts'),
  'c/d3Hierarchy': require.resolve('d3-hierarchy')
};
type Resolve = (request: string, ...rest: unknown[]) => string;
// Module._resolveFilename is Node's internal CJS resolver hook; it has no public type.
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
mod._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return original.call(this, ALIASES[request] ?? request, ...rest);
};

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(fn: () => void, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return Math.round(median(times) * 100) / 100;
}

function main(): void {
  // Loaded after the alias hook is installed.
  const { OrgChartViewModel, MAX_DOM_NODES } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../force-app/main/default/lwc/orgChartHeatmap/viewModel') as typeof ViewModelModule;
  const contacts = arg('contacts', 10_000);
  const linkCount = arg('links', 20_000);
  const runs = arg('runs', 5);
  let failed = false;
  for (const shape of ORG_SHAPES)
    failed = runShape(shape, contacts, linkCount, runs, OrgChartViewModel, MAX_DOM_NODES) || failed;
  process.exitCode = failed ? 1 : 0;
}

/** Every figure on one organisation shape; returns true when one misses its target. */
function runShape(
  shape: OrgShape,
  contacts: number,
  linkCount: number,
  runs: number,
  OrgChartViewModel: typeof ViewModelModule.OrgChartViewModel,
  MAX_DOM_NODES: number
): boolean {
  const data = generateAccount({
    seed: 42,
    contacts,
    links: linkCount,
    buyingCenters: 12,
    offerings: 0,
    opportunities: 0,
    shape
  }).orgChart;
  const today = new Date('2026-11-01T00:00:00Z');
  const results: { name: string; ms: number; target_ms: number; [k: string]: unknown }[] = [];

  results.push({
    name: 'orgchart.load',
    ms: measure(() => void new OrgChartViewModel(data, { today, initialDepth: 4 }), runs),
    target_ms: 500,
    contacts,
    links: linkCount
  });

  // Worst case for the interactions: everything expanded, so the layout holds all 10,000 people.
  const vm = new OrgChartViewModel(data, { today });
  const viewport = { x1: 0, y1: 0, x2: 1400, y2: 900 };
  const modes = ['stance', 'buyerRole', 'coverage', 'heat'] as const;
  let m = 0;
  // Recolour = switch mode and rebuild what is on screen (the node views the template renders).
  results.push({
    name: 'orgchart.recolour',
    ms: measure(() => {
      vm.setColourBy(modes[m++ % modes.length]);
      vm.view(viewport);
    }, runs * 4),
    target_ms: 50
  });
  const bcIds = data.buyingCenters.map((b) => b.id);
  const filterRun = (model: InstanceType<typeof OrgChartViewModel>): (() => void) => {
    let f = 0;
    return () => {
      model.setBuyingCenter(f % 2 === 0 ? bcIds[f % bcIds.length] : null);
      f++;
      model.view(viewport);
    };
  };
  // As the chart opens (Levels shown = 3): the filter lays out what is drawn, not all 10,000.
  const opened = new OrgChartViewModel(data, { today, initialDepth: 3 });
  results.push({
    name: 'orgchart.filter',
    ms: measure(filterRun(opened), runs * 2),
    target_ms: 50,
    drawn: opened.visibleCount
  });
  // A question filter (every detractor, expanded, with the managers connecting them), then cleared.
  const asked = new OrgChartViewModel(data, { today, initialDepth: 3 });
  let q = 0;
  results.push({
    name: 'orgchart.filter.stance',
    ms: measure(() => {
      asked.setFilter(
        q++ % 2 === 0
          ? { buyingCenterId: null, keys: { stance: ['Detractor'], decisionRole: ['Decision Maker'] } }
          : { buyingCenterId: null, keys: {} }
      );
      asked.view(viewport);
    }, runs * 2),
    target_ms: 50,
    matches:
      (asked.setFilter({
        buyingCenterId: null,
        keys: { stance: ['Detractor'], decisionRole: ['Decision Maker'] }
      }),
      asked.matchSummary)
  });
  // Worst case: everyone expanded, so clearing the filter lays out all 10,000 people again.
  results.push({
    name: 'orgchart.filter.all-expanded',
    ms: measure(filterRun(vm), runs * 2),
    target_ms: 250,
    drawn: contacts
  });
  vm.setBuyingCenter(null);
  const { width, height } = vm.size;
  let p = 0;
  let maxNodes = 0;
  results.push({
    name: 'orgchart.pan-query',
    ms: measure(() => {
      const x = ((p++ * 977) % Math.max(1, width - 1400)) | 0;
      const slice = vm.view({ x1: x, y1: 0, x2: x + 1400, y2: Math.min(height, 900) });
      maxNodes = Math.max(maxNodes, slice.nodes.length);
    }, runs * 4),
    target_ms: 16
  });
  // Zoomed all the way out: everything is "in view", the DOM cap must hold.
  const all = vm.view({ x1: 0, y1: 0, x2: width, y2: height });
  results.push({
    name: 'orgchart.zoomed-out-query',
    ms: measure(() => void vm.view({ x1: 0, y1: 0, x2: width, y2: height }), runs),
    target_ms: 50,
    dom_nodes: all.nodes.length,
    dom_links: all.links.length,
    in_view: all.inView,
    cap: MAX_DOM_NODES
  });
  // A manager two levels down: collapsing and expanding them re-lays out the whole drawn chart.
  const target = data.contacts[5].id;
  results.push({
    name: 'orgchart.toggle-collapse.all-expanded',
    ms: measure(() => vm.toggleCollapse(target), runs * 2),
    target_ms: 250
  });
  results.push({
    name: 'orgchart.toggle-collapse',
    ms: measure(() => opened.toggleCollapse(target), runs * 2),
    target_ms: 50,
    drawn: opened.visibleCount
  });
  results.push({
    name: 'orgchart.search',
    ms: measure(() => void vm.search('ada an'), runs),
    target_ms: 50
  });
  results.push({
    name: 'orgchart.focus',
    ms: measure(() => (opened.setFocus(target, 2), opened.setFocus(null)), runs),
    target_ms: 100
  });

  let failed = false;
  for (const r of results) {
    console.log(JSON.stringify({ ...r, shape }));
    if (r.ms > r.target_ms) failed = true;
  }
  return failed || all.nodes.length > MAX_DOM_NODES;
}

main();
