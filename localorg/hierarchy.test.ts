/**
 * Group accounts in the local org: Account.Keyplan_Ultimate_Parent__c (the formula twin) names the top of a
 * hierarchy and follows a reparent down every level; the validation rule twins let buying centers, links and
 * subsidiaries cross companies of one group and refuse them across groups, with the rule's message.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SfError } from './errors';
import { LocalOrg } from './org';

const FORCE_APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../force-app/main/default');

function groupOrg(): { org: LocalOrg; ids: Record<string, string> } {
  const org = LocalOrg.open({ forceAppDir: FORCE_APP, dbFile: ':memory:' });
  const ids: Record<string, string> = {};
  org.write(() => {
    ids.top = org.insert('Account', { Name: 'Top' });
    ids.sub = org.insert('Account', { Name: 'Sub', ParentId: ids.top });
    ids.grand = org.insert('Account', { Name: 'Grand', ParentId: ids.sub });
    ids.other = org.insert('Account', { Name: 'Other' });
    ids.topBc = org.insert('Buying_Center__c', { Name: 'Group Ops', Account__c: ids.top, Active__c: true });
    ids.otherBc = org.insert('Buying_Center__c', {
      Name: 'Elsewhere',
      Account__c: ids.other,
      Active__c: true
    });
    ids.ceo = org.insert('Contact', { LastName: 'CEO', AccountId: ids.top });
    ids.grandPerson = org.insert('Contact', { LastName: 'Grand Person', AccountId: ids.grand });
    ids.outsider = org.insert('Contact', { LastName: 'Outsider', AccountId: ids.other });
  });
  return { org, ids };
}

const ruleMessage = (org: LocalOrg, objectName: string, rule: string): string =>
  org.schema.objects.get(objectName)!.validationRules!.find((r) => r.name === rule)!.message;

function refused(org: LocalOrg, fn: () => unknown, message: string): void {
  assert.throws(
    () => org.write(fn),
    (e: unknown) => e instanceof SfError && e.message.includes(message)
  );
}

describe('account hierarchy', () => {
  it('Keyplan_Ultimate_Parent__c names the top and follows a reparent down every level', () => {
    const { org, ids } = groupOrg();
    try {
      const top = (id: string): unknown => org.get('Account', id)?.Keyplan_Ultimate_Parent__c;
      assert.equal(top(ids.top), ids.top, 'the top is its own group');
      assert.equal(top(ids.grand), ids.top, 'two levels down');
      org.write(() => org.update('Account', ids.top, { ParentId: ids.other }));
      assert.equal(top(ids.grand), ids.other, 'a new top reaches the grandchild');
      org.write(() => org.update('Account', ids.top, { ParentId: null }));
      assert.equal(top(ids.grand), ids.top);
    } finally {
      org.close();
    }
  });

  it('the rules let records cross companies of one group and refuse them across groups', () => {
    const { org, ids } = groupOrg();
    try {
      org.write(() =>
        org.insert('Opportunity', {
          Name: 'Grand deal',
          AccountId: ids.grand,
          StageName: 'Prospecting',
          CloseDate: '2026-06-30',
          Keyplan_Buying_Center__c: ids.topBc
        })
      );
      refused(
        org,
        () =>
          org.insert('Opportunity', {
            Name: 'Wrong deal',
            AccountId: ids.grand,
            StageName: 'Prospecting',
            CloseDate: '2026-06-30',
            Keyplan_Buying_Center__c: ids.otherBc
          }),
        ruleMessage(org, 'Opportunity', 'Keyplan_Buying_Center_In_Account')
      );
      org.write(() => org.update('Contact', ids.grandPerson, { Keyplan_Buying_Center__c: ids.topBc }));
      refused(
        org,
        () => org.update('Contact', ids.grandPerson, { Keyplan_Buying_Center__c: ids.otherBc }),
        ruleMessage(org, 'Contact', 'Keyplan_Buying_Center_In_Account')
      );
      const link = { Type__c: 'Influence', Strength__c: 3, Polarity__c: 'Positive' };
      org.write(() =>
        org.insert('Relationship_Link__c', {
          ...link,
          Account__c: ids.top,
          From_Contact__c: ids.grandPerson,
          To_Contact__c: ids.ceo
        })
      );
      refused(
        org,
        () =>
          org.insert('Relationship_Link__c', {
            ...link,
            Account__c: ids.top,
            From_Contact__c: ids.grandPerson,
            To_Contact__c: ids.outsider
          }),
        ruleMessage(org, 'Relationship_Link__c', 'Ends_In_Link_Account')
      );
      org.write(() => org.update('Buying_Center__c', ids.topBc, { Subsidiary__c: ids.grand }));
      refused(
        org,
        () => org.update('Buying_Center__c', ids.topBc, { Subsidiary__c: ids.other }),
        ruleMessage(org, 'Buying_Center__c', 'Subsidiary_In_Group')
      );
    } finally {
      org.close();
    }
  });
});
