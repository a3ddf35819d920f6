import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import { updateRecord } from 'lightning/uiRecordApi';
import type { BantOpportunity as BantOpportunityDto, BantStatus, SalesStageDto } from '@keyplan/contracts';
import { isConflict } from 'c/keyplanErrors';
import {
  BANT_DIMENSIONS,
  evidenceOf,
  evidencedBantScore,
  formatCurrency,
  formatDate,
  isQualified,
  shownBantScore,
  shownStatus,
  type BantDimension,
  type KeyplanSettings
} from 'c/keyplanCore';
import {
  accessTo,
  changesOf,
  isEdited,
  saveOf,
  savedOpportunity,
  withDrafts,
  type BantFieldAccess,
  type Draft,
  type Drafts,
  type EvidenceKey,
  type FieldAccessLike,
  type StatusKey
} from './draft';

export { BANT_FIELDS } from './draft';
export type { BantFieldAccess } from './draft';

const LABEL: Record<BantDimension, string> = {
  budget: 'Budget',
  authority: 'Authority',
  need: 'Need',
  timing: 'Timing'
};
const STATUS_OPTIONS = ['Unknown', 'Missing', 'Identified', 'Confirmed'].map((s) => ({ label: s, value: s }));

/**
 * One open opportunity's BANT qualification: chips, score, gaps and an in-place quick edit. Owns its
 * draft so that a failed save (conflict, validation) keeps what the user typed.
 */
export default class BantOpportunity extends NavigationMixin(LightningElement) {
  @api threshold = 50;
  /** Detail layout for an Opportunity page: every dimension expanded with evidence and contact roles. */
  @api expanded = false;
  @api fieldAccess: BantFieldAccess = {};
  @api currencyCode: string = CURRENCY;
  /** The org's effective settings (from the panel's getSettings); the built-in defaults until they arrive. */
  @api settings?: Partial<KeyplanSettings>;
  /** The org's sales process (BantData.stages): gap expectations follow the stage's position in it. */
  @api stages: SalesStageDto[] = [];

  private opp?: BantOpportunityDto;
  editing = false;
  saving = false;
  saveError: unknown = null;
  drafts: Drafts = {};

  @api
  get opportunity(): BantOpportunityDto | undefined {
    return this.opp;
  }
  set opportunity(value: BantOpportunityDto | undefined) {
    this.opp = value;
  }

  get name(): string {
    return this.opp?.name ?? '';
  }
  get amount(): string {
    const formatted = formatCurrency(this.opp?.amount, this.currencyCode || CURRENCY, { locale: LOCALE });
    return formatted || 'No amount';
  }
  get closeDate(): string {
    return formatDate(this.opp?.closeDate, { locale: LOCALE });
  }
  get stageName(): string {
    return this.opp?.stageName ?? '';
  }
  get buyingCenter(): string {
    return this.opp?.buyingCenterName ?? 'No buying center';
  }
  get offering(): string {
    return this.opp?.offeringName ?? 'No offering';
  }

  /** The opportunity with the user's unsaved statuses and evidence (as loaded when not editing). */
  private get drafted(): BantOpportunityDto | undefined {
    const o = this.opp;
    return o && this.editing ? withDrafts(o, this.drafts) : o;
  }

  /**
   * As saved: the Keyplan_BANT_Score__c formula value. While the user edits statuses or evidence: the
   * score they would save, from the core with the evidence rules and the org's weights and points.
   */
  get score(): number {
    const o = this.opp;
    if (!o) return 0;
    // Only a real change leaves the formula value: a draft set back to the saved value is as saved.
    if (!this.editing || !isEdited(o, this.drafts)) return shownBantScore(o, this.settings);
    return evidencedBantScore(evidenceOf(this.drafted!), this.settings);
  }
  /** Score >= threshold, nothing Missing, no Confirmed without its evidence (isQualified). */
  get qualified(): boolean {
    const o = this.drafted;
    return !!o && isQualified(this.score, evidenceOf(o), Number(this.threshold));
  }
  get scoreLabel(): string {
    return `BANT score ${this.score} of 100, ${this.qualified ? 'qualified' : 'unqualified'}`;
  }
  get scoreClass(): string {
    return `score slds-badge ${this.qualified ? 'score_qualified' : 'score_unqualified'}`;
  }
  get qualificationText(): string {
    return this.qualified ? 'Qualified' : 'Unqualified';
  }

  private access(d: BantDimension): { status: FieldAccessLike; evidence: FieldAccessLike } {
    return accessTo(this.fieldAccess, d);
  }

