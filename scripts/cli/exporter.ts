/**
 * Reads an account back out of an org as an account bundle (the inverse of `importBundle`): keys come
 * from `Keyplan_Key__c` (records created elsewhere get their Id as key), lookups become key references,
 * blank fields are left out. Users are keyed by their email's local part (the org does not store a
 * user's bundle key; users are identified by Email).
 */
import type { Connection } from 'jsforce';
import {
  BundleAccount,
  BundleSubsidiary,
  BundleAction,
  BundleBuyingCenter,
  BundleCell,
  BundleContact,
  BundleLink,
  BundleObjective,
  BundleOffering,
  BundleOpportunity,
  BundlePlan,
  type AccountBundleInput
} from '../../src/bundle/schema';
import { InvalidInput } from './errors';
import { queryAll } from './importer';
import { KEY_FIELD, keyFromExt, soqlString } from './keys';
import { apiFields } from './shape';
import type { z } from 'zod';

type Row = Record<string, unknown> & { Id: string };

/** Default probability per standard stage: an exported probability equal to it is left out (the org derives it). */
const STAGE_PROBABILITY: Record<string, number> = {
  Prospecting: 10,
  Qualification: 10,
  'Needs Analysis': 20,
  'Value Proposition': 50,
  'Id. Decision Makers': 60,
  'Perception Analysis': 70,
  'Proposal/Price Quote': 75,
  'Negotiation/Review': 90,
  'Closed Won': 100,
  'Closed Lost': 0
};

const cols = (schema: z.ZodType, extra: string[] = []): string =>
  ['Id', KEY_FIELD, ...apiFields(schema).map((f) => f.orgName), ...extra].join(', ');

/** Org values to bundle fields: nulls dropped, false dropped for optional checkboxes (their default). */
function values(schema: z.ZodType, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of apiFields(schema)) {
    const v = row[f.orgName];
    // A blank field is left out (never written as null or "null"): absent means "as it is" on re-import.
    if (v === null || v === undefined || v === '') continue;
    if (f.kind === 'boolean' && !f.hasDefault && v === false) continue;
    out[f.name] = v;
  }
  return out;
}

export interface AccountRow extends Row {
  Name: string;
  Keyplan_Key__c: string | null;
}

