import type { BantHistoryEntry } from '@keyplan/contracts';
import { oneMonthBefore, qualificationSplit, statusesAsOf, type ScoredOpportunity } from '../bantHistory';

const OPP: ScoredOpportunity = {
  id: '006Dp00000Bnt01AAC',
  amount: 100,
  budgetStatus: 'Confirmed',
  authorityStatus: 'Confirmed',
  needStatus: null,
  timingStatus: 'Identified',
  budgetEvidence: 'Approved in the May budget round',
  contactRoles: [{ buyerRole: 'Economic Buyer', decisionRole: null }]
};
const h = (
  field: BantHistoryEntry['field'],
  oldValue: BantHistoryEntry['oldValue'],
  newValue: BantHistoryEntry['newValue'],
  date: string,
  opportunityId = OPP.id
): BantHistoryEntry => ({
  opportunityId,
  field,
  oldValue,
  newValue,
  date
});

describe('bantHistory', () => {
  it('steps back one calendar month, clamping to the shorter month', () => {
    expect(oneMonthBefore(new Date('2025-06-10T12:00:00Z')).toISOString()).toBe('2025-05-10T12:00:00.000Z');
    expect(oneMonthBefore(new Date('2025-03-31T08:00:00Z')).toISOString()).toBe('2025-02-28T08:00:00.000Z');
    expect(oneMonthBefore(new Date('2024-03-31T08:00:00Z')).toISOString()).toBe('2024-02-29T08:00:00.000Z');
    expect(oneMonthBefore(new Date('2025-01-15T00:00:00Z')).toISOString()).toBe('2024-12-15T00:00:00.000Z');
  });

  it('rebuilds the statuses on a past date from field history', () => {
    const history = [
      h('Keyplan_Budget_Status__c', 'Identified', 'Confirmed', '2025-05-20T10:00:00Z'),
      h('Keyplan_Budget_Status__c', 'Unknown', 'Identified', '2025-04-01T10:00:00Z'),
      h('Keyplan_Authority_Status__c', null, 'Identified', '2025-04-01T10:00:00Z'),
      h('Keyplan_Authority_Status__c', 'Identified', 'Confirmed', '2025-05-30T10:00:00Z'),
      h('Keyplan_Timing_Status__c', 'Unknown', 'Identified', '2025-05-01T10:00:00Z'),
      // another opportunity's change must not leak in
      h('Keyplan_Need_Status__c', 'Unknown', 'Confirmed', '2025-05-25T10:00:00Z', '006Dp00000Bnt02AAC')
    ];
    const past = statusesAsOf(OPP, history, new Date('2025-05-10T12:00:00Z'));
    expect(past).toEqual({
      ...OPP,
      budgetStatus: 'Identified',
      authorityStatus: 'Identified',
      timingStatus: 'Identified'
    });
    // before any change: every changed field shows its first old value
    expect(statusesAsOf(OPP, history, new Date('2025-03-01T00:00:00Z'))).toEqual({
      ...OPP,
      budgetStatus: 'Unknown',
      authorityStatus: null,
      timingStatus: 'Unknown'
    });
    expect(OPP.budgetStatus).toBe('Confirmed');
  });

  it('splits money at the threshold with the core score', () => {
    const split = qualificationSplit(
      [
        OPP,
        { ...OPP, id: 'b', amount: null, budgetStatus: null },
        { ...OPP, id: 'c', amount: 50, budgetStatus: 'Missing', authorityStatus: null }
      ],
      50
    );
    // OPP scores 30+30+0+7.5 = 68 (rounded); b 38; c 8
    expect(split).toEqual({
      qualifiedAmount: 100,
      unqualifiedAmount: 50,
      qualifiedCount: 1,
      unqualifiedCount: 2,
      averageScore: (68 + 38 + 8) / 3
    });
    expect(qualificationSplit([], 50).averageScore).toBeNull();
  });

  it('keeps the saved formula score for today, scores changed past statuses with the given settings', () => {
    const saved: ScoredOpportunity = { ...OPP, bantScore: 90 };
    const history = [h('Keyplan_Budget_Status__c', 'Identified', 'Confirmed', '2025-06-01T09:00:00Z')];
    expect(statusesAsOf(saved, history, new Date('2025-06-05T00:00:00Z')).bantScore).toBe(90);
    const past = statusesAsOf(saved, history, new Date('2025-05-10T00:00:00Z'));
    expect(past.bantScore).toBeNull();
    // Today: the formula's 90 whatever the settings. Then: Budget Identified 70*50 + Authority 10*100 +
    // Timing 10*50 = 5000 / 100 with the org's weights.
    const org = {
      BANT_Weight_Budget: 70,
      BANT_Weight_Authority: 10,
      BANT_Weight_Need: 10,
      BANT_Weight_Timing: 10
    };
    expect(qualificationSplit([saved], 50, org).averageScore).toBe(90);
    expect(qualificationSplit([past], 50, org).averageScore).toBe(50);
  });
});
