/**
 * Runs every bench/*.bench.ts in its own process (so one benchmark's garbage does not slow the next)
 * and passes their JSON lines through. Exit code 1 if any benchmark process failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = __dirname;
// The browser benchmark needs Chromium and a built preview: it has its own script (npm run bench:browser).
const SEPARATE = new Set(['browser.bench.ts']);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && !SEPARATE.has(f))
  .sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`${f} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
