/**
 * The Keyplan_ prefix check: no field Keyplan adds to a standard object lacks the prefix, and no old
 * name is left anywhere (the codemod's --check). Proven first on a small bad sample, which the codemod
 * then fixes, context-aware and idempotently.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { apply, readSchema, run, scan, unprefixedFieldFiles } from './keyplan-prefix';

const ROOT = path.resolve(__dirname, '..', '..');
const OBJ = 'force-app/main/default/objects';

const field = (name: string, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>${name}</fullName>\n${extra}</CustomField>\n`;

/** A tiny repo: Contact.Stance__c / Contact.Buying_Center__c, the Buying_Center__c object, a cell's Buying_Center__c. */
function sample(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyplan-prefix-'));
  const put = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  put(`${OBJ}/Contact/fields/Stance__c.field-meta.xml`, field('Stance__c'));
  put(
    `${OBJ}/Contact/fields/Buying_Center__c.field-meta.xml`,
    field(
      'Buying_Center__c',
      '    <referenceTo>Buying_Center__c</referenceTo>\n    <relationshipName>Contacts</relationshipName>\n'
    )
  );
  put(`${OBJ}/Buying_Center__c/fields/Account__c.field-meta.xml`, field('Account__c'));
  put(
    `${OBJ}/Landscape_Cell__c/fields/Buying_Center__c.field-meta.xml`,
    field(
      'Buying_Center__c',
      '    <referenceTo>Buying_Center__c</referenceTo>\n    <relationshipName>Landscape_Cells</relationshipName>\n'
    )
  );
  put(
    'force-app/main/default/classes/Sample.cls',
    [
      'public with sharing class Sample {',
      '    public static void run(Id accountId) {',
      '        List<Contact> cs = [SELECT Id, Stance__c, Buying_Center__r.Name FROM Contact WITH USER_MODE];',
      '        List<Landscape_Cell__c> cells = [SELECT Id, Buying_Center__c FROM Landscape_Cell__c WHERE Buying_Center__r.Account__c = :accountId WITH USER_MODE];',
      "        Buying_Center__c bc = new Buying_Center__c(Name = 'IT');",
      "        Contact c = new Contact(LastName = 'X', Buying_Center__c = bc.Id);",
      '        Id cellCenter = cells[0].Buying_Center__c;',
      '    }',
      '}',
      ''
    ].join('\n')
  );
  put('data/examples/small.bundle.json', '{ "contacts": [{ "key": "a", "Stance__c": "Champion" }] }\n');
  return dir;
}

