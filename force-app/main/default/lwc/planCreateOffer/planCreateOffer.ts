import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import type { PlanActionPrefillInput } from 'c/keyplanCore';
import { createPlanFor, newPlanActionPage, noPlanText, type PlanTarget } from 'c/planActionTarget';

/** The plan action to open once the plan exists (keyplanCore planActionPrefill input, without the plan). */
export type PlanActionInput = Omit<PlanActionPrefillInput, 'planId'>;

/**
 * The offer a "Plan action" makes when the account has no plan for the fiscal year the action is due in
 * (c/planActionTarget planForAction found none; docs/DEFINITIONS.md "New plan action"): says so, and on
 * request creates that year's Draft plan (AccountPlanController.createPlan) and opens the action's standard
 * create form in it. Shared by the BANT gaps, the coverage worklist and the next moves, which show it under
 * the item that asked. Fires `cancel` (the user closed it) and `created` (detail `{ plan }`, after navigating);
 * a failed create stays open with the reason.
 */
export default class PlanCreateOffer extends NavigationMixin(LightningElement) {
  /** The account and the fiscal year without a plan; nothing is shown without one (or when it has a plan). */
  @api target: PlanTarget | null = null;
  /** The plan action the user asked for. */
  @api action: PlanActionInput | null = null;

  creating = false;
  error: unknown = null;

  get hasOffer(): boolean {
    return !!this.target && !this.target.plan;
  }
  get text(): string {
    return this.target ? noPlanText(this.target) : '';
  }
  get createLabel(): string {
    return this.target ? `Create the FY${this.target.fiscalYear} plan` : '';
  }
  get createDisabled(): boolean {
    return this.creating || !this.action;
  }
  /** Assistive technology hears that the offer is working while the plan is created. */
  get busy(): string {
    return this.creating ? 'true' : 'false';
  }

  handleCancel(): void {
    this.error = null;
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  /** Creates the year's plan, then opens the action's create form in it. */
  async handleCreate(): Promise<void> {
    const target = this.target;
    const action = this.action;
    if (!target || !action || this.creating) return;
    this.creating = true;
    this.error = null;
    try {
      const plan = await createPlanFor(target.accountId, target.fiscalYear);
      this[NavigationMixin.Navigate](newPlanActionPage(plan, action));
      this.dispatchEvent(new CustomEvent('created', { detail: { plan } }));
    } catch (error) {
      this.error = error;
    } finally {
      this.creating = false;
    }
  }
}
