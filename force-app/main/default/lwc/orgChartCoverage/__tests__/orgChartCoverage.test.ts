import { createElement } from 'lwc';
import OrgChartCoverage from 'c/orgChartCoverage';
import type { AccountTeam, WorklistGroup, WorklistItem } from 'c/keyplanCore';

type Host = HTMLElement & { groups: WorklistGroup[]; team: AccountTeam | null };

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
});
