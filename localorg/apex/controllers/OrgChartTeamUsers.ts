/**
 * Local twin of OrgChartController.searchTeamUsers / TeamUserLookup (force-app/main/default/classes): the
 * same bounds and messages, and UserSelector's SOQL read from the .cls, so the twin cannot drift from it.
 * A file of its own (the loader imports every twin module) to keep OrgChartController.ts about the chart.
 */
import type { TeamUserOption, TeamUserSearch } from '../../../src/contracts';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { apexSource } from '../source';
import { scopeOf } from './lib/hierarchy';
import { loadTeamOf } from './OrgChartAccountTeam';
import {
  controller,
  fail,
  idParam,
  require,
  requireReadable,
  soql,
  str,
  stringParam,
  type Row
} from './lib/twin';

/** TeamUserLookup.MIN_TERM, MAX_TERM and UserSelector.MAX_LOOKUP, read from the .cls. */
export const TEAM_LOOKUP = {
  MIN_TERM: apexSource.integer('TeamUserLookup.MIN_TERM'),
  MAX_TERM: apexSource.integer('TeamUserLookup.MAX_TERM'),
  /** TeamUserLookup.maxResults starts at this; tests may lower it and must put it back. */
  maxResults: apexSource.integer('UserSelector.MAX_LOOKUP')
};

const LINKED_SOQL = apexSource.soql('UserSelector.linkedMatching');
const MATCHING_SOQL = apexSource.soql('UserSelector.matching');

/** TeamUserLookup.escapeLike: \, % and _ escaped so the term matches itself. */
export const escapeLike = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/%/g, '\\%').replace(/_/g, '\\_');

const toOption = (u: Row, linked: boolean): TeamUserOption => ({
  id: String(u.Id),
  name: String(u.Name),
  title: str(u.Title),
  linked
});

/** TeamUserLookup.search */
function searchTeamUsers(ctx: ApexContext, accountIdParam: unknown, termParam: unknown): TeamUserSearch {
  const accountId = idParam(accountIdParam, 'accountId');
  require(accountId, 'accountId');
  const needle = (stringParam(termParam, 'term') ?? '').trim();
  const { MIN_TERM, MAX_TERM, maxResults } = TEAM_LOOKUP;
  if (needle.length < MIN_TERM)
    throw fail(`Type at least ${MIN_TERM} characters of a name or title to search our users.`);
  if (needle.length > MAX_TERM)
    throw fail(`The search term has ${needle.length} characters; use at most ${MAX_TERM}.`);
  requireReadable(ctx, 'Relationship_Link__c');
  const accountIds = scopeOf(ctx, accountId!).ids;
  const pattern = `%${escapeLike(needle)}%`;
  const linked = soql(ctx, LINKED_SOQL, { accountIds, pattern, rowLimit: maxResults + 1 });
  const linkedIds = new Set(linked.map((u) => String(u.Id)));
  // TeamUserLookup.teamMembersMatching: the account team first (containsIgnoreCase, as LIKE '%term%').
  const lower = needle.toLowerCase();
  const ranked: TeamUserOption[] = loadTeamOf(ctx, accountIds)
    .members.filter(
      (m) => m.name.toLowerCase().includes(lower) || (m.title ?? '').toLowerCase().includes(lower)
    )
    .map((m) => ({
      id: m.userId,
      name: m.name,
      title: m.title ?? null,
      linked: linkedIds.has(m.userId),
      ...(m.role ? { teamRole: m.role } : {})
    }));
  const listed = new Set(ranked.map((o) => o.id));
  const all = soql(ctx, MATCHING_SOQL, {
    pattern,
    rowLimit: maxResults + linked.length + listed.size + 1
  });
  const add = (u: Row, linked: boolean): void => {
    if (listed.has(String(u.Id))) return;
    listed.add(String(u.Id));
    ranked.push(toOption(u, linked));
  };
  for (const u of linked) add(u, true);
  for (const u of all) add(u, false);
  return { term: needle, users: ranked.slice(0, maxResults), truncated: ranked.length > maxResults };
}

registerApex(
  'OrgChartController.searchTeamUsers',
  controller((p, ctx) => searchTeamUsers(ctx, p.accountId, p.term))
);
