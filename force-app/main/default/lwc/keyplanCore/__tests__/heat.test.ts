import fc from 'fast-check';
import {
  analyseCoverage,
  colourContacts,
  computeHeat,
  computeInfluence,
  decayFactor,
  heatBand,
  influenceBand,
  linkWeight,
  rankByInfluence,
  PALETTES,
  type CoverageContact,
  type CoverageLink
} from 'c/keyplanCore';

const today = new Date('2025-06-15T12:00:00Z');
const link = (over: Partial<CoverageLink>): CoverageLink => ({
  id: 'l',
  fromContactId: null,
  fromUserId: 'u1',
  toContactId: 'a',
  strength: 5,
  frequency: 'Weekly',
  influenceLevel: 'High',
  polarity: 'Positive',
  lastInteraction: '2025-06-15',
  ...over
});
const person = (id: string, over: Partial<CoverageContact> = {}): CoverageContact => ({
  id,
  name: id.toUpperCase(),
  buyingCenterId: null,
  stance: null,
  decisionRole: null,
  buyerRole: null,
  influenceLevel: null,
  ...over
});

describe('heat', () => {
  it('halves a link every Heat_Decay_Days and treats an unknown date as one half-life', () => {
    expect(decayFactor('2025-06-15', today)).toBe(1);
    expect(decayFactor('2024-12-17', today)).toBeCloseTo(0.5, 5);
    expect(decayFactor('2024-12-17', today, { Heat_Decay_Days: 90 })).toBeCloseTo(0.25, 5);
    expect(decayFactor(null, today)).toBe(0.5);
    expect(decayFactor('2025-07-01', today)).toBe(1);
  });

  it('weighs strength, frequency and influence', () => {
    expect(linkWeight(link({}), today)).toBe(1);
    expect(linkWeight(link({ strength: 1, frequency: 'Rarely', influenceLevel: 'Low' }), today)).toBeCloseTo(
      0.2 * 0.25 * 0.5
    );
  });

  it('heat is our team only: a link between two of their people changes neither heat nor last interaction', () => {
    const internal = link({ id: 'c2c', fromUserId: null, fromContactId: 'b', lastInteraction: '2025-06-15' });
    const team = link({ id: 't', strength: 3, lastInteraction: '2025-01-01' });
    const before = computeHeat(['a'], [team], { today }).get('a');
    const after = computeHeat(['a'], [team, internal], { today }).get('a');
    expect(after).toEqual(before);
    expect(after).toMatchObject({ teamLinks: 1, lastInteraction: '2025-01-01' });
    expect(computeHeat(['a'], [internal], { today }).get('a')).toMatchObject({
      heat: 0,
      band: 'cold',
      teamLinks: 0,
      lastInteraction: null
    });
    // Marking a team relationship warms the contact.
    expect(computeHeat(['a'], [internal, link({})], { today }).get('a')?.heat).toBe(78);
  });

  it('warms with positive links, cools with negative ones, and bands by the thresholds', () => {
    const heat = computeHeat(
      ['a', 'b', 'c'],
      [
        link({}),
        link({ toContactId: 'b', polarity: 'Negative' }),
        link({ toContactId: 'b', strength: 2 }),
        link({ toContactId: 'zz' })
      ],
      {
        today
      }
    );
    expect(heat.get('a')).toEqual({
      heat: 78,
      band: 'strong',
      positive: 1,
      negative: 0,
      teamLinks: 1,
      lastInteraction: '2025-06-15'
    });
    expect(heat.get('b')?.heat).toBe(0);
    expect(heat.get('c')).toMatchObject({ heat: 0, band: 'cold', lastInteraction: null });
    expect(computeHeat(['a'], [link({})], { today, settings: { Heat_Strong: 90 } }).get('a')?.band).toBe(
      'hot'
    );
    expect([heatBand(0), heatBand(25), heatBand(50), heatBand(75)]).toEqual([
      'cold',
      'warm',
      'hot',
      'strong'
    ]);
  });

  it('property: heat stays within 0-100 and more positive links never cool a contact', () => {
    const arbLink = fc.record({
      strength: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      frequency: fc.constantFrom('Weekly', 'Monthly', 'Quarterly', 'Rarely', null),
      influenceLevel: fc.constantFrom('Low', 'Medium', 'High', 'Very High', null),
      polarity: fc.constantFrom('Positive', 'Negative', null),
      lastInteraction: fc.option(
        fc
          .integer({ min: 0, max: 2000 })
          .map((d) => new Date(today.getTime() - d * 86400000).toISOString().slice(0, 10)),
        { nil: null }
      ),
      team: fc.boolean()
    });
    fc.assert(
      fc.property(fc.array(arbLink, { maxLength: 30 }), (specs) => {
        const links = specs.map((s, i) =>
          link({ ...s, id: `l${i}`, fromUserId: s.team ? 'u' : null, fromContactId: s.team ? null : 'x' })
        );
        const h = computeHeat(['a'], links, { today }).get('a')!;
        expect(h.heat).toBeGreaterThanOrEqual(0);
        expect(h.heat).toBeLessThanOrEqual(100);
        const more = computeHeat(['a'], [...links, link({ id: 'extra' })], { today }).get('a')!;
        expect(more.heat).toBeGreaterThanOrEqual(h.heat);
        const teamOnly = computeHeat(
          ['a'],
          links.filter((l) => l.fromUserId !== null),
          { today }
        ).get('a')!;
        expect(teamOnly).toEqual(h);
      })
    );
  });
});

