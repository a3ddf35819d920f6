import { CLOSED_STAGES } from '../src/schema';
import { bantScore } from '../force-app/main/default/lwc/keyplanCore/bant';
import { relationshipTypeOf, tierOf } from '../force-app/main/default/lwc/keyplanCore/planScore';
import { resolveSettings, type KeyplanSettings } from '../force-app/main/default/lwc/keyplanCore/settings';
import type { SfRecord } from './types';

/** Problems computing formulas (shown by `npm run localorg` and /health). */
export const coreWarnings: string[] = [];

/** Settings from the org's `Keyplan_Setting__mdt` records over the defaults, like the formulas read them. */
export function settingsFrom(records: Map<string, Record<string, unknown>> | undefined): KeyplanSettings {
  const list = [...(records ?? new Map<string, Record<string, unknown>>()).entries()].map(([name, rec]) => ({
    DeveloperName: name,
    Value__c: typeof rec.Value__c === 'number' ? rec.Value__c : null
  }));
  return resolveSettings(list).settings;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const REL_ATTRIBUTES: [string, keyof KeyplanSettings][] = [
  ['Score_Executive_Access__c', 'RelType_Weight_Executive_Access'],
  ['Score_Share_Of_Wallet__c', 'RelType_Weight_Share_Of_Wallet'],
  ['Score_Strategic_Alignment__c', 'RelType_Weight_Strategic_Alignment'],
  ['Score_Co_Innovation__c', 'RelType_Weight_Co_Innovation'],
  ['Score_Tenure__c', 'RelType_Weight_Tenure']
];

/**
 * Weighted relationship score 1-5 of an account plan as the Relationship_Score__c formula computes it:
 * the weighted mean of the attributes that are filled in, rounded to 2 places; null when no weight
 * applies (no attribute filled in, or their weights sum to zero).
 */
export function relationshipScore(rec: SfRecord, s: KeyplanSettings): number | null {
  let total = 0;
  let weights = 0;
  for (const [field, weight] of REL_ATTRIBUTES) {
    const v = num(rec[field]);
    if (v === null) continue;
    total += v * s[weight];
    weights += s[weight];
  }
  return weights > 0 ? Math.round((total / weights) * 100) / 100 : null;
}

/** Relationship type from the weighted score and the metadata bands (the domain core's bands). */
export function relationshipType(score: number | null, s: KeyplanSettings): string | null {
  return score === null ? null : relationshipTypeOf(score, s);
}

/** Account tier '1' / '2' / '3' from the number of key-account criteria met (the domain core's rule). */
export function tier(rec: SfRecord, s: KeyplanSettings): string {
  return tierOf(
    {
      criterionRevenuePotential: rec.Criterion_Revenue_Potential__c === true,
      criterionStrategicFit: rec.Criterion_Strategic_Fit__c === true,
      criterionGrowthPotential: rec.Criterion_Growth_Potential__c === true,
      criterionReferenceValue: rec.Criterion_Reference_Value__c === true,
      criterionExecutiveAccess: rec.Criterion_Executive_Access__c === true
    },
    s
  ).tier;
}

/** What a formula can see besides the record: related records and the running user. */
export interface FormulaContext {
  lookup: (objectName: string, id: unknown) => SfRecord | undefined;
  userId: string;
}
type FormulaFn = (rec: SfRecord, s: KeyplanSettings, ctx: FormulaContext) => string | number | boolean | null;

/**
 * The formula fields the local org computes, keyed `Object.Field`. A formula field not listed here
 * reads null locally (the org computes it; nothing in Keyplan may rely on it until it is listed).
 */
export const FORMULAS: Record<string, FormulaFn> = {
  'Opportunity.BANT_Score__c': (rec, s) =>
    bantScore(
      {
        budgetStatus: (rec.Budget_Status__c as string | null) ?? null,
        authorityStatus: (rec.Authority_Status__c as string | null) ?? null,
        needStatus: (rec.Need_Status__c as string | null) ?? null,
        timingStatus: (rec.Timing_Status__c as string | null) ?? null
      },
      s
    ),
  'Account_Plan__c.Relationship_Score__c': (rec, s) => relationshipScore(rec, s),
  'Account_Plan__c.Relationship_Type__c': (rec, s) => relationshipType(relationshipScore(rec, s), s),
  'Account_Plan__c.Tier__c': (rec, s) => tier(rec, s),
  // Stored at save time for the one local user; recomputed at every start.
  'Account_Plan__c.Is_My_Account__c': (rec, _s, ctx) =>
    ctx.lookup('Account', rec.Account__c)?.OwnerId === ctx.userId
};

/** Default probability and forecast category of the standard sales process stages. */
export const STAGE_DEFAULTS: Record<string, { probability: number; forecast: string }> = {
  Prospecting: { probability: 10, forecast: 'Pipeline' },
  Qualification: { probability: 10, forecast: 'Pipeline' },
  'Needs Analysis': { probability: 20, forecast: 'Pipeline' },
  'Value Proposition': { probability: 50, forecast: 'Pipeline' },
  'Id. Decision Makers': { probability: 60, forecast: 'Pipeline' },
  'Perception Analysis': { probability: 70, forecast: 'Pipeline' },
  'Proposal/Price Quote': { probability: 75, forecast: 'Pipeline' },
  'Negotiation/Review': { probability: 90, forecast: 'Commit' },
  'Closed Won': { probability: 100, forecast: 'Closed' },
  'Closed Lost': { probability: 0, forecast: 'Omitted' }
};

/**
 * Opportunity fields the org derives from the stage: IsClosed, IsWon, ForecastCategoryName, and
 * Probability when the stage changed and no probability was given; FiscalYear from CloseDate.
 */
export function deriveOpportunity(rec: SfRecord, stageChanged: boolean, probabilityGiven: boolean): void {
  const stage = typeof rec.StageName === 'string' ? rec.StageName : '';
  const closed = CLOSED_STAGES[stage];
  rec.IsClosed = Boolean(closed);
  rec.IsWon = closed?.isWon ?? false;
  const defaults = STAGE_DEFAULTS[stage];
  rec.ForecastCategoryName = defaults?.forecast ?? 'Pipeline';
  if (stageChanged && !probabilityGiven)
    rec.Probability = defaults?.probability ?? closed?.probability ?? null;
  rec.FiscalYear = typeof rec.CloseDate === 'string' ? Number(rec.CloseDate.slice(0, 4)) : null;
}
