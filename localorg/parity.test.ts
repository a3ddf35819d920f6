import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadSchema } from '../src/schema';
import { getApexRoute, loadApexTwins } from './apex';
import { listAuraEnabled } from './apex/parity';
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

  it('has a registered Apex twin with the same parameter names for every @AuraEnabled method', async () => {
    await loadApexTwins();
    const missing = listAuraEnabled(path.join(DEFAULT_FORCE_APP, 'classes'))
      .filter((m) => getApexRoute(m.className, m.method)?.params.join(',') !== m.params.join(','))
      .map(
        (m) =>
          `${m.className}.${m.method}(${m.params.join(', ')}) -> ${getApexRoute(m.className, m.method)?.params.join(', ') ?? 'no twin'}`
      );
    assert.deepEqual(missing, [], 'register twins in localorg/apex/controllers/<Class>.ts');
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
