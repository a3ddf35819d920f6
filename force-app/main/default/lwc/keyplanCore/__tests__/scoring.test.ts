import fc from 'fast-check';
import {
  bantGaps,
  stagePosition,
  asDecimal,
  bantPoints,
  roundHalfAwayFromZero,
  bantScore,
  DEFAULT_SETTINGS,
  formatCurrency,
  formatDate,
  formatNumber,
  formatPercent,
  getSetting,
  relationshipScore,
  relationshipType,
  relationshipTypeOf,
  resolveSettings,
  SETTING_NAMES,
  tierOf,
  evidencedBantScore,
  isQualified,
  missingDimensions,
  roleEvidence,
  shownStatus,
  unverifiedDimensions,
  type BantEvidenceInput
} from 'c/keyplanCore';
import type { BantContactRole } from '@keyplan/contracts';

const status = fc.constantFrom('Unknown', 'Missing', 'Identified', 'Confirmed', null);
const today = new Date('2025-06-15T00:00:00Z');

describe('settings', () => {
  it('exposes every metadata record with its documented default', () => {
    expect(SETTING_NAMES).toHaveLength(24);
    expect(
      DEFAULT_SETTINGS.BANT_Weight_Budget +
        DEFAULT_SETTINGS.BANT_Weight_Authority +
        DEFAULT_SETTINGS.BANT_Weight_Need +
        DEFAULT_SETTINGS.BANT_Weight_Timing
    ).toBe(100);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  it('resolves metadata records over the defaults and reports unknown names', () => {
    const { settings, unknown } = resolveSettings([
      { DeveloperName: 'Heat_Warm', Value__c: 30 },
      { DeveloperName: 'Heat_Hott', Value__c: 1 },
      { DeveloperName: 'Heat_Hot', Value__c: null }
    ]);
    expect(settings.Heat_Warm).toBe(30);
    expect(settings.Heat_Hot).toBe(50);
    expect(unknown).toEqual(['Heat_Hott']);
    expect(resolveSettings({ Stale_Link_Days: 60 }).settings.Stale_Link_Days).toBe(60);
    expect(resolveSettings().settings).toEqual(DEFAULT_SETTINGS);
    expect(getSetting({ Heat_Warm: NaN }, 'Heat_Warm')).toBe(25);
    expect(getSetting(undefined, 'Tier_1_Min_Criteria')).toBe(4);
  });
});

describe('BANT score', () => {
  it('matches the formula round(sum(weight x points) / 100)', () => {
    expect(
      bantScore({
        budgetStatus: 'Confirmed',
        authorityStatus: 'Confirmed',
        needStatus: 'Confirmed',
        timingStatus: 'Confirmed'
      })
    ).toBe(100);
    expect(
      bantScore({
        budgetStatus: 'Confirmed',
        authorityStatus: 'Identified',
        needStatus: null,
        timingStatus: 'Unknown'
      })
    ).toBe(45);
    // 25 x 50 + 15 x 50 = 2000 -> 20; need Identified and timing Identified.
    expect(
      bantScore({
        budgetStatus: 'Missing',
        authorityStatus: 'Unknown',
        needStatus: 'Identified',
        timingStatus: 'Identified'
      })
    ).toBe(20);
    // 15 x 50 / 100 = 7.5 rounds half up to 8, like Salesforce ROUND.
    expect(
      bantScore({ budgetStatus: null, authorityStatus: null, needStatus: null, timingStatus: 'Identified' })
    ).toBe(8);
    expect(
      bantScore(
        { budgetStatus: 'Identified', authorityStatus: null, needStatus: null, timingStatus: null },
        { BANT_Points_Identified: 70 }
      )
    ).toBe(21);
    expect(bantPoints('Bogus')).toBe(0);
  });

  it('property: stays within 0-100 for any statuses and any weights summing to 100', () => {
    fc.assert(
      fc.property(
        status,
        status,
        status,
        status,
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
        (b, a, n, t, cuts) => {
          const [x, y, z] = [...cuts].sort((p, q) => p - q);
          const settings = {
            ...DEFAULT_SETTINGS,
            BANT_Weight_Budget: x,
            BANT_Weight_Authority: y - x,
            BANT_Weight_Need: z - y,
            BANT_Weight_Timing: 100 - z
          };
          const s = bantScore(
            { budgetStatus: b, authorityStatus: a, needStatus: n, timingStatus: t },
            settings
          );
          expect(Number.isInteger(s)).toBe(true);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
      )
    );
  });
});

describe('BANT gaps', () => {
  type Roles = BantContactRole[];
  const base: {
    name: string;
    stageName: string;
    probability: number;
    closeDate: string;
    budgetStatus: string | null;
    authorityStatus: string | null;
    needStatus: string | null;
    timingStatus: string | null;
    contactRoles: Roles;
    budgetEvidence?: string | null;
    needEvidence?: string | null;
    timingEvidence?: string | null;
  } = {
    name: 'Cloud deal',
    stageName: 'Needs Analysis',
    probability: 20,
    closeDate: '2025-12-01',
    budgetStatus: 'Identified',
    authorityStatus: 'Identified',
    needStatus: 'Identified',
    timingStatus: 'Identified',
    contactRoles: [
      {
        contactId: '003000000000001',
        name: 'Eve',
        role: 'Decision Maker',
        isPrimary: true,
        buyerRole: 'Economic Buyer',
        decisionRole: null,
        budgetOwned: null
      }
    ]
  };
  const codes = (o: Partial<typeof base> & { isClosed?: boolean }, opts = {}) =>
    bantGaps({ ...base, ...o }, { today, ...opts }).map((g) => g.code);

  it('is quiet for a healthy early opportunity and for closed ones', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ closeDate: '2020-01-01', isClosed: true })).toEqual([]);
  });

  it('flags a missing economic buyer or decision maker', () => {
    expect(codes({ contactRoles: [] })).toEqual(['NO_AUTHORITY_CONTACT']);
    expect(
      bantGaps({ ...base, contactRoles: [], stageName: 'Id. Decision Makers' }, { today })[0]
    ).toMatchObject({
      severity: 'error',
      dimension: 'authority'
    });
    expect(
      codes({ contactRoles: [{ ...base.contactRoles[0], buyerRole: null, decisionRole: 'Decision Maker' }] })
    ).toEqual([]);
  });

  it('flags unknown timing inside BANT_Timing_Window_Days of the close date', () => {
    expect(codes({ closeDate: '2025-07-10', timingStatus: 'Unknown' })).toEqual([
      'TIMING_UNKNOWN_CLOSE_SOON'
    ]);
    expect(codes({ closeDate: '2025-07-20', timingStatus: 'Unknown' })).toEqual([]);
    expect(
      codes({ closeDate: '2025-07-20', timingStatus: null }, { settings: { BANT_Timing_Window_Days: 40 } })
    ).toEqual(['TIMING_UNKNOWN_CLOSE_SOON']);
  });

  it('keys late-stage expectations to the stage position in the sales process, never the typed probability', () => {
    expect(codes({ stageName: 'Id. Decision Makers', budgetStatus: 'Unknown' })).toEqual([
      'BUDGET_UNCONFIRMED_LATE_STAGE'
    ]);
    // Issue 16 point 11: a rep typing 90% at Qualification does not make it late.
    expect(codes({ stageName: 'Qualification', probability: 90, budgetStatus: 'Unknown' })).toEqual([]);
    // The org's own process (OpportunityStage SortOrder): three open stages; the first is early, the
    // second late (budget), the last at proposal (need) too.
    const stages = ['Discover', 'Shape', 'Commit', 'Won'].map((name, i) => ({
      name,
      sortOrder: i,
      isActive: true,
      isClosed: name === 'Won'
    }));
    expect(codes({ stageName: 'Discover', budgetStatus: 'Unknown' }, { stages })).toEqual([]);
    expect(codes({ stageName: 'Shape', budgetStatus: 'Unknown' }, { stages })).toEqual([
      'BUDGET_UNCONFIRMED_LATE_STAGE'
    ]);
    expect(codes({ stageName: 'Commit', budgetStatus: 'Unknown' }, { stages })).toEqual([
      'BUDGET_UNCONFIRMED_LATE_STAGE',
      'NEED_NOT_CONFIRMED_AT_PROPOSAL'
    ]);
    expect(stagePosition('Commit', stages)).toBe(1);
  });

  it('makes every Missing status a red gap at any stage (Missing is known to be absent)', () => {
    const gaps = bantGaps({ ...base, budgetStatus: 'Missing', needStatus: 'Missing' }, { today });
    expect(gaps.map((g) => [g.code, g.severity])).toEqual([
      ['BUDGET_MISSING', 'error'],
      ['NEED_MISSING', 'error']
    ]);
    expect(codes({ budgetStatus: 'Unknown' })).toEqual([]);
  });

  it('flags an unconfirmed need at proposal and a close date in the past, errors first', () => {
    expect(codes({ stageName: 'Proposal/Price Quote', probability: 75 })).toEqual([
      'NEED_NOT_CONFIRMED_AT_PROPOSAL'
    ]);
    expect(
      codes({
        stageName: 'Proposal/Price Quote',
        probability: 75,
        needStatus: 'Confirmed',
        needEvidence: 'RFP'
      })
    ).toEqual([]);
    expect(
      codes({
        closeDate: '2025-06-01',
        needStatus: 'Confirmed',
        needEvidence: 'RFP',
        stageName: 'Negotiation/Review'
      })
    ).toEqual(['CLOSE_DATE_PASSED']);
    expect(
      bantGaps({ ...base, closeDate: '2025-06-01', contactRoles: [] }, { today }).map((g) => g.severity)
    ).toEqual(['error', 'warning']);
    expect(bantGaps({ ...base, closeDate: '2025-06-01' }, { today })[0].message).toMatch(
      /14 days in the past/
    );
  });

  it('makes a Confirmed without its evidence a gap with its next step', () => {
    const confirmed = {
      budgetStatus: 'Confirmed',
      authorityStatus: 'Confirmed',
      needStatus: 'Confirmed',
      timingStatus: 'Confirmed'
    };
    const gaps = bantGaps({ ...base, ...confirmed, contactRoles: [] }, { today });
    expect(gaps.map((g) => [g.code, g.action])).toEqual([
      ['AUTHORITY_UNVERIFIED', 'addContactRole'],
      ['BUDGET_UNVERIFIED', 'writeEvidence'],
      ['NEED_UNVERIFIED', 'writeEvidence'],
      ['TIMING_UNVERIFIED', 'writeEvidence']
    ]);
    // Evidence text for budget, need, timing and an economic buyer for authority: no gap left.
    expect(
      codes({
        ...confirmed,
        budgetEvidence: 'CFO, 3 May',
        needEvidence: 'Fleet grounded',
        timingEvidence: 'Board in June'
      })
    ).toEqual([]);
    // A contact role whose contact owns budget confirms budget without text; blank text is no evidence.
    const owner = { ...base.contactRoles[0], budgetOwned: 2_000_000 };
    expect(codes({ budgetStatus: 'Confirmed', contactRoles: [owner] })).toEqual([]);
    expect(codes({ budgetStatus: 'Confirmed', budgetEvidence: '  ' })).toEqual(['BUDGET_UNVERIFIED']);
    // Late in the process an unverified Confirmed is red.
    expect(
      bantGaps(
        { ...base, stageName: 'Id. Decision Makers', authorityStatus: 'Confirmed', contactRoles: [] },
        {
          today
        }
      ).map((g) => [g.code, g.severity])
    ).toEqual([['AUTHORITY_UNVERIFIED', 'error']]);
  });
});

