import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TeamUserSearch } from '../../../src/contracts';
import { errorOf, startTwinOrg, type TwinOrg } from './lib/testing';
import { escapeLike, TEAM_LOOKUP } from './OrgChartTeamUsers';

describe('OrgChartController.searchTeamUsers twin over HTTP', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg();
    const org = t.running.org;
    org.insert('User', {
      FirstName: 'Sam',
      LastName: 'Okafor',
      Username: 'sam.okafor@keyplan.test',
      Email: 'sam.okafor@keyplan.test',
      Title: 'Sales Engineer'
    });
    org.insert('User', {
      FirstName: 'Ina',
      LastName: 'Gone',
      Username: 'ina.gone@keyplan.test',
      Email: 'ina.gone@keyplan.test',
      Title: 'Sales Engineer',
      IsActive: false
    });
    const partner = org.insert('User', {
      FirstName: 'Pat',
      LastName: 'Partner',
      Username: 'pat.partner@keyplan.test',
      Email: 'pat.partner@keyplan.test',
      Title: 'Sales Engineer'
    });
    org.db.prepare(`UPDATE "User" SET "UserType" = 'PowerPartner' WHERE "Id" = ?`).run(partner);
  });
  after(async () => t?.close());

  const search = async (term: unknown, accountId: unknown = t.id('acme')) =>
    t.call('OrgChartController', 'searchTeamUsers', { accountId, term });
  const names = async (term: string, accountId?: string): Promise<string[]> => {
    const res = await search(term, accountId);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return TeamUserSearch.parse(res.body).users.map((u) => u.name + (u.linked ? ' (linked)' : ''));
  };

  it('puts users linked to the account first, then the rest by name; trims the term', async () => {
    const res = await search('  USER ');
    const body = TeamUserSearch.parse(res.body);
    assert.equal(body.term, 'USER');
    assert.deepEqual(
      body.users.map((u) => [u.name, u.title, u.linked]),
      [
        ['Local User', 'Account Manager', true],
        ['Integration User', 'System Administrator', false]
      ]
    );
    assert.equal(body.truncated, false);
    // A link on another account does not count.
    assert.deepEqual(await names('user', t.id('other')), ['Integration User', 'Local User']);
  });

  it('matches titles, and offers active standard users only', async () => {
    assert.deepEqual(await names('sales eng'), ['Sam Okafor']);
  });

  it('cuts at the bound and says so', async () => {
    const saved = TEAM_LOOKUP.maxResults;
    TEAM_LOOKUP.maxResults = 1;
    try {
      const body = TeamUserSearch.parse((await search('user')).body);
      assert.deepEqual(
        body.users.map((u) => u.name),
        ['Local User']
      );
      assert.equal(body.truncated, true);
    } finally {
      TEAM_LOOKUP.maxResults = saved;
    }
  });

  it('LIKE wildcards and quotes in the term match themselves', async () => {
    assert.deepEqual(await names(`%_'`), []);
    assert.deepEqual(await names('Local_User'), [], 'unescaped, _ would match the space');
    assert.deepEqual(await names('Local%User'), []);
    assert.equal(escapeLike('a\\b%c_'), 'a\\\\b\\%c\\_');
  });

  it('refuses a blank, one-character or overlong term and a missing account, as Apex does', async () => {
    const tooShort = 'Type at least 2 characters of a name or title to search our users.';
    for (const term of [null, '', '   ', ' K ']) {
      const res = await search(term);
      assert.equal(res.status, 400, JSON.stringify(term));
      assert.equal(errorOf(res).message, tooShort);
    }
    assert.equal(
      errorOf(await search('x'.repeat(81))).message,
      'The search term has 81 characters; use at most 80.'
    );
    assert.equal(errorOf(await search('user', null)).message, 'The field accountId is required.');
  });
});
