import { createElement } from 'lwc';
import WhitespaceUnmapped from 'c/whitespaceUnmapped';

const BC = [
  { label: 'Helicopters Europe', value: 'a0B000000000001AAA' },
  { label: 'Group IT', value: 'a0B000000000002AAA' }
];
const OFF = [
  { label: 'IoT Platform', value: 'a0A000000000001AAA' },
  { label: 'CRM', value: 'a0A000000000002AAA' }
];
const ITEM = {
  id: '006000000000001AAA',
  name: 'Fleet telemetry',
  detail: '$100K · Open',
  reason: 'No buying center',
  lastModified: '2026-01-01T00:00:00.000Z',
  buyingCenterId: null,
  offeringId: OFF[0].value
};
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const el = createElement('c-whitespace-unmapped', { is: WhitespaceUnmapped });
  Object.assign(el, {
    items: [ITEM],
    buyingCenterOptions: BC,
    offeringOptions: OFF,
    canMap: true,
    ...props
  });
  document.body.appendChild(el);
  return el;
}
const q = <T extends HTMLElement = HTMLElement>(el: HTMLElement, s: string): T =>
  el.shadowRoot!.querySelector<T>(s)!;
const pick = async (el: HTMLElement, cls: string, value: string): Promise<void> => {
  q(el, `lightning-combobox.${cls}`).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
};

describe('c-whitespace-unmapped', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows nothing without unmapped deals (empty state)', async () => {
    const el = mount({ items: [] });
    await flush();
    expect(el.shadowRoot!.querySelectorAll('.item')).toHaveLength(0);
    await expect(el).toBeAccessible();
  });

  it("prefills the deal's existing offering and maps with it", async () => {
    const el = mount();
    const mapped = jest.fn();
    el.addEventListener('map', (e) => mapped((e as CustomEvent).detail));
    await flush();
    expect(q<HTMLElement & { value: string }>(el, 'lightning-combobox.offering').value).toBe(OFF[0].value);
    expect(q<HTMLElement & { value: string }>(el, 'lightning-combobox.bc').value).toBe('');
    await pick(el, 'bc', BC[0].value);
    q(el, 'lightning-button.map').click();
    expect(mapped).toHaveBeenCalledWith({
      opportunityId: ITEM.id,
      buyingCenterId: BC[0].value,
      offeringId: OFF[0].value,
      lastModified: ITEM.lastModified
    });
    await expect(el).toBeAccessible();
  });

  it('asks before mapping into a cell assessed Not applicable', async () => {
    const el = mount({ notApplicable: [`${BC[1].value}|${OFF[0].value}`] });
    const mapped = jest.fn();
    el.addEventListener('map', (e) => mapped((e as CustomEvent).detail));
    await flush();
    await pick(el, 'bc', BC[1].value);
    q(el, 'lightning-button.map').click();
    await flush();
    expect(mapped).not.toHaveBeenCalled();
    expect(q(el, '.confirm-na').textContent).toContain('Not applicable');
    await expect(el).toBeAccessible();
    q(el, 'lightning-button.map-anyway').click();
    await flush();
    expect(mapped).toHaveBeenCalledTimes(1);
    expect(el.shadowRoot!.querySelector('.confirm-na')).toBeNull();
  });

  it('undoes the last mapping: the previous buying center and offering, without a stale stamp', async () => {
    const el = mount();
    const mapped = jest.fn();
    el.addEventListener('map', (e) => mapped((e as CustomEvent).detail));
    await flush();
    await pick(el, 'bc', BC[0].value);
    q(el, 'lightning-button.map').click();
    await flush();
    expect(q(el, '.undo-text').textContent).toBe(
      'Mapped Fleet telemetry to Helicopters Europe x IoT Platform.'
    );
    q(el, 'lightning-button.undo').click();
    await flush();
    expect(mapped).toHaveBeenLastCalledWith({
      opportunityId: ITEM.id,
      buyingCenterId: null,
      offeringId: OFF[0].value,
      lastModified: null
    });
    expect(el.shadowRoot!.querySelector('.undo-bar')).toBeNull();
  });
});
