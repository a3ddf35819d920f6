/**
 * The org chart colours heat with the org's thresholds (KeyplanSettingsController.getSettings, override
 * over packaged default), not with the built-in defaults, and rebuilds when the settings arrive.
 */
import { createElement } from 'lwc';
import OrgChartHeatmap from 'c/orgChartHeatmap';
import loadOrgChartPage from '@salesforce/apex/OrgChartController.loadOrgChartPage';
import getSettings from '@salesforce/apex/KeyplanSettingsController.getSettings';
import type { OrgChartPage } from '@keyplan/contracts';

jest.mock('@salesforce/apex/OrgChartController.loadOrgChartPage', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.setTimeout(30000);

type WireMock = { emit(v: unknown): void };
const mockLoad = loadOrgChartPage as unknown as jest.Mock;
const settings = getSettings as unknown as WireMock;
const FIXTURE = jest.requireActual<OrgChartPage>(
  '../../../../../../test/fixtures/apex/OrgChartController.loadOrgChartPage.json'
);
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The heat band each node's label announces, by contact name. */
function bands(el: HTMLElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of el.shadowRoot!.querySelectorAll<HTMLElement>('.node')) {
    const label = n.getAttribute('aria-label') ?? '';
    const m = /^([^,]+),.*heat \d+ (cold|warm|hot|strong)/.exec(label);
    if (m) out.set(m[1], m[2]);
  }
  return out;
}

describe('c-org-chart-heatmap with the org settings', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it("bands heat with the org's thresholds once they arrive", async () => {
    const el = createElement('c-org-chart-heatmap', { is: OrgChartHeatmap });
    // One page holds the whole (small) chart.
    mockLoad.mockImplementation(() => Promise.resolve(JSON.parse(JSON.stringify(FIXTURE)) as OrgChartPage));
    Object.assign(el, { recordId: FIXTURE.accountId, depth: 0 });
    document.body.appendChild(el);
    await flush();
    await flush();
    const before = bands(el);
    expect(before.size).toBeGreaterThan(10);
    expect(new Set(before.values()).size).toBeGreaterThan(1);
    // An org whose thresholds are all zero: every contact is "strong".
    settings.emit({
      values: { Heat_Warm: 0, Heat_Hot: 0, Heat_Strong: 0 },
      overridden: ['Heat_Warm', 'Heat_Hot', 'Heat_Strong']
    });
    await flush();
    const after = bands(el);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...new Set(after.values())]).toEqual(['strong']);
  });
});
