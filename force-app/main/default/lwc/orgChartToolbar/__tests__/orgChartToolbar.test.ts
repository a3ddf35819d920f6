import { createElement } from 'lwc';
import OrgChartToolbar from 'c/orgChartToolbar';
import { NO_FILTER, withKeys, type ChartFilter } from 'c/keyplanCore';
import { leakedBlanks } from '../../../../../test/testUtils';
import {
  changeValue,
  flush,
  pressKey,
  recordEvents,
  shadowQuery,
  shadowQueryAll,
  typeInto
} from '../../../../../test/lwcDom';
import { SEVERAL, filterPicker, resultSummary, FILTER_PICKERS } from '../toolbarOptions';

jest.setTimeout(30000);

type Toolbar = HTMLElement & Record<string, unknown>;
const EVENTS = [
  'colourchange',
  'filterchange',
  'search',
  'jump',
  'levelschange',
  'zoomin',
  'zoomout',
  'fit',
  'expandall',
  'togglecoverage'
];
const RESULTS = [
  { id: 'c1', name: 'Victor Okafor', detail: 'Chief Financial Officer · Detractor · Economic Buyer' },
  { id: 'c2', name: 'Radia Perlman', detail: 'CISO · Detractor · Technical Buyer' },
  { id: 'c3', name: 'Jonas Lind', detail: 'Security Architect · Detractor' }
];

function mount(props: Record<string, unknown> = {}): {
  el: Toolbar;
  events: { name: string; detail: unknown }[];
} {
  const el = createElement('c-org-chart-toolbar', { is: OrgChartToolbar }) as unknown as Toolbar;
  Object.assign(el, {
    colourOptions: [
      { label: 'Relationship heat', value: 'heat' },
      { label: 'Stance', value: 'stance' }
    ],
    buyingCenterOptions: [
      { label: 'All buying centers', value: '' },
      { label: 'Helicopters', value: 'bc1' },
      { label: '› Helicopters Europe', value: 'bc2' }
    ],
    levelOptions: [{ label: '2 levels', value: '2' }],
    zoomPercent: '100%',
    coverageCount: 4,
    ...props
  });
  const events = recordEvents(el, EVENTS);
  document.body.appendChild(el);
  return { el, events };
}

const $ = <T extends Element = HTMLElement>(el: Element, sel: string): T => shadowQuery<T>(el, sel) as T;
const input = (el: Element): HTMLInputElement => $<HTMLInputElement>(el, 'input.search');

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('toolbar options', () => {
  it('offers every key of a dimension with "Any" first and shows a legend multi-choice', () => {
    const stance = filterPicker(FILTER_PICKERS[0], NO_FILTER);
    expect(stance.options.map((o) => o.value)).toEqual([
      '',
      'Champion',
      'Supporter',
      'Neutral',
      'Detractor',
      'Unknown'
    ]);
    expect(stance.value).toBe('');
    const two = filterPicker(FILTER_PICKERS[0], withKeys(NO_FILTER, 'stance', ['Detractor', 'Neutral']));
    expect(two.value).toBe(SEVERAL);
    expect(two.options.at(-1)!.label).toBe('2 chosen in the legend');
    expect(two.className).toContain('is-active');
    const roles = filterPicker(FILTER_PICKERS[2], NO_FILTER);
    expect(roles.options.map((o) => o.label)).toContain('Decision maker');
  });

  it('summarises the search', () => {
    expect(resultSummary('', 0, 0)).toBe('');
    expect(resultSummary('zz', 0, 0)).toBe('No one matches "zz"');
    expect(resultSummary('cfo', 1, 1)).toBe('1 person matches');
    expect(resultSummary('a', 1743, 50)).toBe(
      '1,743 people match; the first 50 are listed, add a word or a filter to narrow'
    );
  });
});

