import { createElement } from 'lwc';
import PlanCreateOffer, { type PlanActionInput } from 'c/planCreateOffer';
import createPlan from '@salesforce/apex/AccountPlanController.createPlan';
import type { PlanTarget } from 'c/planActionTarget';
import type { AccountPlanDto } from '@keyplan/contracts';
import { fieldValuesOf, navigate } from '../../../../../../test/jest/navigation.mock';

jest.mock('@salesforce/apex/AccountPlanController.getPlanSummary', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AccountPlanController.createPlan', () => ({ default: jest.fn() }), {
  virtual: true
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CREATED: AccountPlanDto = require('../../../../../../test/fixtures/apex/AccountPlanController.createPlan.json');
const createPlanMock = createPlan as unknown as jest.Mock;

type Host = HTMLElement & { target: PlanTarget | null; action: PlanActionInput | null };

const TARGET: PlanTarget = {
  accountId: '001Dp00000Acc01AAC',
  accountName: 'Nordwind Logistics AG',
  fiscalYear: 2027,
  plan: null
};
const ACTION: PlanActionInput = {
  subject: 'Win over Carla Gruber (Detractor, Helicopters Europe)',
  ownerId: '005Dp000000User1AAC',
  dueDate: '2027-05-14',
  reason: 'Carla Gruber is a detractor with high influence and nobody on our team works on them.'
};

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
function mount(props: Partial<Host>): Host {
  const el = createElement('c-plan-create-offer', { is: PlanCreateOffer }) as Host;
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}
const find = (el: Host, sel: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(sel);
const create = (el: Host): HTMLElement & { disabled?: boolean; label?: string } =>
  find(el, 'lightning-button.create-plan')!;

describe('c-plan-create-offer', () => {
  beforeEach(() => {
    navigate.mockReset();
    createPlanMock.mockReset();
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows nothing without a year to offer, or when the year has a plan (empty state)', async () => {
    const el = mount({ target: null, action: ACTION });
    await flush();
    expect(el.shadowRoot!.children).toHaveLength(0);
    await expect(el).toBeAccessible();
    el.target = { ...TARGET, plan: { id: CREATED.id, name: CREATED.name } };
    await flush();
    expect(el.shadowRoot!.children).toHaveLength(0);
  });

  it('says whose plan of which year is missing and offers to create it (data state)', async () => {
    const el = mount({ target: TARGET, action: ACTION });
    await flush();
    const group = find(el, '.no-plan')!;
    expect(group.getAttribute('role')).toBe('group');
    expect(group.getAttribute('aria-label')).toBe('No account plan');
    expect(group.getAttribute('aria-busy')).toBe('false');
    expect(find(el, '.no-plan__text')!.textContent).toBe(
      'Nordwind Logistics AG has no account plan for FY2027 yet: a plan action belongs to one.'
    );
    expect(create(el).label).toBe('Create the FY2027 plan');
    expect(create(el).disabled).toBe(false);
    expect(find(el, 'c-error-panel')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('names no account when the summary did not, and cannot create without the action', async () => {
    const el = mount({ target: { ...TARGET, accountName: null }, action: null });
    await flush();
    expect(find(el, '.no-plan__text')!.textContent).toMatch(/^This account has no account plan for FY2027/);
    expect(create(el).disabled).toBe(true);
    create(el).click();
    await flush();
    expect(createPlanMock).not.toHaveBeenCalled();
  });

  it('is busy while the plan is created, then opens the action in the new plan and says so (loading state)', async () => {
    let resolve: (plan: AccountPlanDto) => void = () => undefined;
    createPlanMock.mockReturnValue(new Promise<AccountPlanDto>((r) => (resolve = r)));
    const el = mount({ target: TARGET, action: ACTION });
    const created = jest.fn();
    el.addEventListener('created', (e) => created((e as CustomEvent).detail));
    await flush();
    create(el).click();
    await flush();
    expect(createPlanMock).toHaveBeenCalledWith({ accountId: TARGET.accountId, fiscalYear: 2027 });
    expect(create(el).disabled).toBe(true);
    expect(find(el, '.no-plan')!.getAttribute('aria-busy')).toBe('true');
    await expect(el).toBeAccessible();
    // A second click while creating creates nothing more.
    create(el).click();
    expect(createPlanMock).toHaveBeenCalledTimes(1);
    expect(navigate).not.toHaveBeenCalled();

    resolve(CREATED);
    await flush();
    expect(navigate).toHaveBeenCalledTimes(1);
    const ref = navigate.mock.calls[0][0];
    expect(ref.attributes).toEqual({ objectApiName: 'Plan_Action__c', actionName: 'new' });
    expect(fieldValuesOf(ref)).toMatchObject({
      Account_Plan__c: CREATED.id,
      Name: ACTION.subject,
      Assigned_To__c: ACTION.ownerId,
      Due_Date__c: ACTION.dueDate,
      Status__c: 'Open'
    });
    expect(created).toHaveBeenCalledWith({ plan: { id: CREATED.id, name: CREATED.name } });
    expect(create(el).disabled).toBe(false);
  });

  it('keeps the offer open with the reason when the plan cannot be created, and navigates nowhere (error state)', async () => {
    createPlanMock.mockRejectedValue({ body: { message: 'You cannot create account plans.' } });
    const el = mount({ target: TARGET, action: ACTION });
    const created = jest.fn();
    el.addEventListener('created', created);
    await flush();
    create(el).click();
    await flush();
    await flush();
    expect(navigate).not.toHaveBeenCalled();
    expect(created).not.toHaveBeenCalled();
    expect(find(el, '.no-plan')).not.toBeNull();
    const panel = find(el, 'c-error-panel')!;
    expect(panel.shadowRoot!.textContent).toContain('You cannot create account plans.');
    expect(create(el).disabled).toBe(false);
    await expect(el).toBeAccessible();
  });

  it('tells its parent when the user cancels, and forgets a failed attempt', async () => {
    createPlanMock.mockRejectedValue(new Error('Offline.'));
    const el = mount({ target: TARGET, action: ACTION });
    const cancelled = jest.fn();
    el.addEventListener('cancel', cancelled);
    await flush();
    create(el).click();
    await flush();
    expect(find(el, 'c-error-panel')).not.toBeNull();
    find(el, 'lightning-button.cancel-plan')!.click();
    await flush();
    expect(cancelled).toHaveBeenCalledTimes(1);
    expect(find(el, 'c-error-panel')).toBeNull();
    expect(createPlanMock).toHaveBeenCalledTimes(1);
  });
});
