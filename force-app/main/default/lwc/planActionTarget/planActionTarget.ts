/**
 * Where a new plan action goes (docs/DEFINITIONS.md "New plan action"), shared by every "create a plan
 * action": the account's plan of the fiscal year the action is due in, read from
 * AccountPlanController.getPlanSummary (cacheable; called on click only, never on render), created with
 * AccountPlanController.createPlan when the user asks, and the standard Plan Action create form page
 * prefilled by keyplanCore planActionPrefill.
 */
import getPlanSummary from '@salesforce/apex/AccountPlanController.getPlanSummary';
import createPlan from '@salesforce/apex/AccountPlanController.createPlan';
import {
  fiscalYearSetting,
  planActionFiscalYear,
  planActionPrefill,
  type PlanActionPrefill,
  type PlanActionPrefillInput
} from 'c/keyplanCore';

export interface PlanRef {
  id: string;
  name: string;
}

/** The plan a new action belongs to, or null when the account has none for that year. */
export interface PlanTarget {
  accountId: string;
  /** The account's name, when the summary names it (the message says whose plan is missing). */
  accountName: string | null;
  fiscalYear: number;
  plan: PlanRef | null;
}

export interface PageReference {
  type: string;
  attributes: Record<string, string>;
  state?: Record<string, string>;
}

/**
 * The account's plan of the fiscal year `dueDate` falls in. The org's fiscal year setting comes with the
 * summary: a first read by calendar year, a second one only when the org's year differs.
 */
export async function planForAction(accountId: string, dueDate: string): Promise<PlanTarget> {
  let fiscalYear = planActionFiscalYear(dueDate);
  let summary = await getPlanSummary({ accountId, fiscalYear });
  const orgYear = planActionFiscalYear(
    dueDate,
    fiscalYearSetting(summary.fiscalYearStartMonth, summary.fiscalYearNamedByStart)
  );
  if (orgYear !== fiscalYear) {
    fiscalYear = orgYear;
    summary = await getPlanSummary({ accountId, fiscalYear });
  }
  const plan = summary.plan ? { id: summary.plan.id, name: summary.plan.name } : null;
  const accountName = (summary.accounts ?? []).find((a) => a.id === accountId)?.name ?? null;
  return { accountId, accountName, fiscalYear, plan };
}

/** Creates the account's (Draft) plan for the year, for an action that found none. */
export async function createPlanFor(accountId: string, fiscalYear: number): Promise<PlanRef> {
  const plan = await createPlan({ accountId, fiscalYear });
  return { id: plan.id, name: plan.name };
}

/** `defaultFieldValues` as lightning/pageReferenceUtils encodes it (blank values left out). */
export function encodeFieldValues(values: Record<string, string | null>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join(',');
}

/** The standard create form of a Plan Action, opened with these fields. */
export function planActionPage(values: PlanActionPrefill): PageReference {
  return {
    type: 'standard__objectPage',
    attributes: { objectApiName: 'Plan_Action__c', actionName: 'new' },
    state: {
      defaultFieldValues: encodeFieldValues({ ...values }),
      navigationLocation: 'RELATED_LIST'
    }
  };
}

/** The create form page of a new action of this plan. */
export function newPlanActionPage(
  plan: PlanRef,
  input: Omit<PlanActionPrefillInput, 'planId'>
): PageReference {
  return planActionPage(planActionPrefill({ ...input, planId: plan.id }));
}

/**
 * Starts a plan action: opens its create form (`navigate`) in the account's plan of the year the action is
 * due in, or, when the account has no plan for that year, opens nothing and returns where the plan is missing
 * (the caller offers to create it: c-plan-create-offer).
 */
export async function openPlanAction(
  accountId: string,
  input: Omit<PlanActionPrefillInput, 'planId'> & { dueDate: string },
  navigate: (page: PageReference) => void
): Promise<PlanTarget | null> {
  const target = await planForAction(accountId, input.dueDate);
  if (!target.plan) return target;
  navigate(newPlanActionPage(target.plan, input));
  return null;
}

/** What an action tells the user when the account has no plan for the year. */
export function noPlanText(target: Pick<PlanTarget, 'accountName' | 'fiscalYear'>): string {
  return `${target.accountName ?? 'This account'} has no account plan for FY${target.fiscalYear} yet: a plan action belongs to one.`;
}
