import { LightningElement, api } from 'lwc';
import locale from '@salesforce/i18n/locale';
import { formatDate } from 'c/keyplanCore';
import type { PersonLink } from '../orgChartHeatmap/personDetails';

export interface LinkItem extends PersonLink {
  canSelect: boolean;
  itemClass: string;
  editLabel: string;
  removeLabel: string;
  when: string;
  confirming: boolean;
}

/**
 * A list of relationship links: jump to the other person, edit a link, remove it after a confirmation
 * (nothing is deleted on the first click). Fires `selectperson`, `editlink` and `deletelink`.
 */
export default class OrgChartLinkList extends LightningElement {
  @api links: PersonLink[] = [];
  @api label = 'Relationship links';
  @api emptyText = 'No relationship links yet.';
  @api canEdit = false;
  @api saving = false;

  /** The link whose removal waits for a confirmation. */
  confirmId: string | null = null;

  get items(): LinkItem[] {
    return (this.links ?? []).map((l) => {
      const whom = l.outgoing ? `to ${l.otherName}` : `from ${l.otherName}`;
      return {
        ...l,
        canSelect: !l.fromUser && l.otherId !== null,
        itemClass: l.link.polarity === 'Negative' ? 'link-item negative' : 'link-item positive',
        editLabel: `Edit the link ${whom}`,
        removeLabel: `Remove the link ${whom}`,
        when: l.link.lastInteraction
          ? `last ${formatDate(l.link.lastInteraction, { locale })}`
          : 'no interaction date',
        confirming: this.confirmId === l.id
      };
    });
  }
  get hasLinks(): boolean {
    return (this.links ?? []).length > 0;
  }
  get confirmText(): string {
    const l = (this.links ?? []).find((x) => x.id === this.confirmId);
    return l ? `Remove the link ${l.outgoing ? 'to' : 'from'} ${l.otherName}?` : '';
  }

  handleSelect(event: Event): void {
    const contactId = (event.currentTarget as HTMLElement).dataset.id;
    if (contactId) this.dispatchEvent(new CustomEvent('selectperson', { detail: { contactId } }));
  }

  handleEdit(event: Event): void {
    const linkId = (event.currentTarget as HTMLElement).dataset.id;
    if (linkId) this.dispatchEvent(new CustomEvent('editlink', { detail: { linkId } }));
  }

  handleRemove(event: Event): void {
    this.confirmId = (event.currentTarget as HTMLElement).dataset.id ?? null;
    // Focus the confirmation so a keyboard user lands on the choice.
    Promise.resolve().then(() => this.template?.querySelector<HTMLElement>('.confirm-keep')?.focus());
  }

  handleKeep(): void {
    const id = this.confirmId;
    this.confirmId = null;
    Promise.resolve().then(() =>
      this.template?.querySelector<HTMLElement>(`.remove[data-id="${id}"]`)?.focus()
    );
  }

  handleConfirmRemove(): void {
    const link = (this.links ?? []).find((l) => l.id === this.confirmId);
    this.confirmId = null;
    if (!link) return;
    this.dispatchEvent(
      new CustomEvent('deletelink', { detail: { linkId: link.id, lastModified: link.link.lastModified } })
    );
  }
}
