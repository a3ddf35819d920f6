/**
 * The account bundle: one JSON file holding an account and everything Keyplan knows about it.
 * Records refer to each other by `key`s the file defines (never by org ids), so the same bundle
 * loads into any org, and re-importing it updates the records it created (upsert by external id
 * `Keyplan_Key__c`, which stores `<account key>/<record key>`).
 *
 * Field names are the org's API names, so a bundle reads like the data it becomes; fields Keyplan adds to
 * standard objects are spelled without their `Keyplan_` prefix (src/bundle/orgNames.ts maps them).
 */
import { z } from 'zod';
import {
  BANT_STATUSES,
  BUYER_ROLES,
  CELL_STATES,
  CUSTOMER_PHASES,
  DECISION_ROLES,
  FREQUENCIES,
  GROWTH_TYPES,
  INFLUENCE_LEVELS,
  LINK_TYPES,
  OFFERING_FAMILIES,
  PLAN_STATUSES,
  POLARITIES,
  RELATIONSHIP_STATUSES,
  RESPONSE_MODES,
  STANCES,
  ACTION_STATUSES,
  FiscalYear
} from '../contracts';
import { CONTACT_ROLES, STANDARD_STAGE_NAMES } from '../schema';
import { numberProblems } from './orgLimits';
import { ruleMessage } from './ruleMessages';

/**
 * Keys are short so `Keyplan_Key__c` (Text(120)) always fits the longest stored form,
 * `<account>/<plan>/<objective>` or `<account>/<buying center>|<offering>|<year>`: 24 + 1 + 40 + 1 + 40 + 1 + 4.
 */
const KEY_PATTERN = /^[A-Za-z0-9_.-]+$/;
const KEY_MESSAGE = 'Keys use letters, digits, "_", "-" and "." only';
const Key = z.string().min(1).max(40).regex(KEY_PATTERN, KEY_MESSAGE);
const AccountKey = z.string().min(1).max(24).regex(KEY_PATTERN, KEY_MESSAGE);
const Text = (max: number) => z.string().max(max);
const Date_ = z.iso.date();
const Amount = z.number().finite().nonnegative();
const Score = z.number().int().min(1).max(5);

export const BundleAccount = z.strictObject({
  key: AccountKey,
  Name: Text(255).min(1),
  Industry: Text(40).nullish(),
  Type: Text(40).nullish(),
  AnnualRevenue: Amount.nullish(),
  NumberOfEmployees: z.number().int().nonnegative().nullish(),
  BillingCity: Text(40).nullish(),
  BillingCountry: Text(80).nullish(),
  Website: Text(255).nullish()
});

// --- Group accounts (issue 21): the hierarchy below the bundle's account -----------------------------
/**
 * A subsidiary: a child account (Account.ParentId) of the bundle's account or of another subsidiary, so a
 * bundle carries a whole group. `parent` names another subsidiary's key, null (the default) the bundle's
 * account. Contacts and opportunities name the company they belong to with `account` (absent: the bundle's
 * account); buying centers may name theirs with `subsidiary`. Keys share one namespace with the bundle's
 * other records, so links and reporting lines cross companies of the group by key like any other.
 */
export const BundleSubsidiary = z.strictObject({
  ...BundleAccount.shape,
  parent: AccountKey.nullable().default(null)
});
/** A reference to the company a record belongs to: a subsidiary's key (absent: the bundle's account). */
const CompanyRef = AccountKey.optional();
// --- end group accounts ---------------------------------------------------------------------------

/** Our own team members (Users). Matched by Email in the target org; created only in the local org. */
export const BundleUser = z.strictObject({
  key: Key,
  FirstName: Text(40).nullish(),
  LastName: Text(80).min(1),
  Email: z.email(),
  Title: Text(80).nullish()
});

export const BundleOffering = z.strictObject({
  key: Key,
  Name: Text(80).min(1),
  Family__c: z.enum(OFFERING_FAMILIES).nullish(),
  Sort_Order__c: z.number().int().nullish(),
  Active__c: z.boolean().default(true),
  Description__c: Text(1000).nullish()
});