describe('c-org-chart-toolbar', () => {
  it('is accessible without a search or filter, and leaks no blanks', async () => {
    const { el } = mount();
    await flush();
    await expect(el).toBeAccessible();
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    expect(input(el).getAttribute('aria-expanded')).toBe('false');
    expect($(el, '.match-summary')).toBeNull();
  });

  it('lists the matches of a search and is accessible with the list open', async () => {
    const { el, events } = mount();
    input(el).focus();
    typeInto(input(el), 'detractor');
    expect(events).toEqual([{ name: 'search', detail: { text: 'detractor' } }]);
    Object.assign(el, { searchText: 'detractor', results: RESULTS, resultTotal: 3 });
    await flush();
    expect(input(el).getAttribute('aria-expanded')).toBe('true');
    const options = shadowQueryAll(el, '[role="option"]');
    expect(options.map((o) => o.querySelector('.result-name')!.textContent)).toEqual([
      'Victor Okafor',
      'Radia Perlman',
      'Jonas Lind'
    ]);
    expect($(el, '.result-summary').textContent!.trim()).toBe('3 people match');
    await expect(el).toBeAccessible();
  });

  it('moves through the list with the arrow keys and jumps with Enter', async () => {
    const { el, events } = mount({ searchText: 'detractor', results: RESULTS, resultTotal: 3 });
    await flush();
    input(el).focus();
    await flush();
    pressKey(input(el), 'ArrowDown');
    await flush();
    const active = (): string | null => input(el).getAttribute('aria-activedescendant');
    const options = (): HTMLElement[] => shadowQueryAll(el, '[role="option"]');
    expect(active()).toBe(options()[0].id);
    expect(options()[0].getAttribute('aria-selected')).toBe('true');
    pressKey(input(el), 'ArrowDown');
    pressKey(input(el), 'ArrowDown');
    pressKey(input(el), 'ArrowDown'); // wraps to the first
    pressKey(input(el), 'ArrowUp'); // back to the last
    await flush();
    expect(active()).toBe(options()[2].id);
    const enter = pressKey(input(el), 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(events.at(-1)).toEqual({ name: 'jump', detail: { contactId: 'c3' } });
    await flush();
    expect(input(el).getAttribute('aria-expanded')).toBe('false');
  });

  it('Enter without an active option jumps to the first match; Escape closes the list only', async () => {
    const { el, events } = mount({ searchText: 'detractor', results: RESULTS, resultTotal: 3 });
    input(el).focus();
    await flush();
    pressKey(input(el), 'Enter');
    expect(events.at(-1)).toEqual({ name: 'jump', detail: { contactId: 'c1' } });
    input(el).dispatchEvent(new CustomEvent('focus'));
    await flush();
    const outer = jest.fn();
    document.body.addEventListener('keydown', outer);
    pressKey(input(el), 'Escape');
    await flush();
    expect(outer).not.toHaveBeenCalled();
    expect(input(el).getAttribute('aria-expanded')).toBe('false');
    // With the list closed, Escape reaches the chart (which closes its panel).
    pressKey(input(el), 'Escape');
    expect(outer).toHaveBeenCalledTimes(1);
    document.body.removeEventListener('keydown', outer);
  });

  it('jumps to a clicked match without losing the focus first', async () => {
    const { el, events } = mount({ searchText: 'detractor', results: RESULTS, resultTotal: 3 });
    input(el).focus();
    await flush();
    const option = shadowQueryAll(el, '[role="option"]')[1];
    const down = new MouseEvent('mousedown', { cancelable: true });
    option.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    option.click();
    expect(events.at(-1)).toEqual({ name: 'jump', detail: { contactId: 'c2' } });
  });

  it('sends the whole new filter when a picker, the buying center or Clear filters changes', async () => {
    const start: ChartFilter = withKeys(NO_FILTER, 'stance', ['Detractor']);
    const { el, events } = mount({ filter: start, matchSummary: '3 of 25 people match' });
    await flush();
    expect($(el, '.match-summary').textContent).toBe('3 of 25 people match');
    expect(($(el, '.filter-stance') as unknown as { value: string }).value).toBe('Detractor');
    changeValue($(el, '.filter-decisionRole'), 'Decision Maker');
    changeValue($(el, '.bc-filter'), 'bc1');
    changeValue($(el, '.filter-stance'), '');
    changeValue($(el, '.filter-stance'), SEVERAL);
    ($(el, '.clear-filters') as HTMLElement).click();
    expect(events.map((e) => e.detail)).toEqual([
      { filter: { buyingCenterId: null, keys: { stance: ['Detractor'], decisionRole: ['Decision Maker'] } } },
      { filter: { buyingCenterId: 'bc1', keys: { stance: ['Detractor'] } } },
      { filter: { buyingCenterId: null, keys: {} } },
      { filter: NO_FILTER }
    ]);
    await expect(el).toBeAccessible();
  });

  it('shows the Company picker only when the chart spans more than one account', async () => {
    const one = mount({ companyOptions: [{ label: 'Aerovance Group', value: 'acc0' }] });
    await flush();
    expect($(one.el, '.filter-company')).toBeNull();
    document.body.removeChild(one.el);

    const companies = [
      { label: 'Aerovance Group', value: 'acc0' },
      { label: 'Aerovance Helicopters GmbH', value: 'acc1' }
    ];
    const start: ChartFilter = withKeys(NO_FILTER, 'stance', ['Detractor']);
    const { el, events } = mount({ companyOptions: companies, filter: start });
    await flush();
    const picker = $(el, '.filter-company') as unknown as {
      label: string;
      value: string;
      options: { label: string; value: string }[];
    };
    expect(picker.label).toBe('Company');
    expect(picker.value).toBe('');
    expect(picker.options.map((o) => o.label)).toEqual([
      'Any company',
      'Aerovance Group',
      'Aerovance Helicopters GmbH'
    ]);
    changeValue($(el, '.filter-company'), 'acc1');
    expect(events.map((e) => e.detail)).toEqual([
      { filter: { buyingCenterId: null, keys: { stance: ['Detractor'], company: ['acc1'] } } }
    ]);
    await expect(el).toBeAccessible();

    Object.assign(el, { filter: withKeys(start, 'company', ['acc1']) });
    await flush();
    expect(($(el, '.filter-company') as unknown as { value: string }).value).toBe('acc1');
    expect($(el, '.filter-company').classList).toContain('is-active');
    expect($(el, 'button.filters-toggle').textContent!.trim()).toBe('Filters (2)');
    changeValue($(el, '.filter-company'), '');
    expect(events.at(-1)!.detail).toEqual({ filter: start });
    await expect(el).toBeAccessible();
  });

  it('folds the filters behind a Filters button that counts the filters on', async () => {
    const { el } = mount({ filter: { buyingCenterId: 'bc1', keys: { stance: ['Detractor'] } } });
    await flush();
    const toggle = $(el, 'button.filters-toggle');
    const fieldset = $(el, 'fieldset.filters');
    expect(toggle.textContent!.trim()).toBe('Filters (2)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(fieldset.id);
    toggle.click();
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(fieldset.classList).toContain('is-open');
    Object.assign(el, { filter: NO_FILTER });
    await flush();
    expect(toggle.textContent!.trim()).toBe('Filters');
  });

  it('forwards the colour, depth, zoom, fit, expand and coverage commands', async () => {
    const { el, events } = mount({ coverageActive: true });
    await flush();
    changeValue($(el, '.colour-by'), 'stance');
    changeValue($(el, '.levels'), '3');
    for (const sel of ['.zoom-in', '.zoom-out', '.fit', '.expand-all', '.coverage-toggle'])
      ($(el, sel) as HTMLElement).click();
    expect(events.map((e) => e.name)).toEqual([
      'colourchange',
      'levelschange',
      'zoomin',
      'zoomout',
      'fit',
      'expandall',
      'togglecoverage'
    ]);
    expect(events[0].detail).toEqual({ value: 'stance' });
    const coverage = $(el, '.coverage-toggle') as unknown as { label: string; variant: string };
    expect(coverage.label).toBe('Coverage (4)');
    expect(coverage.variant).toBe('brand');
  });
});