describe('BANT evidence rules', () => {
  const o = (over: Partial<BantEvidenceInput> = {}): BantEvidenceInput => ({
    budgetStatus: 'Confirmed',
    authorityStatus: 'Confirmed',
    needStatus: 'Identified',
    timingStatus: 'Identified',
    budgetEvidence: 'CFO confirmed the envelope',
    needEvidence: null,
    timingEvidence: null,
    authorityRoles: 0,
    budgetOwnerRoles: 0,
    ...over
  });

  it('scores a Confirmed without evidence as Identified and shows it as "Confirmed, unverified"', () => {
    // The case: Authority Confirmed without a decision maker must not jump to Qualified.
    expect(unverifiedDimensions(o())).toEqual(['authority']);
    expect(shownStatus(o(), 'authority')).toBe('Confirmed, unverified');
    expect(shownStatus(o(), 'budget')).toBe('Confirmed');
    expect(evidencedBantScore(o())).toBe(bantScore({ ...o(), authorityStatus: 'Identified' }));
    expect(evidencedBantScore(o({ authorityRoles: 1 }))).toBe(bantScore(o()));
    expect(evidencedBantScore(o())).toBeLessThan(evidencedBantScore(o({ authorityRoles: 1 })));
  });

  it('counts authority and budget owners from the contact roles', () => {
    expect(
      roleEvidence([
        { buyerRole: 'Economic Buyer', decisionRole: null, budgetOwned: null },
        { buyerRole: null, decisionRole: 'Decision Maker', budgetOwned: 0 },
        { buyerRole: 'Coach', decisionRole: 'Influencer', budgetOwned: 5 }
      ])
    ).toEqual({ authorityRoles: 2, budgetOwnerRoles: 1 });
  });

  it('never qualifies a deal with a Missing dimension or an unverified Confirmed, whatever its score', () => {
    const statuses = { ...o({ authorityRoles: 1 }), timingStatus: 'Missing' };
    expect(isQualified(90, statuses, 50)).toBe(false);
    expect(missingDimensions(statuses)).toEqual(['timing']);
    // The case: Authority Confirmed without an economic buyer or decision maker.
    expect(isQualified(90, o(), 50)).toBe(false);
    expect(isQualified(90, o({ authorityRoles: 1 }), 50)).toBe(true);
    expect(isQualified(49, o({ authorityRoles: 1 }), 50)).toBe(false);
  });
});

