/**
 * Child process of `loadDemoInBackground` (preview/seed.ts): opens the local org on LOCALORG_DB and
 * loads the demo bundles named in argv, reporting each one to the parent.
 */
import { LocalOrg } from '../localorg/org';
import { DEFAULT_FORCE_APP } from '../localorg/server';
import { loadDemo, recordCount, type BackgroundLoad } from './seed';

/** Sends and waits until the message is handed to the channel (so exiting right after loses nothing). */
const send = (m: BackgroundLoad | { error: string }): Promise<void> =>
  new Promise((resolve) => (process.send ? process.send(m, undefined, {}, () => resolve()) : resolve()));

async function main(): Promise<void> {
  const org = LocalOrg.open({ forceAppDir: DEFAULT_FORCE_APP, dbFile: process.env.LOCALORG_DB ?? '' });
  try {
    for (const key of process.argv.slice(2)) {
      const t0 = performance.now();
      const loaded = loadDemo(org, key);
      await send({ key, ms: Math.round(performance.now() - t0), records: recordCount(loaded) });
    }
  } finally {
    org.close();
  }
}

main().then(
  () => process.disconnect?.(),
  async (e: unknown) => {
    await send({ error: e instanceof Error ? e.message : String(e) });
    process.exitCode = 1;
    process.disconnect?.();
  }
);
