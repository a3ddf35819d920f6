/**
 * A deterministic synthetic account: org chart, relationship links, buying centers, offerings,
 * landscape cells, opportunities with BANT, and a plan. Same options, same data. Shared by tests,
 * the benchmarks and the local org's sample data.
 */
import type {
  AccountPlanDto,
  BantData,
  BantOpportunity,
  BantStatus,
  ContactNode,
  LandscapeCellDto,
  MatrixBuyingCenter,
  MatrixOffering,
  MatrixOpportunity,
  OrgChartData,
  PlanSummaryData,
  RelationshipLinkDto,
  WhitespaceData
} from '../contracts';
import {
  BANT_STATUSES,
  BUYER_ROLES,
  DECISION_ROLES,
  FREQUENCIES,
  INFLUENCE_LEVELS,
  LINK_TYPES,
  OFFERING_FAMILIES,
  RESPONSE_MODES,
  STANCES
} from '../contracts';
import { managerIndexes, type OrgShape } from './orgShape';
import { KEY_PREFIX, rng, sfId } from './random';

export interface GenerateOptions {
  seed: number;
  contacts?: number;
  links?: number;
  buyingCenters?: number;
  offerings?: number;
  opportunities?: number;
  /** Fiscal years ending with `lastYear`. */
  years?: number;
  lastYear?: number;
  /** Today for date-relative data (links, close dates). Default 2025-06-15. */
  today?: string;
  /** Share of contacts with broken manager data (cycles, managers outside the account). Default 0. */
  messiness?: number;
  /** Reporting structure: `realistic` (default) or the `deep` stress case (see orgShape.ts). */
  shape?: OrgShape;
}

export interface GeneratedAccount {
  orgChart: OrgChartData;
  whitespace: WhitespaceData;
  bant: BantData;
  planSummary: PlanSummaryData;
}

const FIRST = [
  'Ada',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Luca',
  'Maya',
  'Nils',
  'Olga',
  'Priya',
  'Quinn',
  'Rafael',
  'Sofia',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoe'
];
const LAST = [
  'Andersen',
  'Brown',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Müller',
  'Novak',
  "O'Brien",
  'Patel',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Weber'
];
const DEPARTMENTS = [
  'Finance',
  'IT',
  'Operations',
  'Procurement',
  'Sales',
  'Marketing',
  'HR',
  'Legal',
  'R&D',
  'Supply Chain'
];
const TITLES = [
  'Chief Executive Officer',
  'Vice President',
  'Director',
  'Head of',
  'Senior Manager',
  'Manager',
  'Team Lead',
  'Specialist',
  'Analyst'
];
const DIVISIONS = [
  'Retail Banking',
  'Merchant Banking',
  'CIO Org',
  'Helicopters',
  'Wealth',
  'Insurance',
  'Logistics',
  'Digital',
  'Manufacturing',
  'Research'
];
const REGIONS = ['Europe', 'Americas', 'APAC', 'Nordics', 'DACH', 'UK&I', 'Iberia', 'Middle East'];
const OFFERING_NAMES = [
  'Cloud Migration',
  'Data Platform',
  'Managed Security',
  'CRM Rollout',
  'AI Assistants',
  'Support Plus',
  'Analytics',
  'Integration Hub',
  'Training',
  'Advisory'
];
const COMPETITORS = ['Acme Consulting', 'Globex', 'Initech', 'Umbrella Systems', 'Stark Services'];
const STAGES: readonly [string, number][] = [
  ['Prospecting', 10],
  ['Qualification', 10],
  ['Needs Analysis', 20],
  ['Value Proposition', 50],
  ['Id. Decision Makers', 60],
  ['Perception Analysis', 70],
  ['Proposal/Price Quote', 75],
  ['Negotiation/Review', 90]
];

const DAY = 86_400_000;
const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

/**
 * Generates one account. Contacts form a hierarchy of `shape` (realistic by default: a CEO, about six
 * reports per manager, four in five people without reports); `messiness` injects self-managers, loops and managers outside the account.
 */
