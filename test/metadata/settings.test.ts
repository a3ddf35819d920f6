/**
 * Admin tuning survives upgrades (docs/SETTINGS.md): the packaged Keyplan_Setting__mdt records are
 * DeveloperControlled defaults, the Keyplan_Tuning__c hierarchy custom setting holds the org's overrides
 * with one field per record, and the TypeScript reader resolves override over default with the same
 * cases the Apex reader's test runs (test/fixtures/settings/effective-cases.json).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import {
  DEFAULT_SETTINGS,
  SETTING_NAMES,
  effectiveSettings,
  overrideFieldOf
} from '../../force-app/main/default/lwc/keyplanCore/settings';
import { MAIN, ROOT } from '../../scripts/lib/paths';

interface Case {
  name: string;
  defaults: Record<string, number | null>;
  overrides: Record<string, number | null> | null;
  values: Record<string, number | null>;
  overridden: string[];
}
const CASES = (
  JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/settings/effective-cases.json'), 'utf8')) as {
    cases: Case[];
  }
).cases;

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false });
type Xml = Record<string, string | undefined>;
const readXml = (file: string, root: string): Xml =>
  (parser.parse(readFileSync(file, 'utf8')) as Record<string, Xml>)[root];

/** Apex test methods (`@IsTest static void name()`) of a class source. */
export function apexTestMethods(source: string): string[] {
  return [...source.matchAll(/@IsTest\s+static void (\w+)\s*\(/g)].map((m) => m[1]);
}

/** What is wrong between the settings type, its records and the override custom setting. */
export function tuningProblems(forceApp: string): string[] {
  const problems: string[] = [];
  const mdtFields = path.join(forceApp, 'objects/Keyplan_Setting__mdt/fields');
  for (const f of readdirSync(mdtFields)) {
    const manageability = readXml(path.join(mdtFields, f), 'CustomField').fieldManageability;
    if (manageability !== 'DeveloperControlled')
      problems.push(
        `Keyplan_Setting__mdt.${f.replace('.field-meta.xml', '')} is ${manageability}: unlocked-package upgrades overwrite its values; ship defaults DeveloperControlled and tune in Keyplan_Tuning__c`
      );
  }
  const records = readdirSync(path.join(forceApp, 'customMetadata'))
    .map((f) => /^Keyplan_Setting\.(.+)\.md-meta\.xml$/.exec(f)?.[1])
    .filter((n): n is string => Boolean(n))
    .sort();
  const cs = path.join(forceApp, 'objects/Keyplan_Tuning__c');
  const obj = readXml(path.join(cs, 'Keyplan_Tuning__c.object-meta.xml'), 'CustomObject');
  if (obj.customSettingsType !== 'Hierarchy')
    problems.push('Keyplan_Tuning__c is not a hierarchy custom setting');
  if (obj.visibility !== 'Public')
    problems.push('Keyplan_Tuning__c must be Public (formulas and Apex read it)');
  const fields = new Map(
    readdirSync(path.join(cs, 'fields')).map((f) => [
      f.replace('.field-meta.xml', ''),
      readXml(path.join(cs, 'fields', f), 'CustomField')
    ])
  );
  const value = readXml(path.join(mdtFields, 'Value__c.field-meta.xml'), 'CustomField');
  for (const name of records) {
    const field = fields.get(`${name}__c`);
    if (!field) {
      problems.push(`Keyplan_Tuning__c has no override field ${name}__c for the record ${name}`);
      continue;
    }
    if (field.type !== 'Number' || field.precision !== value.precision || field.scale !== value.scale)
      problems.push(
        `Keyplan_Tuning__c.${name}__c must be Number(${value.precision}, ${value.scale}) like Value__c`
      );
    if (field.required === 'true')
      problems.push(`Keyplan_Tuning__c.${name}__c must allow blank (no override)`);
    if (field.defaultValue !== undefined)
      problems.push(`Keyplan_Tuning__c.${name}__c has a default: it would override the packaged one`);
  }
  for (const name of fields.keys())
    if (!records.includes(name.replace(/__c$/, '')))
      problems.push(`Keyplan_Tuning__c.${name} overrides no Keyplan_Setting record`);
  return problems;
}

describe('override over default, the same cases as Apex', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const records = Object.entries(c.defaults).map(([DeveloperName, Value__c]) => ({
        DeveloperName,
        Value__c
      }));
      assert.deepEqual(effectiveSettings(records, c.overrides), {
        values: c.values,
        overridden: c.overridden
      });
    });
  }

  test('KeyplanSettingsTest.cls runs every case, under the same name', () => {
    const methods = apexTestMethods(readFileSync(path.join(MAIN, 'classes/KeyplanSettingsTest.cls'), 'utf8'));
    assert.deepEqual(
      CASES.map((c) => c.name).filter((n) => !methods.includes(n)),
      [],
      'add a test method per case to KeyplanSettingsTest.cls'
    );
  });

  test('an override of a name without a record is ignored; a non-number override is blank', () => {
    const records = [{ DeveloperName: 'Heat_Hot', Value__c: 50 }];
    assert.deepEqual(effectiveSettings(records, { Not_A_Setting__c: 3, Heat_Hot__c: Number.NaN }), {
      values: { Heat_Hot: 50 },
      overridden: []
    });
    assert.equal(overrideFieldOf('Heat_Hot'), 'Heat_Hot__c');
  });
});

describe('tuning metadata', () => {
  test('packaged defaults are DeveloperControlled; Keyplan_Tuning__c has one blank-able Number field per record', () => {
    const problems = tuningProblems(MAIN);
    assert.deepEqual(problems, [], problems.join('\n'));
    assert.equal(SETTING_NAMES.length, Object.keys(DEFAULT_SETTINGS).length);
  });

  test('the check can fail: SubscriberControlled defaults and a missing override field are reported', async () => {
    const { cpSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tuning-'));
    try {
      for (const sub of ['objects/Keyplan_Setting__mdt', 'objects/Keyplan_Tuning__c', 'customMetadata'])
        cpSync(path.join(MAIN, sub), path.join(dir, sub), { recursive: true });
      const value = path.join(dir, 'objects/Keyplan_Setting__mdt/fields/Value__c.field-meta.xml');
      writeFileSync(
        value,
        readFileSync(value, 'utf8').replace('DeveloperControlled', 'SubscriberControlled')
      );
      rmSync(path.join(dir, 'objects/Keyplan_Tuning__c/fields/Heat_Hot__c.field-meta.xml'));
      const problems = tuningProblems(dir);
      assert.ok(problems.some((p) => p.startsWith('Keyplan_Setting__mdt.Value__c is SubscriberControlled')));
      assert.ok(
        problems.includes('Keyplan_Tuning__c has no override field Heat_Hot__c for the record Heat_Hot')
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
