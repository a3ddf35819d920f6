import { createElement } from 'lwc';
import WhitespaceCellPanel from 'c/whitespaceCellPanel';
import type { CellPanelDetail } from 'c/whitespaceCellPanel';
import { changeValue, flush, pressKey, recordEvents, shadowQueryAll } from '../../../../../test/lwcDom';
import { leakedBlanks } from '../../../../../test/testUtils';

type Host = HTMLElement & { detail: CellPanelDetail | undefined; saving: boolean };
type Stub = HTMLElement & { value: string; disabled: boolean; label: string; required: boolean };

/** Cells of the getWhitespace fixture in FY2025 as the matrix describes them (whitespaceMatrix/panel.ts). */
const WON: CellPanelDetail = {
  buyingCenterId: 'a0B5g0000001BC2AAA',
  offeringId: 'a0C5g0000001OF2AAA',
  fiscalYear: 2025,
  title: 'Helicopters Europe x Predictive Maintenance',
  summary: 'existing business, won $420K, no open pipeline, grown since FY2024, +$40K',
  state: 'Unassessed',
  competitor: '',
  potential: null,
  opportunities: [
    {
      id: '0065g0000001OP06AA',
      name: 'Helicopters Europe - Rotor health analytics renewal',
      detail: 'Closed Won · $420K · Mar 20, 2025'
    }
  ],
  canEdit: true,
  canCreateOpportunity: true
};
const WHITESPACE: CellPanelDetail = {
  ...WON,
  offeringId: 'a0C5g0000001OF1AAA',
  title: 'Helicopters Europe x IoT Platform',
  summary: 'whitespace, potential $1.2M, no open pipeline',
  state: 'Whitespace',
  potential: 1200000,
  opportunities: []
};

function mount(detail: CellPanelDetail, saving = false): Host {
  const el = createElement('c-whitespace-cell-panel', { is: WhitespaceCellPanel }) as Host;
  Object.assign(el, { detail, saving });
  document.body.appendChild(el);
  return el;
}
const q = <T extends Element = Stub>(el: Host, sel: string): T | null => el.shadowRoot!.querySelector<T>(sel);
const text = (el: Host, sel: string): string => q(el, sel)!.textContent!.replace(/\s+/g, ' ').trim();

