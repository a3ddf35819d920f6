/**
 * The whitespace matrix of one account and fiscal year, computed by the domain core's `buildMatrix`
 * (the same aggregation the component shows) from live org data.
 */
import type { Connection } from 'jsforce';
import type {
  LandscapeCellDto,
  MatrixBuyingCenter,
  MatrixOffering,
  MatrixOpportunity
} from '../../src/contracts';
import {
  buildMatrix,
  type CellStatus,
  type Money3,
  type WhitespaceMatrix
} from '../../force-app/main/default/lwc/keyplanCore/matrix';
import { findAccount } from './exporter';
import { queryAll } from './importer';
import { KEY_FIELD, keyFromExt, soqlString } from './keys';

type Row = Record<string, unknown> & { Id: string };

export interface LandscapeReport {
  account: { id: string; key: string; name: string };
  fiscalYear: number;
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

/** The whole matrix (every year with data), for callers that want more than one year. */
export async function loadMatrix(
  conn: Connection,
  accountId: string,
  fy: number
): Promise<{ matrix: WhitespaceMatrix; keys: Map<string, string> }> {
  const id = soqlString(accountId);
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
    `SELECT Id, Buying_Center__c, Offering__c, Fiscal_Year__c, State__c, Competitor__c, Potential__c, LastModifiedDate FROM Landscape_Cell__c WHERE Buying_Center__r.Account__c = ${id}`
  );
  const opps = await queryAll<Row>(
    conn,
    `SELECT Id, ${KEY_FIELD}, Name, Amount, Probability, StageName, IsClosed, IsWon, CloseDate, Buying_Center__c, Offering__c, Growth_Type__c, LastModifiedDate FROM Opportunity WHERE AccountId = ${id}`
  );
  const plans = await queryAll<Row>(
    conn,
    `SELECT Revenue_Goal__c, Mining_Goal__c, Farming_Goal__c, Fiscal_Year__c FROM Account_Plan__c WHERE Account__c = ${id} AND Fiscal_Year__c = ${fy}`
  );
  const keys = new Map<string, string>();
  for (const r of [...centers, ...offerings, ...opps]) keys.set(r.Id, keyFromExt(r[KEY_FIELD], r.Id));
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const matrix = buildMatrix({
    fiscalYears: [fy],
    buyingCenters: centers.map<MatrixBuyingCenter>((c) => ({
      id: c.Id,
      name: String(c.Name),
      parentId: str(c.Parent_Buying_Center__c),
      walletSize: num(c.Wallet_Size__c),
      salesGoal: num(c.Sales_Goal__c),
      active: c.Active__c !== false,
      sortOrder: num(c.Sort_Order__c)
    })),
    offerings: offerings.map<MatrixOffering>((o) => ({
      id: o.Id,
      name: String(o.Name),
      family: str(o.Family__c) as MatrixOffering['family'],
      sortOrder: num(o.Sort_Order__c),
      active: o.Active__c !== false
    })),
    cells: cells.map<LandscapeCellDto>((c) => ({
      id: c.Id,
      buyingCenterId: String(c.Buying_Center__c),
      offeringId: String(c.Offering__c),
      fiscalYear: Number(c.Fiscal_Year__c),
      state: String(c.State__c) as LandscapeCellDto['state'],
      competitor: str(c.Competitor__c),
      potential: num(c.Potential__c),
      lastModified: String(c.LastModifiedDate)
    })),
    opportunities: opps.map<MatrixOpportunity>((o) => ({
      id: o.Id,
      name: String(o.Name),
      amount: num(o.Amount),
      probability: num(o.Probability),
      stageName: String(o.StageName),
      isClosed: o.IsClosed === true,
      isWon: o.IsWon === true,
      closeDate: String(o.CloseDate),
      buyingCenterId: str(o.Buying_Center__c),
      offeringId: str(o.Offering__c),
      growthType: str(o.Growth_Type__c) as MatrixOpportunity['growthType'],
      lastModified: String(o.LastModifiedDate)
    })),
    plan: plans[0]
      ? {
          revenueGoal: num(plans[0].Revenue_Goal__c),
          miningGoal: num(plans[0].Mining_Goal__c),
          farmingGoal: num(plans[0].Farming_Goal__c),
          fiscalYear: fy
        }
      : null
  });
  return { matrix, keys };
}

/** The report for one account and year. */
export async function landscapeReport(
  conn: Connection,
  accountRef: string,
  fy: number
): Promise<LandscapeReport> {
  const account = await findAccount(conn, accountRef);
  const { matrix, keys } = await loadMatrix(conn, account.Id, fy);
  const year = matrix.years.find((y) => y.fiscalYear === fy)!;
  const n = matrix.columns.length;
  const key = (id: string): string => keys.get(id) ?? id;
  return {
    account: { id: account.Id, key: account.Keyplan_Key__c ?? account.Id, name: account.Name },
    fiscalYear: fy,
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
      opportunities: matrix.unmapped
        .filter((u) => u.fiscalYear === fy)
        .map((u) => ({ key: key(u.opportunityId), reason: u.reason }))
    },
    grandTotal: year.grandTotal,
    goal: year.goal
  };
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Long format: one line per cell, then row totals, column totals, the unmapped bucket and the grand total. */
export function landscapeCsv(r: LandscapeReport): string {
  const lines = [
    ['kind', 'buying_center', 'offering', 'status', 'won', 'pipeline', 'potential', 'competitor'].join(',')
  ];
  const names = new Map(r.columns.map((c) => [c.key, c.name]));
  for (const row of r.rows) {
    for (const c of row.cells)
      lines.push(
        ['cell', row.name, names.get(c.offering), c.status, c.won, c.pipeline, c.potential, c.competitor]
          .map(csvCell)
          .join(',')
      );
    lines.push(
      ['row_total', row.name, '', '', row.total.won, row.total.pipeline, row.total.potential, '']
        .map(csvCell)
        .join(',')
    );
  }
  for (const t of r.columnTotals)
    lines.push(
      ['column_total', '', names.get(t.offering), '', t.won, t.pipeline, t.potential, '']
        .map(csvCell)
        .join(',')
    );
  lines.push(
    ['unmapped', '', '', '', r.unmapped.won, r.unmapped.pipeline, r.unmapped.potential, '']
      .map(csvCell)
      .join(',')
  );
  lines.push(
    ['grand_total', '', '', '', r.grandTotal.won, r.grandTotal.pipeline, r.grandTotal.potential, '']
      .map(csvCell)
      .join(',')
  );
  return `${lines.join('\n')}\n`;
}
