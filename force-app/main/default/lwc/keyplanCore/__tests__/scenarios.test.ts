/**
 * The scenario table (test/scenarios/*.json) run by the domain core: the plan summary's
 * summariseYear, the matrix's buildMatrix and the BANT panel's bantGaps give the expected figures,
 * and the matrix's grand total equals summariseYear on every scenario and year.
 */
import {
  bantGaps,
  buildMatrix,
  currentFiscalYear,
  evidenceOf,
  evidencedBantScore,
  figureOptions,
  isQualified,
  summariseYear
} from 'c/keyplanCore';
import {
  diffMatrix,
  diffYear,
  loadScenarios,
  scenarioBant,
  scenarioDtos,
  SCENARIO_BANT_THRESHOLD,
  type Scenario
} from '../../../../../../test/scenarios/scenarios';

const scenarios = loadScenarios();

describe('scenario table (core)', () => {
  it('has the scenarios issue 16 asks for', () => {
    expect(scenarios.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'tricky-account',
        'april-fiscal-year',
        'april-named-by-start',
        'multi-currency',
        'bant-evidence'
      ])
    );
  });

  describe.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const dto = scenarioDtos(s);
    const options = figureOptions(s.org);
    const keyOf = (id: string): string =>
      [...dto.ids].find(([, v]) => v === id)?.[0].replace(/^(bc|off):/, '') ?? id;

    it('puts each deal in the fiscal year the org says', () => {
      for (const [key, fy] of Object.entries(s.expected.fiscalYears)) {
        const o = dto.opportunities.find((x) => x.name === key)!;
        expect([key, o.fiscalYear]).toEqual([key, fy]);
      }
    });

    it.each(Object.keys(s.expected.years))('summariseYear gives the figures of FY%s', (fy) => {
      const got = summariseYear({ ...dto, fiscalYear: Number(fy) }, options);
      expect(diffYear(s, fy, got)).toEqual([]);
      expect(got.currencyCode).toBe(s.expected.currencyCode ?? s.org.currencyCode);
    });

    it.each(Object.keys(s.expected.years))('buildMatrix agrees with summariseYear for FY%s', (fy) => {
      const year = Number(fy);
      const matrix = buildMatrix(
        { ...dto, fiscalYears: [year - 1, year], plan: null },
        { ...options, focusYear: year }
      );
      const y = matrix.years.find((x) => x.fiscalYear === year)!;
      const got = {
        won: y.grandTotal.won,
        pipeline: y.grandTotal.pipeline,
        weightedPipeline: buildMatrix(
          { ...dto, fiscalYears: [year - 1, year], plan: null },
          { ...options, focusYear: year, weighted: true }
        ).years.find((x) => x.fiscalYear === year)!.grandTotal.pipeline,
        whitespacePotential: y.grandTotal.potential,
        competitivePotential: y.grandTotal.competitive,
        mining: { won: y.mining.won, pipeline: y.mining.pipeline },
        farming: { won: y.farming.won, pipeline: y.farming.pipeline }
      };
      expect(diffYear(s, fy, got)).toEqual([]);
      expect(diffMatrix(s, fy, matrix, keyOf)).toEqual([]);
    });

    it('gives the BANT gaps the definitions ask for', () => {
      const today = new Date(`${s.today}T00:00:00Z`);
      for (const [key, codes] of Object.entries(s.expected.gaps)) {
        const o = s.opportunities.find((x) => x.key === key)!;
        const got = bantGaps(
          {
            name: key,
            stageName: o.stage,
            closeDate: o.closeDate,
            isClosed: o.stage.startsWith('Closed'),
            ...scenarioBant(s, o)
          },
          { today }
        ).map((g) => g.code);
        expect([key, got]).toEqual([key, codes]);
      }
    });

    it('gives the BANT score and Qualified the evidence rules ask for', () => {
      for (const [key, want] of Object.entries(s.expected.bant ?? {})) {
        const o = evidenceOf(
          scenarioBant(
            s,
            s.opportunities.find((x) => x.key === key)!
          )
        );
        const score = evidencedBantScore(o);
        expect([key, score, isQualified(score, o, SCENARIO_BANT_THRESHOLD)]).toEqual([
          key,
          want.score,
          want.qualified
        ]);
      }
    });
  });

  it("shows the org's current fiscal year when none is chosen", () => {
    const april = figureOptions({ fiscalYearStartMonth: 4, fiscalYearNamedByStart: false }).fiscalYear;
    expect(currentFiscalYear(april, new Date(2027, 1, 15))).toBe(2027);
    expect(currentFiscalYear(april, new Date(2026, 4, 15))).toBe(2027);
    expect(currentFiscalYear(april, new Date(2026, 2, 31))).toBe(2026);
    expect(currentFiscalYear(undefined, new Date(2026, 2, 31))).toBe(2026);
  });

  it('a wrong expectation fails: the checker is not blind', () => {
    const s = JSON.parse(JSON.stringify(scenarios.find((x) => x.name === 'tricky-account'))) as Scenario;
    s.expected.years['2026'].competitivePotential += 1;
    const dto = scenarioDtos(s);
    const got = summariseYear({ ...dto, fiscalYear: 2026 }, figureOptions(s.org));
    expect(diffYear(s, '2026', got)).toEqual([
      'tricky-account FY2026 competitivePotential: expected 200001, got 200000'
    ]);
  });
});