describe('c-whitespace-cell-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the cell with its opportunities and assessment, and focuses its heading', async () => {
    const el = mount(WON);
    await flush();
    expect(text(el, '.panel-heading')).toBe('Helicopters Europe x Predictive Maintenance · FY2025');
    expect(text(el, '.cell-summary')).toBe(
      'Existing business, won $420K, no open pipeline, grown since FY2024, +$40K'
    );
    expect(shadowQueryAll(el, '.opp-link').map((a) => [a.textContent, a.dataset.id])).toEqual([
      ['Helicopters Europe - Rotor health analytics renewal', '0065g0000001OP06AA']
    ]);
    expect(text(el, '.opps .slds-text-body_small')).toBe('Closed Won · $420K · Mar 20, 2025');
    expect(q(el, '.no-opps')).toBeNull();
    const state = q<Stub & { options: { label: string }[] }>(el, '.state')!;
    expect(state.value).toBe('Unassessed');
    // The states are words, not only the matrix's colours.
    expect(state.options.map((o) => o.label)).toEqual([
      'Whitespace (a target to pursue)',
      'Competitor incumbent',
      'Not applicable',
      'Unassessed'
    ]);
    expect(q(el, '.competitor')).toBeNull();
    expect(q(el, '.potential')!.value).toBe('');
    expect(q(el, '.new-opp')!.label).toBe('New opportunity');
    expect(q(el, '.save')!.disabled).toBe(false);
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.panel-heading'));
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });

  it('says so when the cell has no opportunity, and keeps the stored potential', async () => {
    const el = mount({ ...WHITESPACE, canCreateOpportunity: false });
    await flush();
    expect(text(el, '.no-opps')).toBe('No opportunities in this cell for FY2025.');
    expect(q(el, '.new-opp')).toBeNull();
    expect(q(el, '.state')!.value).toBe('Whitespace');
    expect(q(el, '.potential')!.value).toBe('1200000');
    await expect(el).toBeAccessible();
  });

  it('saves the assessment, asking for the competitor and a positive potential first', async () => {
    const el = mount(WHITESPACE);
    const seen = recordEvents(el, ['save']);
    await flush();
    changeValue(q(el, '.state')!, 'Competitor');
    await flush();
    expect(q(el, '.competitor')!.required).toBe(true);
    changeValue(q(el, '.potential')!, '-5');
    q(el, '.save')!.click();
    await flush();
    expect(text(el, '.competitor-error')).toBe('Name the competitor that holds this business.');
    expect(text(el, '.potential-error')).toBe('Potential must be a positive amount or blank.');
    expect(seen).toEqual([]);
    await expect(el).toBeAccessible();
    changeValue(q(el, '.competitor')!, '  Airbus Digital  ');
    changeValue(q(el, '.potential')!, '900000');
    await flush();
    expect(q(el, '.competitor-error')).toBeNull();
    q(el, '.save')!.click();
    await flush();
    expect(q(el, '.potential-error')).toBeNull();
    expect(seen).toEqual([
      { name: 'save', detail: { state: 'Competitor', competitor: 'Airbus Digital', potential: 900000 } }
    ]);
    // Another state drops the competitor; a blank potential is null.
    changeValue(q(el, '.state')!, 'Not Applicable');
    changeValue(q(el, '.potential')!, '');
    q(el, '.save')!.click();
    expect(seen[1]).toEqual({
      name: 'save',
      detail: { state: 'Not Applicable', competitor: null, potential: null }
    });
  });

  it('disables Save while saving, keeps the input when the same cell comes back, resets on another cell', async () => {
    const el = mount(WHITESPACE, true);
    await flush();
    expect(q(el, '.save')!.disabled).toBe(true);
    await expect(el).toBeAccessible();
    changeValue(q(el, '.potential')!, '1500000');
    el.detail = { ...WHITESPACE };
    el.saving = false;
    await flush();
    expect(q(el, '.potential')!.value).toBe('1500000');
    expect(q(el, '.save')!.disabled).toBe(false);
    q(el, '.cell-summary')!.setAttribute('tabindex', '-1');
    q(el, '.cell-summary')!.focus();
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.cell-summary'));
    el.detail = WON;
    await flush();
    expect(q(el, '.potential')!.value).toBe('');
    expect(text(el, '.panel-heading')).toBe('Helicopters Europe x Predictive Maintenance · FY2025');
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.panel-heading'));
  });

  it('is read-only without edit access, and says why', async () => {
    const el = mount({ ...WON, canEdit: false });
    await flush();
    expect(q(el, '.state')!.disabled).toBe(true);
    expect(q(el, '.potential')!.disabled).toBe(true);
    expect(q(el, '.save')!.disabled).toBe(true);
    expect(text(el, '.read-only')).toBe('You can view this cell but not change its assessment.');
    await expect(el).toBeAccessible();
  });

  it('opens an opportunity, asks for a new one, and closes on Close or Escape', async () => {
    const el = mount(WON);
    const seen = recordEvents(el, ['openopportunity', 'newopportunity', 'close']);
    await flush();
    const link = q<HTMLAnchorElement>(el, '.opp-link')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    q(el, '.new-opp')!.click();
    q(el, '.cancel')!.click();
    q(el, '.close')!.click();
    const outer = jest.fn();
    document.body.addEventListener('keydown', outer);
    pressKey(q(el, '.potential')!, 'Escape');
    // Enter on a field does not close the panel.
    pressKey(q(el, '.potential')!, 'Enter');
    document.body.removeEventListener('keydown', outer);
    expect(seen).toEqual([
      { name: 'openopportunity', detail: { id: '0065g0000001OP06AA' } },
      { name: 'newopportunity', detail: null },
      { name: 'close', detail: null },
      { name: 'close', detail: null },
      { name: 'close', detail: null }
    ]);
    // Escape stops here: the matrix behind does not also react to it.
    expect(outer.mock.calls.map((c) => (c[0] as KeyboardEvent).key)).toEqual(['Enter']);
  });
});
