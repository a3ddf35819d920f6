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

  it('shows the friendly message alone when there is nothing more to say', async () => {
    const el = mount({ friendlyMessage: 'The org chart could not be loaded.' });
    expect(el.shadowRoot!.querySelector('.summary')!.textContent).toBe('The org chart could not be loaded.');
    expect(el.shadowRoot!.querySelector('.details')).toBeNull();
    expect(el.shadowRoot!.querySelector('[role="alert"]')).not.toBeNull();
    await expect(el).toBeAccessible();
  });

  it('shows the actionable messages right away, without repeating the summary', async () => {
    const el = mount({
      friendlyMessage: 'Your change was not saved.',
      errors: [
        {
          body: {
            message:
              'Contact Ada Lovelace was changed by someone else since you opened it. Reload to see their changes, then make yours again.'
          }
        },
        { body: { message: 'Your change was not saved.' } },
        { body: { fieldErrors: { Strength__c: [{ message: 'Strength must be between 1 and 5.' }] } } }
      ]
    });
    const items = [...el.shadowRoot!.querySelectorAll('.details li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Contact Ada Lovelace was changed by someone else since you opened it. Reload to see their changes, then make yours again.',
      'Strength__c: Strength must be between 1 and 5.'
    ]);
    await expect(el).toBeAccessible();
  });
});
