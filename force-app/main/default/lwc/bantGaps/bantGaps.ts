import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getRoleCandidates from '@salesforce/apex/BantController.getRoleCandidates';
import addContactRole from '@salesforce/apex/BantController.addContactRole';
import type { BantOpportunity, BantRoleCandidate, SalesStageDto } from '@keyplan/contracts';
import USER_ID from '@salesforce/user/Id';
import { openPlanAction, type PlanTarget } from 'c/planActionTarget';
import type { PlanActionInput } from 'c/planCreateOffer';
import {
  bantGapSubject,
  bantGaps,
  contactRoleFor,
  planActionDueDate,
  rankRoleCandidates,
  type BantGap,
  type KeyplanSettings
} from 'c/keyplanCore';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ACTION_LABEL: Record<BantGap['action'], string> = {
  addContactRole: 'Add contact role',
  writeEvidence: 'Write evidence',
  planAction: 'Plan action'
};

/** People offered at first (the best ranked); the rest on request. */
export const FIRST_CANDIDATES = 6;

/**
 * The gaps of one open opportunity, each with its next step. "Add contact role" lists the people of the
 * deal's buying center (economic buyers first, rankRoleCandidates) and adds the chosen one through
 * BantController.addContactRole; "Write evidence" asks the card to open its editor on that dimension;
 * "Plan action" opens the standard Plan Action create form prefilled by keyplanCore planActionPrefill, in the
 * account's plan of the year (c/planActionTarget); without a plan it says so and offers to create it
 * (c/planCreateOffer).
 * Every gap offers a plan action. A gap disappears once the opportunity no longer has it.
 */
export default class BantGaps extends NavigationMixin(LightningElement) {
  @api opportunity?: BantOpportunity;
  @api settings?: Partial<KeyplanSettings>;
  @api stages: SalesStageDto[] = [];

  /** The gap whose contact-role picker is open. */
  picking: string | null = null;
  loading = false;
  adding = false;
  error: unknown = null;
  candidates: BantRoleCandidate[] = [];
  buyingCenterName: string | null = null;
  chosen: string | null = null;
  showAll = false;
  /** The gap whose plan action is being prepared; the gap whose year has no plan, with its action. */
  planning: string | null = null;
  noPlan: { code: string; target: PlanTarget; action: PlanActionInput } | null = null;
  planError: unknown = null;

  get gaps() {
    const o = this.opportunity;
    if (!o) return [];
    // The core names the opportunity in each message (for lists and exports); inside its own card
    // the name is already the heading, so the message starts after it.
    const prefix = `${o.name}: `;
    return bantGaps(o, {
      settings: this.settings,
      stages: this.stages?.length ? this.stages : undefined
    }).map((g) => ({
      ...g,
      key: g.code,
      text: g.message.startsWith(prefix) ? capitalise(g.message.slice(prefix.length)) : g.message,
      iconName: g.severity === 'error' ? 'utility:error' : 'utility:warning',
      iconVariant: g.severity === 'error' ? 'error' : 'warning',
      iconLabel: g.severity === 'error' ? 'Problem' : 'Warning',
      actionLabel: ACTION_LABEL[g.action],
      actionTitle: `${ACTION_LABEL[g.action]}: ${g.message}`,
      hasMainAction: g.action !== 'planAction',
      planTitle: `Plan action: ${g.message}`,
      isPlanning: this.planning === g.code,
      hasNoPlan: this.noPlan?.code === g.code,
      planFailed: this.planError !== null && this.planCode === g.code,
      isPicking: this.picking === g.code
    }));
  }
  get hasGaps(): boolean {
    return this.gaps.length > 0;
  }

