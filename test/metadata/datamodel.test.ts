/**
 * The data model's metadata is code: these tests parse every object, field, rule, permission set, layout
 * and setting under force-app and check that the pieces agree with each other, with docs/DATA_MODEL.md
 * and with the TypeScript defaults in keyplanCore/settings.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEFAULT_SETTINGS } from '../../force-app/main/default/lwc/keyplanCore/settings';
import { STANDARD_OBJECTS } from '../../src/schema/standardObjects';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(ROOT, 'force-app/main/default');
const OBJECTS_DIR = path.join(MAIN, 'objects');

type Xml = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    [
      'fields',
      'values',
      'value',
      'customValue',
      'fieldPermissions',
      'objectPermissions',
      'classAccesses',
      'tabSettings',
      'tabs',
      'columns',
      'filters',
      'layoutSections',
      'layoutColumns',
      'layoutItems',
      'relatedLists',
      'applicationVisibilities'
    ].includes(name)
});

function read(file: string): Xml {
  const text = readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new Error(`${path.relative(ROOT, file)}: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(text) as Xml;
}
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v)).trim();
const list = <T = Xml>(v: unknown): T[] => (v === undefined ? [] : Array.isArray(v) ? (v as T[]) : [v as T]);
const filesIn = (dir: string, suffix: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .sort()
        .map((f) => path.join(dir, f))
    : [];
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

interface Field {
  object: string;
  name: string;
  xml: Xml;
  type: string;
  formula?: string;
  required: boolean;
  referenceTo?: string;
}

/** Every custom field we ship, per object (custom objects, the metadata type, and added standard fields). */
function loadFields(): Map<string, Map<string, Field>> {
  const out = new Map<string, Map<string, Field>>();
  for (const object of readdirSync(OBJECTS_DIR).sort()) {
    const fields = new Map<string, Field>();
    for (const file of filesIn(path.join(OBJECTS_DIR, object, 'fields'), '.field-meta.xml')) {
      const xml = read(file).CustomField as Xml;
      const name = path.basename(file, '.field-meta.xml');
      fields.set(name.toLowerCase(), {
        object,
        name,
        xml,
        type: text(xml.type),
        formula: text(xml.formula) || undefined,
        required: text(xml.required) === 'true',
        referenceTo: text(xml.referenceTo) || undefined
      });
    }
    out.set(object, fields);
  }
  return out;
}

const FIELDS = loadFields();
/** Custom settings (Keyplan_Tuning__c): configuration, not records; no layout, tab or field permissions. */
const CUSTOM_SETTINGS = new Set(
  [...FIELDS.keys()].filter((o) => {
    const meta = path.join(OBJECTS_DIR, o, `${o}.object-meta.xml`);
    return existsSync(meta) && text((read(meta).CustomObject as Xml).customSettingsType) !== '';
  })
);
const CUSTOM_OBJECTS = [...FIELDS.keys()].filter((o) => o.endsWith('__c') && !CUSTOM_SETTINGS.has(o));
const KEYPLAN_OBJECTS = [
  'Account_Plan__c',
  'Plan_Objective__c',
  'Plan_Action__c',
  'Buying_Center__c',
  'Offering__c',
  'Landscape_Cell__c',
  'Relationship_Link__c'
];

/** Standard fields formulas, layouts and list views may name, per object (beyond Id/Name/system fields). */
const STANDARD_FIELD_NAMES = new Map<string, Set<string>>(
  STANDARD_OBJECTS.map((o) => [o.name.toLowerCase(), new Set(o.fields.map((f) => f.name.toLowerCase()))])
);
const CUSTOM_OBJECT_STANDARD_FIELDS = [
  'id',
  'name',
  'ownerid',
  'createdbyid',
  'createddate',
  'lastmodifiedbyid',
  'lastmodifieddate',
  'systemmodstamp',
  'isdeleted'
];

function fieldExists(object: string, field: string): boolean {
  const lower = field.toLowerCase();
  if (FIELDS.get(object)?.has(lower)) return true;
  if (object.endsWith('__c') && CUSTOM_OBJECT_STANDARD_FIELDS.includes(lower)) return true;
  return STANDARD_FIELD_NAMES.get(object.toLowerCase())?.has(lower) ?? false;
}

