/**
 * Demo data for a fresh local org. Until the account-bundle loader lands (data/aerovance.ts and
 * data/large.ts hold the bundles; localorg/seed.ts loads the SeedBundle format), the preview seeds a
 * small account through the local org's save path so the page has something to show.
 */
import type { LocalOrg } from '../localorg/org';
import { seedIfEmpty, type SeedBundle } from '../localorg/seed';

/** A small account: a CEO with two levels below, two opportunities, one buying center. */
export function smallDemo(today = new Date()): SeedBundle {
  const close = new Date(today.getTime() + 60 * 86400000).toISOString().slice(0, 10);
  const people: [ref: string, first: string, last: string, title: string, manager: string | null][] = [
    ['ceo', 'Helena', 'Brandt', 'Chief Executive Officer', null],
    ['cfo', 'Marcus', 'Costa', 'Chief Financial Officer', 'ceo'],
    ['cio', 'Ines', 'Delacroix', 'Chief Information Officer', 'ceo'],
    ['itdir', 'Jonas', 'Eriksen', 'Director IT Operations', 'cio'],
    ['proc', 'Priya', 'Patel', 'Head of Procurement', 'cfo'],
    ['arch', 'Wen', 'Ito', 'Enterprise Architect', 'cio']
  ];
  return {
    objects: [
      [
        'Account',
        [
          {
            ref: 'acct',
            Name: 'Aerovance Group (starter data)',
            Industry: 'Manufacturing',
            Type: 'Customer - Direct',
            AnnualRevenue: 1250000000
          }
        ]
      ],
      ['Buying_Center__c', [{ ref: 'bc-it', Name: 'Group IT', Account__c: '@acct' }]],
      [
        'Contact',
        people.map(([ref, FirstName, LastName, Title, manager]) => ({
          ref,
          FirstName,
          LastName,
          Title,
          AccountId: '@acct',
          ...(manager ? { ReportsToId: `@${manager}` } : {})
        }))
      ],
      [
        'Opportunity',
        [
          {
            ref: 'opp1',
            Name: 'Data Platform Rollout',
            AccountId: '@acct',
            StageName: 'Needs Analysis',
            CloseDate: close,
            Amount: 480000,
            Buying_Center__c: '@bc-it'
          },
          {
            ref: 'opp2',
            Name: 'Managed Security Renewal',
            AccountId: '@acct',
            StageName: 'Negotiation/Review',
            CloseDate: close,
            Amount: 220000
          }
        ]
      ]
    ]
  };
}

/** Seeds the demo on first start; returns what it did for the start banner. */
export function seedDemo(org: LocalOrg): string {
  try {
    const ids = seedIfEmpty(org, smallDemo());
    return ids ? `seeded starter data (${ids.size} records)` : 'existing data kept';
  } catch (e) {
    // A half-finished metadata change must not keep the page from starting: say why and go on.
    return `could not seed demo data: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * A large account for the browser benchmark: `contacts` people in a leaf-heavy hierarchy (fan-out
 * ~6), a few buying centers and opportunities. Deterministic. Replace with data/large.ts once the
 * account-bundle loader can put a bundle into the local org.
 */
export function largeSeed(contacts = 10000, name = 'Large Account (10k contacts)'): SeedBundle {
  const close = '2026-12-31';
  const bcs = Array.from({ length: 12 }, (_, i) => ({
    ref: `lbc-${i}`,
    Name: `Business Unit ${i + 1}`,
    Account__c: '@large'
  }));
  const people = Array.from({ length: contacts }, (_, i) => ({
    ref: `lc-${i}`,
    FirstName: ['Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Greta', 'Hiro'][i % 8],
    LastName: `Person ${i + 1}`,
    Title: i === 0 ? 'Chief Executive Officer' : i < 7 ? 'Vice President' : i < 43 ? 'Director' : 'Manager',
    AccountId: '@large',
    Buying_Center__c: `@lbc-${i % 12}`,
    // Parent index (i - 1) / 6 keeps managers before their reports, so no deferred updates are needed.
    ...(i > 0 ? { ReportsToId: `@lc-${Math.floor((i - 1) / 6)}` } : {})
  }));
  const opps = Array.from({ length: 40 }, (_, i) => ({
    ref: `lop-${i}`,
    Name: `Expansion ${i + 1}`,
    AccountId: '@large',
    StageName: ['Prospecting', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review'][i % 4],
    CloseDate: close,
    Amount: 50000 + i * 12500,
    Buying_Center__c: `@lbc-${i % 12}`
  }));
  return {
    objects: [
      ['Account', [{ ref: 'large', Name: name, Industry: 'Financial Services' }]],
      ['Buying_Center__c', bcs],
      ['Contact', people],
      ['Opportunity', opps]
    ]
  };
}