describe('influence', () => {
  it('goes to who holds a contact-to-contact link, either polarity; team links do not count', () => {
    const inf = computeInfluence(
      ['a', 'b', 'c', 'd'],
      [
        link({ id: '1', fromUserId: null, fromContactId: 'a', toContactId: 'b' }),
        link({ id: '2', fromUserId: null, fromContactId: 'a', toContactId: 'c', polarity: 'Negative' }),
        link({ id: '3', fromUserId: null, fromContactId: 'c', toContactId: 'b', strength: 2 }),
        link({ id: '4', fromUserId: 'u1', toContactId: 'd' }),
        link({ id: '5', fromUserId: null, fromContactId: 'd', toContactId: 'd' })
      ],
      { today }
    );
    // a: two full-weight links, 100 * (1 - e^(-1.5 * 2)) = 95; c: one strength-2 link, 1 - e^(-0.6) = 45.
    expect(inf.get('a')).toEqual({ influence: 95, influences: 2, influencedBy: 0 });
    expect(inf.get('b')).toEqual({ influence: 0, influences: 0, influencedBy: 2 });
    expect(inf.get('c')).toEqual({ influence: 45, influences: 1, influencedBy: 1 });
    expect(inf.get('d')).toEqual({ influence: 0, influences: 0, influencedBy: 0 });
    expect(rankByInfluence(inf)).toEqual(['a', 'c']);
    expect([influenceBand(0), influenceBand(1), influenceBand(40), influenceBand(70)]).toEqual([
      'none',
      'some',
      'high',
      'top'
    ]);
  });
});

