import {
  fiscalYearEnd,
  newOpportunityPrefill,
  PLAN_ACTION_DUE_DAYS,
  PLAN_ACTION_NAME_LENGTH,
  planActionDueDate,
  planActionFiscalYear,
  planActionPrefill,
  remainingPotential
} from 'c/keyplanCore';

describe('new opportunity from a whitespace cell', () => {
  const base = {
    accountId: '001Dp00000Acc01AAC',
    buyingCenter: { id: 'a0BDp0000000001AAC', name: 'Helicopters Europe' },
    offering: { id: 'a0ADp0000000001AAC', name: 'Enterprise Security' },
    fiscalYear: 2026,
    potential: 1_600_000,
    won: 200_000,
    pipeline: 300_000,
    firstWonOfCell: undefined
  };

  it('prefills name, remaining potential, end of the fiscal year, cell and growth type', () => {
    expect(newOpportunityPrefill(base)).toEqual({
      AccountId: base.accountId,
      Name: 'Enterprise Security - Helicopters Europe - FY2026',
      Amount: 1_100_000,
      CloseDate: '2026-12-31',
      Keyplan_Buying_Center__c: base.buyingCenter.id,
      Keyplan_Offering__c: base.offering.id,
      Keyplan_Growth_Type__c: 'Farming'
    });
  });

  it('is Mining when the cell had won business in an earlier fiscal year only', () => {
    expect(newOpportunityPrefill({ ...base, firstWonOfCell: 2025 }).Keyplan_Growth_Type__c).toBe('Mining');
    expect(newOpportunityPrefill({ ...base, firstWonOfCell: 2026 }).Keyplan_Growth_Type__c).toBe('Farming');
  });

  it('closes on the last day of the org fiscal year', () => {
    expect(fiscalYearEnd(2026)).toBe('2026-12-31');
    expect(fiscalYearEnd(2026, { startMonth: 4, namedBy: 'start' })).toBe('2027-03-31');
    expect(fiscalYearEnd(2027, { startMonth: 4, namedBy: 'end' })).toBe('2027-03-31');
    expect(fiscalYearEnd(2024, { startMonth: 3, namedBy: 'start' })).toBe('2025-02-28');
    expect(fiscalYearEnd(2023, { startMonth: 3, namedBy: 'start' })).toBe('2024-02-29');
  });

  it('never offers a negative amount, and leaves it blank without potential', () => {
    expect(remainingPotential(100, 80, 50)).toBe(0);
    expect(remainingPotential(null, 0, 0)).toBeNull();
    expect(newOpportunityPrefill({ ...base, potential: null }).Amount).toBeNull();
  });

  it('keeps the name within the 120 characters of Opportunity.Name', () => {
    const long = newOpportunityPrefill({
      ...base,
      offering: { id: base.offering.id, name: 'X'.repeat(130) }
    });
    expect(long.Name).toHaveLength(120);
  });
});

describe('new plan action', () => {
  const today = new Date(2026, 10, 30); // 30 November 2026, local time

  it('is due two weeks out by default, across a month and a year end', () => {
    expect(PLAN_ACTION_DUE_DAYS).toBe(14);
    expect(planActionDueDate(today)).toBe('2026-12-14');
    expect(planActionDueDate(new Date(2026, 11, 25))).toBe('2027-01-08');
    expect(planActionDueDate(today, 0)).toBe('2026-11-30');
  });

  it('prefills the plan, subject, owner, due date, status and notes', () => {
    expect(
      planActionPrefill({
        planId: 'a01Dp0000000001AAC',
        subject: '  Win over Carla Gruber  (Detractor, Helicopters Europe) ',
        ownerId: '005Dp0000000001AAC',
        relatedContact: { id: '003Dp0000000001AAC', name: 'Carla Gruber' },
        reason: 'High-influence detractor nobody on our team works on.',
        today
      })
    ).toEqual({
      Account_Plan__c: 'a01Dp0000000001AAC',
      Name: 'Win over Carla Gruber (Detractor, Helicopters Europe)',
      Assigned_To__c: '005Dp0000000001AAC',
      Due_Date__c: '2026-12-14',
      Status__c: 'Open',
      Notes__c: 'High-influence detractor nobody on our team works on.\nAbout Carla Gruber.'
    });
  });

  it('keeps a given due date, leaves owner and notes blank when unknown, cuts the name to 80', () => {
    const p = planActionPrefill({ planId: 'a01', subject: 'x'.repeat(100), dueDate: '2027-02-01' });
    expect(p.Name).toHaveLength(PLAN_ACTION_NAME_LENGTH);
    expect(p.Name.endsWith('…')).toBe(true);
    expect([p.Due_Date__c, p.Assigned_To__c, p.Notes__c]).toEqual(['2027-02-01', null, null]);
  });

  it('belongs to the fiscal year its due date falls in', () => {
    expect(planActionFiscalYear('2027-01-08')).toBe(2027);
    expect(planActionFiscalYear('2027-01-08', { startMonth: 4, namedBy: 'start' })).toBe(2026);
    expect(planActionFiscalYear('2027-05-08', { startMonth: 4, namedBy: 'end' })).toBe(2028);
  });
});
