/**
 * GitHub workflows validate against the workflow schema (`@action-validator/core`, offline); a
 * deliberately broken workflow fails. The scratch-org workflow skips cleanly without the Dev Hub
 * secret, always deletes the org it created, and names only npm scripts and CLI commands that exist.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readWorkflow, workflowErrors, workflowFiles, WORKFLOWS_DIR } from '../../scripts/checks/workflows';
import { ROOT } from '../../scripts/lib/paths';

const SCRATCH = path.join(WORKFLOWS_DIR, 'scratch-org.yml');

test('a deliberately broken workflow fails schema validation', () => {
  const errors = workflowErrors(readWorkflow(path.join(__dirname, 'fixtures', 'workflows', 'broken.yml')));
  const text = errors.join('\n');
  assert.match(text, /^\/on OneOf conditions are not met/m);
  assert.match(text, /^\/jobs\/build OneOf conditions are not met/m);
  assert.match(workflowErrors('name: x\non: [push\n').join('\n'), /\S/, 'unparsable YAML is an error too');
});

test('every workflow in .github/workflows validates against the workflow schema', () => {
  const files = workflowFiles();
  assert.ok(files.includes(SCRATCH), 'the scratch-org workflow exists');
  for (const file of files) {
    const errors = workflowErrors(readWorkflow(file));
    console.log(`workflow ${path.relative(ROOT, file)}: ${errors.length} schema errors`);
    assert.deepEqual(errors, [], `${path.relative(ROOT, file)}:\n${errors.join('\n')}`);
  }
});

test('the scratch-org workflow skips without the Dev Hub secret and always deletes its org', () => {
  const text = readWorkflow(SCRATCH);
  const steps = text.split(/\n {6}- name: /).slice(1);
  assert.match(steps[0], /^Check for a Dev Hub\n[\s\S]*secrets\.DEVHUB_SFDX_AUTH_URL[\s\S]*available=false/);
  for (const step of steps.slice(1)) {
    const name = step.split('\n')[0];
    assert.match(
      step,
      /\n {8}if: .*(steps\.devhub\.outputs\.available == 'true'|steps\.scratch\.outputs\.created == 'true')/,
      `step "${name}" must be guarded by the Dev Hub check`
    );
  }
  const del = steps.find((s) => s.startsWith('Delete the scratch org'));
  assert.ok(del, 'a step deletes the scratch org');
  assert.match(del, /if: always\(\) && steps\.scratch\.outputs\.created == 'true'/);
  assert.match(text, /--definition-file config\/project-scratch-def\.json/);
  assert.match(text, /apexCoverage\.ts artifacts\/apex-tests\.json "\$MIN_COVERAGE"/);
  assert.match(text, /MIN_COVERAGE: '85'/);
  assert.match(
    text,
    /if: steps\.devhub\.outputs\.available == 'true' && steps\.alias\.outputs\.exists == 'true'/
  );
});

test('the scratch-org workflow names only npm scripts and keyplan commands that exist', () => {
  const text = readWorkflow(SCRATCH);
  const scripts = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  for (const m of text.matchAll(/npm run (?:-s )?([\w:-]+)/g))
    assert.ok(scripts[m[1]], `npm script ${m[1]} does not exist`);
  const cli = readFileSync(path.join(ROOT, 'scripts', 'cli', 'cli.ts'), 'utf8');
  for (const m of text.matchAll(/npm run -s keyplan -- --target-org "\$SCRATCH_ALIAS" ([\w-]+)/g))
    assert.ok(cli.includes(`.command('${m[1]}')`), `keyplan command ${m[1]} does not exist`);
  assert.match(cli, /\.option\(\s*'--target-org <alias>'/);
});
