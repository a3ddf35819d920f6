import { createElement } from 'lwc';
import OrgChartCoverage from 'c/orgChartCoverage';
import getPlanSummary from '@salesforce/apex/AccountPlanController.getPlanSummary';
import { planActionDueDate, type AccountTeam, type WorklistGroup, type WorklistItem } from 'c/keyplanCore';
import type { PlanSummaryData } from '@keyplan/contracts';
import type { PlanTarget } from 'c/planActionTarget';
import type { PlanActionInput } from 'c/planCreateOffer';
import { fieldValuesOf, navigate } from '../../../../../../test/jest/navigation.mock';

type Offer = HTMLElement & { target: PlanTarget; action: PlanActionInput };
type Host = HTMLElement & { groups: WorklistGroup[]; team: AccountTeam | null; recordId?: string };

jest.mock('@salesforce/apex/AccountPlanController.getPlanSummary', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/user/Id', () => ({ default: '005Dp000000User1AAC' }), { virtual: true });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SUMMARY: PlanSummaryData = require('../../../../../../test/fixtures/apex/AccountPlanController.getPlanSummary.json');
const summaryMock = getPlanSummary as unknown as jest.Mock;

const item = (n: number, over: Partial<WorklistItem> = {}): WorklistItem => ({
  key: `k${n}`,
  code: 'UNCOVERED_DECISION_MAKER',
  text: `Person ${n} has no strong positive relationship with our team.`,
  contactId: `c${n}`,
  buyingCenterId: 'bc',
  linkId: null,
  money: 1000 * (20 - n),
  action: 'addTeamLink',
  actionLabel: 'Add team link',
  planSubject: null,
  ...over
});
const GROUPS: WorklistGroup[] = [
  {
    code: 'notReached',
    label: 'Decision makers without a strong relationship with us',
    items: Array.from({ length: 10 }, (_, i) => item(i))
  },
  {
    code: 'threads',
    label: 'Buying centers with one thread or none',
    items: [
      item(50, {
        code: 'UNCOVERED_BUYING_CENTER',
        text: 'Nobody on our team has a positive relationship in Space.',
        contactId: null,
        money: 0,
        action: 'focusBuyingCenter',
        actionLabel: 'Focus'
      })
    ]
  }
];

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
/** Flushes until `done` holds (the plan lookup may take two server reads), at most 50 times. */
async function until(done: () => boolean): Promise<void> {
  // Each tick depends on the one before: the waits are sequential on purpose.
  // eslint-disable-next-line no-await-in-loop
  for (let i = 0; i < 50 && !done(); i++) await flush();
}
function mount(props: Partial<Host>): Host {
  const el = createElement('c-org-chart-coverage', { is: OrgChartCoverage }) as Host;
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}
const all = (el: Host, sel: string): HTMLElement[] =>
  Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(sel));

