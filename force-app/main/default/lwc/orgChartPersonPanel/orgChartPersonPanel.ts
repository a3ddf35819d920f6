import { LightningElement, api } from 'lwc';
import locale from '@salesforce/i18n/locale';
import currency from '@salesforce/i18n/currency';
import { formatCurrency, formatDate } from 'c/keyplanCore';
import type { ContactStakeholderInput, FieldAccess, RelationshipLinkInput } from '@keyplan/contracts';
import type { PersonDetails, PersonLink } from '../orgChartHeatmap/viewModel';

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
const LINK_TYPES = opts(['Influence', 'Informal', 'Dotted Line', 'Coverage']);
const FREQUENCIES = opts(['Weekly', 'Monthly', 'Quarterly', 'Rarely']);
const STRENGTHS: Option[] = [1, 2, 3, 4, 5].map((n) => ({ label: String(n), value: String(n) }));
const POLARITIES = opts(['Positive', 'Negative']);
const DIRECTIONS: Option[] = [
  { label: 'This person influences the other', value: 'out' },
  { label: 'The other person influences this one', value: 'in' }
];
/** How many people the picker lists at once; the search narrows 10,000 down. */
const PICKER_LIMIT = 50;

interface LinkDraft {
  direction: string;
  search: string;
  otherId: string;
  type: string;
  strength: string;
  frequency: string;
  polarity: string;
  lastInteraction: string;
}

const emptyLink = (): LinkDraft => ({
  direction: 'out',
  search: '',
  otherId: '',
  type: 'Influence',
  strength: '3',
  frequency: 'Monthly',
  polarity: 'Positive',
  lastInteraction: ''
});

/**
 * The side panel of one person: stakeholder fields edited in place (field-level security respected),
 * their relationship links with add and remove. It keeps the user's input until a save succeeds, so
 * a conflict or a validation error never loses it.
 */
export default class OrgChartPersonPanel extends LightningElement {
  @api people: Option[] = [];
  @api fieldAccess: Record<string, FieldAccess> = {};
  @api buyingCenters: Option[] = [];
  @api accountId = '';
  @api saving = false;
  @api error: unknown = null;
  @api conflict = false;

  draft: Record<string, string> = {};
  linkDraft: LinkDraft = emptyLink();
  linkError = '';
  private current: PersonDetails | null = null;
  private focusHeading = false;

  @api
  get person(): PersonDetails | null {
    return this.current;
  }
  set person(value: PersonDetails | null) {
    const before = this.current;
    this.current = value;
    if (!value) return;
    const other = !before || before.contact.id !== value.contact.id;
    if (other || before?.contact.lastModified !== value.contact.lastModified) this.resetDraft();
    if (other || before?.links.length !== value.links.length) {
      this.linkDraft = emptyLink();
      this.linkError = '';
    }
    if (other) this.focusHeading = true;
  }

  override renderedCallback(): void {
    if (this.focusHeading) {
      this.focusHeading = false;
      this.template?.querySelector<HTMLElement>('.person-name')?.focus();
    }
  }

