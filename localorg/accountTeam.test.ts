/**
 * The demo account team: seedAccountTeam puts the bundle's users on the account team by Email, once each
 * (a second run updates the role), and names the member whose user is missing; the Aerovance team names only
 * users of the Aerovance bundle, one of them the executive sponsor.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AEROVANCE_ACCOUNT_TEAM, aerovanceBundle } from '../data';
import { loadDemo } from '../preview/seed';
import { seedAccountTeam } from './accountTeam';
import { LocalOrg } from './org';

const FORCE_APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../force-app/main/default');

describe('seedAccountTeam', () => {
  const setup = (): { org: LocalOrg; accountId: string } => {
    const org = LocalOrg.open({ forceAppDir: FORCE_APP, dbFile: ':memory:' });
    const accountId = org.insert('Account', { Name: 'Acme' });
    org.insert('User', { LastName: 'Reyes', Username: 'a@x.test', Email: 'A@x.test', Title: 'AD' });
    org.insert('User', { LastName: 'Lind', Username: 'b@x.test', Email: 'b@x.test', Title: 'COO' });
    return { org, accountId };
  };
  const rows = (org: LocalOrg): string[] =>
    (
      org.db
        .prepare(
          `SELECT u."LastName" AS name, m."TeamMemberRole" AS role FROM "AccountTeamMember" m
           JOIN "User" u ON u."Id" = m."UserId" ORDER BY u."LastName"`
        )
        .all() as { name: string; role: string }[]
    ).map((r) => `${r.name} / ${r.role}`);

  it('adds each member once by Email (case-insensitive); a second run updates the role', () => {
    const { org, accountId } = setup();
    seedAccountTeam(org, accountId, [
      { email: 'a@x.test', role: 'Account Manager' },
      { email: 'b@x.test', role: 'Sales Engineer' }
    ]);
    seedAccountTeam(org, accountId, [{ email: 'b@x.test', role: 'Executive Sponsor' }]);
    assert.deepEqual(rows(org), ['Lind / Executive Sponsor', 'Reyes / Account Manager']);
    org.close();
  });

  it('names the member whose user does not exist and writes nothing', () => {
    const { org, accountId } = setup();
    assert.throws(
      () =>
        seedAccountTeam(org, accountId, [
          { email: 'a@x.test', role: 'Account Manager' },
          { email: 'nobody@x.test', role: 'Sales Rep' }
        ]),
      /accountTeam\[1\]: no user with Email nobody@x\.test/
    );
    assert.deepEqual(rows(org), []);
    org.close();
  });

  it('the Aerovance team is made of Aerovance bundle users, with one executive sponsor', () => {
    const emails = new Set((aerovanceBundle().users ?? []).map((u) => u.Email.toLowerCase()));
    for (const m of AEROVANCE_ACCOUNT_TEAM) assert.ok(emails.has(m.email), m.email);
    assert.equal(AEROVANCE_ACCOUNT_TEAM.filter((m) => m.role === 'Executive Sponsor').length, 1);
  });

  it('the preview puts the Aerovance team on Aerovance Group when it loads the demo', () => {
    const org = LocalOrg.open({ forceAppDir: FORCE_APP, dbFile: ':memory:' });
    try {
      const loaded = loadDemo(org, 'aerovance');
      const team = org.db
        .prepare(
          `SELECT u."Email" AS email, m."TeamMemberRole" AS role FROM "AccountTeamMember" m
           JOIN "User" u ON u."Id" = m."UserId" WHERE m."AccountId" = ? ORDER BY u."Email"`
        )
        .all(loaded.accountId) as { email: string; role: string }[];
      assert.deepEqual(
        team,
        [...AEROVANCE_ACCOUNT_TEAM].sort((a, b) => (a.email < b.email ? -1 : 1)).map((m) => ({ ...m }))
      );
    } finally {
      org.close();
    }
  });
});