describe('Keyplan_ prefix codemod', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('--check fails on a sample with old names, names each one, and writes nothing', () => {
    const dir = sample();
    dirs.push(dir);
    assert.deepEqual(unprefixedFieldFiles(dir), [
      `${OBJ}/Contact/fields/Buying_Center__c.field-meta.xml`,
      `${OBJ}/Contact/fields/Stance__c.field-meta.xml`
    ]);
    const before = readFileSync(path.join(dir, 'force-app/main/default/classes/Sample.cls'), 'utf8');
    const report = run(dir, { write: false });
    assert.deepEqual(
      report.remaining.map((r) => `${r.file}:${r.line} ${r.name}`).sort(),
      [
        `${OBJ}/Contact/fields/Buying_Center__c.field-meta.xml:3 Buying_Center__c`,
        `${OBJ}/Contact/fields/Stance__c.field-meta.xml:3 Stance__c`,
        'force-app/main/default/classes/Sample.cls:3 Stance__c',
        'force-app/main/default/classes/Sample.cls:3 Buying_Center__r',
        'force-app/main/default/classes/Sample.cls:6 Buying_Center__c'
      ].sort()
    );
    assert.equal(readFileSync(path.join(dir, 'force-app/main/default/classes/Sample.cls'), 'utf8'), before);
  });

  it('renames the standard-object fields only, keeps the object and the custom field of the same name, and is idempotent', () => {
    const dir = sample();
    dirs.push(dir);
    run(dir, { write: true });
    assert.deepEqual(unprefixedFieldFiles(dir), []);
    const cls = readFileSync(path.join(dir, 'force-app/main/default/classes/Sample.cls'), 'utf8');
    assert.match(cls, /SELECT Id, Keyplan_Stance__c, Keyplan_Buying_Center__r\.Name FROM Contact/);
    assert.match(
      cls,
      /SELECT Id, Buying_Center__c FROM Landscape_Cell__c WHERE Buying_Center__r\.Account__c/
    );
    assert.match(cls, /Buying_Center__c bc = new Buying_Center__c\(Name = 'IT'\);/);
    assert.match(cls, /new Contact\(LastName = 'X', Keyplan_Buying_Center__c = bc\.Id\)/);
    assert.match(cls, /cells\[0\]\.Buying_Center__c;/);
    assert.match(
      readFileSync(path.join(dir, `${OBJ}/Contact/fields/Keyplan_Stance__c.field-meta.xml`), 'utf8'),
      /<fullName>Keyplan_Stance__c<\/fullName>/
    );
    assert.match(
      readFileSync(path.join(dir, `${OBJ}/Landscape_Cell__c/fields/Buying_Center__c.field-meta.xml`), 'utf8'),
      /<fullName>Buying_Center__c<\/fullName>/
    );
    // Readable bundle names stay as they are.
    assert.match(readFileSync(path.join(dir, 'data/examples/small.bundle.json'), 'utf8'), /"Stance__c"/);
    const again = run(dir, { write: false });
    assert.deepEqual([again.renamedFiles, again.remaining, again.undecided, again.changed], [[], [], [], []]);
  });

  it('decides ambiguous names by their context (one case per rule that matters)', () => {
    const schema = readSchema(ROOT);
    const undecided: string[] = [];
    const fix = (file: string, text: string): string => {
      const occ = scan(schema, file, text);
      undecided.push(...occ.filter((o) => o.undecided).map((o) => `${file} ${o.name}`));
      return apply(text, occ);
    };
    // Local twins of validation rules: the entry's object; via(ctx, object, lookup on the record, field).
    assert.equal(
      fix(
        'localorg/validationRules.ts',
        [
          "  'Contact.Rule': (ctx) =>",
          "    newOrChanged(ctx, 'Buying_Center__c') && differ(via(ctx, 'Buying_Center__c', 'Buying_Center__c', 'Account__c'), 1),",
          "  'Plan_Objective__c.Rule': (ctx) => !blank(ctx.record.Buying_Center__c),"
        ].join('\n')
      ),
      [
        "  'Contact.Rule': (ctx) =>",
        "    newOrChanged(ctx, 'Keyplan_Buying_Center__c') && differ(via(ctx, 'Buying_Center__c', 'Keyplan_Buying_Center__c', 'Account__c'), 1),",
        "  'Plan_Objective__c.Rule': (ctx) => !blank(ctx.record.Buying_Center__c),"
      ].join('\n')
    );
    // Lists of tables, table/records tuples.
    const tables = [
      "const ORDER = ['Account', 'Offering__c', 'Buying_Center__c', 'Contact'];",
      "const A = ['Landscape_Cell__c', cells.map((c) => ({ Buying_Center__c: c.bc, Offering__c: c.o }))];",
      "const B = ['Opportunity', opps.map((o) => ({ Buying_Center__c: o.bc, Stance__c: 1 }))];",
      // A field list used in a query elsewhere: no context, reported as undecided and left alone.
      "const Q = ['Buying_Center__c', 'Offering__c'];"
    ].join('\n');
    assert.equal(
      fix('localorg/sample.ts', tables),
      tables
        .replace('o.bc, Stance__c', 'o.bc, Keyplan_Stance__c')
        .replace('({ Buying_Center__c: o.bc', '({ Keyplan_Buying_Center__c: o.bc')
    );
    // Apex: SOQL, constructors, declared receivers, relationships.
    assert.equal(
      fix(
        'force-app/main/default/classes/Sample.cls',
        'Opportunity opp = [SELECT Id, Offering__r.Name FROM Opportunity WITH USER_MODE];\n' +
          'Landscape_Cell__c cell = new Landscape_Cell__c(Offering__c = opp.Offering__c);'
      ),
      'Opportunity opp = [SELECT Id, Keyplan_Offering__r.Name FROM Opportunity WITH USER_MODE];\n' +
        'Landscape_Cell__c cell = new Landscape_Cell__c(Offering__c = opp.Keyplan_Offering__c);'
    );
    // Report type columns: the column's table (a child relationship resolved through the metadata).
    const rt =
      '<columns><field>Buying_Center__c</field><table>Contact</table></columns>\n' +
      '<columns><field>Offering__c</field><table>Buying_Center__c.Landscape_Cells__r</table></columns>';
    assert.equal(
      fix('force-app/main/default/reportTypes/X.reportType-meta.xml', rt),
      rt.replace('<field>Buying_Center__c', '<field>Keyplan_Buying_Center__c')
    );
    // Flexipage field references: the page's object.
    const page =
      '<itemInstances><fieldItem>Record.Offering__c</fieldItem></itemInstances>\n<sobjectType>Opportunity</sobjectType>';
    assert.equal(
      fix('force-app/main/default/flexipages/P.flexipage-meta.xml', page),
      page.replace('Record.Offering__c', 'Record.Keyplan_Offering__c')
    );
    // Bundle records in a test keep their readable names; org records do not; case is kept.
    assert.equal(
      fix(
        'test/x.test.ts',
        "b.contacts[0].Stance__c = 'Fan';\norg.update('Opportunity', id, { Budget_Status__c: 'X' });\nget('bant_score__c');"
      ),
      "b.contacts[0].Stance__c = 'Fan';\norg.update('Opportunity', id, { Keyplan_Budget_Status__c: 'X' });\nget('keyplan_bant_score__c');"
    );
    assert.deepEqual(undecided, ['localorg/sample.ts Buying_Center__c', 'localorg/sample.ts Offering__c']);
  });

  it('this repository: no standard-object field lacks the prefix and no old name remains', () => {
    assert.deepEqual(unprefixedFieldFiles(ROOT), []);
    const report = run(ROOT, { write: false });
    assert.deepEqual(
      [
        ...report.remaining.map((r) => `${r.file}:${r.line} ${r.name}`),
        ...report.undecided.map((u) => `undecided ${u.file}:${u.line} ${u.name}`)
      ],
      []
    );
  });
});
