/**
 * The formula fields are the source of truth for Relationship_Score__c, Relationship_Type__c, Tier__c
 * and Keyplan_BANT_Score__c. These tests run the formulas from force-app (with a small exact-decimal evaluator)
 * and the domain core's TypeScript over a table of cases and many generated ones, and demand the
 * same answer, blanks and rounding included.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { bantScore, evidencedBantScore } from '../../force-app/main/default/lwc/keyplanCore/bant';
import {
  relationshipScore,
  relationshipType,
  relationshipTypeOf,
  roundHalfAwayFromZero,
  tierOf,
  type AttributeScores
} from '../../force-app/main/default/lwc/keyplanCore/planScore';
import {
  DEFAULT_SETTINGS,
  type KeyplanSettings
} from '../../force-app/main/default/lwc/keyplanCore/settings';
import {
  customMetadataValues,
  evaluateField,
  evaluateFormula,
  FormulaError,
  parseFormula,
  roundRational,
  toNumber,
  toRational
} from './formulaEval';
import { expandFormula } from '../../scripts/checks/formulaSize';
import { MAIN } from '../../scripts/lib/paths';
import { findField, loadSchema } from '../../src/schema/loadSchema';

const RECORDS = customMetadataValues();
const RUNS = { numRuns: 400 };

const ATTRS: [keyof AttributeScores, string][] = [
  ['scoreExecutiveAccess', 'Score_Executive_Access__c'],
  ['scoreShareOfWallet', 'Score_Share_Of_Wallet__c'],
  ['scoreStrategicAlignment', 'Score_Strategic_Alignment__c'],
  ['scoreCoInnovation', 'Score_Co_Innovation__c'],
  ['scoreTenure', 'Score_Tenure__c']
];
const CRITERIA: [string, string][] = [
  ['criterionRevenuePotential', 'Criterion_Revenue_Potential__c'],
  ['criterionStrategicFit', 'Criterion_Strategic_Fit__c'],
  ['criterionGrowthPotential', 'Criterion_Growth_Potential__c'],
  ['criterionReferenceValue', 'Criterion_Reference_Value__c'],
  ['criterionExecutiveAccess', 'Criterion_Executive_Access__c']
];

function planRecord(
  scores: AttributeScores,
  criteria: Record<string, boolean | null> = {}
): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  for (const [k, f] of ATTRS) rec[f] = scores[k];
  for (const [k, f] of CRITERIA) rec[f] = criteria[k] ?? null;
  return rec;
}
const scoresOf = (v: (number | null)[]): AttributeScores =>
  Object.fromEntries(ATTRS.map(([k], i) => [k, v[i]])) as unknown as AttributeScores;

/**
 * Where the tuned values live: 'records' edits the packaged Keyplan_Setting__mdt values (what a fresh
 * install ships), 'overrides' leaves them and fills the org's Keyplan_Tuning__c fields ($Setup), the
 * way an admin tunes Keyplan. Both must give the core's answer with the same numbers.
 */
type Via = 'records' | 'overrides';
/** The formula's view of the settings for `over`, put where `via` says. */
function formulaContext(
  over: Partial<KeyplanSettings>,
  via: Via
): { settings: Record<string, number | null>; overrides: Record<string, number | null> } {
  return via === 'records'
    ? { settings: { ...RECORDS, ...over }, overrides: {} }
    : { settings: RECORDS, overrides: { ...over } };
}
const VIA = fc.constantFrom<Via>('records', 'overrides');

function checkRelationship(
  scores: AttributeScores,
  over: Partial<KeyplanSettings> = {},
  via: Via = 'overrides'
): void {
  const ctx = { record: planRecord(scores), ...formulaContext(over, via) };
  const formulaScore = evaluateField('Account_Plan__c', 'Relationship_Score__c', ctx);
  const formulaType = evaluateField('Account_Plan__c', 'Relationship_Type__c', ctx);
  const ts = relationshipType(scores, { ...DEFAULT_SETTINGS, ...over });
  const where = `scores ${JSON.stringify(scores)} settings ${JSON.stringify(over)} via ${via}`;
  assert.equal(
    relationshipScore(scores, { ...DEFAULT_SETTINGS, ...over }),
    formulaScore,
    `Relationship_Score__c for ${where}`
  );
  assert.equal(ts.score, formulaScore, `relationshipType().score for ${where}`);
  // The type formula looks the score up in a string covering 0.00-5.00 (docs/SETTINGS.md): every score
  // valid attributes (1-5) and non-negative weights can give. Below zero it reads blank.
  if (ts.score === null || (ts.score >= 0 && ts.score <= 5))
    assert.equal(ts.type, formulaType, `Relationship_Type__c for ${where}`);
  else if (ts.score < 0) assert.equal(formulaType, '', `Relationship_Type__c for ${where}`);
}

