import { createElement } from 'lwc';
import OrgChartHeatmap from 'c/orgChartHeatmap';
import loadOrgChartPage from '@salesforce/apex/OrgChartController.loadOrgChartPage';
import saveStakeholder from '@salesforce/apex/OrgChartController.saveStakeholder';
import saveLink from '@salesforce/apex/OrgChartController.saveLink';
import deleteLink from '@salesforce/apex/OrgChartController.deleteLink';
import createPlaceholder from '@salesforce/apex/OrgChartController.createPlaceholder';
import type { ContactNode, OrgChartData, OrgChartPage, RelationshipLinkDto } from '@keyplan/contracts';
import { countNullKeys, leakedBlanks, shownTexts, withoutNulls } from '../../../../../test/testUtils';
import { shadowQuery, shadowQueryAll, typeInto } from '../../../../../test/lwcDom';

jest.mock('@salesforce/apex/OrgChartController.loadOrgChartPage', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.saveStakeholder', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.saveLink', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/OrgChartController.deleteLink', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.createPlaceholder', () => ({ default: jest.fn() }), {
  virtual: true
});
// No logged activity: these tests are about the chart itself (orgChartActivity.test.ts covers activity).
jest.mock(
  '@salesforce/apex/ActivityController.loadActivityPage',
  () => ({ default: () => Promise.resolve({ aggregates: [], nextCursor: null }) }),
  { virtual: true }
);

// Accessibility checks (axe) take a second or more on a busy machine.
jest.setTimeout(30000);

const mockLoad = loadOrgChartPage as unknown as jest.Mock;
const mockSaveStakeholder = saveStakeholder as unknown as jest.Mock;
const mockSaveLink = saveLink as unknown as jest.Mock;
const mockDeleteLink = deleteLink as unknown as jest.Mock;
const mockCreatePlaceholder = createPlaceholder as unknown as jest.Mock;

const FIXTURE = jest.requireActual<OrgChartPage>(
  '../../../../../../test/fixtures/apex/OrgChartController.loadOrgChartPage.json'
);
const fixture = (): OrgChartData => JSON.parse(JSON.stringify(FIXTURE)) as OrgChartData;

/**
 * The chart as loadOrgChartPage serves it: `perPage` contacts a page, then `perPage` links a page (the
 * cursor is the index of the next page). Buying centers and field access come with the first page only.
 */
function pagesOf(data: OrgChartData, perPage = Number.MAX_SAFE_INTEGER): OrgChartPage[] {
  const chunks = <T>(list: T[]): T[][] => {
    const out: T[][] = [];
    for (let i = 0; i < list.length; i += perPage) out.push(list.slice(i, i + perPage));
    return out;
  };
  const parts: { contacts: ContactNode[]; links: RelationshipLinkDto[] }[] = [
    ...chunks(data.contacts).map((contacts) => ({ contacts, links: [] as RelationshipLinkDto[] })),
    ...chunks(data.links).map((links) => ({ contacts: [] as ContactNode[], links }))
  ];
  if (perPage === Number.MAX_SAFE_INTEGER || parts.length === 0)
    parts.splice(0, parts.length, { contacts: data.contacts, links: data.links });
  return parts.map((part, i) => ({
    accountId: data.accountId,
    accountName: data.accountName,
    contacts: part.contacts,
    links: part.links,
    buyingCenters: i === 0 ? data.buyingCenters : [],
    totalContacts: data.totalContacts,
    totalLinks: data.links.length,
    truncated: data.truncated,
    nextCursor: i + 1 < parts.length ? String(i + 1) : null,
    fieldAccess: i === 0 ? data.fieldAccess : {}
  }));
}

/** Makes loadOrgChartPage serve `data` in pages. */
function serve(data: OrgChartData, perPage?: number): OrgChartPage[] {
  const pages = pagesOf(data, perPage);
  mockLoad.mockImplementation(({ cursor }: { cursor: string | null }) =>
    Promise.resolve(pages[cursor === null ? 0 : Number(cursor)])
  );
  return pages;
}
const byName = (name: string): ContactNode => FIXTURE.contacts.find((c) => c.name === name) as ContactNode;

type Host = HTMLElement & { recordId?: string; defaultColourBy?: string; depth?: number; height?: number };

function mount(props: Partial<Host> = {}): Host {
  const el = createElement('c-org-chart-heatmap', { is: OrgChartHeatmap }) as Host;
  el.recordId = FIXTURE.accountId;
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}

/** Lets the wire, the async handlers and the re-render settle. */
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const root = (el: HTMLElement): ShadowRoot => el.shadowRoot as ShadowRoot;
/** In the chart's shadow root, else in its children's (the toolbar's controls, the legend's buttons). */
const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string): T | null =>
  shadowQuery<T>(el, sel);
const $$ = (el: HTMLElement, sel: string): HTMLElement[] =>
  Array.from(root(el).querySelectorAll<HTMLElement>(sel));
const nodes = (el: HTMLElement): HTMLElement[] => $$(el, '.node');
const node = (el: HTMLElement, name: string): HTMLElement =>
  nodes(el).find((n) => n.getAttribute('aria-label')!.startsWith(`${name},`)) as HTMLElement;
const panel = (el: HTMLElement): HTMLElement & { shadowRoot: ShadowRoot } =>
  $(el, 'c-org-chart-person-panel') as HTMLElement & { shadowRoot: ShadowRoot };
/** Everything matching `sel` in the panel and its child components (through their shadow roots). */
function allInPanel<T extends Element = HTMLElement>(el: HTMLElement, sel: string): T[] {
  const out: T[] = [];
  const walk = (r: ShadowRoot): void => {
    out.push(...Array.from(r.querySelectorAll<T>(sel)));
    for (const child of Array.from(r.querySelectorAll('*')))
      if (child.shadowRoot && child.tagName.startsWith('C-')) walk(child.shadowRoot);
  };
  walk(panel(el).shadowRoot);
  return out;
}
const inPanel = <T extends Element = HTMLElement>(el: HTMLElement, sel: string): T | null =>
  allInPanel<T>(el, sel)[0] ?? null;
const change = (target: Element, value: string): void => {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
};
const key = (target: Element, k: string): void => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
};

/**
 * Mounts with data. The chart opens at a readable zoom on its top people (see the opening test); most tests
 * then press "Fit to screen" so the whole fixture tree is drawn in jsdom's 800-pixel viewport.
 */
async function loaded(
  props: Partial<Host> = {},
  data: OrgChartData = fixture(),
  fitAll = true
): Promise<Host> {
  serve(data);
  const el = mount(props);
  await flush();
  if (fitAll && $(el, '.fit')) {
    ($(el, '.fit') as HTMLElement).click();
    await flush();
  }
  return el;
}

async function open(el: Host, name: string): Promise<void> {
  node(el, name).click();
  await flush();
}