  /** Candidates in offer order, not already on the deal, as radio options (the first few unless asked). */
  get candidateOptions() {
    const all = this.rankedOptions;
    return this.showAll ? all : all.slice(0, FIRST_CANDIDATES);
  }
  get hiddenCount(): number {
    return this.showAll ? 0 : Math.max(0, this.rankedOptions.length - FIRST_CANDIDATES);
  }
  get showAllLabel(): string {
    return `Show all ${this.rankedOptions.length} people`;
  }
  handleShowAll(): void {
    this.showAll = true;
  }
  private get rankedOptions() {
    const onDeal = (this.opportunity?.contactRoles ?? []).map((r) => r.contactId);
    return rankRoleCandidates(this.candidates, onDeal).map((c) => {
      const roles = [c.buyerRole, c.decisionRole].filter(Boolean).join(', ') || 'No buyer role';
      const where = c.inBuyingCenter ? '' : ` · ${c.buyingCenterName ?? 'no buying center'}`;
      return { label: `${c.name} · ${roles}${where}`, value: c.contactId };
    });
  }
  get hasCandidates(): boolean {
    return this.candidateOptions.length > 0;
  }
  get pickerLabel(): string {
    return this.buyingCenterName
      ? `People of ${this.buyingCenterName}, economic buyers first`
      : 'Economic buyers and decision makers of the account';
  }
  get addDisabled(): boolean {
    return !this.chosen || this.adding;
  }

  private find(event: Event): BantGap | undefined {
    const code = (event.currentTarget as HTMLElement).dataset.code;
    return this.gaps.find((g) => g.code === code);
  }

  async handleAction(event: Event): Promise<void> {
    const gap = this.find(event);
    if (!gap || !this.opportunity) return;
    if (gap.action === 'writeEvidence') {
      this.dispatchEvent(new CustomEvent('editevidence', { detail: { dimension: gap.dimension } }));
      return;
    }
    if (gap.action === 'addContactRole') await this.openPicker(gap.code);
  }

  private async openPicker(code: string): Promise<void> {
    this.picking = code;
    this.chosen = null;
    this.showAll = false;
    this.error = null;
    this.loading = true;
    try {
      const data = await getRoleCandidates({ opportunityId: this.opportunity!.id });
      this.candidates = data.candidates;
      this.buyingCenterName = data.buyingCenterName;
      this.chosen = this.candidateOptions[0]?.value ?? null;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
    Promise.resolve().then(() => this.template?.querySelector<HTMLElement>('.candidates')?.focus());
  }

  handleChoose(event: CustomEvent<{ value: string }>): void {
    this.chosen = event.detail.value;
  }

  handleCancelPick(): void {
    this.picking = null;
    this.error = null;
  }

  async handleAdd(): Promise<void> {
    const o = this.opportunity;
    const c = this.candidates.find((x) => x.contactId === this.chosen);
    if (!o || !c) return;
    this.adding = true;
    this.error = null;
    try {
      const saved = await addContactRole({
        opportunityId: o.id,
        contactId: c.contactId,
        role: contactRoleFor(c)
      });
      this.picking = null;
      this.dispatchEvent(
        new CustomEvent('saved', {
          detail: { opportunity: saved, message: `${c.name} added as a contact role.` }
        })
      );
    } catch (error) {
      this.error = error;
    } finally {
      this.adding = false;
    }
  }

  private planCode: string | null = null;

  private planInput(gap: BantGap) {
    const o = this.opportunity!;
    return {
      subject: bantGapSubject(gap, o.name),
      ownerId: USER_ID ?? null,
      dueDate: planActionDueDate(),
      reason: gap.message
    };
  }

  /**
   * The standard create form of a Plan Action in the account's plan of the year (keyplanCore
   * planActionPrefill: subject, owner the current user, due in two weeks); without a plan, says so.
   */
  async handlePlan(event: Event): Promise<void> {
    const gap = this.find(event);
    const o = this.opportunity;
    if (!gap || !o || this.planning) return;
    this.planning = gap.code;
    this.planCode = gap.code;
    this.noPlan = null;
    this.planError = null;
    try {
      const input = this.planInput(gap);
      if (!o.accountId)
        throw new Error(`${o.name} has no account: a plan action belongs to an account plan.`);
      const missing = await openPlanAction(o.accountId, input, (page) =>
        this[NavigationMixin.Navigate](page)
      );
      if (missing) this.noPlan = { code: gap.code, target: missing, action: input };
    } catch (error) {
      this.planError = error;
    } finally {
      this.planning = null;
    }
  }

  /** The offer closed: cancelled, or the plan was created and the action's create form opened. */
  handleOfferDone(): void {
    this.noPlan = null;
    this.planError = null;
  }
}
