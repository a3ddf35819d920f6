import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { expectedOutputs } from '../../scripts/build-lwc';
import { relative, walk } from '../../scripts/lib/paths';
import { runSf } from '../../scripts/lib/sf';

let outDir: string;
let files: string[] = [];

before(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'keyplan-mdapi-'));
  const result = runSf([
    'project',
    'convert',
    'source',
    '--root-dir',
    'force-app',
    '--output-dir',
    path.join(outDir, 'out'),
    '--json'
  ]);
  const out = `${result.stdout}\n${result.stderr}`;
  assert.equal(result.status, 0, `sf project convert source failed:\n${out.slice(0, 4000)}`);
});

after(() => rmSync(outDir, { recursive: true, force: true }));

test('sf project convert source succeeds offline and writes a package.xml', async () => {
  files = (await walk(path.join(outDir, 'out'))).map((f) => path.relative(path.join(outDir, 'out'), f));
  assert.ok(files.includes('package.xml'), 'package.xml missing from converted output');
});

test('the converted package holds every kind of metadata Keyplan ships', () => {
  const packageXml = readFileSync(path.join(outDir, 'out', 'package.xml'), 'utf8');
  const kinds = [
    'ApexClass',
    'CustomObject',
    'CustomField',
    'LightningComponentBundle',
    'PermissionSet',
    'ReportType',
    'Report',
    'Dashboard',
    'FlexiPage'
  ];
  const missing = kinds.filter((k) => !packageXml.includes(`<name>${k}</name>`));
  assert.deepEqual(missing, [], `package.xml lacks ${missing.join(', ')}`);
  for (const member of [
    'Keyplan/Open_Pipeline_by_BANT_Band',
    'Keyplan_Dashboards/Keyplan_Overview',
    'Keyplan_Account_Record_Page',
    'Keyplan_Opportunities'
  ]) {
    assert.ok(packageXml.includes(`<members>${member}</members>`), `package.xml lacks ${member}`);
  }
});

test('deploys never ship TypeScript, tests, tsconfig or jest mocks', () => {
  const leaked = files.filter((f) =>
    /\.ts$|__tests__|__mocks__|tsconfig\.json$|jsconfig\.json$|\.test\.js$/.test(f)
  );
  assert.deepEqual(leaked, [], `.forceignore lets these into the deploy:\n${leaked.join('\n')}`);
});

test('every component ships compiled JavaScript identical to a fresh build of its .ts', async () => {
  const expected = await expectedOutputs();
  const problems: string[] = [];
  for (const [file, content] of expected) {
    if (!file.endsWith('.js')) continue;
    const rel = file.slice(file.indexOf(`${path.sep}lwc${path.sep}`) + 1);
    const shipped = path.join(outDir, 'out', rel);
    if (!existsSync(shipped))
      problems.push(`${relative(file)} is not in the converted output (run npm run build)`);
    else if (readFileSync(shipped, 'utf8') !== content)
      problems.push(`${relative(file)} is stale: it differs from its .ts (run npm run build)`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});
