/**
 * Twin of KeyplanHierarchy (force-app/main/default/classes/KeyplanHierarchy.cls): the scope of a plan, the
 * account and its descendants read level by level through AccountSelector.childrenOf (the .cls SOQL), at
 * most MAX_DEPTH levels and MAX_ACCOUNTS accounts (read from the .cls), a larger hierarchy refused with the
 * same message; sameGroup compares Keyplan_Ultimate_Parent__c as the Apex does.
 */
import type { AccountRef } from '../../../../src/contracts';
import type { ApexContext } from '../../registry';
import { AccountSelector, LIMITS } from './selectors';
import { fail, notFound, str, type Row } from './twin';

export interface Scope {
  root: Row;
  accounts: Row[];
  ids: string[];
}

/** KeyplanHierarchy.maxAccounts: tests lower it to exercise the refusal, and must put it back. */
export const HIERARCHY = { maxAccounts: LIMITS.MAX_HIERARCHY_ACCOUNTS };

/** KeyplanHierarchy.of(Account) */
export function scopeOfAccount(ctx: ApexContext, root: Row): Scope {
  const scope: Scope = { root, accounts: [root], ids: [String(root.Id)] };
  const seen = new Set(scope.ids);
  let level = [String(root.Id)];
  for (let depth = 1; depth <= LIMITS.MAX_HIERARCHY_DEPTH && level.length; depth++) {
    const room = HIERARCHY.maxAccounts - scope.ids.length;
    const children = AccountSelector.childrenOf(ctx, level, room + 1);
    if (children.length > room)
      throw fail(
        `accountId: ${String(root.Name)} has more than ${HIERARCHY.maxAccounts} accounts in its hierarchy, too many for one plan. Open the plan of one of its subsidiaries.`
      );
    level = [];
    for (const child of children) {
      const id = String(child.Id);
      if (seen.has(id)) continue;
      seen.add(id);
      scope.accounts.push(child);
      scope.ids.push(id);
      level.push(id);
    }
  }
  return scope;
}

/** KeyplanHierarchy.of(Id) */
export function scopeOf(ctx: ApexContext, accountId: string): Scope {
  const root = AccountSelector.byId(ctx, accountId);
  if (!root) throw notFound('Account', accountId);
  return scopeOfAccount(ctx, root);
}

/** KeyplanHierarchy.sameGroup */
export function sameGroup(ctx: ApexContext, accountIds: (string | null)[]): boolean {
  const ids = [...new Set(accountIds.filter((a): a is string => a !== null))];
  if (ids.length <= 1) return true;
  const rows = AccountSelector.groupsOf(ctx, ids, ids.length);
  if (rows.length !== ids.length) return false;
  const groups = new Set(rows.map((r) => str(r.Keyplan_Ultimate_Parent__c)));
  return groups.size === 1 && !groups.has(null);
}

/** KeyplanHierarchy.groupOf */
export function groupOf(ctx: ApexContext, account: Row): AccountRef | null {
  if (account.ParentId === null || account.ParentId === undefined) return null;
  const rows = AccountSelector.groupsOf(ctx, [String(account.Id)], 1);
  const topId = rows.length ? str(rows[0].Keyplan_Ultimate_Parent__c) : null;
  const top = topId === null || topId === String(account.Id) ? null : AccountSelector.byId(ctx, topId);
  return top ? { id: String(top.Id), name: String(top.Name), parentId: str(top.ParentId) } : null;
}

/** KeyplanHierarchy.toRefs */
export const toRefs = (scope: Scope): AccountRef[] =>
  scope.accounts.map((a) => ({ id: String(a.Id), name: String(a.Name), parentId: str(a.ParentId) }));
