/**
 * Coverage as a worklist: the coverage issues grouped by what a KAM does about them, ordered by the
 * money at stake in the person's buying center, each with one action.
 */
import type { CoverageContact, CoverageIssue, CoverageIssueCode } from './coverage';
import { winOverSubject } from './prefill';

export type WorklistGroupCode = 'notReached' | 'threads' | 'detractors' | 'cooling' | 'stale';
/** addTeamLink: record who on our team knows them; focusBuyingCenter: filter the chart; editLink: refresh the link. */
export type WorklistAction = 'addTeamLink' | 'focusBuyingCenter' | 'editLink';

export interface WorklistItem {
  key: string;
  code: CoverageIssueCode;
  text: string;
  contactId: string | null;
  buyingCenterId: string | null;
  linkId: string | null;
  /** Money at stake in the buying center the item is about (0 when unknown). */
  money: number;
  action: WorklistAction;
  actionLabel: string;
  /**
   * The subject of the plan action the item also offers ("Win over Carla Gruber (Detractor, Helicopters
   * Europe)", planActionPrefill), or null: high-influence detractors nobody works on.
   */
  planSubject: string | null;
}

export interface WorklistGroup {
  code: WorklistGroupCode;
  label: string;
  items: WorklistItem[];
}

const GROUPS: { code: WorklistGroupCode; label: string; codes: CoverageIssueCode[] }[] = [
  {
    code: 'notReached',
    label: 'Decision makers without a strong relationship with us',
    codes: ['UNCOVERED_DECISION_MAKER']
  },
  {
    code: 'threads',
    label: 'Buying centers with one thread or none',
    codes: ['UNCOVERED_BUYING_CENTER', 'SINGLE_THREADED']
  },
  {
    code: 'detractors',
    label: 'High-influence detractors nobody on our team works on',
    codes: ['INFLUENTIAL_DETRACTOR']
  },
  {
    code: 'cooling',
    label: 'Decision makers going quiet (monthly contact before)',
    codes: ['COOLING_DECISION_MAKER']
  },
  { code: 'stale', label: 'Stale team links', codes: ['STALE_LINK'] }
];

const ACTIONS: Record<CoverageIssueCode, { action: WorklistAction; label: string }> = {
  UNCOVERED_DECISION_MAKER: { action: 'addTeamLink', label: 'Add team link' },
  INFLUENTIAL_DETRACTOR: { action: 'addTeamLink', label: 'Add team link' },
  SINGLE_THREADED: { action: 'focusBuyingCenter', label: 'Focus' },
  UNCOVERED_BUYING_CENTER: { action: 'focusBuyingCenter', label: 'Focus' },
  STALE_LINK: { action: 'editLink', label: 'Update link' },
  COOLING_DECISION_MAKER: { action: 'addTeamLink', label: 'Add team link' }
};

/**
 * Money at stake per buying center: the budget owned by its contacts and by the contacts of its
 * sub-centers (a parent center answers for its children's money too).
 */
export function moneyAtStake(
  contacts: readonly Pick<CoverageContact, 'buyingCenterId' | 'budgetOwned'>[],
  buyingCenters: readonly { id: string; parentId: string | null }[]
): Map<string, number> {
  const parent = new Map(buyingCenters.map((b) => [b.id, b.parentId]));
  const out = new Map<string, number>();
  for (const c of contacts) {
    const amount = c.budgetOwned ?? 0;
    if (!c.buyingCenterId || !(amount > 0)) continue;
    const seen = new Set<string>();
    let at: string | null | undefined = c.buyingCenterId;
    while (at && !seen.has(at)) {
      seen.add(at);
      out.set(at, (out.get(at) ?? 0) + amount);
      at = parent.get(at);
    }
  }
  return out;
}

/** The worklist: groups in a fixed order (empty ones left out), items by money at stake, then severity. */
export function coverageWorklist(
  issues: readonly CoverageIssue[],
  contacts: readonly (Pick<CoverageContact, 'id' | 'buyingCenterId' | 'budgetOwned'> & { name?: string })[],
  buyingCenters: readonly { id: string; parentId: string | null; name?: string }[]
): WorklistGroup[] {
  const money = moneyAtStake(contacts, buyingCenters);
  const centerOf = new Map(contacts.map((c) => [c.id, c.buyingCenterId]));
  const nameOf = new Map(contacts.map((c) => [c.id, c.name]));
  const centerName = new Map(buyingCenters.map((b) => [b.id, b.name]));
  const rank = { high: 0, medium: 1, low: 2 };
  const groups: WorklistGroup[] = [];
  for (const g of GROUPS) {
    const picked = issues
      .map((issue, n) => ({ issue, n }))
      .filter(({ issue }) => g.codes.includes(issue.code));
    if (!picked.length) continue;
    const items = picked.map(({ issue, n }) => {
      const bc = issue.buyingCenterId ?? (issue.contactId ? centerOf.get(issue.contactId) : null) ?? null;
      const a = ACTIONS[issue.code];
      return {
        item: {
          key: `${issue.code}-${issue.contactId ?? ''}-${issue.buyingCenterId ?? ''}-${issue.linkId ?? ''}-${n}`,
          code: issue.code,
          text: issue.message,
          contactId: issue.contactId ?? null,
          buyingCenterId: bc,
          linkId: issue.linkId ?? null,
          money: bc ? (money.get(bc) ?? 0) : 0,
          action: a.action,
          actionLabel: a.label,
          planSubject:
            issue.code === 'INFLUENTIAL_DETRACTOR' && issue.contactId && nameOf.get(issue.contactId)
              ? winOverSubject({
                  name: nameOf.get(issue.contactId)!,
                  stance: 'Detractor',
                  buyingCenterName: bc ? centerName.get(bc) : null
                })
              : null
        },
        severity: rank[issue.severity],
        n
      };
    });
    items.sort((a, b) => b.item.money - a.item.money || a.severity - b.severity || a.n - b.n);
    groups.push({ code: g.code, label: g.label, items: items.map((x) => x.item) });
  }
  return groups;
}
