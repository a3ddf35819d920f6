import { createElement } from 'lwc';
import OrgChartUserLookup, { SEARCH_DELAY_MS } from 'c/orgChartUserLookup';
import searchTeamUsers from '@salesforce/apex/OrgChartController.searchTeamUsers';
import type { TeamUserSearch } from '@keyplan/contracts';

jest.mock('@salesforce/apex/OrgChartController.searchTeamUsers', () => ({ default: jest.fn() }), {
  virtual: true
});
const mockSearch = searchTeamUsers as unknown as jest.Mock;

type Host = HTMLElement & {
  accountId: string;
  currentUserId: string;
  value: string;
  valueLabel: string;
  quickOptions: { label: string; value: string; meta?: string }[];
};

const ACC = '001000000000001AAA';
const FOUND: TeamUserSearch = {
  term: 'sa',
  users: [
    { id: '005000000000011AAA', name: 'Lisa Brandt', title: 'Account Executive', linked: true },
    { id: '005000000000012AAA', name: 'Samir Haddad', title: 'Sales Engineer', linked: false },
    { id: '005000000000013AAA', name: 'Sarah Lindqvist', title: null, linked: false }
  ],
  truncated: false
};

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const afterPause = (): Promise<void> => new Promise((r) => setTimeout(r, SEARCH_DELAY_MS + 20));

function mount(props: Partial<Host> = {}): Host {
  const el = createElement('c-org-chart-user-lookup', { is: OrgChartUserLookup }) as Host;
  Object.assign(el, {
    accountId: ACC,
    currentUserId: '005000000000013AAA',
    value: 'me',
    valueLabel: 'Me',
    quickOptions: [
      { label: 'Me', value: 'me', meta: 'You' },
      { label: 'Jordan Blake', value: 'u1', meta: 'Knows people here' }
    ],
    ...props
  });
  document.body.appendChild(el);
  return el;
}
const input = (el: Host): HTMLInputElement =>
  el.shadowRoot!.querySelector<HTMLInputElement>('.lookup-input')!;
const list = (el: Host): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('.lookup-list')!;
const options = (el: Host): HTMLElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')
];
const status = (el: Host): string => el.shadowRoot!.querySelector('.lookup-status')!.textContent!;
const names = (el: Host): string[] => options(el).map((o) => o.querySelector('.option-name')!.textContent!);
const metas = (el: Host): string[] => options(el).map((o) => o.querySelector('.option-meta')!.textContent!);
const type = async (el: Host, text: string): Promise<void> => {
  input(el).value = text;
  input(el).dispatchEvent(new CustomEvent('input'));
  await flush();
};
const key = async (el: Host, k: string): Promise<KeyboardEvent> => {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true });
  input(el).dispatchEvent(e);
  await flush();
  return e;
};
const picks = (el: Host): { value: string; label: string }[] => {
  const out: { value: string; label: string }[] = [];
  el.addEventListener('change', (e) => out.push((e as CustomEvent).detail));
  return out;
};

