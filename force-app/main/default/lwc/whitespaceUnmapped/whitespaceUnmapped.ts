import { LightningElement, api } from 'lwc';

export interface UnmappedItem {
  id: string;
  name: string;
  detail: string;
  reason: string;
  /** The opportunity's LastModifiedDate as loaded, sent back with the mapping (a stale one is refused). */
  lastModified: string;
}

type Option = { label: string; value: string };

/**
 * The year's opportunities the matrix cannot place (no buying center or offering), each with a
 * buying center and offering picker. Emits map { opportunityId, buyingCenterId, offeringId, lastModified }.
 */
export default class WhitespaceUnmapped extends LightningElement {
  @api items: UnmappedItem[] = [];
  @api buyingCenterOptions: Option[] = [];
  @api offeringOptions: Option[] = [];
  @api canMap = false;
  @api saving = false;
  choices: Record<string, { buyingCenterId?: string; offeringId?: string }> = {};
  errors: Record<string, string> = {};

  get rows(): (UnmappedItem & {
    bc: string;
    offering: string;
    error: string;
    mapLabel: string;
    bcLabel: string;
    offeringLabel: string;
  })[] {
    return this.items.map((i) => ({
      ...i,
      bc: this.choices[i.id]?.buyingCenterId ?? '',
      offering: this.choices[i.id]?.offeringId ?? '',
      error: this.errors[i.id] ?? '',
      mapLabel: `Map ${i.name}`,
      bcLabel: `Buying center for ${i.name}`,
      offeringLabel: `Offering for ${i.name}`
    }));
  }

  get disabled(): boolean {
    return !this.canMap || this.saving;
  }

  private choose(event: CustomEvent<{ value: string }>, field: 'buyingCenterId' | 'offeringId'): void {
    const id = (event.currentTarget as HTMLElement).dataset.id as string;
    this.choices = { ...this.choices, [id]: { ...this.choices[id], [field]: event.detail.value } };
    this.errors = { ...this.errors, [id]: '' };
  }

  handleBuyingCenter(event: CustomEvent<{ value: string }>): void {
    this.choose(event, 'buyingCenterId');
  }

  handleOffering(event: CustomEvent<{ value: string }>): void {
    this.choose(event, 'offeringId');
  }

  handleMap(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id as string;
    const item = this.items.find((i) => i.id === id);
    const choice = this.choices[id] ?? {};
    if (!item) return;
    if (!choice.buyingCenterId || !choice.offeringId) {
      this.errors = { ...this.errors, [id]: `Pick both a buying center and an offering for "${item.name}".` };
      return;
    }
    this.dispatchEvent(
      new CustomEvent('map', {
        detail: {
          opportunityId: id,
          buyingCenterId: choice.buyingCenterId,
          offeringId: choice.offeringId,
          lastModified: item.lastModified
        }
      })
    );
  }

  handleOpen(event: Event): void {
    event.preventDefault();
    const id = (event.currentTarget as HTMLElement).dataset.id as string;
    this.dispatchEvent(new CustomEvent('openopportunity', { detail: { id } }));
  }
}
