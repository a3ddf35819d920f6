import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { findJava } from '../../scripts/lib/java';
import { MAIN, ROOT } from '../../scripts/lib/paths';

const PMD_LIB = path.join(ROOT, 'node_modules', '@salesforce', 'sfdx-scanner', 'dist', 'pmd7', 'lib', '*');

test('PMD Apex rules (security and chosen best practices) report zero violations', () => {
  // PMD 7 runs on Java 17 or newer (the apex-ls runtime, 21+, runs it too).
  const java = findJava(17);
  assert.ok(java, 'Java 17+ is not installed: run `npm run setup` and retry');
  const result = spawnSync(
    java.bin,
    [
      '-cp',
      PMD_LIB,
      'net.sourceforge.pmd.cli.PmdCli',
      'check',
      '-R',
      path.join(ROOT, 'config', 'pmd-ruleset.xml'),
      '-d',
      MAIN,
      '-f',
      'text',
      '--no-cache',
      '--no-progress'
    ],
    { encoding: 'utf8', cwd: ROOT }
  );
  const out = `${result.stdout}${result.stderr}`.trim();
  // Exit 0: no violations; 4: violations found; anything else: PMD itself failed.
  assert.ok([0, 4].includes(result.status ?? -1), `PMD failed to run (exit ${result.status}):\n${out}`);
  const violations = result.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.replace(ROOT + path.sep, ''));
  assert.deepEqual(violations, [], `PMD violations:\n${violations.join('\n')}`);
});
