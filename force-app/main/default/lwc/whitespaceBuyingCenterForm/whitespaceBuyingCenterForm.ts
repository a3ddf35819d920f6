import { LightningElement, api } from 'lwc';

/**
 * Adds a buying center: a name, an optional parent and, on a group plan (the matrix spans several accounts),
 * the company it belongs to. Emits create { name, parentId, subsidiaryId } or cancel.
 */
export default class WhitespaceBuyingCenterForm extends LightningElement {
  @api parentOptions: { label: string; value: string }[] = [];
  /** The group's companies (the account and its subsidiaries); the picker shows with two or more. */
  @api companyOptions: { label: string; value: string }[] = [];
  @api saving = false;
  name = '';
  parentId = '';
  subsidiaryId = '';
  nameError = '';
  private focused = false;

  get options(): { label: string; value: string }[] {
    return [{ label: 'None (top level)', value: '' }, ...this.parentOptions];
  }

  get showCompany(): boolean {
    return (this.companyOptions ?? []).length > 1;
  }

  get subsidiaryOptions(): { label: string; value: string }[] {
    return [{ label: 'None (the account itself)', value: '' }, ...(this.companyOptions ?? [])];
  }

  handleSubsidiaryChange(event: CustomEvent<{ value: string }>): void {
    this.subsidiaryId = event.detail.value ?? '';
  }

  override renderedCallback(): void {
    if (this.focused) return;
    this.focused = true;
    this.template?.querySelector<HTMLElement>('.name')?.focus();
  }

  handleNameChange(event: CustomEvent<{ value: string }>): void {
    this.name = event.detail.value ?? '';
    if (this.name.trim()) this.nameError = '';
  }

  handleParentChange(event: CustomEvent<{ value: string }>): void {
    this.parentId = event.detail.value ?? '';
  }

  handleCreate(): void {
    const name = this.name.trim();
    if (!name) {
      this.nameError = 'Give the buying center a name, e.g. "Helicopters Europe".';
      return;
    }
    this.dispatchEvent(
      new CustomEvent('create', {
        detail: { name, parentId: this.parentId || null, subsidiaryId: this.subsidiaryId || null }
      })
    );
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') this.handleCancel();
  }
}
