/**
 * The scenario table (test/scenarios/*.json): tricky accounts as input records plus the figures
 * docs/DEFINITIONS.md says they must give. One loader and one checker for every runner: the core
 * tests (jest, force-app/.../keyplanCore/__tests__/scenarios.test.ts), the local-twin tests and the
 * CLI tests (test/scenarios/scenarios.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  LandscapeCellDto,
  MatrixBuyingCenter,
  MatrixOffering,
  MatrixOpportunity,
  OrgFigureSettings,
  WonHistoryDto
} from '../../src/contracts';
import { fiscalYearOf, type YearFigures } from '../../force-app/main/default/lwc/keyplanCore/figures';
import type { WhitespaceMatrix } from '../../force-app/main/default/lwc/keyplanCore/matrix';

export interface ScenarioOpportunity {
  key: string;
  stage: string;
  amount: number | null;
  probability?: number;
  closeDate: string;
  buyingCenter?: string;
  offering?: string;
  growthType?: 'Mining' | 'Farming';
  currency?: string;
  budget?: string;
  authority?: string;
  need?: string;
  timing?: string;
  budgetEvidence?: string;
  needEvidence?: string;
  timingEvidence?: string;
  /** Contact keys (scenario contacts) with a contact role on the deal. */
  contactRoles?: string[];
}

export interface ScenarioContact {
  key: string;
  name: string;
  buyingCenter?: string;
  buyerRole?: 'Economic Buyer' | 'User Buyer' | 'Technical Buyer' | 'Coach';
  decisionRole?: 'Decision Maker' | 'Influencer' | 'Gatekeeper' | 'User';
  budgetOwned?: number;
}

export interface ExpectedYear {
  won: number;
  pipeline: number;
  weightedPipeline: number;
  whitespacePotential: number;
  competitivePotential: number;
  mining: { won: number; pipeline: number };
  farming: { won: number; pipeline: number };
}

export interface Scenario {
  name: string;
  description: string;
  org: OrgFigureSettings;
  today: string;
  buyingCenters: { key: string; name: string; parent: string | null; active: boolean; sortOrder: number }[];
  offerings: { key: string; name: string; active: boolean; sortOrder: number }[];
  cells: {
    buyingCenter: string;
    offering: string;
    fiscalYear: number;
    state: string | null;
    competitor?: string;
    potential: number | null;
  }[];
  opportunities: ScenarioOpportunity[];
  contacts?: ScenarioContact[];
  expected: {
    fiscalYears: Record<string, number>;
    currencyCode?: string;
    years: Record<string, ExpectedYear>;
    matrix: Record<
      string,
      {
        columns: string[];
        rows: string[];
        cells: Record<string, string>;
        unmapped: { won: number; pipeline: number };
        /** Row totals with sub-centers (own + children), by buying center key. */
        rolled?: Record<string, { won: number; pipeline: number; potential: number; competitive: number }>;
      }
    >;
    gaps: Record<string, string[]>;
    /** BANT score (formula / evidencedBantScore) and Qualified (isQualified, threshold 50) by deal key. */
    bant?: Record<string, { score: number; qualified: boolean }>;
  };
}

/** The threshold the scenario table's "qualified" uses (the panel's default). */
export const SCENARIO_BANT_THRESHOLD = 50;

/** A scenario deal as the BANT rules read it: statuses, evidence texts, its contact roles' contacts. */
export function scenarioBant(
  s: Scenario,
  o: ScenarioOpportunity
): {
  budgetStatus: string | null;
  authorityStatus: string | null;
  needStatus: string | null;
  timingStatus: string | null;
  budgetEvidence: string | null;
  needEvidence: string | null;
  timingEvidence: string | null;
  contactRoles: { buyerRole: string | null; decisionRole: string | null; budgetOwned: number | null }[];
} {
  return {
    budgetStatus: o.budget ?? null,
    authorityStatus: o.authority ?? null,
    needStatus: o.need ?? null,
    timingStatus: o.timing ?? null,
    budgetEvidence: o.budgetEvidence ?? null,
    needEvidence: o.needEvidence ?? null,
    timingEvidence: o.timingEvidence ?? null,
    contactRoles: (o.contactRoles ?? []).map((k) => {
      const c = (s.contacts ?? []).find((x) => x.key === k);
      if (!c) throw new Error(`${s.name} ${o.key}: no contact ${k}`);
      return {
        buyerRole: c.buyerRole ?? null,
        decisionRole: c.decisionRole ?? null,
        budgetOwned: c.budgetOwned ?? null
      };
    })
  };
}

