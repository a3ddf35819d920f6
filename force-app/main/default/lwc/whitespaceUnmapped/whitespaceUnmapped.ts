import { LightningElement, api } from 'lwc';

export interface UnmappedItem {
  id: string;
  name: string;
  detail: string;
  reason: string;
  /** The opportunity's LastModifiedDate as loaded, sent back with the mapping (a stale one is refused). */
  lastModified: string;
  /** What the deal already has: prefilled when the matrix shows it, restored by Undo. */
  buyingCenterId: string | null;
  offeringId: string | null;
}

/** The last mapping, which Undo reverts. */
interface Mapped {
  opportunityId: string;
  name: string;
  where: string;
  buyingCenterId: string | null;
  offeringId: string | null;
}

type Option = { label: string; value: string };

/**
 * The year's opportunities the matrix cannot place (no buying center or offering), each with a
 * buying center and offering picker, prefilled with what the deal already has. Mapping into a cell
 * assessed Not Applicable asks first; the last mapping can be undone. Emits map { opportunityId,
 * buyingCenterId, offeringId, lastModified } (Undo: the deal's previous values and lastModified null).
 */
export default class WhitespaceUnmapped extends LightningElement {
  @api items: UnmappedItem[] = [];
  @api buyingCenterOptions: Option[] = [];
  @api offeringOptions: Option[] = [];
  @api canMap = false;
  @api saving = false;
  /** `buyingCenterId|offeringId` keys of the cells assessed Not Applicable this year. */
  @api notApplicable: string[] = [];
  choices: Record<string, { buyingCenterId?: string; offeringId?: string }> = {};
  errors: Record<string, string> = {};
  /** The row whose mapping into a Not Applicable cell waits for "Map anyway". */
  confirming: string | null = null;
  lastMapped: Mapped | null = null;

  private shown(options: Option[], id: string | null): string {
    return id && options.some((o) => o.value === id) ? id : '';
  }
  private choiceOf(i: UnmappedItem): { buyingCenterId: string; offeringId: string } {
    return {
      buyingCenterId:
        this.choices[i.id]?.buyingCenterId ?? this.shown(this.buyingCenterOptions, i.buyingCenterId),
      offeringId: this.choices[i.id]?.offeringId ?? this.shown(this.offeringOptions, i.offeringId)
    };
  }
  private label(options: Option[], id: string | null): string {
    return options.find((o) => o.value === id)?.label ?? 'none';
  }

  get rows(): (UnmappedItem & {
    bc: string;
    offering: string;
    error: string;
    mapLabel: string;
    isConfirming: boolean;
    bcLabel: string;
    offeringLabel: string;
  })[] {
    return this.items.map((i) => ({
      ...i,
      bc: this.choiceOf(i).buyingCenterId,
      offering: this.choiceOf(i).offeringId,
      error: this.errors[i.id] ?? '',
      isConfirming: this.confirming === i.id,
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
    if (!item) return;
    const choice = this.choiceOf(item);
    if (!choice.buyingCenterId || !choice.offeringId) {
      this.errors = { ...this.errors, [id]: `Pick both a buying center and an offering for "${item.name}".` };
      return;
    }
    // A cell assessed Not Applicable: say so and wait for "Map anyway".
    const key = `${choice.buyingCenterId}|${choice.offeringId}`;
    if ((this.notApplicable ?? []).includes(key) && this.confirming !== id) {
      this.confirming = id;
      return;
    }
    this.confirming = null;
    this.lastMapped = {
      opportunityId: id,
      name: item.name,
      where: `${this.label(this.buyingCenterOptions, choice.buyingCenterId)} x ${this.label(this.offeringOptions, choice.offeringId)}`,
      buyingCenterId: item.buyingCenterId,
      offeringId: item.offeringId
    };
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

  handleCancelConfirm(): void {
    this.confirming = null;
  }

  get undoText(): string {
    return this.lastMapped ? `Mapped ${this.lastMapped.name} to ${this.lastMapped.where}.` : '';
  }

  /** Puts the deal back as it was (its previous buying center and offering, blank ones included). */
  handleUndo(): void {
    const m = this.lastMapped;
    if (!m) return;
    this.lastMapped = null;
    this.dispatchEvent(
      new CustomEvent('map', {
        detail: {
          opportunityId: m.opportunityId,
          buyingCenterId: m.buyingCenterId,
          offeringId: m.offeringId,
          lastModified: null
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
