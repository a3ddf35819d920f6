import { createElement } from 'lwc';
import WhitespaceNextMoves from 'c/whitespaceNextMoves';
import getWhitespace from '@salesforce/apex/WhitespaceController.getWhitespace';
import loadOrgChartPage from '@salesforce/apex/OrgChartController.loadOrgChartPage';
import getPlanSummary from '@salesforce/apex/AccountPlanController.getPlanSummary';
import { buildMatrix, figureOptions, planActionDueDate } from 'c/keyplanCore';
import type { OrgChartPage, PlanSummaryData, WhitespaceData } from '@keyplan/contracts';
import type { PlanTarget } from 'c/planActionTarget';
import type { PlanActionInput } from 'c/planCreateOffer';
import { fieldValuesOf, navigate } from '../../../../../../test/jest/navigation.mock';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
const FIXTURE: WhitespaceData = require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json');

jest.mock('@salesforce/apex/WhitespaceController.getWhitespace', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.loadOrgChartPage', () => ({ default: jest.fn() }), {
  virtual: true
});

jest.mock('@salesforce/apex/AccountPlanController.getPlanSummary', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/user/Id', () => ({ default: '005Dp000000User1AAC' }), { virtual: true });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SUMMARY: PlanSummaryData = require('../../../../../../test/fixtures/apex/AccountPlanController.getPlanSummary.json');
const summaryMock = getPlanSummary as unknown as jest.Mock;
const wsMock = getWhitespace as unknown as jest.Mock;
const loadMock = loadOrgChartPage as unknown as jest.Mock;
type Offer = HTMLElement & { target: PlanTarget; action: PlanActionInput };
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const HELI = 'a0B5g0000001BC1AAA';
const AIRCRAFT = 'a0B5g0000001BC4AAA';

const contact = (id: string, name: string, buyingCenterId: string, over: object = {}) => ({
  id,
  name,
  title: null,
  department: null,
  reportsToId: null,
  buyingCenterId,
  stance: null,
  decisionRole: null,
  buyerRole: 'Economic Buyer',
  responseMode: null,
  influenceLevel: null,
  budgetOwned: null,
  lastModified: '2025-01-01T00:00:00.000Z',
  ...over
});
const PAGE: OrgChartPage = {
  accountId: FIXTURE.accountId,
  accountName: 'Aerovance',
  contacts: [
    contact('003000000000001AAA', 'Carla Gruber', HELI),
    contact('003000000000002AAA', 'Ken Ito', AIRCRAFT)
  ] as OrgChartPage['contacts'],
  links: [
    {
      id: 'a0L000000000001AAA',
      fromContactId: null,
      fromUserId: '005000000000001AAA',
      fromUserName: 'Demo',
      toContactId: '003000000000002AAA',
      type: 'Coverage',
      strength: 5,
      frequency: 'Weekly',
      influenceLevel: 'High',
      polarity: 'Positive',
      lastInteraction: new Date().toISOString().slice(0, 10),
      lastModified: '2025-01-01T00:00:00.000Z'
    }
  ],
  buyingCenters: [],
  totalContacts: 2,
  totalLinks: 1,
  truncated: false,
  nextCursor: null,
  fieldAccess: {}
};

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const el = createElement('c-whitespace-next-moves', { is: WhitespaceNextMoves });
  Object.assign(el, { recordId: FIXTURE.accountId, fiscalYear: 2025, ...props });
  document.body.appendChild(el);
  return el;
}
const texts = (el: HTMLElement, sel: string): string[] =>
  Array.from(el.shadowRoot!.querySelectorAll(sel)).map((n) => (n.textContent ?? '').trim());

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('c-whitespace-next-moves', () => {
  it('shows a spinner while the people load, accessibly', async () => {
    loadMock.mockReturnValue(new Promise(() => undefined));
    wsMock.mockReturnValue(new Promise(() => undefined));
    const el = mount();
    await flush();
    expect(el.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    await expect(el).toBeAccessible();
  });

  it('ranks the moves of the year with reason, figures and one action, reading the whitespace itself', async () => {
    loadMock.mockResolvedValue(PAGE);
    wsMock.mockResolvedValue(FIXTURE);
    const el = mount({ limit: 3 });
    await flush();
    await flush();
    expect(wsMock).toHaveBeenCalledWith({ accountId: FIXTURE.accountId, fiscalYear: 2025 });
    const reasons = texts(el, '.reason');
    expect(reasons).toHaveLength(3);
    // Commercial Aircraft Europe x Digital Twin: $2M, and our team reaches its division's economic buyer.
    expect(reasons[0]).toMatch(
      /Digital Twin in Commercial Aircraft Europe: our team reaches the economic buyer Ken Ito/
    );
    // Money the team can reach ranks above more money it cannot: $1.2M in Helicopters Europe is not in the top 3.
    expect(reasons.join('\n')).not.toContain('Helicopters Europe');
    expect(texts(el, '.rank')).toEqual(['1', '2', '3']);
    expect(el.shadowRoot!.querySelectorAll('lightning-button.action')).toHaveLength(3);
    await expect(el).toBeAccessible();
  });

  it('opens the action of a move: a team relationship to the economic buyer nobody knows', async () => {
    loadMock.mockResolvedValue(PAGE);
    wsMock.mockResolvedValue(FIXTURE);
    const el = mount();
    await flush();
    await flush();
    const buttons = Array.from(el.shadowRoot!.querySelectorAll('lightning-button.action')) as (HTMLElement & {
      label: string;
    })[];
    expect(texts(el, '.reason')).toContain(
      '$1.2M IoT Platform in Helicopters Europe: nobody on our team knows the economic buyer Carla Gruber'
    );
    const add = buttons.find((b) => b.label === 'Add a team relationship to Carla Gruber')!;
    add.click();
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({
        attributes: { objectApiName: 'Relationship_Link__c', actionName: 'new' },
        state: expect.objectContaining({
          defaultFieldValues: expect.stringContaining('To_Contact__c=003000000000001AAA')
        })
      })
    );
  });

  it('reads the whitespace again when the year changes', async () => {
    loadMock.mockResolvedValue(PAGE);
    wsMock.mockResolvedValue(FIXTURE);
    const el = mount();
    await flush();
    Object.assign(el, { fiscalYear: 2024 });
    await flush();
    expect(wsMock).toHaveBeenLastCalledWith({ accountId: FIXTURE.accountId, fiscalYear: 2024 });
  });

  it('uses the matrix it is given and does not read the whitespace again', async () => {
    loadMock.mockResolvedValue(PAGE);
    const matrix = buildMatrix(FIXTURE, figureOptions(FIXTURE));
    const el = mount({ matrix, limit: 1 });
    await flush();
    await flush();
    expect(wsMock).not.toHaveBeenCalled();
    expect(texts(el, '.reason')).toHaveLength(1);
  });

  it('says what to do when the year has no potential', async () => {
    loadMock.mockResolvedValue(PAGE);
    wsMock.mockResolvedValue({ ...FIXTURE, cells: [] });
    const el = mount({ fiscalYear: 2024 });
    await flush();
    await flush();
    expect(texts(el, '.empty')[0]).toMatch(/No whitespace or competitive potential assessed for FY2024/);
    await expect(el).toBeAccessible();
  });

  it('shows the error when the people cannot be read', async () => {
    loadMock.mockRejectedValue({ body: { message: 'Insufficient access' } });
    wsMock.mockResolvedValue(FIXTURE);
    const el = mount();
    await flush();
    await flush();
    expect(el.shadowRoot!.querySelector('c-error-panel')).not.toBeNull();
    await expect(el).toBeAccessible();
  });

  /** Ken Ito, whom our team reaches, is a detractor: his move's action is a plan action to win him over. */
  const DETRACTOR_PAGE: OrgChartPage = {
    ...PAGE,
    contacts: PAGE.contacts.map((c) => {
      if (c.name !== 'Ken Ito') return c;
      return { ...c, stance: 'Detractor', influenceLevel: 'High' };
    }) as OrgChartPage['contacts']
  };
  const planButton = (el: HTMLElement): HTMLElement => {
    const b = Array.from(el.shadowRoot!.querySelectorAll('lightning-button.action')).find((x) =>
      String((x as HTMLElement & { label: string }).label).startsWith('Plan: win over Ken Ito')
    );
    if (!b) throw new Error('no "Plan: win over Ken Ito" move');
    return b as HTMLElement;
  };

  it('beside the matrix (no plan id) finds the plan of the year and opens the plan action in it', async () => {
    loadMock.mockResolvedValue(DETRACTOR_PAGE);
    wsMock.mockResolvedValue(FIXTURE);
    summaryMock.mockResolvedValue(SUMMARY);
    const el = mount();
    await flush();
    await flush();
    planButton(el).click();
    await flush();
    const due = planActionDueDate();
    expect(summaryMock).toHaveBeenCalledWith({
      accountId: FIXTURE.accountId,
      fiscalYear: Number(due.slice(0, 4))
    });
    expect(fieldValuesOf(navigate.mock.calls[0][0])).toMatchObject({
      Account_Plan__c: SUMMARY.plan!.id,
      Name: 'Win over Ken Ito (Detractor, Commercial Aircraft Europe)',
      Assigned_To__c: '005Dp000000User1AAC',
      Due_Date__c: due
    });
  });

  it('on the plan summary uses the plan it is given without reading it', async () => {
    loadMock.mockResolvedValue(DETRACTOR_PAGE);
    wsMock.mockResolvedValue(FIXTURE);
    const el = mount({ planId: 'a01Dp00000Pln99AAC' });
    await flush();
    await flush();
    planButton(el).click();
    await flush();
    expect(summaryMock).not.toHaveBeenCalled();
    expect(fieldValuesOf(navigate.mock.calls[0][0]).Account_Plan__c).toBe('a01Dp00000Pln99AAC');
  });

  it('without a plan for the year, offers it below the moves (c-plan-create-offer) until cancelled', async () => {
    loadMock.mockResolvedValue(DETRACTOR_PAGE);
    wsMock.mockResolvedValue(FIXTURE);
    summaryMock.mockResolvedValue({ ...SUMMARY, plan: null });
    const el = mount();
    await flush();
    await flush();
    planButton(el).click();
    await flush();
    expect(navigate).not.toHaveBeenCalled();
    const offer = el.shadowRoot!.querySelector('c-plan-create-offer') as Offer;
    expect(offer.target).toMatchObject({
      accountId: FIXTURE.accountId,
      fiscalYear: Number(planActionDueDate().slice(0, 4))
    });
    expect(offer.action).toMatchObject({
      subject: 'Win over Ken Ito (Detractor, Commercial Aircraft Europe)'
    });
    await expect(el).toBeAccessible();
    offer.dispatchEvent(new CustomEvent('cancel'));
    await flush();
    expect(el.shadowRoot!.querySelector('c-plan-create-offer')).toBeNull();
  });
});
