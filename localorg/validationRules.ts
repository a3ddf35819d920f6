import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN } from '../src/contracts/common';
import { ultimateParentOf } from './formulas';
import type { SfRecord } from './types';

/** What a validation rule twin sees: the record as it will be saved and, on update, as it was. */
export interface RuleContext {
  record: SfRecord;
  prior: SfRecord | undefined;
  isInsert: boolean;
  /** Reads a related record (for `Parent__r.Field` in a formula). */
  lookup: (objectName: string, id: unknown) => SfRecord | undefined;
}

/** A rule twin returns true when the record violates the rule (like `errorConditionFormula`). */
export type RuleTwin = (ctx: RuleContext) => boolean;

const blank = (v: unknown): boolean => v === null || v === undefined || v === '';
/** `ISNEW() || ISCHANGED(field)`. */
const newOrChanged = (ctx: RuleContext, field: string): boolean =>
  ctx.isInsert || ctx.prior?.[field] !== ctx.record[field];
/** Formula `<` on a number: a blank compares false (BlankAsZero would make `blank < 0` false too). */
const lt = (v: unknown, n: number): boolean => typeof v === 'number' && v < n;
const gt = (v: unknown, n: number): boolean => typeof v === 'number' && v > n;
/** `AND(NOT(ISBLANK(f)), OR(f < lo, f > hi))`. */
const outside = (v: unknown, lo: number, hi: number): boolean => lt(v, lo) || gt(v, hi);
/** A related record's field, as `Rel__r.Field` reads it (blank when the lookup is blank). */
const via = (ctx: RuleContext, objectName: string, idField: string, field: string): unknown =>
  blank(ctx.record[idField]) ? null : (ctx.lookup(objectName, ctx.record[idField])?.[field] ?? null);
/**
 * `<path to an Account>.Keyplan_Ultimate_Parent__c` as a rule reads the formula: the account's group, computed
 * through fresh lookups (the org computes formulas at read time).
 */
const groupOf = (ctx: RuleContext, accountId: unknown): string | null => {
  if (blank(accountId)) return null;
  const account = ctx.lookup('Account', accountId);
  return account ? ultimateParentOf(account, ctx.lookup) : null;
};
/** A related record's field through a lookup on this record, then the group of the account it names. */
const groupVia = (
  ctx: RuleContext,
  objectName: string,
  idField: string,
  accountField: string
): string | null => groupOf(ctx, via(ctx, objectName, idField, accountField));
/** Formula `<>` on ids: blank and a value differ; two blanks are equal. */
const differ = (a: unknown, b: unknown): boolean => (a ?? null) !== (b ?? null);

/**
 * TypeScript twins of the validation rules in force-app/main/default/objects/<Object>/validationRules,
 * keyed `Object.RuleName`. The message and error field come from the rule's XML, so only the condition
 * lives here; keep each twin a literal port of the rule's `errorConditionFormula`.
 * validationRules.test.ts fails when an active rule in the metadata has no twin here (and the local org
 * refuses to save a record of that object until it has one).
 */