  get dimensions() {
    const o = this.opp;
    return BANT_DIMENSIONS.map((d) => {
      const access = this.access(d);
      const status = (o?.[`${d}Status` as StatusKey] ?? null) as BantStatus | null;
      const evidence = (o?.[`${d}Evidence` as EvidenceKey] ?? null) as string | null;
      const draft = this.drafts[d];
      return {
        key: d,
        label: LABEL[d],
        status: access.status.readable ? status : null,
        shown: access.status.readable && o ? shownStatus(evidenceOf(o), d) : null,
        statusReadable: access.status.readable,
        evidence: access.evidence.readable ? evidence : null,
        evidenceReadable: access.evidence.readable,
        evidenceText: evidence || 'No evidence noted',
        draftStatus: draft ? draft.status : (status ?? 'Unknown'),
        draftEvidence: draft ? draft.evidence : (evidence ?? ''),
        statusDisabled: !access.status.updateable || this.saving,
        evidenceDisabled: !access.evidence.updateable || this.saving,
        statusLabel: `${LABEL[d]} status`,
        evidenceLabel: `${LABEL[d]} evidence`,
        isAuthority: d === 'authority'
      };
    });
  }

  /** Chips only for the statuses the user may read: a hidden field must not show as "Unknown". */
  get readableDimensions() {
    return this.dimensions.filter((d) => d.statusReadable);
  }

  get statusOptions() {
    return STATUS_OPTIONS;
  }

  get canEdit(): boolean {
    return BANT_DIMENSIONS.some(
      (d) => this.access(d).status.updateable || this.access(d).evidence.updateable
    );
  }
  get showDetails(): boolean {
    return this.expanded && !this.editing;
  }

  /** For c-bant-contact-roles (the detail layout, and under Authority in the editor). */
  get opportunityId(): string | undefined {
    return this.opp?.id;
  }
  get contactRoles(): BantOpportunityDto['contactRoles'] {
    return this.opp?.contactRoles ?? [];
  }
  get editLabel(): string {
    return `Edit BANT of ${this.name}`;
  }
  handleEdit(): void {
    this.editing = true;
    this.saveError = null;
    // Focus the first control once the editor has rendered, so keyboard users land in it.
    Promise.resolve().then(() => this.template?.querySelector<HTMLElement>('lightning-combobox')?.focus());
  }

  /** A gap's "Write evidence": the editor opens on that dimension's evidence. */
  handleEditEvidence(event: CustomEvent<{ dimension: BantDimension }>): void {
    this.editing = true;
    this.saveError = null;
    const d = event.detail.dimension;
    Promise.resolve().then(() =>
      this.template?.querySelector<HTMLElement>(`lightning-textarea[data-dimension="${d}"]`)?.focus()
    );
  }

  /** A gap's "Add contact role" saved: the deal as Apex returned it (new roles, recounted score). */
  handleGapSaved(event: CustomEvent<{ opportunity: BantOpportunityDto; message: string }>): void {
    this.opp = event.detail.opportunity;
    this.dispatchEvent(new CustomEvent('saved', { detail: event.detail }));
  }

  /** Back to the control that opened the editor (after a save or a cancel): keyboard users stay put. */
  @api
  focusEdit(): void {
    Promise.resolve().then(() => this.template?.querySelector<HTMLElement>('lightning-button.edit')?.focus());
  }

  handleCancel(): void {
    this.editing = false;
    this.drafts = {};
    this.saveError = null;
    this.focusEdit();
  }

  private draftOf(d: BantDimension): Draft {
    const row = this.dimensions.find((x) => x.key === d)!;
    return this.drafts[d] ?? { status: row.draftStatus as BantStatus, evidence: row.draftEvidence };
  }

  handleStatusChange(event: CustomEvent<{ value: BantStatus }>): void {
    const d = (event.target as HTMLElement).dataset.dimension as BantDimension;
    this.drafts = { ...this.drafts, [d]: { ...this.draftOf(d), status: event.detail.value } };
  }

  handleEvidenceChange(event: CustomEvent<{ value: string }>): void {
    const d = (event.target as HTMLElement).dataset.dimension as BantDimension;
    this.drafts = { ...this.drafts, [d]: { ...this.draftOf(d), evidence: event.detail.value ?? '' } };
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !this.saving) {
      event.stopPropagation();
      this.handleCancel();
    }
  }

  /** Conflicts say what happened and what to do; any other error shows as the platform reports it. */
  get shownSaveError(): unknown {
    if (!isConflict(this.saveError)) return this.saveError;
    return `${this.name} was changed by someone else since you opened it. Reload to see their changes, then make yours again.`;
  }

  /** Writes only the changes the user may make (draft.ts), guarded against a stale record. */
  async handleSave(): Promise<void> {
    const o = this.opp;
    const changes = o ? changesOf(o, this.drafts, this.fieldAccess) : {};
    const save = o ? saveOf(o, changes) : null;
    if (!o || !save) {
      this.handleCancel();
      return;
    }
    this.saving = true;
    this.saveError = null;
    try {
      const record = await updateRecord(save.recordInput, save.clientOptions);
      const saved = savedOpportunity(o, changes, record);
      this.opp = saved;
      this.editing = false;
      this.drafts = {};
      this.dispatchEvent(
        new CustomEvent('saved', { detail: { opportunity: saved, message: `${saved.name}: BANT saved.` } })
      );
      this.focusEdit();
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }

  handleReload(): void {
    this.dispatchEvent(new CustomEvent('reload'));
  }

  handleOpen(event: Event): void {
    event.preventDefault();
    if (!this.opp) return;
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: this.opp.id, objectApiName: 'Opportunity', actionName: 'view' }
    });
  }
}
