import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountTeam, TeamUserSearch } from '../../../src/contracts';
import { errorOf, startTwinOrg, type TwinOrg } from './lib/testing';
import { ACCOUNT_TEAM } from './OrgChartAccountTeam';

describe('OrgChartController.getAccountTeam twin over HTTP', () => {
  let t: TwinOrg;
  const users: Record<string, string> = {};
  before(async () => {
    t = await startTwinOrg();
    const org = t.running.org;
    const user = (first: string, last: string, title: string, active = true): string =>
      org.insert('User', {
        FirstName: first,
        LastName: last,
        Username: `${first}.${last}@keyplan.test`.toLowerCase(),
        Email: `${first}.${last}@keyplan.test`.toLowerCase(),
        Title: title,
        IsActive: active
      });
    users.sarah = user('Sarah', 'Lind', 'COO');
    users.samir = user('Samir', 'Haddad', 'Sales Engineer');
    users.gone = user('Ina', 'Gone', 'Sales Engineer', false);
    const sub = org.insert('Account', { Name: 'Acme Subsidiary', ParentId: t.id('acme') });
    const member = (accountId: string, userId: string, role: string): string =>
      org.insert('AccountTeamMember', { AccountId: accountId, UserId: userId, TeamMemberRole: role });
    member(t.id('acme'), users.sarah, 'Executive Sponsor');
    member(sub, users.samir, 'Pre-Sales Consultant');
    member(t.id('acme'), users.samir, 'Sales Engineer');
    member(t.id('acme'), users.gone, 'Sales Engineer');
    member(t.id('other'), users.sarah, 'Account Manager');
  });
  after(async () => t?.close());

  const load = async (accountId: unknown = t.id('acme')) =>
    t.call('OrgChartController', 'getAccountTeam', { accountId });

  it("reads the scope's active members once each, the plan account's role first, by name", async () => {
    const res = await load();
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const team = AccountTeam.parse(res.body);
    assert.equal(team.available, true);
    assert.equal(team.truncated, false);
    assert.deepEqual(
      team.members.map((m) => [m.name, m.title, m.role, m.accountId === t.id('acme')]),
      [
        ['Samir Haddad', 'Sales Engineer', 'Sales Engineer', true],
        ['Sarah Lind', 'COO', 'Executive Sponsor', true]
      ]
    );
    // Another account's team is its own.
    const other = AccountTeam.parse((await load(t.id('other'))).body);
    assert.deepEqual(
      other.members.map((m) => [m.name, m.role]),
      [['Sarah Lind', 'Account Manager']]
    );
  });

  it('cuts at the bound and says so', async () => {
    const saved = ACCOUNT_TEAM.maxMembers;
    ACCOUNT_TEAM.maxMembers = 1;
    try {
      const team = AccountTeam.parse((await load()).body);
      assert.equal(team.truncated, true);
      assert.equal(team.members.length, 1);
    } finally {
      ACCOUNT_TEAM.maxMembers = saved;
    }
  });

  it('answers "not available" in an org without Account Teams, and the lookup still works', async () => {
    ACCOUNT_TEAM.simulateMissing = true;
    try {
      assert.deepEqual(AccountTeam.parse((await load()).body), {
        available: false,
        members: [],
        truncated: false
      });
      const found = TeamUserSearch.parse(
        (await t.call('OrgChartController', 'searchTeamUsers', { accountId: t.id('acme'), term: 'sa' })).body
      );
      assert.deepEqual(
        found.users.map((u) => [u.name, u.teamRole ?? null]),
        [
          ['Samir Haddad', null],
          ['Sarah Lind', null]
        ]
      );
    } finally {
      ACCOUNT_TEAM.simulateMissing = false;
    }
  });

  it('ranks account team members first in the user lookup, with their role', async () => {
    const found = TeamUserSearch.parse(
      (await t.call('OrgChartController', 'searchTeamUsers', { accountId: t.id('acme'), term: 'user' })).body
    );
    // No member matches "user": the linked user first, then the rest, as before.
    assert.deepEqual(
      found.users.map((u) => [u.name, u.linked, u.teamRole ?? null]),
      [
        ['Local User', true, null],
        ['Integration User', false, null]
      ]
    );
    const team = TeamUserSearch.parse(
      (await t.call('OrgChartController', 'searchTeamUsers', { accountId: t.id('acme'), term: 'sa' })).body
    );
    assert.deepEqual(
      team.users.map((u) => [u.name, u.teamRole ?? null]),
      [
        ['Samir Haddad', 'Sales Engineer'],
        ['Sarah Lind', 'Executive Sponsor']
      ]
    );
  });

  it('refuses a missing account, as Apex does', async () => {
    assert.equal(errorOf(await load(null)).message, 'The field accountId is required.');
  });
});