describe('c-org-chart-coverage', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('says so when there are no gaps', async () => {
    const el = mount({ groups: [], team: { members: [], sponsor: null } });
    await flush();
    expect(el.shadowRoot!.querySelector('.clear')).not.toBeNull();
    await expect(el).toBeAccessible();
  });

  it('shows each group by money at stake, capped with Show all, and sends one action per item', async () => {
    const el = mount({ groups: GROUPS, team: null });
    await flush();
    expect(all(el, 'h4').map((h) => h.textContent)).toEqual([
      'Decision makers without a strong relationship with us (10)',
      'Buying centers with one thread or none (1)'
    ]);
    expect(el.shadowRoot!.querySelector('c-org-chart-team')).not.toBeNull();
    expect(all(el, '.item')).toHaveLength(9);
    expect(all(el, '.money')[0].textContent).toBe('$20,000 at stake');
    // No money known: nothing claimed.
    expect(all(el, '.money')[8].textContent).toBe('');
    await expect(el).toBeAccessible();
    all(el, '.more')[0].click();
    await flush();
    expect(all(el, '.item')).toHaveLength(11);
    expect(all(el, '.more')[0].textContent).toBe('Show fewer');
    const sent: unknown[] = [];
    el.addEventListener('action', (e) => sent.push((e as CustomEvent).detail));
    all(el, '.item-action')[0].click();
    all(el, '.issue-link')[10].click();
    expect(sent).toEqual([
      { action: 'addTeamLink', contactId: 'c0', buyingCenterId: 'bc', linkId: null },
      { action: 'open', contactId: null, buyingCenterId: 'bc', linkId: null }
    ]);
    expect(all(el, '.item-action')[0].getAttribute('aria-label')).toBe(
      'Add team link: Person 0 has no strong positive relationship with our team.'
    );
    const closed = jest.fn();
    el.addEventListener('close', closed);
    (el.shadowRoot!.querySelector('.close') as HTMLElement).click();
    expect(closed).toHaveBeenCalled();
  });

  describe('plan action on a high-influence detractor', () => {
    const ACCOUNT = '001Dp00000Acc01AAC';
    const DETRACTORS: WorklistGroup[] = [
      {
        code: 'detractors',
        label: 'High-influence detractors nobody on our team works on',
        items: [
          item(70, {
            code: 'INFLUENTIAL_DETRACTOR',
            text: 'Carla Gruber is a detractor with high influence and nobody on our team works on them.',
            planSubject: 'Win over Carla Gruber (Detractor, Helicopters Europe)'
          })
        ]
      },
      ...GROUPS
    ];
    beforeEach(() => {
      navigate.mockReset();
      summaryMock.mockReset();
    });

    it('is offered on detractors only, and opens the create form in the plan of the year', async () => {
      summaryMock.mockResolvedValue(SUMMARY);
      const el = mount({ groups: DETRACTORS, recordId: ACCOUNT });
      await flush();
      const plans = all(el, '.item-plan');
      expect(plans).toHaveLength(1);
      expect(plans[0].getAttribute('aria-label')).toBe(
        'Plan action: Win over Carla Gruber (Detractor, Helicopters Europe)'
      );
      plans[0].click();
      await until(() => navigate.mock.calls.length > 0);
      const due = planActionDueDate();
      expect(summaryMock).toHaveBeenCalledWith({ accountId: ACCOUNT, fiscalYear: Number(due.slice(0, 4)) });
      expect(fieldValuesOf(navigate.mock.calls[0][0])).toMatchObject({
        Account_Plan__c: SUMMARY.plan!.id,
        Name: 'Win over Carla Gruber (Detractor, Helicopters Europe)',
        Assigned_To__c: '005Dp000000User1AAC',
        Due_Date__c: due,
        Status__c: 'Open'
      });
    });

    it('without a plan for the year, offers it under the item (c-plan-create-offer) until created', async () => {
      summaryMock.mockResolvedValue({ ...SUMMARY, plan: null });
      const el = mount({ groups: DETRACTORS, recordId: ACCOUNT });
      await flush();
      all(el, '.item-plan')[0].click();
      await until(() => all(el, 'c-plan-create-offer').length > 0);
      expect(navigate).not.toHaveBeenCalled();
      const offer = all(el, '.item c-plan-create-offer')[0] as Offer;
      expect(offer.target).toMatchObject({
        accountId: ACCOUNT,
        fiscalYear: Number(planActionDueDate().slice(0, 4))
      });
      expect(offer.action).toMatchObject({
        subject: 'Win over Carla Gruber (Detractor, Helicopters Europe)'
      });
      await expect(el).toBeAccessible();
      offer.dispatchEvent(new CustomEvent('created', { detail: { plan: { id: 'a00', name: 'FY' } } }));
      await flush();
      expect(all(el, 'c-plan-create-offer')).toHaveLength(0);
    });

    it('shows the error when the plan cannot be read', async () => {
      summaryMock.mockRejectedValue({ body: { message: 'No access to Account_Plan__c.' } });
      const el = mount({ groups: DETRACTORS, recordId: ACCOUNT });
      await flush();
      all(el, '.item-plan')[0].click();
      await flush();
      expect(navigate).not.toHaveBeenCalled();
      expect(all(el, 'c-error-panel')).toHaveLength(1);
    });
  });
});
