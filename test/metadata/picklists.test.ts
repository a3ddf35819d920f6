/**
 * The zod enums in src/contracts equal the picklist / global value set values in the metadata, in
 * order (issue 16 item 4): a value added to a picklist but not to the contract (or the reverse) is
 * rejected by the components at run time. Formula-derived enums (relationship type, tier) equal the
 * strings their formula can return. Field names resolve with or without the `Keyplan_` prefix that
 * standard-object fields are getting.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import * as contracts from '../../src/contracts';
import { findField, loadSchema } from '../../src/schema/loadSchema';
import type { FieldDef, Schema } from '../../src/schema/types';
import { MAIN } from '../../scripts/lib/paths';

type Values = readonly string[];

/** contract enum -> the metadata fields (Object.Field) whose values it must equal */
const PICKLISTS: [string, Values, string[]][] = [
  [
    'BANT_STATUSES',
    contracts.BANT_STATUSES,
    [
      'Opportunity.Keyplan_Budget_Status__c',
      'Opportunity.Keyplan_Authority_Status__c',
      'Opportunity.Keyplan_Need_Status__c',
      'Opportunity.Keyplan_Timing_Status__c'
    ]
  ],
  [
    'INFLUENCE_LEVELS',
    contracts.INFLUENCE_LEVELS,
    ['Contact.Keyplan_Influence_Level__c', 'Relationship_Link__c.Influence_Level__c']
  ],
  ['STANCES', contracts.STANCES, ['Contact.Keyplan_Stance__c']],
  ['DECISION_ROLES', contracts.DECISION_ROLES, ['Contact.Keyplan_Decision_Role__c']],
  ['BUYER_ROLES', contracts.BUYER_ROLES, ['Contact.Keyplan_Buyer_Role__c']],
  ['RESPONSE_MODES', contracts.RESPONSE_MODES, ['Contact.Keyplan_Response_Mode__c']],
  ['LINK_TYPES', contracts.LINK_TYPES, ['Relationship_Link__c.Type__c']],
  ['FREQUENCIES', contracts.FREQUENCIES, ['Relationship_Link__c.Frequency__c']],
  ['POLARITIES', contracts.POLARITIES, ['Relationship_Link__c.Polarity__c']],
  ['RELATIONSHIP_STATUSES', contracts.RELATIONSHIP_STATUSES, ['Buying_Center__c.Relationship_Status__c']],
  ['PLAN_STATUSES', contracts.PLAN_STATUSES, ['Account_Plan__c.Status__c']],
  ['CUSTOMER_PHASES', contracts.CUSTOMER_PHASES, ['Account_Plan__c.Customer_Phase__c']],
  ['ACTION_STATUSES', contracts.ACTION_STATUSES, ['Plan_Action__c.Status__c']],
  ['CELL_STATES', contracts.CELL_STATES, ['Landscape_Cell__c.State__c']],
  ['OFFERING_FAMILIES', contracts.OFFERING_FAMILIES, ['Offering__c.Family__c']],
  ['GROWTH_TYPES', contracts.GROWTH_TYPES, ['Opportunity.Keyplan_Growth_Type__c']]
];
/** Picklists no contract carries, with the reason. */
const NOT_IN_CONTRACTS: Record<string, string> = {
  'Plan_Objective__c.Status__c': 'objectives are not part of any Apex DTO (bundle format only)'
};
const FORMULAS: [string, Values, string][] = [
  ['RELATIONSHIP_TYPES', contracts.RELATIONSHIP_TYPES, 'Account_Plan__c.Relationship_Type__c'],
  ['TIERS', contracts.TIERS, 'Account_Plan__c.Tier__c']
];

/** The field, under its name or with the `Keyplan_` prefix on standard objects. */
function field(schema: Schema, ref: string): FieldDef | undefined {
  const [obj, name] = ref.split('.');
  return findField(schema, obj, name) ?? findField(schema, obj, `Keyplan_${name}`);
}

