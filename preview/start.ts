/**
 * `npm start` (after `npm run build`): builds the preview when its inputs changed, starts the local
 * org with the page server in front of it on 127.0.0.1 (PORT, default a free port), seeds demo data
 * on first start and prints the URL. LOCALORG_DB picks the database file.
 */
import { buildPreview } from './build';
import { seedDemo } from './seed';
import { startPreview } from './server';

async function main(): Promise<void> {
  const t0 = performance.now();
  const build = await buildPreview();
  const preview = await startPreview({
    port: Number(process.env.PORT ?? 0),
    dbFile: process.env.LOCALORG_DB
  });
  const seeded = seedDemo(preview.localOrg.org);
  const total = (performance.now() - t0) / 1000;

  console.log(`Keyplan preview: ${preview.url}`);
  console.log(
    `  preview build: ${build.skipped ? 'up to date' : `${(build.ms / 1000).toFixed(1)} s`}; components: ${build.components.join(', ') || 'none yet'}${build.missing.length ? ` (not yet written: ${build.missing.join(', ')})` : ''}`
  );
  console.log(
    `  local org: ${preview.localOrg.url} (jsforce token '${preview.localOrg.token}'), database ${preview.localOrg.org.db.name}; ${seeded}`
  );
  console.log(`  ready in ${total.toFixed(1)} s. Ctrl-C stops.`);

  const stop = (): void => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
