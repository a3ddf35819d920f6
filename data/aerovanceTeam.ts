/**
 * Aerovance's account team (AccountTeamMember): our users on the account with their team role. Kept out of
 * the account bundle (whose format has no account team, and whose tree plan cannot create users) and out of
 * its random generator, so the demo's contacts and links stay exactly as they were. The users are the
 * bundle's (matched by Email); `localorg/accountTeam.ts` loads them into the preview org.
 */
export interface DemoTeamMember {
  /** The user's Email in the bundle's `users`. */
  email: string;
  /** AccountTeamMember.TeamMemberRole (standard picklist values). */
  role: string;
}

export const AEROVANCE_ACCOUNT_TEAM: readonly DemoTeamMember[] = [
  { email: 'morgan.reyes@keyplan.example', role: 'Account Manager' },
  { email: 'priya.natarajan@keyplan.example', role: 'Pre-Sales Consultant' },
  { email: 'samir.haddad@keyplan.example', role: 'Sales Engineer' },
  { email: 'sarah.lindqvist@keyplan.example', role: 'Executive Sponsor' }
];
