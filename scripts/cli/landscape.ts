/**
 * The whitespace matrix of one account and fiscal year, computed by the domain core's `buildMatrix`
 * (the same aggregation the component shows) from live org data read like WhitespaceService reads it:
 * the opportunities of the year and the year before by the platform's FiscalYear, the won history for
 * mining vs farming, and the org's fiscal year and currency (Organization, CurrencyType). Rows become
 * DTOs with the twin's mappers (one row -> DTO mapping for the twin and the CLI).
 */
import type { Connection } from 'jsforce';
import type { MatrixOffering, OrgFigureSettings, WonHistoryDto } from '../../src/contracts';
import { figureOptions, type CellStatus } from '../../force-app/main/default/lwc/keyplanCore/figures';
import {
  buildMatrix,
  type Money3,
  type WhitespaceMatrix
} from '../../force-app/main/default/lwc/keyplanCore/matrix';
import { writeCsv } from '../lib/csv';
import {
  toCellDto,
  toMatrixBuyingCenter,
  toMatrixOpportunity
} from '../../localorg/apex/controllers/WhitespaceController';
import { findAccount } from './exporter';
import { queryAll } from './importer';
import { KEY_FIELD, keyFromExt, soqlString } from './keys';

type Row = Record<string, unknown> & { Id: string };
/** A REST row as the twin mappers take it (they read fields only, never `attributes`). */
const asTwinRow = (r: Row): Parameters<typeof toCellDto>[0] => ({ attributes: { type: '' }, ...r });

export interface LandscapeReport {
  account: { id: string; key: string; name: string };
  fiscalYear: number;
  /** The currency every amount is in (the org's corporate currency). */
  currencyCode: string;
  columns: { id: string; key: string; name: string }[];
  rows: {
    id: string;
    key: string;
    name: string;
    depth: number;
    cells: {
      offering: string;
      status: CellStatus;
      won: number;
      pipeline: number;
      potential: number;
      competitive: number;
      competitor: string | null;
    }[];
    total: Money3;
    rolled: Money3;
    goal: number | null;
  }[];
  columnTotals: (Money3 & { offering: string })[];
  unmapped: Money3 & { opportunities: { key: string; reason: string }[] };
  grandTotal: Money3;
  goal: number | null;
}

/**
 * The org's fiscal year and currency (what KeyplanFigures.settings sends to the components). A
 * single-currency org has no CurrencyType: the query fails there and the rates stay empty.
 */
export async function orgFigureSettings(conn: Connection): Promise<OrgFigureSettings> {
  const org = (
    await queryAll<Row>(
      conn,
      'SELECT Id, FiscalYearStartMonth, UsesStartDateAsFiscalYearName FROM Organization'
    )
  )[0];
  // The org's currency in a single-currency org (Apex uses UserInfo.getDefaultCurrency(), which the
  // API does not offer); a multi-currency org's corporate currency comes from CurrencyType below.
  const orgCurrency = await queryAll<Row>(conn, 'SELECT Id, DefaultCurrencyIsoCode FROM Organization').catch(
    () => [] as Row[]
  );
  const out: OrgFigureSettings = {
    fiscalYearStartMonth: typeof org?.FiscalYearStartMonth === 'number' ? org.FiscalYearStartMonth : 1,
    fiscalYearNamedByStart: org?.UsesStartDateAsFiscalYearName === true,
    currencyCode:
      typeof orgCurrency[0]?.DefaultCurrencyIsoCode === 'string'
        ? orgCurrency[0].DefaultCurrencyIsoCode
        : 'USD',
    conversionRates: []
  };
  let rates: Row[] = [];
  try {
    rates = await queryAll<Row>(conn, 'SELECT Id, IsoCode, ConversionRate, IsCorporate FROM CurrencyType');
  } catch {
    rates = []; // single-currency org: CurrencyType does not exist
  }
  for (const r of rates) {
    if (r.IsCorporate === true) out.currencyCode = String(r.IsoCode);
    out.conversionRates.push({ isoCode: String(r.IsoCode), rate: Number(r.ConversionRate) });
  }
  return out;
}

