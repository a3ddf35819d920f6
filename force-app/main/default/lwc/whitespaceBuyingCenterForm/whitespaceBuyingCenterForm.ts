import { LightningElement, api } from 'lwc';

/** Adds a buying center: a name and an optional parent. Emits create { name, parentId } or cancel. */
export default class WhitespaceBuyingCenterForm extends LightningElement {
  @api parentOptions: { label: string; value: string }[] = [];
  @api saving = false;
  name = '';
  parentId = '';
  nameError = '';
  private focused = false;

  get options(): { label: string; value: string }[] {
    return [{ label: 'None (top level)', value: '' }, ...this.parentOptions];
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
    this.dispatchEvent(new CustomEvent('create', { detail: { name, parentId: this.parentId || null } }));
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') this.handleCancel();
  }
}
