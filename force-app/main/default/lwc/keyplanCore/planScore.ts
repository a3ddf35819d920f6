/**
 * Relationship score and type by the weighted attribute method and tier by criteria met, computing
 * exactly what the Relationship_Score__c, Relationship_Type__c and Tier__c formula fields compute
 * (test/metadata/formulas.test.ts evaluates the formulas themselves and compares).
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

const ATTRIBUTE_WEIGHT: readonly (readonly [keyof AttributeScores, SettingName])[] = [
  ['scoreExecutiveAccess', 'RelType_Weight_Executive_Access'],
  ['scoreShareOfWallet', 'RelType_Weight_Share_Of_Wallet'],
  ['scoreStrategicAlignment', 'RelType_Weight_Strategic_Alignment'],
  ['scoreCoInnovation', 'RelType_Weight_Co_Innovation'],
  ['scoreTenure', 'RelType_Weight_Tenure']
];

/**
 * Salesforce formula ROUND(): half away from zero, on the decimal value. Binary floating point stores
 * e.g. 2.675 as 2.67499999..., so rounding it naively gives 2.67 where the org gives 2.68; reading the
 * value back at 15 significant digits (what a double holds exactly) recovers the decimal first.
 * @example roundHalfAwayFromZero(2.675, 2) // 2.68
 * @example roundHalfAwayFromZero(-0.5, 0) // -1
 */
export function roundHalfAwayFromZero(value: number, digits = 0): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const abs = Math.abs(value);
  const [mantissa, exponent] = abs.toExponential(14).split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + digits}`);
  const rounded = Math.floor(shifted + 0.5);
  const back = Number(`${rounded}e${-digits}`);
  return value < 0 && back !== 0 ? -back : back;
}

/** A double read back at the 15 significant digits it holds exactly (0.30000000000000004 -> 0.3). */
export function asDecimal(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/**
 * Weighted mean of the attribute scores that are filled in (weights RelType_Weight_*), rounded to 2
 * decimals half away from zero, as Relationship_Score__c computes it. A blank attribute neither helps
 * nor hurts; null (the field is blank) when no attribute is scored or the weights of the scored ones
 * sum to zero or less.
 * @example relationshipScore({ scoreExecutiveAccess: 5, scoreShareOfWallet: null, scoreStrategicAlignment: 3, scoreCoInnovation: null, scoreTenure: null }) // 4
 */
export function relationshipScore(
  scores: AttributeScores,
  settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS
): number | null {
  let total = 0;
  let weights = 0;
  for (const [key, setting] of ATTRIBUTE_WEIGHT) {
    const v = scores[key];
    if (v === null || v === undefined) continue;
    const w = getSetting(settings, setting);
    total += w * v;
    weights += w;
  }
  // Sums of decimals (0.1 + 0.2): read them back as decimals before comparing, like the org's exact arithmetic.
  weights = asDecimal(weights);
  if (!(weights > 0)) return null;
  return roundHalfAwayFromZero(asDecimal(total) / weights, 2);
}

/**
 * The relationship type of a (rounded) relationship score from the band lower bounds
 * (RelType_Band_*); '' for a blank score, as Relationship_Type__c gives.
 */
export function relationshipTypeOf(score: number, settings?: Partial<KeyplanSettings>): RelationshipTypeName;
export function relationshipTypeOf(
  score: number | null,
  settings?: Partial<KeyplanSettings>
): RelationshipTypeName | '';
export function relationshipTypeOf(
  score: number | null,
  settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS
): RelationshipTypeName | '' {
  if (score === null || score === undefined) return '';
  if (score >= getSetting(settings, 'RelType_Band_Strategic')) return 'Strategic';
  if (score >= getSetting(settings, 'RelType_Band_Interdependent')) return 'Interdependent';
  if (score >= getSetting(settings, 'RelType_Band_Cooperative')) return 'Cooperative';
  return 'Tactical';
}

/** Score and type in one call: `{ score: null, type: '' }` when no attribute is scored. */
export function relationshipType(
  scores: AttributeScores,
  settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS
): { score: number | null; type: RelationshipTypeName | '' } {
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

/**
 * Tier '1' from Tier_1_Min_Criteria criteria met, else '2' from Tier_2_Min_Criteria, else '3', as
 * Tier__c computes it (an unticked or blank checkbox counts as not met).
 */
export function tierOf(
  criteria: KeyAccountCriteria,
  settings: Partial<KeyplanSettings> = DEFAULT_SETTINGS
): { met: number; tier: TierName } {
  let met = 0;
  if (criteria.criterionRevenuePotential === true) met++;
  if (criteria.criterionStrategicFit === true) met++;
  if (criteria.criterionGrowthPotential === true) met++;
  if (criteria.criterionReferenceValue === true) met++;
  if (criteria.criterionExecutiveAccess === true) met++;
  const tier: TierName =
    met >= getSetting(settings, 'Tier_1_Min_Criteria')
      ? '1'
      : met >= getSetting(settings, 'Tier_2_Min_Criteria')
        ? '2'
        : '3';
  return { met, tier };
}
