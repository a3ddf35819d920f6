import { coverageWorklist, moneyAtStake, type CoverageIssue } from 'c/keyplanCore';

const centers = [
  { id: 'heli', parentId: null },
  { id: 'heli-eu', parentId: 'heli' },
  { id: 'space', parentId: null }
];
const contacts = [
  { id: 'a', buyingCenterId: 'heli-eu', budgetOwned: 3_000_000 },
  { id: 'b', buyingCenterId: 'heli', budgetOwned: 1_000_000 },
  { id: 'c', buyingCenterId: 'space', budgetOwned: 2_000_000 },
  { id: 'd', buyingCenterId: null, budgetOwned: 9_000_000 },
  { id: 'e', buyingCenterId: 'space', budgetOwned: null }
];
const issue = (over: Partial<CoverageIssue>): CoverageIssue => ({
  code: 'UNCOVERED_DECISION_MAKER',
  severity: 'high',
  message: 'm',
  ...over
});

describe('coverage worklist', () => {
  it('counts a sub-center’s money in its parents', () => {
    expect(moneyAtStake(contacts, centers)).toEqual(
      new Map([
        ['heli-eu', 3_000_000],
        ['heli', 4_000_000],
        ['space', 2_000_000]
      ])
    );
  });

  it('groups the issues, orders each group by money at stake and gives each item one action', () => {
    const groups = coverageWorklist(
      [
        issue({ contactId: 'e', message: 'E' }),
        issue({ contactId: 'b', message: 'B' }),
        issue({ contactId: 'd', message: 'D' }),
        issue({ code: 'STALE_LINK', severity: 'low', contactId: 'a', linkId: 'l1', message: 'stale' }),
        issue({
          code: 'SINGLE_THREADED',
          severity: 'medium',
          buyingCenterId: 'space',
          contactId: 'c',
          message: 'S'
        }),
        issue({
          code: 'UNCOVERED_BUYING_CENTER',
          severity: 'medium',
          buyingCenterId: 'heli-eu',
          message: 'U'
        })
      ],
      contacts,
      centers
    );
    expect(groups.map((g) => [g.code, g.items.map((i) => [i.text, i.money, i.action])])).toEqual([
      [
        'notReached',
        [
          ['B', 4_000_000, 'addTeamLink'],
          ['E', 2_000_000, 'addTeamLink'],
          ['D', 0, 'addTeamLink']
        ]
      ],
      [
        'threads',
        [
          ['U', 3_000_000, 'focusBuyingCenter'],
          ['S', 2_000_000, 'focusBuyingCenter']
        ]
      ],
      ['stale', [['stale', 3_000_000, 'editLink']]]
    ]);
    expect(groups[2].items[0]).toMatchObject({ linkId: 'l1', contactId: 'a', actionLabel: 'Update link' });
  });

  it('offers a high-influence detractor a plan action to win them over, named in words', () => {
    const named = contacts.map((c) => ({ ...c, name: c.id === 'a' ? 'Carla Gruber' : `Person ${c.id}` }));
    const groups = coverageWorklist(
      [
        issue({ code: 'INFLUENTIAL_DETRACTOR', contactId: 'a', message: 'Carla is a detractor' }),
        issue({ code: 'INFLUENTIAL_DETRACTOR', contactId: 'd', message: 'D is a detractor' }),
        issue({ contactId: 'b', message: 'B' })
      ],
      named,
      centers.map((b) => ({ ...b, name: b.id === 'heli-eu' ? 'Helicopters Europe' : b.id }))
    );
    const byText = new Map(groups.flatMap((g) => g.items).map((i) => [i.text, i.planSubject]));
    expect(byText.get('Carla is a detractor')).toBe('Win over Carla Gruber (Detractor, Helicopters Europe)');
    // Without a buying center the subject still names the stance; other issues offer no plan action.
    expect(byText.get('D is a detractor')).toBe('Win over Person d (Detractor)');
    expect(byText.get('B')).toBeNull();
  });
});
