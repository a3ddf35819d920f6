/**
 * Test support for the Apex twins: a local org over a temp database, a small seeded account, and a
 * caller for `POST /apex/<Class>/<method>`.
 */
import path from 'node:path';
import { ApexErrorBody, KeyplanErrorMessage } from '../../../../src/contracts';
import { loadBundle, type SeedBundle } from '../../../seed';
import type { RunningLocalOrg } from '../../../server';
import { startTestOrg, tempDir } from '../../../test/helpers';

export interface TwinReply {
  status: number;
  // The JSON body as the component would receive it; tests narrow it with the zod contracts.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience, checked by zod/asserts
}

export interface TwinOrg {
  running: RunningLocalOrg;
  /** Ids by seed ref. */
  ids: Map<string, string>;
  id(ref: string): string;
  call(className: string, method: string, params: Record<string, unknown>): Promise<TwinReply>;
  /** Reads records straight from the local org (no FLS), for checking what a write stored. */
  count(objectName: string, where?: string): number;
  close(): Promise<void>;
}

/**
 * The small account every twin test uses: Acme (3 contacts, 2 buying centers, 2 offerings one of them
 * inactive, 2 links, 5 opportunities over 3 fiscal years with contact roles, 3 cells, a 2026 plan with
 * actions) and Other Co (1 contact, 1 buying center) for cross-account rules.
 */
export function smallAccount(userId: string): SeedBundle {
  return {
    objects: [
      [
        'Account',
        [
          { ref: 'acme', Name: 'Acme Industries' },
          { ref: 'other', Name: 'Other Co' }
        ]
      ],
      [
        'Offering__c',
        [
          { ref: 'cloud', Name: 'Cloud Platform', Family__c: 'Platform', Sort_Order__c: 1, Active__c: true },
          { ref: 'legacy', Name: 'Legacy Support', Family__c: 'Services', Sort_Order__c: 2, Active__c: false }
        ]
      ],
      [
        'Buying_Center__c',
        [
          { ref: 'it', Name: 'Group IT', Account__c: '@acme', Sort_Order__c: 1, Wallet_Size__c: 900000 },
          {
            ref: 'fin',
            Name: 'Finance',
            Account__c: '@acme',
            Sort_Order__c: 2,
            Parent_Buying_Center__c: '@it'
          },
          { ref: 'otherBc', Name: 'Other BC', Account__c: '@other' }
        ]
      ],
      [
        'Contact',
        [
          { ref: 'ceo', FirstName: 'Ada', LastName: 'Brandt', Title: 'CEO', AccountId: '@acme' },
          {
            ref: 'cfo',
            FirstName: 'Ben',
            LastName: 'Costa',
            Title: 'CFO',
            AccountId: '@acme',
            ReportsToId: '@ceo',
            Keyplan_Buyer_Role__c: 'Economic Buyer'
          },
          {
            ref: 'cio',
            FirstName: 'Cleo',
            LastName: 'Diaz',
            Title: 'CIO',
            AccountId: '@acme',
            ReportsToId: '@ceo',
            Keyplan_Buying_Center__c: '@it',
            Keyplan_Stance__c: 'Champion',
            Keyplan_Decision_Role__c: 'Decision Maker'
          },
          { ref: 'stranger', LastName: 'Elsewhere', AccountId: '@other' }
        ]
      ],
      [
        'Relationship_Link__c',
        [
          {
            ref: 'link1',
            Account__c: '@acme',
            From_Contact__c: '@cfo',
            To_Contact__c: '@cio',
            Type__c: 'Influence',
            Strength__c: 4,
            Polarity__c: 'Positive'
          },
          {
            ref: 'link2',
            Account__c: '@acme',
            From_User__c: userId,
            To_Contact__c: '@ceo',
            Type__c: 'Coverage',
            Strength__c: 3,
            Polarity__c: 'Positive'
          }
        ]
      ],
      [
        'Opportunity',
        [
          {
            ref: 'won26',
            Name: 'Won 2026',
            AccountId: '@acme',
            StageName: 'Closed Won',
            CloseDate: '2026-03-01',
            Amount: 100000,
            Keyplan_Buying_Center__c: '@it',
            Keyplan_Offering__c: '@cloud'
          },
          {
            ref: 'open26',
            Name: 'Open 2026',
            AccountId: '@acme',
            StageName: 'Needs Analysis',
            CloseDate: '2026-09-30',
            Amount: 50000,
            Probability: 40,
            Keyplan_Budget_Status__c: 'Confirmed',
            Keyplan_Need_Status__c: 'Identified'
          },
          {
            ref: 'open26b',
            Name: 'Open 2026 B',
            AccountId: '@acme',
            StageName: 'Prospecting',
            CloseDate: '2026-11-30',
            Amount: 20000,
            Probability: 10
          },
          {
            ref: 'lost26',
            Name: 'Lost 2026',
            AccountId: '@acme',
            StageName: 'Closed Lost',
            CloseDate: '2026-05-01',
            Amount: 30000
          },
          {
            ref: 'won25',
            Name: 'Won 2025',
            AccountId: '@acme',
            StageName: 'Closed Won',
            CloseDate: '2025-06-01',
            Amount: 20000
          },
          {
            ref: 'won24',
            Name: 'Won 2024',
            AccountId: '@acme',
            StageName: 'Closed Won',
            CloseDate: '2024-06-01',
            Amount: 999
          }
        ]
      ],
      [
        'OpportunityContactRole',
        [
          { OpportunityId: '@open26', ContactId: '@cfo', Role: 'Evaluator', IsPrimary: false },
          { OpportunityId: '@open26', ContactId: '@cio', Role: 'Economic Buyer', IsPrimary: true }
        ]
      ],
      [
        'Landscape_Cell__c',
        [
          {
            ref: 'cellIt26',
            Buying_Center__c: '@it',
            Offering__c: '@cloud',
            Fiscal_Year__c: 2026,
            State__c: 'Whitespace',
            Potential__c: 70000
          },
          {
            ref: 'cellFin26',
            Buying_Center__c: '@fin',
            Offering__c: '@cloud',
            Fiscal_Year__c: 2026,
            State__c: 'Competitor',
            Competitor__c: 'Rival',
            Potential__c: 10000
          },
          {
            ref: 'cellIt25',
            Buying_Center__c: '@it',
            Offering__c: '@cloud',
            Fiscal_Year__c: 2025,
            State__c: 'Whitespace',
            Potential__c: 5000
          }
        ]
      ],
      [
        'Account_Plan__c',
        [
          {
            ref: 'plan26',
            Account__c: '@acme',
            Name: 'Acme FY2026',
            Fiscal_Year__c: 2026,
            Status__c: 'Active',
            Revenue_Goal__c: 500000,
            Mining_Goal__c: 200000,
            Farming_Goal__c: 100000
          }
        ]
      ],
      [
        'Plan_Action__c',
        [
          {
            ref: 'late',
            Account_Plan__c: '@plan26',
            Name: 'Late action',
            Due_Date__c: '2020-01-15',
            Status__c: 'Open',
            Assigned_To__c: userId
          },
          {
            ref: 'lateDone',
            Account_Plan__c: '@plan26',
            Name: 'Done action',
            Due_Date__c: '2020-01-10',
            Status__c: 'Done'
          },
          {
            ref: 'future',
            Account_Plan__c: '@plan26',
            Name: 'Future action',
            Due_Date__c: '2099-01-01',
            Status__c: 'Open'
          }
        ]
      ]
    ]
  };
}

