/**
 * `npm run test:e2e`: compiles the LWC sources (`npm run build`), builds the preview, starts the local
 * org and the page on free ports with a temporary database, loads the demo accounts (preview/seed.ts), and runs e2e/*.e2e.ts with
 * node's test runner (through tsx). Screenshots go to artifacts/screenshots/.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPreview, ROOT } from '../preview/build';
import { demoBundles, loadDemo, pendingDemo } from '../preview/seed';
import { startPreview } from '../preview/server';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  if (!process.argv.includes('--no-build')) {
    const code = await run('npm', ['run', '--silent', 'build']);
    if (code !== 0) return code;
  }
  const build = await buildPreview();
  console.log(
    `e2e: preview ${build.skipped ? 'up to date' : `built in ${(build.ms / 1000).toFixed(1)} s`}; components: ${build.components.join(', ') || 'none yet'}`
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-e2e-'));
  const preview = await startPreview({ port: 0, dbFile: path.join(dir, 'org.sqlite') });
  try {
    // Aerovance as npm start loads it; the large account smaller, so the run stays quick.
    const bundles = demoBundles(Number(process.env.KEYPLAN_E2E_LARGE_CONTACTS ?? 500));
    const t0 = performance.now();
    for (const key of pendingDemo(preview.localOrg.org, bundles))
      loadDemo(preview.localOrg.org, key, bundles);
    console.log(
      `e2e: loaded ${bundles.map((b) => b.label).join(' and ')} in ${Math.round(performance.now() - t0)} ms; page at ${preview.url}`
    );
    const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
    const files = only.length
      ? only
      : readdirSync(path.join(ROOT, 'e2e'))
          .filter((f) => f.endsWith('.e2e.ts'))
          .map((f) => path.join('e2e', f));
    return await run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
      ...process.env,
      KEYPLAN_E2E_URL: preview.url,
      // The page server only answers its page (per-start secret); tests that act as another client
      // talk to the local org directly with its token.
      KEYPLAN_E2E_PREVIEW_SECRET: preview.secret,
      KEYPLAN_E2E_ORG_URL: preview.localOrg.url,
      KEYPLAN_E2E_ORG_TOKEN: preview.localOrg.token,
      KEYPLAN_E2E_SCREENSHOTS: path.join(ROOT, 'artifacts/screenshots')
    });
  } finally {
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  }
);