/** Differences between a contract enum and the metadata values, one line each; empty when equal. */
function enumDifferences(schema: Schema, name: string, values: Values, fields: string[]): string[] {
  const out: string[] = [];
  for (const ref of fields) {
    const f = field(schema, ref);
    if (!f?.picklistValues) {
      out.push(`${name}: ${ref} is not a picklist field in the metadata`);
      continue;
    }
    const meta = f.picklistValues;
    const missing = meta.filter((v) => !values.includes(v));
    const extra = values.filter((v) => !meta.includes(v));
    if (missing.length > 0) out.push(`${name}: lacks ${JSON.stringify(missing)} of ${ref}`);
    if (extra.length > 0) out.push(`${name}: has ${JSON.stringify(extra)} that ${ref} does not`);
    if (missing.length === 0 && extra.length === 0 && meta.join('|') !== values.join('|'))
      out.push(`${name}: order differs from ${ref}: ${JSON.stringify(meta)}`);
  }
  return out;
}

const schema = loadSchema(MAIN);

test('the picklist comparison catches a value missing from the contract, an extra one and the order', () => {
  const fixture = loadSchema(path.join(__dirname, 'fixtures', 'picklists'));
  assert.deepEqual(enumDifferences(fixture, 'STANCES', contracts.STANCES, ['Contact.Keyplan_Stance__c']), [
    'STANCES: lacks ["Blocker"] of Contact.Keyplan_Stance__c',
    'STANCES: has ["Unknown"] that Contact.Keyplan_Stance__c does not'
  ]);
  assert.deepEqual(
    enumDifferences(fixture, 'POLARITIES', ['Negative', 'Positive'], ['Relationship_Link__c.Polarity__c']),
    ['POLARITIES: order differs from Relationship_Link__c.Polarity__c: ["Positive","Negative"]']
  );
  assert.deepEqual(
    enumDifferences(fixture, 'POLARITIES', contracts.POLARITIES, ['Relationship_Link__c.Polarity__c']),
    []
  );
});

test('every contract enum equals the picklist values of the fields it carries', () => {
  const problems = PICKLISTS.flatMap(([name, values, fields]) =>
    enumDifferences(schema, name, values, fields)
  );
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('every custom picklist in the metadata is carried by a contract enum or listed as not carried', () => {
  const mapped = new Set(PICKLISTS.flatMap(([, , fields]) => fields).map((r) => field(schema, r)));
  const unmapped: string[] = [];
  for (const obj of schema.objects.values())
    for (const f of obj.fields)
      if (f.custom && f.picklistValues && !mapped.has(f) && !NOT_IN_CONTRACTS[`${obj.name}.${f.name}`])
        unmapped.push(`${obj.name}.${f.name}`);
  assert.deepEqual(unmapped, [], `picklists without a contract enum: ${unmapped.join(', ')}`);
});

/**
 * The strings a formula can return: for a top-level CASE(expr, key, result, ..., default) its results and
 * default (its keys are compared, not returned); otherwise every string literal. Comments are dropped.
 */
function stringResults(formula: string): string[] {
  const text = formula.replace(/\/\*[\s\S]*?\*\//g, '').trim();
  const literals = (t: string): string[] => [...t.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  if (!/^CASE\s*\(/i.test(text)) return literals(text);
  const args: string[] = [];
  let depth = 0;
  let start = text.indexOf('(') + 1;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = text.indexOf('"', i + 1);
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) {
      args.push(text.slice(start, i));
      break;
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  const results = args.filter((_, i) => i > 0 && (i % 2 === 0 || i === args.length - 1));
  return results.flatMap(literals);
}

test('formula-derived enums equal the strings the formula returns', () => {
  for (const [name, values, ref] of FORMULAS) {
    const formula = field(schema, ref)?.formula;
    assert.ok(formula, `${ref} is not a formula field`);
    const literals = [...new Set(stringResults(formula).filter((s) => s !== ''))];
    assert.deepEqual([...literals].sort(), [...values].sort(), `${name} vs the string results of ${ref}`);
  }
});

test('the BANT history fields of the contract are Opportunity fields that track history', () => {
  for (const name of contracts.BANT_HISTORY_FIELDS) {
    const f = findField(schema, 'Opportunity', name);
    assert.ok(f, `Opportunity.${name} does not exist`);
    assert.equal(f.trackHistory, true, `Opportunity.${name} does not track history`);
  }
});