export const BundleBuyingCenter = z.strictObject({
  key: Key,
  Name: Text(80).min(1),
  parent: Key.nullable().default(null),
  /** Group accounts: the subsidiary this buying center belongs to (Subsidiary__c). */
  subsidiary: CompanyRef,
  Wallet_Size__c: Amount.nullish(),
  Sales_Goal__c: Amount.nullish(),
  Relationship_Status__c: z.enum(RELATIONSHIP_STATUSES).nullish(),
  Key_Initiatives__c: Text(32000).nullish(),
  Active__c: z.boolean().default(true),
  Sort_Order__c: z.number().int().nullish()
});

export const BundleContact = z.strictObject({
  key: Key,
  /** Group accounts: the subsidiary the person works for (absent: the bundle's account). */
  account: CompanyRef,
  FirstName: Text(40).nullish(),
  LastName: Text(80).min(1),
  Title: Text(128).nullish(),
  Department: Text(80).nullish(),
  Email: z.email().nullish(),
  Phone: Text(40).nullish(),
  reportsTo: Key.nullable().default(null),
  buyingCenter: Key.nullable().default(null),
  Stance__c: z.enum(STANCES).nullish(),
  Decision_Role__c: z.enum(DECISION_ROLES).nullish(),
  Buyer_Role__c: z.enum(BUYER_ROLES).nullish(),
  Response_Mode__c: z.enum(RESPONSE_MODES).nullish(),
  Influence_Level__c: z.enum(INFLUENCE_LEVELS).nullish(),
  Budget_Owned__c: Amount.nullish()
});

export const BundleLink = z
  .strictObject({
    key: Key,
    fromContact: Key.optional(),
    fromUser: Key.optional(),
    toContact: Key,
    Type__c: z.enum(LINK_TYPES).nullish(),
    Strength__c: Score.nullish(),
    Frequency__c: z.enum(FREQUENCIES).nullish(),
    Influence_Level__c: z.enum(INFLUENCE_LEVELS).nullish(),
    Polarity__c: z.enum(POLARITIES).nullish(),
    Last_Interaction__c: Date_.nullish(),
    Notes__c: Text(32000).nullish()
  })
  // Pre-checks of validation rules, worded by the rule's XML (read when a bundle breaks one).
  .refine((l) => (l.fromContact === undefined) !== (l.fromUser === undefined), {
    error: () => ruleMessage('Relationship_Link__c', 'Exactly_One_From'),
    path: ['fromContact']
  })
  .refine((l) => l.fromContact !== l.toContact, {
    error: () => ruleMessage('Relationship_Link__c', 'No_Self_Link'),
    path: ['toContact']
  });

export const BundleContactRole = z.strictObject({
  contact: Key,
  Role: z.enum(CONTACT_ROLES).nullish(),
  IsPrimary: z.boolean().default(false)
});

export const BundleOpportunity = z.strictObject({
  key: Key,
  /** Group accounts: the subsidiary the deal is with (absent: the bundle's account). */
  account: CompanyRef,
  Name: Text(120).min(1),
  Amount: Amount.nullish(),
  StageName: z.enum(STANDARD_STAGE_NAMES as [string, ...string[]]),
  CloseDate: Date_,
  Probability: z.number().min(0).max(100).nullish(),
  buyingCenter: Key.nullable().default(null),
  offering: Key.nullable().default(null),
  Growth_Type__c: z.enum(GROWTH_TYPES).nullish(),
  Budget_Status__c: z.enum(BANT_STATUSES).nullish(),
  Authority_Status__c: z.enum(BANT_STATUSES).nullish(),
  Need_Status__c: z.enum(BANT_STATUSES).nullish(),
  Timing_Status__c: z.enum(BANT_STATUSES).nullish(),
  Budget_Evidence__c: Text(255).nullish(),
  Authority_Evidence__c: Text(255).nullish(),
  Need_Evidence__c: Text(255).nullish(),
  Timing_Evidence__c: Text(255).nullish(),
  contactRoles: z.array(BundleContactRole).default([])
});

export const BundleCell = z
  .strictObject({
    buyingCenter: Key,
    offering: Key,
    Fiscal_Year__c: FiscalYear,
    State__c: z.enum(CELL_STATES).nullish(),
    Competitor__c: Text(120).nullish(),
    Potential__c: Amount.nullish(),
    Notes__c: Text(32000).nullish()
  })
  .refine((c) => c.State__c !== 'Competitor' || Boolean(c.Competitor__c), {
    error: () => ruleMessage('Landscape_Cell__c', 'Competitor_Required'),
    path: ['Competitor__c']
  });

