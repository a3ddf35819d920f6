/**
 * Formula compile-size proxy (finding L2): referenced formula fields are inlined recursively; the
 * estimate must stay under 5,000 characters. Proven on a small bad sample (a 1,338-character score
 * referenced four times) and a good one (the same score referenced once), then asserted over force-app.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  describeSize,
  expandFormula,
  formulaSizeProblems,
  formulaSizes
} from '../../scripts/checks/formulaSize';
import { MAIN } from '../../scripts/lib/paths';
import { loadSchema } from '../../src/schema/loadSchema';

const FIXTURES = path.join(__dirname, 'fixtures', 'formulas');

test('the formula size check fails a formula that inlines a long formula four times', () => {
  const problems = formulaSizeProblems(formulaSizes(loadSchema(path.join(FIXTURES, 'bad'))));
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(
    problems[0],
    /^Thing__c.Band__c: estimated compiled size 5375 characters > 5000 .*Thing__c.Score__c x4/
  );
});

test('the formula size check passes the same score referenced once, and leaves names in strings alone', () => {
  const schema = loadSchema(path.join(FIXTURES, 'good'));
  assert.deepEqual(formulaSizeProblems(formulaSizes(schema)), []);
  const inlined: Record<string, number> = {};
  const out = expandFormula(schema, 'Thing__c', 'IF(Score__c > 1, "Score__c", Attribute_01__c)', inlined);
  assert.deepEqual(inlined, { 'Thing__c.Score__c': 1 });
  assert.match(out, /^IF\(\(\( IF\(ISBLANK\(Attribute_01__c\).*"Score__c", Attribute_01__c\)$/s);
  // A field named in a comment is not a reference, and the comment does not compile.
  const commented: Record<string, number> = {};
  assert.equal(
    expandFormula(schema, 'Thing__c', '/* Score__c */ Attribute_01__c', commented),
    ' Attribute_01__c'
  );
  assert.deepEqual(commented, {});
});

test('every force-app formula stays under the estimated 5,000-character compiled size', () => {
  const sizes = formulaSizes(loadSchema(MAIN));
  for (const s of sizes) console.log(`formula size: ${describeSize(s)}`);
  const problems = formulaSizeProblems(sizes);
  assert.deepEqual(problems, [], problems.join('\n'));
  // The relationship type reads the 3 KB score once (each reference inlines the whole score).
  const type = sizes.find((s) => s.field === 'Account_Plan__c.Relationship_Type__c');
  assert.deepEqual(type?.inlined, { 'Account_Plan__c.Relationship_Score__c': 1 });
});
