/**
 * Relationship type by the weighted attribute method and tier by criteria met, mirroring the
 * Relationship_Score__c, Relationship_Type__c and Tier__c formulas.
 */
import { DEFAULT_SETTINGS, getSetting, type KeyplanSettings, type SettingName } from './settings';

export type RelationshipTypeName = 'Tactical' | 'Cooperative' | 'Interdependent' | 'Strategic';
export type TierName = '1' | '2' | '3';

export interface AttributeScores {
  scoreExecutiveAccess: number | null;
  scoreShareOfWallet: number | null;
  scoreStrategicAlignment: number | null;
  scoreCoInnovation: number | null;
  scoreTenure: number | null;
}

const ATTRIBUTE_WEIGHT: Record<keyof AttributeScores, SettingName> = {
  scoreExecutiveAccess: 'RelType_Weight_Executive_Access',
  scoreShareOfWallet: 'RelType_Weight_Share_Of_Wallet',
  scoreStrategicAlignment: 'RelType_Weight_Strategic_Alignment',
  scoreCoInnovation: 'RelType_Weight_Co_Innovation',
  scoreTenure: 'RelType_Weight_Tenure'
};

/**
 * sum(weight x score) / 100, rounded to 2 decimals (the formula's scale). Blank scores count as 0.
 * With the default weights (sum 100) and scores 1-5 the result is within 1-5.
 */
export function relationshipScore(scores: AttributeScores, settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS): number {
  let sum = 0;
  for (const key of Object.keys(ATTRIBUTE_WEIGHT) as (keyof AttributeScores)[]) sum += getSetting(settings, ATTRIBUTE_WEIGHT[key]) * (scores[key] ?? 0);
  return Math.round(sum) / 100;
}

/** The relationship type of a weighted score from the band lower bounds. */
export function relationshipTypeOf(score: number, settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS): RelationshipTypeName {
  if (score >= getSetting(settings, 'RelType_Band_Strategic')) return 'Strategic';
  if (score >= getSetting(settings, 'RelType_Band_Interdependent')) return 'Interdependent';
  if (score >= getSetting(settings, 'RelType_Band_Cooperative')) return 'Cooperative';
  return 'Tactical';
}

/** Score and type in one call. */
export function relationshipType(scores: AttributeScores, settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS): { score: number; type: RelationshipTypeName } {
  const score = relationshipScore(scores, settings);
  return { score, type: relationshipTypeOf(score, settings) };
}

export interface KeyAccountCriteria {
  criterionRevenuePotential?: boolean | null;
  criterionStrategicFit?: boolean | null;
  criterionGrowthPotential?: boolean | null;
  criterionReferenceValue?: boolean | null;
  criterionExecutiveAccess?: boolean | null;
}

/** Tier '1' from Tier_1_Min_Criteria criteria met, '2' from Tier_2_Min_Criteria, else '3'. */
export function tierOf(criteria: KeyAccountCriteria, settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS): { met: number; tier: TierName } {
  const met = [criteria.criterionRevenuePotential, criteria.criterionStrategicFit, criteria.criterionGrowthPotential, criteria.criterionReferenceValue, criteria.criterionExecutiveAccess].filter(
    Boolean
  ).length;
  const tier: TierName = met >= getSetting(settings, 'Tier_1_Min_Criteria') ? '1' : met >= getSetting(settings, 'Tier_2_Min_Criteria') ? '2' : '3';
  return { met, tier };
}
