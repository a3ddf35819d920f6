import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import { formatCurrency, formatPercent } from 'c/keyplanCore';

/** Revenue goal against won, weighted pipeline and whitespace potential, as a bar and in words. */
export default class PlanProgress extends LightningElement {
  @api revenueGoal: number | null = null;
  @api won = 0;
  @api weightedPipeline = 0;
  @api whitespacePotential = 0;
  /** Potential of cells in state Competitor: its own figure, never added to the whitespace potential. */
  @api competitivePotential = 0;
  @api miningGoal: number | null = null;
  @api farmingGoal: number | null = null;
  @api currencyCode: string = CURRENCY;

  private money(value: number | null | undefined): string {
    return formatCurrency(value, this.currencyCode || CURRENCY, { locale: LOCALE }) || 'Not set';
  }

  /** The bar's 100%: the goal, or everything known when there is no goal or it is already exceeded. */
  private get scale(): number {
    const total = (this.won ?? 0) + (this.weightedPipeline ?? 0) + (this.whitespacePotential ?? 0);
    return Math.max(this.revenueGoal ?? 0, total, 1);
  }

  private share(value: number): number {
    return Math.max(0, (value / this.scale) * 100);
  }

  get wonStyle(): string {
    return `width: ${this.share(this.won ?? 0)}%`;
  }
  get pipelineStyle(): string {
    return `width: ${this.share(this.weightedPipeline ?? 0)}%`;
  }
  get whitespaceStyle(): string {
    return `width: ${this.share(this.whitespacePotential ?? 0)}%`;
  }
  get goalMarkerStyle(): string {
    return `left: ${Math.min(100, this.share(this.revenueGoal ?? 0))}%`;
  }
  get hasGoal(): boolean {
    return this.revenueGoal !== null && this.revenueGoal !== undefined && this.revenueGoal > 0;
  }

  get goalText(): string {
    return this.money(this.revenueGoal);
  }
  get wonText(): string {
    return this.money(this.won);
  }
  get pipelineText(): string {
    return this.money(this.weightedPipeline);
  }
  get whitespaceText(): string {
    return this.money(this.whitespacePotential);
  }
  get competitiveText(): string {
    return this.money(this.competitivePotential);
  }
  get wonOfGoal(): string {
    return this.hasGoal
      ? `${formatPercent((this.won ?? 0) / this.revenueGoal!, { locale: LOCALE })} of goal`
      : '';
  }
  /** What won plus weighted pipeline still leaves open against the goal. */
  get gapText(): string {
    if (!this.hasGoal) return 'Set a revenue goal to track progress.';
    const gap = this.revenueGoal! - (this.won ?? 0) - (this.weightedPipeline ?? 0);
    return gap > 0 ? `${this.money(gap)} still to find` : `Goal covered with ${this.money(-gap)} to spare`;
  }
  get barLabel(): string {
    return `Won ${this.wonText}, weighted pipeline ${this.pipelineText}, whitespace potential ${this.whitespaceText}, competitive potential ${this.competitiveText}, against a revenue goal of ${this.goalText}`;
  }

  get miningText(): string {
    return this.money(this.miningGoal);
  }
  get farmingText(): string {
    return this.money(this.farmingGoal);
  }
  get growthSplit(): string {
    const m = this.miningGoal ?? 0;
    const f = this.farmingGoal ?? 0;
    if (m + f <= 0) return '';
    return `${formatPercent(m / (m + f), { locale: LOCALE })} mining / ${formatPercent(f / (m + f), { locale: LOCALE })} farming`;
  }
}