/** The object a relationship segment (`Foo__r` or a standard name like `Account`) leads to, if any. */
function follow(object: string, segment: string): string | undefined {
  if (segment.toLowerCase().endsWith('__r')) {
    return FIELDS.get(object)?.get(segment.replace(/__r$/i, '__c').toLowerCase())?.referenceTo;
  }
  const std = STANDARD_OBJECTS.find((o) => o.name.toLowerCase() === object.toLowerCase());
  const byRel = std?.fields.find((f) => f.relationshipName?.toLowerCase() === segment.toLowerCase());
  if (byRel?.referenceTo) return byRel.referenceTo;
  if (
    segment.toLowerCase() === 'owner' ||
    segment.toLowerCase() === 'createdby' ||
    segment.toLowerCase() === 'lastmodifiedby'
  )
    return 'User';
  return undefined;
}

const FORMULA_WORDS = new Set(['true', 'false', 'null']);
const CMDT_REF = /\$CustomMetadata\.Keyplan_Setting__mdt\.([A-Za-z0-9_]+)\.Value__c/g;

/**
 * Names in a formula that do not resolve to a field of `object` (or of the object a relationship path
 * leads to). Function names, string literals, TRUE/FALSE/NULL, $CustomMetadata and $User.Id are skipped.
 */