describe('the formula evaluator', () => {
  const ev = (src: string, record: Record<string, unknown> = {}) =>
    evaluateFormula(src, { objectName: 'Account_Plan__c', record });
  test('rounds exactly, half away from zero', () => {
    assert.equal(toNumber(roundRational(toRational('2.675'), 2)), 2.68);
    assert.equal(toNumber(roundRational(toRational('-2.5'), 0)), -3);
    assert.equal(toNumber(roundRational(toRational('2.4999'), 0)), 2);
    assert.equal(ev('ROUND(2.675, 2)'), 2.68);
    assert.equal(ev('ROUND(-7 / 2, 0)'), -4);
    assert.equal(ev('IF(1 + 2 * 3 = 7, "yes", "no") & "!"'), 'yes!');
    assert.equal(ev('CASE("b", "a", 1, "b", 2, 3) + BLANKVALUE(NULL, 10)'), 12);
    assert.equal(ev('IF(ISBLANK(Score_Tenure__c), 0, Score_Tenure__c * 2)', { Score_Tenure__c: 4 }), 8);
    assert.equal(ev('Score_Tenure__c + 1', {}), null); // BlankAsBlank: blank in, blank out
    assert.equal(ev('AND(NOT(FALSE), OR(FALSE, 2 >= 2), 1 <> 2)'), true);
  });
  test('rejects what it does not understand, with the reason', () => {
    assert.throws(() => parseFormula('IF(1, 2'), FormulaError);
    assert.throws(() => parseFormula('1 # 2'), /unexpected character/);
    assert.throws(
      () => evaluateField('Account_Plan__c', 'Score_Tenure__c', { record: {} }),
      /not a formula field/
    );
  });
  test('reads the settings from the customMetadata records', () => {
    for (const [name, value] of Object.entries(DEFAULT_SETTINGS)) assert.equal(RECORDS[name], value, name);
  });
});

describe('Relationship_Score__c and Relationship_Type__c', () => {
  test('a table of cases, blank and rounding included', () => {
    const table: [(number | null)[], number | null, string][] = [
      [[null, null, null, null, null], null, ''],
      [[3, 3, 3, 3, 3], 3, 'Interdependent'],
      [[5, null, 3, null, null], 4, 'Strategic'], // (25*5 + 25*3) / 50: blanks neither help nor hurt
      [[1, null, null, 2, null], 1.38, 'Tactical'], // 55 / 40 = 1.375 -> half away from zero
      [[null, 2, null, null, null], 2, 'Cooperative'],
      [[1, 1, 1, 1, 2], 1.15, 'Tactical'],
      [[4, 4, 4, 4, 3], 3.85, 'Interdependent'],
      [[2, null, 1, 3, 4], 2.25, 'Cooperative'], // 180 / 80
      [[2, 5, null, 4, null], 3.5, 'Interdependent'] // 210 / 60
    ];
    for (const [values, score, type] of table) {
      const s = scoresOf(values);
      assert.equal(relationshipScore(s), score, JSON.stringify(values));
      assert.equal(relationshipType(s).type, type, JSON.stringify(values));
      checkRelationship(s);
    }
  });

  test('zero or negative weight sums are blank, as the formula says', () => {
    const zero = { RelType_Weight_Executive_Access: 0, RelType_Weight_Share_Of_Wallet: 0 };
    checkRelationship(scoresOf([5, 4, null, null, null]), zero);
    assert.equal(
      relationshipScore(scoresOf([5, 4, null, null, null]), { ...DEFAULT_SETTINGS, ...zero }),
      null
    );
    checkRelationship(scoresOf([5, 4, null, null, null]), { RelType_Weight_Executive_Access: -30 });
  });

  test('property: TypeScript equals the formula for any scores and weights', () => {
    const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 3 });
    const wideScore = fc.option(fc.integer({ min: -9, max: 9 }), { nil: null });
    const weight = fc.oneof(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100)
    );
    const band = fc.integer({ min: 0, max: 500 }).map((x) => x / 100);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(score, wideScore), { minLength: 5, maxLength: 5 }),
        fc.array(weight, { minLength: 5, maxLength: 5 }),
        fc.array(band, { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        VIA,
        (values, w, b, defaults, via) => {
          const over: Partial<KeyplanSettings> = defaults
            ? {}
            : {
                RelType_Weight_Executive_Access: w[0],
                RelType_Weight_Share_Of_Wallet: w[1],
                RelType_Weight_Strategic_Alignment: w[2],
                RelType_Weight_Co_Innovation: w[3],
                RelType_Weight_Tenure: w[4],
                RelType_Band_Cooperative: b[0],
                RelType_Band_Interdependent: b[1],
                RelType_Band_Strategic: b[2]
              };
          checkRelationship(scoresOf(values), over, via);
        }
      ),
      RUNS
    );
  });

  test('every one of the 7,776 default-weight combinations of blank and 1-5', () => {
    const options = [null, 1, 2, 3, 4, 5];
    let n = 0;
    for (let i = 0; i < 6 ** 5; i++) {
      const values = [0, 1, 2, 3, 4].map((k) => options[Math.floor(i / 6 ** k) % 6]);
      checkRelationship(scoresOf(values));
      n++;
    }
    assert.equal(n, 7776);
    assert.equal(relationshipTypeOf(null), '');
  });
});

