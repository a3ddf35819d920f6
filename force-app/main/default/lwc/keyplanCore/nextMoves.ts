/**
 * Next moves: where the account can grow this fiscal year, ranked by money crossed with relationships.
 * Every cell of the year with open whitespace or competitive potential (potentialOf) scores
 *
 *   score = potential x reach factor x risk factor
 *   reach factor = REACH_FLOOR + (1 - REACH_FLOOR) x reach, reach = mean team heat / 100 of the
 *                  buying center's key people (economic buyers and decision makers)
 *   risk factor  = 1 - min(RISK_CAP, DETRACTOR_RISK if an influential detractor sits there
 *                                    + INCUMBENT_RISK if a competitor is incumbent)
 *
 * and carries its reason in words and one action. Team heat is computeHeat over the links from our
 * users only (fromUserId set), so it is the same whether heat itself counts colleagues' links or not.
 * docs/DEFINITIONS.md "Next moves" is the definition; the matrix, the plan summary and the CLI call this.
 */
import { computeHeat, type ContactHeat, type HeatLink } from './heat';
import type { MatrixCell, WhitespaceMatrix } from './matrix';
import type { KeyplanSettings } from './settings';

/** Even with nobody reached, whitespace is worth a quarter of its money: reach is what a move buys. */
export const REACH_FLOOR = 0.25;
export const DETRACTOR_RISK = 0.3;
export const INCUMBENT_RISK = 0.2;
export const RISK_CAP = 0.6;
/** Below this reach the move is to build the relationship first. */
export const REACH_ENOUGH = 0.4;
const STRONG_INFLUENCE = new Set(['High', 'Very High']);

/** The contact fields next moves read (ContactNode satisfies it). */
export interface MoveContact {
  id: string;
  name: string;
  buyingCenterId: string | null;
  buyerRole: string | null;
  decisionRole: string | null;
  stance: string | null;
  influenceLevel: string | null;
}

export type MoveAction = 'create-opportunity' | 'add-relationship' | 'create-plan-action';

export interface KeyPersonReach {
  contactId: string;
  name: string;
  role: 'Economic Buyer' | 'Decision Maker';
  /** Team heat 0-100 and how many of our users link to them. */
  heat: number;
  teamLinks: number;
}

export interface NextMove {
  rank: number;
  buyingCenterId: string;
  buyingCenterName: string;
  offeringId: string;
  offeringName: string;
  fiscalYear: number;
  /** Open whitespace plus competitive potential of the cell (potentialOf), in the matrix currency. */
  potential: number;
  /** 0-1: mean team heat of the key people (0 when none is identified). */
  reach: number;
  /** 0-RISK_CAP. */
  risk: number;
  score: number;
  keyPeople: KeyPersonReach[];
  competitor: string | null;
  /** An influential detractor in the buying center. */
  detractor: { contactId: string; name: string; influenceLevel: string | null } | null;
  hasOpenDeal: boolean;
  action: MoveAction;
  /** The contact the action is about (add-relationship, a detractor's plan action), or null. */
  actionContactId: string | null;
  actionLabel: string;
  /** "$1.6M Enterprise Security in Helicopters Europe: nobody on our team knows ..." */
  reason: string;
}

export interface NextMovesInput {
  matrix: WhitespaceMatrix;
  fiscalYear: number;
  contacts: readonly MoveContact[];
  links: readonly HeatLink[];
}

export interface NextMovesOptions {
  today?: Date;
  settings?: Partial<KeyplanSettings>;
  /** Formats money in the reason (default: $1.6M style). */
  format?: (value: number) => string;
  /** At most this many moves (default all). */
  limit?: number;
}

/** "$1.6M": compact money for reasons when no locale formatter is given. */
export function compactMoney(v: number): string {
  const abs = Math.abs(v);
  const unit = abs >= 1e9 ? ['B', 1e9] : abs >= 1e6 ? ['M', 1e6] : abs >= 1e3 ? ['K', 1e3] : ['', 1];
  const n = v / (unit[1] as number);
  const text = unit[1] === 1 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
  return `$${text}${unit[0] as string}`;
}

function isKey(c: MoveContact): 'Economic Buyer' | 'Decision Maker' | null {
  if (c.buyerRole === 'Economic Buyer') return 'Economic Buyer';
  return c.decisionRole === 'Decision Maker' ? 'Decision Maker' : null;
}

interface CenterPeople {
  key: MoveContact[];
  detractor: MoveContact | null;
}

