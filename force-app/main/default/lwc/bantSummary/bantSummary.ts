import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import type { BantHistoryEntry, BantOpportunity } from '@keyplan/contracts';
import { formatCurrency, formatDate, formatNumber, type KeyplanSettings } from 'c/keyplanCore';
import { oneMonthBefore, qualificationSplit, statusesAsOf, type QualificationSplit } from './bantHistory';

/** Qualified vs unqualified pipeline, average score, and the change since a month ago. */
export default class BantSummary extends LightningElement {
  @api opportunities: BantOpportunity[] = [];
  @api history: BantHistoryEntry[] = [];
  @api threshold = 50;
  /** The org's effective settings (from the panel's getSettings): they score last month's statuses. */
  @api settings?: Partial<KeyplanSettings>;
  /** ISO currency code of the amounts (defaults to the org currency). */
  @api currencyCode: string = CURRENCY;

  private get now(): QualificationSplit {
    return qualificationSplit(this.opportunities ?? [], Number(this.threshold), this.settings);
  }

  private get cutoff(): Date {
    return oneMonthBefore(new Date());
  }

  private get then(): QualificationSplit {
    const cutoff = this.cutoff;
    return qualificationSplit(
      (this.opportunities ?? []).map((o) => statusesAsOf(o, this.history ?? [], cutoff)),
      Number(this.threshold),
      this.settings
    );
  }

  private money(value: number): string {
    return formatCurrency(value, this.currencyCode || CURRENCY, { locale: LOCALE });
  }

  get qualifiedAmount(): string {
    return this.money(this.now.qualifiedAmount);
  }
  get unqualifiedAmount(): string {
    return this.money(this.now.unqualifiedAmount);
  }
  get qualifiedCount(): number {
    return this.now.qualifiedCount;
  }
  get unqualifiedCount(): number {
    return this.now.unqualifiedCount;
  }
  get averageScore(): string {
    const avg = this.now.averageScore;
    return avg === null ? '—' : formatNumber(avg, { locale: LOCALE, fractionDigits: 0 });
  }
  get qualifiedShare(): number {
    const n = this.now;
    const total = n.qualifiedAmount + n.unqualifiedAmount;
    return total > 0 ? Math.round((n.qualifiedAmount / total) * 100) : 0;
  }
  get barStyle(): string {
    return `width: ${this.qualifiedShare}%`;
  }
  get barLabel(): string {
    return `${this.qualifiedShare}% of the open pipeline amount is qualified`;
  }

  get hasHistory(): boolean {
    return (this.history ?? []).length > 0;
  }
  get cutoffLabel(): string {
    return formatDate(this.cutoff.toISOString().slice(0, 10), { locale: LOCALE });
  }

  private signed(delta: number, text: string): string {
    if (Math.abs(delta) < 0.5) return 'no change';
    return `${delta > 0 ? '+' : '−'}${text}`;
  }

  get scoreChange(): string {
    const a = this.now.averageScore;
    const b = this.then.averageScore;
    if (a === null || b === null) return 'no change';
    const d = a - b;
    return this.signed(d, `${formatNumber(Math.abs(d), { locale: LOCALE, fractionDigits: 0 })} points`);
  }
  get qualifiedChange(): string {
    const d = this.now.qualifiedAmount - this.then.qualifiedAmount;
    return this.signed(d, this.money(Math.abs(d)));
  }
  get lastMonthAverage(): string {
    const b = this.then.averageScore;
    return b === null ? '—' : formatNumber(b, { locale: LOCALE, fractionDigits: 0 });
  }
  get lastMonthQualified(): string {
    return this.money(this.then.qualifiedAmount);
  }
  get sinceText(): string {
    return `Since ${this.cutoffLabel}: average score `;
  }
  /** The words between the figures, spaces included (a template line break is not a space). */
  get averageWas(): string {
    return ` (was ${this.lastMonthAverage}), qualified pipeline `;
  }
  get qualifiedWas(): string {
    return ` (was ${this.lastMonthQualified}).`;
  }
}
