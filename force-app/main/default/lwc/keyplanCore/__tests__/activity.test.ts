import {
  activitySentence,
  activityTrend,
  aggregateActivities,
  analyseCoverage,
  computeHeat,
  coolingDecisionMakers,
  deriveActivityLinks,
  derivedFrequency,
  derivedStrength,
  mergeTeamLinks,
  summariseActivity,
  type ActivityAggregate,
  type ActivityRow,
  type CoverageContact,
  type CoverageLink
} from 'c/keyplanCore';

const today = new Date('2026-11-30T12:00:00Z');
const agg = (over: Partial<ActivityAggregate>): ActivityAggregate => ({
  contactId: 'c1',
  userId: 'u1',
  userName: 'Jane Smith',
  channel: 'meeting',
  count90: 0,
  count365: 0,
  last: null,
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

describe('activity aggregation', () => {
  it('counts only the last 365 days, the last 90 separately, and keeps the latest date', () => {
    const rows: ActivityRow[] = [
      { contactId: 'c1', userId: 'u1', channel: 'meeting', date: '2026-11-30' },
      { contactId: 'c1', userId: 'u1', channel: 'meeting', date: '2026-09-02' }, // 89 days: recent
      { contactId: 'c1', userId: 'u1', channel: 'meeting', date: '2026-09-01' }, // 90 days: not recent
      { contactId: 'c1', userId: 'u1', channel: 'meeting', date: '2025-12-01' }, // 364 days: in the year
      { contactId: 'c1', userId: 'u1', channel: 'meeting', date: '2025-11-30' }, // 365 days: out
      { contactId: 'c1', userId: 'u1', channel: 'meeting', date: '2026-12-01' }, // future: out
      { contactId: 'c1', userId: 'u1', channel: 'email', date: '2026-10-01' }
    ];
    const out = aggregateActivities(rows, today);
    expect(out).toEqual([
      {
        contactId: 'c1',
        userId: 'u1',
        userName: null,
        channel: 'meeting',
        count90: 2,
        count365: 4,
        last: '2026-11-30'
      },
      {
        contactId: 'c1',
        userId: 'u1',
        userName: null,
        channel: 'email',
        count90: 1,
        count365: 1,
        last: '2026-10-01'
      }
    ]);
  });

  it('refuses a row whose counts are inconsistent, naming the pair', () => {
    expect(() => summariseActivity([agg({ count90: 3, count365: 2 })])).toThrow(/u1 with c1 \(meeting\)/);
    expect(() => summariseActivity([agg({ channel: 'fax' as 'email' })])).toThrow(/unknown channel "fax"/);
  });
});

describe('derived links', () => {
  it('maps volume to strength and frequency at the documented thresholds', () => {
    expect([0, 1.5, 2, 5.5, 6, 11.5, 12, 23.5, 24].map(derivedStrength)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5]);
    expect(derivedFrequency(12, 12)).toBe('Weekly'); // 4 per month recently
    expect(derivedFrequency(0, 12)).toBe('Monthly'); // 1 per month over the year
    expect(derivedFrequency(1, 1)).toBe('Quarterly');
    expect(derivedFrequency(0, 3)).toBeTruthy();
    expect(derivedFrequency(0, 2)).toBe('Rarely');
  });

  it('classifies the trend: warming, steady, cooling', () => {
    expect(activityTrend(6, 8)).toBe('warming');
    expect(activityTrend(3, 12)).toBe('steady');
    expect(activityTrend(0, 12)).toBe('cooling');
    expect(activityTrend(0, 0)).toBe('steady');
  });

  it('turns meetings into team heat without any manual link, and more recent activity warms more', () => {
    const fresh = summariseActivity([agg({ count90: 6, count365: 12, last: '2026-11-20' })]);
    const old = summariseActivity([agg({ count90: 0, count365: 12, last: '2026-03-01' })]);
    const heatFresh = computeHeat(['c1'], deriveActivityLinks(fresh), { today }).get('c1')!;
    const heatOld = computeHeat(['c1'], deriveActivityLinks(old), { today }).get('c1')!;
    expect(heatFresh.heat).toBeGreaterThan(heatOld.heat);
    expect(heatOld.heat).toBeGreaterThan(0);
    expect(heatFresh.teamLinks).toBe(1);
    expect(heatFresh.lastInteraction).toBe('2026-11-20');
  });

  it('lets a manual team link override strength and polarity; dates and frequency take the fresher', () => {
    const derived = deriveActivityLinks(
      summariseActivity([agg({ count90: 12, count365: 30, last: '2026-11-20' })])
    );
    const manual: CoverageLink[] = [
      {
        id: 'm1',
        fromContactId: null,
        fromUserId: 'u1',
        toContactId: 'c1',
        strength: 2,
        frequency: 'Quarterly',
        influenceLevel: 'High',
        polarity: 'Negative',
        lastInteraction: '2026-01-01'
      },
      {
        id: 'm2',
        fromContactId: 'c2',
        fromUserId: null,
        toContactId: 'c1',
        strength: 5,
        frequency: 'Weekly',
        influenceLevel: null,
        polarity: 'Positive',
        lastInteraction: null
      }
    ];
    const merged = mergeTeamLinks(manual, derived);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      id: 'm1',
      strength: 2,
      polarity: 'Negative',
      frequency: 'Weekly',
      lastInteraction: '2026-11-20'
    });
    expect(merged[1]).toBe(manual[1]);
    // Without the override the pair would be warm; the negative manual link makes it cold.
    expect(computeHeat(['c1'], derived, { today }).get('c1')!.heat).toBeGreaterThan(0);
    expect(computeHeat(['c1'], [merged[0]], { today }).get('c1')!.heat).toBe(0);
  });

  it('adds derived links for pairs without a manual link', () => {
    const derived = deriveActivityLinks(
      summariseActivity([
        agg({ count90: 1, count365: 1, last: '2026-11-01' }),
        agg({ userId: 'u2', count90: 1, count365: 1, last: '2026-11-02' })
      ])
    );
    expect(mergeTeamLinks([], derived).map((l) => l.fromUserId)).toEqual(['u1', 'u2']);
  });
});

