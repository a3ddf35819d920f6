/**
 * `npm start` (after `npm run build`): builds the preview when its inputs changed, starts the local
 * org with the page server in front of it on 127.0.0.1 (PORT, default a free port), and on first
 * start (empty database) loads the demo accounts: Aerovance Group before the URL is printed (~1 s),
 * the 10,000-contact Stratosphere Holdings after it, in a child process (~12 s), so the page is
 * usable at once. LOCALORG_DB picks the database file.
 */
import { buildPreview } from './build';
import { DEMO_BUNDLES, loadDemo, loadDemoInBackground, pendingDemo, recordCount } from './seed';
import { DEFAULT_DB_FILE, sessionFileOf } from '../localorg/server';
import { sfLoginCommand } from '../localorg/identity';
import { startPreview } from './server';

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const t0 = performance.now();
  const build = await buildPreview();
  const dbFile = process.env.LOCALORG_DB ?? DEFAULT_DB_FILE;
  const preview = await startPreview({
    port: Number(process.env.PORT ?? 0),
    dbFile,
    sessionFile: sessionFileOf(dbFile)
  });
  const { org } = preview.localOrg;
  const label = (key: string): string => DEMO_BUNDLES.find((b) => b.key === key)?.label ?? key;

  // The page opens the first account: load it now; the rest may follow once the URL is out.
  let pending: string[] = [];
  let seeded = 'existing data kept';
  try {
    pending = pendingDemo(org);
    if (pending[0] === 'aerovance') {
      const t = performance.now();
      const loaded = loadDemo(org, 'aerovance');
      seeded = `loaded ${label('aerovance')} (${recordCount(loaded)} records, ${secs(performance.now() - t)})`;
      pending = pending.slice(1);
    }
  } catch (e) {
    // A half-finished metadata change must not keep the page from starting: say why and go on.
    seeded = `could not load the demo data: ${e instanceof Error ? e.message : String(e)}`;
    pending = [];
  }

  console.log(`Keyplan preview: ${preview.url}`);
  console.log(
    `  preview build: ${build.skipped ? 'up to date' : secs(build.ms)}; components: ${build.components.join(', ') || 'none yet'}${build.missing.length ? ` (not yet written: ${build.missing.join(', ')})` : ''}`
  );
  console.log(
    `  local org: ${preview.localOrg.url} as ${org.user.Username} (${preview.localOrg.access.source}); jsforce url and token (random per start) in ${sessionFileOf(dbFile)}; database ${org.db.name}; ${seeded}`
  );
  console.log(
    `  sf CLI: ${sfLoginCommand(preview.localOrg.url, sessionFileOf(dbFile))}   (then e.g. npx sf data query --target-org keyplan-local --query "SELECT Name FROM Account")`
  );
  console.log(`  ready in ${secs(performance.now() - t0)}. Ctrl-C stops.`);

  let background: ReturnType<typeof loadDemoInBackground> | undefined;
  if (pending.length) {
    console.log(`  loading ${pending.map(label).join(', ')} in the background...`);
    background = loadDemoInBackground(org.db.name, pending);
    background.done.then(
      (loads) => {
        for (const l of loads)
          console.log(
            `  loaded ${label(l.key)} (${l.records} records, ${secs(l.ms)}): pick it in the page's account list`
          );
      },
      (e: unknown) =>
        console.error(
          `  could not load ${pending.map(label).join(', ')}: ${e instanceof Error ? e.message : String(e)} (it loads on the next start)`
        )
    );
  }

  const stop = (): void => {
    background?.cancel();
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
