import { LightningElement, api } from 'lwc';
import locale from '@salesforce/i18n/locale';
import currency from '@salesforce/i18n/currency';
import { formatCurrency, type AccountTeam, type WorklistGroup, type WorklistItem } from 'c/keyplanCore';

/** Items shown per group before "Show all": a big account has thousands. */
export const GROUP_LIMIT = 8;

/**
 * Coverage as a worklist (keyplanCore `coverageWorklist`): groups of gaps, each ordered by the money at
 * stake in the person's buying center, each item with one action (add a team link, focus the buying
 * center, update the stale link). Fires `action` with the item's ids. Below it, our account team.
 */
export default class OrgChartCoverage extends LightningElement {
  @api groups: WorklistGroup[] = [];
  @api team: AccountTeam | null = null;

  expanded = new Set<string>();

  get view(): {
    code: string;
    heading: string;
    items: (WorklistItem & { moneyText: string; actionText: string })[];
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
          actionText: `${i.actionLabel}: ${i.text}`
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

  handleTeamSelect(event: CustomEvent<{ contactId: string }>): void {
    event.stopPropagation();
    this.dispatchEvent(
      new CustomEvent('action', {
        detail: { action: 'open', contactId: event.detail.contactId, buyingCenterId: null, linkId: null }
      })
    );
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }
}