describe('person panel sentence', () => {
  it('says where the heat comes from', () => {
    const a = summariseActivity([
      agg({ count90: 9, count365: 80, last: '2026-11-20' }),
      agg({
        channel: 'email',
        userId: 'u2',
        userName: 'Ann Lee',
        count90: 14,
        count365: 120,
        last: '2026-11-02'
      })
    ]).get('c1');
    expect(activitySentence(a, today)).toBe(
      '9 meetings and 14 emails in 90 days, last Nov 20 with Jane Smith; trend cooling'
    );
  });
  it('covers quiet and empty contacts', () => {
    const a = summariseActivity([agg({ count90: 0, count365: 1, last: '2025-12-20' })]).get('c1');
    expect(activitySentence(a, today)).toBe(
      'Nothing in 90 days (1 meeting in 12 months), last Dec 20, 2025 with Jane Smith; trend steady'
    );
    expect(activitySentence(undefined, today)).toBe(
      'No logged meetings, calls or emails in the last 12 months.'
    );
  });
});

describe('cooling decision makers', () => {
  const dm = person('c1', { decisionRole: 'Decision Maker' });
  it('flags a decision maker with monthly contact before and none for more than 45 days', () => {
    const act = summariseActivity([agg({ count90: 0, count365: 10, last: '2026-09-15' })]);
    expect(coolingDecisionMakers([dm], act, today)).toEqual([
      {
        contactId: 'c1',
        days: 76,
        message: 'C1 is cooling fast: no meeting, call or email for 76 days after monthly contact before.'
      }
    ]);
    const report = analyseCoverage([dm], [], { today, activity: act });
    expect(report.issues.map((i) => i.code)).toContain('COOLING_DECISION_MAKER');
  });
  it('does not flag recent contact, rare contact before, or people who are not decision makers', () => {
    const recent = summariseActivity([agg({ count90: 1, count365: 11, last: '2026-11-01' })]);
    const rare = summariseActivity([agg({ count90: 0, count365: 4, last: '2026-06-01' })]);
    expect(coolingDecisionMakers([dm], recent, today)).toEqual([]);
    expect(coolingDecisionMakers([dm], rare, today)).toEqual([]);
    const quiet = summariseActivity([agg({ count90: 0, count365: 10, last: '2026-06-01' })]);
    expect(coolingDecisionMakers([person('c1')], quiet, today)).toEqual([]);
    expect(analyseCoverage([dm], [], { today }).issues.map((i) => i.code)).not.toContain(
      'COOLING_DECISION_MAKER'
    );
  });
});
