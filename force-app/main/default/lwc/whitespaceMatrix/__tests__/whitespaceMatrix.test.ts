import { createElement } from 'lwc';
import WhitespaceMatrix from 'c/whitespaceMatrix';
import getWhitespace from '@salesforce/apex/WhitespaceController.getWhitespace';
import saveCell from '@salesforce/apex/WhitespaceController.saveCell';
import createBuyingCenter from '@salesforce/apex/WhitespaceController.createBuyingCenter';
import mapOpportunity from '@salesforce/apex/WhitespaceController.mapOpportunity';
import { refreshApex } from '@salesforce/apex';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { formatCurrency } from 'c/keyplanCore';
import type { WhitespaceData } from '@keyplan/contracts';
import { countNullKeys, leakedBlanks, shownTexts, withoutNulls } from '../../../../../test/testUtils';
import { fieldValuesOf, navigate } from '../../../../../../test/jest/navigation.mock';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
const FIXTURE: WhitespaceData = require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json');

jest.mock(
  '@salesforce/apex/WhitespaceController.getWhitespace',
  () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories cannot use imports
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/WhitespaceController.saveCell', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/WhitespaceController.createBuyingCenter', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/WhitespaceController.mapOpportunity', () => ({ default: jest.fn() }), {
  virtual: true
});
// The next moves beside the matrix read the account's people (c-whitespace-next-moves has its own tests).
jest.mock(
  '@salesforce/apex/OrgChartController.loadOrgChartPage',
  () => ({
    default: jest.fn(() =>
      Promise.resolve({
        accountId: 'a',
        accountName: 'A',
        contacts: [],
        links: [],
        buyingCenters: [],
        totalContacts: 0,
        totalLinks: 0,
        truncated: false,
        nextCursor: null,
        fieldAccess: {}
      })
    )
  }),
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

// sa11y on a full matrix is slow on a busy machine.
jest.setTimeout(30000);

interface TestAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}
const wsAdapter = getWhitespace as unknown as TestAdapter;
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- the test drives the adapter
const objectInfoAdapter = getObjectInfo as unknown as TestAdapter;
const saveMock = saveCell as unknown as jest.Mock;
const createMock = createBuyingCenter as unknown as jest.Mock;
const mapMock = mapOpportunity as unknown as jest.Mock;
const refreshMock = refreshApex as unknown as jest.Mock;

const bc = (n: number): string => `a0B5g0000001BC${n}AAA`;
const of = (n: number): string => `a0C5g0000001OF${n}AAA`;
/** Money as the core formats it (compact, en-US, USD), so these tests follow the core's formatting. */
const $ = (n: number): string => formatCurrency(n, 'USD', { locale: 'en-US', compact: true });
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const el = createElement('c-whitespace-matrix', { is: WhitespaceMatrix });
  Object.assign(el, { recordId: FIXTURE.accountId, defaultFiscalYear: 2025, ...props });
  document.body.appendChild(el);
  return el;
}

async function mountWithData(
  data: WhitespaceData = clone(FIXTURE),
  props: Record<string, unknown> = {}
): Promise<HTMLElement> {
  const el = mount(props);
  wsAdapter.emit(data);
  await flush();
  return el;
}

const root = (el: HTMLElement): ShadowRoot => el.shadowRoot!;
/** The grid lives in its own component (c-whitespace-grid). */
const gridRoot = (el: HTMLElement): ShadowRoot => root(el).querySelector('c-whitespace-grid')!.shadowRoot!;
const cell = (el: HTMLElement, b: number, o: number): HTMLElement =>
  gridRoot(el).querySelector<HTMLElement>(`[role="gridcell"][data-bc="${bc(b)}"][data-offering="${of(o)}"]`)!;
const rowHeaders = (el: HTMLElement): string[] =>
  [...gridRoot(el).querySelectorAll('.bodyrows [role="rowheader"] .bcname')].map((n) =>
    n.textContent!.trim()
  );
const panel = (el: HTMLElement): ShadowRoot | null =>
  root(el).querySelector('c-whitespace-cell-panel')?.shadowRoot ?? null;
/** The focused element, looking into the grid when the focus is inside it. */
const focused = (el: HTMLElement): HTMLElement | null => {
  const active = root(el).activeElement as HTMLElement | null;
  return active?.tagName === 'C-WHITESPACE-GRID'
    ? (gridRoot(el).activeElement as HTMLElement | null)
    : active;
};
const key = (target: HTMLElement, k: string, init: KeyboardEventInit = {}): void => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, ...init }));
};

