import fc from 'fast-check';
import {
  buildOrgForest,
  NO_FILTER,
  activeDimensions,
  buyingCenterScope,
  buyingCenterTree,
  companyKey,
  connectMatches,
  isFiltering,
  matchSummary,
  matchingIds,
  searchIndex,
  searchPeople,
  fitTitle,
  shortenTitle,
  subForest,
  titleInitials,
  toggleKey,
  withKeys,
  type FilterDimension
} from 'c/keyplanCore';

const centers = [
  { id: 'heli', parentId: null },
  { id: 'heli-eu', parentId: 'heli' },
  { id: 'heli-am', parentId: 'heli' },
  { id: 'heli-eu-de', parentId: 'heli-eu' },
  { id: 'ds', parentId: null }
];

interface P {
  id: string;
  buyingCenterId: string | null;
  stance: string;
  role: string;
}
const people: P[] = [
  { id: 'ceo', buyingCenterId: null, stance: 'Neutral', role: 'Economic Buyer' },
  { id: 'pres', buyingCenterId: 'heli', stance: 'Supporter', role: 'Economic Buyer' },
  { id: 'md-eu', buyingCenterId: 'heli-eu', stance: 'Detractor', role: 'Economic Buyer' },
  { id: 'eng-de', buyingCenterId: 'heli-eu-de', stance: 'Detractor', role: 'Technical Buyer' },
  { id: 'md-am', buyingCenterId: 'heli-am', stance: 'Champion', role: 'Coach' },
  { id: 'ds-pres', buyingCenterId: 'ds', stance: 'Detractor', role: 'Economic Buyer' }
];
const keyOf = (d: FilterDimension, p: P): string => (d === 'stance' ? p.stance : p.role);

describe('buyingCenterScope', () => {
  it('includes every center below, all levels', () => {
    expect([...buyingCenterScope(centers, 'heli')].sort()).toEqual([
      'heli',
      'heli-am',
      'heli-eu',
      'heli-eu-de'
    ]);
    expect([...buyingCenterScope(centers, 'heli-eu')].sort()).toEqual(['heli-eu', 'heli-eu-de']);
    expect([...buyingCenterScope(centers, 'unknown')]).toEqual(['unknown']);
  });

  it('walks a parent loop once', () => {
    const loop = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' }
    ];
    expect([...buyingCenterScope(loop, 'a')].sort()).toEqual(['a', 'b']);
  });
});

describe('matchingIds', () => {
  it('keeps everyone without a filter', () => {
    expect(matchingIds(people, NO_FILTER, keyOf, centers).size).toBe(people.length);
    expect(isFiltering(NO_FILTER)).toBe(false);
  });

  it('a buying center includes the people of its sub-centers', () => {
    const f = { buyingCenterId: 'heli', keys: {} };
    expect([...matchingIds(people, f, keyOf, centers)]).toEqual(['pres', 'md-eu', 'eng-de', 'md-am']);
    expect(isFiltering(f)).toBe(true);
  });

  it('combines dimensions with AND and keys within one dimension with OR', () => {
    const detractors = withKeys(NO_FILTER, 'stance', ['Detractor']);
    expect([...matchingIds(people, detractors, keyOf, centers)]).toEqual(['md-eu', 'eng-de', 'ds-pres']);
    const both = withKeys(detractors, 'buyerRole', ['Economic Buyer']);
    expect([...matchingIds(people, both, keyOf, centers)]).toEqual(['md-eu', 'ds-pres']);
    const inHeli = { ...both, buyingCenterId: 'heli' };
    expect([...matchingIds(people, inHeli, keyOf, centers)]).toEqual(['md-eu']);
    const orStance = withKeys(NO_FILTER, 'stance', ['Champion', 'Supporter']);
    expect([...matchingIds(people, orStance, keyOf, centers)]).toEqual(['pres', 'md-am']);
  });
});

