/**
 * Twin of KeyplanUniqueKeys (called by AccountPlanTrigger and LandscapeCellTrigger before insert and
 * update). The local org's save path runs the trigger's check itself (localorg/triggers.ts), so every
 * client gets the trigger's message; the twins also run the trigger's query right before their DML,
 * as the Apex does, with the SOQL read from the .cls.
 */
import { SfError } from '../../../errors';
import { duplicateCellMessage, duplicatePlanMessage } from '../../../triggers';
import type { ApexContext } from '../../registry';
import { apexSource } from '../../source';
import { soql } from './twin';

export { duplicateCellMessage, duplicatePlanMessage };

/**
 * The trigger's queries, read from KeyplanUniqueKeys.cls: integrity lookups in SYSTEM_MODE (they only
 * compare keys), so a user without read access on Unique_Key__c can still save.
 */
export const UNIQUE_KEY_SOQL = {
  'KeyplanUniqueKeys.setAccountPlanKeys': apexSource.soql('KeyplanUniqueKeys.setAccountPlanKeys'),
  'KeyplanUniqueKeys.setLandscapeCellKeys': apexSource.soql('KeyplanUniqueKeys.setLandscapeCellKeys')
};

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