  private resetDraft(): void {
    const c = this.current?.contact;
    if (!c) return;
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

  get contact(): PersonDetails['contact'] | null {
    return this.current?.contact ?? null;
  }
  get name(): string {
    return this.current?.contact.name ?? '';
  }
  get subtitle(): string {
    const c = this.current?.contact;
    return [c?.title, this.current?.managerName ? `reports to ${this.current.managerName}` : null]
      .filter(Boolean)
      .join(', ');
  }
  get heatText(): string {
    const h = this.current?.heat;
    return h ? `${h.heat} (${h.band}), ${h.teamLinks} team link${h.teamLinks === 1 ? '' : 's'}` : '\u00a0';
  }
  /** Where the heat comes from in activity (c-org-chart-activity-source). */
  get activitySource(): PersonDetails['activity'] | null {
    return this.current?.activity ?? null;
  }
  get lastInteractionText(): string {
    return this.current?.lastInteraction
      ? formatDate(this.current.lastInteraction, { locale })
      : 'No interaction recorded';
  }
  get budgetText(): string {
    return formatCurrency(this.current?.contact.budgetOwned ?? null, currency || 'USD', { locale }) || '—';
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
  get isDirty(): boolean {
    return Object.keys(this.changes()).length > 0;
  }
  get saveDisabled(): boolean {
    return this.saving || !this.isDirty;
  }

  private changes(): Partial<ContactStakeholderInput> {
    const c = this.current?.contact;
    if (!c) return {};
    const out: Record<string, unknown> = {};
    const keys: FieldKey[] = [
      'stance',
      'decisionRole',
      'buyerRole',
      'responseMode',
      'influenceLevel',
      'buyingCenterId'
    ];
    for (const key of keys) {
      const now = this.draft[key] || null;
      if (now !== (c[key] ?? null)) out[key] = now;
    }
    const budget =
      this.draft.budgetOwned === '' || this.draft.budgetOwned === undefined
        ? null
        : Number(this.draft.budgetOwned);
    if (budget !== c.budgetOwned) out.budgetOwned = budget;
    return out as Partial<ContactStakeholderInput>;
  }

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    const key = (event.target as HTMLElement).dataset.field as string;
    this.draft = { ...this.draft, [key]: event.detail.value ?? '' };
  }

  handleCancel(): void {
    this.resetDraft();
  }

  budgetError = '';

  handleSave(): void {
    const c = this.current?.contact;
    if (!c) return;
    const budget = this.draft.budgetOwned;
    if (budget && (!Number.isFinite(Number(budget)) || Number(budget) < 0)) {
      this.linkError = '';
      this.budgetError = 'Budget owned must be a positive amount.';
      return;
    }
    this.budgetError = '';
    // Apex writes every stakeholder field (it cannot tell a missing property from null), so the input
    // carries all of them: the contact's current values with the user's edits on top.
    const input: ContactStakeholderInput = {
      id: c.id,
      lastModified: c.lastModified,
      stance: c.stance ?? null,
      decisionRole: c.decisionRole ?? null,
      buyerRole: c.buyerRole ?? null,
      responseMode: c.responseMode ?? null,
      influenceLevel: c.influenceLevel ?? null,
      buyingCenterId: c.buyingCenterId ?? null,
      budgetOwned: c.budgetOwned ?? null,
      reportsToId: c.reportsToId ?? null,
      ...this.changes()
    };
    this.dispatchEvent(new CustomEvent('savestakeholder', { detail: { input } }));
  }

  // ---- links ----
  get links(): (PersonLink & { removeLabel: string; canSelect: boolean; polarityClass: string })[] {
    return (this.current?.links ?? []).map((l) => ({
      ...l,
      removeLabel: `Remove the link ${l.outgoing ? 'to' : 'from'} ${l.otherName}`,
      canSelect: !l.fromUser && l.otherId !== null,
      polarityClass: l.link.polarity === 'Negative' ? 'link-item negative' : 'link-item positive'
    }));
  }
  get hasLinks(): boolean {
    return this.links.length > 0;
  }
  get issues(): { key: string; message: string }[] {
    return (this.current?.issues ?? []).map((i, n) => ({ key: `${i.code}-${n}`, message: i.message }));
  }
  get hasIssues(): boolean {
    return this.issues.length > 0;
  }

  get canEditLinks(): boolean {
    return [
      'Relationship_Link__c.Type__c',
      'Relationship_Link__c.Strength__c',
      'Relationship_Link__c.Polarity__c'
    ].every((f) => this.access(f).updateable);
  }
  get frequencyDisabled(): boolean {
    return !this.access('Relationship_Link__c.Frequency__c').updateable;
  }
  get dateDisabled(): boolean {
    return !this.access('Relationship_Link__c.Last_Interaction__c').updateable;
  }
  get directionOptions(): Option[] {
    return DIRECTIONS;
  }
  get typeOptions(): Option[] {
    return LINK_TYPES;
  }
  get strengthOptions(): Option[] {
    return STRENGTHS;
  }
  get frequencyOptions(): Option[] {
    return [NONE, ...FREQUENCIES];
  }
  get polarityOptions(): Option[] {
    return POLARITIES;
  }
  get otherOptions(): Option[] {
    const needle = this.linkDraft.search.trim().toLowerCase();
    const list = this.people ?? [];
    const out: Option[] = [];
    for (const o of list) {
      if (needle && !o.label.toLowerCase().includes(needle)) continue;
      out.push(o);
      if (out.length >= PICKER_LIMIT) break;
    }
    // Keep the chosen person selectable even when the search no longer lists them.
    if (this.linkDraft.otherId && !out.some((o) => o.value === this.linkDraft.otherId)) {
      const chosen = list.find((o) => o.value === this.linkDraft.otherId);
      if (chosen) out.unshift(chosen);
    }
    return out;
  }
  get otherPlaceholder(): string {
    const n = this.otherOptions.length;
    return n ? `Choose from ${n}${n >= PICKER_LIMIT ? '+' : ''} people` : 'No one matches the search';
  }

  handleLinkChange(event: CustomEvent<{ value: string }>): void {
    const key = (event.target as HTMLElement).dataset.field as keyof LinkDraft;
    this.linkDraft = { ...this.linkDraft, [key]: event.detail.value ?? '' };
    if (key === 'otherId') this.linkError = '';
  }

  handleAddLink(): void {
    const c = this.current?.contact;
    if (!c) return;
    const d = this.linkDraft;
    if (!d.otherId) {
      this.linkError = 'Choose the other person first.';
      return;
    }
    this.linkError = '';
    const outgoing = d.direction === 'out';
    const input: RelationshipLinkInput = {
      accountId: this.accountId,
      fromContactId: outgoing ? c.id : d.otherId,
      fromUserId: null,
      toContactId: outgoing ? d.otherId : c.id,
      type: d.type as RelationshipLinkInput['type'],
      strength: Number(d.strength),
      frequency: (d.frequency || null) as RelationshipLinkInput['frequency'],
      influenceLevel: null,
      polarity: d.polarity as RelationshipLinkInput['polarity'],
      lastInteraction: d.lastInteraction || null
    };
    this.dispatchEvent(new CustomEvent('savelink', { detail: { input } }));
  }

  handleRemoveLink(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const link = this.current?.links.find((l) => l.id === id);
    if (!link) return;
    this.dispatchEvent(
      new CustomEvent('deletelink', { detail: { linkId: link.id, lastModified: link.link.lastModified } })
    );
  }

  handleSelectOther(event: Event): void {
    const contactId = (event.currentTarget as HTMLElement).dataset.id;
    if (contactId) this.dispatchEvent(new CustomEvent('selectperson', { detail: { contactId } }));
  }

  handleFocus(): void {
    if (this.current)
      this.dispatchEvent(new CustomEvent('focusperson', { detail: { contactId: this.current.contact.id } }));
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }

  handleReload(): void {
    this.dispatchEvent(new CustomEvent('reload'));
  }

  get friendlyError(): string {
    return this.conflict
      ? 'Someone changed this record after you opened it. Your input is kept: reload to see their changes, then save again.'
      : 'Your changes were not saved. Your input is kept; correct it and save again.';
  }
}