export function generateAccount(options: GenerateOptions): GeneratedAccount {
  const r = rng(options.seed);
  const nContacts = options.contacts ?? 60;
  const nLinks = options.links ?? nContacts * 2;
  const nBc = options.buyingCenters ?? 8;
  const nOff = options.offerings ?? 10;
  const nOpp = options.opportunities ?? 40;
  const nYears = options.years ?? 3;
  const lastYear = options.lastYear ?? 2025;
  const today = Date.parse(`${options.today ?? '2025-06-15'}T00:00:00Z`);
  const modstamp = new Date(today - 3 * DAY).toISOString();
  const accountId = sfId(KEY_PREFIX.Account, options.seed);
  const idBase = options.seed * 1_000_000;

  // Buying centers: a few divisions, regions below them.
  const buyingCenters: MatrixBuyingCenter[] = [];
  const nDivisions = Math.max(1, Math.ceil(nBc / 4));
  for (let i = 0; i < nBc; i++) {
    const isDivision = i < nDivisions;
    const parent = isDivision ? null : buyingCenters[r.int(0, nDivisions - 1)];
    const division =
      DIVISIONS[i % DIVISIONS.length] +
      (i >= DIVISIONS.length && isDivision ? ` ${Math.floor(i / DIVISIONS.length) + 1}` : '');
    const wallet = r.int(5, 200) * 100_000;
    buyingCenters.push({
      id: sfId(KEY_PREFIX.Buying_Center__c, idBase + i),
      name: isDivision ? division : `${parent?.name} ${REGIONS[i % REGIONS.length]} ${i}`,
      parentId: parent?.id ?? null,
      walletSize: wallet,
      salesGoal: Math.round(wallet * (0.1 + r.next() * 0.3)),
      active: r.chance(0.95),
      sortOrder: i
    });
  }

  const offerings: MatrixOffering[] = [];
  for (let i = 0; i < nOff; i++) {
    offerings.push({
      id: sfId(KEY_PREFIX.Offering__c, idBase + i),
      name:
        OFFERING_NAMES[i % OFFERING_NAMES.length] +
        (i >= OFFERING_NAMES.length ? ` ${Math.floor(i / OFFERING_NAMES.length) + 1}` : ''),
      family: r.pick(OFFERING_FAMILIES),
      sortOrder: r.chance(0.8) ? i * 10 : null,
      active: r.chance(0.9)
    });
  }

  // Contacts: the reporting structure of the requested shape (managers listed before their reports).
  const parent = managerIndexes(nContacts, options.shape ?? 'realistic', () => r.next());
  const depth = new Int32Array(nContacts);
  const leads = new Uint8Array(nContacts);
  for (let i = 1; i < nContacts; i++) if (parent[i] >= 0) leads[parent[i]] = 1;
  const contacts: ContactNode[] = [];
  for (let i = 0; i < nContacts; i++) {
    const id = sfId(KEY_PREFIX.Contact, idBase + i);
    const reportsToId = parent[i] < 0 ? null : contacts[parent[i]].id;
    depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
    // Managers by level (CEO, VP, Director, ...); people without reports are specialists or analysts.
    const level =
      depth[i] > 0 && !leads[i] ? TITLES.length - 1 - r.int(0, 1) : Math.min(TITLES.length - 3, depth[i]);
    contacts.push({
      id,
      name: `${r.pick(FIRST)} ${r.pick(LAST)}`,
      title: level === 3 ? `${TITLES[level]} ${r.pick(DEPARTMENTS)}` : TITLES[level],
      department: r.pick(DEPARTMENTS),
      reportsToId,
      buyingCenterId: nBc && r.chance(0.85) ? r.pick(buyingCenters).id : null,
      stance: r.chance(0.8) ? r.pick(STANCES) : null,
      decisionRole: r.chance(level <= 2 ? 0.8 : 0.4)
        ? level <= 2
          ? r.pick(DECISION_ROLES.slice(0, 2))
          : r.pick(DECISION_ROLES)
        : null,
      buyerRole: r.chance(0.5) ? r.pick(BUYER_ROLES) : null,
      responseMode: r.chance(0.4) ? r.pick(RESPONSE_MODES) : null,
      influenceLevel: r.chance(0.85) ? r.pick(INFLUENCE_LEVELS) : null,
      budgetOwned: level <= 2 && r.chance(0.5) ? r.int(1, 50) * 100_000 : null,
      lastModified: modstamp
    });
  }
  const messiness = options.messiness ?? 0;
  if (messiness > 0 && nContacts > 2) {
    const broken = Math.max(1, Math.floor(nContacts * messiness));
    for (let k = 0; k < broken; k++) {
      const c = contacts[r.int(1, nContacts - 1)];
      const kind = r.int(0, 2);
      if (kind === 0) c.reportsToId = c.id;
      else if (kind === 1) c.reportsToId = sfId(KEY_PREFIX.Contact, idBase + nContacts + 1000 + k);
      else c.reportsToId = contacts[r.int(0, nContacts - 1)].id; // may close a loop
    }
  }

  const users = Array.from({ length: 6 }, (_, i) => ({
    id: sfId(KEY_PREFIX.User, idBase + i),
    name: `${FIRST[(i * 7) % FIRST.length]} (our team)`
  }));
  const links: RelationshipLinkDto[] = [];
  for (let i = 0; i < nLinks && nContacts > 1; i++) {
    const to = contacts[r.int(0, nContacts - 1)];
    const fromTeam = r.chance(0.3);
    let from = to;
    while (!fromTeam && from.id === to.id) from = contacts[r.int(0, nContacts - 1)];
    const user = fromTeam ? r.pick(users) : null;
    links.push({
      id: sfId(KEY_PREFIX.Relationship_Link__c, idBase + i),
      fromContactId: fromTeam ? null : from.id,
      fromUserId: user?.id ?? null,
      fromUserName: user?.name ?? null,
      toContactId: to.id,
      type: fromTeam ? 'Coverage' : r.pick(LINK_TYPES.slice(0, 3)),
      strength: r.int(1, 5),
      frequency: r.pick(FREQUENCIES),
      influenceLevel: r.pick(INFLUENCE_LEVELS),
      polarity: r.chance(0.8) ? 'Positive' : 'Negative',
      lastInteraction: r.chance(0.9) ? isoDate(today - r.int(0, 400) * DAY) : null,
      lastModified: modstamp
    });
  }

  const firstYear = lastYear - nYears + 1;
  const fiscalYears = Array.from({ length: nYears }, (_, i) => firstYear + i);
  const cells: LandscapeCellDto[] = [];
  let cellN = 0;
  for (const bc of buyingCenters) {
    for (const off of offerings) {
      for (const fy of fiscalYears) {
        if (!r.chance(0.3)) continue;
        const state = r.pick([
          'Unassessed',
          'Whitespace',
          'Whitespace',
          'Competitor',
          'Not Applicable'
        ] as const);
        cells.push({
          id: sfId(KEY_PREFIX.Landscape_Cell__c, idBase + cellN++),
          buyingCenterId: bc.id,
          offeringId: off.id,
          fiscalYear: fy,
          state,
          competitor: state === 'Competitor' ? r.pick(COMPETITORS) : null,
          potential: state === 'Whitespace' ? r.int(1, 40) * 25_000 : null,
          lastModified: modstamp
        });
      }
    }
  }

  const opportunities: MatrixOpportunity[] = [];
  const bantOpps: BantOpportunity[] = [];
  const bcName = new Map(buyingCenters.map((b) => [b.id, b.name]));
  const offName = new Map(offerings.map((o) => [o.id, o.name]));
  const statusFor = (p: number): BantStatus =>
    r.chance(p) ? r.pick(BANT_STATUSES.slice(2)) : r.pick(BANT_STATUSES.slice(0, 2));
  for (let i = 0; i < nOpp; i++) {
    const fy = r.pick(fiscalYears);
    const close = Date.UTC(fy, r.int(0, 11), r.int(1, 28));
    const past = close < today;
    const isClosed = past ? r.chance(0.9) : r.chance(0.05);
    const isWon = isClosed && r.chance(0.55);
    const [stageName, probability] = isClosed
      ? isWon
        ? ['Closed Won', 100]
        : ['Closed Lost', 0]
      : r.pick(STAGES);
    const bc = nBc && r.chance(0.93) ? r.pick(buyingCenters).id : null;
    const off = nOff && r.chance(0.93) ? r.pick(offerings).id : null;
    const o: MatrixOpportunity = {
      id: sfId(KEY_PREFIX.Opportunity, idBase + i),
      name: `${off ? offName.get(off) : 'General'} ${fy} #${i + 1}`,
      amount: r.chance(0.97) ? r.int(1, 200) * 5_000 : null,
      probability,
      stageName,
      isClosed,
      isWon,
      closeDate: isoDate(close),
      buyingCenterId: bc,
      offeringId: off,
      growthType: r.chance(0.5) ? r.pick(['Mining', 'Farming'] as const) : null,
      lastModified: modstamp
    };
    opportunities.push(o);
    if (isClosed) continue;
    const p = probability / 100;
    const roles = Array.from({ length: r.int(0, 3) }, (_, k) => {
      const c = contacts[r.int(0, Math.max(0, nContacts - 1))];
      return c
        ? {
            contactId: c.id,
            name: c.name,
            role: r.pick(['Decision Maker', 'Evaluator', 'Influencer', 'Technical Buyer']),
            isPrimary: k === 0,
            buyerRole: c.buyerRole,
            decisionRole: c.decisionRole,
            budgetOwned: c.budgetOwned
          }
        : null;
    }).filter((x): x is NonNullable<typeof x> => x !== null);
    bantOpps.push({
      id: o.id,
      name: o.name,
      amount: o.amount,
      stageName,
      probability,
      closeDate: o.closeDate,
      buyingCenterName: bc ? (bcName.get(bc) ?? null) : null,
      offeringName: off ? (offName.get(off) ?? null) : null,
      budgetStatus: statusFor(p),
      authorityStatus: statusFor(p),
      needStatus: statusFor(p + 0.1),
      timingStatus: statusFor(p),
      budgetEvidence: r.chance(0.3) ? 'Budget line confirmed in the FY plan' : null,
      authorityEvidence: null,
      needEvidence: r.chance(0.3) ? 'Pain stated in the discovery workshop' : null,
      timingEvidence: null,
      bantScore: null,
      contactRoles: roles,
      lastModified: modstamp
    });
  }

  const revenueGoal = Math.round(buyingCenters.reduce((s, b) => s + (b.salesGoal ?? 0), 0) / 1000) * 1000;
  const plan: AccountPlanDto = {
    id: sfId(KEY_PREFIX.Account_Plan__c, idBase),
    name: `Account Plan ${lastYear}`,
    fiscalYear: lastYear,
    status: 'Active',
    revenueGoal,
    miningGoal: Math.round(revenueGoal * 0.6),
    farmingGoal: revenueGoal - Math.round(revenueGoal * 0.6),
    scoreExecutiveAccess: r.int(1, 5),
    scoreShareOfWallet: r.int(1, 5),
    scoreStrategicAlignment: r.int(1, 5),
    scoreCoInnovation: r.int(1, 5),
    scoreTenure: r.int(1, 5),
    relationshipType: null,
    tier: null,
    customerPhase: 'Customer',
    lastModified: modstamp
  };

  return {
    orgChart: {
      accountId,
      accountName: `Synthetic Account ${options.seed}`,
      contacts,
      links,
      buyingCenters: buyingCenters.map((b) => ({
        id: b.id,
        name: b.name,
        parentId: b.parentId,
        relationshipStatus: null,
        active: b.active
      })),
      totalContacts: nContacts,
      truncated: false,
      fieldAccess: {}
    },
    whitespace: {
      accountId,
      fiscalYears,
      buyingCenters,
      offerings,
      cells,
      opportunities,
      plan: {
        revenueGoal: plan.revenueGoal,
        miningGoal: plan.miningGoal,
        farmingGoal: plan.farmingGoal,
        fiscalYear: lastYear
      },
      currencyCode: 'EUR',
      fiscalYearStartMonth: 1,
      fiscalYearNamedByStart: false,
      conversionRates: [],
      wonHistory: []
    },
    bant: { accountId, opportunities: bantOpps, history: [], stages: [] },
    planSummary: {
      accountId,
      fiscalYear: lastYear,
      plan,
      opportunities: opportunities.filter((o) => o.closeDate.startsWith(String(lastYear))),
      cells: cells.filter((c) => c.fiscalYear === lastYear),
      wonHistory: [],
      currencyCode: 'EUR',
      fiscalYearStartMonth: 1,
      fiscalYearNamedByStart: false,
      conversionRates: [],
      overdueActions: [],
      upcomingActions: []
    }
  };
}
