import type { DemoTeamMember } from '../data/aerovanceTeam';
import type { LocalOrg } from './org';

/**
 * Puts users on an account's team (AccountTeamMember) through the org's save path, each user found by Email
 * (the bundle's users are matched the same way). A user already on the team keeps one row, its role updated.
 * Fails naming the member when its user does not exist. Returns the number of rows written.
 */
export function seedAccountTeam(
  org: LocalOrg,
  accountId: string,
  members: readonly DemoTeamMember[]
): number {
  const userByEmail = org.db.prepare(`SELECT "Id" FROM "User" WHERE lower("Email") = lower(?) LIMIT 1`);
  const existing = org.db.prepare(
    `SELECT "Id" FROM "AccountTeamMember" WHERE "AccountId" = ? AND "UserId" = ? LIMIT 1`
  );
  return org.write(() => {
    members.forEach((m, i) => {
      const user = userByEmail.get(m.email) as { Id: string } | undefined;
      if (!user) throw new Error(`accountTeam[${i}]: no user with Email ${m.email}`);
      const row = existing.get(accountId, user.Id) as { Id: string } | undefined;
      if (row) org.update('AccountTeamMember', row.Id, { TeamMemberRole: m.role });
      else org.insert('AccountTeamMember', { AccountId: accountId, UserId: user.Id, TeamMemberRole: m.role });
    });
    return members.length;
  });
}
