import { accountTeam, sponsorPairing, type TeamContact, type TeamLink } from 'c/keyplanCore';

const c = (id: string, reportsToId: string | null, title: string | null = null): TeamContact => ({
  id,
  name: id.toUpperCase(),
  title,
  reportsToId
});
const l = (id: string, over: Partial<TeamLink>): TeamLink => ({
  id,
  fromContactId: null,
  fromUserId: 'u1',
  fromUserName: 'Morgan',
  toContactId: 'ceo',
  strength: 3,
  frequency: 'Monthly',
  influenceLevel: null,
  polarity: 'Positive',
  lastInteraction: '2026-01-01',
  ...over
});
// Two trees: the CEO's (4 people) and a lone consultant's.
const contacts = [c('ceo', null, 'CEO'), c('cfo', 'ceo'), c('cio', 'ceo'), c('arch', 'cio'), c('solo', null)];

describe('account team', () => {
  it('lists each of our people with the contacts they cover, strongest first, busiest first', () => {
    const team = accountTeam(
      contacts,
      [
        l('1', { toContactId: 'cfo', strength: 2 }),
        l('2', { toContactId: 'cio', strength: 5 }),
        l('3', { toContactId: 'arch', polarity: 'Negative', strength: 5 }),
        l('4', { fromUserId: 'u2', fromUserName: 'Priya', toContactId: 'ceo', strength: 4 }),
        l('5', { fromUserId: null, fromContactId: 'cio', toContactId: 'ceo' }),
        l('6', { toContactId: 'gone' })
      ],
      [{ userId: 'u3', name: 'Sam' }]
    );
    // The account team (roster) first, links or not; then the others, busiest first.
    expect(team.members.map((m) => [m.name, m.onTeam, m.covers.map((x) => x.contactId)])).toEqual([
      ['Sam', true, []],
      ['Morgan', false, ['cio', 'cfo', 'arch']],
      ['Priya', false, ['ceo']]
    ]);
    expect(team.fromAccountTeam).toBe(true);
    expect(team.sponsor).toEqual({
      executiveId: 'ceo',
      executiveName: 'CEO',
      executiveTitle: 'CEO',
      userId: 'u2',
      userName: 'Priya',
      strength: 4
    });
  });

  it('pairs nobody when our only link to their top executive is negative, and survives a loop', () => {
    expect(sponsorPairing(contacts, [l('1', { polarity: 'Negative' })])).toMatchObject({
      executiveId: 'ceo',
      userId: null,
      strength: null
    });
    // Stronger wins; on equal strength the more recent link.
    expect(
      sponsorPairing(contacts, [
        l('1', { fromUserId: 'a', fromUserName: 'A', strength: 4, lastInteraction: '2026-01-01' }),
        l('2', { fromUserId: 'b', fromUserName: 'B', strength: 4, lastInteraction: '2026-03-01' })
      ])?.userName
    ).toBe('B');
    expect(sponsorPairing([c('a', 'b'), c('b', 'a')], [])).toBeNull();
    expect(sponsorPairing([], [])).toBeNull();
  });

  it('lists the account team first in roster order with roles, covering members included once', () => {
    const team = accountTeam(
      contacts,
      [
        l('1', { fromUserId: 'u2', fromUserName: 'Priya', toContactId: 'ceo', strength: 4 }),
        l('2', { fromUserId: 'u9', fromUserName: 'Zoe', toContactId: 'cfo', strength: 2 }),
        l('3', { fromUserId: 'u8', fromUserName: 'Ann', toContactId: 'cio', strength: 2 }),
        l('4', { fromUserId: 'u8', fromUserName: 'Ann', toContactId: 'arch', strength: 2 })
      ],
      [
        { userId: 'u2', name: 'Priya Natarajan', role: 'Account Manager' },
        { userId: 'u5', name: 'Sarah Lindqvist', title: 'COO', role: 'Executive Sponsor' },
        { userId: 'u2', name: 'Priya again', role: 'Sales Engineer' }
      ]
    );
    expect(team.members.map((m) => [m.name, m.role, m.onTeam, m.covers.length])).toEqual([
      ['Priya Natarajan', 'Account Manager', true, 1],
      ['Sarah Lindqvist', 'Executive Sponsor', true, 0],
      ['Ann', null, false, 2],
      ['Zoe', null, false, 1]
    ]);
    // The executive sponsor is paired with their top executive even with no link yet (not Priya's 4/5).
    expect(team.sponsor).toEqual({
      executiveId: 'ceo',
      executiveName: 'CEO',
      executiveTitle: 'CEO',
      userId: 'u5',
      userName: 'Sarah Lindqvist',
      strength: null,
      named: true
    });
  });

  it("takes the executive sponsor's own strongest positive link, whatever the role's case", () => {
    const sponsor = accountTeam(
      contacts,
      [
        l('1', { fromUserId: 'u5', toContactId: 'ceo', strength: 2 }),
        l('2', { fromUserId: 'u5', toContactId: 'ceo', strength: 5, polarity: 'Negative' }),
        l('3', { fromUserId: 'u2', toContactId: 'ceo', strength: 5 })
      ],
      [{ userId: 'u5', name: 'Sarah', role: 'executive sponsor' }]
    ).sponsor;
    expect(sponsor).toMatchObject({ userId: 'u5', strength: 2, named: true });
  });

  it('without an account team (no roster), pairs the strongest link and says the lane is links only', () => {
    const team = accountTeam(contacts, [l('1', { toContactId: 'ceo', strength: 3 })]);
    expect(team.fromAccountTeam).toBe(false);
    expect(team.members.map((m) => [m.name, m.role, m.onTeam])).toEqual([['Morgan', null, false]]);
    expect(team.sponsor).toMatchObject({ userId: 'u1', strength: 3 });
    expect(team.sponsor?.named).toBeUndefined();
  });
});
