/**
 * The account plan as a QBR report: goals against won and pipeline (from the whitespace matrix),
 * relationship type and attribute scores, tier, customer phase, objectives, actions (overdue marked),
 * the largest whitespace and the BANT gaps of open opportunities. HTML is self-contained (inline CSS).
 */
import type { Connection } from 'jsforce';
import { bantGaps, type BantGap, type SalesStage } from '../../force-app/main/default/lwc/keyplanCore/bant';
import { tierOf } from '../../force-app/main/default/lwc/keyplanCore/planScore';
import type { BuyerRole, DecisionRole } from '../../src/contracts';
import { InvalidInput } from './errors';
import { findAccount } from './exporter';
import { queryAll } from './importer';
import { soqlString } from './keys';
import { loadMatrix } from './landscape';
import { changesSections, loadChangesSince } from './sinceReview';

type Row = Record<string, unknown> & { Id: string };

export interface PlanReportOptions {
  fy?: number;
  format: 'html' | 'md';
  /** ISO date for overdue actions and BANT timing (default today). */
  today?: string;
  /** ISO date the "since last review" changes start from (default: the plan's Last_Reviewed__c, else 90 days ago). */
  since?: string;
}

const ATTRIBUTES: [string, string][] = [
  ['Score_Executive_Access__c', 'Executive access'],
  ['Score_Share_Of_Wallet__c', 'Share of wallet'],
  ['Score_Strategic_Alignment__c', 'Strategic alignment'],
  ['Score_Co_Innovation__c', 'Co-innovation'],
  ['Score_Tenure__c', 'Tenure']
];

/** Money in the currency the figures are in (the org's corporate currency). */
let currency = 'USD';
const money = (v: number | null | undefined): string =>
  v === null || v === undefined
    ? '—'
    : new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(v);
const pct = (a: number, b: number | null): string => (b ? `${Math.round((a / b) * 100)}%` : '—');

interface Section {
  title: string;
  /** Table: header + rows of plain text cells; `flag` marks a row (overdue, error). */
  table?: { head: string[]; rows: { cells: string[]; flag?: boolean }[] };
  lines?: string[];
  empty?: string;
}

