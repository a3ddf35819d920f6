import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import type { OverdueAction } from '@keyplan/contracts';
import { daysBetween, formatDate } from 'c/keyplanCore';

/** The plan's overdue actions, most overdue first, then its next open actions, soonest first. */
export default class PlanActions extends LightningElement {
  @api actions: OverdueAction[] = [];
  /** Open actions due from today on (PlanSummaryData.upcomingActions), soonest first. */
  @api upcoming: OverdueAction[] = [];
  /** How many to list before summarising the rest. */
  @api limit = 5;

  private get sorted(): OverdueAction[] {
    return [...(this.actions ?? [])].sort(
      (a, b) => a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name)
    );
  }

  get rows() {
    const today = new Date();
    return this.sorted.slice(0, Number(this.limit)).map((a) => {
      const days = daysBetween(a.dueDate, today);
      return {
        key: a.id,
        name: a.name,
        owner: a.assignedToName ?? 'Unassigned',
        due: formatDate(a.dueDate, { locale: LOCALE }),
        overdue: days === 1 ? '1 day overdue' : `${days} days overdue`,
        status: a.status,
        milestone: a.milestone
      };
    });
  }
  get hasActions(): boolean {
    return (this.actions ?? []).length > 0;
  }
  get moreText(): string {
    const more = (this.actions ?? []).length - Number(this.limit);
    return more > 0 ? `and ${more} more overdue` : '';
  }

  get upcomingRows() {
    return [...(this.upcoming ?? [])]
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name))
      .slice(0, Number(this.limit))
      .map((a) => ({
        key: a.id,
        name: a.name,
        owner: a.assignedToName ?? 'Unassigned',
        due: formatDate(a.dueDate, { locale: LOCALE }),
        status: a.status,
        milestone: a.milestone
      }));
  }
  get hasUpcoming(): boolean {
    return (this.upcoming ?? []).length > 0;
  }
  get moreUpcomingText(): string {
    const more = (this.upcoming ?? []).length - Number(this.limit);
    return more > 0 ? `and ${more} more` : '';
  }
}
