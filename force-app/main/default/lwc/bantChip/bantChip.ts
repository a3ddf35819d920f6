import { LightningElement, api } from 'lwc';

interface ChipLook {
  icon: string;
  tone: string;
}

/** Icon and tone per status, so the status reads without colour (icon + text) and with it. */
const LOOK: Record<string, ChipLook> = {
  Confirmed: { icon: 'utility:success', tone: 'confirmed' },
  /** A Confirmed without its evidence (keyplanCore shownStatus): scores as Identified. */
  'Confirmed, unverified': { icon: 'utility:warning', tone: 'unverified' },
  Identified: { icon: 'utility:info', tone: 'identified' },
  Missing: { icon: 'utility:error', tone: 'missing' },
  Unknown: { icon: 'utility:help', tone: 'unknown' }
};

/** One BANT dimension's status: colour, icon and words together. */
export default class BantChip extends LightningElement {
  /** Dimension label, e.g. "Budget". */
  @api label = '';
  /** A Keyplan_BANT_Status value; blank counts as Unknown (as the score does). */
  @api status: string | null = null;

  get statusLabel(): string {
    return this.status && LOOK[this.status] ? this.status : 'Unknown';
  }

  get iconName(): string {
    return LOOK[this.statusLabel].icon;
  }

  get iconVariant(): string | undefined {
    if (this.statusLabel === 'Confirmed, unverified') return 'warning';
    return this.statusLabel === 'Unknown' ? undefined : 'inverse';
  }

  get chipClass(): string {
    return `chip chip_${LOOK[this.statusLabel].tone}`;
  }
}