describe('relationship type and tier', () => {
  const scores = (v: number | null) => ({
    scoreExecutiveAccess: v,
    scoreShareOfWallet: v,
    scoreStrategicAlignment: v,
    scoreCoInnovation: v,
    scoreTenure: v
  });

  it('weighs the attributes and bands the total', () => {
    expect(relationshipScore(scores(3))).toBe(3);
    expect(relationshipType(scores(4))).toEqual({ score: 4, type: 'Strategic' });
    expect(relationshipType({ ...scores(1), scoreExecutiveAccess: 5, scoreStrategicAlignment: 5 })).toEqual({
      score: 3,
      type: 'Interdependent'
    });
    expect(relationshipType(scores(null))).toEqual({ score: null, type: '' });
    expect(
      relationshipType({ ...scores(null), scoreExecutiveAccess: 5, scoreStrategicAlignment: 3 })
    ).toEqual({ score: 4, type: 'Strategic' });
    expect(relationshipTypeOf(null)).toBe('');
    expect([1.99, 2, 3, 4].map((s) => relationshipTypeOf(s))).toEqual([
      'Tactical',
      'Cooperative',
      'Interdependent',
      'Strategic'
    ]);
    expect(relationshipTypeOf(3.5, { RelType_Band_Strategic: 3.5 })).toBe('Strategic');
  });

  it('property: scores 1-5 give a weighted score within 1-5', () => {
    const s15 = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(s15, s15, s15, s15, s15, (a, b, c, d, e) => {
        const s = relationshipScore({
          scoreExecutiveAccess: a,
          scoreShareOfWallet: b,
          scoreStrategicAlignment: c,
          scoreCoInnovation: d,
          scoreTenure: e
        });
        expect(s).toBeGreaterThanOrEqual(1);
        expect(s).toBeLessThanOrEqual(5);
      })
    );
  });

  it('tiers by criteria met', () => {
    expect(
      tierOf({
        criterionRevenuePotential: true,
        criterionStrategicFit: true,
        criterionGrowthPotential: true,
        criterionReferenceValue: true
      })
    ).toEqual({ met: 4, tier: '1' });
    expect(
      tierOf({ criterionRevenuePotential: true, criterionExecutiveAccess: true, criterionStrategicFit: null })
    ).toEqual({ met: 2, tier: '2' });
    expect(tierOf({})).toEqual({ met: 0, tier: '3' });
    expect(tierOf({ criterionRevenuePotential: true }, { Tier_2_Min_Criteria: 1 }).tier).toBe('2');
  });
});

