/**
 * Times `keyplan import` into a fresh local org over jsforce, REST (sObject collections of 200) against
 * Bulk API 2.0 (ingest jobs for an object's rows at or above BULK_THRESHOLD): the 10,000-contact
 * account (largeBundle: 10,000 contacts, 20,000 links, 300 opportunities; then its re-import, all
 * updates) and a generated 100,000-contact group (100,000 contacts, 300 opportunities, no links).
 * Prints progress on stderr and one JSON line per case on stdout. The 100,000 case takes minutes.
 *
 *   npx tsx bench/import.bench.ts [--contacts 10000] [--no-100k]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { largeBundle } from '../data';
import { BULK_THRESHOLD } from '../scripts/cli/bulk';
import { openTarget } from '../scripts/cli/connect';
import { importBundle, type ImportSummary } from '../scripts/cli/importer';
import { progress } from '../scripts/cli/progress';
import { checkBundle, type AccountBundle } from '../src/bundle/schema';

const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function run(
  name: string,
  bundle: AccountBundle,
  transport: 'REST' | 'Bulk',
  reimport: boolean
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyplan-bench-'));
  try {
    const target = await openTarget({ db: path.join(dir, 'bench.sqlite') });
    try {
      const options = {
        progress: progress(log, 5000),
        log,
        bulkThreshold: transport === 'REST' ? Infinity : BULK_THRESHOLD
      };
      const first: ImportSummary = await importBundle(target.conn, target.kind, bundle, options);
      const again = reimport ? await importBundle(target.conn, target.kind, bundle, options) : undefined;
      console.log(
        JSON.stringify({
          bench: `keyplan import ${name} (local org, jsforce, ${transport})`,
          transport,
          contacts: bundle.contacts.length,
          links: bundle.links.length,
          records: first.records,
          importMs: first.ms,
          recordsPerSecond: Math.round((first.records / first.ms) * 1000),
          bulkJobs: (first.bulkJobs ?? []).map((j) => `${j.object} ${j.operation} ${j.records}`),
          ...(again
            ? {
                reimportMs: again.ms,
                reimportRecordsPerSecond: Math.round((again.records / again.ms) * 1000)
              }
            : {}),
          node: process.version
        })
      );
    } finally {
      await target.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function valid(input: unknown): AccountBundle {
  const { bundle, problems } = checkBundle(input);
  if (!bundle) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return bundle;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--contacts');
  const contacts = i > 0 ? Number(process.argv[i + 1]) : 10000;
  const account = valid(largeBundle({ contacts, today: '2026-05-01' }));
  for (const transport of ['REST', 'Bulk'] as const)
    await run(`${contacts} contacts`, account, transport, true);
  if (process.argv.includes('--no-100k')) return;
  const group = valid(largeBundle({ contacts: 100_000, links: 0, today: '2026-05-01' }));
  for (const transport of ['REST', 'Bulk'] as const)
    await run('100000-contact group', group, transport, false);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
