import { createElement } from 'lwc';
import OrgChartHeatmap from 'c/orgChartHeatmap';
import loadOrgChartPage from '@salesforce/apex/OrgChartController.loadOrgChartPage';
import saveStakeholder from '@salesforce/apex/OrgChartController.saveStakeholder';
import type { OrgChartData } from '@keyplan/contracts';
import { stakeholderInput } from 'c/keyplanCore';
import { flush, pressKey } from '../../../../../test/lwcDom';
import {
  ORG_FIXTURE,
  contactNamed as byName,
  orgFixture,
  recordToasts as toasts
} from '../../../../../test/orgChartFixture';

jest.mock('@salesforce/apex/OrgChartController.loadOrgChartPage', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.saveStakeholder', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.setTimeout(30000);

const mockLoad = loadOrgChartPage as unknown as jest.Mock;
const mockSave = saveStakeholder as unknown as jest.Mock;

type Host = HTMLElement & { recordId?: string; depth?: number };

/** The chart with every fixture person drawn (depth 0 = all open, then Fit). */
async function loaded(data: OrgChartData = orgFixture()): Promise<Host> {
  mockLoad.mockResolvedValue({ ...data, nextCursor: null, totalLinks: data.links.length });
  const el = createElement('c-org-chart-heatmap', { is: OrgChartHeatmap }) as Host;
  el.recordId = ORG_FIXTURE.accountId;
  el.depth = 0;
  document.body.appendChild(el);
  await flush();
  const toolbar = el.shadowRoot!.querySelector('c-org-chart-toolbar') as HTMLElement;
  (toolbar.shadowRoot!.querySelector('.fit') as HTMLElement).click();
  await flush();
  return el;
}
const card = (el: HTMLElement, name: string): HTMLElement =>
  Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('.node')).find((n) =>
    n.getAttribute('aria-label')!.startsWith(`${name},`)
  ) as HTMLElement;
const key = (target: Element, k: string): void => {
  pressKey(target, k);
};
const pointer = (target: Element, type: string, x: number, y: number): void => {
  target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, bubbles: true }));
};
const managerOf = (el: HTMLElement, name: string): string | undefined =>
  card(el, name).getAttribute('aria-label') ?? undefined;

