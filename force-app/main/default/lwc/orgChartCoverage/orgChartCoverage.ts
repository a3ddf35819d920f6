import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import locale from '@salesforce/i18n/locale';
import currency from '@salesforce/i18n/currency';
import USER_ID from '@salesforce/user/Id';
import {
  formatCurrency,
  planActionDueDate,
  type AccountTeam,
  type WorklistGroup,
  type WorklistItem
} from 'c/keyplanCore';
import { openPlanAction, type PlanTarget } from 'c/planActionTarget';
import type { PlanActionInput } from 'c/planCreateOffer';

/** Items shown per group before "Show all": a big account has thousands. */
export const GROUP_LIMIT = 8;

/**
 * Coverage as a worklist (keyplanCore `coverageWorklist`): groups of gaps, each ordered by the money at
 * stake in the person's buying center, each item with one action (add a team link, focus the buying
 * center, update the stale link). Fires `action` with the item's ids. A high-influence detractor also
 * offers "Plan action" (win them over): the standard Plan Action create form in the account's plan of the
 * year (c/planActionTarget, keyplanCore planActionPrefill), or, without a plan, the offer to create it
 * (c/planCreateOffer).
 * Below it, our account team.
 */
export default class OrgChartCoverage extends NavigationMixin(LightningElement) {
  @api groups: WorklistGroup[] = [];
  @api team: AccountTeam | null = null;
  /** The account (a plan action belongs to its plan of the year). */
  @api recordId?: string = undefined;

  /** The item whose plan action is being prepared; the item whose year has no plan, with its action. */
  planning: string | null = null;
  noPlan: { key: string; target: PlanTarget; action: PlanActionInput } | null = null;
  planError: unknown = null;
  private planKey: string | null = null;

  expanded = new Set<string>();

  get view(): {
    code: string;
    heading: string;
    items: (WorklistItem & {
      moneyText: string;
      actionText: string;
      planText: string;
      isPlanning: boolean;
      hasNoPlan: boolean;
      planFailed: boolean;
    })[];
    more: boolean;
    moreLabel: string;
  }[] {
    return (this.groups ?? []).map((g) => {
      const all = this.expanded.has(g.code);
      const shown = all ? g.items : g.items.slice(0, GROUP_LIMIT);
      return {
        code: g.code,
        heading: `${g.label} (${g.items.length})`,
        items: shown.map((i) => ({
          ...i,
          moneyText: i.money > 0 ? `${formatCurrency(i.money, currency || 'USD', { locale })} at stake` : '',
          actionText: `${i.actionLabel}: ${i.text}`,
          planText: `Plan action: ${i.planSubject ?? ''}`,
          isPlanning: this.planning === i.key,
          hasNoPlan: this.noPlan?.key === i.key,
          planFailed: this.planError !== null && this.planKey === i.key
        })),
        more: g.items.length > GROUP_LIMIT,
        moreLabel: all ? 'Show fewer' : `Show all ${g.items.length}`
      };
    });
  }

  get isClear(): boolean {
    return (this.groups ?? []).length === 0;
  }

  handleMore(event: Event): void {
    const code = (event.currentTarget as HTMLElement).dataset.code as string;
    const next = new Set(this.expanded);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    this.expanded = next;
  }

  private itemOf(event: Event): WorklistItem | undefined {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    for (const g of this.groups ?? []) {
      const hit = g.items.find((i) => i.key === key);
      if (hit) return hit;
    }
    return undefined;
  }

  handleOpen(event: Event): void {
    const i = this.itemOf(event);
    if (i) this.send('open', i);
  }

  handleAction(event: Event): void {
    const i = this.itemOf(event);
    if (i) this.send(i.action, i);
  }

  private send(action: string, i: WorklistItem): void {
    this.dispatchEvent(
      new CustomEvent('action', {
        detail: { action, contactId: i.contactId, buyingCenterId: i.buyingCenterId, linkId: i.linkId }
      })
    );
  }

  private planInput(i: WorklistItem) {
    return {
      subject: i.planSubject ?? i.text,
      ownerId: USER_ID ?? null,
      dueDate: planActionDueDate(),
      reason: i.text
    };
  }

  /** "Plan action": the create form in the account's plan of the year, or the offer to create that plan. */
  async handlePlan(event: Event): Promise<void> {
    const i = this.itemOf(event);
    if (!i || !this.recordId || this.planning) return;
    this.planning = i.key;
    this.planKey = i.key;
    this.noPlan = null;
    this.planError = null;
    try {
      const input = this.planInput(i);
      const missing = await openPlanAction(this.recordId, input, (page) =>
        this[NavigationMixin.Navigate](page)
      );
      if (missing) this.noPlan = { key: i.key, target: missing, action: input };
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

  handleTeamSelect(event: CustomEvent<{ contactId: string; action?: string; userId?: string }>): void {
    event.stopPropagation();
    const { contactId, action, userId } = event.detail;
    this.dispatchEvent(
      new CustomEvent('action', {
        detail: {
          action: action ?? 'open',
          contactId,
          buyingCenterId: null,
          linkId: null,
          userId: userId ?? null
        }
      })
    );
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }
}
