import { LightningElement, api } from 'lwc';
import type { CellState } from '@keyplan/contracts';

/** What the matrix hands the panel (see whitespaceMatrix CellDetail). */
export interface CellPanelDetail {
  buyingCenterId: string;
  offeringId: string;
  fiscalYear: number;
  title: string;
  summary: string;
  state: CellState;
  competitor: string;
  potential: number | null;
  opportunities: { id: string; name: string; detail: string }[];
  canEdit: boolean;
  canCreateOpportunity: boolean;
}

const STATE_OPTIONS = [
  { label: 'Whitespace (a target to pursue)', value: 'Whitespace' },
  { label: 'Competitor incumbent', value: 'Competitor' },
  { label: 'Not applicable', value: 'Not Applicable' },
  { label: 'Unassessed', value: 'Unassessed' }
];

/**
 * Side panel of one matrix cell: its opportunities (links), its assessment (state, competitor,
 * potential) and a prefilled "new opportunity". Emits save / close / openopportunity / newopportunity;
 * the matrix owns the Apex calls and navigation.
 */
export default class WhitespaceCellPanel extends LightningElement {
  @api saving = false;
  state: CellState = 'Unassessed';
  competitor = '';
  potential: number | null = null;
  competitorError = '';
  potentialError = '';
  private _detail?: CellPanelDetail = undefined;
  private focusOnRender = true;

  @api
  get detail(): CellPanelDetail | undefined {
    return this._detail;
  }
  set detail(value: CellPanelDetail | undefined) {
    const changedCell =
      !this._detail ||
      !value ||
      this._detail.buyingCenterId !== value.buyingCenterId ||
      this._detail.offeringId !== value.offeringId;
    this._detail = value;
    if (value && changedCell) {
      this.state = value.state;
      this.competitor = value.competitor;
      this.potential = value.potential;
      this.competitorError = '';
      this.potentialError = '';
      this.focusOnRender = true;
    }
  }

  readonly stateOptions = STATE_OPTIONS;

  get heading(): string {
    const d = this._detail;
    return d ? `${d.title} · FY${d.fiscalYear}` : '';
  }

  /** The matrix's cell description reads as a sentence here, so it starts with a capital. */
  get summaryText(): string {
    const text = this._detail?.summary ?? '';
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  get isCompetitor(): boolean {
    return this.state === 'Competitor';
  }

  get hasOpportunities(): boolean {
    return !!this._detail?.opportunities.length;
  }

  get readOnly(): boolean {
    return !this._detail?.canEdit;
  }

  get saveDisabled(): boolean {
    return this.saving || this.readOnly;
  }

  get potentialValue(): string {
    return this.potential === null ? '' : String(this.potential);
  }

  override renderedCallback(): void {
    if (!this.focusOnRender) return;
    this.focusOnRender = false;
    this.template?.querySelector<HTMLElement>('.panel-heading')?.focus();
  }

  handleStateChange(event: CustomEvent<{ value: CellState }>): void {
    this.state = event.detail.value;
    if (this.state !== 'Competitor') this.competitorError = '';
  }

  handleCompetitorChange(event: CustomEvent<{ value: string }>): void {
    this.competitor = event.detail.value ?? '';
    if (this.competitor.trim()) this.competitorError = '';
  }

  handlePotentialChange(event: CustomEvent<{ value: string }>): void {
    const raw = (event.detail.value ?? '').toString().trim();
    this.potential = raw === '' ? null : Number(raw);
  }

  handleSave(): void {
    const competitor = this.competitor.trim();
    this.competitorError =
      this.isCompetitor && !competitor ? 'Name the competitor that holds this business.' : '';
    const p = this.potential;
    this.potentialError =
      p !== null && (!Number.isFinite(p) || p < 0) ? 'Potential must be a positive amount or blank.' : '';
    if (this.competitorError || this.potentialError) return;
    this.dispatchEvent(
      new CustomEvent('save', {
        detail: {
          state: this.state,
          competitor: this.isCompetitor ? competitor : null,
          potential: this.potential
        }
      })
    );
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.handleClose();
    }
  }

  handleOpportunityClick(event: Event): void {
    event.preventDefault();
    const id = (event.currentTarget as HTMLElement).dataset.id as string;
    this.dispatchEvent(new CustomEvent('openopportunity', { detail: { id } }));
  }

  handleNewOpportunity(): void {
    this.dispatchEvent(new CustomEvent('newopportunity'));
  }
}
