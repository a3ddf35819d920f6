/**
 * A generated large account for scale: 10,000 contacts (5x the CRM's own hierarchy limit of 2,000)
 * and 20,000 relationship links, deterministic from a seed. Used by the local org demo, the browser
 * benchmark and the import timing.
 */
import type { AccountBundleInput } from '../src/bundle/schema';
import { mulberry32 as prng } from '../src/generator/random';

export interface LargeOptions {
  contacts?: number;
  links?: number;
  seed?: number;
  today?: string;
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
  const contacts = Array.from({ length: n }, (_, i) => ({
    key: `c-${i}`,
    FirstName: `Person`,
    LastName: `${i}`,
    Title:
      i === 0
        ? 'Chief Executive Officer'
        : pick(['Director', 'Manager', 'Engineer', 'Analyst', 'Vice President', 'Lead']),
    // Each contact reports to an earlier one: a wide, deep (log-ish) tree with no cycles.
    reportsTo: i === 0 ? null : `c-${Math.floor(rand() * Math.min(i, 1 + i / 3))}`,
    buyingCenter: pick(buyingCenters).key,
    Stance__c: pick(['Champion', 'Supporter', 'Neutral', 'Detractor', 'Unknown'] as const),
    Decision_Role__c: pick(['Decision Maker', 'Influencer', 'Gatekeeper', 'User'] as const),
    Buyer_Role__c: pick(['Economic Buyer', 'User Buyer', 'Technical Buyer', 'Coach'] as const),
    Influence_Level__c: pick(['Low', 'Medium', 'High', 'Very High'] as const)
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