export const BundleObjective = z.strictObject({
  key: Key,
  Name: Text(80).min(1),
  Description__c: Text(32000).nullish(),
  Target_Amount__c: Amount.nullish(),
  Due_Date__c: Date_.nullish(),
  Status__c: z.enum(['Not Started', 'On Track', 'At Risk', 'Achieved', 'Missed']).nullish(),
  buyingCenter: Key.nullable().default(null)
});

export const BundleAction = z.strictObject({
  key: Key,
  Name: Text(80).min(1),
  objective: Key.nullable().default(null),
  assignedTo: Key.nullable().default(null),
  Due_Date__c: Date_.nullish(),
  Status__c: z.enum(ACTION_STATUSES).nullish(),
  Milestone__c: z.boolean().default(false),
  Notes__c: Text(32000).nullish()
});

export const BundlePlan = z.strictObject({
  key: Key,
  Name: Text(80).min(1),
  Fiscal_Year__c: FiscalYear,
  Status__c: z.enum(PLAN_STATUSES).nullish(),
  Revenue_Goal__c: Amount.nullish(),
  Mining_Goal__c: Amount.nullish(),
  Farming_Goal__c: Amount.nullish(),
  Score_Executive_Access__c: Score.nullish(),
  Score_Share_Of_Wallet__c: Score.nullish(),
  Score_Strategic_Alignment__c: Score.nullish(),
  Score_Co_Innovation__c: Score.nullish(),
  Score_Tenure__c: Score.nullish(),
  Criterion_Revenue_Potential__c: z.boolean().optional(),
  Criterion_Strategic_Fit__c: z.boolean().optional(),
  Criterion_Growth_Potential__c: z.boolean().optional(),
  Criterion_Reference_Value__c: z.boolean().optional(),
  Criterion_Executive_Access__c: z.boolean().optional(),
  Customer_Phase__c: z.enum(CUSTOMER_PHASES).nullish(),
  Competitive_Position__c: Text(32000).nullish(),
  As_Is_Summary__c: Text(32000).nullish(),
  Last_Reviewed__c: Date_.nullish(),
  objectives: z.array(BundleObjective).default([]),
  actions: z.array(BundleAction).default([])
});

/** The shape of the whole file. Cross-record rules (keys resolve, no cycles) are in `checkBundle`. */
export const AccountBundle = z.strictObject({
  /** Lets editors find the JSON Schema (docs/account-bundle.schema.json); ignored on import. */
  $schema: z.string().optional(),
  format: z.literal('keyplan.account-bundle'),
  version: z.literal(1),
  account: BundleAccount,
  /** Group accounts: the account's descendants, parents before children or in any order. */
  subsidiaries: z.array(BundleSubsidiary).default([]),
  users: z.array(BundleUser).default([]),
  offerings: z.array(BundleOffering).default([]),
  buyingCenters: z.array(BundleBuyingCenter).default([]),
  contacts: z.array(BundleContact).default([]),
  links: z.array(BundleLink).default([]),
  opportunities: z.array(BundleOpportunity).default([]),
  cells: z.array(BundleCell).default([]),
  plans: z.array(BundlePlan).default([])
});
export type AccountBundle = z.infer<typeof AccountBundle>;
export type AccountBundleInput = z.input<typeof AccountBundle>;

/** One problem found in a bundle: where (JSON path) and what. */
export interface BundleProblem {
  path: string;
  message: string;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    ''
  );
}

/**
 * Validates a bundle completely: its shape (zod) and then what zod cannot see — duplicate keys,
 * references to keys that do not exist, reporting-line cycles, duplicate cells. Returns every
 * problem, not just the first, so a user can fix a file in one pass.
 */
