/**
 * Benchmark of the org chart heatmap's view model (no DOM): 10,000 contacts and 20,000 links.
 * Prints one JSON line per measurement: {"name":"orgchart.recolour","ms":..,"target_ms":50}.
 *
 *   npx tsx bench/orgchart-view.bench.ts [--contacts 10000] [--links 20000] [--runs 5]
 *
 * Each figure is the median of `runs` runs after one warm-up. Exits 1 when a median misses its target.
 */
import Module from 'node:module';
import path from 'node:path';
import type { ContactNode, OrgChartData, RelationshipLinkDto } from '@keyplan/contracts';
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

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same chart. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sfId = (prefix: string, n: number): string => prefix + String(n).padStart(12, '0') + 'AAA';

/** A realistic large account: a bushy hierarchy about 8 levels deep in 12 buying centers. */
export function syntheticOrgChart(contactCount: number, linkCount: number): OrgChartData {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const bcs = Array.from({ length: 12 }, (_, i) => ({
    id: sfId('a0B', i + 1),
    name: `Buying center ${i + 1}`,
    parentId: null,
    relationshipStatus: null,
    active: true
  }));
  const contacts: ContactNode[] = [];
  for (let i = 0; i < contactCount; i++) {
    // Each person reports to someone between i/8 and i/4: 4 to 8 reports each, about 8 levels deep.
    const manager = i === 0 ? null : Math.min(i - 1, Math.floor(i / 8 + rand() * (i / 8)));
    contacts.push({
      id: sfId('003', i + 1),
      name: `Person ${i + 1}`,
      title: pick(['Director', 'Manager', 'Engineer', 'Analyst', 'VP', 'Lead']),
      department: null,
      reportsToId: manager === null ? null : sfId('003', manager + 1),
      buyingCenterId: rand() < 0.9 ? bcs[Math.floor(rand() * bcs.length)].id : null,
      stance: pick(['Champion', 'Supporter', 'Neutral', 'Detractor', 'Unknown', null] as const),
      decisionRole: pick(['Decision Maker', 'Influencer', 'Gatekeeper', 'User', null] as const),
      buyerRole: pick([
        'Economic Buyer',
        'User Buyer',
        'Technical Buyer',
        'Coach',
        null,
        null,
        null
      ] as const),
      responseMode: null,
      influenceLevel: pick(['Low', 'Medium', 'High', 'Very High', null] as const),
      budgetOwned: null,
      lastModified: '2026-01-01T00:00:00.000Z'
    });
  }
  const links: RelationshipLinkDto[] = [];
  for (let i = 0; i < linkCount; i++) {
    const fromUser = rand() < 0.2;
    const from = Math.floor(rand() * contactCount);
    let to = Math.floor(rand() * contactCount);
    if (to === from) to = (to + 1) % contactCount;
    const month = 1 + Math.floor(rand() * 12);
    links.push({
      id: sfId('a0L', i + 1),
      fromContactId: fromUser ? null : sfId('003', from + 1),
      fromUserId: fromUser ? sfId('005', 1 + (i % 7)) : null,
      fromUserName: fromUser ? `Rep ${1 + (i % 7)}` : null,
      toContactId: sfId('003', to + 1),
      type: pick(['Influence', 'Informal', 'Dotted Line', 'Coverage'] as const),
      strength: 1 + Math.floor(rand() * 5),
      frequency: pick(['Weekly', 'Monthly', 'Quarterly', 'Rarely'] as const),
      influenceLevel: pick(['Low', 'Medium', 'High', 'Very High'] as const),
      polarity: rand() < 0.8 ? 'Positive' : 'Negative',
      lastInteraction: `2026-${String(month).padStart(2, '0')}-15`,
      lastModified: '2026-01-01T00:00:00.000Z'
    });
  }
  return {
    accountId: sfId('001', 1),
    accountName: 'Bench Account',
    contacts,
    links,
    buyingCenters: bcs,
    totalContacts: contactCount,
    truncated: false,
    fieldAccess: {}
  };
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
  const data = syntheticOrgChart(contacts, linkCount);
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
    ms: measure(() => void vm.search('person 77'), runs),
    target_ms: 50
  });
  results.push({
    name: 'orgchart.focus',
    ms: measure(() => (opened.setFocus(target, 2), opened.setFocus(null)), runs),
    target_ms: 100
  });

  let failed = false;
  for (const r of results) {
    console.log(JSON.stringify(r));
    if (r.ms > r.target_ms) failed = true;
  }
  if (all.nodes.length > MAX_DOM_NODES) failed = true;
  process.exitCode = failed ? 1 : 0;
}

main();
