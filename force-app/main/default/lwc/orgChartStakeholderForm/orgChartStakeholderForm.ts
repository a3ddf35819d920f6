import { LightningElement, api } from 'lwc';
import { stakeholderInput } from 'c/keyplanCore';
import type { ContactNode, ContactStakeholderInput, FieldAccess } from '@keyplan/contracts';

type Option = { label: string; value: string };
type FieldKey =
  'stance' | 'decisionRole' | 'buyerRole' | 'responseMode' | 'influenceLevel' | 'buyingCenterId';

const opts = (values: readonly string[]): Option[] => values.map((v) => ({ label: v, value: v }));
const NONE: Option = { label: '--None--', value: '' };

/** Picklist values (docs/DATA_MODEL.md); the contracts hold the same lists as zod enums. */
const PICKLISTS: Record<
  Exclude<FieldKey, 'buyingCenterId'>,
  { label: string; field: string; options: Option[] }
> = {
  stance: {
    label: 'Stance',
    field: 'Contact.Keyplan_Stance__c',
    options: opts(['Champion', 'Supporter', 'Neutral', 'Detractor', 'Unknown'])
  },
  decisionRole: {
    label: 'Decision role',
    field: 'Contact.Keyplan_Decision_Role__c',
    options: opts(['Decision Maker', 'Influencer', 'Gatekeeper', 'User'])
  },
  buyerRole: {
    label: 'Buyer role',
    field: 'Contact.Keyplan_Buyer_Role__c',
    options: opts(['Economic Buyer', 'User Buyer', 'Technical Buyer', 'Coach'])
  },
  responseMode: {
    label: 'Response mode',
    field: 'Contact.Keyplan_Response_Mode__c',
    options: opts(['Growth', 'Trouble', 'Even Keel', 'Overconfident'])
  },
  influenceLevel: {
    label: 'Influence',
    field: 'Contact.Keyplan_Influence_Level__c',
    options: opts(['Low', 'Medium', 'High', 'Very High'])
  }
};
const KEYS: FieldKey[] = [
  'stance',
  'decisionRole',
  'buyerRole',
  'responseMode',
  'influenceLevel',
  'buyingCenterId'
];

/**
 * A contact's stakeholder fields edited in place (field-level security respected). Keeps the user's input
 * until the contact changes (a save succeeded, another person), so an error never loses it. Fires
 * `savestakeholder` with every field (Apex cannot tell a missing property from null).
 */
export default class OrgChartStakeholderForm extends LightningElement {
  @api fieldAccess: Record<string, FieldAccess> = {};
  @api buyingCenters: Option[] = [];
  @api saving = false;

  draft: Record<string, string> = {};
  budgetError = '';
  private current: ContactNode | null = null;

  @api
  get contact(): ContactNode | null {
    return this.current;
  }
  set contact(value: ContactNode | null) {
    const before = this.current;
    this.current = value;
    if (value && (before?.id !== value.id || before?.lastModified !== value.lastModified)) this.resetDraft();
  }

  private resetDraft(): void {
    const c = this.current;
    if (!c) return;
    this.budgetError = '';
    this.draft = {
      stance: c.stance ?? '',
      decisionRole: c.decisionRole ?? '',
      buyerRole: c.buyerRole ?? '',
      responseMode: c.responseMode ?? '',
      influenceLevel: c.influenceLevel ?? '',
      buyingCenterId: c.buyingCenterId ?? '',
      budgetOwned: c.budgetOwned == null ? '' : String(c.budgetOwned)
    };
  }

  private access(field: string): FieldAccess {
    // A field the server did not describe is left to the server: Apex saves in user mode anyway.
    return this.fieldAccess?.[field] ?? { readable: true, updateable: true };
  }

  get fields(): { key: string; label: string; value: string; options: Option[]; disabled: boolean }[] {
    const list: { key: string; label: string; value: string; options: Option[]; disabled: boolean }[] = [];
    for (const [key, p] of Object.entries(PICKLISTS)) {
      const a = this.access(p.field);
      if (!a.readable) continue;
      list.push({
        key,
        label: p.label,
        value: this.draft[key] ?? '',
        options: [NONE, ...p.options],
        disabled: !a.updateable || this.saving
      });
    }
    const bc = this.access('Contact.Keyplan_Buying_Center__c');
    if (bc.readable) {
      list.push({
        key: 'buyingCenterId',
        label: 'Buying center',
        value: this.draft.buyingCenterId ?? '',
        options: [NONE, ...(this.buyingCenters ?? [])],
        disabled: !bc.updateable || this.saving
      });
    }
    return list;
  }

  get showBudget(): boolean {
    return this.access('Contact.Keyplan_Budget_Owned__c').readable;
  }
  get budgetEditable(): boolean {
    return this.access('Contact.Keyplan_Budget_Owned__c').updateable;
  }
  get budgetDisabled(): boolean {
    return !this.budgetEditable || this.saving;
  }
  get budgetValue(): string {
    return this.draft.budgetOwned ?? '';
  }
  get canEditAny(): boolean {
    return this.fields.some((f) => !f.disabled) || (this.showBudget && this.budgetEditable);
  }
  get saveDisabled(): boolean {
    return this.saving || Object.keys(this.changes()).length === 0;
  }

  private changes(): Partial<ContactStakeholderInput> {
    const c = this.current;
    if (!c) return {};
    const out: Record<string, unknown> = {};
    for (const key of KEYS) {
      const now = this.draft[key] || null;
      if (now !== (c[key] ?? null)) out[key] = now;
    }
    const budget =
      this.draft.budgetOwned === '' || this.draft.budgetOwned === undefined
        ? null
        : Number(this.draft.budgetOwned);
    if (budget !== (c.budgetOwned ?? null)) out.budgetOwned = budget;
    return out as Partial<ContactStakeholderInput>;
  }

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    const key = (event.target as HTMLElement).dataset.field as string;
    this.draft = { ...this.draft, [key]: event.detail.value ?? '' };
  }

  handleCancel(): void {
    this.resetDraft();
  }

  handleSave(): void {
    const c = this.current;
    if (!c) return;
    const budget = this.draft.budgetOwned;
    if (budget && (!Number.isFinite(Number(budget)) || Number(budget) < 0)) {
      this.budgetError = 'Budget owned must be a positive amount.';
      return;
    }
    this.budgetError = '';
    // Every stakeholder field: the contact's current values with the user's edits on top.
    const input = stakeholderInput(c, this.changes());
    this.dispatchEvent(new CustomEvent('savestakeholder', { detail: { input } }));
  }
}
