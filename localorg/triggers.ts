/**
 * Twins of the Apex triggers that run on every save, whatever the client (REST, jsforce, the keyplan
 * CLI, the Apex twins): AccountPlanTrigger and LandscapeCellTrigger call KeyplanUniqueKeys, which sets
 * Unique_Key__c and rejects a second plan per account and year, and a second cell per buying center,
 * offering and year, with its own message on Fiscal_Year__c / Offering__c. The platform's unique index
 * (DUPLICATE_VALUE) only catches what the trigger cannot see; locally saves are serialised, so the
 * trigger sees everything.
 */
import { apexSource } from './apex/source';
import type { SfRecord } from './types';

/**
 * A KeyplanUniqueKeys message `'text' + fiscalYear.intValue() + 'text'`, read from the .cls: its two
 * literals around the year (localorg/parity.test.ts checks the result against the Apex expression).
 */
function yearMessage(method: string): (fiscalYear: number) => string {
  const parts = apexSource.literals(`KeyplanUniqueKeys.${method}`);
  if (parts.length !== 2)
    throw new Error(
      `KeyplanUniqueKeys.${method}: expected 'text' + fiscalYear.intValue() + 'text', found ${parts.length} literals`
    );
  return (fiscalYear) => `${parts[0]}${Math.trunc(fiscalYear)}${parts[1]}`;
}

/** KeyplanUniqueKeys.duplicatePlanMessage. */
export const duplicatePlanMessage = yearMessage('duplicatePlanMessage');

/** KeyplanUniqueKeys.duplicateCellMessage. */
export const duplicateCellMessage = yearMessage('duplicateCellMessage');

export interface UniqueKeyTrigger {
  /** KeyplanUniqueKeys.accountPlanKey / landscapeCellKey: null when a part is missing. */
  key: (r: SfRecord) => string | null;
  /** The field the trigger's addError names. */
  errorField: string;
  message: (r: SfRecord) => string;
}

const has = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** Unique_Key__c of each object whose trigger sets it, and the trigger's duplicate error. */
export const UNIQUE_KEY_TRIGGERS: Readonly<Record<string, UniqueKeyTrigger>> = {
  Account_Plan__c: {
    key: (r) =>
      has(r.Account__c) && has(r.Fiscal_Year__c)
        ? `${r.Account__c}:${Math.trunc(Number(r.Fiscal_Year__c))}`
        : null,
    errorField: 'Fiscal_Year__c',
    message: (r) => duplicatePlanMessage(Number(r.Fiscal_Year__c))
  },
  Landscape_Cell__c: {
    key: (r) =>
      has(r.Buying_Center__c) && has(r.Offering__c) && has(r.Fiscal_Year__c)
        ? `${r.Buying_Center__c}:${r.Offering__c}:${Math.trunc(Number(r.Fiscal_Year__c))}`
        : null,
    errorField: 'Offering__c',
    message: (r) => duplicateCellMessage(Number(r.Fiscal_Year__c))
  }
};

/**
 * Twin of BantEvidence (called by OpportunityContactRoleTrigger and ContactTrigger): the formula
 * Keyplan_BANT_Score__c cannot read contact roles, so Apex keeps two counts on the Opportunity,
 * Keyplan_Authority_Roles__c and Keyplan_Budget_Owner_Roles__c (keyplanCore roleEvidence over the
 * roles' contacts). They are recounted when a contact role is inserted, updated or deleted, and when a
 * contact's buyer role, decision role or budget owned changes.
 */
export const BANT_EVIDENCE_CONTACT_FIELDS = [
  'Keyplan_Buyer_Role__c',
  'Keyplan_Decision_Role__c',
  'Keyplan_Budget_Owned__c'
] as const;

/** What a save of this record makes BantEvidence recount: opportunity ids, or a contact's opportunities. */
export function bantEvidenceTouched(
  objectName: string,
  prior: SfRecord | undefined,
  rec: SfRecord | undefined
): { opportunityIds: string[]; contactId: string | null } {
  if (objectName === 'OpportunityContactRole') {
    const ids = new Set<string>();
    for (const r of [prior, rec]) if (r && typeof r.OpportunityId === 'string') ids.add(r.OpportunityId);
    // A role that moved to another contact changes the counts of its opportunity only.
    return { opportunityIds: [...ids], contactId: null };
  }
  if (
    objectName === 'Contact' &&
    prior &&
    rec &&
    BANT_EVIDENCE_CONTACT_FIELDS.some((f) => prior[f] !== rec[f])
  )
    return { opportunityIds: [], contactId: String(rec.Id) };
  return { opportunityIds: [], contactId: null };
}
