/**
 * A generated group for scale (issue 21): the generated large account (data/large.ts, 10,000 contacts by
 * default) spread over 500 child accounts two levels deep (20 subsidiaries with 24 subsidiaries each), its
 * people and deals dealt round-robin to the companies, so reporting lines and links cross companies of the
 * group everywhere. Deterministic; the browser benchmark loads it next to the single 10,000-contact account.
 */
import type { AccountBundleInput } from '../src/bundle/schema';
import { largeBundle, type LargeOptions } from './large';

export interface LargeGroupOptions extends LargeOptions {
  /** Child accounts in all (default 500): `top` first-level subsidiaries, the rest spread below them. */
  accounts?: number;
  /** First-level subsidiaries (default 20). */
  top?: number;
}

export function largeGroupBundle(options: LargeGroupOptions = {}): AccountBundleInput {
  const accounts = options.accounts ?? 500;
  const top = Math.min(options.top ?? 20, accounts);
  const base = largeBundle(options);
  const fy = Number((options.today ?? new Date().toISOString()).slice(0, 4));
  const key = (i: number): string => `gs-${i}`;
  const subsidiaries = Array.from({ length: accounts }, (_, i) => ({
    key: key(i),
    Name: `Stratosphere ${i < top ? 'Division' : 'Company'} ${String(i + 1).padStart(3, '0')}`,
    BillingCountry: ['Germany', 'France', 'United States', 'Japan', 'Brazil'][i % 5],
    parent: i < top ? null : key(i % top)
  }));
  // Every company gets people and deals; the group's own account keeps every (accounts + 1)-th.
  const companyOf = (i: number): string | undefined => {
    const slot = i % (accounts + 1);
    return slot === accounts ? undefined : key(slot);
  };
  return {
    ...base,
    account: { ...base.account, key: 'stratogroup', Name: 'Stratosphere Group' },
    subsidiaries,
    contacts: (base.contacts ?? []).map((c, i) => ({ ...c, account: companyOf(i) })),
    opportunities: (base.opportunities ?? []).map((o, i) => ({ ...o, account: companyOf(i) })),
    // The group plan of the year, so the plan summary has something to sum the 500 companies into.
    plans: [
      ...(base.plans ?? []),
      {
        key: `group-plan-${fy}`,
        Name: `Stratosphere Group FY${fy} plan`,
        Fiscal_Year__c: fy,
        Status__c: 'Active',
        Revenue_Goal__c: 60e6,
        Mining_Goal__c: 40e6,
        Farming_Goal__c: 20e6
      }
    ]
  };
}