/** Finds an account by Keyplan_Key__c, Id or Name; none or several is an input error. */
export async function findAccount(conn: Connection, ref: string): Promise<AccountRow> {
  const select = `SELECT ${cols(BundleAccount)} FROM Account WHERE`;
  // SOQL compares text without case, the Keyplan key (a unique external id) with case: "Acme" and
  // "acme" are two accounts, so only the exact key counts.
  let rows = (await queryAll<AccountRow>(conn, `${select} ${KEY_FIELD} = ${soqlString(ref)}`)).filter(
    (r) => r.Keyplan_Key__c === ref
  );
  if (!rows.length && /^001[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(ref))
    rows = await queryAll<AccountRow>(conn, `${select} Id = ${soqlString(ref)}`);
  if (!rows.length) rows = await queryAll<AccountRow>(conn, `${select} Name = ${soqlString(ref)}`);
  if (!rows.length) throw new InvalidInput(`No account with Keyplan key, Id or Name "${ref}"`);
  if (rows.length > 1)
    throw new InvalidInput(
      `${rows.length} accounts match "${ref}"; name one by Keyplan key or Id`,
      rows.map((r) => ({ where: r.Id, message: `${r.Name} (key ${r.Keyplan_Key__c ?? 'none'})` }))
    );
  return rows[0];
}

const inList = (ids: Iterable<string>): string => [...new Set(ids)].map(soqlString).join(', ');
const byKey = <T extends { key: string }>(a: T, b: T): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Levels of the account hierarchy an export follows below the account (KeyplanHierarchy.MAX_DEPTH). */
export const EXPORT_DEPTH = 10;

/** Exports the account as a bundle, with its subsidiaries (child accounts, EXPORT_DEPTH levels) and theirs. */
export async function exportBundle(conn: Connection, accountRef: string): Promise<AccountBundleInput> {
  const account = await findAccount(conn, accountRef);
  const acctKey = account.Keyplan_Key__c ?? account.Id;
  const q = <T = Row>(soql: string): Promise<T[]> => queryAll<T>(conn, soql);

  // Group accounts: the descendants, level by level (one query per level, as KeyplanHierarchy reads them).
  const subsidiaries: AccountRow[] = [];
  let level = [account.Id];
  for (let depth = 1; depth <= EXPORT_DEPTH && level.length; depth++) {
    const children = await q<AccountRow>(
      `SELECT ${cols(BundleAccount, ['ParentId'])} FROM Account WHERE ParentId IN (${inList(level)})`
    );
    subsidiaries.push(...children);
    level = children.map((c) => c.Id);
  }
  // Contacts, links, opportunities and buying centers of every company; plans are the account's own (a
  // subsidiary's plan is its own bundle's). A buying center a subsidiary holds comes back naming it as its
  // `subsidiary` (the bundle puts every buying center on its account).
  const acctId = inList([account.Id, ...subsidiaries.map((s) => s.Id)]);
  const rootId = soqlString(account.Id);

  const centers = await q(
    `SELECT ${cols(BundleBuyingCenter, ['Account__c', 'Parent_Buying_Center__c', 'Subsidiary__c'])} FROM Buying_Center__c WHERE Account__c IN (${acctId})`
  );
  const contacts = await q(
    `SELECT ${cols(BundleContact, ['AccountId', 'ReportsToId', 'Keyplan_Buying_Center__c'])} FROM Contact WHERE AccountId IN (${acctId})`
  );
  const links = await q(
    `SELECT ${cols(BundleLink, ['From_Contact__c', 'From_User__c', 'To_Contact__c'])} FROM Relationship_Link__c WHERE Account__c IN (${acctId})`
  );
  const opps = await q(
    `SELECT ${cols(BundleOpportunity, ['AccountId', 'Keyplan_Buying_Center__c', 'Keyplan_Offering__c'])} FROM Opportunity WHERE AccountId IN (${acctId})`
  );
  const roles = await q(
    `SELECT Id, OpportunityId, ContactId, Role, IsPrimary FROM OpportunityContactRole WHERE Opportunity.AccountId IN (${acctId})`
  );
  const cells = await q(
    `SELECT ${cols(BundleCell, ['Buying_Center__c', 'Offering__c'])} FROM Landscape_Cell__c WHERE Buying_Center__r.Account__c IN (${acctId})`
  );
  const plans = await q(`SELECT ${cols(BundlePlan)} FROM Account_Plan__c WHERE Account__c = ${rootId}`);
  const objectives = await q(
    `SELECT ${cols(BundleObjective, ['Account_Plan__c', 'Buying_Center__c'])} FROM Plan_Objective__c WHERE Account_Plan__r.Account__c = ${rootId}`
  );
  const actions = await q(
    `SELECT ${cols(BundleAction, ['Account_Plan__c', 'Objective__c', 'Assigned_To__c'])} FROM Plan_Action__c WHERE Account_Plan__r.Account__c = ${rootId}`
  );

  const offeringIds = new Set<string>();
  for (const r of opps) if (typeof r.Keyplan_Offering__c === 'string') offeringIds.add(r.Keyplan_Offering__c);
  for (const r of cells) if (typeof r.Offering__c === 'string') offeringIds.add(r.Offering__c);
  // The catalogue is org-wide: a bundle carries the offerings its opportunities and cells use.
  const offeringRows = new Map<string, Row>();
  if (offeringIds.size)
    for (const r of await q(
      `SELECT ${cols(BundleOffering)} FROM Offering__c WHERE Id IN (${inList([...offeringIds])})`
    ))
      offeringRows.set(r.Id, r);

  const userIds = new Set<string>();
  for (const l of links) if (typeof l.From_User__c === 'string') userIds.add(l.From_User__c);
  for (const a of actions) if (typeof a.Assigned_To__c === 'string') userIds.add(a.Assigned_To__c);
  const users = userIds.size
    ? await q(`SELECT Id, FirstName, LastName, Email, Title FROM User WHERE Id IN (${inList(userIds)})`)
    : [];

  const keyOf = new Map<string, string>();
  const keyed = (rows: Row[]): void => rows.forEach((r) => keyOf.set(r.Id, keyFromExt(r[KEY_FIELD], r.Id)));
  [centers, contacts, links, opps, [...offeringRows.values()], plans, objectives, actions].forEach(keyed);
  keyed(subsidiaries);
  /** A buying center's subsidiary: the one it names, else the subsidiary holding it (none for the account). */
  const subsidiaryOf = (r: Row): { subsidiary?: string } => {
    const sub = company(typeof r.Subsidiary__c === 'string' ? r.Subsidiary__c : r.Account__c).account;
    return sub === undefined ? {} : { subsidiary: sub };
  };
  /** Group accounts: the subsidiary a record's account is, or nothing for the bundle's account. */
  const company = (id: unknown): { account?: string } =>
    typeof id === 'string' && id !== account.Id ? { account: keyOf.get(id) ?? id } : {};
  const userKeys = new Set<string>();
  for (const u of users) {
    const base =
      String(u.Email)
        .split('@')[0]
        .replace(/[^A-Za-z0-9_.-]/g, '-')
        .slice(0, 36) || 'user';
    let k = base;
    for (let n = 2; userKeys.has(k); n++) k = `${base}-${n}`;
    userKeys.add(k);
    keyOf.set(u.Id, k);
  }
  const ref = (id: unknown): string | null => (typeof id === 'string' ? (keyOf.get(id) ?? id) : null);

  const rolesByOpp = new Map<string, Row[]>();
  for (const r of roles) {
    const list = rolesByOpp.get(String(r.OpportunityId)) ?? [];
    list.push(r);
    rolesByOpp.set(String(r.OpportunityId), list);
  }

  const bundle: AccountBundleInput = {
    format: 'keyplan.account-bundle',
    version: 1,
    account: { key: acctKey, ...(values(BundleAccount, account) as { Name: string }) },
    subsidiaries: subsidiaries
      .map((r) => ({
        key: keyOf.get(r.Id)!,
        ...(values(BundleSubsidiary, r) as { Name: string }),
        parent: r.ParentId === account.Id ? null : ref(r.ParentId)
      }))
      .sort(byKey),
    users: users
      .map((u) => ({
        key: keyOf.get(u.Id)!,
        ...(u.FirstName ? { FirstName: String(u.FirstName) } : {}),
        LastName: String(u.LastName),
        Email: String(u.Email),
        ...(u.Title ? { Title: String(u.Title) } : {})
      }))
      .sort(byKey),
    offerings: [...offeringRows.values()]
      .map((r) => ({ key: keyOf.get(r.Id)!, ...(values(BundleOffering, r) as { Name: string }) }))
      .sort(byKey),
    buyingCenters: centers
      .map((r) => ({
        key: keyOf.get(r.Id)!,
        ...(values(BundleBuyingCenter, r) as { Name: string }),
        parent: ref(r.Parent_Buying_Center__c),
        ...subsidiaryOf(r)
      }))
      .sort(byKey),
    contacts: contacts
      .map((r) => ({
        key: keyOf.get(r.Id)!,
        ...company(r.AccountId),
        ...(values(BundleContact, r) as { LastName: string }),
        reportsTo: ref(r.ReportsToId),
        buyingCenter: ref(r.Keyplan_Buying_Center__c)
      }))
      .sort(byKey),
    links: links
      .map((r) => ({
        key: keyOf.get(r.Id)!,
        ...(typeof r.From_Contact__c === 'string' ? { fromContact: ref(r.From_Contact__c)! } : {}),
        ...(typeof r.From_User__c === 'string' ? { fromUser: ref(r.From_User__c)! } : {}),
        toContact: ref(r.To_Contact__c)!,
        ...values(BundleLink, r)
      }))
      .sort(byKey),
    opportunities: opps
      .map((r) => {
        const v = values(BundleOpportunity, r) as {
          Name: string;
          StageName: 'Prospecting';
          CloseDate: string;
          Probability?: number;
        };
        if (v.Probability !== undefined && STAGE_PROBABILITY[v.StageName] === v.Probability)
          delete v.Probability;
        return {
          key: keyOf.get(r.Id)!,
          ...company(r.AccountId),
          ...v,
          buyingCenter: ref(r.Keyplan_Buying_Center__c),
          offering: ref(r.Keyplan_Offering__c),
          contactRoles: (rolesByOpp.get(r.Id) ?? [])
            .map((c) => ({
              contact: ref(c.ContactId)!,
              ...(c.Role ? { Role: c.Role as 'Other' } : {}),
              IsPrimary: Boolean(c.IsPrimary)
            }))
            .sort((a, b) => (a.contact < b.contact ? -1 : a.contact > b.contact ? 1 : 0))
        };
      })
      .sort(byKey),
    cells: cells
      .map((r) => ({
        buyingCenter: ref(r.Buying_Center__c)!,
        offering: ref(r.Offering__c)!,
        ...(values(BundleCell, r) as { Fiscal_Year__c: number; State__c: 'Whitespace' })
      }))
      .sort((a, b) => {
        const ka = `${a.buyingCenter}|${a.offering}|${a.Fiscal_Year__c}`;
        const kb = `${b.buyingCenter}|${b.offering}|${b.Fiscal_Year__c}`;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      }),
    plans: plans
      .map((p) => ({
        key: keyOf.get(p.Id)!,
        ...(values(BundlePlan, p) as { Name: string; Fiscal_Year__c: number }),
        objectives: objectives
          .filter((o) => o.Account_Plan__c === p.Id)
          .map((o) => ({
            key: keyOf.get(o.Id)!,
            ...(values(BundleObjective, o) as { Name: string }),
            buyingCenter: ref(o.Buying_Center__c)
          }))
          .sort(byKey),
        actions: actions
          .filter((a) => a.Account_Plan__c === p.Id)
          .map((a) => ({
            key: keyOf.get(a.Id)!,
            ...(values(BundleAction, a) as { Name: string }),
            objective: ref(a.Objective__c),
            assignedTo: ref(a.Assigned_To__c)
          }))
          .sort(byKey)
      }))
      .sort(byKey)
  };
  return bundle;
}
