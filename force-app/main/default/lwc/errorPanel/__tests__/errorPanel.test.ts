import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

function mount(props: Record<string, unknown>): HTMLElement {
  const el = createElement('c-error-panel', { is: ErrorPanel });
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}

describe('c-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the friendly message and no toggle without details', async () => {
    const el = mount({ friendlyMessage: 'The org chart could not be loaded.' });
    expect(el.shadowRoot!.querySelector('.summary')!.textContent).toBe('The org chart could not be loaded.');
    expect(el.shadowRoot!.querySelector('.toggle')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('reveals the reduced messages on demand', async () => {
    const el = mount({ errors: { body: { message: 'Insufficient access to Contact.Stance__c' } } });
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(el.shadowRoot!.querySelector('.details')).toBeNull();
    toggle.click();
    await Promise.resolve();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent!.trim()).toBe('Hide details');
    expect(el.shadowRoot!.querySelector('.details')!.textContent).toContain(
      'Insufficient access to Contact.Stance__c'
    );
    await expect(el).toBeAccessible();
  });
});
