/**
 * The org chart reads activity (ActivityController.loadActivityPage) once the chart's pages are in: derived team
 * links warm the heat, the person panel says where the heat comes from, the status line says while the heat is
 * still being added, and a failed activity load leaves the chart with manual links only and says why.
 */
import { createElement } from 'lwc';
import OrgChartHeatmap from 'c/orgChartHeatmap';
import loadOrgChartPage from '@salesforce/apex/OrgChartController.loadOrgChartPage';
import loadActivityPage from '@salesforce/apex/ActivityController.loadActivityPage';
import type { ActivityPage, OrgChartPage } from '@keyplan/contracts';

jest.mock('@salesforce/apex/OrgChartController.loadOrgChartPage', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/ActivityController.loadActivityPage', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.setTimeout(30000);

const mockLoad = loadOrgChartPage as unknown as jest.Mock;
const mockActivity = loadActivityPage as unknown as jest.Mock;
const CHART = jest.requireActual<OrgChartPage>(
  '../../../../../../test/fixtures/apex/OrgChartController.loadOrgChartPage.json'
);
const ACTIVITY = jest.requireActual<ActivityPage>(
  '../../../../../../test/fixtures/apex/ActivityController.loadActivityPage.json'
);
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Host = HTMLElement & { recordId?: string; depth?: number };
async function mount(): Promise<Host> {
  mockLoad.mockImplementation(() => Promise.resolve(copy(CHART)));
  const el = createElement('c-org-chart-heatmap', { is: OrgChartHeatmap }) as Host;
  Object.assign(el, { recordId: CHART.accountId, depth: 0 });
  document.body.appendChild(el);
  await flush();
  await flush();
  (el.shadowRoot!.querySelector('.fit') as HTMLElement | null)?.click();
  await flush();
  return el;
}
const nodeOf = (el: Host, name: string): HTMLElement =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.node')].find((n) =>
    n.getAttribute('aria-label')!.startsWith(`${name},`)
  ) as HTMLElement;
const heatOf = (el: Host, name: string): number =>
  Number(/heat (\d+)/.exec(nodeOf(el, name).getAttribute('aria-label') ?? '')?.[1]);
const source = (el: Host): HTMLElement & { activity?: { sentence: string } } =>
  el
    .shadowRoot!.querySelector('c-org-chart-person-panel')!
    .shadowRoot!.querySelector('c-org-chart-activity-source') as HTMLElement & {
    activity?: { sentence: string };
  };

const statusLine = (el: Host): HTMLElement => el.shadowRoot!.querySelector('.activity-status') as HTMLElement;

describe('c-org-chart-heatmap with activity', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('warms the contacts with activity and tells the panel where the heat comes from', async () => {
    mockActivity.mockImplementation(() => Promise.resolve({ ...copy(ACTIVITY), nextCursor: null }));
    const withActivity = await mount();
    const warm = heatOf(withActivity, 'Margaret Hale');
    expect(mockActivity).toHaveBeenCalledWith({ accountId: CHART.accountId, cursor: null });
    nodeOf(withActivity, 'Margaret Hale').click();
    await flush();
    expect(source(withActivity).activity!.sentence).toMatch(/^9 meetings and 14 emails in 90 days, last /);
    document.body.removeChild(withActivity);

    mockActivity.mockImplementation(() => Promise.reject(new Error('no access to Event')));
    const without = await mount();
    expect(heatOf(without, 'Margaret Hale')).toBeLessThan(warm);
    nodeOf(without, 'Margaret Hale').click();
    await flush();
    const failed =
      'Logged activity could not be read (no access to Event). Heat counts recorded relationships only.';
    expect(source(without).activity!.sentence).toBe(failed);
    expect(statusLine(without).textContent!.trim()).toBe(failed);
    expect(statusLine(without).getAttribute('role')).toBe('status');
  });

  it('asks for the activity only after the chart is in, and says the heat is being added meanwhile', async () => {
    const order: string[] = [];
    let release: (page: ActivityPage) => void = () => undefined;
    mockActivity.mockImplementation(() => {
      order.push('activity');
      return new Promise<ActivityPage>((resolve) => (release = resolve));
    });
    mockLoad.mockImplementation(() => {
      order.push('chart');
      return Promise.resolve(copy(CHART));
    });
    const el = createElement('c-org-chart-heatmap', { is: OrgChartHeatmap }) as Host;
    Object.assign(el, { recordId: CHART.accountId, depth: 0 });
    document.body.appendChild(el);
    await flush();
    await flush();
    expect(order[0]).toBe('chart');
    expect(order.indexOf('activity')).toBe(order.lastIndexOf('chart') + 1);
    // The chart is drawn while the activity is still on its way.
    expect(el.shadowRoot!.querySelectorAll('.node').length).toBeGreaterThan(0);
    expect(statusLine(el).textContent!.trim()).toBe('Adding heat from logged meetings, calls and emails...');
    const cold = heatOf(el, 'Margaret Hale');
    nodeOf(el, 'Margaret Hale').click();
    await flush();
    expect(source(el).activity!.sentence).toBe('Adding heat from logged meetings, calls and emails...');

    release({ ...copy(ACTIVITY), nextCursor: null });
    await flush();
    await flush();
    expect(statusLine(el).textContent!.trim()).toBe('');
    expect(heatOf(el, 'Margaret Hale')).toBeGreaterThan(cold);
    expect(source(el).activity!.sentence).toMatch(/^9 meetings and 14 emails in 90 days, last /);
  });
});
