/**
 * The Apex API and the zod contracts agree: every @AuraEnabled method has a contract mapping, every method
 * returning data has a realistic fixture in test/fixtures/apex that validates against its contract, and the
 * Apex DTO classes (KeyplanDto inner classes) declare every key the contracts require, nested ones included.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { z } from 'zod';
import { readApex, type AuraMethod } from '../../scripts/lib/apex';
import { MAIN, ROOT } from '../../scripts/lib/paths';
import * as contracts from '../../src/contracts';
import { APEX_API, resultSchema, type ApiMethod } from '../../src/contracts/api';

const CLASSES = path.join(MAIN, 'classes');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'apex');
const CONTROLLERS = [
  'OrgChartController',
  'WhitespaceController',
  'BantController',
  'AccountPlanController',
  'KeyplanSettingsController',
  'ActivityController',
  'SinceReviewController'
];

interface Mapping {
  /** The contract of the result; null for a void method. */
  returns: z.ZodType | null;
  /** Contracts of parameters typed as DTO classes, by parameter name. */
  inputs?: Record<string, z.ZodType>;
}

/** One row per @AuraEnabled method, read from the Apex API manifest (src/contracts/api.ts). */
const API: Record<string, Mapping> = Object.fromEntries(
  [...APEX_API].map(([key, m]) => [
    key,
    {
      returns: resultSchema(m),
      inputs: Object.fromEntries(m.params.filter((p) => p.contract).map((p) => [p.name, p.schema]))
    }
  ])
);

/**
 * What differs between the manifest and the Apex signatures beyond names (localorg/parity.test.ts):
 * the Apex type of each parameter and the return type (`KeyplanDto.<result>` or `void`).
 */
export function signatureProblems(manifest: Iterable<ApiMethod>, methods: AuraMethod[]): string[] {
  const byKey = new Map(methods.map((m) => [`${m.className}.${m.name}`, m]));
  const problems: string[] = [];
  for (const m of manifest) {
    const key = `${m.className}.${m.method}`;
    const a = byKey.get(key);
    if (!a) continue;
    const want = m.result ? `KeyplanDto.${m.result}` : 'void';
    if (a.returnType !== want) problems.push(`${key} returns ${a.returnType}, the manifest says ${want}`);
    for (const p of m.params) {
      const ap = a.params.find((x) => x.name === p.name);
      if (ap && ap.type !== p.apexType)
        problems.push(`${key}(${p.name}) is ${ap.type} in Apex, ${p.apexType} in the manifest`);
    }
  }
  return problems;
}

/**
 * DTO properties Apex types as a map because the contract key is an Apex reserved word
 * (BantHistoryEntry.date); the service fills the keys by name. Checked against the fixture instead.
 */
const MAP_TYPED = new Set(['BantData.history']);

function auraMethods(): AuraMethod[] {
  return CONTROLLERS.flatMap((c) => readApex(path.join(CLASSES, `${c}.cls`)).auraMethods);
}

/** Inner classes of KeyplanDto: class name -> property name -> Apex type. */
function dtoClasses(): Map<string, Map<string, string>> {
  const source = readFileSync(path.join(CLASSES, 'KeyplanDto.cls'), 'utf8');
  const classes = new Map<string, Map<string, string>>();
  for (const m of source.matchAll(/public class (\w+) \{([\s\S]*?)\n {4}\}/g)) {
    const props = new Map<string, string>();
    for (const p of m[2].matchAll(/@AuraEnabled\s+public ([\w<>, .]+?) (\w+)\s*(?:[;={])/g))
      props.set(p[2], p[1].trim());
    classes.set(m[1], props);
  }
  return classes;
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/nullable/pipe wrappers. */
function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType)
      cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else return cur;
  }
}

/** Keys the Apex class `className` misses for the zod object `schema`, recursively through lists and maps. */
function missingKeys(
  schema: z.ZodType,
  className: string,
  classes: Map<string, Map<string, string>>,
  where: string
): string[] {
  const props = classes.get(className);
  if (!props) return [`${where}: KeyplanDto.${className} does not exist`];
  const shape = defOf(unwrap(schema)).shape ?? {};
  const problems: string[] = [];
  for (const [key, child] of Object.entries(shape)) {
    const apexType = props.get(key);
    if (!apexType) {
      problems.push(`${where}: KeyplanDto.${className} has no @AuraEnabled property "${key}"`);
      continue;
    }
    if (MAP_TYPED.has(`${className}.${key}`)) continue;
    let inner = unwrap(child);
    if (defOf(inner).type === 'array') inner = unwrap(defOf(inner).element as z.ZodType);
    if (defOf(inner).type === 'record') inner = unwrap(defOf(inner).valueType as z.ZodType);
    if (defOf(inner).type === 'object') {
      const nested = /(?:List<|Map<String,\s*)?(\w+)>?$/.exec(apexType)?.[1] ?? apexType;
      problems.push(...missingKeys(inner, nested, classes, `${where}.${key}`));
    }
  }
  return problems;
}

