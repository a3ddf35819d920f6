import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import type { OverdueAction } from '@keyplan/contracts';
import { daysBetween, formatDate } from 'c/keyplanCore';

/** One list of the card: overdue actions or the next open ones, drawn by the same markup. */
interface ActionSection {
  key: 'overdue' | 'upcoming';
  label: string;
  sectionClass: string;
  hasRows: boolean;
  rows: { key: string; name: string; owner: string; due: string; last: string; milestone: boolean }[];
  /** Row class (.action / .upcoming-action), icon, and the last column's class (lateness / status). */
  rowClass: string;
  icon: string;
  iconLabel: string;
  lastClass: string;
  moreText: string;
  moreClass: string;
  emptyText: string;
  emptyClass: string;
}

const byDueThenName = (a: OverdueAction, b: OverdueAction): number =>
  a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name);

/** The plan's overdue actions, most overdue first, then its next open actions, soonest first. */
export default class PlanActions extends LightningElement {
  @api actions: OverdueAction[] = [];
  /** Open actions due from today on (PlanSummaryData.upcomingActions), soonest first. */
  @api upcoming: OverdueAction[] = [];
  /** How many to list before summarising the rest. */
  @api limit = 5;

  get sections(): ActionSection[] {
    const today = new Date();
    const overdue = (a: OverdueAction): string => {
      const days = daysBetween(a.dueDate, today);
      return days === 1 ? '1 day overdue' : `${days} days overdue`;
    };
    return [
      {
        ...this.list('overdue', this.actions, overdue, (more) => `and ${more} more overdue`),
        label: 'Overdue actions',
        sectionClass: '',
        rowClass: 'slds-p-vertical_xx-small slds-border_bottom action',
        icon: 'utility:clock',
        iconLabel: 'Overdue',
        lastClass: 'slds-text-color_error overdue',
        moreClass: 'slds-text-body_small slds-text-color_weak more',
        emptyText: 'Nothing overdue.',
        emptyClass: 'slds-text-body_small slds-text-color_weak none'
      },
      {
        ...this.list(
          'upcoming',
          this.upcoming,
          (a) => a.status,
          (more) => `and ${more} more`
        ),
        label: 'Next actions',
        sectionClass: 'slds-m-top_small',
        rowClass: 'slds-p-vertical_xx-small slds-border_bottom upcoming-action',
        icon: 'utility:task',
        iconLabel: 'Open',
        lastClass: 'status',
        moreClass: 'slds-text-body_small slds-text-color_weak more-upcoming',
        emptyText: 'No open actions coming up.',
        emptyClass: 'slds-text-body_small slds-text-color_weak none-upcoming'
      }
    ];
  }

  /** The first `limit` actions by due date then name, the last column from `last`, and what is left over. */
  private list(
    key: ActionSection['key'],
    actions: OverdueAction[] | undefined,
    last: (a: OverdueAction) => string,
    moreText: (more: number) => string
  ): Pick<ActionSection, 'key' | 'rows' | 'hasRows' | 'moreText'> {
    const all = actions ?? [];
    const limit = Number(this.limit);
    const rows = [...all]
      .sort(byDueThenName)
      .slice(0, limit)
      .map((a) => ({
        key: a.id,
        name: a.name,
        owner: a.assignedToName ?? 'Unassigned',
        due: formatDate(a.dueDate, { locale: LOCALE }),
        last: last(a),
        milestone: a.milestone
      }));
    const more = all.length - limit;
    return { key, rows, hasRows: all.length > 0, moreText: more > 0 ? moreText(more) : '' };
  }
}