export const SCENARIO_DIR = __dirname;

/** Every scenario file, by name order. */
export function loadScenarios(dir = SCENARIO_DIR): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Scenario);
}

/** Closed stages of the standard sales process (the scenarios use it). */
export const CLOSED: Record<string, { isWon: boolean }> = {
  'Closed Won': { isWon: true },
  'Closed Lost': { isWon: false }
};

/** A stable 18-character id per key, so DTOs pass the contracts. */
export function fakeId(prefix: string, key: string): string {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `${prefix}${h.toString(36).padStart(12, '0').slice(-12)}AAA`.slice(0, 18);
}

/**
 * The DTOs Apex would send for the scenario, built in memory for the core runner: the platform's
 * FiscalYear from the org setting, the won history over every won mapped deal.
 */
export function scenarioDtos(s: Scenario): {
  buyingCenters: MatrixBuyingCenter[];
  offerings: MatrixOffering[];
  cells: LandscapeCellDto[];
  opportunities: MatrixOpportunity[];
  wonHistory: WonHistoryDto[];
  ids: Map<string, string>;
} {
  const ids = new Map<string, string>();
  const bc = (k: string): string => ids.get(`bc:${k}`) ?? fakeId('a0B', `bc:${k}`);
  const off = (k: string): string => ids.get(`off:${k}`) ?? fakeId('a0A', `off:${k}`);
  for (const b of s.buyingCenters) ids.set(`bc:${b.key}`, fakeId('a0B', `bc:${b.key}`));
  for (const o of s.offerings) ids.set(`off:${o.key}`, fakeId('a0A', `off:${o.key}`));
  const namedBy = s.org.fiscalYearNamedByStart ? 'start' : 'end';
  const opportunities: MatrixOpportunity[] = s.opportunities.map((o) => {
    const id = fakeId('006', o.key);
    ids.set(o.key, id);
    const closed = CLOSED[o.stage];
    return {
      id,
      name: o.key,
      amount: o.amount,
      probability: o.probability ?? (closed ? (closed.isWon ? 100 : 0) : null),
      stageName: o.stage,
      isClosed: !!closed,
      isWon: closed?.isWon ?? false,
      closeDate: o.closeDate,
      buyingCenterId: o.buyingCenter ? bc(o.buyingCenter) : null,
      offeringId: o.offering ? off(o.offering) : null,
      growthType: o.growthType ?? null,
      fiscalYear: fiscalYearOf(o.closeDate, s.org.fiscalYearStartMonth, namedBy),
      currencyIsoCode: s.org.conversionRates.length ? (o.currency ?? s.org.currencyCode) : null,
      lastModified: '2026-01-01T00:00:00.000Z'
    };
  });
  const first = new Map<string, WonHistoryDto>();
  for (const o of opportunities)
    if (o.isWon && o.buyingCenterId && o.offeringId) {
      const k = `${o.buyingCenterId}|${o.offeringId}`;
      const had = first.get(k);
      if (!had || o.closeDate < had.firstWonDate)
        first.set(k, {
          buyingCenterId: o.buyingCenterId,
          offeringId: o.offeringId,
          firstWonDate: o.closeDate
        });
    }
  return {
    buyingCenters: s.buyingCenters.map((b) => ({
      id: bc(b.key),
      name: b.name,
      parentId: b.parent ? bc(b.parent) : null,
      walletSize: null,
      salesGoal: null,
      active: b.active,
      sortOrder: b.sortOrder
    })),
    offerings: s.offerings.map((o) => ({
      id: off(o.key),
      name: o.name,
      family: null,
      sortOrder: o.sortOrder,
      active: o.active
    })),
    cells: s.cells.map((c, i) => ({
      id: fakeId('a0C', `cell:${i}`),
      buyingCenterId: bc(c.buyingCenter),
      offeringId: off(c.offering),
      fiscalYear: c.fiscalYear,
      state: (c.state ?? 'Unassessed') as LandscapeCellDto['state'],
      competitor: c.competitor ?? null,
      potential: c.potential,
      lastModified: '2026-01-01T00:00:00.000Z'
    })),
    opportunities,
    wonHistory: [...first.values()],
    ids
  };
}