/** The matrix of `fy` (and the year before, for the change column), with the keys of its records. */
export async function loadMatrix(
  conn: Connection,
  accountId: string,
  fy: number
): Promise<{ matrix: WhitespaceMatrix; keys: Map<string, string>; settings: OrgFigureSettings }> {
  const id = soqlString(accountId);
  const settings = await orgFigureSettings(conn);
  const multiCurrency = settings.conversionRates.length > 0;
  const years = `${fy - 1}, ${fy}`;
  const centers = await queryAll<Row>(
    conn,
    `SELECT Id, ${KEY_FIELD}, Name, Parent_Buying_Center__c, Wallet_Size__c, Sales_Goal__c, Active__c, Sort_Order__c FROM Buying_Center__c WHERE Account__c = ${id}`
  );
  const offerings = await queryAll<Row>(
    conn,
    `SELECT Id, ${KEY_FIELD}, Name, Family__c, Sort_Order__c, Active__c FROM Offering__c`
  );
  const cells = await queryAll<Row>(
    conn,
    `SELECT Id, Buying_Center__c, Offering__c, Fiscal_Year__c, State__c, Competitor__c, Potential__c, LastModifiedDate FROM Landscape_Cell__c WHERE Buying_Center__r.Account__c = ${id} AND Fiscal_Year__c IN (${years})`
  );
  const opps = await queryAll<Row>(
    conn,
    `SELECT Id, ${KEY_FIELD}, Name, Amount, Probability, StageName, IsClosed, IsWon, CloseDate, Keyplan_Buying_Center__c, Keyplan_Offering__c, Keyplan_Growth_Type__c, FiscalYear, ${multiCurrency ? 'CurrencyIsoCode, ' : ''}LastModifiedDate FROM Opportunity WHERE AccountId = ${id} AND FiscalYear IN (${years})`
  );
  const history = await queryAll<Row>(
    conn,
    `SELECT Keyplan_Buying_Center__c, Keyplan_Offering__c, MIN(CloseDate) firstWonDate FROM Opportunity WHERE AccountId = ${id} AND IsWon = TRUE AND Keyplan_Buying_Center__c != NULL AND Keyplan_Offering__c != NULL GROUP BY Keyplan_Buying_Center__c, Keyplan_Offering__c`
  );
  const plans = await queryAll<Row>(
    conn,
    `SELECT Revenue_Goal__c, Mining_Goal__c, Farming_Goal__c, Fiscal_Year__c FROM Account_Plan__c WHERE Account__c = ${id} AND Fiscal_Year__c = ${fy}`
  );
  const keys = new Map<string, string>();
  for (const r of [...centers, ...offerings, ...opps]) keys.set(r.Id, keyFromExt(r[KEY_FIELD], r.Id));
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const wonHistory: WonHistoryDto[] = history.map((h) => ({
    buyingCenterId: String(h.Keyplan_Buying_Center__c),
    offeringId: String(h.Keyplan_Offering__c),
    firstWonDate: String(h.firstWonDate)
  }));
  const matrix = buildMatrix(
    {
      fiscalYears: [fy - 1, fy],
      buyingCenters: centers.map((c) => toMatrixBuyingCenter(asTwinRow(c))),
      offerings: offerings.map((o) => ({
        id: o.Id,
        name: String(o.Name),
        family: (typeof o.Family__c === 'string' ? o.Family__c : null) as MatrixOffering['family'],
        sortOrder: num(o.Sort_Order__c),
        active: o.Active__c === true
      })),
      // toCellDto reads a blank state as Unassessed, as WhitespaceService.toCellDto does.
      cells: cells.map((c) => toCellDto(asTwinRow(c))),
      opportunities: opps.map((o) => ({
        ...toMatrixOpportunity(asTwinRow(o)),
        currencyIsoCode: typeof o.CurrencyIsoCode === 'string' ? o.CurrencyIsoCode : null
      })),
      wonHistory,
      plan: plans[0]
        ? {
            revenueGoal: num(plans[0].Revenue_Goal__c),
            miningGoal: num(plans[0].Mining_Goal__c),
            farmingGoal: num(plans[0].Farming_Goal__c),
            fiscalYear: fy
          }
        : null
    },
    { ...figureOptions(settings), focusYear: fy }
  );
  return { matrix, keys, settings };
}

