import { createElement } from 'lwc';
import OrgChartStakeholderForm from 'c/orgChartStakeholderForm';
import type { ContactNode, ContactStakeholderInput } from '@keyplan/contracts';

type Host = HTMLElement & {
  contact: ContactNode | null;
  fieldAccess: Record<string, { readable: boolean; updateable: boolean }>;
  buyingCenters: { label: string; value: string }[];
};

const ADA: ContactNode = {
  id: 'c1',
  name: 'Ada',
  title: null,
  department: null,
  reportsToId: 'c0',
  buyingCenterId: null,
  stance: 'Neutral',
  decisionRole: null,
  buyerRole: null,
  responseMode: null,
  influenceLevel: null,
  budgetOwned: null,
  lastModified: '2026-01-01T00:00:00.000Z'
};
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
function mount(props: Partial<Host>): Host {
  const el = createElement('c-org-chart-stakeholder-form', { is: OrgChartStakeholderForm }) as Host;
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}
const q = <T extends Element = HTMLElement & { value: string; disabled: boolean }>(
  el: Host,
  sel: string
): T | null => el.shadowRoot!.querySelector<T>(sel);
const change = (target: Element, value: string): void => {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
};

describe('c-org-chart-stakeholder-form', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('renders nothing editable without a contact', async () => {
    const el = mount({ contact: null });
    await flush();
    expect(q(el, '.save')).not.toBeNull();
    expect(q(el, '.save')!.disabled).toBe(true);
    await expect(el).toBeAccessible();
  });

  it('saves every field with the edits on top, and undoes changes', async () => {
    const el = mount({ contact: ADA, buyingCenters: [{ label: 'IT', value: 'bc1' }] });
    await flush();
    const inputs: ContactStakeholderInput[] = [];
    el.addEventListener('savestakeholder', (e) => inputs.push((e as CustomEvent).detail.input));
    expect(q(el, '.save')!.disabled).toBe(true);
    change(q(el, '[data-field="buyingCenterId"]')!, 'bc1');
    change(q(el, '[data-field="budgetOwned"]')!, '1000');
    await flush();
    expect(q(el, '.save')!.disabled).toBe(false);
    (q(el, '.save') as HTMLElement).click();
    expect(inputs).toEqual([
      {
        id: 'c1',
        lastModified: ADA.lastModified,
        stance: 'Neutral',
        decisionRole: null,
        buyerRole: null,
        responseMode: null,
        influenceLevel: null,
        buyingCenterId: 'bc1',
        budgetOwned: 1000,
        reportsToId: 'c0'
      }
    ]);
    (q(el, '.cancel') as HTMLElement).click();
    await flush();
    expect(q(el, '[data-field="buyingCenterId"]')!.value).toBe('');
    await expect(el).toBeAccessible();
  });

  it('refuses a negative budget and respects field-level security', async () => {
    const el = mount({
      contact: ADA,
      fieldAccess: {
        'Contact.Keyplan_Stance__c': { readable: false, updateable: false },
        'Contact.Keyplan_Buyer_Role__c': { readable: true, updateable: false }
      }
    });
    await flush();
    expect(q(el, '[data-field="stance"]')).toBeNull();
    expect(q(el, '[data-field="buyerRole"]')!.disabled).toBe(true);
    const inputs: unknown[] = [];
    el.addEventListener('savestakeholder', (e) => inputs.push(e));
    change(q(el, '[data-field="budgetOwned"]')!, '-5');
    await flush();
    (q(el, '.save') as HTMLElement).click();
    await flush();
    expect(inputs).toEqual([]);
    expect(q(el, '.budget-error')!.textContent).toBe('Budget owned must be a positive amount.');
    await expect(el).toBeAccessible();
  });
});
