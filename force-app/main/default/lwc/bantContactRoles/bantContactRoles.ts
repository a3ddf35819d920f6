import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import type { BantContactRole } from '@keyplan/contracts';

/**
 * The contact roles of one opportunity (name, role, buyer or decision role, primary) and the link to the
 * standard Contact Roles related list, where "Add Contact Roles" lives. The BANT card shows it in its
 * detail layout and, smaller, under Authority in its editor.
 */
export default class BantContactRoles extends NavigationMixin(LightningElement) {
  /** The opportunity whose Contact Roles list "Add contact role" opens. */
  @api opportunityId?: string;
  @api roles: BantContactRole[] = [];
  /** Inside the editor: a smaller heading and a tighter top margin. */
  @api compact = false;

  get sectionClass(): string {
    return `contact-roles-section ${this.compact ? 'slds-m-top_x-small' : 'slds-m-top_small'}`;
  }

  get rows() {
    return (this.roles ?? []).map((r) => ({
      key: r.contactId,
      text: `${r.name} · ${r.role ?? 'No role'} · ${r.buyerRole ?? r.decisionRole ?? 'No buyer role'}${r.isPrimary ? ' · Primary' : ''}`
    }));
  }
  get hasRoles(): boolean {
    return this.rows.length > 0;
  }

  handleAdd(): void {
    if (!this.opportunityId) return;
    this[NavigationMixin.Navigate]({
      type: 'standard__recordRelationshipPage',
      attributes: {
        recordId: this.opportunityId,
        objectApiName: 'Opportunity',
        relationshipApiName: 'OpportunityContactRoles',
        actionName: 'view'
      }
    });
  }
}
