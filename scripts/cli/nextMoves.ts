/**
 * `keyplan next-moves <account> --fy <year>`: the ranked next moves of an account's fiscal year, from the
 * domain core's `nextMoves` (docs/DEFINITIONS.md, the list the matrix and the plan summary show) over the
 * matrix `loadMatrix` builds and the account's contacts and team relationship links, with the org's effective
 * settings (heat thresholds and decay: `keyplan tune`), as the components compute them.
 */
import type { Connection } from 'jsforce';
import {
  compactMoney,
  nextMoves,
  type HeatLink,
  type MoveContact,
  type NextMove
} from '../../force-app/main/default/lwc/keyplanCore/keyplanCore';
import { InvalidInput } from './errors';
import { findAccount } from './exporter';
import { queryAll } from './importer';
import { soqlString } from './keys';
import { loadMatrix } from './landscape';
import { readSettings } from './tune';

type Row = Record<string, unknown> & { Id: string };
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export interface NextMovesReport {
  account: { id: string; key: string; name: string };
  fiscalYear: number;
  currencyCode: string;
  moves: NextMove[];
}

/** The contacts next moves read (every contact in a buying center) and the links from our users. */
export async function loadPeople(
  conn: Connection,
  accountId: string
): Promise<{ contacts: MoveContact[]; links: HeatLink[] }> {
  const id = soqlString(accountId);
  const contacts = await queryAll<Row>(
    conn,
    `SELECT Id, Name, Keyplan_Buying_Center__c, Keyplan_Buyer_Role__c, Keyplan_Decision_Role__c, Keyplan_Stance__c, Keyplan_Influence_Level__c FROM Contact WHERE AccountId = ${id} AND Keyplan_Buying_Center__c != NULL`
  );
  const links = await queryAll<Row>(
    conn,
    `SELECT Id, From_Contact__c, From_User__c, To_Contact__c, Strength__c, Frequency__c, Influence_Level__c, Polarity__c, Last_Interaction__c FROM Relationship_Link__c WHERE Account__c = ${id} AND From_User__c != NULL`
  );
  return {
    contacts: contacts.map((c) => ({
      id: c.Id,
      name: String(c.Name),
      buyingCenterId: str(c.Keyplan_Buying_Center__c),
      buyerRole: str(c.Keyplan_Buyer_Role__c),
      decisionRole: str(c.Keyplan_Decision_Role__c),
      stance: str(c.Keyplan_Stance__c),
      influenceLevel: str(c.Keyplan_Influence_Level__c)
    })),
    links: links.map((l) => ({
      fromContactId: str(l.From_Contact__c),
      fromUserId: str(l.From_User__c),
      toContactId: String(l.To_Contact__c),
      strength: typeof l.Strength__c === 'number' ? l.Strength__c : null,
      frequency: str(l.Frequency__c),
      influenceLevel: str(l.Influence_Level__c),
      polarity: str(l.Polarity__c),
      // Date fields come back as YYYY-MM-DD from the REST API.
      lastInteraction: str(l.Last_Interaction__c)?.slice(0, 10) ?? null
    }))
  };
}

/** The ranked moves; an account without any money or potential in the year is an input error. */
export async function nextMovesReport(
  conn: Connection,
  accountRef: string,
  fy: number,
  options: { limit?: number; today?: Date } = {}
): Promise<NextMovesReport> {
  const account = await findAccount(conn, accountRef);
  const { matrix, settings } = await loadMatrix(conn, account.Id, fy);
  const year = matrix.years.find((y) => y.fiscalYear === fy);
  const t = year?.grandTotal;
  if (!t || t.won + t.pipeline + t.potential + t.competitive === 0)
    throw new InvalidInput(
      `Account "${account.Name}" has no whitespace data for FY${fy}: no won or open opportunities and no assessed potential`
    );
  const people = await loadPeople(conn, account.Id);
  const moves = nextMoves(
    { matrix, fiscalYear: fy, contacts: people.contacts, links: people.links },
    { limit: options.limit, today: options.today, settings: await readSettings(conn) }
  );
  return {
    account: { id: account.Id, key: account.Keyplan_Key__c ?? account.Id, name: account.Name },
    fiscalYear: fy,
    currencyCode: settings.currencyCode,
    moves
  };
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** One line per move: rank, money, reach, risk, the action and the reason. */
export function nextMovesText(r: NextMovesReport): string {
  const head = `Next moves for ${r.account.name}, FY${r.fiscalYear} (${r.currencyCode}; score = potential x reach x risk, docs/DEFINITIONS.md)`;
  if (!r.moves.length)
    return `${head}\nNo cell of FY${r.fiscalYear} has whitespace or competitive potential.\n`;
  const lines = r.moves.map(
    (m) =>
      `${String(m.rank).padStart(2)}. ${compactMoney(m.potential).padStart(7)}  reach ${pct(m.reach).padStart(4)}  risk ${pct(m.risk).padStart(3)}  score ${compactMoney(m.score).padStart(7)}\n` +
      `    ${m.reason}\n    -> ${m.actionLabel}`
  );
  return `${head}\n${lines.join('\n')}\n`;
}
