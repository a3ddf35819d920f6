import { createElement } from 'lwc';
import BantChip from 'c/bantChip';

function mount(status: string | null): HTMLElement {
  const el = createElement('c-bant-chip', { is: BantChip });
  Object.assign(el, { label: 'Budget', status });
  document.body.appendChild(el);
  return el;
}

describe('c-bant-chip', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it.each([
    ['Confirmed', 'utility:success', 'chip_confirmed'],
    ['Identified', 'utility:info', 'chip_identified'],
    ['Missing', 'utility:error', 'chip_missing'],
    ['Unknown', 'utility:help', 'chip_unknown'],
    ['Confirmed, unverified', 'utility:warning', 'chip_unverified']
  ])('shows %s with words, an icon and a colour', async (status, icon, tone) => {
    const el = mount(status);
    await Promise.resolve();
    const chip = el.shadowRoot!.querySelector('.chip')!;
    expect(chip.textContent!.trim()).toBe(`Budget: ${status}`);
    expect(chip.classList.contains(tone)).toBe(true);
    expect(
      (el.shadowRoot!.querySelector('lightning-icon') as HTMLElement & { iconName: string }).iconName
    ).toBe(icon);
    await expect(el).toBeAccessible();
  });

  it('shows a blank or unexpected status as Unknown, as the score counts it', async () => {
    const el = mount(null);
    await Promise.resolve();
    expect(el.shadowRoot!.querySelector('.chip')!.textContent!.trim()).toBe('Budget: Unknown');
    const odd = mount('Maybe');
    await Promise.resolve();
    expect(odd.shadowRoot!.querySelector('.chip')!.getAttribute('data-status')).toBe('Unknown');
  });
});
