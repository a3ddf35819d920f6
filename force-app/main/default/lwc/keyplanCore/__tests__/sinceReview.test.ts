import { changesSince, summariseActivity, type ActivityAggregate, type ReviewContact } from 'c/keyplanCore';

const contact = (id: string, bc: string | null, created = '2025-01-01T09:00:00.000Z'): ReviewContact => ({
  id,
  name: id.toUpperCase(),
  buyingCenterId: bc,
  createdDate: created
});
const agg = (contactId: string, count90: number, count365: number, last: string): ActivityAggregate => ({
  contactId,
  userId: 'u1',
  userName: 'Jane Smith',
  channel: 'meeting',
  count90,
  count365,
  last
});

describe('changes since the last review', () => {
  const contacts = [
    contact('ann', 'it'),
    contact('bob', 'it'),
    contact('cat', 'fin', '2026-10-02T10:00:00.000Z'),
    contact('dan', null)
  ];
  const input = {
    since: '2026-09-01',
    contacts,
    history: [
      // Ann: Neutral -> Supporter -> Champion after the review: one change, Neutral to Champion.
      {
        contactId: 'ann',
        field: 'Keyplan_Stance__c',
        oldValue: 'Neutral',
        newValue: 'Supporter',
        date: '2026-09-10T10:00:00.000Z'
      },
      {
        contactId: 'ann',
        field: 'Keyplan_Stance__c',
        oldValue: 'Supporter',
        newValue: 'Champion',
        date: '2026-10-10T10:00:00.000Z'
      },
      // Bob: a role changed and changed back: no change.
      {
        contactId: 'bob',
        field: 'Keyplan_Decision_Role__c',
        oldValue: 'User',
        newValue: 'Influencer',
        date: '2026-09-05T10:00:00.000Z'
      },
      {
        contactId: 'bob',
        field: 'Keyplan_Decision_Role__c',
        oldValue: 'Influencer',
        newValue: 'User',
        date: '2026-09-06T10:00:00.000Z'
      },
      // Before the review: not news.
      {
        contactId: 'dan',
        field: 'Keyplan_Buyer_Role__c',
        oldValue: null,
        newValue: 'Coach',
        date: '2026-08-01T10:00:00.000Z'
      },
      // Not a stakeholder field.
      { contactId: 'dan', field: 'Title', oldValue: 'A', newValue: 'B', date: '2026-10-01T10:00:00.000Z' }
    ],
    heatThen: new Map([
      ['ann', 20],
      ['bob', 60],
      ['dan', 30]
    ]),
    heatNow: new Map([
      ['ann', 55],
      ['bob', 35],
      ['cat', 12],
      ['dan', 34]
    ]),
    activityThen: summariseActivity([agg('bob', 4, 12, '2026-08-20'), agg('dan', 1, 1, '2026-08-01')]),
    activityNow: summariseActivity([agg('ann', 3, 3, '2026-11-01'), agg('bob', 0, 12, '2026-08-20')]),
    buyingCenterNames: new Map([
      ['it', 'Group IT'],
      ['fin', 'Finance']
    ])
  };

  it('lists joins, people gone quiet, stance and role changes, and heat moves of 10 points or more', () => {
    const out = changesSince(input);
    expect(out.joined).toEqual([{ contactId: 'cat', name: 'CAT', date: '2026-10-02' }]);
    expect(out.quiet).toEqual([{ contactId: 'bob', name: 'BOB', last: '2026-08-20' }]);
    expect(out.fieldChanges).toEqual([
      { contactId: 'ann', name: 'ANN', what: 'stance', from: 'Neutral', to: 'Champion' }
    ]);
    expect(out.heatGained.map((h) => [h.contactId, h.delta])).toEqual([
      ['ann', 35],
      ['cat', 12]
    ]);
    expect(out.heatLost.map((h) => [h.contactId, h.delta])).toEqual([['bob', -25]]);
  });

  it('sums up each buying center in one line', () => {
    expect(changesSince(input).byBuyingCenter.map((b) => b.line)).toEqual([
      'Finance: 1 joined, heat +12',
      'Group IT: 1 went quiet, 1 stance or role change, heat +10',
      'No buying center: heat +4'
    ]);
  });

  it('reports nothing when nothing changed', () => {
    const out = changesSince({
      ...input,
      since: '2026-11-29',
      history: [],
      heatNow: input.heatThen,
      activityThen: new Map(),
      contacts: contacts.slice(0, 2)
    });
    expect(out).toEqual({
      since: '2026-11-29',
      joined: [],
      quiet: [],
      fieldChanges: [],
      heatGained: [],
      heatLost: [],
      byBuyingCenter: []
    });
  });
});
