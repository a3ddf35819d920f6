import type {
  LandscapeCellDto,
  MatrixBuyingCenter,
  MatrixOffering,
  MatrixOpportunity
} from '@keyplan/contracts';
import {
  buildMatrix,
  nextMoves,
  type HeatLink,
  type MoveContact,
  type WhitespaceMatrix
} from 'c/keyplanCore';

const TODAY = new Date('2026-06-01T00:00:00Z');
const bc = (id: string, parentId: string | null = null): MatrixBuyingCenter => ({
  id,
  name: id,
  parentId,
  walletSize: null,
  salesGoal: null,
  active: true,
  sortOrder: null
});
const off = (id: string): MatrixOffering => ({ id, name: id, family: null, sortOrder: null, active: true });
const cell = (
  b: string,
  o: string,
  potential: number,
  over: Partial<LandscapeCellDto> = {}
): LandscapeCellDto => ({
  id: `c-${b}-${o}`,
  buyingCenterId: b,
  offeringId: o,
  fiscalYear: 2026,
  state: 'Whitespace',
  competitor: null,
  potential,
  lastModified: '2026-01-01T00:00:00.000Z',
  ...over
});
const person = (id: string, buyingCenterId: string, over: Partial<MoveContact> = {}): MoveContact => ({
  id,
  name: id,
  buyingCenterId,
  buyerRole: null,
  decisionRole: null,
  stance: null,
  influenceLevel: null,
  ...over
});
const teamLink = (to: string, over: Partial<HeatLink> = {}): HeatLink => ({
  fromContactId: null,
  fromUserId: 'u1',
  toContactId: to,
  strength: 5,
  frequency: 'Weekly',
  influenceLevel: 'High',
  polarity: 'Positive',
  lastInteraction: '2026-05-30',
  ...over
});

function matrixOf(cells: LandscapeCellDto[], opportunities: MatrixOpportunity[] = []): WhitespaceMatrix {
  return buildMatrix({
    fiscalYears: [2026],
    buyingCenters: [bc('Helicopters'), bc('Helicopters Europe', 'Helicopters'), bc('Space')],
    offerings: [off('Enterprise Security'), off('IoT Platform')],
    cells,
    opportunities,
    plan: null
  });
}

