import { CLOSED_STAGES } from '../src/schema';
import {
  bantScore,
  verifiedStatuses,
  type BantStatuses
} from '../force-app/main/default/lwc/keyplanCore/bant';
import {
  CALENDAR_FISCAL_YEAR,
  fiscalYearOf,
  type FiscalYearSetting
} from '../force-app/main/default/lwc/keyplanCore/figures';
import {
  relationshipScore as coreRelationshipScore,
  relationshipTypeOf,
  tierOf,
  type AttributeScores,
  type KeyAccountCriteria
} from '../force-app/main/default/lwc/keyplanCore/planScore';
import {
  DEFAULT_SETTINGS,
  SETTING_NAMES,
  effectiveSettings,
  overrideFieldOf,
  resolveSettings,
  type EffectiveSettings,
  type KeyplanSettings,
  type SettingName
} from '../force-app/main/default/lwc/keyplanCore/settings';
import type { SfRecord } from './types';

/** Problems computing formulas (shown by `npm run localorg` and /health). */
export const coreWarnings: string[] = [];

/** The org's `Keyplan_Tuning__c` row the running user sees (field API name -> value), if any. */
export type TuningRow = Readonly<Record<string, unknown>> | null | undefined;

/**
 * Override over default, as `KeyplanSettings.effective()` resolves it in Apex: the packaged
 * `Keyplan_Setting__mdt` records with the org's `Keyplan_Tuning__c` overrides on top.
 */
export function effectiveFrom(
  records: Map<string, Record<string, unknown>> | undefined,
  tuning?: TuningRow
): EffectiveSettings {
  const list = [...(records ?? new Map<string, Record<string, unknown>>()).entries()].map(([name, rec]) => ({
    DeveloperName: name,
    Value__c: typeof rec.Value__c === 'number' ? rec.Value__c : null
  }));
  return effectiveSettings(list, tuning);
}

/** The effective settings for the core (blank ones fall back to DEFAULT_SETTINGS), what the screen uses. */
export function settingsFrom(
  records: Map<string, Record<string, unknown>> | undefined,
  tuning?: TuningRow
): KeyplanSettings {
  return resolveSettings(effectiveFrom(records, tuning).values).settings;
}

/**
 * `$CustomMetadata.Keyplan_Setting__mdt.<Name>.Value__c` as a formula reads it: the record's number, or
 * null when the admin left `Value__c` blank. Blank makes the formula's arithmetic blank (the formula
 * fields compute a blank score), unlike the domain core's getSetting, which falls back to the default.
 */
export type FormulaSettings = Readonly<Record<SettingName, number | null>>;

/**
 * The formulas' view of the settings: `BLANKVALUE($Setup.Keyplan_Tuning__c.<Name>__c,
 * $CustomMetadata.Keyplan_Setting__mdt.<Name>.Value__c)`. A record missing from the metadata would not
 * let the formula fields deploy; locally it reads its default and a warning says so.
 */
