import getPlanSummary from '@salesforce/apex/AccountPlanController.getPlanSummary';
import type { PlanSummaryData } from '@keyplan/contracts';
import {
  encodeFieldValues,
  noPlanText,
  openPlanAction,
  planActionPage,
  planForAction
} from 'c/planActionTarget';

jest.mock('@salesforce/apex/AccountPlanController.getPlanSummary', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AccountPlanController.createPlan', () => ({ default: jest.fn() }), {
  virtual: true
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SUMMARY: PlanSummaryData = require('../../../../../../test/fixtures/apex/AccountPlanController.getPlanSummary.json');
const summaryMock = getPlanSummary as unknown as jest.Mock;
const ACCOUNT = '001Dp00000Acc01AAC';

describe('c/planActionTarget', () => {
  beforeEach(() => summaryMock.mockReset());

  it('reads the plan of the calendar year the action is due in, once, in a calendar-year org', async () => {
    summaryMock.mockResolvedValue({
      ...SUMMARY,
      fiscalYearStartMonth: 1,
      accounts: [{ id: ACCOUNT, name: 'Aerovance Group' }]
    });
    const t = await planForAction(ACCOUNT, '2026-12-14');
    expect(summaryMock.mock.calls).toEqual([[{ accountId: ACCOUNT, fiscalYear: 2026 }]]);
    expect(t).toEqual({
      accountId: ACCOUNT,
      accountName: 'Aerovance Group',
      fiscalYear: 2026,
      plan: { id: SUMMARY.plan!.id, name: SUMMARY.plan!.name }
    });
  });

  it("reads again for the org's fiscal year when it differs (April start, named by its end)", async () => {
    summaryMock.mockResolvedValue({ ...SUMMARY, fiscalYearStartMonth: 4, fiscalYearNamedByStart: false });
    const t = await planForAction(ACCOUNT, '2026-12-14');
    expect(summaryMock.mock.calls.map((c) => c[0].fiscalYear)).toEqual([2026, 2027]);
    expect(t.fiscalYear).toBe(2027);
  });

  it('reports no plan, naming the account when it can', async () => {
    summaryMock.mockResolvedValue({ ...SUMMARY, plan: null });
    const t = await planForAction(ACCOUNT, '2026-12-14');
    expect(t.plan).toBeNull();
    expect(noPlanText(t)).toBe(
      'This account has no account plan for FY2026 yet: a plan action belongs to one.'
    );
    expect(noPlanText({ ...t, accountName: 'Aerovance Helicopters GmbH' })).toMatch(
      /^Aerovance Helicopters GmbH has no account plan for FY2026/
    );
  });

  it('opens the create form in the plan of the year, or opens nothing and says where the plan is missing', async () => {
    const input = { subject: 'Meet the CFO', dueDate: '2026-12-14' };
    const navigate = jest.fn();
    summaryMock.mockResolvedValue({ ...SUMMARY, fiscalYearStartMonth: 1 });
    expect(await openPlanAction(ACCOUNT, input, navigate)).toBeNull();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate.mock.calls[0][0].state.defaultFieldValues).toContain(
      `Account_Plan__c=${SUMMARY.plan!.id}`
    );

    navigate.mockClear();
    summaryMock.mockResolvedValue({ ...SUMMARY, fiscalYearStartMonth: 1, plan: null });
    const missing = await openPlanAction(ACCOUNT, input, navigate);
    expect(navigate).not.toHaveBeenCalled();
    expect(missing).toMatchObject({ accountId: ACCOUNT, fiscalYear: 2026, plan: null });
  });

  it('encodes the create form values as pageReferenceUtils does, blanks left out', () => {
    expect(encodeFieldValues({ Name: 'A, B = C', Notes__c: null, Status__c: 'Open' })).toBe(
      'Name=A%2C%20B%20%3D%20C,Status__c=Open'
    );
    expect(
      planActionPage({
        Account_Plan__c: 'p1',
        Name: 'X',
        Assigned_To__c: null,
        Due_Date__c: '2026-12-14',
        Status__c: 'Open',
        Notes__c: null
      }).attributes
    ).toEqual({ objectApiName: 'Plan_Action__c', actionName: 'new' });
  });
});
