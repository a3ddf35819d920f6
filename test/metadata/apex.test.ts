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

/**
 * The one exception to WITH USER_MODE: a `WITH SYSTEM_MODE` query whose comment block right above it
 * carries `KEYPLAN-SYSTEM-MODE:` and a reason (grep the marker to list them all). For integrity lookups
 * that only compare keys and return nothing to the user (KeyplanUniqueKeys).
 */
export const SYSTEM_MODE_MARKER = 'KEYPLAN-SYSTEM-MODE:';
export function justifiedSystemMode(source: string, queryLine: number, soql: string): boolean {
  if (!/\bWITH\s+SYSTEM_MODE\b/i.test(soql)) return false;
  const lines = source.split(/\r?\n/);
  const comment: string[] = [];
  // The query's own line may start the statement (`for (X x : [`); then only comment lines above count.
  for (let i = queryLine - 2; i >= 0 && /^\s*(\/\/|\*|\/\*)/.test(lines[i]); i--) comment.unshift(lines[i]);
  const text = comment.join(' ');
  const at = text.indexOf(SYSTEM_MODE_MARKER);
  return (
    at >= 0 &&
    text
      .slice(at + SYSTEM_MODE_MARKER.length)
      .replace(/[\s/*]+/g, ' ')
      .trim().length >= 20
  );
}

test('every query runs in user mode (or is a marked SYSTEM_MODE integrity lookup) and every DML runs as user (outside tests)', async () => {
  const problems: string[] = [];
  for (const f of (await allFacts()).filter((x) => !x.isTest)) {
    const source = readFileSync(f.file, 'utf8');
    for (const q of f.queries.filter((x) => !x.userMode && !justifiedSystemMode(source, x.line, x.soql)))
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

test('a SYSTEM_MODE query passes only with the marker and a reason right above it', () => {
  const query = 'SELECT Id FROM Account_Plan__c WHERE Unique_Key__c IN :keys WITH SYSTEM_MODE';
  const marked = `// ${SYSTEM_MODE_MARKER} integrity lookup that only compares keys\nfor (X x : [\n${query}\n]) {}`;
  assert.equal(justifiedSystemMode(marked, 2, query), true);
  assert.equal(
    justifiedSystemMode(`// just a comment\nfor (X x : [\n${query}\n]) {}`, 2, query),
    false,
    'no marker'
  );
  assert.equal(
    justifiedSystemMode(`// ${SYSTEM_MODE_MARKER}\nfor (X x : [\n${query}\n]) {}`, 2, query),
    false,
    'no reason'
  );
  assert.equal(
    justifiedSystemMode(
      `// ${SYSTEM_MODE_MARKER} integrity lookup that only compares keys\nInteger n = 1;\nfor (X x : [\n${query}\n]) {}`,
      3,
      query
    ),
    false,
    'the marker must sit right above the query'
  );
  const noMode = 'SELECT Id FROM Account_Plan__c';
  assert.equal(justifiedSystemMode(marked.replace(query, noMode), 2, noMode), false, 'only WITH SYSTEM_MODE');
});
