import { startLocalOrg } from './server';
import { coreWarnings } from './formulas';

/** `npm run localorg`: serves the local org until Ctrl-C. PORT, LOCALORG_DB and LOCALORG_TOKEN override defaults. */
async function main(): Promise<void> {
  const running = await startLocalOrg();
  console.log(`Local org listening on ${running.url}`);
  console.log(
    `  jsforce: new Connection({ instanceUrl: '${running.url}', accessToken: '${running.token}', version: '62.0' })`
  );
  console.log(`  database: ${running.org.db.name}`);
  console.log(`  field access: ${running.access.source}`);
  for (const w of coreWarnings) console.warn(`  warning: ${w}`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