describe('the company filter (group plans)', () => {
  const group = [
    { id: 'ceo', buyingCenterId: null, accountId: 'acc0', stance: 'Neutral', role: 'Economic Buyer' },
    { id: 'heli-md', buyingCenterId: 'heli', accountId: 'acc1', stance: 'Detractor', role: 'Coach' },
    { id: 'heli-eng', buyingCenterId: 'heli-eu', accountId: 'acc1', stance: 'Champion', role: 'Coach' },
    { id: 'svc-md', buyingCenterId: 'ds', accountId: 'acc2', stance: 'Detractor', role: 'Coach' },
    { id: 'nobody', buyingCenterId: null, accountId: null, stance: 'Detractor', role: 'Coach' }
  ];
  // keyOf never answers for 'company': the filter reads the account id itself.
  const groupKeyOf = (d: FilterDimension, p: (typeof group)[number]): string => {
    if (d === 'company') return 'wrong';
    return d === 'stance' ? p.stance : p.role;
  };

  it('keeps the people of the chosen companies (OR) and combines with the other dimensions (AND)', () => {
    const heli = withKeys(NO_FILTER, 'company', ['acc1']);
    expect(isFiltering(heli)).toBe(true);
    expect(activeDimensions(heli)).toEqual(['company']);
    expect([...matchingIds(group, heli, groupKeyOf, centers)]).toEqual(['heli-md', 'heli-eng']);
    const two = withKeys(NO_FILTER, 'company', ['acc0', 'acc2']);
    expect([...matchingIds(group, two, groupKeyOf, centers)]).toEqual(['ceo', 'svc-md']);
    const detractors = withKeys(heli, 'stance', ['Detractor']);
    expect([...matchingIds(group, detractors, groupKeyOf, centers)]).toEqual(['heli-md']);
    const inHeliEu = { ...heli, buyingCenterId: 'heli-eu' };
    expect([...matchingIds(group, inHeliEu, groupKeyOf, centers)]).toEqual(['heli-eng']);
  });

  it("a person without an account has the key 'Unknown'", () => {
    expect(companyKey({ accountId: null })).toBe('Unknown');
    expect(companyKey({})).toBe('Unknown');
    expect(companyKey({ accountId: 'acc1' })).toBe('acc1');
    const unknown = withKeys(NO_FILTER, 'company', ['Unknown']);
    expect([...matchingIds(group, unknown, groupKeyOf, centers)]).toEqual(['nobody']);
  });
});

describe('filter edits', () => {
  it('toggleKey adds then removes a key and drops an emptied dimension', () => {
    const a = toggleKey(NO_FILTER, 'stance', 'Detractor');
    expect(a.keys.stance).toEqual(['Detractor']);
    const b = toggleKey(a, 'stance', 'Neutral');
    expect(b.keys.stance).toEqual(['Detractor', 'Neutral']);
    const c = toggleKey(toggleKey(b, 'stance', 'Detractor'), 'stance', 'Neutral');
    expect(c.keys).toEqual({});
    expect(activeDimensions(b)).toEqual(['stance']);
    // The original filters are untouched.
    expect(a.keys.stance).toEqual(['Detractor']);
    expect(NO_FILTER.keys).toEqual({});
  });

  it('summarises the matches', () => {
    expect(matchSummary(12, 1450)).toBe('12 of 1,450 people match');
    expect(matchSummary(0, 1)).toBe('0 of 1 person match');
  });
});

