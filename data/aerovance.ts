/**
 * The demo account: Aerovance Group, a fictional aerospace group (helicopters, commercial aircraft,
 * defence and space, and the group CIO organisation) across regions. Deterministic: the same call
 * returns the same bundle, so screenshots, tests and the seed script agree.
 *
 * Dates are relative to `today` so the demo never goes stale: the current fiscal year is today's year.
 */
import type { AccountBundleInput } from '../src/bundle/schema';
import { mulberry32 as prng } from '../src/generator/random';
import { aerovanceSubsidiaries } from './aerovanceGroup';

type C = NonNullable<AccountBundleInput['contacts']>[number];
type O = NonNullable<AccountBundleInput['opportunities']>[number];
type L = NonNullable<AccountBundleInput['links']>[number];

const FIRST = [
  'Amélie',
  'Bastian',
  'Carla',
  'Dmitri',
  'Elif',
  'Franco',
  'Greta',
  'Hannes',
  'Isabel',
  'Jules',
  'Katrin',
  'Lars',
  'Mei',
  'Nadia',
  'Oskar',
  'Paola',
  'Quentin',
  'Rosa',
  'Stefan',
  'Tomás',
  'Ulrike',
  'Vikram',
  'Wiebke',
  'Xavier',
  'Yusuf',
  'Zofia',
  'Anders',
  'Beatriz',
  'Cédric',
  'Dagny',
  'Emeka',
  'Fiona',
  'Gaspard',
  'Hyun',
  'Ingrid',
  'Joaquín',
  'Kenji',
  'Leonie',
  'Matteo',
  'Noor'
];
const LAST = [
  'Arnaud',
  'Becker',
  'Castillo',
  'Dufresne',
  'Engström',
  'Ferrari',
  'Gruber',
  'Hoffmann',
  'Iversen',
  'Jansen',
  'Keller',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Olsen',
  'Petit',
  'Quintero',
  'Richter',
  'Sauer',
  'Tanaka',
  'Urban',
  'Vogel',
  'Winter',
  'Yilmaz',
  'Zimmermann',
  'Almeida',
  'Brandt',
  'Costa',
  'Delacroix',
  'Eriksen'
];

export interface DemoOptions {
  /** ISO date the demo is relative to (default: today). */
  today?: string;
}

