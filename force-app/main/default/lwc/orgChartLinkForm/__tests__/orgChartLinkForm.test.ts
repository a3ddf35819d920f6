import { createElement } from 'lwc';
import OrgChartLinkForm from 'c/orgChartLinkForm';
import type { RelationshipLinkDto, RelationshipLinkInput } from '@keyplan/contracts';

type Host = HTMLElement & {
  kind: 'team' | 'network';
  contactId: string;
  accountId: string;
  people: { label: string; value: string }[];
  users: { label: string; value: string }[];
  currentUserId: string;
  editing: RelationshipLinkDto | null;
  fieldAccess: Record<string, { readable: boolean; updateable: boolean }>;
};

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
function mount(props: Partial<Host>): Host {
  const el = createElement('c-org-chart-link-form', { is: OrgChartLinkForm }) as Host;
  Object.assign(el, { contactId: 'c1', accountId: 'acc', ...props });
  document.body.appendChild(el);
  return el;
}
const q = <T extends Element = HTMLElement & { value: string; options: unknown[] }>(
  el: Host,
  sel: string
): T | null => el.shadowRoot!.querySelector<T>(sel);
const change = (target: Element, value: string): void => {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
};
const saved = (el: Host): RelationshipLinkInput[] => {
  const out: RelationshipLinkInput[] = [];
  el.addEventListener('savelink', (e) =>
    out.push((e as CustomEvent<{ input: RelationshipLinkInput }>).detail.input)
  );
  return out;
};

