import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import copyAssessment from '@salesforce/apex/WhitespaceController.copyAssessment';
import type { LandscapeCellDto } from '@keyplan/contracts';
import { copiedText, copyPlanOf, questionOf, type CopyPlan } from './copyPlan';

/**
 * "Copy FY<n-1> assessment": copies last year's cell assessment (states, competitors, potentials, notes)
 * into the year shown, after asking. Cells the year shown has already assessed are kept unless the user
 * ticks "Replace"; the server refuses otherwise and its message (naming the cells) is shown here.
 * Fires `copied` (detail: the AssessmentCopyResult) so the matrix reloads.
 */
export default class WhitespaceCopyAssessment extends LightningElement {
  @api accountId?: string = undefined;
  /** The year shown: the copy goes from the year before into it. */
  @api fiscalYear?: number = undefined;
  /** The cells the matrix holds (the year shown and the year before). */
  @api cells: LandscapeCellDto[] = [];
  /** False when the user may not edit landscape cells. */
  @api canEdit = false;

  open = false;
  overwrite = false;
  busy = false;
  error?: unknown = undefined;

  get fromYear(): number {
    return (this.fiscalYear ?? 0) - 1;
  }

  get plan(): CopyPlan {
    return copyPlanOf(this.cells ?? [], this.fromYear);
  }

  get buttonLabel(): string {
    return `Copy FY${this.fromYear} assessment`;
  }

  get buttonDisabled(): boolean {
    return !this.canEdit || this.plan.copied === 0;
  }

  get buttonTitle(): string {
    if (!this.canEdit) return 'You cannot edit landscape cells.';
    if (this.plan.copied === 0) return `FY${this.fromYear} has no assessed cells to copy.`;
    return `Copy the FY${this.fromYear} assessment into FY${this.fiscalYear}`;
  }

  get question(): string {
    return questionOf(this.plan, this.fromYear);
  }

  get hasAssessedThere(): boolean {
    return this.plan.assessedThere > 0;
  }

  get overwriteLabel(): string {
    const n = this.plan.assessedThere;
    return `Replace the ${n} ${n === 1 ? 'cell' : 'cells'} FY${this.fiscalYear} has already assessed`;
  }

  get keepText(): string {
    return `Unless you tick this, cells FY${this.fiscalYear} has already assessed stop the copy.`;
  }

  get hasError(): boolean {
    return !!this.error;
  }

  get copyDisabled(): boolean {
    return this.busy;
  }

  handleOpen(): void {
    this.open = true;
    this.overwrite = false;
    this.error = undefined;
  }

  handleCancel(): void {
    this.open = false;
    this.error = undefined;
    // Focus returns to the button that opened the question.
    Promise.resolve().then(() => this.template?.querySelector<HTMLElement>('.copy-open')?.focus());
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.handleCancel();
    }
  }

  handleOverwriteChange(event: CustomEvent<{ checked: boolean }>): void {
    this.overwrite = !!event.detail.checked;
  }

  override renderedCallback(): void {
    if (this.open && !this.focused) {
      this.focused = true;
      this.template?.querySelector<HTMLElement>('.copy-confirm')?.focus();
    } else if (!this.open) this.focused = false;
  }
  private focused = false;

  async handleCopy(): Promise<void> {
    if (!this.accountId || this.fiscalYear === undefined) return;
    this.busy = true;
    this.error = undefined;
    try {
      const result = await copyAssessment({
        accountId: this.accountId,
        fromYear: this.fromYear,
        overwrite: this.overwrite
      });
      this.open = false;
      this.dispatchEvent(new ShowToastEvent({ title: copiedText(result), message: '', variant: 'success' }));
      this.dispatchEvent(new CustomEvent('copied', { detail: result }));
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }
}
