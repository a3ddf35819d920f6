/**
 * Twin of KeyplanUniqueKeys (called by AccountPlanTrigger and LandscapeCellTrigger before insert and
 * update): the local org's save path sets Unique_Key__c and its unique index rejects duplicates with
 * the platform's DUPLICATE_VALUE text, while the org runs the trigger first and shows its own message.
 * The twins call these checks right before their DML so the user reads the trigger's words.
 */
import { SfError } from '../../../errors';
import type { ApexContext } from '../../registry';
import { soql } from './twin';

/** The trigger's queries (KeyplanUniqueKeys.cls), word for word. */
export const UNIQUE_KEY_SOQL = {
  'KeyplanUniqueKeys.setAccountPlanKeys': `SELECT Id, Unique_Key__c FROM Account_Plan__c WHERE Unique_Key__c IN :keys AND Id NOT IN :savingIds WITH USER_MODE`,
  'KeyplanUniqueKeys.setLandscapeCellKeys': `SELECT Id, Unique_Key__c FROM Landscape_Cell__c WHERE Unique_Key__c IN :keys AND Id NOT IN :savingIds WITH USER_MODE`
} as const;

/** KeyplanUniqueKeys.duplicatePlanMessage */
export const duplicatePlanMessage = (fiscalYear: number): string =>
  `This account already has a plan for fiscal year ${Math.trunc(fiscalYear)}. Open that plan instead of creating another.`;

/** KeyplanUniqueKeys.duplicateCellMessage */
export const duplicateCellMessage = (fiscalYear: number): string =>
  `This buying center already has a landscape cell for this offering in fiscal year ${Math.trunc(fiscalYear)}. Edit that cell instead of creating another.`;

/** The trigger's addError on Fiscal_Year__c when the account already has a plan for the year. */
export function checkAccountPlanKey(
  ctx: ApexContext,
  accountId: string,
  fiscalYear: number,
  savingId: string | null
): void {
  const keys = [`${accountId}:${Math.trunc(fiscalYear)}`];
  const rows = soql(ctx, UNIQUE_KEY_SOQL['KeyplanUniqueKeys.setAccountPlanKeys'], {
    keys,
    savingIds: savingId ? [savingId] : []
  });
  if (rows.length)
    throw new SfError('FIELD_CUSTOM_VALIDATION_EXCEPTION', duplicatePlanMessage(fiscalYear), [
      'Fiscal_Year__c'
    ]);
}

/** The trigger's addError on Offering__c when the buying center already has a cell for offering and year. */
export function checkLandscapeCellKey(
  ctx: ApexContext,
  buyingCenterId: string,
  offeringId: string,
  fiscalYear: number,
  savingId: string | null
): void {
  const keys = [`${buyingCenterId}:${offeringId}:${Math.trunc(fiscalYear)}`];
  const rows = soql(ctx, UNIQUE_KEY_SOQL['KeyplanUniqueKeys.setLandscapeCellKeys'], {
    keys,
    savingIds: savingId ? [savingId] : []
  });
  if (rows.length)
    throw new SfError('FIELD_CUSTOM_VALIDATION_EXCEPTION', duplicateCellMessage(fiscalYear), ['Offering__c']);
}
