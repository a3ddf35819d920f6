/**
 * apex-ls over force-app: zero errors, zero warnings (hiding class field), zero unused fields. The
 * checker itself is proven on two small workspaces: a class whose local shadows a static final
 * constant (finding C1) plus a missing type must fail; the renamed local must pass.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { formatFinding, runApexLs } from '../../scripts/checks/apexls';
import { ROOT } from '../../scripts/lib/paths';

const FIXTURES = path.join(__dirname, 'fixtures', 'apexls');

test('apex-ls fails a local variable that shadows a static final constant, and a missing type', () => {
  const result = runApexLs(path.join(FIXTURES, 'bad'));
  const lines = result.fatal.map(formatFinding);
  assert.ok(
    lines.some((l) => /Shadow\.cls:5 Warning: Local variable is hiding class field 'competitor'/.test(l)),
    lines.join('\n')
  );
  assert.ok(
    lines.some((l) => /Broken\.cls:3 Missing: .*NoSuchType/.test(l)),
    lines.join('\n')
  );
});

test('apex-ls passes the same class with the local renamed', () => {
  const result = runApexLs(path.join(FIXTURES, 'good'));
  assert.deepEqual(result.fatal.map(formatFinding), []);
});

test('apex-ls reports no error, no warning and no unused field on force-app', () => {
  const result = runApexLs(ROOT);
  console.log(
    `apex-ls: ${result.fatal.length} fatal, ${result.notes.length} notes ${JSON.stringify(result.counts)} in ${result.ms} ms with ${result.java}`
  );
  for (const n of result.notes) console.log(`  note ${formatFinding(n)}`);
  assert.deepEqual(result.fatal.map(formatFinding), []);
});