describe('nextMoves', () => {
  const cells = [
    cell('Helicopters Europe', 'Enterprise Security', 1_600_000, {
      state: 'Competitor',
      competitor: 'Initech'
    }),
    cell('Space', 'IoT Platform', 1_000_000),
    cell('Space', 'Enterprise Security', 0),
    cell('Helicopters', 'IoT Platform', 0, { state: 'Not Applicable' })
  ];
  const contacts = [
    person('Carla Gruber', 'Helicopters', { buyerRole: 'Economic Buyer' }),
    person('Sam Space', 'Space', { decisionRole: 'Decision Maker' })
  ];

  it('ranks only cells with potential, with the reason in words and one action', () => {
    const moves = nextMoves(
      { matrix: matrixOf(cells), fiscalYear: 2026, contacts, links: [teamLink('Sam Space')] },
      { today: TODAY }
    );
    expect(moves.map((m) => [m.rank, m.buyingCenterName, m.offeringName])).toEqual([
      [1, 'Space', 'IoT Platform'],
      [2, 'Helicopters Europe', 'Enterprise Security']
    ]);
    const [space, heli] = moves;
    expect(space.reach).toBeGreaterThan(0.4);
    expect(space.action).toBe('create-opportunity');
    expect(space.reason).toMatch(
      /^\$1M IoT Platform in Space: our team reaches the decision maker Sam Space \(heat \d+\)$/
    );
    // The sub-center uses its division's economic buyer; nobody on the team knows her.
    expect(heli.reason).toBe(
      '$1.6M Enterprise Security in Helicopters Europe: nobody on our team knows the economic buyer Carla Gruber; Initech is incumbent'
    );
    expect(heli.reach).toBe(0);
    expect(heli.risk).toBeCloseTo(0.2);
    expect(heli.score).toBeCloseTo(1_600_000 * 0.25 * 0.8);
    expect(heli.action).toBe('add-relationship');
    expect(heli.actionContactId).toBe('Carla Gruber');
  });

  it('counts only our team links: a colleague knowing the economic buyer is no reach', () => {
    const colleague: HeatLink = { ...teamLink('Carla Gruber'), fromUserId: null, fromContactId: 'someone' };
    const [, heli] = nextMoves(
      { matrix: matrixOf(cells), fiscalYear: 2026, contacts, links: [teamLink('Sam Space'), colleague] },
      { today: TODAY }
    );
    expect(heli.reach).toBe(0);
    expect(heli.reason).toContain('nobody on our team knows');
  });

  it('lowers the score for an influential detractor and asks to win them over once reached', () => {
    const withDetractor = [
      ...contacts,
      person('Dora', 'Helicopters Europe', { stance: 'Detractor', influenceLevel: 'Very High' })
    ];
    const moves = nextMoves(
      {
        matrix: matrixOf(cells),
        fiscalYear: 2026,
        contacts: withDetractor,
        links: [teamLink('Sam Space'), teamLink('Carla Gruber')]
      },
      { today: TODAY }
    );
    const heli = moves.find((m) => m.buyingCenterName === 'Helicopters Europe')!;
    expect(heli.risk).toBeCloseTo(0.5);
    expect(heli.detractor?.name).toBe('Dora');
    expect(heli.action).toBe('create-plan-action');
    expect(heli.actionLabel).toBe('Plan: win over Dora');
    expect(heli.reason).toContain('Dora is a detractor with very high influence; Initech is incumbent');
  });

  it('plans to identify the economic buyer where nobody is known, honours the limit, and is empty for an unknown year', () => {
    const m = matrixOf(cells);
    const moves = nextMoves({ matrix: m, fiscalYear: 2026, contacts: [], links: [] }, { limit: 1 });
    expect(moves).toHaveLength(1);
    expect(moves[0].buyingCenterName).toBe('Helicopters Europe');
    expect(moves[0].action).toBe('create-plan-action');
    expect(moves[0].reason).toContain('no economic buyer or decision maker identified');
    expect(nextMoves({ matrix: m, fiscalYear: 2031, contacts: [], links: [] })).toEqual([]);
  });

  it('does not ask to create an opportunity that is already open', () => {
    const open: MatrixOpportunity = {
      id: 'o1',
      name: 'x',
      amount: 10,
      probability: 10,
      stageName: 'Prospecting',
      isClosed: false,
      isWon: false,
      closeDate: '2026-06-01',
      buyingCenterId: 'Space',
      offeringId: 'IoT Platform',
      growthType: null,
      lastModified: '2026-01-01T00:00:00.000Z'
    };
    const [space] = nextMoves(
      { matrix: matrixOf(cells, [open]), fiscalYear: 2026, contacts, links: [teamLink('Sam Space')] },
      { today: TODAY }
    );
    expect(space.hasOpenDeal).toBe(true);
    expect(space.action).toBe('create-plan-action');
  });
});

describe('nextMoves with a limit', () => {
  it('gives the first n of the full ranking, ties included', () => {
    const centers = Array.from({ length: 8 }, (_, i) => bc(`bc${i}`, i > 3 ? `bc${i - 4}` : null));
    const offerings = Array.from({ length: 6 }, (_, i) => off(`off${i}`));
    const cells: LandscapeCellDto[] = [];
    centers.forEach((b, i) =>
      offerings.forEach((o, k) => {
        // Many equal potentials, so the name tie-breaks decide.
        cells.push(
          cell(
            b.id,
            o.id,
            ((i * 7 + k * 3) % 5) * 100_000,
            k % 3 ? {} : { state: 'Competitor', competitor: 'X' }
          )
        );
      })
    );
    const matrix = buildMatrix({
      fiscalYears: [2026],
      buyingCenters: centers,
      offerings,
      cells,
      opportunities: [],
      plan: null
    });
    const contacts = [
      person('eb0', 'bc0', { buyerRole: 'Economic Buyer' }),
      person('d2', 'bc2', { stance: 'Detractor', influenceLevel: 'High' })
    ];
    const input = { matrix, fiscalYear: 2026, contacts, links: [teamLink('eb0')] };
    const all = nextMoves(input, { today: TODAY });
    expect(all.length).toBe(cells.filter((c) => (c.potential ?? 0) > 0).length);
    for (const n of [0, 1, 3, 5, 10])
      expect(nextMoves(input, { today: TODAY, limit: n }).map((m) => m.reason)).toEqual(
        all.slice(0, n).map((m) => m.reason)
      );
    expect(all.map((m) => m.score)).toEqual([...all.map((m) => m.score)].sort((a, b) => b - a));
  });
});