/** What is wrong between the @AuraEnabled methods, the API table and the fixtures in `fixturesDir`. */
function apiProblems(methods: AuraMethod[], fixturesDir: string): string[] {
  const problems: string[] = [];
  for (const m of methods) {
    const key = `${m.className}.${m.name}`;
    const mapping = API[key];
    if (!mapping) problems.push(`${key} is not in the Apex API manifest (src/contracts/api.ts)`);
    else if (mapping.returns && !existsSync(path.join(fixturesDir, `${key}.json`)))
      problems.push(`${key} has no fixture test/fixtures/apex/${key}.json`);
    else if (!mapping.returns && m.returnType !== 'void')
      problems.push(`${key} returns ${m.returnType} but is mapped as void`);
  }
  const declared = new Set(methods.map((m) => `${m.className}.${m.name}`));
  for (const key of Object.keys(API))
    if (!declared.has(key)) problems.push(`${key} is mapped but is not an @AuraEnabled method`);
  return problems;
}

test('every @AuraEnabled method is in the manifest and every method returning data has a fixture', () => {
  const methods = auraMethods();
  assert.ok(methods.length >= 13, `expected the 13 methods of docs/APEX_API.md, found ${methods.length}`);
  const problems = apiProblems(methods, FIXTURES);
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the manifest gives every parameter and result the Apex type of the .cls', () => {
  const problems = signatureProblems(APEX_API.values(), auraMethods());
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the signature check can fail: a parameter and a result typed differently from Apex', () => {
  const m = APEX_API.get('WhitespaceController.createBuyingCenter')!;
  const wrong: ApiMethod = {
    ...m,
    result: 'MatrixOpportunity',
    params: m.params.map((p) => (p.name === 'parentId' ? { ...p, apexType: 'String' } : p))
  };
  assert.deepEqual(signatureProblems([wrong], auraMethods()), [
    'WhitespaceController.createBuyingCenter returns KeyplanDto.MatrixBuyingCenter, the manifest says KeyplanDto.MatrixOpportunity',
    'WhitespaceController.createBuyingCenter(parentId) is Id in Apex, String in the manifest'
  ]);
});

test('the fixture check can fail: a method without a fixture is reported', () => {
  const problems = apiProblems(auraMethods(), path.join(FIXTURES, 'no-such-folder'));
  assert.ok(
    problems.includes('BantController.getBant has no fixture test/fixtures/apex/BantController.getBant.json')
  );
  assert.ok(
    !problems.some((p) => p.startsWith('OrgChartController.deleteLink')),
    'void methods need no fixture'
  );
});

test('test/fixtures/apex is the only copy: components keep no fixture JSON of their own', () => {
  const copies = readdirSync(path.join(MAIN, 'lwc'), { recursive: true })
    .map(String)
    .filter((f) => /__tests__[\\/].*\.json$/.test(f));
  assert.deepEqual(
    copies,
    [],
    `import test/fixtures/apex/<Class>.<method>.json instead of: ${copies.join(', ')}`
  );
});

test('reads are cacheable and writes are not (docs/APEX_API.md)', () => {
  const wrong = auraMethods()
    .filter((m) => m.cacheable !== /^get/.test(m.name))
    .map((m) => `${m.className}.${m.name}: cacheable=${m.cacheable}`);
  assert.deepEqual(wrong, [], wrong.join('\n'));
});

for (const [key, mapping] of Object.entries(API)) {
  if (!mapping.returns) continue;
  const schema = mapping.returns;
  test(`fixture ${key}.json validates against its contract`, () => {
    const file = path.join(FIXTURES, `${key}.json`);
    assert.ok(existsSync(file), `missing ${file}`);
    const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    assert.ok(
      result.success,
      result.success ? '' : `${key}: ${JSON.stringify(result.error.issues, null, 1)}`
    );
  });
}

test('the contract check can fail: a fixture with a wrong key or value is rejected', () => {
  const fixture = JSON.parse(
    readFileSync(path.join(FIXTURES, 'OrgChartController.loadOrgChartPage.json'), 'utf8')
  ) as Record<string, unknown>;
  assert.equal(contracts.OrgChartPage.safeParse({ ...fixture, truncated: 'no' }).success, false);
  assert.equal(contracts.OrgChartPage.safeParse({ ...fixture, nextCursor: '' }).success, false);
  const { fieldAccess: _dropped, ...withoutAccess } = fixture;
  assert.equal(contracts.OrgChartPage.safeParse(withoutAccess).success, false);
  assert.ok(
    missingKeys(contracts.ContactNode.extend({ extra: contracts.SfId }), 'ContactNode', dtoClasses(), 'probe')
      .length === 1
  );
});

test('the Apex DTO classes declare every key of the contracts they return and accept', () => {
  const classes = dtoClasses();
  const byName = new Map(auraMethods().map((m) => [`${m.className}.${m.name}`, m]));
  const problems: string[] = [];
  for (const [key, mapping] of Object.entries(API)) {
    const m = byName.get(key);
    if (!m) continue;
    if (mapping.returns) {
      const cls = /^KeyplanDto\.(\w+)$/.exec(m.returnType)?.[1];
      if (!cls) problems.push(`${key} returns ${m.returnType}, expected a KeyplanDto inner class`);
      else problems.push(...missingKeys(mapping.returns, cls, classes, key));
    }
    for (const [param, schema] of Object.entries(mapping.inputs ?? {})) {
      const p = m.params.find((x) => x.name === param);
      const cls = p && /^KeyplanDto\.(\w+)$/.exec(p.type)?.[1];
      if (!cls) problems.push(`${key}(${param}) is not typed as a KeyplanDto inner class`);
      else problems.push(...missingKeys(schema, cls, classes, `${key}(${param})`));
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});
