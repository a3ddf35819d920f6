import { createElement } from 'lwc';
import AccountPlanSummary from 'c/accountPlanSummary';
import getPlanSummary from '@salesforce/apex/AccountPlanController.getPlanSummary';
import createPlan from '@salesforce/apex/AccountPlanController.createPlan';
import savePlan from '@salesforce/apex/AccountPlanController.savePlan';
import getSettings from '@salesforce/apex/KeyplanSettingsController.getSettings';
import { refreshApex } from '@salesforce/apex';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import type { AccountPlanDto, OverdueAction, PlanSummaryData } from '@keyplan/contracts';
import { countNullKeys, leakedBlanks, shownTexts, withoutNulls } from '../../../../../test/testUtils';
import { navigate } from '../../../../../../test/jest/navigation.mock';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- realistic fixture, also validated against the zod contract
const FIXTURE: PlanSummaryData = require('../../../../../../test/fixtures/apex/AccountPlanController.getPlanSummary.json');

jest.mock(
  '@salesforce/apex/AccountPlanController.getPlanSummary',
  () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories cannot use imports
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/AccountPlanController.createPlan', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AccountPlanController.savePlan', () => ({ default: jest.fn() }), {
  virtual: true
});
// The top next moves read the account's whitespace and people (c-whitespace-next-moves has its own tests).
jest.mock(
  '@salesforce/apex/OrgChartController.loadOrgChartPage',
  () => ({
    default: jest.fn(() =>
      Promise.resolve({
        accountId: 'a',
        accountName: 'A',
        contacts: [],
        links: [],
        buyingCenters: [],
        totalContacts: 0,
        totalLinks: 0,
        truncated: false,
        nextCursor: null,
        fieldAccess: {}
      })
    )
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/WhitespaceController.getWhitespace',
  () => ({
    default: jest.fn(() =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
      Promise.resolve(require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json'))
    )
  }),
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface TestAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}
const summaryAdapter = getPlanSummary as unknown as TestAdapter;
const settingsAdapter = getSettings as unknown as TestAdapter;
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- the test drives the adapter
const objectInfoAdapter = getObjectInfo as unknown as TestAdapter;
const createMock = createPlan as unknown as jest.Mock;
const saveMock = savePlan as unknown as jest.Mock;
const refreshMock = refreshApex as unknown as jest.Mock;

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const el = createElement('c-account-plan-summary', { is: AccountPlanSummary });
  Object.assign(el, { recordId: FIXTURE.accountId, ...props });
  document.body.appendChild(el);
  return el;
}
function q<T extends Element = HTMLElement>(root: HTMLElement, selector: string): T {
  const found = root.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found;
}
type Combo = HTMLElement & { value: string; disabled: boolean };
const text = (root: HTMLElement, selector: string): string =>
  q(root, selector).textContent!.replace(/\s+/g, ' ').trim();
const attribute = (el: HTMLElement, key: string): Combo =>
  q<Combo>(q(el, 'c-plan-relationship'), `lightning-combobox[data-key="${key}"]`);
function choose(combo: HTMLElement, value: string): void {
  combo.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-account-plan-summary', () => {
  beforeEach(() => {
    jest.useFakeTimers({
      now: new Date('2025-06-10T12:00:00Z'),
      doNotFake: [
        'nextTick',
        'setImmediate',
        'queueMicrotask',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval'
      ]
    });
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows a labelled spinner while loading, for the current fiscal year by default', async () => {
    const el = mount();
    await flush();
    expect((q(el, 'lightning-spinner') as HTMLElement & { alternativeText: string }).alternativeText).toBe(
      'Loading the account plan'
    );
    expect(summaryAdapter.getLastConfig()).toEqual({ accountId: FIXTURE.accountId, fiscalYear: 2025 });
    await expect(el).toBeAccessible();
  });

  it('shows a friendly error when the plan cannot be loaded', async () => {
    const el = mount();
    summaryAdapter.error({ message: 'Insufficient access to Account_Plan__c' });
    await flush();
    expect((q(el, 'c-error-panel') as HTMLElement & { friendlyMessage: string }).friendlyMessage).toBe(
      'The account plan could not be loaded.'
    );
    await expect(el).toBeAccessible();
  });

  it("creates this year's plan in one click when there is none", async () => {
    const el = mount();
    summaryAdapter.emit({ ...clone(FIXTURE), plan: null });
    await flush();
    expect(text(el, '.empty p')).toContain('no plan for FY2025');
    await expect(el).toBeAccessible();
    const created: AccountPlanDto = {
      ...clone(FIXTURE.plan!),
      status: 'Draft',
      revenueGoal: null,
      miningGoal: null,
      farmingGoal: null,
      scoreExecutiveAccess: null,
      scoreShareOfWallet: null,
      scoreStrategicAlignment: null,
      scoreCoInnovation: null,
      scoreTenure: null,
      relationshipType: null,
      tier: '3',
      customerPhase: null
    };
    createMock.mockResolvedValue(created);
    q(el, 'lightning-button.create').click();
    await flush();
    expect(createMock).toHaveBeenCalledWith({ accountId: FIXTURE.accountId, fiscalYear: 2025 });
    expect(refreshMock).toHaveBeenCalled();
    expect(el.shadowRoot!.querySelector('.empty')).toBeNull();
    expect(text(q(el, 'c-plan-progress'), '.gap')).toBe('Set a revenue goal to track progress.');
    expect(text(q(el, 'c-plan-relationship'), '.type')).toBe('Not scored');
    expect(text(q(el, 'c-plan-relationship'), '.score')).toBe('weighted score not scored yet');
    expect(q(q(el, 'c-plan-relationship'), '.unscored')).toBeTruthy();
  });

  it('keeps the create button and explains when creating fails', async () => {
    const el = mount();
    summaryAdapter.emit({ ...clone(FIXTURE), plan: null });
    await flush();
    createMock.mockRejectedValue({
      body: { message: 'You do not have permission to create account plans.' }
    });
    q(el, 'lightning-button.create').click();
    await flush();
    expect((q(el, '.empty c-error-panel') as HTMLElement & { friendlyMessage: string }).friendlyMessage).toBe(
      'The plan could not be created.'
    );
    expect(q<HTMLElement & { disabled: boolean }>(el, 'lightning-button.create').disabled).toBe(false);
    await expect(el).toBeAccessible();
  });

  it('shows goal against won, weighted pipeline and whitespace, mining vs farming, type, tier and overdue actions', async () => {
    const el = mount();
    summaryAdapter.emit(clone(FIXTURE));
    await flush();
    expect(text(el, '.plan-name')).toBe('Northwind Traders FY2025');
    expect((q(el, 'lightning-badge.tier') as HTMLElement & { label: string }).label).toBe('Tier 1');
    expect((q(el, 'lightning-badge.status') as HTMLElement & { label: string }).label).toBe('Active');
    expect(q<Combo>(el, 'lightning-combobox.phase').value).toBe('Loyal Customer');

    const progress = q(el, 'c-plan-progress');
    expect(text(progress, '.goal')).toBe('$2,000,000');
    expect(text(progress, '.won')).toBe('$650,000 33% of goal');
    expect(text(progress, '.pipeline')).toBe('$980,000');
    expect(text(progress, '.whitespace')).toBe('$1,450,000');
    expect(text(progress, '.competitive')).toBe('$300,000');
    expect(text(progress, '.gap')).toBe('$370,000 still to find');
    expect(text(progress, '.mining')).toBe('$1,200,000');
    expect(text(progress, '.farming')).toBe('$800,000');
    expect(text(progress, '.split')).toBe('60% mining / 40% farming');
    // Scale = won + pipeline + whitespace (3.08M) as that exceeds the 2M goal.
    expect(q(progress, '.bar__won').getAttribute('style')).toMatch(/width: 21\.1/);
    expect(q(progress, '.bar').getAttribute('aria-label')).toContain('against a revenue goal of $2,000,000');

    const rel = q(el, 'c-plan-relationship');
    expect(text(rel, '.type')).toBe('Interdependent');
    expect(text(rel, '.score')).toBe('weighted score 3.65 of 5');
    expect(attribute(el, 'scoreExecutiveAccess').value).toBe('4');
    expect(q(rel, 'lightning-combobox[data-key="scoreTenure"]').getAttribute('data-key')).toBe('scoreTenure');
    expect((attribute(el, 'scoreTenure') as unknown as { label: string }).label).toBe('Tenure (weight 15%)');

    const actions = q(el, 'c-plan-actions');
    const rows = [...actions.shadowRoot!.querySelectorAll('.action')].map((r) =>
      [...r.querySelectorAll(':scope > span')]
        .map((c) => c.textContent!.replace(/\s+/g, ' ').trim())
        .join(' | ')
    );
    expect(rows).toEqual([
      'Run executive briefing with the CFO | Sofia Lindqvist | Due May 16, 2025 | 25 days overdue',
      'Map the Operations buying center | Jonas Weber | Due May 30, 2025 | 11 days overdue',
      'Send renewal proposal draft | Unassigned | Due Jun 6, 2025 | 4 days overdue'
    ]);
    expect(actions.shadowRoot!.querySelectorAll('lightning-badge')).toHaveLength(1);
    await expect(el).toBeAccessible();
  });

  it('recomputes the relationship type live and saves the scores with lastModified', async () => {
    const el = mount();
    summaryAdapter.emit(clone(FIXTURE));
    await flush();
    const rel = q(el, 'c-plan-relationship');
    expect(rel.shadowRoot!.querySelector('lightning-button.save')).toBeNull();
    choose(attribute(el, 'scoreExecutiveAccess'), '5');
    choose(attribute(el, 'scoreStrategicAlignment'), '5');
    await flush();
    expect(text(rel, '.type')).toBe('Strategic');
    expect(text(rel, '.score')).toBe('weighted score 4.15 of 5');
    expect(text(rel, '.type-change')).toBe('Saving changes the type from Interdependent to Strategic.');
    await expect(el).toBeAccessible();

    const plan = FIXTURE.plan!;
    const saved = {
      ...clone(plan),
      scoreExecutiveAccess: 5,
      scoreStrategicAlignment: 5,
      relationshipType: 'Strategic',
      lastModified: '2025-06-10T12:00:05.000Z'
    };
    saveMock.mockResolvedValue(saved);
    q(rel, 'lightning-button.save').click();
    await flush();
    expect(saveMock).toHaveBeenCalledWith({
      input: {
        id: plan.id,
        lastModified: plan.lastModified,
        accountId: FIXTURE.accountId,
        name: plan.name,
        fiscalYear: 2025,
        status: 'Active',
        revenueGoal: 2000000,
        miningGoal: 1200000,
        farmingGoal: 800000,
        scoreExecutiveAccess: 5,
        scoreStrategicAlignment: 5
      }
    });
    expect(refreshMock).toHaveBeenCalled();
    expect(rel.shadowRoot!.querySelector('lightning-button.save')).toBeNull();
    expect(text(rel, '.type')).toBe('Strategic');
    expect(attribute(el, 'scoreExecutiveAccess').value).toBe('5');
  });

  it('keeps the scores the user entered when the save fails, and can cancel them', async () => {
    const el = mount();
    summaryAdapter.emit(clone(FIXTURE));
    await flush();
    choose(attribute(el, 'scoreCoInnovation'), '');
    await flush();
    saveMock.mockRejectedValue({
      body: { message: 'Northwind Traders FY2025 was changed by someone else since you loaded it.' }
    });
    q(q(el, 'c-plan-relationship'), 'lightning-button.save').click();
    await flush();
    expect(saveMock.mock.calls[0][0].input.scoreCoInnovation).toBeNull();
    expect((q(el, '.save-error c-error-panel') as HTMLElement & { errors: unknown }).errors).toEqual({
      body: { message: expect.stringContaining('changed by someone else') }
    });
    expect(attribute(el, 'scoreCoInnovation').value).toBe('');
    expect(text(q(el, 'c-plan-relationship'), '.score')).toBe('weighted score 3.94 of 5');
    await expect(el).toBeAccessible();

    q(q(el, 'c-plan-relationship'), 'lightning-button.cancel').click();
    await flush();
    expect(attribute(el, 'scoreCoInnovation').value).toBe('2');
  });

  it('saves the customer phase and keeps the choice when that fails', async () => {
    const el = mount();
    summaryAdapter.emit(clone(FIXTURE));
    await flush();
    saveMock.mockResolvedValueOnce({
      ...clone(FIXTURE.plan!),
      customerPhase: 'Customer',
      lastModified: '2025-06-10T12:01:00.000Z'
    });
    choose(q(el, 'lightning-combobox.phase'), 'Customer');
    await flush();
    expect(saveMock.mock.calls[0][0].input.customerPhase).toBe('Customer');
    expect(q<Combo>(el, 'lightning-combobox.phase').value).toBe('Customer');

    saveMock.mockRejectedValueOnce({ body: { message: 'Customer phase: bad value' } });
    choose(q(el, 'lightning-combobox.phase'), 'Former Customer');
    await flush();
    expect(saveMock.mock.calls[1][0].input.lastModified).toBe('2025-06-10T12:01:00.000Z');
    expect(q<Combo>(el, 'lightning-combobox.phase').value).toBe('Former Customer');
    expect(el.shadowRoot!.querySelector('.save-error')).not.toBeNull();
  });

  it('disables the fields the user cannot update', async () => {
    const el = mount();
    summaryAdapter.emit(clone(FIXTURE));
    objectInfoAdapter.emit({
      apiName: 'Account_Plan__c',
      fields: {
        Score_Executive_Access__c: { updateable: false },
        Score_Share_Of_Wallet__c: { updateable: true },
        Score_Strategic_Alignment__c: { updateable: true },
        Score_Co_Innovation__c: { updateable: true },
        Score_Tenure__c: { updateable: true },
        Customer_Phase__c: { updateable: true }
      }
    });
    await flush();
    expect(attribute(el, 'scoreTenure').disabled).toBe(true);
    expect(q<Combo>(el, 'lightning-combobox.phase').disabled).toBe(false);
    objectInfoAdapter.emit({ apiName: 'Account_Plan__c', fields: {} });
    await flush();
    expect(q<Combo>(el, 'lightning-combobox.phase').disabled).toBe(true);
  });

  it('honours the fiscal year and height design attributes', async () => {
    const el = mount({ fiscalYear: 2024, height: 400 });
    await flush();
    expect(summaryAdapter.getLastConfig()).toEqual({ accountId: FIXTURE.accountId, fiscalYear: 2024 });
    summaryAdapter.emit({ ...clone(FIXTURE), plan: { ...clone(FIXTURE.plan!), fiscalYear: 2024 } });
    await flush();
    expect((q(el, 'lightning-card') as HTMLElement & { title: string }).title).toBe('Account plan FY2024');
    expect(q(el, '.body').getAttribute('style')).toContain('max-height: 400px');
    (el as HTMLElement & { fiscalYear: unknown }).fiscalYear = '';
    await flush();
    expect(summaryAdapter.getLastConfig()).toEqual({ accountId: FIXTURE.accountId, fiscalYear: 2025 });
  });

  it('lists at most five overdue actions and says when nothing is overdue', async () => {
    const el = mount();
    const many: OverdueAction[] = Array.from({ length: 7 }, (_, i) => ({
      ...clone(FIXTURE.overdueActions[1]),
      id: `a03Dp00000Ac${String(i).padStart(2, '0')}XAAC`,
      name: `Follow-up ${i + 1}`,
      dueDate: `2025-06-0${i + 1}`
    }));
    summaryAdapter.emit({ ...clone(FIXTURE), overdueActions: many });
    await flush();
    const actions = q(el, 'c-plan-actions');
    expect(actions.shadowRoot!.querySelectorAll('.action')).toHaveLength(5);
    expect(text(actions, '.more')).toBe('and 2 more overdue');
    expect(text(actions, '.action .overdue')).toBe('9 days overdue');

    summaryAdapter.emit({
      ...clone(FIXTURE),
      overdueActions: [{ ...clone(FIXTURE.overdueActions[0]), dueDate: '2025-06-09' }]
    });
    await flush();
    expect(text(actions, '.action .overdue')).toBe('1 day overdue');
    summaryAdapter.emit({ ...clone(FIXTURE), overdueActions: [] });
    await flush();
    expect(text(actions, '.none')).toBe('Nothing overdue.');
  });

  it('on a subsidiary, says what the figures cover and links to the group plan', async () => {
    const el = mount();
    const data = clone(FIXTURE);
    data.accounts = [
      { id: FIXTURE.accountId, name: 'Aerovance Helicopters GmbH', parentId: '001000000000GRPAAA' },
      { id: '001000000000SUBAAA', name: 'Aerovance Helicopter Services Ltd', parentId: FIXTURE.accountId }
    ];
    data.groupAccount = { id: '001000000000GRPAAA', name: 'Aerovance Group' };
    summaryAdapter.emit(data);
    await flush();
    expect(text(el, '.scope')).toBe('Figures cover 2 companies: this account and its subsidiaries.');
    const link = q<HTMLAnchorElement>(el, '.group-link');
    expect(link.textContent).toBe('Open the group plan (Aerovance Group)');
    expect(link.getAttribute('href')).toBe('/lightning/r/Account/001000000000GRPAAA/view');
    link.click();
    expect(navigate).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: '001000000000GRPAAA', objectApiName: 'Account', actionName: 'view' }
    });
    await expect(el).toBeAccessible();
  });

  it('shows no group line for an account without subsidiaries or group', async () => {
    const el = mount();
    summaryAdapter.emit(clone(FIXTURE));
    await flush();
    expect(el.shadowRoot!.querySelector('.group-line')).toBeNull();
  });

  it('says when the goal is already covered', async () => {
    const el = mount();
    // The core sums the rows: won 1.5M, open 1M at 70% = 700K weighted.
    const data = clone(FIXTURE);
    data.opportunities[0].amount = 1500000;
    data.opportunities[1].amount = 1000000;
    summaryAdapter.emit(data);
    await flush();
    expect(text(q(el, 'c-plan-progress'), '.gap')).toBe('Goal covered with $200,000 to spare');
  });

  it('renders the data state when Apex omits the null properties', async () => {
    // Apex leaves null DTO properties out of the JSON: the component sees undefined, not null.
    const sparse = withoutNulls(FIXTURE);
    expect(countNullKeys(FIXTURE)).toBeGreaterThan(0);
    const el = mount();
    summaryAdapter.emit(sparse);
    await flush();
    expect(text(el, '.plan-name')).toBe(FIXTURE.plan!.name);
    const actions = q(el, 'c-plan-actions');
    expect(actions.shadowRoot!.querySelectorAll('.action')).toHaveLength(FIXTURE.overdueActions.length);
    expect(text(actions, '.action:last-child')).toContain('Unassigned');
    expect(leakedBlanks(el)).toEqual([]);
    // The top 3 next moves of the plan's year, whose plan actions belong to this plan.
    const moves = el.shadowRoot!.querySelector('c-whitespace-next-moves') as HTMLElement &
      Record<string, unknown>;
    expect([Number(moves.limit), moves.planId, moves.recordId]).toEqual([
      3,
      FIXTURE.plan!.id,
      FIXTURE.accountId
    ]);
    await expect(el).toBeAccessible();

    // A new plan: every goal, score, type, tier and phase blank, and so omitted.
    const blank: AccountPlanDto = {
      ...clone(FIXTURE.plan!),
      status: 'Draft',
      revenueGoal: null,
      miningGoal: null,
      farmingGoal: null,
      scoreExecutiveAccess: null,
      scoreShareOfWallet: null,
      scoreStrategicAlignment: null,
      scoreCoInnovation: null,
      scoreTenure: null,
      relationshipType: null,
      tier: null,
      customerPhase: null
    };
    const explicit = mount();
    summaryAdapter.emit({ ...clone(FIXTURE), plan: blank, overdueActions: [] });
    await flush();
    const texts = shownTexts(explicit);
    explicit.remove();
    summaryAdapter.emit(withoutNulls({ ...clone(FIXTURE), plan: blank, overdueActions: [] }));
    await flush();
    expect(shownTexts(el)).toEqual(texts);
    expect(text(q(el, 'c-plan-progress'), '.gap')).toBe('Set a revenue goal to track progress.');
    expect(text(q(el, 'c-plan-relationship'), '.type')).toBe('Not scored');
    expect(attribute(el, 'scoreTenure').value).toBe('');
    expect(leakedBlanks(el)).toEqual([]);
    await expect(el).toBeAccessible();
  });

  it("uses the org's relationship weights and bands: labels and unsaved scores; the saved type is the formula's", async () => {
    const el = mount();
    // The org weighs Tenure 40 and starts Strategic at 3.5 (Keyplan_Tuning__c overrides).
    settingsAdapter.emit({
      values: { RelType_Weight_Tenure: 40, RelType_Band_Strategic: 3.5 },
      overridden: ['RelType_Weight_Tenure', 'RelType_Band_Strategic']
    });
    // Saved as the org computed it: (25*4 + 20*3 + 25*4 + 15*2 + 40*5) / 125 = 3.92, Strategic.
    summaryAdapter.emit({
      ...clone(FIXTURE),
      plan: { ...clone(FIXTURE.plan!), relationshipType: 'Strategic' }
    });
    await flush();
    const rel = q(el, 'c-plan-relationship');
    expect((attribute(el, 'scoreTenure') as unknown as { label: string }).label).toBe('Tenure (weight 40%)');
    expect(text(rel, '.type')).toBe('Strategic');
    expect(text(rel, '.score')).toBe('weighted score 3.92 of 5');
    // Tenure 5 -> 1: (100 + 60 + 100 + 30 + 40) / 125 = 2.64, Cooperative (default weights: 3.05, Interdependent).
    choose(attribute(el, 'scoreTenure'), '1');
    await flush();
    expect(text(rel, '.type')).toBe('Cooperative');
    expect(text(rel, '.score')).toBe('weighted score 2.64 of 5');
    expect(text(rel, '.type-change')).toBe('Saving changes the type from Strategic to Cooperative.');
  });
});
