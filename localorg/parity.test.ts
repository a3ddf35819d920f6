import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadSchema } from '../src/schema';
import { APEX_API, resultSchema } from '../src/contracts/api';
import { getApexRoute, listApexRoutes, loadApexTwins, registerApex } from './apex';
import { listAuraEnabled, manifestProblems, type ManifestMethod } from './apex/parity';
import { DEFAULT_FORCE_APP } from './server';
import { tempDir } from './test/helpers';
import { duplicateCellMessage, duplicatePlanMessage } from './triggers';
import { RULE_TWINS } from './validationRules';

describe('local twins of org behaviour', () => {
  it('has a TypeScript twin for every active validation rule, and none for rules that are gone', () => {
    const schema = loadSchema(DEFAULT_FORCE_APP);
    const active = [...schema.objects.values()].flatMap((o) =>
      (o.validationRules ?? []).filter((r) => r.active).map((r) => `${o.name}.${r.name}`)
    );
    assert.deepEqual(
      active.filter((k) => !RULE_TWINS[k]),
      [],
      'add these to localorg/validationRules.ts'
    );
    const all = new Set(
      [...schema.objects.values()].flatMap((o) => (o.validationRules ?? []).map((r) => `${o.name}.${r.name}`))
    );
    assert.deepEqual(
      Object.keys(RULE_TWINS).filter((k) => !all.has(k)),
      [],
      'these twins have no rule in the metadata'
    );
  });

  it('the save path rejects duplicate plans and cells with KeyplanUniqueKeys.cls messages, word for word', () => {
    const cls = readFileSync(path.join(DEFAULT_FORCE_APP, 'classes/KeyplanUniqueKeys.cls'), 'utf8');
    /** The message a `return '...' + fiscalYear.intValue() + '...';` method builds, with 2026 for the year. */
    const apexMessage = (method: string): string => {
      const body = new RegExp(`String ${method}\\(Decimal fiscalYear\\) \\{\\s*return ([^;]+);`).exec(cls);
      assert.ok(body, `${method} in KeyplanUniqueKeys.cls`);
      return body[1]
        .split('+')
        .map((part) => part.trim())
        .map((part) => (part === 'fiscalYear.intValue()' ? '2026' : part.replace(/^'|'$/g, '')))
        .join('');
    };
    assert.equal(duplicatePlanMessage(2026), apexMessage('duplicatePlanMessage'));
    assert.equal(duplicateCellMessage(2026), apexMessage('duplicateCellMessage'));
  });

  it('the Apex API manifest equals the @AuraEnabled signatures of the .cls files', () => {
    const problems = manifestProblems(
      [...APEX_API.values()],
      listAuraEnabled(path.join(DEFAULT_FORCE_APP, 'classes'))
    );
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  it('the manifest check can fail: a renamed parameter, a wrong cacheable, a missing and an extra method', () => {
    const apex = listAuraEnabled(path.join(DEFAULT_FORCE_APP, 'classes'));
    const manifest: ManifestMethod[] = [...APEX_API.values()]
      .filter((m) => m.method !== 'saveLink')
      .map((m) => (m.method === 'getBant' ? { ...m, params: [{ name: 'accountId' }], cacheable: false } : m));
    manifest.push({ className: 'BantController', method: 'ghost', params: [], cacheable: false });
    assert.deepEqual(manifestProblems(manifest, apex), [
      'BantController.getBant: the manifest has (accountId), the .cls has (recordId)',
      'BantController.getBant: the manifest says cacheable=false, the .cls cacheable=true',
      'OrgChartController.saveLink(input) is @AuraEnabled but not in src/contracts/api.ts',
      'BantController.ghost is in src/contracts/api.ts but is not an @AuraEnabled method'
    ]);
  });

  it('every manifest method has a registered twin taking its parameters and result contract from the manifest', async () => {
    await loadApexTwins();
    const problems: string[] = [];
    for (const [key, m] of APEX_API) {
      const route = getApexRoute(m.className, m.method);
      if (!route)
        problems.push(`${key}: no twin (register it in localorg/apex/controllers/${m.className}.ts)`);
      else {
        if (route.params.join(',') !== m.params.map((p) => p.name).join(','))
          problems.push(`${key}: twin params (${route.params.join(', ')})`);
        if ((route.result ?? null) !== resultSchema(m)) problems.push(`${key}: twin result contract differs`);
      }
    }
    const extra = listApexRoutes()
      .map((r) => `${r.className}.${r.method}`)
      .filter((k) => !APEX_API.has(k));
    assert.deepEqual([...problems, ...extra.map((k) => `${k}: twin without a manifest entry`)], []);
    assert.throws(() => registerApex('BantController.ghost', () => null), /not in the Apex API manifest/);
  });

  it('lists @AuraEnabled methods with parameter names, ignoring comments, properties and generics commas', () => {
    const tmp = tempDir();
    try {
      writeFileSync(
        path.join(tmp.dir, 'DemoController.cls'),
        `public with sharing class DemoController {
          // @AuraEnabled public static void commented(Id x) {}
          /* @AuraEnabled public static void alsoCommented() {} */
          @AuraEnabled public String label { get; set; }
          @AuraEnabled(cacheable=true)
          public static List<Map<String, Object>> getRows(Id accountId, Map<String, List<Id>> filters, Integer fiscalYear) { return null; }
          @AuraEnabled
          public static void save(String payload) {}
          public static void notExposed(Id a) {}
        }`
      );
      assert.deepEqual(listAuraEnabled(tmp.dir), [
        {
          className: 'DemoController',
          method: 'getRows',
          params: ['accountId', 'filters', 'fiscalYear'],
          cacheable: true
        },
        { className: 'DemoController', method: 'save', params: ['payload'], cacheable: false }
      ]);
    } finally {
      tmp.cleanup();
    }
  });
});
