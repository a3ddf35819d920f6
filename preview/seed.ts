/**
 * Demo data for the preview: the account bundles of data/ (Aerovance Group, and the generated
 * 10,000-contact Stratosphere Holdings) loaded through `localorg/bundle.ts` `loadBundle`, so every
 * record passes the local org's save rules.
 *
 * A fresh database (no Account) marks each demo bundle pending in `_localorg_meta`
 * (`preview.demo.<key>`); a bundle's mark is removed in the transaction that loads it, so an
 * interrupted start (Ctrl-C while the large account loads) finishes the job on the next start and a
 * used database never gets demo data pushed into it again.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AEROVANCE_ACCOUNT_TEAM, aerovanceBundle, largeBundle, type DemoTeamMember } from '../data';
import { seedAccountTeam } from '../localorg/accountTeam';
import { loadBundle, type LoadedBundle } from '../localorg/bundle';
import { refreshPlannerStats } from '../localorg/db';
import { seedBantHistory } from '../localorg/history';
import { seedActivity, seedReviewChanges } from '../localorg/activities';
import type { LocalOrg } from '../localorg/org';
import type { AccountBundleInput } from '../src/bundle/schema';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * The large bundle sells from the Aerovance catalogue. Offerings are org-wide (keyed
 * `offering/<key>`), so the generated bundle's own twelve "Offering A".."L" would otherwise become
 * columns of every account's whitespace matrix, Aerovance's included.
 */
export function onSharedCatalogue(
  bundle: AccountBundleInput,
  catalogue: AccountBundleInput
): AccountBundleInput {
  const shared = catalogue.offerings ?? [];
  if (!shared.length) return bundle;
  const own = (bundle.offerings ?? []).map((o) => o.key);
  const to = new Map(own.map((k, i) => [k, shared[i % shared.length].key]));
  const remap = (k: string | null | undefined): string | null | undefined => (k ? (to.get(k) ?? k) : k);
  return {
    ...bundle,
    offerings: shared,
    opportunities: bundle.opportunities?.map((o) => ({ ...o, offering: remap(o.offering) })),
    cells: bundle.cells?.map((c) => ({ ...c, offering: remap(c.offering) as string }))
  };
}

/** The account and its descendants (Account.ParentId), as the plan's scope reads them. */
function withDescendants(org: LocalOrg, accountId: string): string[] {
  const out = [accountId];
  const children = org.db.prepare(`SELECT "Id" FROM "Account" WHERE "ParentId" = ? ORDER BY "Id"`);
  for (let i = 0; i < out.length && out.length < 2000; i++)
    for (const row of children.all(out[i]) as { Id: string }[]) if (!out.includes(row.Id)) out.push(row.Id);
  return out;
}

export interface DemoBundle {
  key: string;
  label: string;
  bundle: () => AccountBundleInput;
  /** Our users on the account team (AccountTeamMember), by the Email of a bundle user. */
  accountTeam?: readonly DemoTeamMember[];
  /** Backdate a month of BANT status changes, so the panel's "since last month" has something to show. */
  bantHistory?: boolean;
  /** About how many meetings, calls and emails of the last year to seed (localorg/activities.ts seedActivity). */
  activity?: number;
  /** Backdate contacts and write a month of stakeholder history, so "since last QBR" has something to show. */
  reviewChanges?: boolean;
  /**
   * The org's fiscal year to run while this bundle loads. Fiscal year is org-wide in Salesforce, so it
   * applies to the whole preview org (every account), and Opportunity.FiscalYear is re-derived.
   */
  fiscalYear?: { startMonth: number; namedByStart: boolean };
}

/**
 * The preview org runs an April fiscal year named by its start year (April 2026 - March 2027 is
 * FY2026), so the page proves the matrix and the plan bucket deals by the org's fiscal year.
 */
export const PREVIEW_FISCAL_YEAR = { startMonth: 4, namedByStart: true };

/**
 * The demo bundles in load order: the account the page opens first, then the large one
 * (`largeContacts` people; the browser tests use a smaller copy to stay quick).
 */
