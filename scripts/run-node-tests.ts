/**
 * Runs the Node-side tests (`*.test.ts` under test/, src/, scripts/, localorg/) with node's own test
 * runner through tsx. Jest runs the component and domain-core tests; this runs everything that needs
 * real Node: metadata checks, contracts, the local org, the command-line tools.
 *
 *   tsx scripts/run-node-tests.ts [filter...]   only files whose path contains one of the filters
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, walk } from './lib/paths';

const DIRS = ['test', 'src', 'scripts', 'localorg'];

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = (await Promise.all(DIRS.map((d) => walk(path.join(ROOT, d)))))
    .flat()
    .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
    .map((f) => path.relative(ROOT, f))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
  if (files.length === 0) {
    console.error('run-node-tests: no test files matched');
    process.exit(1);
  }
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } }
  );
  process.exit(result.status ?? 1);
}

void main();
