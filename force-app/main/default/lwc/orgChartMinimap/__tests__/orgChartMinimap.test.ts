import { createElement } from 'lwc';
import OrgChartMinimap from 'c/orgChartMinimap';

function mount(props: Record<string, unknown> = {}): HTMLElement & Record<string, unknown> {
  const el = createElement('c-org-chart-minimap', { is: OrgChartMinimap }) as unknown as HTMLElement &
    Record<string, unknown>;
  Object.assign(el, {
    path: 'M0 0h2v2h-2zM10 4h2v2h-2z',
    mapWidth: 240,
    mapHeight: 60,
    window: { x1: 20, y1: 0, x2: 80, y2: 30 },
    people: 10000,
    ...props
  });
  document.body.appendChild(el);
  return el;
}

const box = (el: HTMLElement): HTMLElement => el.shadowRoot!.querySelector('.minimap') as HTMLElement;

describe('c-org-chart-minimap', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('draws the people and the part on screen, labelled for assistive technology', async () => {
    const el = mount();
    await Promise.resolve();
    expect(el.shadowRoot!.querySelector('path.people')!.getAttribute('d')).toBe('M0 0h2v2h-2zM10 4h2v2h-2z');
    const frame = el.shadowRoot!.querySelector('rect.frame')!;
    expect([frame.getAttribute('x'), frame.getAttribute('width'), frame.getAttribute('height')]).toEqual([
      '20',
      '60',
      '30'
    ]);
    expect(box(el).getAttribute('aria-label')).toMatch(/Minimap of 10,000 people.*arrow keys/);
    expect(box(el).getAttribute('tabindex')).toBe('0');
    await expect(el).toBeAccessible();
  });

  it('keeps a visible frame when the window is empty or missing', async () => {
    const el = mount({ window: null });
    await Promise.resolve();
    expect(el.shadowRoot!.querySelector('rect.frame')!.getAttribute('width')).toBe('2');
  });

  it('asks to centre the chart where it is clicked, in map pixels clipped to the map', async () => {
    const el = mount();
    await Promise.resolve();
    const seen: { x: number; y: number }[] = [];
    el.addEventListener('navigate', (e) => seen.push((e as CustomEvent).detail));
    box(el).getBoundingClientRect = () => ({ left: 100, top: 50, width: 240, height: 60 }) as DOMRect;
    box(el).dispatchEvent(new MouseEvent('click', { clientX: 130, clientY: 70, bubbles: true }));
    box(el).dispatchEvent(new MouseEvent('click', { clientX: 900, clientY: 10, bubbles: true }));
    expect(seen).toEqual([
      { x: 30, y: 20 },
      { x: 240, y: 0 }
    ]);
  });

  it('moves the view with the arrow keys and Home, and leaves other keys alone', async () => {
    const el = mount();
    await Promise.resolve();
    const keys: string[] = [];
    el.addEventListener('pan', (e) => keys.push((e as CustomEvent).detail.key));
    for (const key of ['ArrowLeft', 'ArrowDown', 'Home', 'Tab', 'a']) {
      const ev = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      box(el).dispatchEvent(ev);
      expect(ev.defaultPrevented).toBe(key !== 'Tab' && key !== 'a');
    }
    expect(keys).toEqual(['ArrowLeft', 'ArrowDown', 'Home']);
  });
});