/** The Aerovance Group bundle: ~150 contacts, 13 buying centers, 7 offerings, three fiscal years. */
export function aerovanceBundle(options: DemoOptions = {}): AccountBundleInput {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const fy = Number(today.slice(0, 4));
  const rand = prng(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  let nameIndex = 0;
  const person = (): { FirstName: string; LastName: string } => {
    const i = nameIndex++;
    return {
      FirstName: FIRST[(i * 7) % FIRST.length],
      LastName: LAST[(i * 11 + Math.floor(i / FIRST.length)) % LAST.length]
    };
  };
  const daysAgo = (n: number): string =>
    new Date(Date.parse(today) - n * 86400000).toISOString().slice(0, 10);
  const dateIn = (year: number, month: number, day: number): string =>
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

  const offerings = [
    {
      key: 'eng-consulting',
      Name: 'Engineering Consulting',
      Family__c: 'Consulting',
      Sort_Order__c: 10,
      Description__c: 'Certification-grade engineering services for airframes, rotorcraft and systems.'
    },
    {
      key: 'ent-security',
      Name: 'Enterprise Security',
      Family__c: 'Services',
      Sort_Order__c: 20,
      Description__c: 'Managed detection and response, OT security for plants and hangars.'
    },
    {
      key: 'iot-platform',
      Name: 'IoT Platform',
      Family__c: 'Platform',
      Sort_Order__c: 30,
      Description__c: 'Fleet telemetry and predictive maintenance platform.'
    },
    {
      key: 'crm-impl',
      Name: 'CRM Implementation',
      Family__c: 'Consulting',
      Sort_Order__c: 40,
      Description__c: 'Sales and service cloud roll-outs for airline and government customers.'
    },
    {
      key: 'data-analytics',
      Name: 'Data & Analytics',
      Family__c: 'Software',
      Sort_Order__c: 50,
      Description__c: 'Lakehouse, BI and engineering data analytics.'
    },
    {
      key: 'managed-cloud',
      Name: 'Managed Cloud Operations',
      Family__c: 'Services',
      Sort_Order__c: 60,
      Description__c: 'Sovereign cloud landing zones and 24x7 operations.'
    },
    {
      key: 'digital-twin',
      Name: 'Digital Twin Services',
      Family__c: 'Software',
      Sort_Order__c: 70,
      Description__c: 'New this year: digital twins of production lines and fleets.'
    }
  ] as const;

  const divisions = [
    { key: 'heli', Name: 'Helicopters', regions: ['Europe', 'Americas'], wallet: 42e6 },
    { key: 'ca', Name: 'Commercial Aircraft', regions: ['Europe', 'Asia-Pacific', 'Americas'], wallet: 95e6 },
    { key: 'ds', Name: 'Defence & Space', regions: ['Europe', 'Middle East'], wallet: 60e6 },
    { key: 'cio', Name: 'CIO Organisation', regions: ['Group IT', 'Digital Office'], wallet: 38e6 }
  ];
  const buyingCenters: NonNullable<AccountBundleInput['buyingCenters']> = [];
  const statuses = ['Strong', 'Established', 'Developing', 'Not Engaged', 'At Risk'] as const;
  divisions.forEach((d, di) => {
    buyingCenters.push({
      key: d.key,
      Name: d.Name,
      parent: null,
      Wallet_Size__c: d.wallet,
      Sales_Goal__c: Math.round(d.wallet * 0.12),
      Relationship_Status__c: statuses[di % 4],
      Sort_Order__c: di * 10,
      Key_Initiatives__c: `${d.Name}: cost-down programme, digital operations, supply chain resilience.`
    });
    d.regions.forEach((r, ri) => {
      buyingCenters.push({
        key: `${d.key}-${r.toLowerCase().replace(/[^a-z]+/g, '-')}`,
        Name: d.key === 'cio' ? r : `${d.Name} ${r}`,
        parent: d.key,
        Wallet_Size__c: Math.round(d.wallet / d.regions.length),
        Sales_Goal__c: Math.round((d.wallet / d.regions.length) * 0.1),
        Relationship_Status__c: statuses[(di + ri + 1) % statuses.length],
        Sort_Order__c: di * 10 + ri + 1
      });
    });
  });
  const regionCenters = buyingCenters.filter((b) => b.parent);

  const users = [
    {
      key: 'u-director',
      FirstName: 'Morgan',
      LastName: 'Reyes',
      Email: 'morgan.reyes@keyplan.example',
      Title: 'Global Account Director'
    },
    {
      key: 'u-architect',
      FirstName: 'Priya',
      LastName: 'Natarajan',
      Email: 'priya.natarajan@keyplan.example',
      Title: 'Principal Solution Architect'
    },
    {
      key: 'u-security',
      FirstName: 'Tom',
      LastName: 'Whitaker',
      Email: 'tom.whitaker@keyplan.example',
      Title: 'Security Practice Lead'
    },
    {
      key: 'u-csm',
      FirstName: 'Lena',
      LastName: 'Vogt',
      Email: 'lena.vogt@keyplan.example',
      Title: 'Customer Success Manager'
    }
  ];

  // Our people with no relationship recorded yet (the link form's user search finds them). Kept out of
  // `users` above so the seeded picks among the linked team stay the same.
  const unlinkedUsers = [
    {
      key: 'u-sales-engineer',
      FirstName: 'Samir',
      LastName: 'Haddad',
      Email: 'samir.haddad@keyplan.example',
      Title: 'Sales Engineer'
    },
    {
      key: 'u-exec-sponsor',
      FirstName: 'Sarah',
      LastName: 'Lindqvist',
      Email: 'sarah.lindqvist@keyplan.example',
      Title: 'Chief Operating Officer (Executive Sponsor)'
    },
    {
      key: 'u-delivery',
      FirstName: 'Daniel',
      LastName: 'Osei',
      Email: 'daniel.osei@keyplan.example',
      Title: 'Service Delivery Manager'
    }
  ];

  const contacts: C[] = [];
  const add = (c: Omit<C, 'FirstName' | 'LastName'> & Partial<Pick<C, 'FirstName' | 'LastName'>>): string => {
    const p = person();
    contacts.push({
      ...p,
      ...c,
      Email: `${(c.FirstName ?? p.FirstName)
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}.${(c.LastName ?? p.LastName)
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}${contacts.length}@aerovance.example`
    } as C);
    return c.key;
  };
  const ceo = add({
    key: 'ceo',
    Title: 'Group Chief Executive Officer',
    Department: 'Executive',
    reportsTo: null,
    buyingCenter: null,
    Stance__c: 'Neutral',
    Decision_Role__c: 'Decision Maker',
    Buyer_Role__c: 'Economic Buyer',
    Response_Mode__c: 'Even Keel',
    Influence_Level__c: 'Very High'
  });
  add({
    key: 'cfo',
    Title: 'Group Chief Financial Officer',
    Department: 'Finance',
    reportsTo: ceo,
    Stance__c: 'Detractor',
    Decision_Role__c: 'Decision Maker',
    Buyer_Role__c: 'Economic Buyer',
    Response_Mode__c: 'Overconfident',
    Influence_Level__c: 'Very High',
    Budget_Owned__c: 120e6
  });
  const cio = add({
    key: 'cio',
    Title: 'Group Chief Information Officer',
    Department: 'IT',
    reportsTo: ceo,
    buyingCenter: 'cio',
    Stance__c: 'Champion',
    Decision_Role__c: 'Decision Maker',
    Buyer_Role__c: 'Economic Buyer',
    Response_Mode__c: 'Growth',
    Influence_Level__c: 'Very High',
    Budget_Owned__c: 38e6
  });
  add({
    key: 'cpo',
    Title: 'Chief Procurement Officer',
    Department: 'Procurement',
    reportsTo: ceo,
    Stance__c: 'Neutral',
    Decision_Role__c: 'Gatekeeper',
    Buyer_Role__c: 'Technical Buyer',
    Response_Mode__c: 'Even Keel',
    Influence_Level__c: 'High'
  });
  add({
    key: 'ciso',
    Title: 'Chief Information Security Officer',
    Department: 'IT Security',
    reportsTo: cio,
    buyingCenter: 'cio-group-it',
    Stance__c: 'Supporter',
    Decision_Role__c: 'Influencer',
    Buyer_Role__c: 'Technical Buyer',
    Response_Mode__c: 'Trouble',
    Influence_Level__c: 'High',
    Budget_Owned__c: 9e6
  });
  add({
    key: 'cdo',
    Title: 'Chief Digital Officer',
    Department: 'Digital',
    reportsTo: cio,
    buyingCenter: 'cio-digital-office',
    Stance__c: 'Champion',
    Decision_Role__c: 'Decision Maker',
    Buyer_Role__c: 'Economic Buyer',
    Response_Mode__c: 'Growth',
    Influence_Level__c: 'High',
    Budget_Owned__c: 14e6
  });
  for (const d of divisions.filter((x) => x.key !== 'cio')) {
    const president = add({
      key: `${d.key}-president`,
      Title: `President, ${d.Name}`,
      Department: 'Executive',
      reportsTo: ceo,
      buyingCenter: d.key,
      Stance__c: pick(['Supporter', 'Neutral', 'Unknown'] as const),
      Decision_Role__c: 'Decision Maker',
      Buyer_Role__c: 'Economic Buyer',
      Response_Mode__c: pick(['Growth', 'Even Keel'] as const),
      Influence_Level__c: 'Very High',
      Budget_Owned__c: Math.round(d.wallet * 0.6)
    });
    const cto = add({
      key: `${d.key}-cto`,
      Title: `Chief Technology Officer, ${d.Name}`,
      Department: 'Engineering',
      reportsTo: president,
      buyingCenter: d.key,
      Stance__c: pick(['Champion', 'Supporter', 'Neutral'] as const),
      Decision_Role__c: 'Influencer',
      Buyer_Role__c: 'Technical Buyer',
      Response_Mode__c: 'Growth',
      Influence_Level__c: 'High'
    });
    d.regions.forEach((r) => {
      const bc = `${d.key}-${r.toLowerCase().replace(/[^a-z]+/g, '-')}`;
      const head = add({
        key: `${bc}-head`,
        Title: `Managing Director, ${d.Name} ${r}`,
        Department: 'Executive',
        reportsTo: president,
        buyingCenter: bc,
        Stance__c: pick(['Supporter', 'Neutral', 'Detractor', 'Unknown'] as const),
        Decision_Role__c: 'Decision Maker',
        Buyer_Role__c: 'Economic Buyer',
        Response_Mode__c: pick(['Growth', 'Trouble', 'Even Keel'] as const),
        Influence_Level__c: 'High',
        Budget_Owned__c: Math.round(d.wallet / d.regions.length / 2)
      });
      const roles: [string, string, C['Decision_Role__c'], C['Buyer_Role__c'], string][] = [
        ['vp-eng', 'VP Engineering', 'Influencer', 'Technical Buyer', 'Engineering'],
        ['vp-ops', 'VP Operations', 'Decision Maker', 'User Buyer', 'Operations'],
        ['it-head', 'Head of IT', 'Influencer', 'Technical Buyer', 'IT'],
        ['proc', 'Procurement Manager', 'Gatekeeper', 'Technical Buyer', 'Procurement'],
        ['fin', 'Finance Director', 'Decision Maker', 'Economic Buyer', 'Finance']
      ];
      for (const [k, title, decision, buyer, dept] of roles) {
        const mgr = add({
          key: `${bc}-${k}`,
          Title: `${title}, ${d.Name} ${r}`,
          Department: dept,
          reportsTo: k === 'vp-eng' ? cto : head,
          buyingCenter: bc,
          Stance__c: pick(['Champion', 'Supporter', 'Neutral', 'Neutral', 'Detractor', 'Unknown'] as const),
          Decision_Role__c: decision,
          Buyer_Role__c: buyer,
          Response_Mode__c: pick(['Growth', 'Trouble', 'Even Keel', 'Overconfident'] as const),
          Influence_Level__c: pick(['Medium', 'High'] as const)
        });
        const team = k === 'vp-eng' || k === 'vp-ops' ? 3 : k === 'it-head' ? 2 : 1;
        for (let t = 0; t < team; t++) {
          add({
            key: `${bc}-${k}-${t + 1}`,
            Title: pick([
              'Programme Manager',
              'Lead Engineer',
              'Solution Owner',
              'Plant Manager',
              'Quality Manager',
              'Data Lead'
            ]),
            Department: dept,
            reportsTo: mgr,
            buyingCenter: bc,
            Stance__c: pick(['Supporter', 'Neutral', 'Unknown', 'Unknown'] as const),
            Decision_Role__c: pick(['User', 'Influencer'] as const),
            Buyer_Role__c: pick(['User Buyer', 'Coach', 'Technical Buyer'] as const),
            Influence_Level__c: pick(['Low', 'Medium'] as const)
          });
        }
      }
    });
  }
  for (const r of ['group-it', 'digital-office']) {
    const lead = r === 'group-it' ? 'ciso' : 'cdo';
    for (let t = 0; t < 10; t++) {
      add({
        key: `cio-${r}-${t + 1}`,
        Title: pick([
          'Enterprise Architect',
          'Head of Infrastructure',
          'Security Architect',
          'Product Owner',
          'Data Platform Lead',
          'Service Delivery Manager'
        ]),
        Department: 'IT',
        reportsTo: lead,
        buyingCenter: `cio-${r}`,
        Stance__c: pick(['Champion', 'Supporter', 'Neutral', 'Unknown'] as const),
        Decision_Role__c: pick(['Influencer', 'User'] as const),
        Buyer_Role__c: pick(['Technical Buyer', 'User Buyer', 'Coach'] as const),
        Influence_Level__c: pick(['Low', 'Medium', 'High'] as const)
      });
    }
  }
  // A new arrival nobody has mapped yet: a second root in the org chart.
  add({
    key: 'new-svp-strategy',
    Title: 'SVP Group Strategy (joined last month)',
    Department: 'Strategy',
    reportsTo: null,
    Stance__c: 'Unknown',
    Decision_Role__c: 'Influencer',
    Influence_Level__c: 'High'
  });

  const links: L[] = [];
  const link = (l: Omit<L, 'key'>): void => {
    links.push({ key: `link-${links.length + 1}`, ...l });
  };
  link({
    fromUser: 'u-director',
    toContact: 'cio',
    Type__c: 'Coverage',
    Strength__c: 5,
    Frequency__c: 'Weekly',
    Influence_Level__c: 'Very High',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(4),
    Notes__c: 'Quarterly business review sponsor.'
  });
  link({
    fromUser: 'u-director',
    toContact: 'cdo',
    Type__c: 'Coverage',
    Strength__c: 4,
    Frequency__c: 'Monthly',
    Influence_Level__c: 'High',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(21)
  });
  link({
    fromUser: 'u-security',
    toContact: 'ciso',
    Type__c: 'Coverage',
    Strength__c: 4,
    Frequency__c: 'Weekly',
    Influence_Level__c: 'High',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(9)
  });
  link({
    fromUser: 'u-architect',
    toContact: 'ca-cto',
    Type__c: 'Coverage',
    Strength__c: 3,
    Frequency__c: 'Monthly',
    Influence_Level__c: 'Medium',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(35)
  });
  link({
    fromUser: 'u-director',
    toContact: 'ceo',
    Type__c: 'Coverage',
    Strength__c: 2,
    Frequency__c: 'Rarely',
    Influence_Level__c: 'Low',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(200),
    Notes__c: 'Met once at the Paris Air Show.'
  });
  link({
    fromUser: 'u-csm',
    toContact: 'heli-europe-vp-ops',
    Type__c: 'Coverage',
    Strength__c: 4,
    Frequency__c: 'Weekly',
    Influence_Level__c: 'Medium',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(2)
  });
  link({
    fromUser: 'u-csm',
    toContact: 'ca-europe-vp-ops',
    Type__c: 'Coverage',
    Strength__c: 3,
    Frequency__c: 'Monthly',
    Influence_Level__c: 'Medium',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(40)
  });
  link({
    fromUser: 'u-architect',
    toContact: 'ds-europe-it-head',
    Type__c: 'Coverage',
    Strength__c: 2,
    Frequency__c: 'Quarterly',
    Influence_Level__c: 'Low',
    Polarity__c: 'Negative',
    Last_Interaction__c: daysAgo(150),
    Notes__c: 'Escalation after the 2024 outage; relationship still cool.'
  });
  link({
    fromContact: 'cfo',
    toContact: 'ceo',
    Type__c: 'Influence',
    Strength__c: 5,
    Frequency__c: 'Weekly',
    Influence_Level__c: 'Very High',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(3)
  });
  link({
    fromContact: 'cfo',
    toContact: 'cio',
    Type__c: 'Influence',
    Strength__c: 4,
    Frequency__c: 'Weekly',
    Influence_Level__c: 'High',
    Polarity__c: 'Negative',
    Last_Interaction__c: daysAgo(10),
    Notes__c: 'Pushes back on every IT budget increase.'
  });
  link({
    fromContact: 'cio',
    toContact: 'ca-president',
    Type__c: 'Informal',
    Strength__c: 3,
    Frequency__c: 'Monthly',
    Influence_Level__c: 'Medium',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(30)
  });
  link({
    fromContact: 'cdo',
    toContact: 'heli-president',
    Type__c: 'Dotted Line',
    Strength__c: 3,
    Frequency__c: 'Monthly',
    Influence_Level__c: 'Medium',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(45)
  });
  link({
    fromContact: 'cpo',
    toContact: 'cfo',
    Type__c: 'Influence',
    Strength__c: 4,
    Frequency__c: 'Weekly',
    Influence_Level__c: 'High',
    Polarity__c: 'Positive',
    Last_Interaction__c: daysAgo(6)
  });
  const keys = contacts.map((c) => c.key);
  const contactByKey = new Map(contacts.map((c) => [c.key, c]));
  for (let i = 0; i < 70; i++) {
    const from = pick(keys);
    const to = pick(keys);
    if (from === to || contactByKey.get(from)?.reportsTo === to) continue;
    link({
      fromContact: from,
      toContact: to,
      Type__c: pick(['Influence', 'Informal', 'Dotted Line'] as const),
      Strength__c: 1 + Math.floor(rand() * 5),
      Frequency__c: pick(['Weekly', 'Monthly', 'Quarterly', 'Rarely'] as const),
      Influence_Level__c: pick(['Low', 'Medium', 'High'] as const),
      Polarity__c: rand() < 0.8 ? 'Positive' : 'Negative',
      Last_Interaction__c: daysAgo(Math.floor(rand() * 260))
    });
  }
  for (let i = 0; i < 16; i++) {
    const to = pick(keys.filter((k) => /-(head|vp-eng|vp-ops|it-head|fin)$/.test(k)));
    link({
      fromUser: pick(users).key,
      toContact: to,
      Type__c: 'Coverage',
      Strength__c: 1 + Math.floor(rand() * 5),
      Frequency__c: pick(['Weekly', 'Monthly', 'Quarterly', 'Rarely'] as const),
      Influence_Level__c: pick(['Medium', 'High'] as const),
      Polarity__c: rand() < 0.85 ? 'Positive' : 'Negative',
      Last_Interaction__c: daysAgo(Math.floor(rand() * 220))
    });
  }

  const opportunities: O[] = [];
  const openStages = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Proposal/Price Quote',
    'Negotiation/Review'
  ] as const;
  const bant = ['Unknown', 'Missing', 'Identified', 'Confirmed'] as const;
  const roleContacts = (bc: string | null): O['contactRoles'] => {
    const pool = contacts.filter((c) => c.buyingCenter === bc || (bc && c.buyingCenter === bc.split('-')[0]));
    const chosen = pool.length ? [pick(pool), pick(pool)] : [];
    return [...new Set(chosen.map((c) => c.key))].map((k, i) => {
      const c = contactByKey.get(k)!;
      const role =
        c.Buyer_Role__c === 'Economic Buyer'
          ? 'Economic Buyer'
          : c.Decision_Role__c === 'Decision Maker'
            ? 'Decision Maker'
            : c.Buyer_Role__c === 'Technical Buyer'
              ? 'Technical Buyer'
              : 'Influencer';
      return { contact: k, Role: role, IsPrimary: i === 0 };
    });
  };
  let oppIndex = 0;
  for (const year of [fy - 2, fy - 1, fy, fy + 1]) {
    const count = year === fy + 1 ? 6 : 18;
    for (let i = 0; i < count; i++) {
      const bc = pick(regionCenters).key;
      const off = pick(offerings.filter((o) => o.key !== 'digital-twin' || year >= fy));
      const month = 1 + Math.floor(rand() * 12);
      const close = dateIn(year, month, 1 + Math.floor(rand() * 27));
      const past = close < today;
      const stage = past ? (rand() < 0.6 ? 'Closed Won' : 'Closed Lost') : pick(openStages);
      const amount = Math.round(((150 + rand() * 2850) * 1000) / 1000) * 1000;
      const late = ['Proposal/Price Quote', 'Negotiation/Review', 'Closed Won'].includes(stage);
      opportunities.push({
        key: `opp-${++oppIndex}`,
        Name: `${off.Name} - ${buyingCenters.find((b) => b.key === bc)!.Name} ${year}`,
        Amount: amount,
        StageName: stage,
        CloseDate: close,
        buyingCenter: bc,
        offering: off.key,
        Budget_Status__c: late ? pick(['Identified', 'Confirmed'] as const) : pick(bant),
        Authority_Status__c: pick(bant),
        Need_Status__c: late ? 'Confirmed' : pick(bant),
        Timing_Status__c: pick(bant),
        Budget_Evidence__c: late ? 'Budget line approved in the annual operating plan.' : undefined,
        Need_Evidence__c: rand() < 0.5 ? 'Pain confirmed in discovery workshop.' : undefined,
        contactRoles: roleContacts(bc)
      });
    }
  }
  // Unmapped pipeline that ops must fix: no buying center, or no offering.
  opportunities.push({
    key: 'opp-unmapped-1',
    Name: 'Hangar Wi-Fi refresh',
    Amount: 240000,
    StageName: 'Qualification',
    CloseDate: dateIn(fy, 12, 15),
    buyingCenter: null,
    offering: 'managed-cloud',
    contactRoles: []
  });
  opportunities.push({
    key: 'opp-unmapped-2',
    Name: 'Supplier portal pilot',
    Amount: 410000,
    StageName: 'Needs Analysis',
    CloseDate: dateIn(fy + 1, 2, 10),
    buyingCenter: 'ca-europe',
    offering: null,
    contactRoles: []
  });
  opportunities.push({
    key: 'opp-unmapped-3',
    Name: 'Training academy LMS',
    Amount: 180000,
    StageName: 'Closed Won',
    CloseDate: dateIn(fy, 3, 20),
    buyingCenter: null,
    offering: null,
    contactRoles: []
  });

  const cells: NonNullable<AccountBundleInput['cells']> = [];
  const competitors = ['Skyline Consulting', 'Globex Security', 'Northwind Systems', 'Initech Cloud'];
  for (const year of [fy - 1, fy]) {
    for (const bc of regionCenters) {
      for (const off of offerings) {
        const r = rand();
        if (r < 0.22)
          cells.push({
            buyingCenter: bc.key,
            offering: off.key,
            Fiscal_Year__c: year,
            State__c: 'Whitespace',
            Potential__c: Math.round(200 + rand() * 1800) * 1000
          });
        else if (r < 0.32)
          cells.push({
            buyingCenter: bc.key,
            offering: off.key,
            Fiscal_Year__c: year,
            State__c: 'Competitor',
            Competitor__c: pick(competitors),
            Potential__c: Math.round(100 + rand() * 900) * 1000
          });
        else if (r < 0.4)
          cells.push({
            buyingCenter: bc.key,
            offering: off.key,
            Fiscal_Year__c: year,
            State__c: 'Not Applicable',
            Notes__c: 'No fit: regulated by national defence procurement.'
          });
      }
    }
  }

  const plans: NonNullable<AccountBundleInput['plans']> = [
    {
      key: `plan-${fy}`,
      Name: `Aerovance Group FY${fy} account plan`,
      Fiscal_Year__c: fy,
      Status__c: 'Active',
      Revenue_Goal__c: 18e6,
      Mining_Goal__c: 11e6,
      Farming_Goal__c: 7e6,
      Score_Executive_Access__c: 3,
      Score_Share_Of_Wallet__c: 2,
      Score_Strategic_Alignment__c: 4,
      Score_Co_Innovation__c: 3,
      Score_Tenure__c: 4,
      Criterion_Revenue_Potential__c: true,
      Criterion_Strategic_Fit__c: true,
      Criterion_Growth_Potential__c: true,
      Criterion_Reference_Value__c: true,
      Criterion_Executive_Access__c: false,
      Customer_Phase__c: 'Loyal Customer',
      Competitive_Position__c:
        'Incumbent for engineering consulting in Helicopters; Globex holds security in Defence & Space.',
      As_Is_Summary__c:
        'Strong CIO sponsorship; CFO sceptical of IT spend; Commercial Aircraft Asia-Pacific untapped.',
      Last_Reviewed__c: daysAgo(38),
      objectives: [
        {
          key: 'obj-1',
          Name: 'Land the IoT platform in Commercial Aircraft',
          Target_Amount__c: 4e6,
          Due_Date__c: dateIn(fy, 12, 31),
          Status__c: 'On Track',
          buyingCenter: 'ca'
        },
        {
          key: 'obj-2',
          Name: 'Win back security in Defence & Space',
          Target_Amount__c: 2.5e6,
          Due_Date__c: dateIn(fy, 11, 30),
          Status__c: 'At Risk',
          buyingCenter: 'ds'
        },
        {
          key: 'obj-3',
          Name: 'Executive relationship with the Group CFO',
          Due_Date__c: dateIn(fy, 9, 30),
          Status__c: 'At Risk',
          buyingCenter: null
        }
      ],
      actions: [
        {
          key: 'act-1',
          Name: 'Run predictive-maintenance pilot readout',
          objective: 'obj-1',
          assignedTo: 'u-architect',
          Due_Date__c: daysAgo(12),
          Status__c: 'In Progress',
          Milestone__c: true
        },
        {
          key: 'act-2',
          Name: 'Security posture assessment proposal',
          objective: 'obj-2',
          assignedTo: 'u-security',
          Due_Date__c: daysAgo(5),
          Status__c: 'Open'
        },
        {
          key: 'act-3',
          Name: 'CFO briefing on TCO of managed cloud',
          objective: 'obj-3',
          assignedTo: 'u-director',
          Due_Date__c: daysAgo(30),
          Status__c: 'Blocked',
          Notes__c: 'Waiting for a slot via the CIO.'
        },
        {
          key: 'act-4',
          Name: 'Map Digital Office stakeholders',
          objective: null,
          assignedTo: 'u-csm',
          Due_Date__c: dateIn(fy + 1, 1, 15),
          Status__c: 'Open'
        },
        {
          key: 'act-5',
          Name: 'Quarterly business review',
          objective: null,
          assignedTo: 'u-director',
          Due_Date__c: daysAgo(60),
          Status__c: 'Done',
          Milestone__c: true
        }
      ]
    },
    {
      key: `plan-${fy - 1}`,
      Name: `Aerovance Group FY${fy - 1} account plan`,
      Fiscal_Year__c: fy - 1,
      Status__c: 'Archived',
      Revenue_Goal__c: 14e6,
      Mining_Goal__c: 10e6,
      Farming_Goal__c: 4e6,
      Customer_Phase__c: 'Customer',
      Score_Executive_Access__c: 2,
      Score_Share_Of_Wallet__c: 2,
      Score_Strategic_Alignment__c: 3,
      Score_Co_Innovation__c: 2,
      Score_Tenure__c: 3
    }
  ];

  // --- Group accounts (issue 21): three subsidiaries with their people and deals (data/aerovanceGroup.ts).
  const group = aerovanceSubsidiaries({ fy, dateIn, daysAgo }, ceo);
  buyingCenters.push(...group.buyingCenters);
  contacts.push(...group.contacts);
  links.push(...group.links);
  opportunities.push(...group.opportunities);
  // --- end group accounts

  return {
    format: 'keyplan.account-bundle',
    version: 1,
    account: {
      key: 'aerovance',
      Name: 'Aerovance Group',
      Industry: 'Aerospace & Defence',
      Type: 'Customer - Direct',
      AnnualRevenue: 58e9,
      NumberOfEmployees: 131000,
      BillingCity: 'Toulouse',
      BillingCountry: 'France',
      Website: 'https://aerovance.example'
    },
    subsidiaries: group.subsidiaries,
    users: [...users, ...unlinkedUsers],
    offerings: offerings.map((o) => ({ ...o, Active__c: true })),
    buyingCenters,
    contacts,
    links,
    opportunities,
    cells,
    plans
  };
}
