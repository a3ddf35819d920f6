import { LightningElement, api } from 'lwc';

export interface SummaryItemView {
  key: string;
  label: string;
  value: string;
  goal: string;
  hasGoal: boolean;
  percent: string;
}

/** The year's totals against the plan's goals: won, pipeline, potential, mining vs farming, unmapped. */
export default class WhitespaceSummary extends LightningElement {
  @api items: SummaryItemView[] = [];
  @api fiscalYear?: number = undefined;

  get heading(): string {
    return this.fiscalYear ? `FY${this.fiscalYear} at a glance` : 'At a glance';
  }
}
