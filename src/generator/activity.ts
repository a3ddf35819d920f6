/**
 * A deterministic year of relationship activity (issue 22): meetings, emails and calls between a sales team
 * and an account's contacts, ending `today`. Same options, same rows. Used by the demo data (preview and
 * local org: localorg/activities.ts seedActivity) and the activity benchmark. Kept apart from the account
 * generator: it only needs contact ids (and, for realism, their influence and decision role).
 */
import type { ActivityChannel, ActivityRow } from '../../force-app/main/default/lwc/keyplanCore/activity';
import { rng } from './random';

export interface ActivityContact {
  id: string;
  influenceLevel?: string | null;
  decisionRole?: string | null;
}

export interface ActivityTeamMember {
  id: string;
  name: string;
}

export interface GenerateActivityOptions {
  seed: number;
  contacts: readonly ActivityContact[];
  team: readonly ActivityTeamMember[];
  /** About how many activities in the year (the result is within a few of it). */
  total: number;
  /** The last day (ISO date). */
  today: string;
}

/** How a contact's year goes: even all year, quiet lately after regular contact, or picking up. */
export type ActivityPattern = 'steady' | 'cooling' | 'warming';

const INFLUENCE_WEIGHT: Record<string, number> = { 'Very High': 6, High: 4, Medium: 2, Low: 1 };
const DAY = 86_400_000;

/**
 * Rows for about `total` activities. About 40% of contacts have any (more likely the influential ones and
 * decision makers); each engaged contact has one or two team members, a pattern (60% steady, 20% cooling: no
 * activity in the last 60 days, 20% warming: most in the last 90 days), and a mix of channels (meetings 35%,
 * emails 45%, calls 20%).
 */
export function generateActivity(options: GenerateActivityOptions): ActivityRow[] {
  const r = rng(options.seed);
  const team = options.team;
  if (!team.length) throw new Error('generateActivity: the team is empty');
  const engaged: { c: ActivityContact; w: number }[] = [];
  for (const c of options.contacts) {
    let w = INFLUENCE_WEIGHT[c.influenceLevel ?? ''] ?? 0.5;
    if (c.decisionRole === 'Decision Maker') w *= 2;
    // Influential people are far more likely to be engaged at all.
    if (r.chance(Math.min(0.9, 0.25 + w / 10))) engaged.push({ c, w: w * (0.5 + r.next()) });
  }
  const sum = engaged.reduce((a, e) => a + e.w, 0) || 1;
  const todayMs = Date.parse(`${options.today}T00:00:00Z`);
  const rows: ActivityRow[] = [];
  for (const { c, w } of engaged) {
    const exact = (options.total * w) / sum;
    const n = Math.floor(exact) + (r.chance(exact - Math.floor(exact)) ? 1 : 0);
    if (!n) continue;
    const pattern: ActivityPattern = r.chance(0.6) ? 'steady' : r.chance(0.5) ? 'cooling' : 'warming';
    const owners = [r.pick(team), r.pick(team)];
    for (let i = 0; i < n; i++) {
      let age: number;
      if (pattern === 'cooling') age = r.int(60, 364);
      else if (pattern === 'warming') age = r.chance(0.7) ? r.int(0, 89) : r.int(90, 364);
      else age = r.int(0, 364);
      const x = r.next();
      const channel: ActivityChannel = x < 0.35 ? 'meeting' : x < 0.8 ? 'email' : 'call';
      const owner = r.chance(0.75) ? owners[0] : owners[1];
      rows.push({
        contactId: c.id,
        userId: owner.id,
        userName: owner.name,
        channel,
        date: new Date(todayMs - age * DAY).toISOString().slice(0, 10)
      });
    }
  }
  return rows;
}

/** The demo sales team (the local org creates them as users; the benchmark uses their names). */
export const DEMO_TEAM: readonly { FirstName: string; LastName: string; Title: string }[] = [
  { FirstName: 'Jane', LastName: 'Smith', Title: 'Global Account Director' },
  { FirstName: 'Ravi', LastName: 'Kapoor', Title: 'Solutions Architect' },
  { FirstName: 'Marta', LastName: 'Ortiz', Title: 'Customer Success Manager' },
  { FirstName: 'Tom', LastName: 'Becker', Title: 'Executive Sponsor' }
];
