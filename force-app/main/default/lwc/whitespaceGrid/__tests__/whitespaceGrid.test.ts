import { createElement } from 'lwc';
import WhitespaceGrid from 'c/whitespaceGrid';
import { buildMatrix, companyGroups, formatCurrency } from 'c/keyplanCore';
import { buildViewModel } from 'c/whitespaceView';
import type { WhitespaceData } from '@keyplan/contracts';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
const FIXTURE: WhitespaceData = require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json');
const $ = (n: number): string => formatCurrency(n, 'USD', { locale: 'en-US', compact: true });
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const bc = (n: number): string => `a0B5g0000001BC${n}AAA`;
const of = (n: number): string => `a0C5g0000001OF${n}AAA`;

type GridElement = HTMLElement & { focusActiveCell(): void };

function mount(collapsed: string[] = [], matrixHeight = 560): GridElement {
  const matrix = buildMatrix(FIXTURE);
  const el = createElement('c-whitespace-grid', { is: WhitespaceGrid }) as GridElement;
  Object.assign(el, {
    matrix,
    vm: buildViewModel(matrix, 2025, new Set(collapsed)),
    fiscalYear: 2025,
    format: $,
    matrixHeight
  });
  document.body.appendChild(el);
  return el;
}

const root = (el: HTMLElement): ShadowRoot => el.shadowRoot!;
const cell = (el: HTMLElement, b: number, o: number): HTMLElement =>
  root(el).querySelector<HTMLElement>(`[role="gridcell"][data-bc="${bc(b)}"][data-offering="${of(o)}"]`)!;
const key = (target: HTMLElement, k: string): void => {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true })
  );
};