describe('c-org-chart-link-form', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('team: "I know them" from the current user by default, or a picked colleague of ours', async () => {
    const el = mount({ kind: 'team', currentUserId: 'me', users: [{ label: 'Jordan Blake', value: 'u1' }] });
    await flush();
    const who = q<HTMLElement & { value: string; valueLabel: string; quickOptions: unknown[] }>(
      el,
      '.link-user'
    )!;
    expect(who.value).toBe('me');
    expect(who.valueLabel).toBe('Me');
    expect(who.quickOptions).toEqual([
      { label: 'Me', value: 'me', meta: 'You' },
      { label: 'Jordan Blake', value: 'u1', meta: 'Knows people here' }
    ]);
    expect(q(el, '.link-other')).toBeNull();
    await expect(el).toBeAccessible();
    const inputs = saved(el);
    (q(el, '.link-save') as HTMLElement).click();
    change(who, 'u1');
    change(q(el, '[data-field="polarity"]')!, 'Negative');
    await flush();
    (q(el, '.link-save') as HTMLElement).click();
    expect(inputs).toEqual([
      expect.objectContaining({ fromUserId: 'me', fromContactId: null, toContactId: 'c1', type: 'Coverage' }),
      {
        accountId: 'acc',
        fromContactId: null,
        fromUserId: 'u1',
        toContactId: 'c1',
        type: 'Coverage',
        strength: 3,
        frequency: 'Monthly',
        influenceLevel: null,
        polarity: 'Negative',
        lastInteraction: null
      }
    ]);
  });

  it('team: any user found by the lookup can be chosen, and saving sends their id', async () => {
    const el = mount({ kind: 'team', currentUserId: 'me', users: [] });
    await flush();
    const inputs = saved(el);
    const who = q<HTMLElement & { value: string; valueLabel: string }>(el, '.link-user')!;
    who.dispatchEvent(
      new CustomEvent('change', { detail: { value: '005000000000012AAA', label: 'Samir Haddad' } })
    );
    await flush();
    expect(who.value).toBe('005000000000012AAA');
    expect(who.valueLabel).toBe('Samir Haddad');
    (q(el, '.link-save') as HTMLElement).click();
    expect(inputs).toEqual([
      expect.objectContaining({ fromUserId: '005000000000012AAA', fromContactId: null, toContactId: 'c1' })
    ]);
    await expect(el).toBeAccessible();
  });

  it('team: refuses to save without anyone on our side', async () => {
    const el = mount({ kind: 'team', currentUserId: '' });
    await flush();
    const inputs = saved(el);
    (q(el, '.link-save') as HTMLElement).click();
    await flush();
    expect(inputs).toEqual([]);
    expect(q(el, '.link-error')!.textContent).toBe('Choose who on our team knows this person.');
    await expect(el).toBeAccessible();
  });

  it('network: searches the people, needs the other person, and sets the direction', async () => {
    const people = Array.from({ length: 60 }, (_, i) => ({ label: `Person ${i}`, value: `p${i}` }));
    const el = mount({ kind: 'network', people });
    await flush();
    expect(q(el, '.link-other')!.options).toHaveLength(50);
    expect(
      q(el, '.link-other')!.getAttribute('placeholder') ??
        (q(el, '.link-other') as unknown as { placeholder: string }).placeholder
    ).toBe('Choose from 50+ people');
    const inputs = saved(el);
    (q(el, '.link-save') as HTMLElement).click();
    await flush();
    expect(q(el, '.link-error')!.textContent).toBe('Choose the other person first.');
    change(q(el, '.link-search')!, 'person 59');
    change(q(el, '.link-other')!, 'p59');
    change(q(el, '[data-field="direction"]')!, 'in');
    await flush();
    expect(q(el, '.link-error')).toBeNull();
    (q(el, '.link-save') as HTMLElement).click();
    expect(inputs[0]).toMatchObject({
      fromContactId: 'p59',
      toContactId: 'c1',
      fromUserId: null,
      type: 'Influence'
    });
  });

  it("team: editing a colleague's link shows their name in the lookup, even when no list holds them", async () => {
    const editing: RelationshipLinkDto = {
      id: 'l8',
      fromContactId: null,
      fromUserId: '005000000000012AAA',
      fromUserName: 'Samir Haddad',
      toContactId: 'c1',
      type: 'Coverage',
      strength: 4,
      frequency: 'Weekly',
      influenceLevel: null,
      polarity: 'Positive',
      lastInteraction: null,
      lastModified: '2026-02-01T00:00:00.000Z'
    };
    const el = mount({ kind: 'team', editing, currentUserId: 'me', users: [] });
    await flush();
    const who = q<HTMLElement & { value: string; valueLabel: string }>(el, '.link-user')!;
    expect(who.value).toBe('005000000000012AAA');
    expect(who.valueLabel).toBe('Samir Haddad');
    const inputs = saved(el);
    (q(el, '.link-save') as HTMLElement).click();
    expect(inputs[0]).toEqual(expect.objectContaining({ id: 'l8', fromUserId: '005000000000012AAA' }));
  });

  it('edits a link in place: starts from it and sends its id and lastModified', async () => {
    const editing: RelationshipLinkDto = {
      id: 'l9',
      fromContactId: 'c1',
      fromUserId: null,
      fromUserName: null,
      toContactId: 'p2',
      type: 'Informal',
      strength: 2,
      frequency: null,
      influenceLevel: 'High',
      polarity: 'Positive',
      lastInteraction: '2026-01-02',
      lastModified: '2026-02-01T00:00:00.000Z'
    };
    const el = mount({ kind: 'network', editing, people: [{ label: 'P2', value: 'p2' }] });
    await flush();
    expect(el.shadowRoot!.querySelector('legend')!.textContent).toBe('Edit the link');
    expect(q(el, '[data-field="strength"]')!.value).toBe('2');
    const inputs = saved(el);
    const cancelled = jest.fn();
    el.addEventListener('cancel', cancelled);
    change(q(el, '[data-field="strength"]')!, '5');
    await flush();
    (q(el, '.link-save') as HTMLElement).click();
    (q(el, '.link-cancel') as HTMLElement).click();
    expect(inputs[0]).toEqual({
      id: 'l9',
      lastModified: '2026-02-01T00:00:00.000Z',
      accountId: 'acc',
      fromContactId: 'c1',
      fromUserId: null,
      toContactId: 'p2',
      type: 'Informal',
      strength: 5,
      frequency: null,
      influenceLevel: 'High',
      polarity: 'Positive',
      lastInteraction: '2026-01-02'
    });
    expect(cancelled).toHaveBeenCalledTimes(1);
  });
});