export function checkBundle(input: unknown): { bundle?: AccountBundle; problems: BundleProblem[] } {
  const parsed = AccountBundle.safeParse(input);
  const problems: BundleProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: pathText(i.path), message: i.message }));
  // Numbers by value against the org's precision and scale (zod knows only the type).
  problems.push(...numberProblems(input));
  // Cross-record checks run even when the shape is wrong, on a loose view of the input, so one pass
  // lists dangling references and cycles next to the type errors.
  const b = parsed.success ? parsed.data : (loose(input) as unknown as AccountBundle);
  const keysOf = <T extends { key: string }>(list: T[], name: string): Set<string> => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (r.key === '') return; // missing key: zod reported it
      if (seen.has(r.key))
        problems.push({ path: `${name}[${i}].key`, message: `Duplicate key "${r.key}" in ${name}` });
      seen.add(r.key);
    });
    return seen;
  };
  const companies = keysOf(b.subsidiaries, 'subsidiaries');
  const users = keysOf(b.users, 'users');
  const offerings = keysOf(b.offerings, 'offerings');
  const centers = keysOf(b.buyingCenters, 'buyingCenters');
  const contacts = keysOf(b.contacts, 'contacts');
  keysOf(b.links, 'links');
  keysOf(b.opportunities, 'opportunities');
  keysOf(b.plans, 'plans');
  const ref = (set: Set<string>, kind: string, value: string | null | undefined, path: string): void => {
    if (value !== null && value !== undefined && !set.has(value))
      problems.push({ path, message: `Unknown ${kind} key "${value}"` });
  };
  b.subsidiaries.forEach((s, i) => {
    if (s.key === b.account?.key)
      problems.push({
        path: `subsidiaries[${i}].key`,
        message: `Subsidiary key "${s.key}" is the bundle's account key`
      });
    ref(companies, 'subsidiary', s.parent, `subsidiaries[${i}].parent`);
  });
  b.buyingCenters.forEach((c, i) => {
    ref(centers, 'buying center', c.parent, `buyingCenters[${i}].parent`);
    ref(companies, 'subsidiary', c.subsidiary, `buyingCenters[${i}].subsidiary`);
  });
  b.contacts.forEach((c, i) => {
    ref(companies, 'subsidiary', c.account, `contacts[${i}].account`);
    ref(contacts, 'contact', c.reportsTo, `contacts[${i}].reportsTo`);
    ref(centers, 'buying center', c.buyingCenter, `contacts[${i}].buyingCenter`);
  });
  b.links.forEach((l, i) => {
    ref(contacts, 'contact', l.fromContact, `links[${i}].fromContact`);
    ref(users, 'user', l.fromUser, `links[${i}].fromUser`);
    ref(contacts, 'contact', l.toContact, `links[${i}].toContact`);
  });
  b.opportunities.forEach((o, i) => {
    ref(companies, 'subsidiary', o.account, `opportunities[${i}].account`);
    ref(centers, 'buying center', o.buyingCenter, `opportunities[${i}].buyingCenter`);
    ref(offerings, 'offering', o.offering, `opportunities[${i}].offering`);
    o.contactRoles.forEach((r, j) =>
      ref(contacts, 'contact', r.contact, `opportunities[${i}].contactRoles[${j}].contact`)
    );
  });
  const cellKeys = new Set<string>();
  b.cells.forEach((c, i) => {
    ref(centers, 'buying center', c.buyingCenter, `cells[${i}].buyingCenter`);
    ref(offerings, 'offering', c.offering, `cells[${i}].offering`);
    const k = `${c.buyingCenter}|${c.offering}|${c.Fiscal_Year__c}`;
    if (!c.buyingCenter || !c.offering || typeof c.Fiscal_Year__c !== 'number') return;
    if (cellKeys.has(k))
      problems.push({
        path: `cells[${i}]`,
        message: `Duplicate cell for ${c.buyingCenter} x ${c.offering} in ${c.Fiscal_Year__c}`
      });
    cellKeys.add(k);
  });
  const planYears = new Set<number>();
  b.plans.forEach((p, i) => {
    if (typeof p.Fiscal_Year__c === 'number' && planYears.has(p.Fiscal_Year__c))
      problems.push({
        path: `plans[${i}].Fiscal_Year__c`,
        message: `A second plan for fiscal year ${p.Fiscal_Year__c}: one plan per account per year`
      });
    planYears.add(p.Fiscal_Year__c);
    const objectives = keysOf(p.objectives, `plans[${i}].objectives`);
    keysOf(p.actions, `plans[${i}].actions`);
    p.objectives.forEach((o, j) =>
      ref(centers, 'buying center', o.buyingCenter, `plans[${i}].objectives[${j}].buyingCenter`)
    );
    p.actions.forEach((a, j) => {
      ref(objectives, 'objective', a.objective, `plans[${i}].actions[${j}].objective`);
      ref(users, 'user', a.assignedTo, `plans[${i}].actions[${j}].assignedTo`);
    });
  });
  problems.push(
    ...cycles(
      b.contacts.map((c) => [c.key, c.reportsTo]),
      'contacts',
      'reportsTo',
      'reporting line'
    )
  );
  problems.push(
    ...cycles(
      b.subsidiaries.map((s) => [s.key, s.parent]),
      'subsidiaries',
      'parent',
      'account hierarchy'
    )
  );
  problems.push(
    ...cycles(
      b.buyingCenters.map((c) => [c.key, c.parent]),
      'buyingCenters',
      'parent',
      'buying center parent chain'
    )
  );
  return problems.length || !parsed.success ? { problems } : { bundle: b, problems };
}