describe('format', () => {
  it('formats currency, numbers, percentages and dates for a locale', () => {
    expect(formatCurrency(1234567.8, 'USD', { locale: 'en-US' })).toBe('$1,234,568');
    expect(formatCurrency(1234567.8, 'EUR', { locale: 'de-DE' })).toBe('1.234.568\u00a0€');
    expect(formatCurrency(1_250_000, 'USD', { locale: 'en-US', compact: true })).toBe('$1.3M');
    expect(formatCurrency(null, 'USD')).toBe('');
  });

  it('keeps compact money short: a decimal only where it is not zero', () => {
    const c = (n: number, code = 'USD', locale = 'en-US'): string =>
      formatCurrency(n, code, { locale, compact: true });
    expect(c(850_000)).toBe('$850K');
    expect(c(6_000_000)).toBe('$6M');
    expect(c(1_200_000)).toBe('$1.2M');
    expect(c(18_200_000)).toBe('$18.2M');
    expect(c(999_999)).toBe('$1M');
    expect(c(420)).toBe('$420');
    expect(c(0)).toBe('$0');
    expect(c(-420_000)).toBe('-$420K');
    expect(c(6_000_000, 'EUR', 'de-DE')).toBe('6\u00a0Mio.\u00a0€');
    expect(c(1_250_000, 'EUR', 'de-DE')).toBe('1,3\u00a0Mio.\u00a0€');
    expect(c(Infinity)).toBe('');
    expect(formatCurrency(1999.5, 'USD', { locale: 'en-US' })).toBe('$2,000');
  });

  it('formats numbers, percentages and dates for a locale', () => {
    expect(formatNumber(1234.567, { locale: 'en-US' })).toBe('1,234.57');
    expect(formatNumber(12345, { locale: 'en-US', compact: true })).toBe('12.3K');
    expect(formatNumber(NaN)).toBe('');
    expect(formatPercent(0.425, { locale: 'en-US' })).toBe('43%');
    expect(formatPercent(undefined)).toBe('');
    expect(formatDate('2025-01-01', { locale: 'en-US' })).toBe('Jan 1, 2025');
    expect(formatDate('2025-01-01', { locale: 'de-DE', style: 'short' })).toBe('01.01.25');
    expect(formatDate('2025-01-01T15:30:00Z', { locale: 'en-US', timeZone: 'UTC' })).toMatch(
      /Jan 1, 2025.*3:30/
    );
    expect(formatDate('not a date')).toBe('');
    expect(formatDate(null)).toBe('');
  });
});

describe('formula rounding and odd statuses', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(-0.4)).toBe(0);
    expect(roundHalfAwayFromZero(0)).toBe(0);
    expect(roundHalfAwayFromZero(Number.NaN)).toBeNaN();
    expect(asDecimal(0.1 + 0.2)).toBe(0.3);
    expect(asDecimal(Infinity)).toBe(Infinity);
  });
  it('gives a status the formula does not know the Unknown points', () => {
    expect(bantPoints('constructor')).toBe(0);
    expect(bantPoints('Identified', { BANT_Points_Identified: 60 })).toBe(60);
    expect(
      bantScore(
        { budgetStatus: 'Identified', authorityStatus: null, needStatus: null, timingStatus: null },
        { BANT_Weight_Budget: 33.3 }
      )
    ).toBe(17);
  });
});
