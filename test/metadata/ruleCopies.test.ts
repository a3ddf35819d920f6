/**
 * Rules that metadata or Apex must restate (neither can import TypeScript) equal their one TypeScript
 * home (issue 16, "fewer copies of the same rule"). Each check is a function returning the drift it
 * finds, run on the real sources (no drift) and on a changed copy (drift reported), so a check that
 * cannot fail does not pass here.
 */
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN } from '../../src/contracts/common';
import { findObject, loadSchema } from '../../src/schema/loadSchema';
import { STRONG_LINK_STRENGTH } from '../../force-app/main/default/lwc/keyplanCore/coverage';
import { APEX_CLASSES_DIR, ApexSource, apexSource } from '../../localorg/apex/source';
import { MAIN } from '../../scripts/lib/paths';

const schema = loadSchema(MAIN);
const YEAR_OBJECTS = ['Account_Plan__c', 'Landscape_Cell__c'];
const YEAR_CLASSES = ['AccountPlanService', 'WhitespaceService'];

/** Drift between a `Fiscal_Year_In_Range` rule (formula and message) and the TS pair. */
export function yearRuleDrift(formula: string, message: string): string[] {
  const m = /^OR\(\s*Fiscal_Year__c\s*<\s*(\d+)\s*,\s*Fiscal_Year__c\s*>\s*(\d+)\s*\)$/.exec(formula.trim());
  if (!m) return [`formula '${formula}' is not OR(Fiscal_Year__c < min, Fiscal_Year__c > max)`];
  const drift: string[] = [];
  if (Number(m[1]) !== FISCAL_YEAR_MIN)
    drift.push(`formula min ${m[1]} != FISCAL_YEAR_MIN ${FISCAL_YEAR_MIN}`);
  if (Number(m[2]) !== FISCAL_YEAR_MAX)
    drift.push(`formula max ${m[2]} != FISCAL_YEAR_MAX ${FISCAL_YEAR_MAX}`);
  if (!message.includes(`between ${FISCAL_YEAR_MIN} and ${FISCAL_YEAR_MAX}`))
    drift.push(`message '${message}' does not name ${FISCAL_YEAR_MIN}-${FISCAL_YEAR_MAX}`);
  return drift;
}

/** Drift between an Apex service's MIN_YEAR / MAX_YEAR / requireYear message and the TS pair. */
export function apexYearDrift(source: ApexSource, className: string): string[] {
  const drift: string[] = [];
  const min = source.integer(`${className}.MIN_YEAR`);
  const max = source.integer(`${className}.MAX_YEAR`);
  if (min !== FISCAL_YEAR_MIN) drift.push(`${className}.MIN_YEAR ${min} != ${FISCAL_YEAR_MIN}`);
  if (max !== FISCAL_YEAR_MAX) drift.push(`${className}.MAX_YEAR ${max} != ${FISCAL_YEAR_MAX}`);
  const message = source.literals(`${className}.requireYear`)[0] ?? '';
  if (!message.includes(`between ${FISCAL_YEAR_MIN} and ${FISCAL_YEAR_MAX}`))
    drift.push(
      `${className}.requireYear message '${message}' does not name ${FISCAL_YEAR_MIN}-${FISCAL_YEAR_MAX}`
    );
  return drift;
}

function yearRule(objectName: string) {
  const rule = findObject(schema, objectName)?.validationRules?.find(
    (r) => r.name === 'Fiscal_Year_In_Range'
  );
  assert.ok(rule, `${objectName}.Fiscal_Year_In_Range not found`);
  return rule;
}

test('fiscal-year range: the validation rules equal FISCAL_YEAR_MIN / FISCAL_YEAR_MAX', () => {
  for (const objectName of YEAR_OBJECTS) {
    const rule = yearRule(objectName);
    assert.ok(rule.active, `${objectName}.Fiscal_Year_In_Range is inactive`);
    assert.deepEqual(yearRuleDrift(rule.formula, rule.message), [], objectName);
  }
});