export const RULE_TWINS: Record<string, RuleTwin> = {
  'Account_Plan__c.Farming_Goal_Not_Negative': ({ record }) => lt(record.Farming_Goal__c, 0),
  'Account_Plan__c.Mining_Goal_Not_Negative': ({ record }) => lt(record.Mining_Goal__c, 0),
  'Account_Plan__c.Revenue_Goal_Not_Negative': ({ record }) => lt(record.Revenue_Goal__c, 0),
  'Account_Plan__c.Fiscal_Year_In_Range': ({ record }) =>
    outside(record.Fiscal_Year__c, FISCAL_YEAR_MIN, FISCAL_YEAR_MAX),
  'Account_Plan__c.Goals_Within_Revenue_Goal': ({ record }) =>
    !blank(record.Revenue_Goal__c) &&
    Number(record.Mining_Goal__c ?? 0) + Number(record.Farming_Goal__c ?? 0) > Number(record.Revenue_Goal__c),
  'Account_Plan__c.Score_Co_Innovation_Range': ({ record }) => outside(record.Score_Co_Innovation__c, 1, 5),
  'Account_Plan__c.Score_Executive_Access_Range': ({ record }) =>
    outside(record.Score_Executive_Access__c, 1, 5),
  'Account_Plan__c.Score_Share_Of_Wallet_Range': ({ record }) =>
    outside(record.Score_Share_Of_Wallet__c, 1, 5),
  'Account_Plan__c.Score_Strategic_Alignment_Range': ({ record }) =>
    outside(record.Score_Strategic_Alignment__c, 1, 5),
  'Account_Plan__c.Score_Tenure_Range': ({ record }) => outside(record.Score_Tenure__c, 1, 5),

  'Buying_Center__c.Parent_In_Same_Account': (ctx) =>
    !blank(ctx.record.Parent_Buying_Center__c) &&
    differ(via(ctx, 'Buying_Center__c', 'Parent_Buying_Center__c', 'Account__c'), ctx.record.Account__c),
  'Buying_Center__c.Parent_Not_Self': ({ record }) =>
    !blank(record.Parent_Buying_Center__c) && record.Parent_Buying_Center__c === record.Id,
  'Buying_Center__c.Subsidiary_In_Group': (ctx) =>
    !blank(ctx.record.Subsidiary__c) &&
    differ(groupOf(ctx, ctx.record.Subsidiary__c), groupOf(ctx, ctx.record.Account__c)),
  'Buying_Center__c.Sales_Goal_Not_Negative': ({ record }) => lt(record.Sales_Goal__c, 0),
  'Buying_Center__c.Wallet_Size_Not_Negative': ({ record }) => lt(record.Wallet_Size__c, 0),

  'Contact.Keyplan_Budget_Owned_Not_Negative': ({ record }) => lt(record.Keyplan_Budget_Owned__c, 0),
  'Contact.Keyplan_Buying_Center_In_Account': (ctx) =>
    newOrChanged(ctx, 'Keyplan_Buying_Center__c') &&
    !blank(ctx.record.Keyplan_Buying_Center__c) &&
    differ(
      groupVia(ctx, 'Buying_Center__c', 'Keyplan_Buying_Center__c', 'Account__c'),
      groupOf(ctx, ctx.record.AccountId)
    ),
  'Opportunity.Keyplan_Buying_Center_In_Account': (ctx) =>
    newOrChanged(ctx, 'Keyplan_Buying_Center__c') &&
    !blank(ctx.record.Keyplan_Buying_Center__c) &&
    differ(
      groupVia(ctx, 'Buying_Center__c', 'Keyplan_Buying_Center__c', 'Account__c'),
      groupOf(ctx, ctx.record.AccountId)
    ),

  'Landscape_Cell__c.Competitor_Required': ({ record }) =>
    record.State__c === 'Competitor' && blank(record.Competitor__c),
  'Landscape_Cell__c.Fiscal_Year_In_Range': ({ record }) =>
    outside(record.Fiscal_Year__c, FISCAL_YEAR_MIN, FISCAL_YEAR_MAX),
  'Landscape_Cell__c.Offering_Must_Be_Active': (ctx) =>
    newOrChanged(ctx, 'Offering__c') && via(ctx, 'Offering__c', 'Offering__c', 'Active__c') !== true,
  'Landscape_Cell__c.Potential_Not_Negative': ({ record }) => lt(record.Potential__c, 0),

  'Plan_Action__c.Objective_In_Same_Plan': (ctx) =>
    !blank(ctx.record.Objective__c) &&
    differ(via(ctx, 'Plan_Objective__c', 'Objective__c', 'Account_Plan__c'), ctx.record.Account_Plan__c),
  'Plan_Objective__c.Buying_Center_In_Plan_Account': (ctx) =>
    !blank(ctx.record.Buying_Center__c) &&
    differ(
      groupVia(ctx, 'Buying_Center__c', 'Buying_Center__c', 'Account__c'),
      groupVia(ctx, 'Account_Plan__c', 'Account_Plan__c', 'Account__c')
    ),
  'Plan_Objective__c.Target_Amount_Not_Negative': ({ record }) => lt(record.Target_Amount__c, 0),

  'Relationship_Link__c.Ends_In_Link_Account': (ctx) =>
    (!blank(ctx.record.From_Contact__c) &&
      differ(
        groupVia(ctx, 'Contact', 'From_Contact__c', 'AccountId'),
        groupOf(ctx, ctx.record.Account__c)
      )) ||
    differ(groupVia(ctx, 'Contact', 'To_Contact__c', 'AccountId'), groupOf(ctx, ctx.record.Account__c)),
  'Relationship_Link__c.Exactly_One_From': ({ record }) =>
    blank(record.From_Contact__c) === blank(record.From_User__c),
  'Relationship_Link__c.No_Self_Link': ({ record }) =>
    !blank(record.From_Contact__c) && record.From_Contact__c === record.To_Contact__c,
  'Relationship_Link__c.Strength_Range': ({ record }) => outside(record.Strength__c, 1, 5)
};
