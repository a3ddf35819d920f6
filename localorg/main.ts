import { sessionFileOf, startLocalOrg, DEFAULT_DB_FILE } from './server';
import { coreWarnings } from './formulas';
import { sfLoginCommand } from './identity';

/**
 * `npm run localorg [-- --as demo|admin|minimum]`: serves the local org until Ctrl-C. PORT, LOCALORG_DB,
 * LOCALORG_USER and LOCALORG_TOKEN override defaults. The bearer token is random per start; it is written with the URL to `<db>.session.json`
 * (mode 0600), where clients read it (`readSession()` in server.ts), and never printed.
 */
async function main(): Promise<void> {
  const dbFile = process.env.LOCALORG_DB ?? DEFAULT_DB_FILE;
  const sessionFile = sessionFileOf(dbFile);
  const as = process.argv.indexOf('--as');
  const user = as >= 0 ? process.argv[as + 1] : undefined;
  if (as >= 0 && !user) throw new Error('--as needs a user: demo, admin or minimum (or a Username)');
  const running = await startLocalOrg({ dbFile, sessionFile, ...(user ? { user } : {}) });
  console.log(`Local org listening on ${running.url}`);
  console.log(`  url and bearer token (random per start): ${sessionFile} (readable by you only)`);
  console.log(
    `  jsforce: const { url, token } = readSession(); new Connection({ instanceUrl: url, accessToken: token, version: '62.0' })`
  );
  console.log(`  sf CLI: ${sfLoginCommand(running.url, sessionFile)}`);
  console.log(`  database: ${running.org.db.name}`);
  console.log(
    `  running as ${running.org.user.Username} (${running.org.user.alias}; LOCALORG_USER or --as demo|admin|minimum): ${running.access.source}`
  );
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