/** Differences between the figures of a year and the scenario's expectation ([] when they agree). */
export function diffYear(
  s: Scenario,
  fy: string,
  got: Omit<YearFigures, 'fiscalYear' | 'currencyCode'>
): string[] {
  const want = s.expected.years[fy];
  const out: string[] = [];
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;
  for (const k of [
    'won',
    'pipeline',
    'weightedPipeline',
    'whitespacePotential',
    'competitivePotential'
  ] as const)
    if (!near(got[k], want[k])) out.push(`${s.name} FY${fy} ${k}: expected ${want[k]}, got ${got[k]}`);
  for (const g of ['mining', 'farming'] as const)
    for (const k of ['won', 'pipeline'] as const)
      if (!near(got[g][k], want[g][k]))
        out.push(`${s.name} FY${fy} ${g}.${k}: expected ${want[g][k]}, got ${got[g][k]}`);
  return out;
}

/** Differences between a built matrix (its year `fy`) and the scenario's expectation. */
export function diffMatrix(
  s: Scenario,
  fy: string,
  matrix: WhitespaceMatrix,
  keyOf: (id: string) => string
): string[] {
  const want = s.expected.matrix[fy];
  if (!want) return [];
  const out: string[] = [];
  const cols = matrix.columns.map((c) => keyOf(c.id));
  const rows = matrix.rows.map((r) => keyOf(r.buyingCenter.id));
  if (cols.join() !== want.columns.join())
    out.push(`${s.name} FY${fy} columns: expected ${want.columns}, got ${cols}`);
  if (rows.join() !== want.rows.join())
    out.push(`${s.name} FY${fy} rows: expected ${want.rows}, got ${rows}`);
  const year = matrix.years.find((y) => String(y.fiscalYear) === fy);
  if (!year) return [...out, `${s.name}: no FY${fy} in the matrix`];
  for (const [key, status] of Object.entries(want.cells)) {
    const [b, o] = key.split('|');
    const r = rows.indexOf(b);
    const k = cols.indexOf(o);
    const got = r >= 0 && k >= 0 ? year.cells[r * cols.length + k].status : 'not shown';
    if (got !== status) out.push(`${s.name} FY${fy} cell ${key}: expected ${status}, got ${got}`);
  }
  for (const [key, money] of Object.entries(want.rolled ?? {})) {
    const r = rows.indexOf(key);
    const got = r >= 0 ? year.rowTotals[r].rolled : null;
    if (!got || (['won', 'pipeline', 'potential', 'competitive'] as const).some((k) => got[k] !== money[k]))
      out.push(
        `${s.name} FY${fy} rolled ${key}: expected ${JSON.stringify(money)}, got ${JSON.stringify(got)}`
      );
  }
  if (year.unmapped.won !== want.unmapped.won || year.unmapped.pipeline !== want.unmapped.pipeline)
    out.push(
      `${s.name} FY${fy} unmapped: expected ${JSON.stringify(want.unmapped)}, got won ${year.unmapped.won} pipeline ${year.unmapped.pipeline}`
    );
  return out;
}
