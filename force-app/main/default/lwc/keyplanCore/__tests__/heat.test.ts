import fc from 'fast-check';
import {
  analyseCoverage,
  colourContacts,
  computeHeat,
  decayFactor,
  heatBand,
  linkWeight,
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

  it('weighs strength, frequency, influence and who holds the link', () => {
    expect(linkWeight(link({}), today)).toBe(1);
    expect(linkWeight(link({ strength: 1, frequency: 'Rarely', influenceLevel: 'Low' }), today)).toBeCloseTo(
      0.2 * 0.25 * 0.5
    );
    expect(linkWeight(link({ fromUserId: null, fromContactId: 'b' }), today)).toBe(0.5);
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
      })
    );
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
    link({ id: 'l2', toContactId: 'eb', strength: 2, lastInteraction: '2024-01-01' }),
    link({ id: 'l3', toContactId: 'u', fromUserId: null, fromContactId: 'dm', lastInteraction: null }),
    link({ id: 'l4', toContactId: 'det', polarity: 'Negative' })
  ];
  const report = analyseCoverage(contacts, links, {
    today,
    buyingCenterNames: new Map([['bc2', 'Helicopters']])
  });

  it('finds uncovered decision makers, threads, detractors and stale links', () => {
    expect(report.issues.map((i) => [i.code, i.contactId ?? i.buyingCenterId, i.linkId ?? null])).toEqual([
      ['UNCOVERED_DECISION_MAKER', 'eb', null],
      ['INFLUENTIAL_DETRACTOR', 'det', null],
      ['UNCOVERED_BUYING_CENTER', 'bc2', null],
      ['UNCOVERED_BUYING_CENTER', 'bc3', null],
      ['STALE_LINK', 'eb', 'l2'],
      ['STALE_LINK', 'u', 'l3']
    ]);
    expect(report.issues[2].message).toMatch(/Helicopters \(2 contacts\)/);
    expect(report.issues[4].message).toMatch(/531 days ago/);
    expect(report.covered).toEqual(new Set(['dm']));
    expect(report.threadsByBuyingCenter.get('bc1')).toEqual(['dm', 'eb']);
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
    ).toHaveLength(1);
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
    expect(byHeat.legend.map((l) => [l.key, l.count])).toEqual([
      ['cold', 3],
      ['warm', 1],
      ['hot', 1],
      ['strong', 0]
    ]);
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