/**
 * The input reduced to what the cross-record checks read, with anything ill-typed dropped (zod has
 * already reported it): keys and references as strings, lists as arrays.
 */
function loose(input: unknown): Record<string, unknown> {
  const obj = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(obj) : []);
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const ref = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const keyed = (
    r: Record<string, unknown>,
    refs: string[],
    nullable: string[] = []
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = { key: str(r.key) ?? '' };
    for (const f of refs) out[f] = str(r[f]);
    for (const f of nullable) out[f] = ref(r[f]);
    return out;
  };
  const root = obj(input);
  return {
    account: { key: str(obj(root.account).key) },
    subsidiaries: arr(root.subsidiaries).map((r) => keyed(r, [], ['parent'])),
    users: arr(root.users).map((r) => keyed(r, [])),
    offerings: arr(root.offerings).map((r) => keyed(r, [])),
    buyingCenters: arr(root.buyingCenters).map((r) => keyed(r, ['subsidiary'], ['parent'])),
    contacts: arr(root.contacts).map((r) => keyed(r, ['account'], ['reportsTo', 'buyingCenter'])),
    links: arr(root.links).map((r) => keyed(r, ['fromContact', 'fromUser', 'toContact'])),
    opportunities: arr(root.opportunities).map((r) => ({
      ...keyed(r, ['account'], ['buyingCenter', 'offering']),
      contactRoles: arr(r.contactRoles).map((c) => ({ contact: str(c.contact) }))
    })),
    cells: arr(root.cells).map((r) => ({
      ...keyed(r, ['buyingCenter', 'offering']),
      Fiscal_Year__c: r.Fiscal_Year__c
    })),
    plans: arr(root.plans).map((r) => ({
      ...keyed(r, []),
      Fiscal_Year__c: r.Fiscal_Year__c,
      objectives: arr(r.objectives).map((o) => keyed(o, [], ['buyingCenter'])),
      actions: arr(r.actions).map((a) => keyed(a, [], ['objective', 'assignedTo']))
    }))
  };
}

/** Finds parent-pointer cycles iteratively (no recursion: 10,000-deep chains must not overflow). */
function cycles(
  edges: [string, string | null][],
  list: string,
  field: string,
  what: string
): BundleProblem[] {
  const parent = new Map(edges);
  const index = new Map(edges.map(([k], i) => [k, i]));
  const state = new Map<string, 'done' | number>();
  const problems: BundleProblem[] = [];
  let walk = 0;
  for (const [start] of edges) {
    walk++;
    const path: string[] = [];
    let node: string | null | undefined = start;
    while (node !== null && node !== undefined && parent.has(node) && state.get(node) === undefined) {
      state.set(node, walk);
      path.push(node);
      node = parent.get(node);
    }
    if (node !== null && node !== undefined && state.get(node) === walk) {
      const loop = path.slice(path.indexOf(node));
      problems.push({
        path: `${list}[${index.get(node)}].${field}`,
        message: `The ${what} loops: ${[...loop, node].join(' -> ')}`
      });
    }
    for (const n of path) state.set(n, 'done');
  }
  return problems;
}
