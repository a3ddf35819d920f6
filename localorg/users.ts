import type { Profile } from './fls';

/** One user of the local org: who requests run as (`LOCALORG_USER` or `--as` picks one). */
export interface LocalUserDef {
  /** Short name for LOCALORG_USER / --as (the Username works too). */
  alias: string;
  FirstName: string;
  LastName: string;
  Username: string;
  Email: string;
  Title: string;
  profile: Profile;
  /** Permission set API names assigned to the user (files under force-app/main/default/permissionsets). */
  permissionSets: string[];
}

/**
 * The local org's users, created on first open:
 * - `demo`: the account manager the preview runs as (Standard User + Keyplan_User);
 * - `admin`: the admin / integration user the CLI seeds and imports as (System Administrator + Keyplan_Admin);
 * - `minimum`: a user without the permission set (Minimum Access profile): reads nothing.
 */
export const LOCAL_USERS: readonly LocalUserDef[] = [
  {
    alias: 'demo',
    FirstName: 'Local',
    LastName: 'User',
    Username: 'local.user@keyplan.local',
    Email: 'local.user@keyplan.local',
    Title: 'Account Manager',
    profile: 'Standard User',
    permissionSets: ['Keyplan_User']
  },
  {
    alias: 'admin',
    FirstName: 'Integration',
    LastName: 'User',
    Username: 'integration.user@keyplan.local',
    Email: 'integration.user@keyplan.local',
    Title: 'System Administrator',
    profile: 'System Administrator',
    permissionSets: ['Keyplan_Admin']
  },
  {
    alias: 'minimum',
    FirstName: 'Minimum',
    LastName: 'Access',
    Username: 'minimum.access@keyplan.local',
    Email: 'minimum.access@keyplan.local',
    Title: 'Guest',
    profile: 'Minimum Access',
    permissionSets: []
  }
];

/** The user an alias or Username names (case-insensitive), or an error listing the choices. */
export function findLocalUser(name: string): LocalUserDef {
  const lower = name.trim().toLowerCase();
  const hit = LOCAL_USERS.find((u) => u.alias === lower || u.Username === lower);
  if (!hit)
    throw new Error(
      `Unknown local org user "${name}": use one of ${LOCAL_USERS.map((u) => `${u.alias} (${u.Username})`).join(', ')}`
    );
  return hit;
}