describe('c-org-chart-heatmap moving a person under another manager', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('builds the save input from the contact with only the manager changed', () => {
    const nora = byName('Nora Klein');
    const input = stakeholderInput(nora, { reportsToId: '003000000000002AAA' });
    expect(input).toEqual({
      id: nora.id,
      lastModified: nora.lastModified,
      stance: nora.stance ?? null,
      decisionRole: nora.decisionRole ?? null,
      buyerRole: nora.buyerRole ?? null,
      responseMode: nora.responseMode ?? null,
      influenceLevel: nora.influenceLevel ?? null,
      buyingCenterId: nora.buyingCenterId ?? null,
      budgetOwned: nora.budgetOwned ?? null,
      reportsToId: '003000000000002AAA'
    });
  });

  it('drags a card onto another: saves the new manager, toasts, relays out and keeps the focus on the card', async () => {
    const el = await loaded();
    const shown = toasts(el);
    const nora = byName('Nora Klein');
    const ada = byName('Ada Lovelace');
    mockSave.mockImplementation(({ input }: { input: { reportsToId: string } }) =>
      Promise.resolve({ ...nora, reportsToId: input.reportsToId, lastModified: '2026-11-30T13:00:00.000Z' })
    );
    const before = { x: card(el, 'Nora Klein').style.left, y: card(el, 'Nora Klein').style.top };
    pointer(card(el, 'Nora Klein'), 'pointerdown', 100, 100);
    pointer(card(el, 'Ada Lovelace'), 'pointermove', 300, 120);
    await flush();
    // While dragging: the dragged card and the drop target are marked, and a line says it in words.
    expect(card(el, 'Nora Klein').classList).toContain('is-moving');
    expect(card(el, 'Ada Lovelace').classList).toContain('is-drop-target');
    expect(el.shadowRoot!.querySelector('.move-banner')!.textContent).toContain(
      'release to make Nora Klein report to Ada Lovelace'
    );
    pointer(card(el, 'Ada Lovelace'), 'pointerup', 300, 120);
    await flush();
    await flush();
    expect(mockSave).toHaveBeenCalledTimes(1);
    const { input } = mockSave.mock.calls[0][0] as { input: Record<string, unknown> };
    expect(input.id).toBe(nora.id);
    expect(input.reportsToId).toBe(ada.id);
    expect(input.stance).toBe(nora.stance ?? null);
    expect(shown).toEqual(['success: Nora Klein now reports to Ada Lovelace.']);
    // Relaid out: Nora is drawn elsewhere now, focused, with nothing left marked as moving.
    const after = card(el, 'Nora Klein');
    expect(`${after.style.left},${after.style.top}`).not.toBe(`${before.x},${before.y}`);
    expect(el.shadowRoot!.activeElement).toBe(after);
    expect(el.shadowRoot!.querySelector('.is-moving, .is-drop-target, .move-banner')).toBeNull();
  });

  it('a short press on a card is still a click (opens the person), not a move', async () => {
    const el = await loaded();
    pointer(card(el, 'Nora Klein'), 'pointerdown', 100, 100);
    pointer(card(el, 'Nora Klein'), 'pointermove', 102, 101);
    pointer(card(el, 'Nora Klein'), 'pointerup', 102, 101);
    card(el, 'Nora Klein').click();
    await flush();
    expect(mockSave).not.toHaveBeenCalled();
    expect(el.shadowRoot!.querySelector('c-org-chart-person-panel')).not.toBeNull();
  });

  it('moves from the keyboard: M on the card, arrows to the new manager, Enter', async () => {
    const el = await loaded();
    const shown = toasts(el);
    const kenji = byName('Kenji Sato');
    mockSave.mockImplementation(({ input }: { input: { reportsToId: string } }) =>
      Promise.resolve({ ...kenji, reportsToId: input.reportsToId })
    );
    card(el, 'Kenji Sato').focus();
    key(card(el, 'Kenji Sato'), 'm');
    await flush();
    expect(card(el, 'Kenji Sato').classList).toContain('is-moving');
    expect(el.shadowRoot!.querySelector('.move-banner')!.textContent).toContain('Moving Kenji Sato');
    await expect(el).toBeAccessible();
    // Up to his manager (Grace Hopper), up again to hers (Ada Lovelace), Enter drops him there.
    key(card(el, 'Kenji Sato'), 'ArrowUp');
    await flush();
    key(card(el, 'Grace Hopper'), 'ArrowUp');
    await flush();
    key(card(el, 'Ada Lovelace'), 'Enter');
    await flush();
    await flush();
    expect(mockSave).toHaveBeenCalledTimes(1);
    expect((mockSave.mock.calls[0][0] as { input: { reportsToId: string } }).input.reportsToId).toBe(
      byName('Ada Lovelace').id
    );
    expect(shown).toEqual(['success: Kenji Sato now reports to Ada Lovelace.']);
    expect(el.shadowRoot!.activeElement).toBe(card(el, 'Kenji Sato'));
    // Enter dropped the move: it did not open Ada's panel.
    expect(el.shadowRoot!.querySelector('c-org-chart-person-panel')).toBeNull();
  });

  it('Escape cancels a keyboard move without saving', async () => {
    const el = await loaded();
    key(card(el, 'Kenji Sato'), 'm');
    await flush();
    key(card(el, 'Kenji Sato'), 'Escape');
    await flush();
    expect(el.shadowRoot!.querySelector('.is-moving, .move-banner')).toBeNull();
    expect(el.shadowRoot!.querySelector('[aria-live="polite"].slds-assistive-text')!.textContent).toContain(
      'Move of Kenji Sato cancelled.'
    );
    key(card(el, 'Kenji Sato'), 'Enter');
    await flush();
    expect(mockSave).not.toHaveBeenCalled();
  });

  it('shows the server refusal as it comes and leaves the chart as it was', async () => {
    const el = await loaded();
    const shown = toasts(el);
    const refusal =
      'reportsToId: Kenji Sato already reports to Grace Hopper, directly or through others, so Grace Hopper cannot report to Kenji Sato (the reporting line would loop). Choose another manager.';
    mockSave.mockRejectedValue({ body: { message: refusal } });
    const label = managerOf(el, 'Grace Hopper');
    const left = card(el, 'Grace Hopper').style.left;
    key(card(el, 'Grace Hopper'), 'm');
    key(card(el, 'Kenji Sato'), 'Enter');
    await flush();
    await flush();
    expect(mockSave).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([`error: Grace Hopper was not moved | ${refusal}`]);
    expect(card(el, 'Grace Hopper').style.left).toBe(left);
    expect(managerOf(el, 'Grace Hopper')).toBe(label);
    expect(el.shadowRoot!.activeElement).toBe(card(el, 'Grace Hopper'));
  });

  it('dropping a card on its own manager saves nothing', async () => {
    const el = await loaded();
    pointer(card(el, 'Kenji Sato'), 'pointerdown', 100, 100);
    pointer(card(el, 'Grace Hopper'), 'pointermove', 200, 50);
    pointer(card(el, 'Grace Hopper'), 'pointerup', 200, 50);
    await flush();
    expect(mockSave).not.toHaveBeenCalled();
  });
});

describe('c-org-chart-heatmap placeholder cards', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('draws a placeholder dashed and saying "placeholder", and leaves it out of the count', async () => {
    const data = orgFixture();
    const ada = byName('Ada Lovelace');
    data.contacts.push({
      ...ada,
      id: '003000000000099AAA',
      name: 'CISO (unknown)',
      title: 'Chief Information Security Officer',
      reportsToId: ada.id,
      stance: null,
      buyerRole: null,
      placeholder: true
    } as typeof ada);
    const el = await loaded(data);
    const ciso = card(el, 'CISO (unknown)');
    expect(ciso.classList).toContain('is-placeholder');
    expect(ciso.querySelector('.heat')!.textContent).toBe('placeholder');
    expect(ciso.getAttribute('aria-label')).toContain('placeholder, not yet named');
    expect(card(el, 'Ada Lovelace').classList).not.toContain('is-placeholder');
    expect(card(el, 'Ada Lovelace').querySelector('.heat')!.textContent).toMatch(/^Heat \d+$/);
    expect(el.shadowRoot!.querySelector('.status')!.textContent).toContain(
      `${ORG_FIXTURE.contacts.length} of ${ORG_FIXTURE.contacts.length} people`
    );
    await expect(el).toBeAccessible();
  });
});