export function demoBundles(largeContacts = 10000): DemoBundle[] {
  const label = `Stratosphere Holdings (${largeContacts.toLocaleString('en-US')} contacts)`;
  return [
    {
      key: 'aerovance',
      label: 'Aerovance Group',
      bundle: () => aerovanceBundle(),
      accountTeam: AEROVANCE_ACCOUNT_TEAM,
      bantHistory: true,
      activity: 3000,
      reviewChanges: true,
      fiscalYear: PREVIEW_FISCAL_YEAR
    },
    {
      key: 'stratosphere',
      label,
      // About 20 activities per contact and year: 200,000 on the 10,000-contact account.
      activity: largeContacts * 20,
      bundle: () => {
        const large = onSharedCatalogue(largeBundle({ contacts: largeContacts }), aerovanceBundle());
        return { ...large, account: { ...large.account, Name: label } };
      }
    }
  ];
}

/** What `npm start` loads. */
export const DEMO_BUNDLES: readonly DemoBundle[] = demoBundles();

const mark = (key: string): string => `preview.demo.${key}`;

/**
 * On an empty org, marks every demo bundle pending. Returns the keys still pending (in load order),
 * including those a previous, interrupted start left behind.
 */
export function pendingDemo(org: LocalOrg, bundles: readonly DemoBundle[] = DEMO_BUNDLES): string[] {
  org.write(() => {
    if (org.db.prepare('SELECT 1 FROM "Account" LIMIT 1').get()) return;
    const put = org.db.prepare(`INSERT OR REPLACE INTO _localorg_meta (key, value) VALUES (?, 'pending')`);
    for (const b of bundles) put.run(mark(b.key));
  });
  const pending = new Set(
    (
      org.db.prepare(`SELECT key FROM _localorg_meta WHERE key LIKE 'preview.demo.%'`).all() as {
        key: string;
      }[]
    ).map((r) => r.key)
  );
  return bundles.filter((b) => pending.has(mark(b.key))).map((b) => b.key);
}

/** Loads one demo bundle and clears its pending mark, in one transaction. */
export function loadDemo(
  org: LocalOrg,
  key: string,
  bundles: readonly DemoBundle[] = DEMO_BUNDLES
): LoadedBundle {
  const demo = bundles.find((b) => b.key === key);
  if (!demo) throw new Error(`No demo bundle '${key}' (known: ${bundles.map((b) => b.key).join(', ')})`);
  const input = demo.bundle();
  return org.write(() => {
    if (demo.fiscalYear) org.setFiscalYear(demo.fiscalYear.startMonth, demo.fiscalYear.namedByStart);
    const loaded = loadBundle(org, input);
    if (demo.accountTeam) seedAccountTeam(org, loaded.accountId, demo.accountTeam);
    if (demo.bantHistory) seedBantHistory(org, loaded.accountId);
    if (demo.activity) seedActivity(org, loaded.accountId, { seed: 22, total: demo.activity });
    // The whole group: a subsidiary's contacts would otherwise all look created today ("joined").
    if (demo.reviewChanges)
      for (const id of withDescendants(org, loaded.accountId)) seedReviewChanges(org, id);
    org.db.prepare('DELETE FROM _localorg_meta WHERE key = ?').run(mark(key));
    // A demo account is thousands of rows (the large one 10,000 contacts and 200,000 activities).
    refreshPlannerStats(org.db);
    return loaded;
  });
}

/** What a background load reports. */
export interface BackgroundLoad {
  key: string;
  ms: number;
  records: number;
}

/**
 * Loads demo bundles in a child process on the same database file, so the page answers while the
 * 10,000-contact account loads (~12 s on 2 cores; loadBundle is synchronous). SQLite WAL lets the
 * page read meanwhile; a write from the page waits for the load (busy timeout). `cancel()` kills the
 * child: its transaction rolls back and the pending mark stays for the next start.
 */
export function loadDemoInBackground(
  dbFile: string,
  keys: string[]
): { done: Promise<BackgroundLoad[]>; cancel(): void } {
  const child = fork(path.join(HERE, 'seed-worker.ts'), keys, {
    cwd: path.resolve(HERE, '..'),
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LOCALORG_DB: dbFile },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  });
  const results: BackgroundLoad[] = [];
  const done = new Promise<BackgroundLoad[]>((resolve, reject) => {
    child.on('message', (m: BackgroundLoad | { error: string }) => {
      if ('error' in m) reject(new Error(m.error));
      else results.push(m);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve(results)
        : reject(new Error(`demo data loader stopped (${signal ?? `exit code ${code}`})`))
    );
  });
  return {
    done,
    cancel: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
  };
}

/** Records a LoadedBundle wrote, for the start banner. */
export function recordCount(loaded: LoadedBundle): number {
  return Object.values(loaded.counts).reduce((a, b) => a + b, 0);
}
