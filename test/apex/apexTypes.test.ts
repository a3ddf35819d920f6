/**
 * types/apex/<Class>.d.ts (generated from the Apex API manifest, src/contracts/api.ts, by
 * scripts/gen-apex-api.ts) is current and agrees with the manifest, which localorg/parity.test.ts and
 * contracts.test.ts hold equal to the Apex controllers: one `declare module` per @AuraEnabled method, the
 * callable's parameter names are the Apex parameter names, and a cacheable read is typed both as a callable
 * and as a wire adapter (so a component can `@wire` it without `@ts-expect-error`), a write as a callable only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { apexApiOutputs, controllerDts } from '../../scripts/gen-apex-api';
import { ROOT } from '../../scripts/lib/paths';
import { APEX_API, type ApiMethod } from '../../src/contracts/api';

/** A method signature as far as the types check needs it. */
interface Signature {
  className: string;
  name: string;
  cacheable: boolean;
  params: { name: string }[];
}

const signature = (m: ApiMethod): Signature => ({
  className: m.className,
  name: m.method,
  cacheable: m.cacheable,
  params: m.params.map((p) => ({ name: p.name }))
});
const CONTROLLERS = [...new Set([...APEX_API.values()].map((m) => m.className))];

interface Declared {
  /** Parameter names of the callable signature (the keys of its single `params` object). */
  params: string[] | null;
  callable: boolean;
  wire: boolean;
}

/** The Apex method modules a .d.ts declares, keyed `Class.method`. */
export function declaredMethods(source: string, fileName = 'apex.d.ts'): Map<string, Declared> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found = new Map<string, Declared>();
  for (const stmt of file.statements) {
    if (!ts.isModuleDeclaration(stmt) || !ts.isStringLiteral(stmt.name)) continue;
    const key = /^@salesforce\/apex\/(\w+\.\w+)$/.exec(stmt.name.text)?.[1];
    if (!key || !stmt.body || !ts.isModuleBlock(stmt.body)) continue;
    const decl: Declared = { params: null, callable: false, wire: false };
    for (const inner of stmt.body.statements) {
      if (!ts.isVariableStatement(inner)) continue;
      for (const v of inner.declarationList.declarations) {
        const parts = v.type && ts.isIntersectionTypeNode(v.type) ? v.type.types : v.type ? [v.type] : [];
        for (let part of parts) {
          while (ts.isParenthesizedTypeNode(part)) part = part.type;
          if (ts.isFunctionTypeNode(part)) {
            decl.callable = true;
            const p = part.parameters[0]?.type;
            decl.params =
              p && ts.isTypeLiteralNode(p)
                ? p.members.flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : []))
                : [];
          } else if (ts.isImportTypeNode(part) && part.qualifier?.getText() === 'WireAdapterConstructor') {
            decl.wire = true;
          }
        }
      }
    }
    found.set(key, decl);
  }
  return found;
}

/** What is wrong between the manifest's methods and the declared modules. */
export function typeProblems(methods: Signature[], declared: Map<string, Declared>): string[] {
  const problems: string[] = [];
  for (const m of methods) {
    const key = `${m.className}.${m.name}`;
    const d = declared.get(key);
    if (!d) {
      problems.push(`${key}: no declare module '@salesforce/apex/${key}' in types/apex/${m.className}.d.ts`);
      continue;
    }
    if (!d.callable) problems.push(`${key}: not typed as a callable`);
    if (d.wire !== m.cacheable)
      problems.push(`${key}: ${m.cacheable ? 'cacheable read not typed' : 'write typed'} as a wire adapter`);
    const want = m.params.map((p) => p.name).join(', ');
    if (d.params && d.params.join(', ') !== want)
      problems.push(`${key}: params { ${d.params.join(', ')} }, the manifest has (${want})`);
  }
  const apex = new Set(methods.map((m) => `${m.className}.${m.name}`));
  for (const key of declared.keys())
    if (!apex.has(key)) problems.push(`${key}: declared but not in the manifest`);
  return problems;
}

function load(): { methods: Signature[]; declared: Map<string, Declared> } {
  const methods = [...APEX_API.values()].map(signature);
  const declared = new Map<string, Declared>();
  for (const c of CONTROLLERS) {
    const file = path.join(ROOT, 'types', 'apex', `${c}.d.ts`);
    for (const [k, v] of declaredMethods(readFileSync(file, 'utf8'), file)) declared.set(k, v);
  }
  return { methods, declared };
}

test('types/apex declares every manifest method with its parameter names, reads also as wire adapters', () => {
  const { methods, declared } = load();
  assert.ok(methods.length >= 12);
  const problems = typeProblems(methods, declared);
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the types check can fail: a read typed only as a callable, a renamed parameter and a missing module', () => {
  const { methods } = load();
  const declared = declaredMethods(`
    declare module '@salesforce/apex/BantController.getBant' {
      const getBant: (params: { accountId: string }) => Promise<unknown>;
      export default getBant;
    }
    declare module '@salesforce/apex/AccountPlanController.savePlan' {
      const savePlan: ((params: { input: unknown }) => Promise<unknown>) &
        import('lwc').WireAdapterConstructor<{ input: unknown }, unknown>;
      export default savePlan;
    }`);
  const two = methods.filter((m) =>
    ['BantController.getBant', 'AccountPlanController.savePlan'].includes(`${m.className}.${m.name}`)
  );
  assert.equal(two.length, 2);
  assert.deepEqual(typeProblems(two, declared), [
    'BantController.getBant: cacheable read not typed as a wire adapter',
    'BantController.getBant: params { accountId }, the manifest has (recordId)',
    'AccountPlanController.savePlan: write typed as a wire adapter'
  ]);
  assert.deepEqual(typeProblems(two, new Map()).length, 2);
});

test('the generated types/apex files and the docs/APEX_API.md table are current (npm run build)', async () => {
  const stale: string[] = [];
  for (const [file, content] of await apexApiOutputs())
    if (readFileSync(file, 'utf8') !== content) stale.push(path.relative(ROOT, file));
  assert.deepEqual(stale, [], 'run npm run build');
});

test('the generator follows the manifest: a renamed parameter and a cacheable flag change the .d.ts', () => {
  const m = APEX_API.get('AccountPlanController.savePlan')!;
  const changed: ApiMethod = { ...m, cacheable: true, params: [{ ...m.params[0], name: 'payload' }] };
  const declared = declaredMethods(controllerDts('AccountPlanController', [changed]));
  assert.deepEqual(typeProblems([signature(m)], declared), [
    'AccountPlanController.savePlan: write typed as a wire adapter',
    'AccountPlanController.savePlan: params { payload }, the manifest has (input)'
  ]);
});