/**
 * The key people and the most influential detractor of every buying center: a center without key people
 * of its own uses its nearest ancestor's (a division's economic buyer signs for its sub-centers); a
 * detractor anywhere up the chain counts.
 */
function peopleByCenter(
  matrix: WhitespaceMatrix,
  contacts: readonly MoveContact[]
): Map<string, CenterPeople> {
  const own = new Map<string, CenterPeople>();
  const rank = (c: MoveContact): number => (c.influenceLevel === 'Very High' ? 2 : 1);
  for (const c of contacts) {
    if (!c.buyingCenterId) continue;
    let p = own.get(c.buyingCenterId);
    if (!p) own.set(c.buyingCenterId, (p = { key: [], detractor: null }));
    if (isKey(c)) p.key.push(c);
    if (c.stance === 'Detractor' && (STRONG_INFLUENCE.has(c.influenceLevel ?? '') || isKey(c)))
      if (!p.detractor || rank(c) > rank(p.detractor)) p.detractor = c;
  }
  const out = new Map<string, CenterPeople>();
  // Rows come in tree order: a parent is resolved before its children.
  for (const row of matrix.rows) {
    const id = row.buyingCenter.id;
    const mine = own.get(id) ?? { key: [], detractor: null };
    const parent = row.parentId ? out.get(row.parentId) : undefined;
    out.set(id, {
      key: mine.key.length || !parent ? mine.key : parent.key,
      detractor: mine.detractor ?? parent?.detractor ?? null
    });
  }
  return out;
}

interface Scored {
  /** Cell index in the year (row * nCols + col). */
  i: number;
  r: number;
  k: number;
  potential: number;
  reach: number;
  risk: number;
  score: number;
}

