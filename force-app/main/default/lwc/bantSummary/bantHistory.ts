/**
 * Pipeline qualification over time: the BANT statuses an opportunity had on a past date, rebuilt from
 * OpportunityFieldHistory, and the qualified / unqualified split of a set of opportunities. Today's
 * scores are the formula's (Keyplan_BANT_Score__c); past statuses are scored by the core's bantScore with the
 * org's settings, the same weights the formula reads, so the panel, the field and this summary agree.
 */
import type { BantHistoryEntry } from '@keyplan/contracts';
import {
  shownQualified,
  shownBantScore,
  type BantEvidenceSource,
  type BantStatuses,
  type KeyplanSettings
} from 'c/keyplanCore';

const FIELD_KEY: Record<BantHistoryEntry['field'], keyof BantStatuses> = {
  Keyplan_Budget_Status__c: 'budgetStatus',
  Keyplan_Authority_Status__c: 'authorityStatus',
  Keyplan_Need_Status__c: 'needStatus',
  Keyplan_Timing_Status__c: 'timingStatus'
};

/** `bantScore`: the saved Keyplan_BANT_Score__c, shown as is; without it the core scores the statuses. */
export type ScoredOpportunity = BantEvidenceSource & {
  id: string;
  amount: number | null;
  bantScore?: number | null;
};

/** The same calendar day one month earlier (31 March -> 28/29 February), at the same UTC time. */
export function oneMonthBefore(today: Date): Date {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth() - 1;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(today.getTime());
  d.setUTCFullYear(y, m, Math.min(today.getUTCDate(), lastDay));
  return d;
}

/**
 * The statuses an opportunity had at `asOf`: per field, the new value of the last change on or before
 * `asOf`, else the old value of the first change after it, else (never changed) the current value.
 */
export function statusesAsOf<T extends ScoredOpportunity>(
  opp: T,
  history: readonly BantHistoryEntry[],
  asOf: Date
): T {
  const cutoff = asOf.getTime();
  const past: T = { ...opp };
  const entries = history
    .filter((h) => h.opportunityId === opp.id)
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  for (const field of Object.keys(FIELD_KEY) as BantHistoryEntry['field'][]) {
    const changes = entries.filter((h) => h.field === field);
    if (!changes.length) continue;
    const before = changes.filter((h) => Date.parse(h.date) <= cutoff);
    past[FIELD_KEY[field]] = before.length ? before[before.length - 1].newValue : changes[0].oldValue;
  }
  // The saved formula value scores today's statuses; past ones are scored by the core.
  const changed = (Object.values(FIELD_KEY) as (keyof BantStatuses)[]).some((k) => past[k] !== opp[k]);
  if (changed && 'bantScore' in past) past.bantScore = null;
  return past;
}

export interface QualificationSplit {
  qualifiedAmount: number;
  unqualifiedAmount: number;
  qualifiedCount: number;
  unqualifiedCount: number;
  /** Plain mean of the scores (each opportunity counts once, whatever its amount); null when none. */
  averageScore: number | null;
}

/**
 * Splits opportunities into qualified (shownQualified: score >= threshold, nothing Missing or unverified) and
 * unqualified; a blank amount counts as 0. Past statuses are scored with today's evidence.
 */
export function qualificationSplit(
  opps: readonly ScoredOpportunity[],
  threshold: number,
  settings?: Partial<KeyplanSettings>
): QualificationSplit {
  const split: QualificationSplit = {
    qualifiedAmount: 0,
    unqualifiedAmount: 0,
    qualifiedCount: 0,
    unqualifiedCount: 0,
    averageScore: null
  };
  let total = 0;
  for (const o of opps) {
    const score = shownBantScore(o, settings);
    total += score;
    if (shownQualified(o, threshold, settings)) {
      split.qualifiedAmount += o.amount ?? 0;
      split.qualifiedCount += 1;
    } else {
      split.unqualifiedAmount += o.amount ?? 0;
      split.unqualifiedCount += 1;
    }
  }
  split.averageScore = opps.length ? total / opps.length : null;
  return split;
}
