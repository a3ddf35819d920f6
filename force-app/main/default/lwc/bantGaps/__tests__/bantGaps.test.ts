import { createElement } from 'lwc';
import BantGaps from 'c/bantGaps';
import getRoleCandidates from '@salesforce/apex/BantController.getRoleCandidates';
import addContactRole from '@salesforce/apex/BantController.addContactRole';
import getPlanSummary from '@salesforce/apex/AccountPlanController.getPlanSummary';
import type { BantData, BantOpportunity, BantRoleCandidates, PlanSummaryData } from '@keyplan/contracts';
import { planActionDueDate } from 'c/keyplanCore';
import type { PlanTarget } from 'c/planActionTarget';
import type { PlanActionInput } from 'c/planCreateOffer';
import { fieldValuesOf, navigate } from '../../../../../../test/jest/navigation.mock';

type Offer = HTMLElement & { target: PlanTarget; action: PlanActionInput };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- realistic fixtures, validated against the zod contracts
const BANT: BantData = require('../../../../../../test/fixtures/apex/BantController.getBant.json');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const CANDIDATES: BantRoleCandidates = require('../../../../../../test/fixtures/apex/BantController.getRoleCandidates.json');

jest.mock('@salesforce/apex/BantController.getRoleCandidates', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/BantController.addContactRole', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AccountPlanController.getPlanSummary', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/user/Id', () => ({ default: '005Dp000000User1AAC' }), { virtual: true });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SUMMARY: PlanSummaryData = require('../../../../../../test/fixtures/apex/AccountPlanController.getPlanSummary.json');
const summaryMock = getPlanSummary as unknown as jest.Mock;
const candidatesMock = getRoleCandidates as unknown as jest.Mock;
const addMock = addContactRole as unknown as jest.Mock;

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Northwind with Authority Confirmed but no contact roles, and Need Confirmed without evidence. */
function unverified(): BantOpportunity {
  const o = clone(BANT.opportunities.find((x) => x.name === 'Northwind ERP Rollout')!);
  o.contactRoles = [];
  o.needEvidence = null;
  o.closeDate = '2099-12-31';
  o.accountId = BANT.accountId;
  return o;
}

function mount(opportunity: BantOpportunity | undefined): HTMLElement {
  const el = createElement('c-bant-gaps', { is: BantGaps });
  Object.assign(el, { opportunity, stages: BANT.stages });
  document.body.appendChild(el);
  return el;
}
const q = <T extends Element = HTMLElement>(el: HTMLElement, s: string): T => {
  const found = el.shadowRoot!.querySelector<T>(s);
  if (!found) throw new Error(`missing ${s}`);
  return found;
};
const gap = (el: HTMLElement, code: string): HTMLElement => q(el, `.gap[data-code="${code}"]`);

describe('c-bant-gaps', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows nothing without gaps (empty state)', async () => {
    const el = mount(undefined);
    await flush();
    expect(el.shadowRoot!.querySelector('.gaps')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('offers each gap its next step and a plan action', async () => {
    const el = mount(unverified());
    await flush();
    const label = (g: HTMLElement, s: string) => g.querySelector(s)?.textContent?.trim() ?? null;
    expect(label(gap(el, 'AUTHORITY_UNVERIFIED'), '.gap-action')).toBe('Add contact role');
    expect(label(gap(el, 'NEED_UNVERIFIED'), '.gap-action')).toBe('Write evidence');
    expect(label(gap(el, 'NEED_UNVERIFIED'), '.gap-plan')).toBe('Plan action');
    await expect(el).toBeAccessible();
  });

  it('asks the card to open the editor on the dimension for "Write evidence"', async () => {
    const el = mount(unverified());
    const asked = jest.fn();
    el.addEventListener('editevidence', (e) => asked((e as CustomEvent).detail));
    await flush();
    (gap(el, 'NEED_UNVERIFIED').querySelector('.gap-action') as HTMLElement).click();
    expect(asked).toHaveBeenCalledWith({ dimension: 'need' });
  });

  it('adds a contact role chosen from the buying center, economic buyers first (loading, data, saved)', async () => {
    let answer: (v: BantRoleCandidates) => void = () => undefined;
    candidatesMock.mockReturnValueOnce(new Promise((r) => (answer = r)));
    const opp = unverified();
    const el = mount(opp);
    const saved = jest.fn();
    el.addEventListener('saved', (e) => saved((e as CustomEvent).detail));
    await flush();
    (gap(el, 'AUTHORITY_UNVERIFIED').querySelector('.gap-action') as HTMLElement).click();
    await flush();
    expect(q(el, 'lightning-spinner')).toBeTruthy();
    answer(clone(CANDIDATES));
    await flush();
    const group = q<HTMLElement & { options: { label: string; value: string }[]; value: string }>(
      el,
      'lightning-radio-group.candidates'
    );
    expect(group.options.map((o) => o.label)).toEqual([
      'Dana Whitfield · Economic Buyer, Decision Maker',
      'Lena Novak · Economic Buyer · Finance'
    ]);
    expect(group.value).toBe(CANDIDATES.candidates[0].contactId);
    await expect(el).toBeAccessible();
    const back = { ...opp, contactRoles: [], bantScore: 90 };
    addMock.mockResolvedValueOnce(back);
    q(el, 'lightning-button.add-role').click();
    await flush();
    expect(addMock).toHaveBeenCalledWith({
      opportunityId: opp.id,
      contactId: CANDIDATES.candidates[0].contactId,
      role: 'Economic Buyer'
    });
    expect(saved).toHaveBeenCalledWith({
      opportunity: back,
      message: 'Dana Whitfield added as a contact role.'
    });
    expect(el.shadowRoot!.querySelector('.picker')).toBeNull();
  });

  it('offers the best six people first and the rest on request', async () => {
    const many = clone(CANDIDATES);
    many.candidates = Array.from({ length: 9 }, (_, i) => ({
      ...CANDIDATES.candidates[1],
      contactId: `003Dp00000Mny${String(i).padStart(2, '0')}AAC`,
      name: `Person ${i}`
    }));
    candidatesMock.mockResolvedValueOnce(many);
    const el = mount(unverified());
    await flush();
    (gap(el, 'AUTHORITY_UNVERIFIED').querySelector('.gap-action') as HTMLElement).click();
    await flush();
    const options = () =>
      q<HTMLElement & { options: unknown[] }>(el, 'lightning-radio-group.candidates').options.length;
    expect(options()).toBe(6);
    expect((q(el, 'lightning-button.show-all') as HTMLElement & { label: string }).label).toBe(
      'Show all 9 people'
    );
    q(el, 'lightning-button.show-all').click();
    await flush();
    expect(options()).toBe(9);
    expect(el.shadowRoot!.querySelector('lightning-button.show-all')).toBeNull();
  });

  it('keeps the picker open with the message when adding fails (error state)', async () => {
    candidatesMock.mockResolvedValueOnce(clone(CANDIDATES));
    addMock.mockRejectedValueOnce({
      body: { message: 'contactId: Dana Whitfield already has a contact role.' }
    });
    const el = mount(unverified());
    await flush();
    (gap(el, 'AUTHORITY_UNVERIFIED').querySelector('.gap-action') as HTMLElement).click();
    await flush();
    q(el, 'lightning-button.add-role').click();
    await flush();
    expect(q(el, 'c-error-panel')).toBeTruthy();
    expect(q(el, '.picker')).toBeTruthy();
    await expect(el).toBeAccessible();
  });

  it('opens the Plan Action create form in the account plan of the year, prefilled by planActionPrefill', async () => {
    summaryMock.mockReset().mockResolvedValue(SUMMARY);
    navigate.mockReset();
    const o = unverified();
    const el = mount(o);
    await flush();
    (gap(el, 'NEED_UNVERIFIED').querySelector('.gap-plan') as HTMLElement).click();
    await flush();
    const due = planActionDueDate();
    expect(summaryMock).toHaveBeenCalledWith({ accountId: o.accountId, fiscalYear: Number(due.slice(0, 4)) });
    const ref = navigate.mock.calls[0][0];
    expect(ref.type).toBe('standard__objectPage');
    expect(ref.attributes).toEqual({ objectApiName: 'Plan_Action__c', actionName: 'new' });
    expect(fieldValuesOf(ref)).toMatchObject({
      Account_Plan__c: SUMMARY.plan!.id,
      Name: 'Write need evidence for Northwind ERP Rollout',
      Assigned_To__c: '005Dp000000User1AAC',
      Due_Date__c: due,
      Status__c: 'Open'
    });
  });

  it('without a plan for the year, offers it under the gap (c-plan-create-offer) until created or cancelled', async () => {
    summaryMock.mockReset().mockResolvedValue({ ...SUMMARY, plan: null });
    navigate.mockReset();
    const o = unverified();
    const el = mount(o);
    await flush();
    const planOf = () => gap(el, 'NEED_UNVERIFIED').querySelector('.gap-plan') as HTMLElement;
    planOf().click();
    await flush();
    expect(navigate).not.toHaveBeenCalled();
    const offer = q<Offer>(el, '.gap[data-code="NEED_UNVERIFIED"] c-plan-create-offer');
    expect(offer.target).toMatchObject({
      accountId: o.accountId,
      fiscalYear: Number(planActionDueDate().slice(0, 4))
    });
    expect(offer.action).toMatchObject({
      subject: 'Write need evidence for Northwind ERP Rollout',
      dueDate: planActionDueDate()
    });
    expect(offer.shadowRoot!.querySelector('.no-plan__text')!.textContent).toContain(
      'no account plan for FY'
    );
    await expect(el).toBeAccessible();
    offer.dispatchEvent(new CustomEvent('created', { detail: { plan: { id: 'a00', name: 'FY' } } }));
    await flush();
    expect(el.shadowRoot!.querySelector('c-plan-create-offer')).toBeNull();
    planOf().click();
    await flush();
    q(el, 'c-plan-create-offer').dispatchEvent(new CustomEvent('cancel'));
    await flush();
    expect(el.shadowRoot!.querySelector('c-plan-create-offer')).toBeNull();
  });

  it('shows the error when the plan cannot be read, and navigates nowhere', async () => {
    summaryMock.mockReset().mockRejectedValue({ body: { message: 'No access to Account_Plan__c.' } });
    navigate.mockReset();
    const el = mount(unverified());
    await flush();
    (gap(el, 'NEED_UNVERIFIED').querySelector('.gap-plan') as HTMLElement).click();
    await flush();
    expect(navigate).not.toHaveBeenCalled();
    expect(q(el, '.gap[data-code="NEED_UNVERIFIED"] c-error-panel')).toBeTruthy();
  });
});
