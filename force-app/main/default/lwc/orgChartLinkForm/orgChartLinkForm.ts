import { LightningElement, api } from 'lwc';
import type { FieldAccess, RelationshipLinkDto, RelationshipLinkInput } from '@keyplan/contracts';
import type { QuickUser } from 'c/orgChartUserLookup';

type Option = { label: string; value: string };

const opts = (values: readonly string[]): Option[] => values.map((v) => ({ label: v, value: v }));
const NONE: Option = { label: '--None--', value: '' };
const LINK_TYPES = opts(['Influence', 'Informal', 'Dotted Line', 'Coverage']);
const FREQUENCIES = opts(['Weekly', 'Monthly', 'Quarterly', 'Rarely']);
const STRENGTHS: Option[] = [
  { label: '1 (barely)', value: '1' },
  { label: '2', value: '2' },
  { label: '3', value: '3' },
  { label: '4', value: '4' },
  { label: '5 (trusted)', value: '5' }
];
const POLARITIES = opts(['Positive', 'Negative']);
const DIRECTIONS: Option[] = [
  { label: 'This person influences the other', value: 'out' },
  { label: 'The other person influences this one', value: 'in' }
];
/** How many people the picker lists at once; the search narrows 10,000 down. */
export const PICKER_LIMIT = 50;

export interface LinkDraft {
  direction: string;
  search: string;
  otherId: string;
  userId: string;
  type: string;
  strength: string;
  frequency: string;
  polarity: string;
  lastInteraction: string;
}

/**
 * Adds or edits one relationship link of a person. `kind` "team": one of our users knows this person
 * ("I know her": From_User__c, the current user by default); "network": a link between this person and a
 * colleague (From_Contact__c). With `editing` set the form starts from that link and saves it in place
 * (id + lastModified, so a stale copy is refused). Fires `savelink` and `cancel`.
 */
export default class OrgChartLinkForm extends LightningElement {
  @api kind: 'team' | 'network' = 'network';
  @api contactId = '';
  @api accountId = '';
  @api people: Option[] = [];
  /** Our users to pick from (the account team); the current user is offered first. `meta` says why they are here. */
  @api users: (Option & { meta?: string })[] = [];
  /** A new team link starts with this user chosen (opened from the team lane for one of our people). */
  @api presetUserId = '';
  @api currentUserId = '';
  @api fieldAccess: Record<string, FieldAccess> = {};
  @api saving = false;
  @api editing: RelationshipLinkDto | null = null;

  draft: LinkDraft = {
    direction: 'out',
    search: '',
    otherId: '',
    userId: '',
    type: 'Influence',
    strength: '3',
    frequency: 'Monthly',
    polarity: 'Positive',
    lastInteraction: ''
  };
  error = '';
  /** The user last picked in the lookup (a search result is in no list the form holds). */
  private pickedUser: Option | null = null;
  private started = false;

  override connectedCallback(): void {
    if (!this.started) {
      this.started = true;
      this.draft = this.blank();
    }
  }

  private blank(): LinkDraft {
    const e = this.editing;
    if (e) {
      const outgoing = e.fromContactId === this.contactId;
      return {
        direction: outgoing ? 'out' : 'in',
        search: '',
        otherId: (outgoing ? e.toContactId : e.fromContactId) ?? '',
        userId: e.fromUserId ?? '',
        type: e.type ?? (e.fromUserId ? 'Coverage' : 'Influence'),
        strength: String(e.strength ?? 3),
        frequency: e.frequency ?? '',
        polarity: e.polarity ?? 'Positive',
        lastInteraction: e.lastInteraction ?? ''
      };
    }
    return {
      direction: 'out',
      search: '',
      otherId: '',
      userId: this.presetUserId || (this.currentUserId ?? ''),
      type: this.kind === 'team' ? 'Coverage' : 'Influence',
      strength: '3',
      frequency: 'Monthly',
      polarity: 'Positive',
      lastInteraction: ''
    };
  }

  private access(field: string): FieldAccess {
    return this.fieldAccess?.[field] ?? { readable: true, updateable: true };
  }

