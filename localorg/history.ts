/**
 * Backdated field history for demo data. The save path writes OpportunityFieldHistory when a BANT
 * status changes (org.ts trackHistory), but a freshly loaded bundle has no past, so the BANT panel's
 * "change since last month" would be empty. `seedBantHistory` writes a plausible month and a half of
 * qualification progress for a few open opportunities of an account, ending in their current values.
 */
import type { LocalOrg } from './org';
import type { SfValue } from './types';

const DAY = 86_400_000;

/** The BANT status fields, in the order the panel shows them. */
export const BANT_STATUS_FIELDS = [
  'Keyplan_Budget_Status__c',
  'Keyplan_Authority_Status__c',
  'Keyplan_Need_Status__c',
  'Keyplan_Timing_Status__c'
] as const;

export interface SeedBantHistoryOptions {
  /** How many open opportunities get history (default 4): the ones with the most qualified statuses. */
  opportunities?: number;
}

export interface SeededBantHistory {
  /** Opportunities that got history (none when the account's opportunities already have some). */
  opportunityIds: string[];
  rows: number;
}

/**
 * One field's past, oldest first, ending in its current value: Confirmed came through Identified
 * (first noted about six weeks ago, confirmed within the last month), Identified was noted within the
 * last month, Missing was found out about seven weeks ago; Unknown or blank has no history.
 */
function stepsTo(
  current: SfValue,
  opp: number,
  field: number
): { daysAgo: number; from: string; to: string }[] {
  switch (current) {
    case 'Confirmed':
      return [
        { daysAgo: 40 + 7 * opp + field, from: 'Unknown', to: 'Identified' },
        { daysAgo: 5 + 4 * opp + 2 * field, from: 'Identified', to: 'Confirmed' }
      ];
    case 'Identified':
      return [{ daysAgo: 9 + 5 * opp + 3 * field, from: 'Unknown', to: 'Identified' }];
    case 'Missing':
      return [{ daysAgo: 48 + opp + field, from: 'Unknown', to: 'Missing' }];
    default:
      return [];
  }
}

/**
 * Writes backdated OpportunityFieldHistory rows for the BANT statuses of up to
 * `options.opportunities` open opportunities of the account (those with the most statuses beyond
 * Unknown, then by name), so that replaying the history ends in each field's current value. Runs in
 * one transaction (joins the caller's). Does nothing when any opportunity of the account already has
 * BANT history, so it is safe to call at every demo seed.
 * @param today the date the history counts back from (rows are dated 10:00 UTC, `today` minus 5 to 64 days)
 * @example seedBantHistory(org, loaded.accountId, new Date()) // { opportunityIds: [...4 ids], rows: 11 }
 */
export function seedBantHistory(
  org: LocalOrg,
  accountId: string,
  today: Date = new Date(),
  options: SeedBantHistoryOptions = {}
): SeededBantHistory {
  const fields = BANT_STATUS_FIELDS.map((f) => `"${f}"`).join(', ');
  return org.write(() => {
    const existing = org.db
      .prepare(
        `SELECT 1 FROM "OpportunityFieldHistory" h JOIN "Opportunity" o ON o."Id" = h."OpportunityId"
         WHERE o."AccountId" = ? AND h."Field" IN (${BANT_STATUS_FIELDS.map(() => '?').join(', ')}) LIMIT 1`
      )
      .get(accountId, ...BANT_STATUS_FIELDS);
    if (existing) return { opportunityIds: [], rows: 0 };
    const opps = org.db
      .prepare(`SELECT "Id", "Name", ${fields} FROM "Opportunity" WHERE "AccountId" = ? AND "IsClosed" = 0`)
      .all(accountId) as Record<string, SfValue>[];
    const qualified = (o: Record<string, SfValue>): number =>
      BANT_STATUS_FIELDS.filter((f) => o[f] !== null && o[f] !== 'Unknown').length;
    const chosen = opps
      .filter((o) => qualified(o) > 0)
      .sort((a, b) => qualified(b) - qualified(a) || String(a.Name).localeCompare(String(b.Name)))
      .slice(0, options.opportunities ?? 4);
    const base = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 10);
    let rows = 0;
    chosen.forEach((o, i) => {
      BANT_STATUS_FIELDS.forEach((field, f) => {
        for (const step of stepsTo(o[field], i, f)) {
          org.insertHistory('OpportunityFieldHistory', {
            parentId: o.Id as string,
            field,
            oldValue: step.from,
            newValue: step.to,
            // Minutes keep same-day changes of one opportunity in field order.
            createdDate: new Date(base - step.daysAgo * DAY + f * 60_000).toISOString().replace('Z', '+0000')
          });
          rows++;
        }
      });
    });
    return { opportunityIds: chosen.map((o) => o.Id as string), rows };
  });
}
