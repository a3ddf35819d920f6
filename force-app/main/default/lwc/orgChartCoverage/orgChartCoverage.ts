import { LightningElement, api } from 'lwc';
import type { CoverageIssue, CoverageIssueCode } from 'c/keyplanCore';

type Issue = CoverageIssue & { key: string };

const GROUPS: { code: CoverageIssueCode; label: string }[] = [
  { code: 'UNCOVERED_DECISION_MAKER', label: 'Decision makers and economic buyers we do not reach' },
  { code: 'COOLING_DECISION_MAKER', label: 'Decision makers going quiet (monthly contact before)' },
  { code: 'INFLUENTIAL_DETRACTOR', label: 'High-influence detractors' },
  { code: 'SINGLE_THREADED', label: 'Single-threaded buying centers' },
  { code: 'UNCOVERED_BUYING_CENTER', label: 'Buying centers nobody reaches' },
  { code: 'STALE_LINK', label: 'Stale links' }
];

/** The coverage gaps of the account (from the core's coverage analysis), each one a way to the person. */
export default class OrgChartCoverage extends LightningElement {
  @api issues: Issue[] = [];

  get groups(): {
    code: string;
    label: string;
    headingId: string;
    items: (Issue & { severityClass: string })[];
  }[] {
    return GROUPS.map((g) => ({
      code: g.code,
      label: `${g.label} (${(this.issues ?? []).filter((i) => i.code === g.code).length})`,
      headingId: `h-${g.code}`,
      items: (this.issues ?? [])
        .filter((i) => i.code === g.code)
        .map((i) => ({ ...i, severityClass: `issue issue-${i.severity}` }))
    })).filter((g) => g.items.length > 0);
  }

  get isClear(): boolean {
    return (this.issues ?? []).length === 0;
  }

  handleSelect(event: Event): void {
    const el = event.currentTarget as HTMLElement;
    const contactId = el.dataset.contactId || undefined;
    const buyingCenterId = el.dataset.buyingCenterId || undefined;
    this.dispatchEvent(new CustomEvent('select', { detail: { contactId, buyingCenterId } }));
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }
}
