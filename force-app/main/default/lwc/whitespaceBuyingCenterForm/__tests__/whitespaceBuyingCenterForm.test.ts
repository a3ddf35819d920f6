import { createElement } from 'lwc';
import WhitespaceBuyingCenterForm from 'c/whitespaceBuyingCenterForm';

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const PARENTS = [{ label: 'Helicopters', value: 'bc1' }];
const COMPANIES = [
  { label: 'Aerovance Group', value: 'acc0' },
  { label: 'Aerovance Helicopters', value: 'acc1' }
];

function mount(props: Record<string, unknown> = {}): { el: HTMLElement; created: unknown[] } {
  const el = createElement('c-whitespace-buying-center-form', { is: WhitespaceBuyingCenterForm });
  Object.assign(el, { parentOptions: PARENTS, ...props });
  const created: unknown[] = [];
  el.addEventListener('create', (e) => created.push((e as CustomEvent).detail));
  document.body.appendChild(el);
  return { el, created };
}

const change = (target: Element, value: string): void => {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
};

describe('c-whitespace-buying-center-form', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('asks for a name and creates a top-level center without a company on a single account', async () => {
    const { el, created } = mount({ companyOptions: [COMPANIES[0]] });
    await flush();
    const root = el.shadowRoot!;
    expect(root.querySelector('.subsidiary')).toBeNull();
    (root.querySelector('.create') as HTMLElement).click();
    await flush();
    expect(root.querySelector('.name-error')!.textContent).toContain('Give the buying center a name');
    await expect(el).toBeAccessible();
    change(root.querySelector('.name')!, '  Services ');
    (root.querySelector('.create') as HTMLElement).click();
    expect(created).toEqual([{ name: 'Services', parentId: null, subsidiaryId: null }]);
  });

  it('offers the group’s companies when the matrix spans several accounts and sends the chosen one', async () => {
    const { el, created } = mount({ companyOptions: COMPANIES });
    await flush();
    const root = el.shadowRoot!;
    const picker = root.querySelector('.subsidiary') as HTMLElement & { options: { value: string }[] };
    expect(picker.options.map((o) => o.value)).toEqual(['', 'acc0', 'acc1']);
    await expect(el).toBeAccessible();
    change(root.querySelector('.name')!, 'Rotor services');
    change(root.querySelector('.parent')!, 'bc1');
    change(picker, 'acc1');
    (root.querySelector('.create') as HTMLElement).click();
    expect(created).toEqual([{ name: 'Rotor services', parentId: 'bc1', subsidiaryId: 'acc1' }]);
  });
});
