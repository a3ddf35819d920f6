/**
 * "Since last QBR" on the Account page: loading, error, empty and data states (each checked with sa11y), paging
 * through the Apex pages, the date picker and "Last review", people linking to their contact, and long lists
 * folded behind a keyboard-reachable button.
 */
import { createElement } from 'lwc';
import PlanSinceReview from 'c/planSinceReview';
import loadSinceReviewPage from '@salesforce/apex/SinceReviewController.loadSinceReviewPage';
import type { SinceReviewPage } from '@keyplan/contracts';
import { navigate } from '../../../../../../test/jest/navigation.mock';

jest.mock('@salesforce/apex/SinceReviewController.loadSinceReviewPage', () => ({ default: jest.fn() }), {
  virtual: true
});

const mockLoad = loadSinceReviewPage as unknown as jest.Mock;
const PAGE = jest.requireActual<SinceReviewPage>(
  '../../../../../../test/fixtures/apex/SinceReviewController.loadSinceReviewPage.json'
);
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const flush = async (): Promise<void> => {
  // eslint-disable-next-line no-await-in-loop -- one macrotask per page of the load
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const lastPage = (p: SinceReviewPage): SinceReviewPage => ({ ...copy(p), nextCursor: null });
const root = (el: HTMLElement): ShadowRoot => el.shadowRoot as ShadowRoot;
const texts = (el: HTMLElement, selector: string): string[] =>
  [...root(el).querySelectorAll(selector)].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());

async function mount(): Promise<HTMLElement> {
  const el = createElement('c-plan-since-review', { is: PlanSinceReview });
  Object.assign(el, { recordId: PAGE.accountId });
  document.body.appendChild(el);
  await flush();
  return el;
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  mockLoad.mockReset();
  navigate.mockReset();
});

describe('c-plan-since-review', () => {
  it('shows a spinner while the pages load', async () => {
    mockLoad.mockReturnValue(new Promise(() => undefined));
    const el = await mount();
    expect(root(el).querySelector('lightning-spinner')).not.toBeNull();
    expect(mockLoad).toHaveBeenCalledWith({ accountId: PAGE.accountId, since: null, cursor: null });
    await expect(el).toBeAccessible();
  });

  it('reads every page, then shows one section per buying center with its summary and people', async () => {
    const second: SinceReviewPage = {
      ...lastPage(PAGE),
      buyingCenters: [],
      contacts: [],
      history: [],
      teamLinks: [],
      activityThen: [],
      activityNow: []
    };
    mockLoad.mockResolvedValueOnce(copy(PAGE)).mockResolvedValueOnce(second);
    const el = await mount();
    expect(mockLoad).toHaveBeenCalledTimes(2);
    expect(mockLoad.mock.calls[1][0]).toEqual({
      accountId: PAGE.accountId,
      since: null,
      cursor: PAGE.nextCursor
    });
    expect(texts(el, '.subtitle')[0]).toMatch(/^Since the last plan review, /);
    // Largest net heat change first (Omar's new team link outweighs Lena going quiet).
    expect(texts(el, 'h3')).toEqual(['Group IT', 'No buying center']);
    expect(texts(el, '.summary-line')[0]).toMatch(/^1 joined, 1 stance or role change, heat \+\d+$/);
    expect(texts(el, '.joined .person')).toEqual([expect.stringMatching(/^Omar Haddad, new contact, /)]);
    expect(texts(el, '.quiet .person')).toEqual([expect.stringMatching(/^Lena Fischer, no activity since /)]);
    expect(texts(el, '.changes .person')).toEqual(['Jane Cooper, stance: Neutral → Champion']);
    expect(texts(el, '.lost .person')[0]).toMatch(/^Lena Fischer, heat \d+ → 0 \(−\d+\)$/);
    // Each kind of change has a word and a mark, not a colour alone.
    expect(texts(el, '.lost .list-title')[0]).toMatch(/Heat lost \(1\)/);
    const link = root(el).querySelector('.joined a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/lightning/r/Contact/003000000000002AAA/view');
    link.click();
    expect(navigate).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: '003000000000002AAA', objectApiName: 'Contact', actionName: 'view' }
    });
    await expect(el).toBeAccessible();
  });

  it('a day picked reloads from that day; "Last review" goes back to the default', async () => {
    mockLoad.mockImplementation(() => Promise.resolve(lastPage(PAGE)));
    const el = await mount();
    const input = root(el).querySelector('lightning-input.since') as HTMLElement & { value: string };
    expect(input.value).toBe('2026-09-01');
    input.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-10-01' } }));
    await flush();
    expect(mockLoad).toHaveBeenLastCalledWith({
      accountId: PAGE.accountId,
      since: '2026-10-01',
      cursor: null
    });
    (root(el).querySelector('lightning-button.last-review') as HTMLElement).click();
    await flush();
    expect(mockLoad).toHaveBeenLastCalledWith({ accountId: PAGE.accountId, since: null, cursor: null });
  });

  it('says plainly when nothing changed', async () => {
    mockLoad.mockResolvedValue({
      ...lastPage(PAGE),
      sinceSource: 'default',
      history: [],
      teamLinks: [],
      activityThen: [],
      activityNow: [],
      contacts: PAGE.contacts.filter((c) => c.createdDate < '2026-09-01')
    });
    const el = await mount();
    expect(texts(el, '.subtitle')[0]).toMatch(/^No plan review yet: the last 90 days, since /);
    expect(texts(el, '.empty')[0]).toMatch(/^No changes since .*among 2 people\.$/);
    expect(root(el).querySelector('section')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('shows the error with a way to try again', async () => {
    mockLoad.mockRejectedValueOnce({
      body: { message: 'since: 2027-01-01 is in the future. Choose a past day.' }
    });
    const el = await mount();
    expect(root(el).querySelector('c-error-panel')).not.toBeNull();
    await expect(el).toBeAccessible();
    mockLoad.mockResolvedValue(lastPage(PAGE));
    (root(el).querySelector('lightning-button.retry') as HTMLElement).click();
    await flush();
    expect(root(el).querySelector('c-error-panel')).toBeNull();
    expect(texts(el, 'h3')).toContain('Group IT');
  });

  it('folds long lists behind a button and says when a page left rows out', async () => {
    const many = copy(PAGE);
    many.truncated = true;
    many.nextCursor = null;
    for (let i = 0; i < 8; i++)
      many.contacts.push({
        id: `0030000000001${String(i).padStart(2, '0')}AAA`,
        name: `New Person ${i}`,
        buyingCenterId: 'a01000000000001AAA',
        createdDate: `2026-11-0${i + 1}T09:00:00.000Z`
      });
    mockLoad.mockResolvedValue(many);
    const el = await mount();
    expect(texts(el, '.truncated')[0]).toMatch(/left out/);
    expect(root(el).querySelectorAll('.joined .person')).toHaveLength(5);
    const toggle = root(el).querySelector('lightning-button.toggle') as HTMLElement & { label: string };
    expect(toggle.label).toBe('Show 4 more in Group IT');
    toggle.click();
    await flush();
    expect(root(el).querySelectorAll('.joined .person')).toHaveLength(9);
    expect((root(el).querySelector('lightning-button.toggle') as HTMLElement & { label: string }).label).toBe(
      'Show fewer in Group IT'
    );
    await expect(el).toBeAccessible();
  });
});
