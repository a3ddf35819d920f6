/**
 * Loads an account bundle (src/bundle/schema.ts: `keyplan.account-bundle` v1, e.g. data/index.ts
 * `aerovanceBundle()` / `largeBundle()`) into the local org through its save path: types, required
 * fields, picklists, lookups, validation rules and uniqueness apply exactly as for REST writes.
 *
 * Stable API (the preview and the CLI's local mode call it): `loadBundle(org, bundle)` returning
 * `LoadedBundle`; `bundleRef(kind, key)` spells the keys of `LoadedBundle.ids`.
 */
import {
  checkBundle,
  type AccountBundle,
  type AccountBundleInput,
  type BundleProblem
} from '../src/bundle/schema';
import { orgFieldName } from '../src/bundle/orgNames';
import type { LocalOrg } from './org';

/** Where a record's id sits in `LoadedBundle.ids`. */
export type BundleRefKind =
  | 'account'
  | 'subsidiary'
  | 'user'
  | 'offering'
  | 'buyingCenter'
  | 'contact'
  | 'link'
  | 'opportunity'
  | 'cell'
  | 'plan'
  | 'objective'
  | 'action';

/**
 * The key of `LoadedBundle.ids` for a bundle record: `contact:ceo`, `cell:<bc>|<offering>|<year>`,
 * `objective:<plan>/<objective>`, `action:<plan>/<action>`, and `account` alone for the account.
 */
export function bundleRef(kind: BundleRefKind, key = ''): string {
  return kind === 'account' ? 'account' : `${kind}:${key}`;
}

export interface LoadedBundle {
  accountId: string;
  accountKey: string;
  /** Org ids by bundleRef(). */
  ids: Map<string, string>;
  /** Records written per object (inserted or updated). */
  counts: Record<string, number>;
  /** Users the bundle named that the local org did not have (matched by Email, case-insensitive). */
  usersCreated: number;
}

/** A bundle that does not validate: every problem, with its JSON path. */
export class BundleLoadError extends Error {
  constructor(
    message: string,
    readonly problems: BundleProblem[]
  ) {
    super(message);
    this.name = 'BundleLoadError';
  }
}

/** What `Keyplan_Key__c` holds, as the keyplan CLI writes it (scripts/cli/keys.ts). */
const ext = {
  record: (account: string, key: string): string => `${account}/${key}`,
  /** Offerings are an org-wide catalogue: bundles of different accounts naming one key share the record. */
  offering: (key: string): string => `offering/${key}`,
  planChild: (account: string, plan: string, key: string): string => `${account}/${plan}/${key}`,
  cell: (account: string, bc: string, offering: string, fy: number): string =>
    `${account}/${bc}|${offering}|${fy}`
};
const KEY_FIELD = 'Keyplan_Key__c';

/**
 * The org fields of a bundle record of `object`: its API-named properties (they start with a capital
 * letter), under their org names (src/bundle/orgNames.ts).
 */
function apiFields(rec: object, object: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec))
    if (/^[A-Z]/.test(k) && v !== undefined) out[orgFieldName(object, k)] = v;
  return out;
}

/**
 * Validates the bundle (checkBundle: shape, keys, references, cycles) and writes it in one
 * transaction: any failing record rolls everything back and the error names the bundle path
 * (`contacts[12] (key cfo): ...`). Re-loading the same bundle updates the records it created: records
 * with a key are upserted by `Keyplan_Key__c` (when the field exists in the schema), and an
 * opportunity's contact roles are replaced. Optional fields a bundle omits are left as they are.
 *
 * Order and the two-pass parts: users, account, offerings (all active first, so cells of past years
 * may use a retired offering: Offering_Must_Be_Active only checks on insert), buying centers without
 * parents then parents, contacts without managers then managers, links, opportunities with contact
 * roles, cells, plans with objectives and actions, and finally the offerings the bundle retires.
 *
 * @throws BundleLoadError when the bundle does not validate; Error (with `cause`) when a record fails.
 */
