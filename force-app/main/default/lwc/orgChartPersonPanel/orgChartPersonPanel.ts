import { LightningElement, api } from 'lwc';
import locale from '@salesforce/i18n/locale';
import currency from '@salesforce/i18n/currency';
import USER_ID from '@salesforce/user/Id';
import { formatCurrency, formatDate } from 'c/keyplanCore';
import type { FieldAccess, RelationshipLinkDto } from '@keyplan/contracts';
import type { PersonDetails, PersonLink } from '../orgChartHeatmap/viewModel';
import { fromActivity, heatText, knownByText } from './heatSource';

type Option = { label: string; value: string };
type FormKind = 'team' | 'network';
type StartAction = {
  seq: number;
  contactId: string;
  action: string;
  linkId: string | null;
  /** addTeamLink from the team lane: the form starts with this user of ours chosen. */
  userId?: string | null;
};

/** A signature of a person's links: it changes when a save or a delete landed. */
const linkSignature = (p: PersonDetails | null): string =>
  (p?.links ?? []).map((l) => `${l.id}@${l.link.lastModified}`).join('|');

/**
 * The side panel of one person: what we know (our relationship heat, their influence, our last
 * interaction), who on our team knows them (team links, added and edited in place: "I know them"), their
 * stakeholder fields and their links to colleagues. The children keep the user's input until a save
 * succeeds, so a conflict or a validation error never loses it; after a save the focus returns to the
 * button that opened the form.
 */
export default class OrgChartPersonPanel extends LightningElement {
  @api people: Option[] = [];
  @api fieldAccess: Record<string, FieldAccess> = {};
  @api buyingCenters: Option[] = [];
  @api accountId = '';
  @api saving = false;
  @api error: unknown = null;
  @api conflict = false;

  formKind: FormKind | null = null;
  /** The role title while adding a placeholder under this person (null: the form is closed). */
  placeholderTitle: string | null = null;
  placeholderError = '';
  editingId: string | null = null;
  private formSeq = 0;
  private current: PersonDetails | null = null;
  private focusTarget: string | null = null;
  private start: StartAction | null = null;
  private startSeq = 0;

  /** Opened from the coverage worklist: start with the team form ("addTeamLink") or a link's ("editLink"). */
  @api
  get startAction(): StartAction | null {
    return this.start;
  }
  set startAction(value: StartAction | null) {
    if (!value || value.seq === this.startSeq) return;
    this.startSeq = value.seq;
    this.start = value;
    this.applyStart();
  }

  private applyStart(): void {
    const s = this.start;
    if (!s || !this.current || s.contactId !== this.current.contact.id) return;
    this.start = null;
    const link = s.linkId ? this.current.links.find((l) => l.id === s.linkId) : undefined;
    if (s.action === 'editLink' && link) this.openForm(link.fromUser ? 'team' : 'network', link.id);
    else if (s.action === 'addTeamLink') {
      this.openForm('team', null);
      this.presetUserId = s.userId ?? '';
    }
  }
  /** The user a team form opened from the team lane starts with ('' = the current user). */
  presetUserId = '';

  @api
  get person(): PersonDetails | null {
    return this.current;
  }
  set person(value: PersonDetails | null) {
    const before = this.current;
    this.current = value;
    if (!value) return;
    const other = !before || before.contact.id !== value.contact.id;
    if (other) {
      this.placeholderTitle = null;
      this.closeForm();
      this.focusTarget = '.person-name';
      this.applyStart();
    } else if (linkSignature(before) !== linkSignature(value)) {
      // A link save or delete landed: close the form and give the focus back to what opened it.
      if (this.formKind) this.focusTarget = this.formKind === 'team' ? '.team-add' : '.network-add';
      this.closeForm();
    } else if (before?.contact.lastModified !== value.contact.lastModified) {
      this.focusTarget = '.stakeholder-heading';
    }
  }

  override renderedCallback(): void {
    if (this.focusTarget) {
      const target = this.focusTarget;
      this.focusTarget = null;
      this.template?.querySelector<HTMLElement>(target)?.focus();
    }
  }

  private closeForm(): void {
    this.formKind = null;
    this.editingId = null;
  }

  private access(field: string): FieldAccess {
    // A field the server did not describe is left to the server: Apex saves in user mode anyway.
    return this.fieldAccess?.[field] ?? { readable: true, updateable: true };
  }