describe('coverage', () => {
  const contacts = [
    person('dm', { decisionRole: 'Decision Maker', buyingCenterId: 'bc1' }),
    person('eb', { buyerRole: 'Economic Buyer', buyingCenterId: 'bc1' }),
    person('det', { stance: 'Detractor', influenceLevel: 'Very High', buyingCenterId: 'bc2' }),
    person('quiet', { stance: 'Detractor', influenceLevel: 'Low', buyingCenterId: 'bc2' }),
    person('u', { buyingCenterId: 'bc3' })
  ];
  const links = [
    link({ id: 'l1', toContactId: 'dm', strength: 4 }),
    link({ id: 'l2', toContactId: 'eb', strength: 2, lastInteraction: '2024-01-01', fromUserName: 'Morgan' }),
    link({ id: 'l3', toContactId: 'u', fromUserId: null, fromContactId: 'dm', lastInteraction: null }),
    link({ id: 'l4', toContactId: 'det', polarity: 'Negative' })
  ];
  const report = analyseCoverage(contacts, links, {
    today,
    buyingCenterNames: new Map([['bc2', 'Helicopters']])
  });

  it('finds uncovered decision makers, threads, detractors and our stale links, naming who holds them', () => {
    // l3 joins two of their people: never a stale link of ours.
    expect(report.issues.map((i) => [i.code, i.contactId ?? i.buyingCenterId, i.linkId ?? null])).toEqual([
      ['UNCOVERED_DECISION_MAKER', 'eb', null],
      ['INFLUENTIAL_DETRACTOR', 'det', null],
      ['UNCOVERED_BUYING_CENTER', 'bc2', null],
      ['UNCOVERED_BUYING_CENTER', 'bc3', null],
      ['STALE_LINK', 'eb', 'l2']
    ]);
    expect(report.issues[2].message).toMatch(/Helicopters \(2 contacts\)/);
    expect(report.issues[4].message).toBe(
      "Morgan's link to EB was last updated 531 days ago (older than 120)."
    );
    // A detractor someone on our team works on is not a gap.
    expect(
      analyseCoverage(contacts, [...links, link({ id: 'l5', toContactId: 'det' })], { today }).issues.map(
        (i) => i.code
      )
    ).not.toContain('INFLUENTIAL_DETRACTOR');
    expect(report.covered).toEqual(new Set(['dm']));
    expect(report.threadsByBuyingCenter.get('bc1')).toEqual(['dm', 'eb']);
  });

  it('never counts a placeholder (a role not yet named) as a contact', () => {
    const r = analyseCoverage(
      [person('a', { buyingCenterId: 'bc' }), person('ciso', { buyingCenterId: 'bc', placeholder: true })],
      [],
      { today }
    );
    expect(r.issues.map((i) => i.message)).toEqual([
      'Nobody on our team has a positive relationship in bc (1 contacts).'
    ]);
  });

  it('flags a buying center where only one person is on our side', () => {
    const r = analyseCoverage(
      [person('a', { buyingCenterId: 'bc' }), person('b', { buyingCenterId: 'bc' })],
      [link({ toContactId: 'a' })],
      { today }
    );
    expect(r.issues.map((i) => i.code)).toEqual(['SINGLE_THREADED']);
    expect(r.issues[0].message).toBe(
      'bc is single-threaded: only A has a positive relationship with our team.'
    );
    expect(
      analyseCoverage(contacts, links, { today, settings: { Stale_Link_Days: 1000 } }).issues.filter(
        (i) => i.code === 'STALE_LINK'
      )
    ).toHaveLength(0);
  });

  it('colours by heat, stance, buyer role and coverage with legends', () => {
    const heat = computeHeat(
      contacts.map((c) => c.id),
      links,
      { today }
    );
    const byHeat = colourContacts(contacts, 'heat', { heat });
    // dm: one strength-4 team link today, 100 * (1 - e^(-1.5 * 0.8)) = 70.
    expect(heat.get('dm')?.heat).toBe(70);
    expect(byHeat.colours.get('dm')).toEqual({ key: 'hot', ...PALETTES.heat.hot });
    // u is reached only through dm (a customer-internal link): cold, not warm.
    expect(byHeat.legend.map((l) => [l.key, l.count])).toEqual([
      ['cold', 4],
      ['warm', 0],
      ['hot', 1],
      ['strong', 0]
    ]);
    const influence = computeInfluence(
      contacts.map((c) => c.id),
      links,
      { today }
    );
    // l3 (dm -> u, unknown date = one half-life): 100 * (1 - e^(-1.5 * 0.5)) = 53.
    expect(colourContacts(contacts, 'influence', { influence }).colours.get('dm')?.key).toBe('high');
    expect(colourContacts(contacts, 'influence', { influence }).colours.get('u')?.key).toBe('none');
    expect(colourContacts(contacts, 'stance').colours.get('det')?.key).toBe('Detractor');
    expect(colourContacts(contacts, 'stance').colours.get('u')?.key).toBe('Unknown');
    expect(colourContacts(contacts, 'buyerRole').colours.get('eb')?.label).toBe('Economic buyer');
    const cov = colourContacts(contacts, 'coverage', { coverage: report });
    expect(['dm', 'eb', 'det', 'u'].map((id) => cov.colours.get(id)?.key)).toEqual([
      'covered',
      'gap',
      'none',
      'none'
    ]);
    expect(colourContacts(contacts, 'coverage').colours.get('dm')?.key).toBe('gap');
  });
});