  get isTeam(): boolean {
    return this.kind === 'team';
  }
  get isEdit(): boolean {
    return !!this.editing;
  }
  get legend(): string {
    if (this.isTeam) return this.isEdit ? 'Edit our relationship' : 'Our relationship: who knows this person';
    return this.isEdit ? 'Edit the link' : 'Add a link to a colleague';
  }
  get saveLabel(): string {
    return this.isEdit ? 'Save link' : this.isTeam ? 'Add our relationship' : 'Add link';
  }
  /** The quick choices of the "who on our team" lookup: me first, then colleagues who already know people here. */
  get userOptions(): QuickUser[] {
    const list: QuickUser[] = (this.users ?? []).map((u) => ({
      ...u,
      meta: u.value === this.currentUserId ? 'You' : (u.meta ?? 'Knows people here')
    }));
    if (this.currentUserId && !list.some((u) => u.value === this.currentUserId))
      list.unshift({ label: 'Me', value: this.currentUserId, meta: 'You' });
    return list;
  }
  /** The name the lookup shows for the chosen user. */
  get userLabel(): string {
    const id = this.draft.userId;
    if (!id) return '';
    if (this.pickedUser?.value === id && this.pickedUser.label) return this.pickedUser.label;
    return (
      this.userOptions.find((u) => u.value === id)?.label ??
      (this.editing?.fromUserId === id ? (this.editing.fromUserName ?? '') : '')
    );
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
    const needle = this.draft.search.trim().toLowerCase();
    const list = this.people ?? [];
    const out: Option[] = [];
    for (const o of list) {
      if (needle && !o.label.toLowerCase().includes(needle)) continue;
      out.push(o);
      if (out.length >= PICKER_LIMIT) break;
    }
    // Keep the chosen person selectable even when the search no longer lists them.
    if (this.draft.otherId && !out.some((o) => o.value === this.draft.otherId)) {
      const chosen = list.find((o) => o.value === this.draft.otherId);
      if (chosen) out.unshift(chosen);
    }
    return out;
  }
  get otherPlaceholder(): string {
    const n = this.otherOptions.length;
    return n ? `Choose from ${n}${n >= PICKER_LIMIT ? '+' : ''} people` : 'No one matches the search';
  }

  handleChange(event: CustomEvent<{ value: string }>): void {
    const key = (event.target as HTMLElement).dataset.field as keyof LinkDraft;
    this.draft = { ...this.draft, [key]: event.detail.value ?? '' };
    if (key === 'otherId' || key === 'userId') this.error = '';
  }

  handleUserChange(event: CustomEvent<{ value: string; label: string }>): void {
    event.stopPropagation();
    this.pickedUser = { value: event.detail.value, label: event.detail.label ?? '' };
    this.draft = { ...this.draft, userId: event.detail.value ?? '' };
    this.error = '';
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSave(): void {
    const d = this.draft;
    const team = this.isTeam;
    if (team && !d.userId) {
      this.error = 'Choose who on our team knows this person.';
      return;
    }
    if (!team && !d.otherId) {
      this.error = 'Choose the other person first.';
      return;
    }
    this.error = '';
    const outgoing = d.direction === 'out';
    const input: RelationshipLinkInput = {
      accountId: this.accountId,
      fromContactId: team ? null : outgoing ? this.contactId : d.otherId,
      fromUserId: team ? d.userId : null,
      toContactId: !team && outgoing ? d.otherId : this.contactId,
      type: d.type as RelationshipLinkInput['type'],
      strength: Number(d.strength),
      frequency: (d.frequency || null) as RelationshipLinkInput['frequency'],
      influenceLevel: this.editing?.influenceLevel ?? null,
      polarity: d.polarity as RelationshipLinkInput['polarity'],
      lastInteraction: d.lastInteraction || null
    };
    if (this.editing) {
      input.id = this.editing.id;
      input.lastModified = this.editing.lastModified;
    }
    this.dispatchEvent(new CustomEvent('savelink', { detail: { input } }));
  }
}
