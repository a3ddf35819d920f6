import { createElement } from 'lwc';
import WhitespaceLegend from 'c/whitespaceLegend';
import { flush } from '../../../../../test/lwcDom';

function mount(): HTMLElement {
  const el = createElement('c-whitespace-legend', { is: WhitespaceLegend });
  document.body.appendChild(el);
  return el;
}
const items = (el: HTMLElement, group: string): HTMLElement[] =>
  Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(`.${group} li`));
const words = (li: HTMLElement): string => li.textContent!.replace(/\s+/g, ' ').trim();

describe('c-whitespace-legend', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('names every cell state in words next to its colour and symbol', async () => {
    const el = mount();
    await flush();
    const states = items(el, 'states');
    expect(states.map((li) => li.className)).toEqual([
      'swatch cell_won',
      'swatch cell_active',
      'swatch cell_whitespace',
      'swatch cell_competitor',
      'swatch cell_not-applicable',
      'swatch cell_unassessed'
    ]);
    // The symbol is decorative (aria-hidden); the words carry the meaning.
    expect(states.map((li) => li.querySelector('[aria-hidden="true"]')!.textContent)).toEqual([
      '\u2714',
      '\u25CF',
      '\u25CE',
      '\u26A0',
      '\u2205',
      '\u00B7'
    ]);
    expect(states.map((li) => li.lastChild!.textContent!.trim())).toEqual([
      'Won: existing business',
      'Open: active opportunity',
      'Target: whitespace',
      'Competitor incumbent',
      'N/A: not applicable',
      'Not assessed'
    ]);
    await expect(el).toBeAccessible();
  });

  it('spells out the year-over-year arrows and the money abbreviations', async () => {
    const el = mount();
    await flush();
    expect(items(el, 'changes').map(words)).toEqual([
      'Since last year:',
      '\u25B2 new business',
      '\u2191 grown',
      '\u2193 shrunk',
      '\u25BC lost',
      '\u21BB not renewed yet',
      '\u2193 behind'
    ]);
    // Up and down read in the arrow's shape and word, not only in its colour class.
    expect(
      items(el, 'changes')
        .slice(1)
        .map((li) => li.querySelector('.glyph')!.className)
    ).toEqual([
      'glyph glyph_up',
      'glyph glyph_up',
      'glyph glyph_down',
      'glyph glyph_down',
      'glyph glyph_down',
      'glyph glyph_down'
    ]);
    expect(items(el, 'money').map(words)).toEqual(['W won', 'P open pipeline', 'Pot potential']);
    const groups = Array.from(el.shadowRoot!.querySelectorAll('ul')).map((u) => u.getAttribute('aria-label'));
    expect(groups).toEqual(['Cell states', 'Change since last year', 'Money in a cell']);
    await expect(el).toBeAccessible();
  });
});
