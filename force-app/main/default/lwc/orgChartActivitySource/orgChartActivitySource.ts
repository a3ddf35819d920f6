import { LightningElement, api } from 'lwc';

/** What the person panel passes (orgChartHeatmap/activitySource.ts ActivitySourceView). */
interface ActivityView {
  sentence: string;
  trend: 'warming' | 'steady' | 'cooling' | null;
  users: { key: string; text: string }[];
}

/** Icon and tone per trend: the trend reads in words and icon, colour only adds to them. */
const LOOK: Record<string, { icon: string; tone: string }> = {
  warming: { icon: 'utility:arrowup', tone: 'warming' },
  steady: { icon: 'utility:forward', tone: 'steady' },
  cooling: { icon: 'utility:arrowdown', tone: 'cooling' }
};

/**
 * Where a contact's heat comes from: the activity sentence ("9 meetings and 14 emails in 90 days, last Nov 20
 * with Jane Smith; trend cooling"), the trend and one line per member of our team. Nothing is shown while
 * `activity` is not set (the chart is loading).
 */
export default class OrgChartActivitySource extends LightningElement {
  @api activity: ActivityView | null | undefined = null;

  get hasActivity(): boolean {
    return !!this.activity;
  }
  get sentence(): string {
    return this.activity?.sentence ?? '';
  }
  get hasTrend(): boolean {
    return !!this.activity?.trend;
  }
  get trendLabel(): string {
    return this.activity?.trend ? `Trend: ${this.activity.trend}` : '';
  }
  get trendIcon(): string {
    return LOOK[this.activity?.trend ?? 'steady'].icon;
  }
  get trendClass(): string {
    return `trend slds-text-body_small trend_${LOOK[this.activity?.trend ?? 'steady'].tone}`;
  }
  get users(): { key: string; text: string }[] {
    return this.activity?.users ?? [];
  }
  get hasUsers(): boolean {
    return this.users.length > 0;
  }
}
