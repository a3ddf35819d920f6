/**
 * Times `keyplan import` of the 10,000-contact account (largeBundle: 10,000 contacts, 20,000 links,
 * 300 opportunities) into a fresh local org over jsforce, then the re-import (all updates). Prints
 * progress on stderr and one JSON line on stdout.
 *
 *   npx tsx bench/import.bench.ts [--contacts 10000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { largeBundle } from '../data';
import { openTarget } from '../scripts/cli/connect';
import { importBundle } from '../scripts/cli/importer';
import { progress } from '../scripts/cli/progress';
import { checkBundle } from '../src/bundle/schema';

async function main(): Promise<void> {
  const i = process.argv.indexOf('--contacts');
  const contacts = i > 0 ? Number(process.argv[i + 1]) : 10000;
  const dir = mkdtempSync(path.join(tmpdir(), 'keyplan-bench-'));
  try {
    const t0 = performance.now();
    const { bundle, problems } = checkBundle(largeBundle({ contacts, today: '2026-05-01' }));
    if (!bundle) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const validateMs = Math.round(performance.now() - t0);
    const target = await openTarget({ db: path.join(dir, 'bench.sqlite') });
    try {
      const log = (line: string): void => void process.stderr.write(`${line}\n`);
      const first = await importBundle(target.conn, target.kind, bundle, {
        progress: progress(log, 1000),
        log
      });
      const again = await importBundle(target.conn, target.kind, bundle, {
        progress: progress(log, 1000),
        log
      });
      console.log(
        JSON.stringify({
          bench: 'keyplan import (local org, jsforce)',
          contacts: bundle.contacts.length,
          links: bundle.links.length,
          records: first.records,
          validateMs,
          importMs: first.ms,
          recordsPerSecond: Math.round((first.records / first.ms) * 1000),
          reimportMs: again.ms,
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

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