describe('Tier__c', () => {
  test('property: TypeScript equals the formula for any criteria and thresholds', () => {
    const tick = fc.constantFrom(true, false, null);
    fc.assert(
      fc.property(
        fc.array(tick, { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        VIA,
        (ticks, t1, t2, defaults, via) => {
          const over: Partial<KeyplanSettings> = defaults
            ? {}
            : { Tier_1_Min_Criteria: t1, Tier_2_Min_Criteria: t2 };
          const criteria = Object.fromEntries(CRITERIA.map(([k], i) => [k, ticks[i]]));
          const formula = evaluateField('Account_Plan__c', 'Tier__c', {
            record: planRecord(scoresOf([null, null, null, null, null]), criteria),
            ...formulaContext(over, via)
          });
          assert.equal(
            tierOf(criteria, { ...DEFAULT_SETTINGS, ...over }).tier,
            formula,
            `${JSON.stringify(criteria)} ${JSON.stringify(over)} via ${via}`
          );
        }
      ),
      RUNS
    );
    assert.equal(tierOf({ criterionRevenuePotential: true, criterionStrategicFit: true }).tier, '2');
  });
});

describe('Keyplan_BANT_Score__c', () => {
  const STATUSES = ['Confirmed', 'Identified', 'Missing', 'Unknown', null, 'Other', 'constructor'] as const;
  /** The evidence a Confirmed needs: budget text, authority roles, need text, timing text, budget owners. */
  type Evidence = [string | null, number, string | null, string | null, number];
  const ALL: Evidence = ['CFO said so', 1, 'Fleet grounded', 'Q3 board', 0];
  const check = (
    st: (string | null)[],
    over: Partial<KeyplanSettings> = {},
    via: Via = 'overrides',
    ev: Evidence = ALL
  ): void => {
    const rec = {
      Keyplan_Budget_Status__c: st[0],
      Keyplan_Authority_Status__c: st[1],
      Keyplan_Need_Status__c: st[2],
      Keyplan_Timing_Status__c: st[3],
      Keyplan_Budget_Evidence__c: ev[0],
      Keyplan_Authority_Roles__c: ev[1],
      Keyplan_Need_Evidence__c: ev[2],
      Keyplan_Timing_Evidence__c: ev[3],
      Keyplan_Budget_Owner_Roles__c: ev[4]
    };
    const formula = evaluateField('Opportunity', 'Keyplan_BANT_Score__c', {
      record: rec,
      ...formulaContext(over, via)
    });
    const ts = evidencedBantScore(
      {
        budgetStatus: st[0],
        authorityStatus: st[1],
        needStatus: st[2],
        timingStatus: st[3],
        budgetEvidence: ev[0],
        authorityRoles: ev[1],
        needEvidence: ev[2],
        timingEvidence: ev[3],
        budgetOwnerRoles: ev[4]
      },
      { ...DEFAULT_SETTINGS, ...over }
    );
    assert.equal(
      ts,
      formula,
      `${JSON.stringify(st)} ${JSON.stringify(over)} ${JSON.stringify(ev)} via ${via}`
    );
  };

  test('a Confirmed without its evidence scores as Identified, in the formula as in the core', () => {
    const confirmed = ['Confirmed', 'Confirmed', 'Confirmed', 'Confirmed'];
    check(confirmed, {}, 'overrides', ALL); // 100
    check(confirmed, {}, 'overrides', [null, 0, null, null, 0]); // 50
    check(confirmed, {}, 'overrides', ['  ', 0, ' ', '', 0]); // blank text is no evidence: 50
    check(confirmed, {}, 'overrides', [null, 0, 'x', 'y', 2]); // a budget owner confirms budget
    const rec = (roles: number) => ({
      Keyplan_Authority_Status__c: 'Confirmed',
      Keyplan_Authority_Roles__c: roles
    });
    const score = (roles: number) =>
      evaluateField('Opportunity', 'Keyplan_BANT_Score__c', {
        record: rec(roles),
        ...formulaContext({}, 'overrides')
      });
    assert.equal(score(0), 15, 'Authority Confirmed without an economic buyer: Identified points');
    assert.equal(score(1), 30, 'with one: Confirmed points');
  });

  test('a table of cases', () => {
    check(['Confirmed', 'Identified', null, 'Unknown']); // 45
    check(['Identified', null, null, null], { BANT_Weight_Budget: 33.3 }); // 16.65 -> 17, not 16.64999...
    check(['Identified', 'Identified', 'Identified', 'Identified'], {
      BANT_Weight_Budget: 1,
      BANT_Weight_Authority: 0,
      BANT_Weight_Need: 0,
      BANT_Weight_Timing: 0
    }); // 0.5 -> 1
    check(['Missing', null, null, null], { BANT_Points_Missing: -50, BANT_Weight_Budget: 1 }); // -0.5 -> -1
    assert.equal(
      bantScore(
        { budgetStatus: 'Identified', authorityStatus: null, needStatus: null, timingStatus: null },
        { BANT_Weight_Budget: 33.3 }
      ),
      17
    );
  });

  test('property: TypeScript equals the formula for any statuses, weights and points', () => {
    const status = fc.constantFrom(...STATUSES);
    const dec = (max: number) =>
      fc.oneof(
        fc.integer({ min: 0, max }),
        fc.integer({ min: -max * 10, max: max * 100 }).map((x) => x / 100)
      );
    fc.assert(
      fc.property(
        fc.array(status, { minLength: 4, maxLength: 4 }),
        fc.array(dec(100), { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        VIA,
        fc.tuple(
          fc.constantFrom(null, '', ' ', 'CFO'),
          fc.integer({ min: 0, max: 2 }),
          fc.constantFrom(null, '', 'need'),
          fc.constantFrom(null, ' ', 'Q3'),
          fc.integer({ min: 0, max: 2 })
        ),
        (st, v, defaults, via, ev) => {
          const over: Partial<KeyplanSettings> = defaults
            ? {}
            : {
                BANT_Weight_Budget: v[0],
                BANT_Weight_Authority: v[1],
                BANT_Weight_Need: v[2],
                BANT_Weight_Timing: v[3],
                BANT_Points_Confirmed: v[4],
                BANT_Points_Identified: v[5],
                BANT_Points_Missing: v[6],
                BANT_Points_Unknown: v[7]
              };
          check([...st], over, via, ev);
        }
      ),
      RUNS
    );
  });
});

test('roundHalfAwayFromZero agrees with exact decimal rounding', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -10_000_000, max: 10_000_000 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 3 }),
      (n, places, digits) => {
        const x = n / 10 ** places;
        assert.equal(
          roundHalfAwayFromZero(x, digits),
          toNumber(roundRational(toRational(x), digits)),
          `${x} to ${digits}`
        );
      }
    ),
    { numRuns: 2000 }
  );
});