/** The first `limit` items in `order` (all, sorted, without a limit): a small limit keeps a short list. */
function topOf<T>(items: T[], order: (a: T, b: T) => number, limit: number | undefined): T[] {
  if (limit === undefined || limit >= items.length / 4)
    return items.sort(order).slice(0, limit ?? items.length);
  const n = Math.max(0, limit);
  const top: T[] = [];
  for (const item of items) {
    if (top.length === n && (n === 0 || order(item, top[n - 1]) >= 0)) continue;
    let i = top.length === n ? n - 1 : top.length;
    while (i > 0 && order(item, top[i - 1]) < 0) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = item;
  }
  return top;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byRoleThenName = (a: KeyPersonReach, b: KeyPersonReach): number => {
  if (a.role !== b.role) return a.role === 'Economic Buyer' ? -1 : 1;
  return compareText(a.name, b.name);
};

function personWords(kp: KeyPersonReach): string {
  const who = `the ${kp.role === 'Economic Buyer' ? 'economic buyer' : 'decision maker'} ${kp.name}`;
  if (kp.teamLinks === 0) return `nobody on our team knows ${who}`;
  if (kp.heat < REACH_ENOUGH * 100) return `our team's relationship with ${who} is cold (heat ${kp.heat})`;
  return `our team reaches ${who} (heat ${kp.heat})`;
}

/** The economic buyer (else the first decision maker), and the first cold key person when another. */
function reachWords(keyPeople: readonly KeyPersonReach[], coldest: KeyPersonReach | undefined): string[] {
  if (!keyPeople.length) return ['no economic buyer or decision maker identified'];
  const first = keyPeople[0];
  const out = [personWords(first)];
  if (coldest && coldest !== first) out.push(personWords(coldest));
  return out;
}

/** Ranks the moves of `fiscalYear`, best first (ties: more money, then buying center and offering name). */
export function nextMoves(input: NextMovesInput, options: NextMovesOptions = {}): NextMove[] {
  const { matrix, fiscalYear } = input;
  const year = matrix.years.find((y) => y.fiscalYear === fiscalYear);
  if (!year) return [];
  const format = options.format ?? compactMoney;
  const nCols = matrix.columns.length;
  // Candidates from the year's list of cells with potential: no cell object is built until a move is kept.
  const candidates = year.potentialCells.map((i, n) => ({
    i,
    r: Math.floor(i / nCols),
    k: i % nCols,
    potential: year.potentialAmounts[n],
    competitive: year.competitiveAmounts[n]
  }));
  if (!candidates.length) return [];
  const people = peopleByCenter(matrix, input.contacts);
  const keyIds = new Set<string>();
  for (const c of candidates)
    for (const p of people.get(matrix.rows[c.r].buyingCenter.id)?.key ?? []) keyIds.add(p.id);
  const heat: Map<string, ContactHeat> = computeHeat(
    keyIds,
    input.links.filter((l) => !!l.fromUserId && keyIds.has(l.toContactId)),
    { today: options.today, settings: options.settings }
  );
  // Per buying center once: its key people with their team heat, and its reach.
  const reachOf = new Map<number, { keyPeople: KeyPersonReach[]; reach: number; p: CenterPeople }>();
  const centerOf = (r: number): { keyPeople: KeyPersonReach[]; reach: number; p: CenterPeople } => {
    let c = reachOf.get(r);
    if (c) return c;
    const p = people.get(matrix.rows[r].buyingCenter.id) ?? { key: [], detractor: null };
    const keyPeople: KeyPersonReach[] = p.key.map((k) => {
      const h = heat.get(k.id);
      return {
        contactId: k.id,
        name: k.name,
        role: isKey(k) as KeyPersonReach['role'],
        heat: h?.heat ?? 0,
        teamLinks: h?.teamLinks ?? 0
      };
    });
    keyPeople.sort(byRoleThenName);
    const reach = keyPeople.length ? keyPeople.reduce((s, kp) => s + kp.heat, 0) / keyPeople.length / 100 : 0;
    reachOf.set(r, (c = { keyPeople, reach, p }));
    return c;
  };
  const scored = candidates.map((c): Scored => {
    const { reach, p } = centerOf(c.r);
    const risk = Math.min(
      RISK_CAP,
      (p.detractor ? DETRACTOR_RISK : 0) + (c.competitive > 0 ? INCUMBENT_RISK : 0)
    );
    const score = c.potential * (REACH_FLOOR + (1 - REACH_FLOOR) * reach) * (1 - risk);
    return { i: c.i, r: c.r, k: c.k, potential: c.potential, reach, risk, score };
  });
  const nameAt = (r: number): string => matrix.rows[r].buyingCenter.name;
  const offAt = (k: number): string => matrix.columns[k].name;
  const better = (a: Scored, b: Scored): number =>
    b.score - a.score ||
    b.potential - a.potential ||
    compareText(nameAt(a.r), nameAt(b.r)) ||
    compareText(offAt(a.k), offAt(b.k));
  const top = topOf(scored, better, options.limit);
  return top.map(({ i: at, r, k, potential, reach, risk, score }, i): NextMove => {
    const cell: MatrixCell = year.cells[at];
    const bc = matrix.rows[r].buyingCenter;
    const off = matrix.columns[k];
    const { keyPeople, p } = centerOf(r);
    const competitor = cell.competitive > 0 ? (cell.competitor ?? 'a competitor') : null;
    const hasOpenDeal = cell.pipeline > 0 || cell.status === 'active';
    // The one action: reach the key people first, then turn the detractor, then open the deal.
    const coldest = keyPeople.find((kp) => kp.heat < REACH_ENOUGH * 100);
    let action: MoveAction;
    let actionContactId: string | null = null;
    let actionLabel: string;
    if (!keyPeople.length) {
      action = 'create-plan-action';
      actionLabel = `Plan: identify the economic buyer in ${bc.name}`;
    } else if (coldest) {
      action = 'add-relationship';
      actionContactId = coldest.contactId;
      actionLabel = `Add a team relationship to ${coldest.name}`;
    } else if (p.detractor) {
      action = 'create-plan-action';
      actionContactId = p.detractor.id;
      actionLabel = `Plan: win over ${p.detractor.name}`;
    } else if (hasOpenDeal) {
      action = 'create-plan-action';
      actionLabel = `Plan: advance the open ${off.name} deal`;
    } else {
      action = 'create-opportunity';
      actionLabel = `Create the ${off.name} opportunity`;
    }
    const parts = reachWords(keyPeople, coldest);
    if (p.detractor)
      parts.push(
        `${p.detractor.name} is a detractor${p.detractor.influenceLevel ? ` with ${p.detractor.influenceLevel.toLowerCase()} influence` : ''}`
      );
    if (competitor) parts.push(`${competitor} is incumbent`);
    return {
      rank: i + 1,
      buyingCenterId: bc.id,
      buyingCenterName: bc.name,
      offeringId: off.id,
      offeringName: off.name,
      fiscalYear,
      potential,
      reach,
      risk,
      score,
      keyPeople,
      competitor,
      detractor: p.detractor
        ? { contactId: p.detractor.id, name: p.detractor.name, influenceLevel: p.detractor.influenceLevel }
        : null,
      hasOpenDeal,
      action,
      actionContactId,
      actionLabel,
      reason: `${format(potential)} ${off.name} in ${bc.name}: ${parts.join('; ')}`
    };
  });
}
