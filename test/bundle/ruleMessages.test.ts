/**
 * The bundle's pre-write checks of validation rules (competitor named, exactly one From, no self link)
 * speak the rule's own errorMessage, read from its XML: one wording for the importer and the org.
 * The XML is read here independently (readXml) so a message hand-written in src/bundle/schema.ts fails.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { aerovanceBundle } from '../../data';
import { checkBundle, type AccountBundleInput } from '../../src/bundle';
import { ruleMessage } from '../../src/bundle/ruleMessages';
import { readXml } from '../../src/schema/loadSchema';
import { MAIN } from '../../scripts/lib/paths';

const TODAY = '2026-11-30';

function xmlMessage(objectName: string, ruleName: string): string {
  const file = path.join(
    MAIN,
    'objects',
    objectName,
    'validationRules',
    `${ruleName}.validationRule-meta.xml`
  );
  const rule = readXml(file).ValidationRule as { errorMessage: string };
  return rule.errorMessage;
}

function problemsOf(edit: (b: AccountBundleInput) => void): { path: string; message: string }[] {
  const b = aerovanceBundle({ today: TODAY });
  edit(b);
  return checkBundle(b).problems;
}

const CASES: [string, string, string, (b: AccountBundleInput) => void][] = [
  [
    'Landscape_Cell__c',
    'Competitor_Required',
    'cells[0].Competitor__c',
    (b) => {
      b.cells![0].State__c = 'Competitor';
      b.cells![0].Competitor__c = null;
    }
  ],
  [
    'Relationship_Link__c',
    'Exactly_One_From',
    'links[0].fromContact',
    (b) => {
      b.links![0].fromContact = b.contacts![0].key;
      b.links![0].fromUser = b.users![0].key;
    }
  ],
  [
    'Relationship_Link__c',
    'No_Self_Link',
    'links[0].toContact',
    (b) => {
      delete b.links![0].fromUser;
      b.links![0].fromContact = b.links![0].toContact;
    }
  ]
];

test('the demo bundle breaks none of the pre-checked rules', () => {
  assert.deepEqual(
    problemsOf(() => {}),
    []
  );
});

for (const [objectName, ruleName, at, edit] of CASES)
  test(`a bundle breaking ${objectName}.${ruleName} is refused with the rule's XML message`, () => {
    const expected = xmlMessage(objectName, ruleName);
    assert.ok(expected.length > 10, `${objectName}.${ruleName} has an errorMessage`);
    assert.equal(ruleMessage(objectName, ruleName), expected);
    const found = problemsOf(edit).filter((p) => p.path === at);
    assert.deepEqual(found, [{ path: at, message: expected }]);
  });

test('ruleMessage refuses a rule force-app does not define', () => {
  assert.throws(
    () => ruleMessage('Landscape_Cell__c', 'No_Such_Rule'),
    /No validation rule Landscape_Cell__c\.No_Such_Rule/
  );
});