describe('connectMatches', () => {
  const parentOf = new Map<string, string | null>([
    ['ceo', null],
    ['pres', 'ceo'],
    ['md-eu', 'pres'],
    ['eng-de', 'md-eu'],
    ['md-am', 'pres'],
    ['ds-pres', 'ceo']
  ]);

  it('keeps the managers between the matches and the top, as context', () => {
    const { keep, context } = connectMatches(parentOf, new Set(['eng-de', 'md-am']));
    expect([...keep].sort()).toEqual(['ceo', 'eng-de', 'md-am', 'md-eu', 'pres']);
    expect([...context].sort()).toEqual(['ceo', 'md-eu', 'pres']);
  });

  it('every match is kept, every kept person connects to a root, context never matches', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 40 }), (parents) => {
        const ids = parents.map((_, i) => `p${i}`);
        const pm = new Map<string, string | null>(
          ids.map((id, i) => [id, parents[i] < i ? `p${parents[i]}` : null])
        );
        const matches = new Set(ids.filter((_, i) => i % 3 === 0));
        const { keep, context } = connectMatches(pm, matches);
        for (const m of matches) expect(keep.has(m)).toBe(true);
        for (const c of context) expect(matches.has(c)).toBe(false);
        const orphans = [...keep].filter((k) => pm.get(k) && !keep.has(pm.get(k)!));
        expect(orphans).toEqual([]);
      })
    );
  });
});

describe('searchPeople', () => {
  const index = searchIndex([
    {
      id: 'cfo',
      name: 'Ana Müller',
      title: 'Group Chief Financial Officer',
      department: 'Finance',
      stance: 'Detractor',
      buyerRole: 'Economic Buyer',
      decisionRole: 'Decision Maker'
    },
    {
      id: 'md',
      name: 'Bo Lind',
      title: 'Managing Director, Helicopters Europe',
      department: 'Executive',
      stance: 'Supporter',
      buyerRole: 'Economic Buyer',
      decisionRole: 'Decision Maker'
    },
    { id: 'eng', name: 'Cy Tan', title: 'Lead Engineer', department: null, stance: null, buyerRole: 'Coach' }
  ]);

  it('matches name, title, stance and roles, in the order given', () => {
    expect(searchPeople(index, 'Detractor')).toEqual(['cfo']);
    expect(searchPeople(index, 'economic buyer')).toEqual(['cfo', 'md']);
    expect(searchPeople(index, 'decision maker helicopters')).toEqual(['md']);
    expect(searchPeople(index, 'muller')).toEqual(['cfo']);
    expect(searchPeople(index, 'coach')).toEqual(['eng']);
    expect(searchPeople(index, '   ')).toEqual([]);
    expect(searchPeople(index, 'nobody')).toEqual([]);
  });

  it('matches title initials: CFO finds the Group Chief Financial Officer', () => {
    expect(titleInitials('Group Chief Financial Officer, Finance')).toEqual(['gcfo', 'f']);
    expect(titleInitials('Head of IT')).toEqual(['hi']);
    expect(searchPeople(index, 'CFO')).toEqual(['cfo']);
    expect(searchPeople(index, 'MD')).toEqual([]); // two letters: no initials match
  });
});

describe('shortenTitle', () => {
  it('keeps a short title whole', () => {
    expect(shortenTitle('VP Operations', 26)).toBe('VP Operations');
  });

  it('keeps the division and shortens the role before it', () => {
    const s = shortenTitle('Managing Director, Helicopters Europe', 30);
    expect(s).toBe('Managing…, Helicopters Europe');
    expect(s.length).toBeLessThanOrEqual(30);
    expect(s.endsWith('Helicopters Europe')).toBe(true);
  });

  it('keeps start and end when the division alone is too long', () => {
    const s = shortenTitle('Finance Director, Commercial Aircraft Asia-Pacific', 24);
    expect(s.length).toBeLessThanOrEqual(24);
    expect(s.startsWith('Finance')).toBe(true);
    expect(s.endsWith('Asia-Pacific')).toBe(true);
  });

  it('cuts the end of a title without a comma', () => {
    expect(shortenTitle('Chief Information Security Officer', 20)).toBe('Chief Information S…');
  });

  it('never returns more than max characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 4, max: 60 }), (t, max) => {
        expect(shortenTitle(t, max).length).toBeLessThanOrEqual(max);
      })
    );
  });
});

