/**
 * Local twin of OrgChartController.getAccountTeam / AccountTeamService / AccountTeamSelector
 * (force-app/main/default/classes): the account team (AccountTeamMember) of an account's scope, each user
 * once. The query text and the bound are read from the .cls. The local org always has AccountTeamMember;
 * `ACCOUNT_TEAM.simulateMissing` takes the path of an org without Account Teams (as the Apex tests do).
 */
import type { AccountTeam, AccountTeamMember } from '../../../src/contracts';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { apexSource } from '../source';
import { scopeOf } from './lib/hierarchy';
import { controller, get, idParam, require, soql, str, type Row } from './lib/twin';

export const ACCOUNT_TEAM = {
  OBJECT_NAME: 'AccountTeamMember',
  /** AccountTeamService.maxMembers starts at AccountTeamSelector.MAX_MEMBERS; tests may lower it and put it back. */
  maxMembers: apexSource.integer('AccountTeamSelector.MAX_MEMBERS'),
  /** AccountTeamSelector.simulateMissing: behave as an org without Account Teams. */
  simulateMissing: false
};

const [BY_ACCOUNTS_SOQL] = apexSource.dynamicSoql('AccountTeamSelector.byAccounts');

/** AccountTeamSelector.isAvailable: the object exists (the local schema has it) and the user can read it. */
export function accountTeamAvailable(ctx: ApexContext): boolean {
  if (ACCOUNT_TEAM.simulateMissing) return false;
  if (!ctx.org.schema.objects.has(ACCOUNT_TEAM.OBJECT_NAME)) return false;
  return ctx.access.canRead(ACCOUNT_TEAM.OBJECT_NAME, 'Id');
}

const toMember = (row: Row): AccountTeamMember => {
  const name = str(get(row, 'User.Name'));
  const title = str(get(row, 'User.Title'));
  const role = str(row.TeamMemberRole);
  return {
    userId: String(row.UserId),
    name: name ?? String(row.UserId),
    ...(title !== null ? { title } : {}),
    ...(role !== null ? { role } : {}),
    accountId: String(row.AccountId)
  };
};

/** AccountTeamService.load(List<Id>): the first account is the plan's; its role wins for a user on several. */
export function loadTeamOf(ctx: ApexContext, accountIds: string[]): AccountTeam {
  const available = accountTeamAvailable(ctx);
  if (!available) return { available, members: [], truncated: false };
  const { maxMembers } = ACCOUNT_TEAM;
  const rows = accountIds.length ? soql(ctx, BY_ACCOUNTS_SOQL, { accountIds, rowLimit: maxMembers + 1 }) : [];
  const planAccount = accountIds[0] ?? null;
  const byUser = new Map<string, AccountTeamMember>();
  for (const row of rows.slice(0, maxMembers)) {
    const userId = String(row.UserId);
    const known = byUser.get(userId);
    if (known && (known.accountId === planAccount || String(row.AccountId) !== planAccount)) continue;
    byUser.set(userId, toMember(row));
  }
  return { available, members: [...byUser.values()], truncated: rows.length > maxMembers };
}

/** AccountTeamService.load(Id) */
function getAccountTeam(ctx: ApexContext, accountIdParam: unknown): AccountTeam {
  const accountId = idParam(accountIdParam, 'accountId');
  require(accountId, 'accountId');
  return loadTeamOf(ctx, scopeOf(ctx, accountId!).ids);
}

registerApex(
  'OrgChartController.getAccountTeam',
  controller((p, ctx) => getAccountTeam(ctx, p.accountId))
);