describe('c-org-chart-heatmap states', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows a labelled spinner while loading', async () => {
    mockLoad.mockReturnValue(new Promise(() => undefined));
    const el = mount();
    await flush();
    const spinner = $(el, 'lightning-spinner') as HTMLElement & { alternativeText: string };
    expect(spinner).not.toBeNull();
    expect(spinner.alternativeText).toBe('Loading the org chart');
    expect(nodes(el)).toHaveLength(0);
    await expect(el).toBeAccessible();
  });

  it('shows the error panel with a friendly message when the load fails', async () => {
    mockLoad.mockRejectedValue({ body: { message: 'Insufficient access to Contact.Keyplan_Stance__c' } });
    const el = mount();
    await flush();
    const errorPanel = $(el, 'c-error-panel') as HTMLElement & { friendlyMessage: string; errors: unknown };
    expect(errorPanel.friendlyMessage).toBe('The org chart could not be loaded.');
    expect(errorPanel.errors).toBeTruthy();
    expect($(el, 'lightning-spinner')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('shows an empty state with a hint when the account has no contacts', async () => {
    const el = await loaded({}, { ...fixture(), contacts: [], links: [], totalContacts: 0 });
    expect($(el, '.state-empty')!.textContent).toContain('set their Reports To');
    expect(nodes(el)).toHaveLength(0);
    await expect(el).toBeAccessible();
  });

  it('reads the chart page by page with an accessible progress line, then draws it whole', async () => {
    const data = fixture();
    const pages = serve(data, 10);
    // 25 contacts in 3 pages, then the links; hold the second page to look at the progress line.
    let release: (p: OrgChartPage) => void = () => undefined;
    mockLoad.mockImplementationOnce(() => Promise.resolve(pages[0]));
    mockLoad.mockImplementationOnce(() => new Promise<OrgChartPage>((resolve) => (release = resolve)));
    const el = mount({ depth: 0 });
    await flush();
    const progress = $(el, '.progress')!;
    expect(progress.getAttribute('role')).toBe('status');
    expect(progress.getAttribute('aria-live')).toBe('polite');
    expect(progress.textContent!.trim()).toBe('Loading 10 of 25 people...');
    expect(nodes(el)).toHaveLength(0);
    await expect(el).toBeAccessible();
    release(pages[1]);
    await flush();
    await flush();
    expect($(el, '.progress')).toBeNull();
    ($(el, '.fit') as HTMLElement).click();
    await flush();
    expect(mockLoad.mock.calls.map((c) => (c[0] as { cursor: string | null }).cursor)).toEqual(
      pages.map((_p, i) => (i === 0 ? null : String(i)))
    );
    expect(nodes(el)).toHaveLength(25);
    expect($$(el, 'path.edge')).toHaveLength(24);
    expect(($(el, 'c-org-chart-legend') as unknown as { entries: unknown[] }).entries.length).toBeGreaterThan(
      0
    );
  });

  it('shows the error panel with Try again when a page fails half-way, and loads again on retry', async () => {
    const pages = serve(fixture(), 10);
    mockLoad.mockImplementationOnce(() => Promise.resolve(pages[0]));
    mockLoad.mockImplementationOnce(() =>
      Promise.reject({ body: { message: 'Apex CPU time limit exceeded' } })
    );
    const el = mount({ depth: 0 });
    await flush();
    expect(($(el, 'c-error-panel') as HTMLElement & { friendlyMessage: string }).friendlyMessage).toBe(
      'The org chart could not be loaded.'
    );
    expect(nodes(el)).toHaveLength(0);
    const retry = $(el, 'lightning-button.retry') as HTMLElement & { label: string };
    expect(retry.label).toBe('Try again');
    await expect(el).toBeAccessible();
    retry.click();
    await flush();
    expect($(el, 'c-error-panel')).toBeNull();
    ($(el, '.fit') as HTMLElement).click();
    await flush();
    expect(nodes(el)).toHaveLength(25);
  });

  it('draws the reporting tree, the links and the legend', async () => {
    const el = await loaded({ depth: 0 });
    expect($(el, 'h2')!.textContent).toBe('Org chart: Northwind Industrial Group');
    expect(nodes(el)).toHaveLength(25);
    expect($$(el, 'path.edge')).toHaveLength(24);
    const ada = node(el, 'Ada Lovelace');
    expect(ada.getAttribute('aria-label')).toMatch(
      /^Ada Lovelace, Chief Information Officer, Champion, Economic Buyer, heat \d+ (cold|warm|hot|strong)/
    );
    expect(ada.getAttribute('role')).toBe('button');
    expect(ada.textContent).toContain('Champion');
    // Roving tabindex: exactly one node is in the tab order.
    expect(nodes(el).filter((n) => n.getAttribute('tabindex') === '0')).toHaveLength(1);
    // Contact-to-contact links only (team links are in the heat): 13 in the fixture.
    const links = $$(el, 'g.link');
    expect(links).toHaveLength(13);
    expect($$(el, 'g.link-bold').length).toBeGreaterThan(0);
    expect($$(el, 'g.link-thin').length).toBeGreaterThan(0);
    expect($$(el, 'g.link-dotted').length).toBeGreaterThan(0);
    const negative = $$(el, 'g.link-negative path');
    expect(negative.length).toBeGreaterThan(0);
    for (const p of negative) expect(p.getAttribute('stroke-dasharray')).toBeTruthy();
    expect($$(el, 'g.link-positive.link-bold path')[0].getAttribute('stroke-dasharray')).toBeNull();
    expect($$(el, 'polygon.arrow')).toHaveLength(13);
    const legend = $(el, 'c-org-chart-legend') as HTMLElement & {
      heading: string;
      entries: { key: string; count: number }[];
    };
    expect(legend.heading).toBe('Colour: Relationship heat (our team)');
    expect(legend.entries.reduce((s, e) => s + e.count, 0)).toBe(25);
    expect($(el, '.status')!.textContent).toContain('25 of 25 people');
    await expect(el).toBeAccessible();
  });

  it('applies the App Builder attributes: colouring, depth and height', async () => {
    const el = await loaded({ defaultColourBy: 'stance', depth: 2, height: 420 }, fixture(), false);
    expect(($(el, 'c-org-chart-legend') as HTMLElement & { heading: string }).heading).toBe('Colour: Stance');
    // Depth 2: at least the CEO and her direct reports; a team opens too when it fits the canvas at a
    // readable zoom (the opening view), the rest starts collapsed.
    expect(nodes(el).length).toBeGreaterThanOrEqual(6);
    expect(nodes(el).length).toBeLessThan(25);
    expect(node(el, 'Margaret Hale')).toBeTruthy();
    // The canvas fills the height the page gives it, however short the tree.
    expect($(el, '.viewport')!.getAttribute('style')).toBe('height: 420px');
    expect(node(el, 'Ada Lovelace').getAttribute('aria-expanded')).toBe('false');
    const tall = await loaded({ depth: 0, height: 300 }, fixture(), false);
    expect($(tall, '.viewport')!.getAttribute('style')).toBe('height: 300px');
    // No height set (or a useless one): 640 pixels, App Builder's default.
    const unset = await loaded({ height: 10 }, fixture(), false);
    expect($(unset, '.viewport')!.getAttribute('style')).toBe('height: 640px');
    expect($(unset, 'c-org-chart-minimap')).toBeNull();
  });

  it('opens at a readable zoom centred on the top of a tree too wide to fit, and pans to the rest', async () => {
    const el = await loaded({ depth: 0 }, fixture(), false);
    const zoom = (): number => parseInt($(el, '.zoom')!.textContent!, 10);
    // The fixture is wider than the 800-pixel canvas at a readable zoom: it opens at 75%, not shrunk.
    expect(zoom()).toBeGreaterThanOrEqual(75);
    expect(node(el, 'Margaret Hale')).toBeTruthy();
    const ceo = node(el, 'Margaret Hale');
    const left = parseFloat(/left:(-?[\d.]+)px/.exec(ceo.getAttribute('style')!)![1]);
    const width = parseFloat(/width:([\d.]+)px/.exec(ceo.getAttribute('style')!)![1]);
    const layer = /translate\((-?[\d.]+)px/.exec($(el, '.layer')!.getAttribute('style')!)![1];
    // The CEO's centre sits in the middle of the 800-pixel canvas.
    expect(Math.round(parseFloat(layer) + ((left + width / 2) * zoom()) / 100)).toBeCloseTo(400, -1);
    // Some people are outside the canvas, a pan away.
    const offScreen = nodes(el).filter((n) => {
      const x =
        parseFloat(layer) +
        (parseFloat(/left:(-?[\d.]+)px/.exec(n.getAttribute('style')!)![1]) * zoom()) / 100;
      return x < 0 || x > 800;
    });
    expect(offScreen.length).toBeGreaterThan(0);
    ($(el, '.fit') as HTMLElement).click();
    await flush();
    expect(zoom()).toBeLessThan(75);
    expect(nodes(el)).toHaveLength(25);
  });

  it('warns when the buying centers were cut at the query limit and lists data repairs', async () => {
    const data = fixture();
    data.truncated = true;
    data.contacts[4].reportsToId = data.contacts[4].id;
    const el = await loaded({}, data);
    expect($(el, '.truncated')!.textContent).toBe(
      `Showing the first ${data.buyingCenters.length} buying centers of the account (the query limit).`
    );
    expect($(el, '.repairs')!.textContent).toContain('reports to themselves');
  });
});

describe('c-org-chart-heatmap when Apex omits null properties', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  /** What the user sees in every colouring and in the panel of a sparse contact, and any leaked blanks. */
  async function tour(el: Host): Promise<{ texts: string[][]; leaks: string[] }> {
    const texts: string[][] = [];
    const leaks: string[] = [];
    const look = (): void => {
      texts.push(shownTexts(el));
      leaks.push(...leakedBlanks(el));
    };
    for (const colourBy of ['heat', 'stance', 'buyerRole', 'coverage']) {
      change($(el, '.colour-by')!, colourBy);
      // eslint-disable-next-line no-await-in-loop -- one step after another, as a user would
      await flush();
      look();
    }
    // Nora Klein has no stance, roles, response mode, influence or budget.
    await open(el, 'Nora Klein');
    expect(inPanel(el, 'lightning-combobox')).not.toBeNull();
    look();
    return { texts, leaks };
  }

  it('renders the chart, every colouring and a sparse person panel as it does with explicit nulls', async () => {
    // Apex leaves null DTO properties out of the JSON: the component sees undefined, not null.
    expect(countNullKeys(FIXTURE)).toBeGreaterThan(50);
    // One at a time: the test adapter emits to every mounted instance.
    const full = await loaded({ depth: 0 });
    const expected = await tour(full);
    full.remove();
    const sparse = await loaded({ depth: 0 }, withoutNulls(fixture()));
    const seen = await tour(sparse);
    expect(expected.texts[0].length).toBeGreaterThan(100);
    expect(seen.texts).toEqual(expected.texts);
    expect(seen.leaks).toEqual([]);
    await expect(sparse).toBeAccessible();
  });
});

describe('c-org-chart-heatmap interactions', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('recolours by stance, buyer role and coverage', async () => {
    const el = await loaded({ depth: 0 });
    const before = node(el, 'Victor Okafor').style.background;
    change($(el, '.colour-by')!, 'stance');
    await flush();
    const legend = $(el, 'c-org-chart-legend') as HTMLElement & {
      heading: string;
      entries: { key: string; count: number }[];
    };
    expect(legend.heading).toBe('Colour: Stance');
    expect(legend.entries.find((e) => e.key === 'Detractor')!.count).toBe(3);
    expect(node(el, 'Victor Okafor').style.background).not.toBe(before);
    change($(el, '.colour-by')!, 'coverage');
    await flush();
    expect(legend.heading).toBe('Colour: Coverage gaps');
    expect(legend.entries.find((e) => e.key === 'gap')!.count).toBeGreaterThan(0);
    change($(el, '.colour-by')!, 'buyerRole');
    await flush();
    expect(legend.heading).toBe('Colour: Buyer role');
  });

  it('filters by buying center, keeping managers as dimmed context', async () => {
    const el = await loaded({ depth: 0 });
    const finance = FIXTURE.buyingCenters.find((b) => b.name === 'Finance')!;
    change($(el, '.bc-filter')!, finance.id);
    await flush();
    const names = nodes(el).map((n) => n.getAttribute('aria-label')!.split(',')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'Victor Okafor',
        'Hannah Schmidt',
        'Carlos Mendes',
        'Nora Klein',
        'Margaret Hale'
      ])
    );
    expect(names).not.toContain('Ada Lovelace');
    // Its sub-center Procurement is included.
    expect(names).toEqual(expect.arrayContaining(['Isabel Duarte', 'Mark Whitfield']));
    expect($(el, '.match-summary')!.textContent).toBe('6 of 25 people match');
    expect(node(el, 'Margaret Hale').classList).toContain('is-context');
    expect(node(el, 'Margaret Hale').getAttribute('aria-label')).toContain('kept to connect the matches');
    change($(el, '.bc-filter')!, '');
    await flush();
    // Back to everyone, at a readable zoom (so not all drawn in jsdom's 800 pixels until "Fit to screen").
    expect($(el, '.status')!.textContent).toContain('25 of 25 people');
    expect(parseInt($(el, '.zoom')!.textContent!, 10)).toBeGreaterThanOrEqual(75);
    ($(el, '.fit') as HTMLElement).click();
    await flush();
    expect(nodes(el)).toHaveLength(25);
  });

  it('searches name, title, stance and roles, lists the matches and jumps to the one chosen', async () => {
    const el = await loaded({ depth: 2 });
    expect(node(el, 'Linus Berg')).toBeUndefined();
    const input = $<HTMLInputElement>(el, 'input.search')!;
    const toolbar = $(el, 'c-org-chart-toolbar')!;
    const listed = (): string[] =>
      shadowQueryAll(toolbar, '[role="option"] .result-name').map((o) => o.textContent!);
    input.focus();
    typeInto(input, 'architect');
    await flush();
    expect(listed()).toEqual(['Linus Berg', 'Jonas Lind']);
    expect(root(el).querySelector('.slds-assistive-text[aria-live]')!.textContent).toBe('2 people match');
    // The second match, chosen with the keyboard: revealed (its managers were collapsed), current, opened.
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    key(input, 'Enter');
    await flush();
    expect(node(el, 'Jonas Lind').classList).toContain('is-current');
    expect(node(el, 'Jonas Lind').classList).toContain('is-hit');
    expect(node(el, 'Jonas Lind').getAttribute('tabindex')).toBe('0');
    expect(inPanel(el, '.person-name')!.textContent).toContain('Jonas Lind');
    expect(root(el).querySelector('.slds-assistive-text[aria-live]')!.textContent).toContain('Match 2 of 2');
    // Stance, roles and title initials are searched too.
    typeInto(input, 'Detractor');
    await flush();
    expect(listed()).toEqual(['Radia Perlman', 'Jonas Lind', 'Victor Okafor']); // chart order
    typeInto(input, 'CFO');
    await flush();
    expect(listed()).toEqual(['Victor Okafor']);
    typeInto(input, 'nobody-here');
    await flush();
    expect(listed()).toEqual([]);
    expect(root(el).querySelector('.slds-assistive-text[aria-live]')!.textContent).toBe(
      'No one matches nobody-here'
    );
    expect($$(el, '.node.is-hit')).toHaveLength(0);
  });

  it('filters by stance from the toolbar and from the legend, with n of N and connecting managers', async () => {
    const el = await loaded({ depth: 2, defaultColourBy: 'stance' });
    const legendButton = (label: string): HTMLElement =>
      shadowQueryAll($(el, 'c-org-chart-legend')!, 'button.entry-button').find((b) =>
        b.textContent!.startsWith(label)
      )!;
    legendButton('Detractor').click();
    await flush();
    const names = (): string[] => nodes(el).map((n) => n.getAttribute('aria-label')!.split(',')[0]);
    expect(names().sort()).toEqual(
      ['Ada Lovelace', 'Jonas Lind', 'Margaret Hale', 'Radia Perlman', 'Victor Okafor'].sort()
    );
    expect(node(el, 'Ada Lovelace').classList).toContain('is-context');
    expect($(el, '.match-summary')!.textContent).toBe('3 of 25 people match');
    expect(legendButton('Detractor').getAttribute('aria-pressed')).toBe('true');
    expect(($(el, '.filter-stance') as unknown as { value: string }).value).toBe('Detractor');
    // Combined with a decision role from the toolbar: only the detractor who decides.
    change($(el, '.filter-decisionRole')!, 'Decision Maker');
    await flush();
    expect($(el, '.match-summary')!.textContent).toBe('1 of 25 people match');
    expect(names().sort()).toEqual(['Margaret Hale', 'Victor Okafor']);
    ($(el, '.clear-filters') as HTMLElement).click();
    await flush();
    expect($(el, '.match-summary')).toBeNull();
    expect(legendButton('Detractor').getAttribute('aria-pressed')).toBe('false');
    // Back to the chart as it opened (collapsed below level 2).
    expect(node(el, 'Jonas Lind')).toBeUndefined();
  });

  it('collapses and expands a subtree with the toggle and the keyboard', async () => {
    const el = await loaded({ depth: 0 });
    const toggle = $$(el, 'button.toggle').find(
      (b) => b.getAttribute('aria-label') === 'Collapse the reports of Ada Lovelace'
    )!;
    toggle.click();
    await flush();
    expect(nodes(el)).toHaveLength(25 - 10);
    expect(node(el, 'Ada Lovelace').getAttribute('aria-label')).toContain('10 people hidden below');
    expect(node(el, 'Ada Lovelace').getAttribute('aria-expanded')).toBe('false');
    key(node(el, 'Ada Lovelace'), '+');
    await flush();
    expect(nodes(el)).toHaveLength(25);
    key(node(el, 'Victor Okafor'), '-');
    await flush();
    expect(nodes(el)).toHaveLength(25 - 5);
    ($(el, '.expand-all') as HTMLElement).click();
    await flush();
    expect(nodes(el)).toHaveLength(25);
  });

  it('moves along the tree with the arrow keys, opens with Enter and closes with Escape', async () => {
    const el = await loaded({ depth: 0 });
    const ceo = node(el, 'Margaret Hale');
    ceo.focus();
    key(ceo, 'ArrowDown');
    await flush();
    const active = (): string =>
      (root(el).activeElement as HTMLElement).getAttribute('aria-label')!.split(',')[0];
    expect(active()).toBe('Ada Lovelace');
    expect(node(el, 'Ada Lovelace').getAttribute('tabindex')).toBe('0');
    expect(node(el, 'Margaret Hale').getAttribute('tabindex')).toBe('-1');
    key(node(el, 'Ada Lovelace'), 'ArrowRight');
    await flush();
    expect(active()).toBe('Lena Fischer');
    key(node(el, 'Lena Fischer'), 'ArrowLeft');
    await flush();
    expect(active()).toBe('Ada Lovelace');
    key(node(el, 'Ada Lovelace'), 'ArrowLeft');
    await flush();
    expect(active()).toBe('Ada Lovelace');
    key(node(el, 'Ada Lovelace'), 'ArrowUp');
    await flush();
    expect(active()).toBe('Margaret Hale');
    key(node(el, 'Margaret Hale'), 'Enter');
    await flush();
    expect(panel(el)).not.toBeNull();
    expect(node(el, 'Margaret Hale').classList).toContain('is-selected');
    key(inPanel(el, '.panel')!, 'Escape');
    await flush();
    expect(panel(el)).toBeNull();
    expect(active()).toBe('Margaret Hale');
  });

  it('ArrowDown on a collapsed person expands them and moves to the first report', async () => {
    const el = await loaded({ depth: 2 });
    key(node(el, 'Ada Lovelace'), 'ArrowDown');
    await flush();
    expect((root(el).activeElement as HTMLElement).getAttribute('aria-label')).toMatch(/^Alan Turing,/);
  });

  it('zooms with the buttons and the wheel, pans by dragging and fits to screen', async () => {
    const el = await loaded({ depth: 0 });
    const layer = $(el, '.layer')!;
    const zoom = (): string => $(el, '.zoom')!.textContent!;
    const start = zoom();
    ($(el, '.zoom-in') as HTMLElement).click();
    await flush();
    expect(parseInt(zoom(), 10)).toBeGreaterThan(parseInt(start, 10));
    ($(el, '.zoom-out') as HTMLElement).click();
    ($(el, '.zoom-out') as HTMLElement).click();
    await flush();
    expect(parseInt(zoom(), 10)).toBeLessThan(parseInt(start, 10));
    const viewport = $(el, '.viewport')!;
    const beforeWheel = zoom();
    viewport.dispatchEvent(
      Object.assign(new MouseEvent('wheel', { clientX: 100, clientY: 100, cancelable: true }), {
        deltaY: -100
      })
    );
    await flush();
    expect(parseInt(zoom(), 10)).toBeGreaterThan(parseInt(beforeWheel, 10));
    const beforePan = layer.getAttribute('style');
    viewport.dispatchEvent(new MouseEvent('pointerdown', { clientX: 100, clientY: 100, button: 0 }));
    viewport.dispatchEvent(new MouseEvent('pointermove', { clientX: 160, clientY: 140 }));
    viewport.dispatchEvent(new MouseEvent('pointerup', {}));
    await flush();
    expect(layer.getAttribute('style')).not.toBe(beforePan);
    const afterPan = layer.getAttribute('style');
    viewport.dispatchEvent(new MouseEvent('pointermove', { clientX: 300, clientY: 300 }));
    await flush();
    expect(layer.getAttribute('style')).toBe(afterPan);
    ($(el, '.fit') as HTMLElement).click();
    await flush();
    expect(zoom()).toBe(start);
  });

  it('focuses on one person plus N levels and shows everyone again', async () => {
    const el = await loaded({ depth: 0 });
    await open(el, 'Ada Lovelace');
    change($(el, '.levels')!, '1');
    await flush();
    (inPanel(el, '.focus') as HTMLElement).click();
    await flush();
    // Ada's manager, Ada and her three direct reports.
    expect(nodes(el)).toHaveLength(5);
    expect($(el, '.focus-bar')!.textContent).toContain('Focused on Ada Lovelace');
    change($(el, '.levels')!, '2');
    await flush();
    expect(nodes(el)).toHaveLength(11);
    ($(el, '.clear-focus') as HTMLElement).click();
    await flush();
    expect($(el, '.status')!.textContent).toContain('25 of 25 people');
    ($(el, '.fit') as HTMLElement).click();
    await flush();
    expect(nodes(el)).toHaveLength(25);
    expect($(el, '.focus-bar')).toBeNull();
  });

  it('renders only the people in the viewport for a big account', async () => {
    const data = fixture();
    const many: ContactNode[] = [];
    for (let i = 0; i < 3000; i++) {
      many.push({
        ...data.contacts[1],
        id: `003BIG${String(i).padStart(9, '0')}AAA`,
        name: `Person ${i}`,
        reportsToId:
          i < 30 ? data.contacts[1].id : `003BIG${String(Math.floor(i / 30) - 1).padStart(9, '0')}AAA`
      });
    }
    data.contacts = [...data.contacts, ...many];
    const el = await loaded({ depth: 0 }, data);
    for (let i = 0; i < 12; i++) ($(el, '.zoom-out') as HTMLElement).click();
    await flush();
    const drawn = nodes(el).length;
    expect(drawn).toBeGreaterThan(20);
    expect(drawn).toBeLessThan(500);
    expect($(el, '.status')!.textContent).toContain('3,025 of 3,025 people');
    // Panning brings other people into the DOM and drops the ones that left the view.
    const first = nodes(el)
      .map((n) => n.dataset.id)
      .join();
    const viewport = $(el, '.viewport')!;
    viewport.dispatchEvent(new MouseEvent('pointerdown', { clientX: 700, clientY: 100, button: 0 }));
    viewport.dispatchEvent(new MouseEvent('pointermove', { clientX: 0, clientY: 100 }));
    viewport.dispatchEvent(new MouseEvent('pointerup', {}));
    await flush();
    expect(
      nodes(el)
        .map((n) => n.dataset.id)
        .join()
    ).not.toBe(first);
    expect(nodes(el).length).toBeLessThan(500);
    // Above 300 people a minimap shows where the view is; a click on it moves the view there.
    const map = $(el, 'c-org-chart-minimap') as HTMLElement & { window: { x1: number }; people: number };
    expect(map.people).toBe(3025);
    const before = map.window.x1;
    map.dispatchEvent(new CustomEvent('navigate', { detail: { x: 0, y: 0 } }));
    await flush();
    expect(map.window.x1).not.toBe(before);
    map.dispatchEvent(new CustomEvent('pan', { detail: { key: 'Home' } }));
    await flush();
    expect(/translate\(24px, 24px\)/.test($(el, '.layer')!.getAttribute('style')!)).toBe(true);
    // 3,025 people through jsdom: slow on a busy machine.
  }, 60_000);
});