/** The report for one account and year. */
export async function landscapeReport(
  conn: Connection,
  accountRef: string,
  fy: number
): Promise<LandscapeReport> {
  const account = await findAccount(conn, accountRef);
  const { matrix, keys, settings } = await loadMatrix(conn, account.Id, fy);
  const year = matrix.years.find((y) => y.fiscalYear === fy)!;
  const n = matrix.columns.length;
  const key = (id: string): string => keys.get(id) ?? id;
  return {
    account: { id: account.Id, key: account.Keyplan_Key__c ?? account.Id, name: account.Name },
    fiscalYear: fy,
    currencyCode: settings.currencyCode,
    columns: matrix.columns.map((c) => ({ id: c.id, key: key(c.id), name: c.name })),
    rows: matrix.rows.map((r, i) => ({
      id: r.buyingCenter.id,
      key: key(r.buyingCenter.id),
      name: r.buyingCenter.name,
      depth: r.depth,
      cells: matrix.columns.map((c, j) => {
        const cell = year.cells[i * n + j];
        return {
          offering: key(c.id),
          status: cell.status,
          won: cell.won,
          pipeline: cell.pipeline,
          potential: cell.potential,
          competitive: cell.competitive,
          competitor: cell.competitor
        };
      }),
      total: year.rowTotals[i].own,
      rolled: year.rowTotals[i].rolled,
      goal: year.rowTotals[i].goal
    })),
    columnTotals: year.columnTotals.map((t, j) => ({ offering: key(matrix.columns[j].id), ...t })),
    unmapped: {
      won: year.unmapped.won,
      pipeline: year.unmapped.pipeline,
      potential: year.unmapped.potential,
      competitive: year.unmapped.competitive,
      opportunities: matrix.unmapped
        .filter((u) => u.fiscalYear === fy)
        .map((u) => ({ key: key(u.opportunityId), reason: u.reason }))
    },
    grandTotal: year.grandTotal,
    goal: year.goal
  };
}

/**
 * Long format: one line per cell, then row totals, column totals, the unmapped bucket and the grand
 * total. Whitespace potential and competitive potential are two columns; amounts are in `currency`.
 */
export function landscapeCsv(r: LandscapeReport): string {
  const head = ['kind', 'buying_center', 'offering', 'status', 'won', 'pipeline', 'potential'];
  const rows: unknown[][] = [];
  const names = new Map(r.columns.map((c) => [c.key, c.name]));
  const line = (
    kind: string,
    bc: string,
    off: string | undefined,
    status: string,
    m: Money3,
    competitor = ''
  ): void => {
    rows.push([
      kind,
      bc,
      off,
      status,
      m.won,
      m.pipeline,
      m.potential,
      m.competitive,
      competitor,
      r.currencyCode
    ]);
  };
  for (const row of r.rows) {
    for (const c of row.cells) line('cell', row.name, names.get(c.offering), c.status, c, c.competitor ?? '');
    line('row_total', row.name, '', '', row.total);
  }
  for (const t of r.columnTotals) line('column_total', '', names.get(t.offering), '', t);
  line('unmapped', '', '', '', r.unmapped);
  line('grand_total', '', '', '', r.grandTotal);
  // Opened in spreadsheets: formula-looking text is neutralised (scripts/lib/csv.ts).
  return writeCsv([...head, 'competitive_potential', 'competitor', 'currency'], rows, { neutralise: true });
}
