import { createElement } from 'lwc';
import PlanActions from 'c/planActions';
import type { OverdueAction, PlanSummaryData } from '@keyplan/contracts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const FIXTURE: PlanSummaryData = require('../../../../../../test/fixtures/apex/AccountPlanController.getPlanSummary.json');

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function mount(actions: OverdueAction[], upcoming: OverdueAction[]): HTMLElement {
  const el = createElement('c-plan-actions', { is: PlanActions });
  Object.assign(el, { actions, upcoming, limit: 2 });
  document.body.appendChild(el);
  return el;
}
const texts = (el: HTMLElement, s: string): string[] =>
  [...el.shadowRoot!.querySelectorAll(s)].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('c-plan-actions', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('lists overdue actions, then the next open ones soonest first, with owner and status', async () => {
    const next = FIXTURE.upcomingActions[0];
    const later = {
      ...next,
      id: 'a03Dp00000Act10AAC',
      name: 'Later',
      dueDate: '2099-03-01',
      assignedToName: null
    };
    const soon = { ...next, id: 'a03Dp00000Act11AAC', name: 'Sooner', dueDate: '2098-12-01' };
    const el = mount(FIXTURE.overdueActions, [later, next, soon]);
    await flush();
    expect(texts(el, '.action')).toHaveLength(2);
    const rows = texts(el, '.upcoming-action');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Sooner');
    expect(rows[1]).toContain(next.name);
    expect(rows[1]).toContain(next.assignedToName!);
    expect(rows[1]).toContain('Open');
    expect(texts(el, '.more-upcoming')).toEqual(['and 1 more']);
    await expect(el).toBeAccessible();
  });

  it('says when nothing is overdue or coming up (empty state)', async () => {
    const el = mount([], []);
    await flush();
    expect(texts(el, '.none')).toEqual(['Nothing overdue.']);
    expect(texts(el, '.none-upcoming')).toEqual(['No open actions coming up.']);
    await expect(el).toBeAccessible();
  });
});