export function loadBundle(org: LocalOrg, input: AccountBundleInput | AccountBundle): LoadedBundle {
  const { bundle, problems } = checkBundle(input);
  if (!bundle) {
    const head = problems
      .slice(0, 10)
      .map((p) => `${p.path || '(root)'}: ${p.message}`)
      .join('; ');
    throw new BundleLoadError(
      `The account bundle has ${problems.length} problem(s): ${head}${problems.length > 10 ? '; ...' : ''}`,
      problems
    );
  }
  const acct = bundle.account.key;
  const ids = new Map<string, string>();
  const counts: Record<string, number> = {};
  let usersCreated = 0;

  const hasKey = (objectName: string): boolean => Boolean(org.field(org.object(objectName), KEY_FIELD));
  /** Upserts by Keyplan_Key__c when the object has it, else inserts; names the bundle path on failure. */
  const save = (
    objectName: string,
    where: string,
    key: string | null,
    fields: Record<string, unknown>
  ): string => {
    try {
      counts[objectName] = (counts[objectName] ?? 0) + 1;
      if (key !== null && hasKey(objectName)) return org.upsert(objectName, KEY_FIELD, key, fields).id;
      return org.insert(objectName, fields);
    } catch (err) {
      throw new Error(`${where}: ${objectName}: ${(err as Error).message}`, { cause: err });
    }
  };
  const update = (objectName: string, where: string, id: string, fields: Record<string, unknown>): void => {
    try {
      org.update(objectName, id, fields);
    } catch (err) {
      throw new Error(`${where}: ${objectName}: ${(err as Error).message}`, { cause: err });
    }
  };
  const id = (kind: BundleRefKind, key: string | null | undefined): string | null =>
    key === null || key === undefined ? null : (ids.get(bundleRef(kind, key)) ?? null);

  return org.write(() => {
    // Users: matched by Email; the local org creates the missing ones (a real org never does).
    bundle.users.forEach((u, i) => {
      const found = org.db
        .prepare(`SELECT "Id" FROM "User" WHERE lower("Email") = lower(?) LIMIT 1`)
        .get(u.Email) as { Id: string } | undefined;
      if (found) {
        ids.set(bundleRef('user', u.key), found.Id);
        return;
      }
      const userId = save('User', `users[${i}] (key ${u.key})`, null, {
        ...apiFields(u, 'User'),
        Username: u.Email
      });
      ids.set(bundleRef('user', u.key), userId);
      usersCreated++;
    });

    const accountId = save('Account', 'account', acct, apiFields(bundle.account, 'Account'));
    ids.set('account', accountId);

    // Group accounts: the subsidiaries, first under the account, then under their own parents (a
    // subsidiary may be listed before its parent).
    bundle.subsidiaries.forEach((s, i) => {
      const sid = save('Account', `subsidiaries[${i}] (key ${s.key})`, ext.record(acct, s.key), {
        ...apiFields(s, 'Account'),
        ParentId: accountId
      });
      ids.set(bundleRef('subsidiary', s.key), sid);
    });
    bundle.subsidiaries.forEach((s, i) => {
      if (s.parent !== null)
        update('Account', `subsidiaries[${i}] (key ${s.key})`, id('subsidiary', s.key)!, {
          ParentId: id('subsidiary', s.parent)
        });
    });
    /** The company a record names (a subsidiary key), else the bundle's account. */
    const company = (key: string | undefined): string => id('subsidiary', key) ?? accountId;

    // The catalogue is org-wide: an offering that exists (exact key, like the case-sensitive external
    // id) is used as it is; one account's bundle never renames or retires it (as the keyplan CLI).
    const kept = new Set<string>();
    bundle.offerings.forEach((o, i) => {
      const existing =
        hasKey('Offering__c') &&
        (org.db
          .prepare(`SELECT "Id" FROM "Offering__c" WHERE "${KEY_FIELD}" = ? COLLATE BINARY LIMIT 1`)
          .get(ext.offering(o.key)) as { Id: string } | undefined);
      if (existing) {
        kept.add(o.key);
        ids.set(bundleRef('offering', o.key), existing.Id);
        return;
      }
      const oid = save('Offering__c', `offerings[${i}] (key ${o.key})`, ext.offering(o.key), {
        ...apiFields(o, 'Offering__c'),
        Active__c: true
      });
      ids.set(bundleRef('offering', o.key), oid);
    });

    bundle.buyingCenters.forEach((b, i) => {
      const bid = save('Buying_Center__c', `buyingCenters[${i}] (key ${b.key})`, ext.record(acct, b.key), {
        ...apiFields(b, 'Buying_Center__c'),
        Account__c: accountId
      });
      ids.set(bundleRef('buyingCenter', b.key), bid);
    });
    bundle.buyingCenters.forEach((b, i) =>
      update('Buying_Center__c', `buyingCenters[${i}] (key ${b.key})`, id('buyingCenter', b.key)!, {
        Parent_Buying_Center__c: id('buyingCenter', b.parent),
        Subsidiary__c: id('subsidiary', b.subsidiary)
      })
    );

    bundle.contacts.forEach((c, i) => {
      const cid = save('Contact', `contacts[${i}] (key ${c.key})`, ext.record(acct, c.key), {
        ...apiFields(c, 'Contact'),
        AccountId: company(c.account),
        Keyplan_Buying_Center__c: id('buyingCenter', c.buyingCenter)
      });
      ids.set(bundleRef('contact', c.key), cid);
    });
    // Managers second: a contact may be listed before the manager it reports to.
    bundle.contacts.forEach((c, i) =>
      update('Contact', `contacts[${i}] (key ${c.key})`, id('contact', c.key)!, {
        ReportsToId: id('contact', c.reportsTo)
      })
    );

    bundle.links.forEach((l, i) => {
      const lid = save('Relationship_Link__c', `links[${i}] (key ${l.key})`, ext.record(acct, l.key), {
        ...apiFields(l, 'Relationship_Link__c'),
        Account__c: accountId,
        From_Contact__c: id('contact', l.fromContact),
        From_User__c: id('user', l.fromUser),
        To_Contact__c: id('contact', l.toContact)
      });
      ids.set(bundleRef('link', l.key), lid);
    });

    bundle.opportunities.forEach((o, i) => {
      const where = `opportunities[${i}] (key ${o.key})`;
      const oid = save('Opportunity', where, ext.record(acct, o.key), {
        ...apiFields(o, 'Opportunity'),
        AccountId: company(o.account),
        Keyplan_Buying_Center__c: id('buyingCenter', o.buyingCenter),
        Keyplan_Offering__c: id('offering', o.offering)
      });
      ids.set(bundleRef('opportunity', o.key), oid);
      // Contact roles have no key: replace the opportunity's roles with the bundle's.
      for (const r of org.db
        .prepare(`SELECT "Id" FROM "OpportunityContactRole" WHERE "OpportunityId" = ?`)
        .all(oid) as { Id: string }[])
        org.delete('OpportunityContactRole', r.Id);
      o.contactRoles.forEach((r, j) =>
        save('OpportunityContactRole', `${where}.contactRoles[${j}]`, null, {
          ...apiFields(r, 'OpportunityContactRole'),
          OpportunityId: oid,
          ContactId: id('contact', r.contact)
        })
      );
    });

    bundle.cells.forEach((c, i) => {
      const ref = `${c.buyingCenter}|${c.offering}|${c.Fiscal_Year__c}`;
      const cid = save(
        'Landscape_Cell__c',
        `cells[${i}] (${ref})`,
        ext.cell(acct, c.buyingCenter, c.offering, c.Fiscal_Year__c),
        {
          ...apiFields(c, 'Landscape_Cell__c'),
          Buying_Center__c: id('buyingCenter', c.buyingCenter),
          Offering__c: id('offering', c.offering)
        }
      );
      ids.set(bundleRef('cell', ref), cid);
    });

    bundle.plans.forEach((p, i) => {
      const where = `plans[${i}] (key ${p.key})`;
      const pid = save('Account_Plan__c', where, ext.record(acct, p.key), {
        ...apiFields(p, 'Account_Plan__c'),
        Account__c: accountId
      });
      ids.set(bundleRef('plan', p.key), pid);
      p.objectives.forEach((o, j) => {
        const oid = save(
          'Plan_Objective__c',
          `${where}.objectives[${j}] (key ${o.key})`,
          ext.planChild(acct, p.key, o.key),
          {
            ...apiFields(o, 'Plan_Objective__c'),
            Account_Plan__c: pid,
            Buying_Center__c: id('buyingCenter', o.buyingCenter)
          }
        );
        ids.set(bundleRef('objective', `${p.key}/${o.key}`), oid);
      });
      p.actions.forEach((a, j) => {
        const aid = save(
          'Plan_Action__c',
          `${where}.actions[${j}] (key ${a.key})`,
          ext.planChild(acct, p.key, a.key),
          {
            ...apiFields(a, 'Plan_Action__c'),
            Account_Plan__c: pid,
            Objective__c: a.objective === null ? null : id('objective', `${p.key}/${a.objective}`),
            Assigned_To__c: id('user', a.assignedTo)
          }
        );
        ids.set(bundleRef('action', `${p.key}/${a.key}`), aid);
      });
    });

    bundle.offerings.forEach((o, i) => {
      if (o.Active__c === false && !kept.has(o.key))
        update('Offering__c', `offerings[${i}] (key ${o.key})`, id('offering', o.key)!, { Active__c: false });
    });

    return { accountId, accountKey: acct, ids, counts, usersCreated };
  });
}