  get name(): string {
    return this.current?.contact.name ?? '';
  }
  get contactId(): string {
    return this.current?.contact.id ?? '';
  }
  get contact(): PersonDetails['contact'] | null {
    return this.current?.contact ?? null;
  }
  get subtitle(): string {
    const c = this.current?.contact;
    return [c?.title, this.current?.managerName ? `reports to ${this.current.managerName}` : null]
      .filter(Boolean)
      .join(', ');
  }
  get heatText(): string {
    return heatText(this.current?.heat, this.teamLinks.length);
  }
  get influenceText(): string {
    const i = this.current?.influence;
    if (!i) return '\u00a0';
    const rank = this.current?.influenceRank;
    const place = rank ? ` (#${rank} of ${this.current?.contactCount ?? '?'})` : '';
    return `${i.influence}${place}, influences ${i.influences}, influenced by ${i.influencedBy}`;
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
  get showBudget(): boolean {
    return this.access('Contact.Keyplan_Budget_Owned__c').readable;
  }
  get budgetText(): string {
    return formatCurrency(this.current?.contact.budgetOwned ?? null, currency || 'USD', { locale }) || '—';
  }
  get issues(): { key: string; message: string }[] {
    return (this.current?.issues ?? []).map((i, n) => ({ key: `${i.code}-${n}`, message: i.message }));
  }
  get hasIssues(): boolean {
    return this.issues.length > 0;
  }

  // ---- links ----
  get teamLinks(): PersonLink[] {
    return (this.current?.links ?? []).filter((l) => l.fromUser);
  }
  get networkLinks(): PersonLink[] {
    return (this.current?.links ?? []).filter((l) => !l.fromUser);
  }
  get knownByText(): string {
    return knownByText(
      this.teamLinks.map((l) => l.link),
      fromActivity(this.current?.heat, this.teamLinks.length)
    );
  }
  get canEditLinks(): boolean {
    return [
      'Relationship_Link__c.Type__c',
      'Relationship_Link__c.Strength__c',
      'Relationship_Link__c.Polarity__c'
    ].every((f) => this.access(f).updateable);
  }
  get canAddTeam(): boolean {
    // Nobody knows a placeholder: it is a role, not a person yet.
    return (
      this.canEditLinks && this.access('Relationship_Link__c.From_User__c').updateable && !this.isPlaceholder
    );
  }
  get currentUserId(): string {
    return USER_ID ?? '';
  }
  get teamUsers(): Option[] {
    return this.current?.teamUsers ?? [];
  }
  get editingLink(): RelationshipLinkDto | null {
    return this.current?.links.find((l) => l.id === this.editingId)?.link ?? null;
  }
  /** One entry while a form of that kind is open, keyed so each opening starts a fresh form. */
  private formsOf(kind: FormKind): { key: string; kind: FormKind }[] {
    return this.formKind === kind ? [{ key: `form-${this.formSeq}`, kind }] : [];
  }
  get teamForms(): { key: string; kind: FormKind }[] {
    return this.formsOf('team');
  }
  get networkForms(): { key: string; kind: FormKind }[] {
    return this.formsOf('network');
  }

  private openForm(kind: FormKind, editingId: string | null): void {
    this.presetUserId = '';
    this.formSeq++;
    this.formKind = kind;
    this.editingId = editingId;
  }

  handleAddTeam(): void {
    this.openForm('team', null);
  }
  handleAddNetwork(): void {
    this.openForm('network', null);
  }
  handleEditLink(event: CustomEvent<{ linkId: string }>): void {
    const link = this.current?.links.find((l) => l.id === event.detail.linkId);
    if (link) this.openForm(link.fromUser ? 'team' : 'network', link.id);
  }
  handleFormCancel(): void {
    this.focusTarget = this.formKind === 'team' ? '.team-add' : '.network-add';
    this.closeForm();
  }

  /** Children's events are not composed: the panel passes them on to the chart. */
  private forward(event: CustomEvent): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent(event.type, { detail: event.detail }));
  }
  handleSaveLink(event: CustomEvent): void {
    this.forward(event);
  }
  handleDeleteLink(event: CustomEvent): void {
    this.forward(event);
  }
  handleSaveStakeholder(event: CustomEvent): void {
    this.forward(event);
  }
  handleSelectOther(event: CustomEvent): void {
    this.forward(event);
  }

  // ---- placeholders: a role we know exists under this person but cannot name yet ----
  get placeholderOpen(): boolean {
    return this.placeholderTitle !== null;
  }
  get isPlaceholder(): boolean {
    return !!this.current?.contact.placeholder;
  }
  handleAddPlaceholder(): void {
    this.placeholderTitle = '';
    this.placeholderError = '';
  }
  handlePlaceholderTitle(event: CustomEvent<{ value: string }>): void {
    this.placeholderTitle = event.detail.value ?? '';
  }
  handlePlaceholderCancel(): void {
    this.placeholderTitle = null;
    this.focusTarget = '.placeholder-add';
  }
  handlePlaceholderSave(): void {
    const c = this.current?.contact;
    const title = (this.placeholderTitle ?? '').trim();
    if (!c) return;
    if (!title) {
      this.placeholderError = 'Name the role, e.g. Chief Information Security Officer.';
      return;
    }
    this.placeholderError = '';
    const input = {
      accountId: this.accountId,
      title,
      reportsToId: c.id,
      buyingCenterId: c.buyingCenterId ?? null
    };
    this.dispatchEvent(new CustomEvent('createplaceholder', { detail: { input } }));
    this.placeholderTitle = null;
    this.focusTarget = '.placeholder-add';
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
