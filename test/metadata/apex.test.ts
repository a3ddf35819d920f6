import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readApex, type ApexFacts } from '../../scripts/lib/apex';
import { FORCE_APP, relative, walk } from '../../scripts/lib/paths';

async function apexFiles(): Promise<string[]> {
  return (await walk(FORCE_APP)).filter((f) => f.endsWith('.cls') || f.endsWith('.trigger'));
}

let cache: ApexFacts[] | undefined;
async function allFacts(): Promise<ApexFacts[]> {
  cache ??= (await apexFiles()).map((f) => readApex(f));
  return cache;
}

test('every Apex class and trigger parses', async () => {
  const facts = await allFacts();
  assert.ok(facts.length > 0, 'no Apex found under force-app');
  const problems = facts.flatMap((f) =>
    f.syntaxErrors.map((e) => `${relative(f.file)}:${e.line}:${e.column} ${e.message}`)
  );
  assert.deepEqual(problems, [], `Apex syntax errors:\n${problems.join('\n')}`);
});

test('every Apex class and trigger has its -meta.xml with an API version', async () => {
  const problems: string[] = [];
  for (const file of await apexFiles()) {
    const meta = `${file}-meta.xml`;
    if (!existsSync(meta))
      problems.push(`${relative(file)} has no ${path.basename(meta)} (the CLI silently drops it)`);
    else if (!/<apiVersion>\d+\.0<\/apiVersion>/.test(readFileSync(meta, 'utf8')))
      problems.push(`${relative(meta)} has no apiVersion`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('every non-test Apex class declares `with sharing`', async () => {
  const problems = (await allFacts())
    .filter((f) => f.kind === 'class' && !f.isTest && f.syntaxErrors.length === 0 && f.sharing !== 'with')
    .map(
      (f) =>
        `${relative(f.file)}: declares ${f.sharing ? `"${f.sharing} sharing"` : 'no sharing model'}; user-facing Apex must be "with sharing"`
    );
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('every query runs in user mode and every DML runs as user (outside tests)', async () => {
  const problems: string[] = [];
  for (const f of (await allFacts()).filter((x) => !x.isTest)) {
    for (const q of f.queries.filter((x) => !x.userMode))
      problems.push(`${relative(f.file)}:${q.line} query without WITH USER_MODE: ${q.soql.slice(0, 80)}`);
    for (const d of f.dml.filter((x) => !x.userMode))
      problems.push(`${relative(f.file)}:${d.line} DML not "as user": ${d.text.slice(0, 80)}`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('every Apex class has a test class (XTest.cls)', async () => {
  const facts = (await allFacts()).filter((f) => f.kind === 'class');
  const names = new Set(facts.map((f) => f.name));
  const missing = facts
    .filter((f) => !f.isTest && !names.has(`${f.name}Test`))
    .map((f) => `${relative(f.file)} has no ${f.name}Test.cls`);
  assert.deepEqual(missing, [], missing.join('\n'));
});