/** Builds the report text for the account's plan of `fy` (default: its latest plan). */
export async function planReport(
  conn: Connection,
  accountRef: string,
  options: PlanReportOptions
): Promise<string> {
  const account = await findAccount(conn, accountRef);
  const id = soqlString(account.Id);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const plans = await queryAll<Row>(
    conn,
    `SELECT Id, Name, Fiscal_Year__c, Status__c, Revenue_Goal__c, Mining_Goal__c, Farming_Goal__c, ${ATTRIBUTES.map((a) => a[0]).join(', ')}, Relationship_Score__c, Relationship_Type__c, Tier__c, Criterion_Revenue_Potential__c, Criterion_Strategic_Fit__c, Criterion_Growth_Potential__c, Criterion_Reference_Value__c, Criterion_Executive_Access__c, Customer_Phase__c, Competitive_Position__c, As_Is_Summary__c, Last_Reviewed__c FROM Account_Plan__c WHERE Account__c = ${id} ORDER BY Fiscal_Year__c DESC`
  );
  const plan = options.fy === undefined ? plans[0] : plans.find((p) => p.Fiscal_Year__c === options.fy);
  if (!plan)
    throw new InvalidInput(
      `${account.Name} has no account plan${options.fy ? ` for fiscal year ${options.fy}` : ''}`
    );
  const fy = Number(plan.Fiscal_Year__c);
  const pid = soqlString(plan.Id);
  const objectives = await queryAll<Row>(
    conn,
    `SELECT Id, Name, Status__c, Target_Amount__c, Due_Date__c, Buying_Center__r.Name FROM Plan_Objective__c WHERE Account_Plan__c = ${pid} ORDER BY Due_Date__c`
  );
  const actions = await queryAll<Row>(
    conn,
    `SELECT Id, Name, Status__c, Due_Date__c, Milestone__c, Objective__r.Name, Assigned_To__r.Name FROM Plan_Action__c WHERE Account_Plan__c = ${pid} ORDER BY Due_Date__c`
  );
  const opps = await queryAll<Row>(
    conn,
    `SELECT Id, Name, StageName, Probability, CloseDate, IsClosed, Keyplan_Budget_Status__c, Keyplan_Authority_Status__c, Keyplan_Need_Status__c, Keyplan_Timing_Status__c, Keyplan_Budget_Evidence__c, Keyplan_Need_Evidence__c, Keyplan_Timing_Evidence__c FROM Opportunity WHERE AccountId = ${id} AND IsClosed = false`
  );
  const roles = await queryAll<Row>(
    conn,
    `SELECT OpportunityId, Contact.Keyplan_Buyer_Role__c, Contact.Keyplan_Decision_Role__c, Contact.Keyplan_Budget_Owned__c FROM OpportunityContactRole WHERE Opportunity.AccountId = ${id}`
  );
  const { matrix, settings } = await loadMatrix(conn, account.Id, fy);
  const stageRows = await queryAll<Row>(
    conn,
    'SELECT Id, ApiName, SortOrder, IsActive, IsClosed FROM OpportunityStage ORDER BY SortOrder'
  );
  const stages: SalesStage[] = stageRows.map((r) => ({
    name: String(r.ApiName),
    sortOrder: typeof r.SortOrder === 'number' ? r.SortOrder : 0,
    isActive: r.IsActive !== false,
    isClosed: r.IsClosed === true
  }));
  currency = settings.currencyCode;
  const year = matrix.years.find((y) => y.fiscalYear === fy)!;

  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const goal = num(plan.Revenue_Goal__c);
  const tier = plan.Tier__c
    ? {
        tier: String(plan.Tier__c),
        met: [
          'Criterion_Revenue_Potential__c',
          'Criterion_Strategic_Fit__c',
          'Criterion_Growth_Potential__c',
          'Criterion_Reference_Value__c',
          'Criterion_Executive_Access__c'
        ].filter((c) => plan[c] === true).length
      }
    : tierOf({
        criterionRevenuePotential: plan.Criterion_Revenue_Potential__c === true,
        criterionStrategicFit: plan.Criterion_Strategic_Fit__c === true,
        criterionGrowthPotential: plan.Criterion_Growth_Potential__c === true,
        criterionReferenceValue: plan.Criterion_Reference_Value__c === true,
        criterionExecutiveAccess: plan.Criterion_Executive_Access__c === true
      });

  const rolesOf = new Map<
    string,
    { buyerRole: BuyerRole | null; decisionRole: DecisionRole | null; budgetOwned: number | null }[]
  >();
  for (const r of roles) {
    const c = (r.Contact ?? {}) as Record<string, unknown>;
    const list = rolesOf.get(String(r.OpportunityId)) ?? [];
    list.push({
      buyerRole: (c.Keyplan_Buyer_Role__c ?? null) as BuyerRole | null,
      decisionRole: (c.Keyplan_Decision_Role__c ?? null) as DecisionRole | null,
      budgetOwned: num(c.Keyplan_Budget_Owned__c)
    });
    rolesOf.set(String(r.OpportunityId), list);
  }
  const gaps: BantGap[] = opps.flatMap((o) =>
    bantGaps(
      {
        name: String(o.Name),
        stageName: String(o.StageName),
        closeDate: String(o.CloseDate),
        isClosed: o.IsClosed === true,
        budgetStatus: (o.Keyplan_Budget_Status__c ?? null) as string | null,
        authorityStatus: (o.Keyplan_Authority_Status__c ?? null) as string | null,
        needStatus: (o.Keyplan_Need_Status__c ?? null) as string | null,
        timingStatus: (o.Keyplan_Timing_Status__c ?? null) as string | null,
        budgetEvidence: (o.Keyplan_Budget_Evidence__c ?? null) as string | null,
        needEvidence: (o.Keyplan_Need_Evidence__c ?? null) as string | null,
        timingEvidence: (o.Keyplan_Timing_Evidence__c ?? null) as string | null,
        contactRoles: rolesOf.get(o.Id) ?? []
      },
      { today: new Date(`${today}T00:00:00Z`), stages }
    )
  );
  gaps.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));

  const n = matrix.columns.length;
  // Potential by the cell's state (potentialOf): a Whitespace cell stays whitespace while a deal is open
  // in it; Competitor cells are listed as competitive potential.
  const whitespace = matrix.rows
    .flatMap((r, i) =>
      matrix.columns.map((c, j) => ({ bc: r.buyingCenter.name, off: c.name, cell: year.cells[i * n + j] }))
    )
    .filter((x) => x.cell.potential > 0 || x.cell.competitive > 0)
    .sort((a, b) => b.cell.potential + b.cell.competitive - (a.cell.potential + a.cell.competitive))
    .slice(0, 10);

  const title = `${account.Name}: account plan FY${fy}`;
  const sections: Section[] = [
    {
      title: 'Summary',
      lines: [
        `Plan: ${String(plan.Name)} (${String(plan.Status__c ?? 'no status')})`,
        `Tier ${tier.tier} (${tier.met} of 5 key-account criteria met) · Customer phase: ${String(plan.Customer_Phase__c ?? '—')}`,
        `Relationship: ${String(plan.Relationship_Type__c ?? 'not scored')}${plan.Relationship_Score__c !== null && plan.Relationship_Score__c !== undefined ? ` (score ${Number(plan.Relationship_Score__c).toFixed(2)} of 5)` : ''}`,
        ...(plan.Last_Reviewed__c ? [`Last reviewed: ${String(plan.Last_Reviewed__c)}`] : [])
      ]
    },
    {
      title: `Goals vs won vs pipeline (${currency})`,
      lines: [
        `Whitespace potential ${money(year.grandTotal.potential)} · Competitive potential ${money(year.grandTotal.competitive)}`
      ],
      table: {
        head: ['Goal', 'Target', 'Won', 'Pipeline', 'Won of target'],
        rows: [
          {
            cells: [
              'Revenue',
              money(goal),
              money(year.grandTotal.won),
              money(year.grandTotal.pipeline),
              pct(year.grandTotal.won, goal)
            ]
          },
          {
            cells: [
              'Mining (grow existing business)',
              money(num(plan.Mining_Goal__c)),
              money(year.mining.won),
              money(year.mining.pipeline),
              pct(year.mining.won, num(plan.Mining_Goal__c))
            ]
          },
          {
            cells: [
              'Farming (new buying centers or offerings)',
              money(num(plan.Farming_Goal__c)),
              money(year.farming.won),
              money(year.farming.pipeline),
              pct(year.farming.won, num(plan.Farming_Goal__c))
            ]
          }
        ]
      }
    },
    {
      title: 'Relationship attributes',
      table: {
        head: ['Attribute', 'Score (1-5)'],
        rows: ATTRIBUTES.map(([f, label]) => ({
          cells: [label, plan[f] === null || plan[f] === undefined ? 'not scored' : String(plan[f])]
        }))
      }
    },
    {
      title: 'Objectives',
      empty: 'No objectives yet.',
      table: objectives.length
        ? {
            head: ['Objective', 'Status', 'Target', 'Due', 'Buying center'],
            rows: objectives.map((o) => ({
              cells: [
                String(o.Name),
                String(o.Status__c ?? '—'),
                money(num(o.Target_Amount__c)),
                String(o.Due_Date__c ?? '—'),
                String((o.Buying_Center__r as Record<string, unknown> | null)?.Name ?? '—')
              ]
            }))
          }
        : undefined
    },
    {
      title: 'Actions',
      empty: 'No actions yet.',
      table: actions.length
        ? {
            head: ['Action', 'Status', 'Due', 'Owner', 'Objective'],
            rows: actions.map((a) => {
              const open = !['Done', 'Cancelled'].includes(String(a.Status__c ?? ''));
              const overdue = open && typeof a.Due_Date__c === 'string' && a.Due_Date__c < today;
              return {
                flag: overdue,
                cells: [
                  `${a.Milestone__c === true ? '◆ ' : ''}${String(a.Name)}`,
                  `${String(a.Status__c ?? '—')}${overdue ? ' (OVERDUE)' : ''}`,
                  String(a.Due_Date__c ?? '—'),
                  String((a.Assigned_To__r as Record<string, unknown> | null)?.Name ?? '—'),
                  String((a.Objective__r as Record<string, unknown> | null)?.Name ?? '—')
                ]
              };
            })
          }
        : undefined
    },
    {
      title: 'Top whitespace',
      empty: 'No whitespace assessed for this year.',
      table: whitespace.length
        ? {
            head: [
              'Buying center',
              'Offering',
              'Whitespace potential',
              'Competitive potential',
              'Competitor'
            ],
            rows: whitespace.map((w) => ({
              cells: [
                w.bc,
                w.off,
                money(w.cell.potential),
                money(w.cell.competitive),
                w.cell.competitor ?? '—'
              ]
            }))
          }
        : undefined
    },
    {
      title: 'BANT gaps (open opportunities)',
      empty: 'No BANT gaps on open opportunities.',
      table: gaps.length
        ? {
            head: ['Severity', 'Gap'],
            rows: gaps.map((g) => ({ flag: g.severity === 'error', cells: [g.severity, g.message] }))
          }
        : undefined
    },
    ...(plan.As_Is_Summary__c ? [{ title: 'As-is', lines: [String(plan.As_Is_Summary__c)] }] : []),
    ...(plan.Competitive_Position__c
      ? [{ title: 'Competitive position', lines: [String(plan.Competitive_Position__c)] }]
      : [])
  ];
  const since =
    options.since ??
    (plan.Last_Reviewed__c
      ? String(plan.Last_Reviewed__c).slice(0, 10)
      : new Date(Date.parse(`${today}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)))
    throw new InvalidInput(`--since must be a date YYYY-MM-DD, not ${since}`);
  // Right after the summary: what changed in the customer's organisation since the last review.
  sections.splice(1, 0, ...changesSections(await loadChangesSince(conn, account.Id, since, today)));
  return options.format === 'md' ? markdown(title, today, sections) : html(title, today, sections);
}

function markdown(title: string, today: string, sections: Section[]): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [`# ${title}`, '', `_Generated ${today} by keyplan export-plan._`, ''];
  for (const s of sections) {
    out.push(`## ${s.title}`, '');
    for (const l of s.lines ?? []) out.push(`- ${l}`);
    if (s.table) {
      out.push(`| ${s.table.head.join(' | ')} |`, `| ${s.table.head.map(() => '---').join(' | ')} |`);
      for (const r of s.table.rows)
        out.push(`| ${r.cells.map((c, i) => (r.flag && i === 0 ? `**${esc(c)}**` : esc(c))).join(' | ')} |`);
    } else if (!s.lines && s.empty) out.push(s.empty);
    out.push('');
  }
  return out.join('\n');
}

function html(title: string, today: string, sections: Section[]): string {
  const esc = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const body = sections
    .map((s) => {
      const lines = s.lines?.length ? `<ul>${s.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '';
      const table = s.table
        ? `<table><thead><tr>${s.table.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${s.table.rows
            .map(
              (r) =>
                `<tr${r.flag ? ' class="flag"' : ''}>${r.cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`
            )
            .join('')}</tbody></table>`
        : !s.lines && s.empty
          ? `<p class="empty">${esc(s.empty)}</p>`
          : '';
      return `<section><h2>${esc(s.title)}</h2>${lines}${table}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:14px/1.45 -apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#181818;max-width:960px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.1rem;border-bottom:2px solid #0176d3;padding-bottom:.2rem;margin-top:1.6rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e5e5}
th{background:#f3f3f3}tr.flag td{color:#ba0517;font-weight:600}.meta,.empty{color:#5c5c5c}
@media print{body{margin:0}section{break-inside:avoid}}
</style></head>
<body><h1>${esc(title)}</h1><p class="meta">Generated ${esc(today)} by keyplan export-plan.</p>
${body}
</body></html>
`;
}