test('fiscal-year range: a changed validation rule is reported', () => {
  const rule = yearRule('Account_Plan__c');
  assert.match(yearRuleDrift(rule.formula.replace('2100', '2101'), rule.message).join(), /formula max 2101/);
  assert.match(yearRuleDrift(rule.formula.replace('2000', '1999'), rule.message).join(), /formula min 1999/);
  assert.match(yearRuleDrift(rule.formula, rule.message.replace('2100', '2099')).join(), /message/);
  assert.match(yearRuleDrift('Fiscal_Year__c < 2000', rule.message).join(), /is not OR/);
});

test('fiscal-year range: the Apex constants and message equal FISCAL_YEAR_MIN / FISCAL_YEAR_MAX', () => {
  for (const className of YEAR_CLASSES) assert.deepEqual(apexYearDrift(apexSource, className), [], className);
});

test('fiscal-year range: a changed Apex constant is reported', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyplan-years-'));
  try {
    const cls = 'WhitespaceService';
    const text = readFileSync(path.join(APEX_CLASSES_DIR, `${cls}.cls`), 'utf8');
    const changed = text.replace(/MAX_YEAR = 2100;/, 'MAX_YEAR = 2101;');
    assert.notEqual(changed, text, 'the sample must change the constant');
    writeFileSync(path.join(dir, `${cls}.cls`), changed);
    copyFileSync(
      path.join(APEX_CLASSES_DIR, 'AccountPlanService.cls'),
      path.join(dir, 'AccountPlanService.cls')
    );
    const bad = new ApexSource(dir);
    assert.deepEqual(apexYearDrift(bad, 'AccountPlanService'), []);
    assert.match(apexYearDrift(bad, cls).join(), /MAX_YEAR 2101 != 2100/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const STRONG_REPORT = path.join(
  MAIN,
  'reports/Keyplan/Decision_Makers_Without_Strong_Relationship.report-meta.xml'
);

/** Drift between the report's cross filter on `Strength__c` and `STRONG_LINK_STRENGTH` (report XML as text). */
export function strongLinkReportDrift(reportXml: string): string[] {
  const report = (new XMLParser({ parseTagValue: false }).parse(reportXml) as { Report?: Xml }).Report ?? {};
  const strength = asList(report.crossFilters)
    .flatMap((f) => asList(f.criteriaItems))
    .filter((c) => c.column === 'Strength__c');
  if (strength.length !== 1)
    return [`expected one Strength__c cross-filter criterion, found ${strength.length}`];
  const [c] = strength;
  const drift: string[] = [];
  if (c.operator !== 'greaterOrEqual') drift.push(`operator ${String(c.operator)} != greaterOrEqual`);
  if (Number(c.value) !== STRONG_LINK_STRENGTH)
    drift.push(`value ${String(c.value)} != STRONG_LINK_STRENGTH ${STRONG_LINK_STRENGTH}`);
  return drift;
}

type Xml = Record<string, unknown>;
const asList = (v: unknown): Xml[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as Xml[];

test('strong link: the report cross filter equals STRONG_LINK_STRENGTH', () => {
  assert.deepEqual(strongLinkReportDrift(readFileSync(STRONG_REPORT, 'utf8')), []);
});

test('strong link: a changed report filter is reported', () => {
  const xml = readFileSync(STRONG_REPORT, 'utf8');
  const changed = xml.replace(/(<column>Strength__c<\/column>[\s\S]*?<value>)4(<\/value>)/, '$13$2');
  assert.notEqual(changed, xml, 'the sample must change the filter value');
  assert.match(strongLinkReportDrift(changed).join(), /value 3 != STRONG_LINK_STRENGTH 4/);
  assert.match(strongLinkReportDrift(xml.replace(/Strength__c/g, 'Frequency__c')).join(), /found 0/);
});