describe('c-org-chart-heatmap person panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows the stakeholder fields, heat, last interaction and links', async () => {
    const el = await loaded({ depth: 0 });
    await open(el, 'Ada Lovelace');
    expect(inPanel(el, '.person-name')!.textContent).toBe('Ada Lovelace');
    expect(inPanel(el, '.subtitle')!.textContent).toBe('Chief Information Officer, reports to Margaret Hale');
    expect(inPanel(el, '.heat')!.textContent).toMatch(
      /^\d+ \((cold|warm|hot|strong)\), from 1 recorded team link$/
    );
    expect(inPanel(el, '.last-interaction')!.textContent).toBe('Nov 20, 2026');
    // Her influence in their network, ranked against everyone on the chart.
    expect(inPanel(el, '.influence')!.textContent).toBe('95 (#1 of 25), influences 2, influenced by 2');
    expect(inPanel(el, '.budget')!.textContent).toBe('$4,500,000');
    const labels = Array.from(
      allInPanel<HTMLElement & { label: string }>(el, 'lightning-combobox.field')
    ).map((f) => f.label);
    expect(labels).toEqual([
      'Stance',
      'Decision role',
      'Buyer role',
      'Response mode',
      'Influence',
      'Buying center'
    ]);
    const links = Array.from(allInPanel(el, '.link-item')).map((l) => l.textContent);
    expect(links.join('|')).toContain('To Victor Okafor: Influence, strength 4, Weekly, Negative');
    expect(links.join('|')).toContain('From Jordan Blake (our team)');
    expect(panel(el).shadowRoot.activeElement).toBe(inPanel(el, '.person-name'));
    await expect(el).toBeAccessible();
  });

  it('saves stakeholder fields in place and recolours without a reload', async () => {
    const el = await loaded({ depth: 0, defaultColourBy: 'stance' });
    await open(el, 'Victor Okafor');
    const victor = byName('Victor Okafor');
    const stance = inPanel(el, 'lightning-combobox[data-field="stance"]')!;
    change(stance, 'Supporter');
    await flush();
    mockSaveStakeholder.mockResolvedValue({
      ...victor,
      stance: 'Supporter',
      lastModified: '2026-11-23T10:00:00.000Z'
    });
    (inPanel(el, '.save') as HTMLElement).click();
    await flush();
    // Apex writes every stakeholder field, so the panel sends them all: the edit plus the current values.
    expect(mockSaveStakeholder).toHaveBeenCalledWith({
      input: {
        id: victor.id,
        lastModified: victor.lastModified,
        stance: 'Supporter',
        decisionRole: victor.decisionRole,
        buyerRole: victor.buyerRole,
        responseMode: victor.responseMode,
        influenceLevel: victor.influenceLevel,
        buyingCenterId: victor.buyingCenterId,
        budgetOwned: victor.budgetOwned,
        reportsToId: victor.reportsToId
      }
    });
    expect(victor.buyerRole).not.toBeNull();
    expect(node(el, 'Victor Okafor').getAttribute('aria-label')).toContain(
      'Chief Financial Officer, Supporter'
    );
    const legend = $(el, 'c-org-chart-legend') as HTMLElement & { entries: { key: string; count: number }[] };
    expect(legend.entries.find((e) => e.key === 'Detractor')!.count).toBe(2);
    // The view shows the saved contact; nothing is read again.
    expect(mockLoad).toHaveBeenCalledTimes(1);
    expect(inPanel(el, 'c-error-panel')).toBeNull();
  });

  it('sends every stakeholder field as null, not missing, when Apex omitted the blanks', async () => {
    const el = await loaded({ depth: 0 }, withoutNulls(fixture()));
    await open(el, 'Nora Klein');
    const nora = byName('Nora Klein');
    change(inPanel(el, 'lightning-combobox[data-field="stance"]')!, 'Neutral');
    await flush();
    mockSaveStakeholder.mockResolvedValue({ ...nora, stance: 'Neutral' });
    (inPanel(el, '.save') as HTMLElement).click();
    await flush();
    const { input } = mockSaveStakeholder.mock.calls[0][0] as { input: Record<string, unknown> };
    expect(Object.keys(input).sort()).toEqual(
      [
        'id',
        'lastModified',
        'stance',
        'decisionRole',
        'buyerRole',
        'responseMode',
        'influenceLevel',
        'buyingCenterId',
        'budgetOwned',
        'reportsToId'
      ].sort()
    );
    expect(input.stance).toBe('Neutral');
    expect(input.buyerRole).toBeNull();
    expect(input.budgetOwned).toBeNull();
    expect(input.reportsToId).toBe(nora.reportsToId);
  });

  it('shows a stale-write conflict, keeps the input and offers a reload', async () => {
    const el = await loaded({ depth: 0 });
    await open(el, 'Victor Okafor');
    const stance = inPanel<HTMLElement & { value: string }>(el, 'lightning-combobox[data-field="stance"]')!;
    change(stance, 'Champion');
    await flush();
    mockSaveStakeholder.mockRejectedValue({
      body: {
        message: JSON.stringify({
          code: 'CONFLICT',
          message: 'Contact Victor Okafor was changed by someone else since you opened it.'
        })
      }
    });
    (inPanel(el, '.save') as HTMLElement).click();
    await flush();
    const errorPanel = inPanel<HTMLElement & { friendlyMessage: string }>(el, 'c-error-panel')!;
    expect(errorPanel.friendlyMessage).toContain('Someone changed this record');
    expect(stance.value).toBe('Champion');
    await expect(el).toBeAccessible();
    (inPanel(el, '.reload') as HTMLElement).click();
    await flush();
    // Reload reads every page again, fresh (loadOrgChartPage is not cacheable).
    expect(mockLoad).toHaveBeenCalledTimes(2);
    expect(mockLoad).toHaveBeenLastCalledWith({ accountId: FIXTURE.accountId, cursor: null });
    expect(nodes(el).length).toBeGreaterThan(0);
  });

  it('shows validation errors and keeps the input', async () => {
    const el = await loaded({ depth: 0 });
    await open(el, 'Kenji Sato');
    const role = inPanel<HTMLElement & { value: string }>(
      el,
      'lightning-combobox[data-field="decisionRole"]'
    )!;
    change(role, 'Decision Maker');
    await flush();
    mockSaveStakeholder.mockRejectedValue({
      body: {
        message: 'Update failed',
        fieldErrors: { Keyplan_Decision_Role__c: [{ message: 'A decision maker needs a buying center' }] }
      }
    });
    (inPanel(el, '.save') as HTMLElement).click();
    await flush();
    const errorPanel = inPanel<HTMLElement & { friendlyMessage: string; errors: unknown }>(
      el,
      'c-error-panel'
    )!;
    expect(errorPanel.friendlyMessage).toContain('Your changes were not saved');
    expect(inPanel(el, '.reload')).toBeNull();
    expect(role.value).toBe('Decision Maker');
    (inPanel(el, '.cancel') as HTMLElement).click();
    await flush();
    expect(role.value).toBe('User');
  });

  it('refuses a negative budget before calling the server', async () => {
    const data = fixture();
    data.fieldAccess['Contact.Keyplan_Budget_Owned__c'] = { readable: true, updateable: true };
    const el = await loaded({ depth: 0 }, data);
    await open(el, 'Ada Lovelace');
    change(inPanel(el, '.budget-input')!, '-5');
    await flush();
    (inPanel(el, '.save') as HTMLElement).click();
    await flush();
    expect(inPanel(el, '.budget-error')!.textContent).toContain('positive');
    expect(mockSaveStakeholder).not.toHaveBeenCalled();
  });

  it('respects field-level security', async () => {
    const data = fixture();
    data.fieldAccess['Contact.Keyplan_Stance__c'] = { readable: false, updateable: false };
    data.fieldAccess['Contact.Keyplan_Buyer_Role__c'] = { readable: true, updateable: false };
    data.fieldAccess['Relationship_Link__c.Strength__c'] = { readable: true, updateable: false };
    const el = await loaded({ depth: 0 }, data);
    await open(el, 'Ada Lovelace');
    expect(inPanel(el, 'lightning-combobox[data-field="stance"]')).toBeNull();
    expect(
      (inPanel(el, 'lightning-combobox[data-field="buyerRole"]') as HTMLElement & { disabled: boolean })
        .disabled
    ).toBe(true);
    expect(
      (inPanel(el, 'lightning-combobox[data-field="decisionRole"]') as HTMLElement & { disabled: boolean })
        .disabled
    ).toBe(false);
    // Keyplan_Budget_Owned__c is read-only in the fixture.
    expect((inPanel(el, '.budget-input') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
    expect(inPanel(el, '.network-add')).toBeNull();
    expect(inPanel(el, '.team-add')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('adds a link by picking the other person with search', async () => {
    const el = await loaded({ depth: 0 });
    await open(el, 'Ada Lovelace');
    const before = $$(el, 'g.link').length;
    (inPanel(el, '.network-add') as HTMLElement).click();
    await flush();
    (inPanel(el, '.link-save') as HTMLElement).click();
    await flush();
    expect(inPanel(el, '.link-error')!.textContent).toContain('Choose the other person');
    change(inPanel(el, '.link-search')!, 'grace');
    await flush();
    const other = inPanel<HTMLElement & { options: { label: string; value: string }[] }>(el, '.link-other')!;
    expect(other.options).toEqual([
      { label: 'Grace Hopper (VP Infrastructure)', value: byName('Grace Hopper').id }
    ]);
    change(other, byName('Grace Hopper').id);
    change(inPanel(el, '[data-field="strength"]')!, '5');
    change(inPanel(el, '[data-field="frequency"]')!, 'Weekly');
    change(inPanel(el, '[data-field="lastInteraction"]')!, '2026-11-20');
    await flush();
    const saved: RelationshipLinkDto = {
      id: 'a0L000000000099AAA',
      fromContactId: byName('Ada Lovelace').id,
      fromUserId: null,
      fromUserName: null,
      toContactId: byName('Grace Hopper').id,
      type: 'Influence',
      strength: 5,
      frequency: 'Weekly',
      influenceLevel: null,
      polarity: 'Positive',
      lastInteraction: '2026-11-20',
      lastModified: '2026-11-23T10:00:00.000Z'
    };
    mockSaveLink.mockResolvedValue(saved);
    (inPanel(el, '.link-save') as HTMLElement).click();
    await flush();
    expect(mockSaveLink).toHaveBeenCalledWith({
      input: {
        accountId: FIXTURE.accountId,
        fromContactId: byName('Ada Lovelace').id,
        fromUserId: null,
        toContactId: byName('Grace Hopper').id,
        type: 'Influence',
        strength: 5,
        frequency: 'Weekly',
        influenceLevel: null,
        polarity: 'Positive',
        lastInteraction: '2026-11-20'
      }
    });
    expect($$(el, 'g.link').length).toBe(before + 1);
    expect(
      Array.from(allInPanel(el, '.link-item')).some((l) =>
        l.textContent!.includes('To Grace Hopper: Influence, strength 5')
      )
    ).toBe(true);
    // The form closes after a successful save, a toast says so, and the focus returns to its button.
    expect(inPanel(el, '.link-other')).toBeNull();
    expect(panel(el).shadowRoot.activeElement).toBe(inPanel(el, '.network-add'));
  });

  it('records who on our team knows a person: heat changes, the gap closes, a toast confirms', async () => {
    const el = await loaded({ depth: 0 });
    const toasts: string[] = [];
    el.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail.title));
    const victor = byName('Victor Okafor');
    await open(el, 'Victor Okafor');
    // His one team link is negative: cold, and a gap.
    expect(inPanel(el, '.heat')!.textContent).toBe('0 (cold), from 1 recorded team link');
    expect(inPanel(el, '.known-by')!.textContent).toBe(
      'Nobody on our team has a positive relationship with them (1 negative).'
    );
    expect(allInPanel(el, '.issue').some((i) => i.textContent!.includes('no strong positive'))).toBe(true);
    (inPanel(el, '.team-add') as HTMLElement).click();
    await flush();
    const who = inPanel<HTMLElement & { quickOptions: { label: string; value: string }[]; value: string }>(
      el,
      '.link-user'
    )!;
    // The current user by default; anyone holding a link on the account is a quick choice (others: search).
    expect(who.quickOptions.map((o) => o.label)).toEqual(
      expect.arrayContaining(['Jordan Blake', 'Sam Ortiz'])
    );
    expect(who.value).toBeTruthy();
    change(who, '005000000000001AAA');
    change(inPanel(el, '[data-field="strength"]')!, '5');
    change(inPanel(el, '[data-field="frequency"]')!, 'Weekly');
    change(inPanel(el, '[data-field="lastInteraction"]')!, '2026-11-20');
    await flush();
    mockSaveLink.mockImplementation(({ input }: { input: Record<string, unknown> }) =>
      Promise.resolve({
        ...input,
        id: 'a0L000000000098AAA',
        fromUserName: 'Jordan Blake',
        influenceLevel: null,
        lastModified: '2026-11-23T10:00:00.000Z'
      })
    );
    (inPanel(el, '.link-save') as HTMLElement).click();
    await flush();
    expect(mockSaveLink.mock.calls[0][0].input).toEqual({
      accountId: FIXTURE.accountId,
      fromContactId: null,
      fromUserId: '005000000000001AAA',
      toContactId: victor.id,
      type: 'Coverage',
      strength: 5,
      frequency: 'Weekly',
      influenceLevel: null,
      polarity: 'Positive',
      lastInteraction: '2026-11-20'
    });
    expect(inPanel(el, '.heat')!.textContent).toMatch(
      /^[1-9]\d* \((warm|hot|strong)\), from 2 recorded team links$/
    );
    expect(allInPanel(el, '.issue').some((i) => i.textContent!.includes('no strong positive'))).toBe(false);
    expect(inPanel(el, '.known-by')!.textContent).toBe(
      'Known by 1 of our people; strongest relationship 5 of 5.'
    );
    expect(toasts).toEqual(['Our relationship saved.']);
    expect(panel(el).shadowRoot.activeElement).toBe(inPanel(el, '.team-add'));
  });

  it('adds a placeholder role under a person: drawn, not counted as a contact', async () => {
    const el = await loaded({ depth: 0 });
    const ada = byName('Ada Lovelace');
    await open(el, 'Ada Lovelace');
    const status = $(el, '.status')!.textContent;
    (inPanel(el, '.placeholder-add') as HTMLElement).click();
    await flush();
    (inPanel(el, '.placeholder-save') as HTMLElement).click();
    await flush();
    expect(inPanel(el, '.placeholder-error')!.textContent).toContain('Name the role');
    expect(mockCreatePlaceholder).not.toHaveBeenCalled();
    change(inPanel(el, '.placeholder-title')!, 'Chief Information Security Officer');
    await flush();
    mockCreatePlaceholder.mockImplementation(({ input }: { input: { title: string } }) =>
      Promise.resolve({
        ...ada,
        id: '003000000000098AAA',
        name: `${input.title} (unknown)`,
        title: input.title,
        reportsToId: ada.id,
        stance: null,
        decisionRole: null,
        buyerRole: null,
        budgetOwned: null,
        placeholder: true
      })
    );
    (inPanel(el, '.placeholder-save') as HTMLElement).click();
    await flush();
    expect(mockCreatePlaceholder).toHaveBeenCalledWith({
      input: {
        accountId: FIXTURE.accountId,
        title: 'Chief Information Security Officer',
        reportsToId: ada.id,
        buyingCenterId: ada.buyingCenterId
      }
    });
    expect(node(el, 'Chief Information Security Officer (unknown)')).toBeTruthy();
    // Drawn, but the people count does not change.
    expect($(el, '.status')!.textContent).toBe(status);
    expect(panel(el).shadowRoot.activeElement).toBe(inPanel(el, '.placeholder-add'));
    // Nobody on our team can know a role not yet named.
    await open(el, 'Chief Information Security Officer (unknown)');
    expect(inPanel(el, '.placeholder-note')).not.toBeNull();
    expect(inPanel(el, '.team-add')).toBeNull();
  });

  it('edits an existing team link in place', async () => {
    const el = await loaded({ depth: 0 });
    await open(el, 'Ada Lovelace');
    const ada = byName('Ada Lovelace');
    const link = FIXTURE.links.find((l) => l.fromUserId && l.toContactId === ada.id)!;
    (inPanel(el, `.team-links .edit, .edit[data-id="${link.id}"]`) as HTMLElement).click();
    await flush();
    const strength = inPanel<HTMLElement & { value: string }>(el, '[data-field="strength"]')!;
    expect(strength.value).toBe(String(link.strength));
    change(strength, '2');
    await flush();
    mockSaveLink.mockResolvedValue({ ...link, strength: 2, lastModified: '2026-11-23T10:00:00.000Z' });
    (inPanel(el, '.link-save') as HTMLElement).click();
    await flush();
    expect(mockSaveLink.mock.calls[0][0].input).toMatchObject({
      id: link.id,
      lastModified: link.lastModified,
      fromUserId: link.fromUserId,
      fromContactId: null,
      toContactId: ada.id,
      strength: 2
    });
    expect(
      allInPanel(el, '.link-item')
        .map((l) => l.textContent)
        .join('|')
    ).toContain('strength 2');
  });

  it('adds an incoming link and shows a save error', async () => {
    const el = await loaded({ depth: 0 });
    await open(el, 'Ada Lovelace');
    (inPanel(el, '.network-add') as HTMLElement).click();
    await flush();
    change(inPanel(el, '[data-field="direction"]')!, 'in');
    change(inPanel(el, '.link-other')!, byName('Tom Baker').id);
    change(inPanel(el, '[data-field="polarity"]')!, 'Negative');
    await flush();
    mockSaveLink.mockRejectedValue({ body: { message: 'Strength must be between 1 and 5' } });
    (inPanel(el, '.link-save') as HTMLElement).click();
    await flush();
    expect(mockSaveLink.mock.calls[0][0].input).toMatchObject({
      fromContactId: byName('Tom Baker').id,
      toContactId: byName('Ada Lovelace').id,
      polarity: 'Negative'
    });
    expect(inPanel(el, 'c-error-panel')).not.toBeNull();
    expect((inPanel(el, '.link-other') as HTMLElement & { value: string }).value).toBe(
      byName('Tom Baker').id
    );
  });

  it('removes a link', async () => {
    const el = await loaded({ depth: 0 });
    await open(el, 'Ada Lovelace');
    const link = FIXTURE.links.find(
      (l) => l.fromContactId === byName('Ada Lovelace').id && l.toContactId === byName('Victor Okafor').id
    )!;
    mockDeleteLink.mockResolvedValue(undefined);
    const before = $$(el, 'g.link').length;
    (inPanel(el, `.remove[data-id="${link.id}"]`) as HTMLElement).click();
    await flush();
    // Nothing is deleted before the confirmation.
    expect(mockDeleteLink).not.toHaveBeenCalled();
    (inPanel(el, '.confirm-remove') as HTMLElement).click();
    await flush();
    expect(mockDeleteLink).toHaveBeenCalledWith({ linkId: link.id, lastModified: link.lastModified });
    expect($$(el, 'g.link').length).toBe(before - 1);
    expect(
      Array.from(allInPanel(el, '.link-item')).some((l) => l.textContent!.includes('Victor Okafor'))
    ).toBe(false);
  });

  it('shows a conflict when a link was changed by someone else', async () => {
    const el = await loaded({ depth: 0 });
    await open(el, 'Ada Lovelace');
    mockDeleteLink.mockRejectedValue({
      body: { message: JSON.stringify({ code: 'CONFLICT', message: 'Relationship link a0L was changed.' }) }
    });
    (inPanel(el, '.remove') as HTMLElement).click();
    await flush();
    (inPanel(el, '.confirm-remove') as HTMLElement).click();
    await flush();
    expect(inPanel(el, '.reload')).not.toBeNull();
  });

  it('jumps to the other person of a link and closes with the close button', async () => {
    const el = await loaded({ depth: 0 });
    await open(el, 'Ada Lovelace');
    (inPanel(el, `button.other[data-id="${byName('Victor Okafor').id}"]`) as HTMLElement).click();
    await flush();
    expect(inPanel(el, '.person-name')!.textContent).toBe('Victor Okafor');
    (inPanel(el, '.close') as HTMLElement).click();
    await flush();
    expect(panel(el)).toBeNull();
  });
});

describe('c-org-chart-heatmap coverage panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('lists the gaps as a worklist and opens the person of a gap', async () => {
    const el = await loaded({ depth: 2 });
    ($(el, '.coverage-toggle') as HTMLElement).click();
    await flush();
    const coverage = $(el, 'c-org-chart-coverage') as HTMLElement & { shadowRoot: ShadowRoot };
    const text = coverage.shadowRoot.textContent!;
    expect(text).toContain('Decision makers without a strong relationship with us');
    expect(text).toContain(
      'Victor Okafor (decision maker, economic buyer) has no strong positive relationship'
    );
    expect(text).toContain('Radia Perlman is a detractor with very high influence');
    expect(text).toContain('Buying centers with one thread or none');
    // A stale link names who holds it.
    expect(text).toMatch(/Jordan Blake's link to Victor Okafor was last updated \d+ days ago/);
    // Our account team and the executive-sponsor pairing.
    const team = coverage.shadowRoot.querySelector('c-org-chart-team') as HTMLElement & {
      shadowRoot: ShadowRoot;
    };
    expect(team.shadowRoot.textContent).toContain('Jordan Blake');
    expect(team.shadowRoot.querySelector('.sponsor')!.textContent).toContain('Chris Vega <-> Margaret Hale');
    await expect(el).toBeAccessible();
    const radia = Array.from(coverage.shadowRoot.querySelectorAll<HTMLElement>('.issue-link')).find((b) =>
      b.textContent!.includes('Radia Perlman')
    )!;
    radia.click();
    await flush();
    expect(inPanel(el, '.person-name')!.textContent).toBe('Radia Perlman');
    expect(node(el, 'Radia Perlman').classList).toContain('is-selected');
    expect($(el, 'c-org-chart-coverage')).toBeNull();
  });

  it('each worklist item has one action: add a team link, or update the stale link', async () => {
    const el = await loaded({ depth: 0 });
    const openCoverage = async (): Promise<HTMLElement & { shadowRoot: ShadowRoot }> => {
      ($(el, '.coverage-toggle') as HTMLElement).click();
      await flush();
      return $(el, 'c-org-chart-coverage') as HTMLElement & { shadowRoot: ShadowRoot };
    };
    const action = (shadow: ShadowRoot, label: RegExp): HTMLElement =>
      Array.from(shadow.querySelectorAll<HTMLElement>('.item-action')).find((b) =>
        label.test(b.getAttribute('aria-label')!)
      )!;
    let coverage = await openCoverage();
    action(coverage.shadowRoot, /^Add team link: Victor Okafor/).click();
    await flush();
    expect(inPanel(el, '.person-name')!.textContent).toBe('Victor Okafor');
    expect(inPanel(el, '.link-user')).not.toBeNull();
    (inPanel(el, '.close') as HTMLElement).click();
    await flush();
    coverage = await openCoverage();
    action(coverage.shadowRoot, /^Update link: Jordan Blake's link to Isabel Duarte/).click();
    await flush();
    expect(inPanel(el, '.person-name')!.textContent).toBe('Isabel Duarte');
    expect(inPanel(el, 'c-org-chart-link-form legend, legend')!.textContent).toBe('Edit our relationship');
    expect(inPanel<HTMLElement & { value: string }>(el, '[data-field="lastInteraction"]')!.value).toBe(
      '2026-05-20'
    );
  });

  it('filters to a buying center nobody reaches and closes with Escape', async () => {
    const data = fixture();
    // Nobody on our team reaches Procurement once its one team link is gone.
    data.links = data.links.filter((l) => !(l.fromUserId && l.toContactId === byName('Isabel Duarte').id));
    const el = await loaded({ depth: 0 }, data);
    ($(el, '.coverage-toggle') as HTMLElement).click();
    await flush();
    const coverage = $(el, 'c-org-chart-coverage') as HTMLElement & { shadowRoot: ShadowRoot };
    const bc = Array.from(coverage.shadowRoot.querySelectorAll<HTMLElement>('.issue-link')).find((b) =>
      b.textContent!.includes('in Procurement')
    )!;
    bc.click();
    await flush();
    expect(nodes(el).map((n) => n.getAttribute('aria-label')!.split(',')[0])).toEqual(
      expect.arrayContaining(['Isabel Duarte', 'Mark Whitfield'])
    );
    expect(nodes(el).some((n) => n.getAttribute('aria-label')!.startsWith('Ada Lovelace'))).toBe(false);
    key(coverage, 'Escape');
    await flush();
    expect($(el, 'c-org-chart-coverage')).toBeNull();
    ($(el, '.coverage-toggle') as HTMLElement).click();
    await flush();
    const again = $(el, 'c-org-chart-coverage') as HTMLElement & { shadowRoot: ShadowRoot };
    (again.shadowRoot.querySelector('.close') as HTMLElement).click();
    await flush();
    expect($(el, 'c-org-chart-coverage')).toBeNull();
  });
});
