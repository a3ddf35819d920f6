/**
 * The org chart with the account team (OrgChartController.getAccountTeam, a cacheable wire beside the chart
 * pages): the team lane lists the account team's members first with their role, pairs the Executive Sponsor
 * with their top executive, and a member with no contacts yet starts a team link from the lane. Without an
 * account team (the wire emits nothing, as in an org without Account Teams) the lane is our people with links.
 */
import { createElement } from 'lwc';
import OrgChartHeatmap from 'c/orgChartHeatmap';
import loadOrgChartPage from '@salesforce/apex/OrgChartController.loadOrgChartPage';
import getAccountTeam from '@salesforce/apex/OrgChartController.getAccountTeam';
import type { AccountTeam, OrgChartPage } from '@keyplan/contracts';

jest.mock('@salesforce/apex/OrgChartController.loadOrgChartPage', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/ActivityController.loadActivityPage',
  () => ({ default: () => Promise.resolve({ aggregates: [], nextCursor: null }) }),
  { virtual: true }
);
jest.setTimeout(30000);

const mockLoad = loadOrgChartPage as unknown as jest.Mock;
const teamWire = getAccountTeam as unknown as { emit(v: unknown): void };
const CHART = jest.requireActual<OrgChartPage>(
  '../../../../../../test/fixtures/apex/OrgChartController.loadOrgChartPage.json'
);
const TEAM = jest.requireActual<AccountTeam>(
  '../../../../../../test/fixtures/apex/OrgChartController.getAccountTeam.json'
);
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
type Shadowed = HTMLElement & { shadowRoot: ShadowRoot };

async function mount(): Promise<Shadowed> {
  mockLoad.mockImplementation(() => Promise.resolve({ ...copy(CHART), nextCursor: null }));
  const el = createElement('c-org-chart-heatmap', { is: OrgChartHeatmap }) as Shadowed & {
    recordId?: string;
    depth?: number;
  };
  Object.assign(el, { recordId: CHART.accountId, depth: 0 });
  document.body.appendChild(el);
  await flush();
  await flush();
  return el;
}
async function lane(el: Shadowed): Promise<Shadowed> {
  const toggle = el.shadowRoot
    .querySelector('c-org-chart-toolbar')!
    .shadowRoot!.querySelector('.coverage-toggle') as HTMLElement;
  toggle.click();
  await flush();
  const coverage = el.shadowRoot.querySelector('c-org-chart-coverage') as Shadowed;
  return coverage.shadowRoot.querySelector('c-org-chart-team') as Shadowed;
}
const names = (team: Shadowed): string[] =>
  [...team.shadowRoot.querySelectorAll('.member-name')].map((n) =>
    n.textContent!.replace(/\s+/g, ' ').trim()
  );

describe('c-org-chart-heatmap account team lane', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('without an account team, lists our people with links', async () => {
    const el = await mount();
    const team = await lane(el);
    expect(team.shadowRoot.querySelector('.source')!.textContent).toBe(
      'No account team on this account: our people with recorded relationships.'
    );
    expect(team.shadowRoot.querySelector('.role')).toBeNull();
    expect(team.shadowRoot.querySelector('.sponsor')!.textContent).toContain('Chris Vega <-> Margaret Hale');
  });

  it('lists the account team first with roles and pairs the executive sponsor', async () => {
    const el = await mount();
    teamWire.emit(copy(TEAM));
    await flush();
    const team = await lane(el);
    const shown = names(team);
    expect(shown.slice(0, 3)).toEqual([
      'Dana Whitfield, role: Executive Sponsor · no contacts covered yet',
      expect.stringMatching(/^Jordan Blake, role: Account Manager · \d+ contacts?$/),
      'Riley Chen, role: Sales Engineer · no contacts covered yet'
    ]);
    // Others with links follow, without a role.
    expect(shown.slice(3).some((n) => n.startsWith('Chris Vega · '))).toBe(true);
    expect(team.shadowRoot.querySelector('.sponsor')!.textContent).toMatch(
      /^Dana Whitfield \(Executive Sponsor\) <-> Margaret Hale.*: no relationship recorded yet\.$/
    );
    await expect(team).toBeAccessible();

    // "Record a relationship" (Dana's) opens their top executive with the team-link form, Dana chosen.
    (team.shadowRoot.querySelector('.record') as HTMLElement).click();
    await flush();
    await flush();
    const panel = el.shadowRoot.querySelector('c-org-chart-person-panel') as Shadowed;
    expect(panel.shadowRoot.querySelector('.person-name')!.textContent).toBe('Margaret Hale');
    const form = panel.shadowRoot.querySelector('c-org-chart-link-form') as Shadowed | null;
    const lookup = form?.shadowRoot.querySelector('.link-user') as
      | (HTMLElement & { value: string; valueLabel: string; quickOptions: { label: string; meta: string }[] })
      | null;
    expect(lookup).not.toBeNull();
    expect(lookup!.value).toBe(TEAM.members[0].userId);
    expect(lookup!.valueLabel).toBe('Dana Whitfield');
    // The quick choices say who is on the account team, in which role.
    expect(lookup!.quickOptions.find((o) => o.label === 'Riley Chen')!.meta).toBe(
      'Account team: Sales Engineer'
    );
    expect(lookup!.quickOptions.find((o) => o.label === 'Chris Vega')!.meta).toBe('Knows people here');
  });
});