describe('c-whitespace-matrix', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows an accessible loading state and asks for the account and fiscal year', async () => {
    const el = mount();
    await flush();
    expect(root(el).querySelector('lightning-spinner')).not.toBeNull();
    expect(wsAdapter.getLastConfig()).toEqual({ accountId: FIXTURE.accountId, fiscalYear: 2025 });
    await expect(el).toBeAccessible();
  });

  it('shows a friendly error panel when the matrix cannot load', async () => {
    const el = mount();
    wsAdapter.error({ message: 'Insufficient access to Buying_Center__c' });
    await flush();
    const errorPanel = root(el).querySelector<HTMLElement & { friendlyMessage: string }>('c-error-panel')!;
    expect(errorPanel.friendlyMessage).toBe('The whitespace matrix could not be loaded.');
    expect(root(el).querySelector('c-whitespace-grid')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('shows an empty state with a hint and a way to add the first buying center', async () => {
    const el = await mountWithData({ ...clone(FIXTURE), buyingCenters: [], cells: [], opportunities: [] });
    expect(root(el).querySelector('.empty-message')!.textContent).toContain('no buying centers');
    await expect(el).toBeAccessible();
    root(el).querySelector<HTMLElement>('.add-bc-empty')!.click();
    await flush();
    expect(root(el).querySelector('c-whitespace-buying-center-form')).not.toBeNull();
  });

  it('says which offerings to activate when none is active', async () => {
    const data = clone(FIXTURE);
    data.offerings = data.offerings.map((o) => ({ ...o, active: false }));
    data.cells = [];
    data.opportunities = [];
    const el = await mountWithData(data);
    expect(root(el).querySelector('.empty-message')!.textContent).toContain('No active offerings');
  });

  it('renders nested buying centers as rows and active offerings as columns, in sort order', async () => {
    const el = await mountWithData();
    expect(rowHeaders(el)).toEqual([
      'Helicopters',
      'Helicopters Europe',
      'Helicopters Americas',
      'Commercial Aircraft',
      'Commercial Aircraft Europe',
      'Commercial Aircraft Asia-Pacific',
      'Defence and Space',
      'Space Systems',
      'Group IT'
    ]);
    // Names are clamped to the column width, so each carries its full text as a tooltip.
    for (const n of gridRoot(el).querySelectorAll<HTMLElement>(
      '.bcname, .colhead .colname, .colhead .family'
    ))
      expect(n.title).toBe(n.textContent);
    const cols = [...gridRoot(el).querySelectorAll('.colhead .colname')].map((n) => n.textContent);
    expect(cols).toEqual([
      'IoT Platform',
      'Predictive Maintenance',
      'Digital Twin',
      'Cloud Migration',
      'Cybersecurity Services',
      'Advisory'
    ]);
    const grid = gridRoot(el).querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).toBe('11');
    expect(grid.getAttribute('aria-colcount')).toBe('8');
    // Child rows are indented under their division.
    const europe = gridRoot(el).querySelectorAll<HTMLElement>('.bodyrows [role="rowheader"]')[1];
    expect(europe.getAttribute('style')).toContain('1.75rem');
    await expect(el).toBeAccessible();
  });

  it('labels every cell state with text and symbol, and its money for screen readers', async () => {
    const el = await mountWithData();
    const ws = cell(el, 2, 1);
    expect(ws.getAttribute('aria-label')).toBe(
      'Helicopters Europe x IoT Platform: whitespace, potential $1.2M, no open pipeline'
    );
    expect(ws.dataset.status).toBe('whitespace');
    expect(ws.querySelector('.state-text')!.textContent).toBe('Target');

    const comp = cell(el, 2, 5);
    expect(comp.dataset.status).toBe('competitor');
    expect(comp.querySelector('.state-text')!.textContent).toBe('Skyline Consulting');
    expect(comp.getAttribute('aria-label')).toContain('competitor incumbent Skyline Consulting');

    const won = cell(el, 5, 1);
    expect(won.dataset.status).toBe('won');
    expect(won.querySelector('.won')!.textContent).toBe(`W ${$(850000)}`);
    expect(won.querySelector('.pot')!.textContent).toBe(`Pot ${$(500000)}`);
    // 850K won in FY2025 against 600K in FY2024.
    expect(won.querySelector('.delta .slds-assistive-text')!.textContent).toBe(
      `grown since FY2024, +${$(250000)}`
    );
    expect(won.querySelector('.delta [aria-hidden]')!.textContent).toBe(`\u2191+${$(250000)}`);

    const open = cell(el, 5, 2);
    expect(open.dataset.status).toBe('active');
    expect(open.getAttribute('aria-label')).toContain(`open pipeline ${$(600000)}`);
    // FY2025 has closed: an open deal won nothing that year, so no "new business".
    expect(open.querySelector('.delta')).toBeNull();

    expect(cell(el, 3, 2).dataset.status).toBe('not-applicable');
    expect(cell(el, 3, 2).querySelector('.state-text')!.textContent).toBe('N/A');
    // Won 250K in FY2024, nothing in FY2025 although assessed not applicable now.
    expect(cell(el, 3, 2).querySelector('.delta .slds-assistive-text')!.textContent).toBe(
      `lost since FY2024, \u2212${$(250000)}`
    );
    expect(el.shadowRoot!.querySelector('.year-note')!.textContent).toBe(
      'Changes: FY2025 won against FY2024 won.'
    );
    // Sort rows by name: the top level is alphabetical, sub-centers stay under their division.
    const sort = el.shadowRoot!.querySelector('lightning-combobox.row-sort')!;
    sort.dispatchEvent(new CustomEvent('change', { detail: { value: 'name' } }));
    await flush();
    const heads = [...gridRoot(el).querySelectorAll('.bodyrows .bcname')].map((n) => n.textContent);
    expect(heads[0]).toBe('Commercial Aircraft');
    expect(heads[1]).toBe('Commercial Aircraft Asia-Pacific');
    sort.dispatchEvent(new CustomEvent('change', { detail: { value: 'order' } }));
    await flush();
    expect(cell(el, 9, 1).dataset.status).toBe('unassessed');
    expect(cell(el, 9, 1).querySelector('.state-text')!.textContent).toBe('Not assessed');
  });

  it('compares row totals (with sub-centers) with buying-center goals and shows the plan summary', async () => {
    const el = await mountWithData();
    const totals = [...gridRoot(el).querySelectorAll<HTMLElement>('.bodyrows .total')];
    // Commercial Aircraft: 850K won and 600K open (Europe), side by side and never summed; 90K won
    // unmapped to an offering is not in a cell.
    expect(totals[3].querySelector('.total-value')!.textContent).toBe(`${$(850000)} won`);
    expect(totals[3].querySelector('.total-pipe')!.textContent).toBe(`+ ${$(600000)} open`);
    expect(totals[3].querySelector('.goal')!.textContent).toContain(`of ${$(6e6)}`);
    expect(totals[3].querySelector('.goal')!.textContent).toMatch(/\d+% won$/);
    // The division's row shows its sub-centers' cells (rolled up), not "Not assessed".
    expect(cell(el, 4, 1).dataset.status).toBe('won');
    expect(cell(el, 4, 1).className).toContain('cell_rolled');
    // Not assessed without money: a muted dot, its words kept for hover, focus and screen readers.
    expect(cell(el, 9, 1).className).toContain('cell_muted');
    expect(cell(el, 9, 1).querySelector('.glyph')!.textContent).toBe('\u00B7');
    expect(cell(el, 9, 1).getAttribute('aria-label')).toContain('unassessed');
    expect(totals[3].getAttribute('aria-label')).toContain(
      `Commercial Aircraft total with sub-centers: won ${$(850000)}`
    );
    // Group IT has no goal.
    expect(totals[8].getAttribute('aria-label')).toContain('no goal set');

    const colTotals = [...gridRoot(el).querySelectorAll('.foot .coltotal')].map((n) => n.textContent!.trim());
    expect(colTotals[0]).toBe($(850000)); // IoT Platform
    expect(colTotals[3]).toBe($(450000)); // Cloud Migration: 300K won + 150K open
    // Grand total includes the unmapped money: 850+600+300+150+220+420+180 mapped, 500+90 unmapped.
    expect(colTotals[6]).toBe($(3310000));

    const summary = root(el).querySelector('c-whitespace-summary')!.shadowRoot!;
    const tile = (k: string): string => summary.querySelector(`[data-key="${k}"]`)!.textContent!;
    expect(tile('won')).toContain($(1660000));
    expect(tile('won')).toContain(`goal ${$(16e6)}`);
    expect(tile('mining')).toContain(`goal ${$(6e6)}`);
    expect(tile('farming')).toContain(`goal ${$(1e7)}`);
    expect(tile('unmapped')).toContain($(590000));
    await expect(el).toBeAccessible();
  });

  it('collapses a division: its regions hide and its cells show the rolled-up money', async () => {
    const el = await mountWithData();
    const toggle = gridRoot(el).querySelectorAll<HTMLElement>('.toggle')[1]; // Commercial Aircraft
    expect(toggle.getAttribute('aria-label')).toBe('Collapse Commercial Aircraft');
    toggle.click();
    await flush();
    expect(rowHeaders(el)).not.toContain('Commercial Aircraft Europe');
    expect(rowHeaders(el)).toHaveLength(7);
    const rolled = cell(el, 4, 1);
    expect(rolled.dataset.status).toBe('won');
    expect(rolled.getAttribute('aria-label')).toContain(
      `Commercial Aircraft (with sub-centers) x IoT Platform: existing business, won ${$(850000)}`
    );
    const toggleBtn = gridRoot(el).querySelector(`.toggle[data-id="${bc(4)}"]`)!;
    expect(toggleBtn.getAttribute('aria-expanded')).toBe('false');
    gridRoot(el).querySelectorAll<HTMLElement>('.toggle')[1].click();
    await flush();
    expect(rowHeaders(el)).toHaveLength(9);
  });

  it('moves focus across cells with arrows, Home/End and opens a cell with Enter (roving tabindex)', async () => {
    const el = await mountWithData();
    const first = cell(el, 1, 1);
    expect(first.tabIndex).toBe(0);
    expect(gridRoot(el).querySelectorAll('[role="grid"] [tabindex="0"]')).toHaveLength(1);
    first.focus();
    key(first, 'ArrowDown');
    await flush();
    expect(focused(el)).toBe(cell(el, 2, 1));
    expect(cell(el, 2, 1).tabIndex).toBe(0);
    expect(cell(el, 1, 1).tabIndex).toBe(-1);
    key(focused(el)!, 'ArrowRight');
    await flush();
    expect(focused(el)).toBe(cell(el, 2, 2));
    key(focused(el)!, 'End');
    await flush();
    expect(focused(el)!.classList.contains('total')).toBe(true);
    key(focused(el)!, 'Home');
    await flush();
    expect(focused(el)!.getAttribute('role')).toBe('rowheader');
    key(focused(el)!, 'ArrowUp');
    key(focused(el)!, 'ArrowUp');
    await flush();
    expect(focused(el)!.getAttribute('role')).toBe('columnheader');
    key(focused(el)!, 'End', { ctrlKey: true });
    await flush();
    expect(focused(el)!.classList.contains('grand')).toBe(true);
    key(focused(el)!, 'PageUp');
    key(focused(el)!, 'ArrowLeft');
    await flush();
    key(focused(el)!, 'Home', { ctrlKey: true });
    await flush();
    expect(focused(el)!.classList.contains('corner')).toBe(true);
    // Enter on a cell opens its panel.
    key(focused(el)!, 'PageDown');
    key(focused(el)!, 'ArrowRight');
    await flush();
    key(focused(el)!, 'Enter');
    await flush();
    expect(panel(el)).not.toBeNull();
    expect(panel(el)!.querySelector('.panel-heading')!.textContent).toContain('x IoT Platform');
    // Other keys are left alone.
    const ev = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true });
    focused(el)!.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(false);
  });

  it('toggles a division with Enter on its row header', async () => {
    const el = await mountWithData();
    const header = gridRoot(el).querySelector<HTMLElement>(`[data-row="0"][data-col="0"]`)!;
    header.click();
    await flush();
    key(header, 'Enter');
    await flush();
    expect(rowHeaders(el)).not.toContain('Helicopters Europe');
  });

  it('opens a cell panel with its opportunities as links that navigate to the record', async () => {
    const el = await mountWithData();
    cell(el, 5, 1).click();
    await flush();
    const p = panel(el)!;
    const heading = p.querySelector<HTMLElement>('.panel-heading')!;
    expect(heading.textContent).toContain('Commercial Aircraft Europe x IoT Platform');
    expect(heading.title).toBe(heading.textContent!.trim());
    // The cell's description reads as a sentence: capital first, no blanks leaked.
    const summary = p.querySelector('.cell-summary')!.textContent!;
    expect(summary.charAt(0)).toBe(summary.charAt(0).toUpperCase());
    expect(summary).not.toMatch(/undefined|NaN|null/);
    const links = [...p.querySelectorAll<HTMLElement>('.opp-link')];
    expect(links.map((a) => a.textContent)).toEqual(['CA Europe - IoT fleet telemetry rollout']);
    links[0].click();
    expect(navigate).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: '0065g0000001OP01AA', objectApiName: 'Opportunity', actionName: 'view' }
    });
    await expect(el).toBeAccessible();
    p.querySelector<HTMLElement>('.cancel')!.click();
    await flush();
    expect(panel(el)).toBeNull();
  });

  it('creates a new opportunity prefilled from the cell (name, remaining potential, end of the fiscal year, growth type)', async () => {
    const el = await mountWithData();
    cell(el, 2, 1).click();
    await flush();
    expect(panel(el)!.querySelector('.no-opps')).not.toBeNull();
    panel(el)!.querySelector<HTMLElement>('.new-opp')!.click();
    const ref = navigate.mock.calls.at(-1)![0];
    expect(ref.type).toBe('standard__objectPage');
    expect(ref.attributes).toEqual({ objectApiName: 'Opportunity', actionName: 'new' });
    const values = fieldValuesOf(ref);
    expect(values).toMatchObject({
      AccountId: FIXTURE.accountId,
      Keyplan_Buying_Center__c: bc(2),
      Keyplan_Offering__c: of(1)
    });
    expect(values.Name).toMatch(/ - FY\d{4}$/);
    expect(values.CloseDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(['Mining', 'Farming']).toContain(values.Keyplan_Growth_Type__c);
  });

  it('requires a competitor name before saving a competitor cell', async () => {
    const el = await mountWithData();
    cell(el, 9, 1).click();
    await flush();
    const p = panel(el)!;
    p.querySelector('lightning-radio-group')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Competitor' } })
    );
    await flush();
    p.querySelector<HTMLElement>('.save')!.click();
    await flush();
    expect(p.querySelector('.competitor-error')!.textContent).toContain('Name the competitor');
    expect(saveMock).not.toHaveBeenCalled();
    await expect(el).toBeAccessible();
  });

  it('saves a competitor cell and updates the cell and totals without a reload', async () => {
    const el = await mountWithData();
    saveMock.mockResolvedValue({
      id: 'a0D5g0000001LC99AA',
      buyingCenterId: bc(9),
      offeringId: of(1),
      fiscalYear: 2025,
      state: 'Competitor',
      competitor: 'Dassault Systemes',
      potential: 900000,
      lastModified: '2025-06-01T10:00:00.000Z'
    });
    cell(el, 9, 1).click();
    await flush();
    const p = panel(el)!;
    p.querySelector('lightning-radio-group')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Competitor' } })
    );
    await flush();
    p.querySelector('.competitor')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: '  Dassault Systemes ' } })
    );
    p.querySelector('.potential')!.dispatchEvent(new CustomEvent('change', { detail: { value: '900000' } }));
    p.querySelector<HTMLElement>('.save')!.click();
    await flush();
    expect(saveMock).toHaveBeenCalledWith({
      input: {
        buyingCenterId: bc(9),
        offeringId: of(1),
        fiscalYear: 2025,
        state: 'Competitor',
        competitor: 'Dassault Systemes',
        potential: 900000
      }
    });
    const c = cell(el, 9, 1);
    expect(c.dataset.status).toBe('competitor');
    expect(c.querySelector('.state-text')!.textContent).toBe('Dassault Systemes');
    const summary = root(el).querySelector('c-whitespace-summary')!.shadowRoot!;
    // Two figures (docs/DEFINITIONS.md): Whitespace cells 1.2M + 2M + 300K + 500K; Competitor cells
    // 400K + 750K + the 900K just saved.
    expect(summary.querySelector('[data-key="potential"]')!.textContent).toContain($(4000000));
    expect(summary.querySelector('[data-key="competitive"]')!.textContent).toContain($(2050000));
    expect(refreshMock).toHaveBeenCalled();
  });

  it('updates an existing cell with its id and lastModified, and shows a save error', async () => {
    const el = await mountWithData();
    saveMock.mockRejectedValue({ body: { message: 'Someone changed this cell since you loaded it.' } });
    cell(el, 2, 1).click();
    await flush();
    const p = panel(el)!;
    p.querySelector('lightning-radio-group')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Not Applicable' } })
    );
    p.querySelector('.potential')!.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
    p.querySelector<HTMLElement>('.save')!.click();
    await flush();
    expect(saveMock.mock.calls[0][0].input).toEqual({
      id: 'a0D5g0000001LC01AA',
      lastModified: '2025-02-03T09:15:00.000Z',
      buyingCenterId: bc(2),
      offeringId: of(1),
      fiscalYear: 2025,
      state: 'Not Applicable',
      competitor: null,
      potential: null
    });
    const errorPanel = root(el).querySelector<HTMLElement & { friendlyMessage: string }>(
      '.action-error c-error-panel'
    )!;
    expect(errorPanel.friendlyMessage).toBe('Your change could not be saved.');
    expect(cell(el, 2, 1).dataset.status).toBe('whitespace');
    await expect(el).toBeAccessible();
  });

  it('rejects a negative potential in the panel', async () => {
    const el = await mountWithData();
    cell(el, 2, 1).click();
    await flush();
    const p = panel(el)!;
    p.querySelector('.potential')!.dispatchEvent(new CustomEvent('change', { detail: { value: '-5' } }));
    p.querySelector<HTMLElement>('.save')!.click();
    await flush();
    expect(p.querySelector('.potential-error')).not.toBeNull();
    expect(saveMock).not.toHaveBeenCalled();
  });

  it('closes the panel with Escape', async () => {
    const el = await mountWithData();
    cell(el, 2, 1).click();
    await flush();
    key(panel(el)!.querySelector<HTMLElement>('.panel-heading')!, 'Escape');
    await flush();
    expect(panel(el)).toBeNull();
  });

  it('makes the panel read-only when the user cannot update landscape cells', async () => {
    const el = await mountWithData();
    objectInfoAdapter.emit({
      apiName: 'Landscape_Cell__c',
      fields: {
        State__c: { updateable: false },
        Competitor__c: { updateable: false },
        Potential__c: { updateable: false }
      }
    });
    await flush();
    cell(el, 2, 1).click();
    await flush();
    const p = panel(el)!;
    expect((p.querySelector('.save') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
    expect((p.querySelector('lightning-radio-group') as HTMLElement & { disabled: boolean }).disabled).toBe(
      true
    );
    expect(p.querySelector('.read-only')).not.toBeNull();
  });

  it('switches the fiscal year: asks the server for it and shows that year at once', async () => {
    const el = await mountWithData();
    const combo = root(el).querySelector('lightning-combobox.year') as HTMLElement & {
      value: string;
      options: { value: string }[];
    };
    expect(combo.value).toBe('2025');
    expect(combo.options.map((o) => o.value)).toEqual(expect.arrayContaining(['2024', '2025']));
    combo.dispatchEvent(new CustomEvent('change', { detail: { value: '2024' } }));
    await flush();
    expect(wsAdapter.getLastConfig()).toEqual({ accountId: FIXTURE.accountId, fiscalYear: 2024 });
    expect(cell(el, 3, 2).dataset.status).toBe('won');
    expect(cell(el, 6, 1).querySelector('.state-text')!.textContent).toBe('Globex Security');
    // No FY2023 data, so no change markers.
    expect(gridRoot(el).querySelector('.delta')).toBeNull();
    expect(el.shadowRoot!.querySelector('.year-note')!.textContent).toBe(
      'FY2024: no prior year with deals to compare with.'
    );
    combo.dispatchEvent(new CustomEvent('change', { detail: { value: '2024' } }));
    await flush();
    expect(wsAdapter.getLastConfig()).toEqual({ accountId: FIXTURE.accountId, fiscalYear: 2024 });
  });

  it('groups rows by company on a group plan, each row naming its company', async () => {
    const single = await mountWithData();
    expect(root(single).querySelector('.group-by-company')).toBeNull();
    document.body.removeChild(single);

    const data = clone(FIXTURE);
    const HELI = '0015g00000HELI01AA';
    data.accounts = [
      { id: FIXTURE.accountId, name: 'Aerovance Group', parentId: null },
      { id: HELI, name: 'Aerovance Helicopters', parentId: FIXTURE.accountId }
    ];
    data.buyingCenters = data.buyingCenters.map((b) => ({
      ...b,
      accountId: FIXTURE.accountId,
      subsidiaryId: b.name.startsWith('Helicopters') ? HELI : null
    }));
    const el = await mountWithData(data);
    expect(rowHeaders(el)[0]).toBe('Helicopters');
    const grand = (): string => gridRoot(el).querySelector('.grand')!.getAttribute('aria-label')!;
    const grandBefore = grand();
    const box = root(el).querySelector<HTMLInputElement & { checked: boolean }>('.group-by-company')!;
    box.checked = true;
    box.dispatchEvent(new CustomEvent('change'));
    await flush();
    expect(rowHeaders(el)[0]).toBe('Commercial Aircraft');
    // Grouping adds header rows, never money: the grand total is the same.
    expect(grand()).toBe(grandBefore);
    const companies = [...gridRoot(el).querySelectorAll('.bodyrows .bccompany')].map((n) => n.textContent);
    expect(companies[0]).toBe('Aerovance Group');
    expect(companies).toContain('Aerovance Helicopters');
    // Each company heads its rows with its subtotals; the last row keeps the grand total.
    const groupNames = (): string[] =>
      [...gridRoot(el).querySelectorAll('.row_group .groupname')].map((n) => n.textContent!);
    expect(groupNames()).toEqual(['Aerovance Group', 'Aerovance Helicopters']);
    await expect(el).toBeAccessible();
    // Its button collapses the company (the card keeps the choice), and expands it again.
    const heliRows = (): number => rowHeaders(el).filter((n) => n.startsWith('Helicopters')).length;
    expect(heliRows()).toBe(3);
    const heliToggle = (): HTMLButtonElement =>
      [...gridRoot(el).querySelectorAll<HTMLButtonElement>('.row_group button')][1];
    heliToggle().click();
    await flush();
    expect(heliRows()).toBe(0);
    expect(heliToggle().getAttribute('aria-expanded')).toBe('false');
    expect(groupNames()).toEqual(['Aerovance Group', 'Aerovance Helicopters']);
    await expect(el).toBeAccessible();
    heliToggle().click();
    await flush();
    expect(heliRows()).toBe(3);
    box.checked = false;
    box.dispatchEvent(new CustomEvent('change'));
    await flush();
    expect(rowHeaders(el)[0]).toBe('Helicopters');
    expect(gridRoot(el).querySelector('.bccompany')).toBeNull();
  });

  it('sorts offering columns from the "Sort offerings by" choice', async () => {
    const el = await mountWithData();
    const names = (): string[] =>
      [...gridRoot(el).querySelectorAll('.colhead .colname')].map((h) => h.textContent!.trim());
    const before = names();
    const combo = root(el).querySelector('lightning-combobox.column-sort') as HTMLElement & { value: string };
    expect(combo.value).toBe('order');
    combo.dispatchEvent(new CustomEvent('change', { detail: { value: 'name' } }));
    await flush();
    expect(names()).not.toEqual(before);
    expect(names()).toEqual([...before].sort((a, b) => a.localeCompare(b)));
  });

  it("offers to copy last year's assessment into the year shown and reloads after a copy", async () => {
    const el = await mountWithData();
    const copy = root(el).querySelector('c-whitespace-copy-assessment') as HTMLElement & {
      accountId: string;
      fiscalYear: number;
      cells: unknown[];
      canEdit: boolean;
    };
    expect(copy.accountId).toBe(FIXTURE.accountId);
    expect(copy.fiscalYear).toBe(2025);
    expect(copy.cells).toHaveLength(FIXTURE.cells.length);
    expect(copy.canEdit).toBe(true);
    copy.dispatchEvent(
      new CustomEvent('copied', { detail: { fromYear: 2024, toYear: 2025, created: 1, updated: 0 } })
    );
    await flush();
    expect(refreshMock).toHaveBeenCalledTimes(1);
  });

  it('lists unmapped opportunities and maps one to a buying center and offering', async () => {
    const el = await mountWithData();
    expect(root(el).querySelector('.unmapped-text')!.textContent).toBe(
      `2 unmapped opportunities: won ${$(90000)}, open ${$(500000)}`
    );
    root(el).querySelector<HTMLElement>('.unmapped-toggle')!.click();
    await flush();
    const list = root(el).querySelector('c-whitespace-unmapped')!.shadowRoot!;
    const items = [...list.querySelectorAll<HTMLElement>('.item')];
    expect(items.map((i) => i.dataset.id)).toEqual(['0065g0000001OP07AA', '0065g0000001OP08AA']);
    expect(items[0].textContent).toContain('No buying center');
    // Without a choice: a message, no call.
    items[0].querySelector<HTMLElement>('.map')!.click();
    await flush();
    expect(list.querySelector('.map-error')!.textContent).toContain('Pick both');
    expect(mapMock).not.toHaveBeenCalled();
    await expect(el).toBeAccessible();

    mapMock.mockResolvedValue({ ...FIXTURE.opportunities[6], buyingCenterId: bc(5), offeringId: of(3) });
    items[0].querySelector('.bc')!.dispatchEvent(new CustomEvent('change', { detail: { value: bc(5) } }));
    items[0]
      .querySelector('.offering')!
      .dispatchEvent(new CustomEvent('change', { detail: { value: of(3) } }));
    await flush();
    items[0].querySelector<HTMLElement>('.map')!.click();
    await flush();
    expect(mapMock).toHaveBeenCalledWith({
      opportunityId: '0065g0000001OP07AA',
      buyingCenterId: bc(5),
      offeringId: of(3),
      // The version the matrix loaded, so Apex refuses the mapping if someone changed the deal since.
      lastModified: FIXTURE.opportunities[6].lastModified
    });
    expect(FIXTURE.opportunities[6].id).toBe('0065g0000001OP07AA');
    expect(root(el).querySelector('.unmapped-text')!.textContent).toBe(
      `1 unmapped opportunity: won ${$(90000)}, open ${$(0)}`
    );
    expect(cell(el, 5, 3).dataset.status).toBe('active');
    expect(refreshMock).toHaveBeenCalled();
    list.querySelector<HTMLElement>('.opp-link')!.click();
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ type: 'standard__recordPage' }));
  });

  it('shows an error when mapping fails', async () => {
    const el = await mountWithData();
    mapMock.mockRejectedValue({ body: { message: 'Opportunity changed since you loaded it.' } });
    root(el).querySelector<HTMLElement>('.unmapped-toggle')!.click();
    await flush();
    const list = root(el).querySelector('c-whitespace-unmapped')!.shadowRoot!;
    const item = list.querySelector<HTMLElement>('.item')!;
    item.querySelector('.bc')!.dispatchEvent(new CustomEvent('change', { detail: { value: bc(5) } }));
    item.querySelector('.offering')!.dispatchEvent(new CustomEvent('change', { detail: { value: of(3) } }));
    item.querySelector<HTMLElement>('.map')!.click();
    await flush();
    expect(root(el).querySelector('.action-error')).not.toBeNull();
    root(el).querySelector<HTMLElement>('.action-error lightning-button')!.click();
    await flush();
    expect(root(el).querySelector('.action-error')).toBeNull();
  });

  it('adds a buying center under a parent and shows it as a row at once', async () => {
    const el = await mountWithData();
    createMock.mockResolvedValue({
      id: 'a0B5g0000001BCAAAA',
      name: 'Helicopters Asia',
      parentId: bc(1),
      walletSize: null,
      salesGoal: null,
      active: true,
      sortOrder: 3
    });
    root(el).querySelector<HTMLElement>('.add-bc')!.click();
    await flush();
    const form = root(el).querySelector('c-whitespace-buying-center-form')!.shadowRoot!;
    await expect(el).toBeAccessible();
    form.querySelector<HTMLElement>('.create')!.click();
    await flush();
    expect(form.querySelector('.name-error')).not.toBeNull();
    expect(createMock).not.toHaveBeenCalled();
    form
      .querySelector('.name')!
      .dispatchEvent(new CustomEvent('change', { detail: { value: ' Helicopters Asia ' } }));
    form.querySelector('.parent')!.dispatchEvent(new CustomEvent('change', { detail: { value: bc(1) } }));
    form.querySelector<HTMLElement>('.create')!.click();
    await flush();
    expect(createMock).toHaveBeenCalledWith({
      accountId: FIXTURE.accountId,
      name: 'Helicopters Asia',
      parentId: bc(1),
      subsidiaryId: null
    });
    expect(rowHeaders(el).slice(0, 4)).toEqual([
      'Helicopters',
      'Helicopters Europe',
      'Helicopters Americas',
      'Helicopters Asia'
    ]);
    expect(root(el).querySelector('c-whitespace-buying-center-form')).toBeNull();
  });

  it('cancels adding a buying center with Escape', async () => {
    const el = await mountWithData();
    root(el).querySelector<HTMLElement>('.add-bc')!.click();
    await flush();
    const form = root(el).querySelector('c-whitespace-buying-center-form')!.shadowRoot!;
    key(form.querySelector<HTMLElement>('section')!, 'Escape');
    await flush();
    expect(root(el).querySelector('c-whitespace-buying-center-form')).toBeNull();
  });

  it('renders only the visible window of a large matrix and follows the scroll', async () => {
    const data = clone(FIXTURE);
    data.cells = [];
    data.opportunities = [];
    data.buyingCenters = Array.from({ length: 300 }, (_, i) => ({
      id: `a0B5g00000${String(i).padStart(5, '0')}AAA`,
      name: `Center ${String(i).padStart(3, '0')}`,
      parentId: null,
      walletSize: null,
      salesGoal: null,
      active: true,
      sortOrder: i
    }));
    const el = await mountWithData(data, { matrixHeight: 480 });
    const rendered = (): number => gridRoot(el).querySelectorAll('.bodyrows [role="row"]').length;
    expect(rendered()).toBeLessThan(30);
    expect(gridRoot(el).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).toBe('302');
    const scroller = gridRoot(el).querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = 72 * 150;
    scroller.dispatchEvent(new CustomEvent('scroll'));
    await flush();
    const names = rowHeaders(el);
    expect(names).toContain('Center 150');
    expect(names).not.toContain('Center 000');
    const firstRow = gridRoot(el).querySelector('.bodyrows [role="row"]')!;
    expect(Number(firstRow.getAttribute('aria-rowindex'))).toBeGreaterThan(100);
    expect(gridRoot(el).querySelector<HTMLElement>('.top-spacer')!.style.height).not.toBe('0px');
    // Keyboard focus that leaves the window scrolls it along.
    const c = gridRoot(el).querySelector<HTMLElement>('.bodyrows [role="gridcell"]')!;
    c.click();
    for (let i = 0; i < 20; i++) key(c, 'ArrowDown');
    key(c, 'PageDown');
    await flush();
    expect(focused(el)).not.toBeNull();
    expect(scroller.scrollTop).toBeGreaterThan(72 * 150);
    await expect(el).toBeAccessible();
  });

  /** What the user sees in the matrix, the unmapped list and two blank cells, and any leaked blanks. */
  async function tour(data: WhitespaceData): Promise<{ texts: string[][]; leaks: string[] }> {
    // One element at a time: the test adapter emits to every mounted instance.
    const el = await mountWithData(data);
    const texts: string[][] = [];
    const leaks: string[] = [];
    const look = (): void => {
      texts.push(shownTexts(el));
      leaks.push(...leakedBlanks(el));
    };
    look();
    await expect(el).toBeAccessible();
    root(el).querySelector<HTMLElement>('.unmapped-toggle')!.click();
    await flush();
    look();
    // Not Applicable and Unassessed cells: no competitor, no potential.
    for (const [b, o] of [
      [3, 2],
      [8, 4]
    ]) {
      cell(el, b, o).click();
      // eslint-disable-next-line no-await-in-loop -- one step after another, as a user would
      await flush();
      expect(panel(el)).not.toBeNull();
      look();
    }
    el.remove();
    return { texts, leaks };
  }

  it('renders the matrix, the unmapped list and blank cells when Apex omits null properties, as with explicit nulls', async () => {
    // Apex leaves null DTO properties out of the JSON: the component sees undefined, not null.
    expect(countNullKeys(FIXTURE)).toBeGreaterThan(20);
    const expected = await tour(clone(FIXTURE));
    const seen = await tour(withoutNulls(FIXTURE));
    expect(expected.texts[0].length).toBeGreaterThan(100);
    expect(seen.texts).toEqual(expected.texts);
    expect(seen.leaks).toEqual([]);
  });

  it('shows blank wallet sizes, sales goals and plan goals the same whether Apex sent null or left them out', async () => {
    const blank: WhitespaceData = {
      ...clone(FIXTURE),
      buyingCenters: FIXTURE.buyingCenters.map((b) => ({ ...b, walletSize: null, salesGoal: null })),
      plan: { ...FIXTURE.plan!, revenueGoal: null, miningGoal: null, farmingGoal: null }
    };
    const expected = await tour(clone(blank));
    const seen = await tour(withoutNulls(blank));
    expect(seen.texts).toEqual(expected.texts);
    expect(seen.leaks).toEqual([]);
  });
});