export function unresolvedFormulaNames(object: string, formula: string): string[] {
  const stripped = formula
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ')
    .replace(CMDT_REF, ' ');
  const problems: string[] = [];
  for (const m of stripped.matchAll(/(\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)(\s*\()?/g)) {
    const [, name, call] = m;
    if (call || FORMULA_WORDS.has(name.toLowerCase()) || /^\d/.test(name)) continue;
    if (name.startsWith('$')) {
      // $Setup.<custom setting>.<field>: the org's overrides of the settings (docs/SETTINGS.md).
      const setup = /^\$Setup\.(\w+__c)\.(\w+__c)$/.exec(name);
      if (setup) {
        if (!CUSTOM_SETTINGS.has(setup[1]) || !FIELDS.get(setup[1])?.has(setup[2].toLowerCase()))
          problems.push(`${name} (no such custom setting field)`);
      } else if (name !== '$User.Id') problems.push(`${name} (unsupported global)`);
      continue;
    }
    const parts = name.split('.');
    let current: string | undefined = object;
    for (const segment of parts.slice(0, -1)) {
      current = current ? follow(current, segment) : undefined;
      if (!current) break;
    }
    if (!current || !fieldExists(current, parts[parts.length - 1])) problems.push(name);
  }
  return problems;
}

const settingRecords = (): Map<string, Xml> =>
  new Map(
    filesIn(path.join(MAIN, 'customMetadata'), '.md-meta.xml').map((f) => [
      path.basename(f, '.md-meta.xml').replace(/^Keyplan_Setting\./, ''),
      read(f).CustomMetadata as Xml
    ])
  );
function recordValue(rec: Xml, field: string): string | undefined {
  const entry = list(rec.values).find((v) => text(v.field) === field);
  if (!entry) return undefined;
  const value = list<Xml | string>(entry.value)[0];
  return typeof value === 'object' ? text(value['#text']) : text(value);
}

function permSet(name: string): Xml {
  return read(path.join(MAIN, 'permissionsets', `${name}.permissionset-meta.xml`)).PermissionSet as Xml;
}
const PERM_SETS = ['Keyplan_User', 'Keyplan_Admin'];
/** The four BANT status fields on Opportunity, in Budget, Authority, Need, Timing order. */
const BANT_STATUS_FIELDS = [
  'Keyplan_Budget_Status__c',
  'Keyplan_Authority_Status__c',
  'Keyplan_Need_Status__c',
  'Keyplan_Timing_Status__c'
];

describe('objects and fields', () => {
  test('each standard object is defined once in src/schema (a second definition silently replaced the first)', () => {
    const names = STANDARD_OBJECTS.map((o) => o.name);
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    assert.deepEqual(twice, [], `defined more than once: ${twice.join(', ')}`);
  });

  test('the Keyplan objects and the settings type exist, with label, plural label, description and reports on', () => {
    for (const object of [...KEYPLAN_OBJECTS, 'Keyplan_Setting__mdt']) {
      const file = path.join(OBJECTS_DIR, object, `${object}.object-meta.xml`);
      assert.ok(existsSync(file), `${object} has no object-meta.xml`);
      const xml = read(file).CustomObject as Xml;
      for (const key of ['label', 'pluralLabel', 'description'])
        assert.ok(text(xml[key]), `${object} has no ${key}`);
      if (object.endsWith('__c')) {
        assert.equal(text(xml.enableReports), 'true', `${object}: enableReports`);
        assert.ok(text((xml.nameField as Xml | undefined)?.label), `${object} has no Name field`);
      }
    }
    assert.deepEqual(
      CUSTOM_OBJECTS.sort(),
      [...KEYPLAN_OBJECTS].sort(),
      'unexpected or missing custom objects'
    );
  });

  test('master-detail children are ControlledByParent; objects with tracked fields enable history', () => {
    for (const object of CUSTOM_OBJECTS) {
      const xml = read(path.join(OBJECTS_DIR, object, `${object}.object-meta.xml`)).CustomObject as Xml;
      const fields = [...(FIELDS.get(object)?.values() ?? [])];
      if (fields.some((f) => f.type === 'MasterDetail'))
        assert.equal(text(xml.sharingModel), 'ControlledByParent', `${object}.sharingModel`);
      if (fields.some((f) => text(f.xml.trackHistory) === 'true'))
        assert.equal(text(xml.enableHistory), 'true', `${object} tracks fields but enableHistory is off`);
    }
  });

  test('every field parses and has a label, a description and help text, and its file name is its API name', () => {
    let count = 0;
    for (const fields of FIELDS.values()) {
      for (const f of fields.values()) {
        count++;
        const where = `${f.object}.${f.name}`;
        assert.equal(text(f.xml.fullName), f.name, `${where}: fullName differs from the file name`);
        assert.ok(text(f.xml.label), `${where} has no label`);
        assert.ok(text(f.xml.description), `${where} has no description`);
        assert.ok(text(f.xml.inlineHelpText), `${where} has no inlineHelpText`);
        assert.ok(
          text(f.xml.inlineHelpText).length <= 510,
          `${where}: inlineHelpText longer than 510 characters`
        );
      }
    }
    assert.ok(count > 90, `only ${count} fields found`);
  });

  test('every custom field named in docs/DATA_MODEL.md exists on its object', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/DATA_MODEL.md'), 'utf8');
    const missing: string[] = [];
    let checked = 0;
    for (const section of doc.split(/^#{2,3} /m).slice(1)) {
      const heading = section.split('\n')[0];
      const object = /`([A-Za-z0-9_]+)`/.exec(heading)?.[1] ?? heading.split(/\s/)[0];
      if (!FIELDS.has(object)) continue;
      const body = section.slice(heading.length);
      for (const m of body.matchAll(/`([A-Za-z0-9_]+__c)`/g)) {
        const name = m[1];
        // Object names also appear in back-ticks ("lookup `Offering__c`"): only fields are checked.
        if (FIELDS.has(name) && !FIELDS.get(object)?.has(name.toLowerCase())) continue;
        checked++;
        if (!fieldExists(object, name)) missing.push(`${object}.${name}`);
      }
    }
    assert.deepEqual(missing, [], 'fields documented but not in the metadata');
    assert.ok(checked > 60, `only ${checked} documented fields checked: did the doc layout change?`);
  });

  test('picklists name existing global value sets; BANT and influence fields use the shared ones', () => {
    const sets = new Set(
      filesIn(path.join(MAIN, 'globalValueSets'), '.globalValueSet-meta.xml').map((f) =>
        path.basename(f, '.globalValueSet-meta.xml')
      )
    );
    for (const fields of FIELDS.values()) {
      for (const f of fields.values()) {
        const vsName = text((f.xml.valueSet as Xml | undefined)?.valueSetName);
        if (vsName) assert.ok(sets.has(vsName), `${f.object}.${f.name} uses missing value set ${vsName}`);
        if (f.type === 'Picklist') assert.ok(f.xml.valueSet, `${f.object}.${f.name} has no values`);
      }
    }
    for (const field of BANT_STATUS_FIELDS) {
      assert.equal(
        text((FIELDS.get('Opportunity')?.get(field.toLowerCase())?.xml.valueSet as Xml)?.valueSetName),
        'Keyplan_BANT_Status'
      );
    }
    for (const [object, field] of [
      ['Contact', 'keyplan_influence_level__c'],
      ['Relationship_Link__c', 'influence_level__c']
    ]) {
      assert.equal(
        text((FIELDS.get(object)?.get(field)?.xml.valueSet as Xml)?.valueSetName),
        'Keyplan_Influence_Level'
      );
    }
    const bant = read(path.join(MAIN, 'globalValueSets/Keyplan_BANT_Status.globalValueSet-meta.xml'))
      .GlobalValueSet as Xml;
    assert.deepEqual(
      list(bant.customValue).map((v) => text(v.fullName)),
      ['Unknown', 'Missing', 'Identified', 'Confirmed']
    );
  });

  test('field history is tracked on the BANT statuses and the plan goals', () => {
    const tracked = [
      ...BANT_STATUS_FIELDS.map((f) => ['Opportunity', f]),
      ...['Revenue_Goal__c', 'Mining_Goal__c', 'Farming_Goal__c'].map((f) => ['Account_Plan__c', f])
    ];
    for (const [object, field] of tracked) {
      assert.equal(
        text(FIELDS.get(object)?.get(field.toLowerCase())?.xml.trackHistory),
        'true',
        `${object}.${field} is not history-tracked`
      );
    }
  });

  test('Unique_Key__c is a unique, case-insensitive external id on plans and cells', () => {
    for (const object of ['Account_Plan__c', 'Landscape_Cell__c']) {
      const xml = FIELDS.get(object)?.get('unique_key__c')?.xml;
      assert.ok(xml, `${object}.Unique_Key__c missing`);
      assert.equal(text(xml.unique), 'true');
      assert.equal(text(xml.externalId), 'true');
      assert.equal(text(xml.caseSensitive), 'false');
      assert.ok(Number(text(xml.length)) >= 42, 'room for two 18-character Ids, a year and separators');
    }
  });
});

describe('formulas and validation rules', () => {
  const rules: { object: string; name: string; xml: Xml }[] = [];
  for (const object of readdirSync(OBJECTS_DIR).sort()) {
    for (const file of filesIn(
      path.join(OBJECTS_DIR, object, 'validationRules'),
      '.validationRule-meta.xml'
    )) {
      rules.push({
        object,
        name: path.basename(file, '.validationRule-meta.xml'),
        xml: read(file).ValidationRule as Xml
      });
    }
  }
  const formulaFields = [...FIELDS.values()].flatMap((m) => [...m.values()]).filter((f) => f.formula);

  test('the formula-name checker flags unknown fields and relationships', () => {
    assert.deepEqual(
      unresolvedFormulaNames('Relationship_Link__c', 'From_Contact__r.AccountId <> Account__c'),
      []
    );
    assert.deepEqual(
      unresolvedFormulaNames('Relationship_Link__c', 'From_Contact__r.Nope__c = "Account__x"'),
      ['From_Contact__r.Nope__c']
    );
    assert.deepEqual(unresolvedFormulaNames('Landscape_Cell__c', 'ISBLANK(Bogus__c) && Bogus__r.Active__c'), [
      'Bogus__c',
      'Bogus__r.Active__c'
    ]);
  });

  test('every validation rule is active, has a message and names only existing fields', () => {
    assert.ok(rules.length >= 20, `only ${rules.length} rules`);
    for (const { object, name, xml } of rules) {
      const where = `${object}.${name}`;
      assert.equal(text(xml.fullName), name, `${where}: fullName differs from the file name`);
      assert.equal(text(xml.active), 'true', `${where} is inactive`);
      assert.ok(text(xml.errorMessage).length > 20, `${where}: the message must tell the user what to do`);
      assert.ok(text(xml.description), `${where} has no description`);
      assert.deepEqual(
        unresolvedFormulaNames(object, text(xml.errorConditionFormula)),
        [],
        `${where} names unknown fields`
      );
      const display = text(xml.errorDisplayField);
      if (display)
        assert.ok(fieldExists(object, display), `${where}: errorDisplayField ${display} does not exist`);
    }
  });

  test('the required rules exist', () => {
    const names = new Set(rules.map((r) => `${r.object}.${r.name}`));
    for (const required of [
      'Relationship_Link__c.No_Self_Link',
      'Relationship_Link__c.Exactly_One_From',
      'Relationship_Link__c.Ends_In_Link_Account',
      'Relationship_Link__c.Strength_Range',
      'Landscape_Cell__c.Competitor_Required',
      'Landscape_Cell__c.Offering_Must_Be_Active',
      'Account_Plan__c.Goals_Within_Revenue_Goal',
      'Account_Plan__c.Fiscal_Year_In_Range',
      'Landscape_Cell__c.Fiscal_Year_In_Range'
    ]) {
      assert.ok(names.has(required), `missing rule ${required}`);
    }
    for (const [object, field] of [
      ['Account_Plan__c', 'Revenue_Goal__c'],
      ['Account_Plan__c', 'Mining_Goal__c'],
      ['Account_Plan__c', 'Farming_Goal__c'],
      ['Buying_Center__c', 'Wallet_Size__c'],
      ['Landscape_Cell__c', 'Potential__c'],
      ['Contact', 'Keyplan_Budget_Owned__c']
    ]) {
      assert.ok(
        rules.some(
          (r) =>
            r.object === object && new RegExp(`${field}\\s*<\\s*0`).test(text(r.xml.errorConditionFormula))
        ),
        `${object}.${field} has no not-negative rule`
      );
    }
    for (const field of [...FIELDS.get('Account_Plan__c')!.values()].filter((f) =>
      f.name.startsWith('Score_')
    )) {
      assert.ok(
        rules.some(
          (r) =>
            r.object === 'Account_Plan__c' &&
            text(r.xml.errorDisplayField) === field.name &&
            /<\s*1/.test(text(r.xml.errorConditionFormula))
        ),
        `${field.name} has no 1-5 rule`
      );
    }
  });

  test('every formula field names only existing fields', () => {
    assert.ok(formulaFields.length >= 5);
    for (const f of formulaFields)
      assert.deepEqual(unresolvedFormulaNames(f.object, f.formula!), [], `${f.object}.${f.name}`);
  });

  test('every $CustomMetadata setting a formula or rule reads has a record', () => {
    const records = settingRecords();
    const formulas = [
      ...formulaFields.map((f) => f.formula!),
      ...rules.map((r) => text(r.xml.errorConditionFormula))
    ];
    let refs = 0;
    for (const formula of formulas) {
      for (const m of formula.matchAll(CMDT_REF)) {
        refs++;
        assert.ok(records.has(m[1]), `no Keyplan_Setting record ${m[1]}`);
      }
    }
    assert.ok(refs > 20);
    assert.doesNotMatch(
      formulas.join('\n'),
      /\$CustomMetadata\.(?!Keyplan_Setting__mdt\.[A-Za-z0-9_]+\.Value__c)/,
      'a $CustomMetadata reference of another shape'
    );
  });

  test('the BANT score formula reads all four weights, all four status points and all four status fields', () => {
    const formula = FIELDS.get('Opportunity')?.get('keyplan_bant_score__c')?.formula ?? '';
    ['Budget', 'Authority', 'Need', 'Timing'].forEach((dim, i) => {
      assert.match(
        formula,
        new RegExp(`\\$CustomMetadata\\.Keyplan_Setting__mdt\\.BANT_Weight_${dim}\\.Value__c`),
        `weight ${dim}`
      );
      assert.match(formula, new RegExp(`\\b${BANT_STATUS_FIELDS[i]}\\b`), `status field ${dim}`);
    });
    for (const status of ['Unknown', 'Missing', 'Identified', 'Confirmed']) {
      assert.match(
        formula,
        new RegExp(`\\$CustomMetadata\\.Keyplan_Setting__mdt\\.BANT_Points_${status}\\.Value__c`),
        `points ${status}`
      );
    }
    const xml = FIELDS.get('Opportunity')?.get('keyplan_bant_score__c')?.xml as Xml;
    assert.equal(text(xml.precision), '3');
    assert.equal(text(xml.scale), '0');
  });

  test('relationship score, type and tier read their weights, bands and thresholds', () => {
    const plan = FIELDS.get('Account_Plan__c')!;
    const score = plan.get('relationship_score__c')?.formula ?? '';
    for (const k of [
      'Executive_Access',
      'Share_Of_Wallet',
      'Strategic_Alignment',
      'Co_Innovation',
      'Tenure'
    ]) {
      assert.match(score, new RegExp(`RelType_Weight_${k}\\.Value__c`));
      assert.match(score, new RegExp(`Score_${k}__c`));
    }
    const type = plan.get('relationship_type__c')?.formula ?? '';
    for (const band of ['Cooperative', 'Interdependent', 'Strategic'])
      assert.match(type, new RegExp(`RelType_Band_${band}\\.Value__c`));
    const tier = plan.get('tier__c')?.formula ?? '';
    for (const t of ['Tier_1_Min_Criteria', 'Tier_2_Min_Criteria'])
      assert.match(tier, new RegExp(`${t}\\.Value__c`));
    for (const c of [
      'Revenue_Potential',
      'Strategic_Fit',
      'Growth_Potential',
      'Reference_Value',
      'Executive_Access'
    ])
      assert.match(tier, new RegExp(`Criterion_${c}__c`));
  });
});

describe('settings', () => {
  test('the Keyplan_Setting records equal DEFAULT_SETTINGS in keyplanCore/settings.ts, name for name', () => {
    const records = settingRecords();
    const fromXml: Record<string, number> = {};
    for (const [name, rec] of records) {
      const raw = recordValue(rec, 'Value__c');
      assert.ok(raw !== undefined && raw !== '', `${name} has no Value__c`);
      fromXml[name] = Number(raw);
      assert.ok(text(rec.label), `${name} has no label`);
      assert.ok(text(rec.label).length <= 40, `${name}: label longer than 40 characters`);
      assert.ok(recordValue(rec, 'Category__c'), `${name} has no Category__c`);
      assert.ok(recordValue(rec, 'Description__c'), `${name} has no Description__c`);
    }
    assert.deepEqual(fromXml, { ...DEFAULT_SETTINGS });
  });

  test('the settings type has Category__c Text, Value__c Number(8,2) and Description__c', () => {
    const mdt = FIELDS.get('Keyplan_Setting__mdt')!;
    assert.equal(mdt.get('category__c')?.type, 'Text');
    assert.equal(mdt.get('value__c')?.type, 'Number');
    assert.equal(text(mdt.get('value__c')?.xml.precision), '8');
    assert.equal(text(mdt.get('value__c')?.xml.scale), '2');
    assert.ok(mdt.get('description__c'));
  });
});

describe('permission sets', () => {
  const grantable = [...FIELDS.values()]
    .flatMap((m) => [...m.values()])
    .filter(
      (f) =>
        !f.object.endsWith('__mdt') &&
        !CUSTOM_SETTINGS.has(f.object) &&
        f.type !== 'MasterDetail' &&
        !f.required
    );

  for (const name of PERM_SETS) {
    test(`${name} grants every custom field: formulas read-only, the rest editable`, () => {
      const ps = permSet(name);
      const granted = new Map(list(ps.fieldPermissions).map((p) => [text(p.field), p]));
      const problems: string[] = [];
      for (const f of grantable) {
        const key = `${f.object}.${f.name}`;
        const p = granted.get(key);
        const wantEdit = f.formula ? 'false' : 'true';
        if (!p) problems.push(`${key} missing`);
        else if (text(p.readable) !== 'true' || text(p.editable) !== wantEdit)
          problems.push(
            `${key} readable=${text(p.readable)} editable=${text(p.editable)}, want editable=${wantEdit}`
          );
      }
      // Master-detail and required fields cannot appear in a permission set (the deploy fails).
      for (const key of granted.keys()) {
        const [object, field] = key.split('.');
        const f = FIELDS.get(object)?.get(field.toLowerCase());
        if (!f) problems.push(`${key} granted but does not exist`);
        else if (f.type === 'MasterDetail' || f.required)
          problems.push(`${key} is master-detail or required and cannot be granted`);
      }
      assert.deepEqual(problems, []);
    });

    test(`${name} gives every non-test Apex class, the Keyplan tabs, the app and the settings type`, () => {
      const ps = permSet(name);
      const classDir = path.join(MAIN, 'classes');
      const classes = filesIn(classDir, '.cls')
        .filter((f) => !/^\s*(\/\*[\s\S]*?\*\/\s*)?@IsTest\b/i.test(readFileSync(f, 'utf8')))
        .map((f) => path.basename(f, '.cls'));
      const granted = list(ps.classAccesses)
        .filter((c) => text(c.enabled) === 'true')
        .map((c) => text(c.apexClass));
      assert.deepEqual(
        classes.filter((c) => !granted.includes(c)),
        [],
        'classes without classAccesses (add them to both permission sets)'
      );
      assert.deepEqual(
        granted.filter((c) => !existsSync(path.join(classDir, `${c}.cls`))),
        [],
        'classAccesses for classes that do not exist'
      );
      const tabs = list(ps.tabSettings).map((t) => text(t.tab));
      for (const tab of ['Account_Plan__c', 'Buying_Center__c', 'Offering__c'])
        assert.ok(tabs.includes(tab), `tab ${tab}`);
      for (const tab of tabs)
        assert.ok(
          existsSync(path.join(MAIN, 'tabs', `${tab}.tab-meta.xml`)),
          `tabSettings names missing tab ${tab}`
        );
      assert.ok(
        list(ps.applicationVisibilities).some(
          (a) => text(a.application) === 'Keyplan' && text(a.visible) === 'true'
        )
      );
      assert.equal(text((ps.customMetadataTypeAccesses as Xml | undefined)?.name), 'Keyplan_Setting__mdt');
    });
  }

  test('object access: users work on plans, OSA, buying centers, cells and links and read offerings; admins do everything', () => {
    const access = (name: string, object: string): string => {
      const p = list(permSet(name).objectPermissions).find((o) => text(o.object) === object);
      if (!p) return '';
      return ['allowRead', 'allowCreate', 'allowEdit', 'allowDelete', 'viewAllRecords', 'modifyAllRecords']
        .map((k, i) => (text(p[k]) === 'true' ? 'rcedVM'[i] : '-'))
        .join('');
    };
    for (const object of [
      'Account_Plan__c',
      'Plan_Objective__c',
      'Plan_Action__c',
      'Buying_Center__c',
      'Landscape_Cell__c',
      'Relationship_Link__c'
    ]) {
      assert.match(access('Keyplan_User', object), /^rce.--$/, `Keyplan_User on ${object}`);
    }
    assert.equal(access('Keyplan_User', 'Offering__c'), 'r-----');
    // View/Modify All only on the catalogue: the Account-detail chain follows Account sharing (admins hold
    // Modify All Data), because View All on a detail needs View All on Account (real-org review L1).
    for (const object of KEYPLAN_OBJECTS)
      assert.equal(
        access('Keyplan_Admin', object),
        object === 'Offering__c' ? 'rcedVM' : 'rced--',
        `Keyplan_Admin on ${object}`
      );
    for (const name of PERM_SETS) {
      // Detail objects need read on their master in the same permission set.
      assert.match(access(name, 'Account'), /^r/);
      assert.match(access(name, 'Contact'), /^r.e/);
      assert.match(access(name, 'Opportunity'), /^r.e/);
    }
  });
});

/** Fields deliberately off the layouts: Is_My_Account__c only serves the "My Active Plans" list view filter. */
const LAYOUT_EXEMPT = ['Account_Plan__c.Is_My_Account__c'];

describe('app, tabs, layouts, compact layouts and list views', () => {
  test('the Keyplan app is a Lightning app whose tabs exist', () => {
    const app = read(path.join(MAIN, 'applications/Keyplan.app-meta.xml')).CustomApplication as Xml;
    assert.equal(text(app.uiType), 'Lightning');
    const tabs = list<string>(app.tabs).map(text);
    for (const tab of [
      'standard-Account',
      'standard-Opportunity',
      'standard-Contact',
      'Account_Plan__c',
      'Buying_Center__c',
      'Offering__c'
    ])
      assert.ok(tabs.includes(tab), tab);
    for (const tab of tabs.filter((t) => !t.startsWith('standard-')))
      assert.ok(existsSync(path.join(MAIN, 'tabs', `${tab}.tab-meta.xml`)), `tab ${tab}`);
  });

  test('every custom object has a layout, whose fields and related lists exist, with formulas read-only', () => {
    for (const object of CUSTOM_OBJECTS) {
      const files = filesIn(path.join(MAIN, 'layouts'), '.layout-meta.xml').filter((f) =>
        path.basename(f).startsWith(`${object}-`)
      );
      assert.equal(files.length, 1, `${object} should have exactly one layout`);
      const layout = read(files[0]).Layout as Xml;
      const onLayout = new Set<string>();
      for (const section of list(layout.layoutSections)) {
        for (const column of list(section.layoutColumns)) {
          for (const item of list((column as Xml).layoutItems)) {
            const field = text(item.field);
            onLayout.add(field);
            assert.ok(fieldExists(object, field), `${object} layout: ${field}`);
            const f = FIELDS.get(object)?.get(field.toLowerCase());
            if (f?.formula)
              assert.equal(
                text(item.behavior),
                'Readonly',
                `${object} layout: formula ${field} must be Readonly`
              );
            if (f?.type === 'MasterDetail' || f?.required)
              assert.equal(text(item.behavior), 'Required', `${object} layout: ${field} must be Required`);
          }
        }
      }
      const fieldsMissing = [...FIELDS.get(object)!.values()]
        .filter((f) => !onLayout.has(f.name) && !LAYOUT_EXEMPT.includes(`${object}.${f.name}`))
        .map((f) => f.name);
      assert.deepEqual(fieldsMissing, [], `${object} fields missing from the layout`);
      for (const rel of list(layout.relatedLists)) {
        const ref = text(rel.relatedList);
        if (!ref.includes('.')) continue;
        const [child, lookup] = ref.split('.');
        const f = FIELDS.get(child)?.get(lookup.toLowerCase());
        assert.equal(
          f?.referenceTo,
          object,
          `${object} layout: related list ${ref} is not a child relationship of ${object}`
        );
        for (const col of list<string>(rel.fields)
          .map(text)
          .filter((c) => c.endsWith('__c')))
          assert.ok(fieldExists(child, col), `${ref} column ${col}`);
      }
    }
  });

  test('compact layouts and list views name existing fields', () => {
    for (const object of [...CUSTOM_OBJECTS, 'Keyplan_Setting__mdt']) {
      for (const file of walk(path.join(OBJECTS_DIR, object)).filter((f) =>
        /\.(compactLayout|listView)-meta\.xml$/.test(f)
      )) {
        const xml = read(file);
        const root = (xml.CompactLayout ?? xml.ListView) as Xml;
        const names = [
          ...list<string>(root.fields ?? root.columns).map(text),
          ...list(root.filters).map((f) => text(f.field))
        ];
        for (const name of names.filter((n) => /__c$|^Name$/.test(n)))
          assert.ok(fieldExists(object, name), `${path.relative(MAIN, file)}: ${name}`);
      }
    }
    const planObject = read(path.join(OBJECTS_DIR, 'Account_Plan__c/Account_Plan__c.object-meta.xml'))
      .CustomObject as Xml;
    assert.ok(
      existsSync(
        path.join(
          OBJECTS_DIR,
          'Account_Plan__c/compactLayouts',
          `${text(planObject.compactLayoutAssignment)}.compactLayout-meta.xml`
        )
      )
    );
    for (const [object, view] of [
      ['Account_Plan__c', 'My_Active_Plans'],
      ['Account_Plan__c', 'Plans_By_Fiscal_Year'],
      ['Offering__c', 'Active_Offerings'],
      ['Landscape_Cell__c', 'Whitespace_Cells']
    ]) {
      assert.ok(
        existsSync(path.join(OBJECTS_DIR, object, 'listViews', `${view}.listView-meta.xml`)),
        `${object} list view ${view}`
      );
    }
  });

  test('the unique-key triggers and class exist with Active 62.0 metadata', () => {
    for (const file of [
      'triggers/AccountPlanTrigger.trigger',
      'triggers/LandscapeCellTrigger.trigger',
      'classes/KeyplanUniqueKeys.cls',
      'classes/KeyplanUniqueKeysTest.cls'
    ]) {
      const meta = read(path.join(MAIN, `${file}-meta.xml`));
      const root = (meta.ApexClass ?? meta.ApexTrigger) as Xml;
      assert.equal(text(root.apiVersion), '62.0', file);
      assert.equal(text(root.status), 'Active', file);
    }
    const cls = readFileSync(path.join(MAIN, 'classes/KeyplanUniqueKeys.cls'), 'utf8');
    assert.match(cls, /public with sharing class KeyplanUniqueKeys/);
    assert.match(
      readFileSync(path.join(MAIN, 'triggers/AccountPlanTrigger.trigger'), 'utf8'),
      /before insert, before update[\s\S]*KeyplanUniqueKeys\.setAccountPlanKeys/
    );
    assert.match(
      readFileSync(path.join(MAIN, 'triggers/LandscapeCellTrigger.trigger'), 'utf8'),
      /before insert, before update[\s\S]*KeyplanUniqueKeys\.setLandscapeCellKeys/
    );
  });
});