export function formulaSettingsFrom(
  records: Map<string, Record<string, unknown>> | undefined,
  warnings: string[] = coreWarnings,
  tuning?: TuningRow
): FormulaSettings {
  const out = {} as Record<SettingName, number | null>;
  for (const name of SETTING_NAMES) {
    const override = tuning?.[overrideFieldOf(name)];
    if (typeof override === 'number' && Number.isFinite(override)) {
      out[name] = override;
      continue;
    }
    const rec = records?.get(name);
    if (!rec) {
      const warning = `Keyplan_Setting__mdt.${name} is missing: the formulas read its default ${DEFAULT_SETTINGS[name]}`;
      if (!warnings.includes(warning)) warnings.push(warning);
      out[name] = DEFAULT_SETTINGS[name];
      continue;
    }
    const v = rec.Value__c;
    out[name] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return Object.freeze(out);
}

/**
 * A threshold no count or score reaches: a blank band or tier minimum makes the formula's `>=`
 * comparison false, so that branch is never taken. (getSetting would replace null with the default.)
 */
const NEVER_REACHED = Number.MAX_VALUE;

/** The settings for the core's comparisons: blank thresholds are never reached, everything else as given. */
function thresholds(s: FormulaSettings, names: readonly SettingName[]): Partial<KeyplanSettings> {
  const out: Partial<Record<SettingName, number>> = {};
  for (const n of names) out[n] = s[n] ?? NEVER_REACHED;
  return out;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const REL_ATTRIBUTES: readonly (readonly [string, keyof AttributeScores, SettingName])[] = [
  ['Score_Executive_Access__c', 'scoreExecutiveAccess', 'RelType_Weight_Executive_Access'],
  ['Score_Share_Of_Wallet__c', 'scoreShareOfWallet', 'RelType_Weight_Share_Of_Wallet'],
  ['Score_Strategic_Alignment__c', 'scoreStrategicAlignment', 'RelType_Weight_Strategic_Alignment'],
  ['Score_Co_Innovation__c', 'scoreCoInnovation', 'RelType_Weight_Co_Innovation'],
  ['Score_Tenure__c', 'scoreTenure', 'RelType_Weight_Tenure']
];

/**
 * Relationship_Score__c: the core's relationshipScore on the plan's attribute scores. The formula
 * (BlankAsBlank) multiplies each filled-in score by its weight, so a blank weight of a scored attribute
 * makes the whole score blank; the weight of a blank attribute is never read.
 */
export function relationshipScore(rec: SfRecord, s: FormulaSettings): number | null {
  const scores = {} as Record<keyof AttributeScores, number | null>;
  const weights: Partial<Record<SettingName, number>> = {};
  for (const [field, key, weight] of REL_ATTRIBUTES) {
    scores[key] = num(rec[field]);
    if (scores[key] === null) continue;
    const w = s[weight];
    if (w === null) return null;
    weights[weight] = w;
  }
  return coreRelationshipScore(scores, weights);
}

/** Relationship_Type__c: the core's bands over the (rounded) score; blank for a blank score. */
export function relationshipType(score: number | null, s: FormulaSettings): string | null {
  if (score === null) return null;
  return relationshipTypeOf(
    score,
    thresholds(s, ['RelType_Band_Strategic', 'RelType_Band_Interdependent', 'RelType_Band_Cooperative'])
  );
}

/** Tier__c: '1' / '2' / '3' by the core's tierOf from the criteria ticked (an unticked box is not met). */
export function tier(rec: SfRecord, s: FormulaSettings): string {
  const criteria: KeyAccountCriteria = {
    criterionRevenuePotential: rec.Criterion_Revenue_Potential__c === true,
    criterionStrategicFit: rec.Criterion_Strategic_Fit__c === true,
    criterionGrowthPotential: rec.Criterion_Growth_Potential__c === true,
    criterionReferenceValue: rec.Criterion_Reference_Value__c === true,
    criterionExecutiveAccess: rec.Criterion_Executive_Access__c === true
  };
  return tierOf(criteria, thresholds(s, ['Tier_1_Min_Criteria', 'Tier_2_Min_Criteria'])).tier;
}

const BANT_FIELDS: readonly (readonly [string, keyof BantStatuses, SettingName])[] = [
  ['Keyplan_Budget_Status__c', 'budgetStatus', 'BANT_Weight_Budget'],
  ['Keyplan_Authority_Status__c', 'authorityStatus', 'BANT_Weight_Authority'],
  ['Keyplan_Need_Status__c', 'needStatus', 'BANT_Weight_Need'],
  ['Keyplan_Timing_Status__c', 'timingStatus', 'BANT_Weight_Timing']
];
/** The formula's CASE: these three statuses by name, anything else (blank included) reads Unknown's points. */
const POINTS_OF: Readonly<Record<string, SettingName>> = {
  Confirmed: 'BANT_Points_Confirmed',
  Identified: 'BANT_Points_Identified',
  Missing: 'BANT_Points_Missing'
};

/**
 * Keyplan_BANT_Score__c: the core's bantScore on the verified statuses (a Confirmed without its evidence
 * counts as Identified: verifiedStatuses over the evidence texts and the two contact-role counts the
 * BantEvidence trigger twin keeps). Every weight is read, and the points of each status; a blank one of
 * those makes the product, and so the score, blank.
 */
export function bantScoreOf(rec: SfRecord, s: FormulaSettings): number | null {
  const given = {} as Record<keyof BantStatuses, string | null>;
  for (const [field, key] of BANT_FIELDS)
    given[key] = typeof rec[field] === 'string' ? (rec[field] as string) : null;
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const statuses = verifiedStatuses({
    ...given,
    budgetEvidence: text(rec.Keyplan_Budget_Evidence__c),
    needEvidence: text(rec.Keyplan_Need_Evidence__c),
    timingEvidence: text(rec.Keyplan_Timing_Evidence__c),
    authorityRoles: Number(rec.Keyplan_Authority_Roles__c ?? 0),
    budgetOwnerRoles: Number(rec.Keyplan_Budget_Owner_Roles__c ?? 0)
  });
  const used: Partial<Record<SettingName, number>> = {};
  for (const [, key, weight] of BANT_FIELDS) {
    const status = statuses[key];
    const points =
      status !== null && Object.prototype.hasOwnProperty.call(POINTS_OF, status)
        ? POINTS_OF[status]
        : 'BANT_Points_Unknown';
    for (const name of [weight, points]) {
      const v = s[name];
      if (v === null) return null;
      used[name] = v;
    }
  }
  return bantScore(statuses, used);
}

/** What a formula can see besides the record: related records and the running user. */
export interface FormulaContext {
  lookup: (objectName: string, id: unknown) => SfRecord | undefined;
  userId: string;
}
type FormulaFn = (rec: SfRecord, s: FormulaSettings, ctx: FormulaContext) => string | number | boolean | null;

/**
 * The formula fields the local org computes, keyed `Object.Field`. A formula field not listed here
 * reads null locally (the org computes it; nothing in Keyplan may rely on it until it is listed).
 */
/** Parents Account.Keyplan_Ultimate_Parent__c climbs at most (its formula reads `Parent` x 6 `.ParentId`). */
export const ULTIMATE_PARENT_CLIMB = 7;

/**
 * Account.Keyplan_Ultimate_Parent__c: the top of the account's hierarchy within ULTIMATE_PARENT_CLIMB
 * parents (the account itself when it has no parent), read through fresh lookups. The validation rule twins
 * call it too, as the org's rules read the formula.
 */
export function ultimateParentOf(
  rec: SfRecord,
  lookup: (objectName: string, id: unknown) => SfRecord | undefined
): string | null {
  let id = typeof rec.Id === 'string' ? rec.Id : null;
  let parent = rec.ParentId;
  for (let climbed = 0; climbed < ULTIMATE_PARENT_CLIMB && typeof parent === 'string' && parent; climbed++) {
    id = parent;
    parent = lookup('Account', parent)?.ParentId ?? null;
  }
  return id;
}

export const FORMULAS: Record<string, FormulaFn> = {
  'Account.Keyplan_Ultimate_Parent__c': (rec, _s, ctx) => ultimateParentOf(rec, ctx.lookup),
  'Opportunity.Keyplan_BANT_Score__c': (rec, s) => bantScoreOf(rec, s),
  'Account_Plan__c.Relationship_Score__c': (rec, s) => relationshipScore(rec, s),
  'Account_Plan__c.Relationship_Type__c': (rec, s) => relationshipType(relationshipScore(rec, s), s),
  'Account_Plan__c.Tier__c': (rec, s) => tier(rec, s),
  'Account_Plan__c.Is_My_Account__c': (rec, _s, ctx) =>
    ctx.lookup('Account', rec.Account__c)?.OwnerId === ctx.userId
};

/**
 * Inputs of formulas that live on other records: when one of these parent fields changes, the save
 * path recomputes the formulas of the children that point at the parent through `via`, in the same
 * transaction (the org computes formulas at read time; the local org stores them so SOQL can filter
 * and sort, and keeps them fresh this way). The running user is fixed per database (its id is kept in
 * the database), so `$User.Id` needs no entry.
 */
export const CROSS_OBJECT_INPUTS: readonly {
  parent: string;
  fields: readonly string[];
  child: string;
  via: string;
  /** `via` points at the same object: recompute every descendant, not only the children. */
  descendants?: boolean;
}[] = [
  { parent: 'Account', fields: ['OwnerId'], child: 'Account_Plan__c', via: 'Account__c' },
  { parent: 'Account', fields: ['ParentId'], child: 'Account', via: 'ParentId', descendants: true }
];

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
 * Probability when the stage changed and no probability was given; FiscalYear from CloseDate and the
 * org's fiscal year settings.
 */
export function deriveOpportunity(
  rec: SfRecord,
  stageChanged: boolean,
  probabilityGiven: boolean,
  fiscalYear: FiscalYearSetting = CALENDAR_FISCAL_YEAR
): void {
  const stage = typeof rec.StageName === 'string' ? rec.StageName : '';
  const closed = CLOSED_STAGES[stage];
  rec.IsClosed = Boolean(closed);
  rec.IsWon = closed?.isWon ?? false;
  const defaults = STAGE_DEFAULTS[stage];
  rec.ForecastCategoryName = defaults?.forecast ?? 'Pipeline';
  if (stageChanged && !probabilityGiven)
    rec.Probability = defaults?.probability ?? closed?.probability ?? null;
  // Opportunity.FiscalYear under the org's fiscal year settings (Organization row), as the platform derives it.
  rec.FiscalYear =
    typeof rec.CloseDate === 'string'
      ? fiscalYearOf(rec.CloseDate, fiscalYear.startMonth, fiscalYear.namedBy)
      : null;
}
