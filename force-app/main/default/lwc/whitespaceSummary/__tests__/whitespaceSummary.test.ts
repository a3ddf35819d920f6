import { createElement } from 'lwc';
import WhitespaceSummary from 'c/whitespaceSummary';
import type { SummaryItemView } from 'c/whitespaceSummary';
import { buildMatrix, formatCurrency } from 'c/keyplanCore';
import { buildViewModel, summaryOf } from 'c/whitespaceView';
import type { WhitespaceData } from '@keyplan/contracts';
import { flush } from '../../../../../test/lwcDom';
import { leakedBlanks } from '../../../../../test/testUtils';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
const FIXTURE: WhitespaceData = require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json');

type Host = HTMLElement & { items: SummaryItemView[]; fiscalYear?: number };

/** The FY2025 tiles of the getWhitespace fixture, as the matrix builds them. */
function fixtureItems(): SummaryItemView[] {
  const format = (n: number): string => formatCurrency(n, 'USD', { locale: 'en-US', compact: true });
  const year = buildViewModel(buildMatrix(FIXTURE), 2025, new Set()).year!;
  return summaryOf(year, format);
}
function mount(props: Partial<Host>): Host {
  const el = createElement('c-whitespace-summary', { is: WhitespaceSummary }) as Host;
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}
/** Each tile as "label | value | goal line" (goal line empty without a goal). */
const tiles = (el: Host): string[] =>
  Array.from(el.shadowRoot!.querySelectorAll('.tile')).map((t) =>
    ['.label', '.value', '.goal'].map((s) => t.querySelector(s)?.textContent ?? '').join(' | ')
  );

describe('c-whitespace-summary', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the year’s totals as labelled tiles, with the goal and share won where there is a goal', async () => {
    const items = fixtureItems();
    const el = mount({ items, fiscalYear: 2025 });
    await flush();
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).toBe('FY2025 at a glance');
    const shown = tiles(el);
    expect(shown).toHaveLength(items.length);
    expect(
      Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('.tile')).map((t) => t.dataset.key)
    ).toEqual(items.map((i) => i.key));
    // Every tile carries its own words: a label and a value, never a bare number or colour.
    expect(shown).toEqual([
      'Won | $1.7M | goal $16M · 10% won',
      'Open pipeline | $1.7M | ',
      'Whitespace potential | $4M | ',
      'Competitive potential | $1.2M | ',
      'Mining (grow existing business) | $1.6M | goal $6M · 21% won',
      'Farming (new business) | $1.7M | goal $10M · 4% won',
      'Unmapped | $590K | '
    ]);
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });

  it('shows a goal line only on tiles with a goal', async () => {
    const el = mount({
      fiscalYear: 2026,
      items: [
        { key: 'won', label: 'Won', value: '$1.2M', goal: '$2M', hasGoal: true, percent: '60%' },
        { key: 'pipeline', label: 'Open pipeline', value: '$800K', goal: '', hasGoal: false, percent: '' }
      ]
    });
    await flush();
    expect(tiles(el)).toEqual(['Won | $1.2M | goal $2M · 60% won', 'Open pipeline | $800K | ']);
    await expect(el).toBeAccessible();
  });

  it('renders no tile and a plain heading without a year (loading or no data)', async () => {
    const el = mount({ items: [] });
    await flush();
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).toBe('At a glance');
    expect(tiles(el)).toEqual([]);
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });
});
