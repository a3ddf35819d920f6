/**
 * A generated large account for scale: 10,000 contacts (5x the CRM's own hierarchy limit of 2,000)
 * and 20,000 relationship links, deterministic from a seed. The organisation has a realistic shape
 * (median span 6, 82% individual contributors, 7 levels; `shape: 'deep'` gives the stress case). Used by the local org demo, the browser
 * benchmark and the import timing.
 */
import type { AccountBundleInput } from '../src/bundle/schema';
import { managerIndexes, type OrgShape } from '../src/generator/orgShape';
import { mulberry32 as prng } from '../src/generator/random';

export interface LargeOptions {
  contacts?: number;
  links?: number;
  seed?: number;
  today?: string;
  /** Reporting structure: `realistic` (default) or the `deep` stress case (see src/generator/orgShape). */
  shape?: OrgShape;
}

const IC_TITLES = ['Engineer', 'Analyst', 'Specialist', 'Consultant', 'Coordinator'] as const;
/** Title of a person by level (0 = top) and whether they lead anyone. */
function titleAt(depth: number, leads: boolean, rand: () => number): string {
  if (depth === 0) return 'Chief Executive Officer';
  if (!leads) return IC_TITLES[Math.floor(rand() * IC_TITLES.length)];
  return ['Executive Vice President', 'Vice President', 'Director', 'Senior Manager'][depth - 1] ?? 'Manager';
}

export function largeBundle(options: LargeOptions = {}): AccountBundleInput {
  const n = options.contacts ?? 10000;
  const linkCount = options.links ?? n * 2;
  const rand = prng(options.seed ?? 7);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const fy = Number(today.slice(0, 4));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const buyingCenters = Array.from({ length: 40 }, (_, i) => ({
    key: `bc-${i}`,
    Name: `Business Unit ${String(i + 1).padStart(2, '0')}`,
    parent: i < 8 ? null : `bc-${i % 8}`,
    Wallet_Size__c: 1e6 * (1 + (i % 9))
  }));
  const offerings = Array.from({ length: 12 }, (_, i) => ({
    key: `off-${i}`,
    Name: `Offering ${String.fromCharCode(65 + i)}`,
    Sort_Order__c: i,
    Active__c: true
  }));
  const parent = managerIndexes(n, options.shape ?? 'realistic', rand);
  const depth = new Int32Array(n);
  const leads = new Uint8Array(n);
  // Buying centers follow the organisation: an executive's people are in one business unit, their
  // directs' people in one of its sub-units; one person in ten works for another unit.
  const unit = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    depth[i] = p < 0 ? 0 : depth[p] + 1;
    if (p >= 0) leads[p] = 1;
    if (depth[i] <= 1) unit[i] = i % 8;
    else if (depth[i] === 2) unit[i] = unit[p] + 8 * (1 + (i % 4));
    else unit[i] = unit[p];
  }
  const contacts = Array.from({ length: n }, (_, i) => ({
    key: `c-${i}`,
    FirstName: `Person`,
    LastName: `${i}`,
    Title: titleAt(depth[i], leads[i] === 1, rand),
    // parent[i] < i: everyone's manager is listed before them, so there are no cycles.
    reportsTo: parent[i] < 0 ? null : `c-${parent[i]}`,
    buyingCenter: rand() < 0.9 ? buyingCenters[unit[i]].key : pick(buyingCenters).key,
    Stance__c: pick(['Champion', 'Supporter', 'Neutral', 'Detractor', 'Unknown'] as const),
    Decision_Role__c:
      depth[i] <= 2
        ? pick(['Decision Maker', 'Influencer'] as const)
        : pick(['Decision Maker', 'Influencer', 'Gatekeeper', 'User', 'User', 'User'] as const),
    Buyer_Role__c:
      depth[i] <= 1
        ? pick(['Economic Buyer', 'Coach'] as const)
        : pick([
            'Economic Buyer',
            'User Buyer',
            'Technical Buyer',
            'Coach',
            'User Buyer',
            'Technical Buyer'
          ] as const),
    Influence_Level__c:
      depth[i] <= 2
        ? pick(['High', 'Very High'] as const)
        : pick(['Low', 'Medium', 'High', 'Low', 'Medium'] as const)
  }));
  const users = [
    { key: 'u-1', FirstName: 'Scale', LastName: 'Tester', Email: 'scale.tester@keyplan.example' }
  ];
  const links = Array.from({ length: linkCount }, (_, i) => {
    const to = Math.floor(rand() * n);
    let from = Math.floor(rand() * n);
    if (from === to) from = (from + 1) % n;
    const fromUser = i % 10 === 0;
    return {
      key: `l-${i}`,
      ...(fromUser ? { fromUser: 'u-1' } : { fromContact: `c-${from}` }),
      toContact: `c-${to}`,
      Type__c: fromUser ? ('Coverage' as const) : pick(['Influence', 'Informal', 'Dotted Line'] as const),
      Strength__c: 1 + Math.floor(rand() * 5),
      Frequency__c: pick(['Weekly', 'Monthly', 'Quarterly', 'Rarely'] as const),
      Polarity__c: rand() < 0.8 ? ('Positive' as const) : ('Negative' as const),
      Last_Interaction__c: new Date(Date.parse(today) - Math.floor(rand() * 400) * 86400000)
        .toISOString()
        .slice(0, 10)
    };
  });
  const opportunities = Array.from({ length: 300 }, (_, i) => ({
    key: `o-${i}`,
    Name: `Large deal ${i}`,
    Amount: 10000 * (1 + Math.floor(rand() * 200)),
    StageName: pick(['Qualification', 'Proposal/Price Quote', 'Closed Won', 'Closed Lost'] as const),
    CloseDate: `${fy - Math.floor(rand() * 2)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15`,
    buyingCenter: pick(buyingCenters).key,
    offering: pick(offerings).key
  }));
  return {
    format: 'keyplan.account-bundle',
    version: 1,
    account: {
      key: 'stratosphere',
      Name: 'Stratosphere Holdings (10,000 contacts)',
      Industry: 'Conglomerate'
    },
    users,
    offerings,
    buyingCenters,
    contacts,
    links,
    opportunities
  };
}