describe('c-org-chart-user-lookup', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    mockSearch.mockReset();
  });

  it('is a labelled combobox showing the chosen user; focused, it offers me and colleagues who know people here', async () => {
    const el = mount();
    await flush();
    const field = input(el);
    expect(field.getAttribute('role')).toBe('combobox');
    expect(field.value).toBe('Me');
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(list(el).hidden).toBe(true);
    await expect(el).toBeAccessible();

    field.dispatchEvent(new CustomEvent('focus'));
    await flush();
    expect(field.getAttribute('aria-expanded')).toBe('true');
    expect(names(el)).toEqual(['Me', 'Jordan Blake']);
    expect(metas(el)).toEqual(['You', 'Knows people here']);
    expect(status(el)).toBe('2 suggestions; type a name or title to search everyone.');
    await expect(el).toBeAccessible();
    expect(mockSearch).not.toHaveBeenCalled();
  });

  it('one character: says what it needs and does not ask the server', async () => {
    const el = mount();
    await type(el, 's');
    await afterPause();
    expect(status(el)).toBe('Type at least 2 characters to search our users.');
    expect(options(el)).toHaveLength(0);
    expect(mockSearch).not.toHaveBeenCalled();
  });

  it('loading, then the results (name, title, linked) with their count; one request per pause in typing', async () => {
    let answer: (r: TeamUserSearch) => void = () => undefined;
    mockSearch.mockImplementation(() => new Promise((r) => (answer = r)));
    const el = mount();
    await type(el, 's');
    await type(el, 'sa');
    await type(el, 'sam');
    expect(status(el)).toBe('Searching our users…');
    await afterPause();
    expect(mockSearch).toHaveBeenCalledTimes(1);
    expect(mockSearch).toHaveBeenCalledWith({ accountId: ACC, term: 'sam' });
    expect(status(el)).toBe('Searching our users…');
    await expect(el).toBeAccessible();

    answer({ ...FOUND, term: 'sam' });
    await flush();
    expect(names(el)).toEqual(['Lisa Brandt', 'Samir Haddad', 'Sarah Lindqvist']);
    expect(metas(el)).toEqual(['Account Executive · knows people here', 'Sales Engineer', 'You']);
    expect(status(el)).toBe('3 users found.');
    expect(el.shadowRoot!.querySelector('.lookup-status')!.getAttribute('aria-live')).toBe('polite');
    await expect(el).toBeAccessible();
  });

  it('marks account team members (listed first by the server) with their team role', async () => {
    mockSearch.mockResolvedValue({
      term: 'sa',
      truncated: false,
      users: [
        {
          id: '005000000000009AAA',
          name: 'Sarah Lindqvist',
          title: 'COO',
          linked: false,
          teamRole: 'Executive Sponsor'
        },
        {
          id: '005000000000008AAA',
          name: 'Samir Haddad',
          title: null,
          linked: true,
          teamRole: 'Sales Engineer'
        },
        { id: '005000000000007AAA', name: 'Sam Okafor', title: 'Sales Engineer', linked: false }
      ]
    });
    const el = mount();
    await type(el, 'sa');
    await afterPause();
    await flush();
    expect(names(el)).toEqual(['Sarah Lindqvist', 'Samir Haddad', 'Sam Okafor']);
    expect(metas(el)).toEqual([
      'account team: Executive Sponsor · COO',
      'account team: Sales Engineer · knows people here',
      'Sales Engineer'
    ]);
    await expect(el).toBeAccessible();
  });

  it('says when the bound cut the list', async () => {
    mockSearch.mockResolvedValue({ ...FOUND, truncated: true });
    const el = mount();
    await type(el, 'sa');
    await afterPause();
    expect(status(el)).toBe('3 users found: the first 3, type more to narrow.');
  });

  it('empty: says nobody matches', async () => {
    mockSearch.mockResolvedValue({ term: 'zz', users: [], truncated: false });
    const el = mount();
    await type(el, 'zz');
    await afterPause();
    expect(options(el)).toHaveLength(0);
    expect(list(el).hidden).toBe(true);
    expect(status(el)).toBe('No active user\'s name or title contains "zz".');
    await expect(el).toBeAccessible();
  });

  it("error: shows the server's message word for word", async () => {
    const message = 'The search term has 81 characters; use at most 80.';
    mockSearch.mockRejectedValue({ body: { message: JSON.stringify({ code: 'INVALID_INPUT', message }) } });
    const el = mount();
    await type(el, 'x'.repeat(81));
    await afterPause();
    const error = el.shadowRoot!.querySelector('.lookup-error')!;
    expect(error.textContent).toBe(message);
    expect(error.getAttribute('role')).toBe('alert');
    expect(status(el)).toBe('');
    await expect(el).toBeAccessible();
  });

  it('keyboard: arrows move through the results (wrapping), Enter picks, the field shows the name', async () => {
    mockSearch.mockResolvedValue(FOUND);
    const el = mount();
    const chosen = picks(el);
    await type(el, 'sa');
    await afterPause();
    const field = input(el);
    // The first result is active once results arrive.
    expect(field.getAttribute('aria-activedescendant')).toBe(options(el)[0].id);
    await key(el, 'ArrowDown');
    expect(options(el)[1].getAttribute('aria-selected')).toBe('true');
    expect(field.getAttribute('aria-activedescendant')).toBe(options(el)[1].id);
    await key(el, 'ArrowUp');
    await key(el, 'ArrowUp');
    expect(options(el)[2].getAttribute('aria-selected')).toBe('true');
    await key(el, 'ArrowDown');
    await key(el, 'ArrowDown');
    const enter = await key(el, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(chosen).toEqual([{ value: '005000000000012AAA', label: 'Samir Haddad' }]);
    expect(field.value).toBe('Samir Haddad');
    expect(list(el).hidden).toBe(true);
    expect(field.getAttribute('aria-expanded')).toBe('false');
  });

  it('Escape closes the list and puts the chosen name back, without closing the panel around it', async () => {
    mockSearch.mockResolvedValue(FOUND);
    const el = mount();
    const chosen = picks(el);
    const outside = jest.fn();
    document.body.addEventListener('keydown', outside);
    await type(el, 'sa');
    await afterPause();
    const esc = await key(el, 'Escape');
    expect(esc.defaultPrevented).toBe(true);
    expect(outside).not.toHaveBeenCalled();
    expect(input(el).value).toBe('Me');
    expect(list(el).hidden).toBe(true);
    expect(chosen).toEqual([]);
    document.body.removeEventListener('keydown', outside);
  });

  it('a click picks too; a late answer to an older term is ignored', async () => {
    const answers: ((r: TeamUserSearch) => void)[] = [];
    mockSearch.mockImplementation(() => new Promise((r) => answers.push(r)));
    const el = mount();
    const chosen = picks(el);
    await type(el, 'sa');
    await afterPause();
    await type(el, 'jo');
    await afterPause();
    answers[1]({ term: 'jo', users: [FOUND.users[0]], truncated: false });
    await flush();
    answers[0](FOUND);
    await flush();
    expect(names(el)).toEqual(['Lisa Brandt']);
    options(el)[0].dispatchEvent(new MouseEvent('mousedown', { cancelable: true }));
    options(el)[0].click();
    await flush();
    expect(chosen).toEqual([{ value: '005000000000011AAA', label: 'Lisa Brandt' }]);
  });
});