/**
 * Starts a local org on a temp database with the twins loaded and `bundle` (default smallAccount) seeded.
 * Requests run as the demo account manager unless `user` names another local user (e.g. `admin` for
 * what only an admin may do, such as editing the Keyplan_Tuning__c custom setting).
 */
export async function startTwinOrg(bundle?: (userId: string) => SeedBundle, user?: string): Promise<TwinOrg> {
  const tmp = tempDir('twins-');
  const { running } = await startTestOrg({
    dbFile: path.join(tmp.dir, 'org.sqlite'),
    ...(user ? { user } : {})
  });
  const ids = loadBundle(running.org, (bundle ?? smallAccount)(running.org.userId));
  return {
    running,
    ids,
    id(ref) {
      const id = ids.get(ref);
      if (!id) throw new Error(`no seeded record ${ref}`);
      return id;
    },
    async call(className, method, params) {
      const res = await fetch(`${running.url}/apex/${className}/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(params)
      });
      return { status: res.status, body: await res.json() };
    },
    count(objectName, where = '1 = 1') {
      return (
        running.org.db.prepare(`SELECT COUNT(*) AS n FROM "${objectName}" WHERE ${where}`).get() as {
          n: number;
        }
      ).n;
    },
    async close() {
      await running.close();
      tmp.cleanup();
    }
  };
}

/** The stale-write message of KeyplanErrors.assertNotStale. */
export const staleMessage = (label: string): string =>
  `${label} was changed by someone else since you opened it. Reload to see their changes, then make yours again.`;

/** A datetime one second before `iso` (a copy the user loaded before someone else saved). */
export const earlier = (iso: string): string => new Date(new Date(iso).getTime() - 1000).toISOString();

/**
 * The message a validation rule's failure reaches the component with, read from the rule's XML
 * (`Field__c: message`, as KeyplanErrors joins a DML error's fields and message): the twins do not
 * restate the rules, so a test expects the platform's words.
 */
export function ruleError(t: TwinOrg, objectName: string, ruleName: string): string {
  const rule = t.running.org.schema.objects
    .get(objectName)
    ?.validationRules?.find((r) => r.name === ruleName);
  if (!rule) throw new Error(`no validation rule ${objectName}.${ruleName} in the metadata`);
  return rule.field ? `${rule.field}: ${rule.message}` : rule.message;
}

/**
 * The Keyplan error a twin answered with: the AuraHandledException body the component receives, whose
 * message is KeyplanErrors' JSON (code, message, fieldErrors, reference), checked by the contracts.
 */
export function errorOf(reply: TwinReply): KeyplanErrorMessage {
  const body = ApexErrorBody.parse(reply.body?.body);
  return KeyplanErrorMessage.parse(JSON.parse(body.message));
}

/**
 * Waits until the clock is in the next whole second: LastModifiedDate is compared at seconds (the org's
 * precision), so a second save only makes an older copy stale once the second has turned.
 */
export async function nextSecond(): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
}
