import type { ContactNode, RelationshipLinkDto } from '@keyplan/contracts';
import type { ContactHeat, CoverageIssue } from 'c/keyplanCore';
import { contactOptions, personDetails } from '../personDetails';

const contact = (id: string, name: string, over: Partial<ContactNode> = {}): ContactNode =>
  ({ id, name, title: null, reportsToId: null, buyingCenterId: null, ...over }) as ContactNode;
const link = (id: string, over: Partial<RelationshipLinkDto>): RelationshipLinkDto =>
  ({
    id,
    fromContactId: null,
    toContactId: null,
    fromUserId: null,
    fromUserName: null,
    type: null,
    strength: null,
    frequency: null,
    polarity: null,
    lastInteraction: null,
    ...over
  }) as RelationshipLinkDto;

describe('orgChartHeatmap person details', () => {
  const boss = contact('1', 'Ada', { title: 'CIO' });
  const me = contact('2', 'Bob', { reportsToId: '1', buyingCenterId: 'bc' });
  const byId = new Map([boss, me].map((c) => [c.id, c]));

  it('lists a person’s links both ways, their manager, buying center, latest interaction and issues', () => {
    const heat = { heat: 10, band: 'cold' } as ContactHeat;
    const issue = { code: 'STALE_LINK', severity: 'low', message: 'm', contactId: '2' } as CoverageIssue;
    const details = personDetails(
      {
        byId,
        links: [
          link('l1', {
            fromContactId: '2',
            toContactId: '1',
            type: 'Influence',
            strength: 4,
            // Later than our team's link: a talk between two of their people is not our last interaction.
            lastInteraction: '2026-05-02'
          }),
          link('l2', {
            toContactId: '2',
            fromUserId: 'u',
            fromUserName: 'Cy',
            lastInteraction: '2026-03-01'
          }),
          link('l3', { fromContactId: '1', toContactId: '9' })
        ],
        heat: new Map([['2', heat]]),
        influence: new Map([['2', { influence: 40, influences: 1, influencedBy: 0 }]]),
        influenceRank: new Map([['2', 1]]),
        bcNames: new Map([['bc', 'IT']]),
        issues: [
          issue,
          { code: 'STALE_LINK', severity: 'low', message: 'n', contactId: '1' } as CoverageIssue
        ]
      },
      '2'
    )!;
    expect(details.managerName).toBe('Ada');
    expect(details.buyingCenterName).toBe('IT');
    expect(details.heat).toBe(heat);
    expect(details.influence.influence).toBe(40);
    expect([details.influenceRank, details.contactCount]).toEqual([1, 2]);
    expect(details.lastInteraction).toBe('2026-03-01');
    expect(details.issues).toEqual([issue]);
    expect(details.links.map((l) => l.description)).toEqual([
      'To Ada: Influence, strength 4',
      'From Cy (our team): Link'
    ]);
    expect(details.links.map((l) => l.fromUser)).toEqual([false, true]);
    expect(
      personDetails(
        { byId, links: [], heat: new Map(), influence: new Map(), bcNames: new Map(), issues: [] },
        'nobody'
      )
    ).toBeNull();
  });

  it('offers the other people matching name or title, up to a limit', () => {
    const order = ['1', '2'];
    expect(contactOptions(order, byId, '2')).toEqual([{ label: 'Ada (CIO)', value: '1' }]);
    expect(contactOptions(order, byId, 'x', 'cio')).toEqual([{ label: 'Ada (CIO)', value: '1' }]);
    expect(contactOptions(order, byId, 'x', 'BOB')).toEqual([{ label: 'Bob', value: '2' }]);
    expect(contactOptions(order, byId, 'x', '', 1)).toHaveLength(1);
  });
});