describe('buyingCenterTree', () => {
  it('lists each center followed by its sub-centers, marked by depth', () => {
    const tree = buyingCenterTree([
      { id: 'he', name: 'Helicopters Europe', parentId: 'h' },
      { id: 'h', name: 'Helicopters', parentId: null },
      { id: 'd', name: 'Defence', parentId: null },
      { id: 'hed', name: 'Germany', parentId: 'he' },
      { id: 'x', name: 'Orphan', parentId: 'missing' }
    ]);
    expect(tree.map((t) => t.label)).toEqual([
      'Helicopters',
      '› Helicopters Europe',
      '› › Germany',
      'Defence',
      'Orphan'
    ]);
  });

  it('lists centers in a parent loop once', () => {
    const tree = buyingCenterTree([
      { id: 'a', name: 'A', parentId: 'b' },
      { id: 'b', name: 'B', parentId: 'a' }
    ]);
    expect(tree.map((t) => t.value).sort()).toEqual(['a', 'b']);
  });
});

describe('fitTitle', () => {
  it('uses the usual short forms before cutting, keeping the division', () => {
    expect(fitTitle('VP Operations', 26)).toBe('VP Operations');
    expect(fitTitle('Managing Director, Helicopters Europe', 26)).toBe('MD, Helicopters Europe');
    expect(fitTitle('Chief Technology Officer, Helicopters', 26)).toBe('CTO, Helicopters');
    expect(fitTitle('Group Chief Financial Officer', 26)).toBe('Group CFO');
    expect(fitTitle('VP Engineering, Helicopters Europe', 27)).toBe('VP Eng., Helicopters Europe');
    const long = fitTitle('Procurement Manager, Commercial Aircraft Asia-Pacific', 27);
    expect(long.length).toBeLessThanOrEqual(27);
    expect(long.endsWith('Asia-Pacific')).toBe(true);
  });
});

describe('subForest', () => {
  it('equals building the forest of the kept people from scratch', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1, max: 60 }), fc.string({ maxLength: 3 })), {
          minLength: 1,
          maxLength: 60
        }),
        fc.integer({ min: 1, max: 5 }),
        (rows, every) => {
          const rowsAsPeople = rows.map(([p, name], i) => ({
            id: `p${String(i).padStart(2, '0')}`,
            name,
            reportsToId: p >= 0 && p < rows.length ? `p${String(p).padStart(2, '0')}` : null
          }));
          const full = buildOrgForest(rowsAsPeople);
          const matches = new Set(full.order.filter((_, i) => i % every === 0));
          const { keep } = connectMatches(full.parentOf, matches);
          const sub = subForest(full, keep);
          // Rebuilt with the repaired managers, so both start from the same reporting lines.
          const again = buildOrgForest(
            full.order
              .filter((id) => keep.has(id))
              .map((id) => ({ ...full.byId.get(id)!, reportsToId: full.parentOf.get(id) ?? null }))
          );
          expect(sub.order).toEqual(again.order);
          expect(sub.roots).toEqual(again.roots);
          expect([...sub.childrenOf]).toEqual(
            [...again.childrenOf].sort((a, b) => sub.order.indexOf(a[0]) - sub.order.indexOf(b[0]))
          );
          expect([...sub.descendantCount].sort()).toEqual([...again.descendantCount].sort());
          expect([...sub.depthOf].sort()).toEqual([...again.depthOf].sort());
        }
      )
    );
  });
});

describe('shortenTitle with little room for the role', () => {
  it('keeps the role, the start of the division and its last word', () => {
    expect(shortenTitle('Procur. Mgr, Helicopters Americas', 26)).toBe('Procur. Mgr, Hel… Americas');
    expect(fitTitle('Managing Director, Commercial Aircraft Asia-Pacific', 28)).toBe(
      'MD, Commercial… Asia-Pacific'
    );
  });
});