describe('the org overrides ($Setup.Keyplan_Tuning__c) over the packaged records', () => {
  const opp = {
    Keyplan_Budget_Status__c: 'Confirmed',
    Keyplan_Budget_Evidence__c: 'The CFO confirmed it',
    Keyplan_Authority_Status__c: null,
    Keyplan_Need_Status__c: null,
    Keyplan_Timing_Status__c: null
  };
  const bant = (settings: Record<string, number | null>, overrides: Record<string, number | null>) =>
    evaluateField('Opportunity', 'Keyplan_BANT_Score__c', { record: opp, settings, overrides });

  test('an override beats the record, a blank one falls back to it, and fills a blank record', () => {
    assert.equal(bant(RECORDS, {}), 30); // 30 * 100 / 100
    assert.equal(bant(RECORDS, { BANT_Weight_Budget: 45 }), 45);
    assert.equal(bant(RECORDS, { BANT_Weight_Budget: null }), 30);
    assert.equal(bant({ ...RECORDS, BANT_Weight_Budget: 60 }, { BANT_Weight_Budget: 45 }), 45);
    assert.equal(bant({ ...RECORDS, BANT_Weight_Budget: null }, {}), null, 'blank everywhere: blank score');
    assert.equal(bant({ ...RECORDS, BANT_Weight_Budget: null }, { BANT_Weight_Budget: 20 }), 20);
    assert.equal(bant(RECORDS, { BANT_Points_Confirmed: 0 }), 0, 'zero is a value, not a blank');
  });

  test('every setting a formula reads goes through BLANKVALUE($Setup..., $CustomMetadata...)', () => {
    const schema = loadSchema(MAIN);
    for (const [objectName, field] of FORMULA_FIELDS) {
      const src = expandFormula(schema, objectName, findField(schema, objectName, field)!.formula!);
      const cmdt = [...src.matchAll(/\$CustomMetadata\.Keyplan_Setting__mdt\.(\w+)\.Value__c/g)];
      assert.ok(cmdt.length > 0 || field === 'Relationship_Type__c', `${field} reads settings`);
      for (const m of cmdt)
        assert.ok(
          src.includes(`BLANKVALUE($Setup.Keyplan_Tuning__c.${m[1]}__c, ${m[0]})`),
          `${field}: ${m[1]} without its override`
        );
      const setup = [...src.matchAll(/\$Setup\.Keyplan_Tuning__c\.(\w+)__c/g)];
      assert.equal(setup.length, cmdt.length, `${field}: one override per default`);
    }
  });

  test('the relationship type with tuned bands, blank bands never reached', () => {
    const type = (scores: (number | null)[], overrides: Record<string, number | null>, settings = RECORDS) =>
      evaluateField('Account_Plan__c', 'Relationship_Type__c', {
        record: planRecord(scoresOf(scores)),
        settings,
        overrides
      });
    assert.equal(type([3, 3, 3, 3, 3], {}), 'Interdependent');
    assert.equal(type([3, 3, 3, 3, 3], { RelType_Band_Strategic: 3 }), 'Strategic');
    assert.equal(type([3, 3, 3, 3, 3], { RelType_Band_Interdependent: 3.01 }), 'Cooperative');
    assert.equal(type([5, 5, 5, 5, 5], { RelType_Band_Strategic: 5 }), 'Strategic');
    assert.equal(type([5, 5, 5, 5, 5], { RelType_Band_Strategic: 5.01 }), 'Interdependent');
    assert.equal(type([1, 1, 1, 1, 1], { RelType_Band_Cooperative: 0 }), 'Cooperative');
    assert.equal(type([1, 1, 1, 1, 1], { RelType_Band_Cooperative: -1 }), 'Cooperative');
    assert.equal(type([4, 4, 4, 4, 4], {}, { ...RECORDS, RelType_Band_Strategic: null }), 'Interdependent');
    assert.equal(type([null, null, null, null, null], { RelType_Band_Strategic: 0 }), '');
  });
});

/** The four formula fields that read settings. */
const FORMULA_FIELDS: [string, string][] = [
  ['Opportunity', 'Keyplan_BANT_Score__c'],
  ['Account_Plan__c', 'Relationship_Score__c'],
  ['Account_Plan__c', 'Relationship_Type__c'],
  ['Account_Plan__c', 'Tier__c']
];
