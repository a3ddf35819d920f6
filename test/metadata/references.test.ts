import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAIN } from '../../scripts/lib/paths';
import { checkSoql, unresolvedReferences } from '../../scripts/lib/references';
import { loadSchema } from '../../src/schema/loadSchema';

test('every object, field, class, method, component and tab named anywhere exists', async () => {
  const schema = loadSchema(MAIN);
  const problems = await unresolvedReferences(schema, MAIN);
  assert.deepEqual(problems, [], `dangling references:\n${problems.join('\n')}`);
});

test('the SOQL checker itself catches unknown objects, fields, relationships and child relationships', () => {
  const schema = loadSchema(MAIN);
  assert.deepEqual(
    checkSoql(
      schema,
      'SELECT Id, Name, ReportsTo.Name FROM Contact WHERE AccountId = :accountId WITH USER_MODE LIMIT :rowLimit'
    ),
    []
  );
  assert.deepEqual(checkSoql(schema, 'SELECT Id, Nope__c FROM Contact'), ['Contact.Nope__c does not exist']);
  assert.deepEqual(checkSoql(schema, 'SELECT Id FROM Nope__c'), ['object Nope__c does not exist']);
  assert.deepEqual(checkSoql(schema, 'SELECT Id, Boss.Name FROM Contact'), [
    'Contact has no relationship Boss'
  ]);
  assert.deepEqual(checkSoql(schema, 'SELECT Id, (SELECT Id FROM Widgets) FROM Opportunity'), [
    'Opportunity has no child relationship Widgets'
  ]);
  assert.deepEqual(
    checkSoql(
      schema,
      'SELECT Id, (SELECT Id, Role FROM OpportunityContactRoles) FROM Opportunity ORDER BY Bogus'
    ),
    ['Opportunity.Bogus does not exist']
  );
});
