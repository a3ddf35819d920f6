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
    expect(team.members.map((m) => [m.name, m.covers.map((x) => x.contactId)])).toEqual([
      ['Morgan', ['cio', 'cfo', 'arch']],
      ['Priya', ['ceo']],
      ['Sam', []]
    ]);
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
});
