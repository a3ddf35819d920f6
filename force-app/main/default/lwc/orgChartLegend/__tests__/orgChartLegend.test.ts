import { createElement } from 'lwc';
import OrgChartLegend from 'c/orgChartLegend';
import { leakedBlanks } from '../../../../../test/testUtils';
import { flush, pressKey, recordEvents, shadowQueryAll } from '../../../../../test/lwcDom';

jest.setTimeout(30000);

const ENTRIES = [
  { key: 'Champion', label: 'Champion', colour: '#009e73', count: 4 },
  { key: 'Detractor', label: 'Detractor', colour: '#e69f00', count: 3 }
];

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const el = createElement('c-org-chart-legend', { is: OrgChartLegend });
  Object.assign(el, { heading: 'Colour: Stance', entries: ENTRIES, ...props });
  document.body.appendChild(el);
  return el;
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-org-chart-legend', () => {
  it('shows each colour as a toggle button with its count, accessible', async () => {
    const el = mount();
    await flush();
    const buttons = shadowQueryAll(el, 'button.entry-button');
    expect(buttons.map((b) => b.textContent!.trim())).toEqual(['Champion (4)', 'Detractor (3)']);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false']);
    expect(buttons[1].title).toBe('Show only Detractor');
    await expect(el).toBeAccessible();
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
  });

  it('fires select with the key on click or keyboard activation, and shows the pressed keys', async () => {
    const el = mount({ selected: ['Detractor'] });
    const events = recordEvents(el, ['select']);
    await flush();
    const buttons = shadowQueryAll(el, 'button.entry-button');
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    expect(buttons[1].classList).toContain('is-pressed');
    buttons[1].click();
    // A native button: Enter and Space click it; the handler is the click handler.
    buttons[0].focus();
    pressKey(buttons[0], 'Enter');
    buttons[0].click();
    expect(events).toEqual([
      { name: 'select', detail: { key: 'Detractor' } },
      { name: 'select', detail: { key: 'Champion' } }
    ]);
    expect(el.shadowRoot!.querySelector('.legend-hint')!.textContent).toContain('press again');
    await expect(el).toBeAccessible();
  });

  it('renders nothing broken without entries', async () => {
    const el = mount({ entries: undefined, selected: undefined });
    await flush();
    expect(shadowQueryAll(el, 'button.entry-button')).toHaveLength(0);
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
  });
});