describe('c-whitespace-grid', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });
  it('takes the height the design gives, or the window height less the page chrome when it is 0', async () => {
    const fixed = mount([], 560);
    await flush();
    expect(root(fixed).querySelector<HTMLElement>('.scroller')!.style.maxHeight).toBe('560px');
    document.body.removeChild(fixed);
    const fill = mount([], 0);
    await flush();
    expect(root(fill).querySelector<HTMLElement>('.scroller')!.style.maxHeight).toBe(
      `${Math.max(320, window.innerHeight - 180)}px`
    );
  });

  it('renders an accessible grid of buying centers by offering with one tab stop', async () => {
    const el = mount();
    await flush();
    const grid = root(el).querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).toBe('11');
    expect(grid.getAttribute('aria-colcount')).toBe('8');
    expect(root(el).querySelectorAll('[role="grid"] [tabindex="0"]')).toHaveLength(1);
    expect(cell(el, 1, 1).tabIndex).toBe(0);
    await expect(el).toBeAccessible();
  });

  describe('rows grouped by company', () => {
    const ACC = FIXTURE.accountId;
    const HELI = '0015g00000HELI01AA';
    const matrix = buildMatrix({
      ...FIXTURE,
      buyingCenters: FIXTURE.buyingCenters.map((b) => ({
        ...b,
        accountId: ACC,
        subsidiaryId: b.name.startsWith('Helicopters') ? HELI : null
      }))
    });
    const companies = [
      { id: ACC, name: 'Aerovance Group' },
      { id: HELI, name: 'Aerovance Helicopters' }
    ];
    const groups = companyGroups(
      matrix,
      matrix.years.find((y) => y.fiscalYear === 2025)!,
      companies
    );
    const mountGrouped = (collapsed: string[] = []): GridElement => {
      const el = createElement('c-whitespace-grid', { is: WhitespaceGrid }) as GridElement;
      Object.assign(el, {
        matrix,
        vm: buildViewModel(matrix, 2025, new Set(collapsed), 'order', 'order', groups),
        fiscalYear: 2025,
        format: $,
        matrixHeight: 2000
      });
      document.body.appendChild(el);
      return el;
    };
    const headers = (el: HTMLElement): HTMLElement[] => [
      ...root(el).querySelectorAll<HTMLElement>('.row_group [role="rowheader"]')
    ];

    it('names the company on each row, and stays accessible', async () => {
      const el = mountGrouped();
      await flush();
      const heads = [...root(el).querySelectorAll<HTMLElement>('.bclabel')]
        .filter((h) => h.querySelector('.bcname'))
        .map((h) => ({
          name: h.querySelector('.bcname')!.textContent,
          company: h.querySelector('.bccompany')?.textContent
        }));
      expect(heads[0]).toEqual({ name: 'Commercial Aircraft', company: 'Aerovance Group' });
      expect(heads.find((h) => h.name === 'Helicopters Europe')).toEqual({
        name: 'Helicopters Europe',
        company: 'Aerovance Helicopters'
      });
      await expect(el).toBeAccessible();
      // Without grouping no company is named and no company header is drawn.
      Object.assign(el, { vm: buildViewModel(matrix, 2025, new Set()) });
      await flush();
      expect(root(el).querySelector('.bccompany')).toBeNull();
      expect(root(el).querySelector('.row_group')).toBeNull();
    });

    it('heads each company with a row header, its subtotals and a toggle, in words not colour alone', async () => {
      const el = mountGrouped();
      await flush();
      const heads = headers(el);
      expect(heads.map((h) => h.querySelector('.groupname')!.textContent)).toEqual([
        'Aerovance Group',
        'Aerovance Helicopters'
      ]);
      const group = groups.groups[0];
      expect(heads[0].querySelector('.groupnote')!.textContent).toMatch(
        /^Subtotal( · \$[\d.]+[KM]? unmapped)? · \d+ buying centers$/
      );
      const toggle = heads[0].querySelector('button')!;
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(toggle.getAttribute('aria-label')).toBe('Collapse Aerovance Group');
      const row = heads[0].parentElement!;
      expect(row.getAttribute('role')).toBe('row');
      const subtotals = [...row.querySelectorAll<HTMLElement>('[role="gridcell"].subtotal')];
      expect(subtotals).toHaveLength(matrix.columns.length);
      subtotals.forEach((c, k) => {
        expect(c.textContent).toContain('Subtotal');
        expect(c.getAttribute('aria-label')).toContain(`won ${$(group.cells[k].won)}`);
        // A subtotal is not an offering cell: it opens no cell panel.
        expect(c.dataset.bc).toBeUndefined();
      });
      expect(row.querySelector('.total')!.textContent).toContain(`${$(group.total.won)} won`);
      await expect(el).toBeAccessible();
    });

    it('collapses a company by its button and by Enter or Space on its header, and arrows walk through it', async () => {
      const el = mountGrouped();
      const toggled = jest.fn();
      el.addEventListener('rowtoggle', (e) => toggled((e as CustomEvent).detail.id));
      await flush();
      headers(el)[0].querySelector('button')!.click();
      expect(toggled).toHaveBeenLastCalledWith(`company:${ACC}`);
      // The focus starts on row 0 (the first company header), column 1 (a subtotal): Enter does nothing there.
      const first = root(el).querySelector<HTMLElement>('[data-row="0"][data-col="1"]')!;
      expect(first.tabIndex).toBe(0);
      key(first, 'Enter');
      expect(toggled).toHaveBeenCalledTimes(1);
      key(first, 'ArrowLeft');
      await flush();
      expect(headers(el)[0].tabIndex).toBe(0);
      key(headers(el)[0], ' ');
      expect(toggled).toHaveBeenLastCalledWith(`company:${ACC}`);
      key(headers(el)[0], 'ArrowDown');
      await flush();
      const next = root(el).querySelector<HTMLElement>('[data-row="1"][data-col="0"]')!;
      expect(next.tabIndex).toBe(0);
      expect(next.querySelector('.bcname')!.textContent).toBe('Commercial Aircraft');
      // Collapsed: the header says so and the company's buying centers are gone.
      Object.assign(el, {
        vm: buildViewModel(matrix, 2025, new Set([`company:${ACC}`]), 'order', 'order', groups)
      });
      await flush();
      const folded = headers(el)[0];
      expect(folded.querySelector('button')!.getAttribute('aria-expanded')).toBe('false');
      expect(folded.querySelector('.slds-assistive-text')!.textContent).toContain('collapsed');
      expect(root(el).querySelector('[data-row="1"] .groupname')!.textContent).toBe('Aerovance Helicopters');
      await expect(el).toBeAccessible();
    });
  });

  it('asks the container to open a clicked cell and to toggle a division', async () => {
    const el = mount();
    await flush();
    const opened = jest.fn();
    const toggled = jest.fn();
    el.addEventListener('cellopen', (e) => opened((e as CustomEvent).detail));
    el.addEventListener('rowtoggle', (e) => toggled((e as CustomEvent).detail));
    cell(el, 5, 1).click();
    expect(opened).toHaveBeenCalledWith({ buyingCenterId: bc(5), offeringId: of(1) });
    root(el)
      .querySelector<HTMLElement>(`.toggle[data-id="${bc(1)}"]`)!
      .click();
    expect(toggled).toHaveBeenCalledWith({ id: bc(1) });
    // Enter on a division's row header toggles it too; the grid itself changes nothing (the container does).
    const header = root(el).querySelector<HTMLElement>('[data-row="0"][data-col="0"]')!;
    header.click();
    await flush();
    key(header, 'Enter');
    expect(toggled).toHaveBeenCalledTimes(2);
    expect(root(el).querySelectorAll('.bodyrows [role="row"]')).toHaveLength(9);
  });

  it('moves the roving focus with the keyboard and gives it back on request', async () => {
    const el = mount();
    await flush();
    const first = cell(el, 1, 1);
    first.focus();
    key(first, 'ArrowDown');
    await flush();
    expect(root(el).activeElement).toBe(cell(el, 2, 1));
    expect(cell(el, 1, 1).tabIndex).toBe(-1);
    const ignored = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true });
    cell(el, 2, 1).dispatchEvent(ignored);
    expect(ignored.defaultPrevented).toBe(false);
    (root(el).activeElement as HTMLElement).blur();
    expect(root(el).activeElement).toBeNull();
    el.focusActiveCell();
    expect(root(el).activeElement).toBe(cell(el, 2, 1));
  });

  it('shows a collapsed division with the money of its sub-centers', async () => {
    const el = mount([bc(1)]);
    await flush();
    expect(root(el).querySelectorAll('.bodyrows [role="row"]').length).toBeLessThan(9);
    expect(
      root(el)
        .querySelector(`.toggle[data-id="${bc(1)}"]`)!
        .getAttribute('aria-expanded')
    ).toBe('false');
    await expect(el).toBeAccessible();
  });
});
