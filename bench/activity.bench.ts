/**
 * Heat from activity (issue 22) at the size of the large demo account: 10,000 contacts and 200,000 activities
 * (meetings, emails, calls of a year) plus 20,000 manual links. Times the core from the activity rows to the
 * heat: aggregate the rows as the Apex aggregate queries do, summarise per contact, derive the team links,
 * merge them with the manual links, compute the heat, and find the cooling decision makers. Target 300 ms.
 * Prints one JSON line. Run: npx tsx bench/activity.bench.ts (or npm run bench).
 */
import { loadavg } from 'node:os';
import {
  aggregateActivities,
  computeHeat,
  coolingDecisionMakers,
  deriveActivityLinks,
  mergeTeamLinks,
  summariseActivity
} from '../force-app/main/default/lwc/keyplanCore/keyplanCore';
import { generateAccount } from '../src/generator';
import { DEMO_TEAM, generateActivity } from '../src/generator/activity';

const TODAY = '2025-06-15';
const today = new Date(`${TODAY}T00:00:00Z`);
const TARGET_MS = 300;
const RUNS = 9;

const org = generateAccount({
  seed: 42,
  contacts: 10_000,
  links: 20_000,
  buyingCenters: 40,
  offerings: 5,
  today: TODAY
});
const contacts = org.orgChart.contacts;
const team = DEMO_TEAM.map((u, i) => ({ id: `005000000000${i}AAA`, name: `${u.FirstName} ${u.LastName}` }));
const rows = generateActivity({ seed: 22, contacts, team, total: 200_000, today: TODAY });
const ids = contacts.map((c) => c.id);

let result = { heated: 0, cooling: 0, aggregates: 0, derived: 0 };
function run(): void {
  const aggregates = aggregateActivities(rows, today);
  const activity = summariseActivity(aggregates, ids);
  const derived = deriveActivityLinks(activity);
  const links = mergeTeamLinks(org.orgChart.links, derived);
  const heat = computeHeat(ids, links, { today });
  const cooling = coolingDecisionMakers(contacts, activity, today);
  let heated = 0;
  for (const h of heat.values()) if (h.heat > 0) heated++;
  result = { heated, cooling: cooling.length, aggregates: aggregates.length, derived: derived.length };
}

for (let i = 0; i < 3; i++) run();
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  run();
  times.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const round = (x: number): number => Math.round(x * 100) / 100;
const median = times[Math.floor(RUNS / 2)];
console.log(
  JSON.stringify({
    name: 'activityHeat10k',
    ms: round(median),
    target_ms: TARGET_MS,
    runs: RUNS,
    min_ms: round(times[0]),
    max_ms: round(times[RUNS - 1]),
    cpu_ms: round(cpu[Math.floor(RUNS / 2)]),
    load_avg_1m: round(loadavg()[0]),
    contacts: contacts.length,
    activities: rows.length,
    manualLinks: org.orgChart.links.length,
    ...result,
    pass: median < TARGET_MS
  })
);
if (median >= TARGET_MS) process.exitCode = 1;
