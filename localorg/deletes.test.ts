import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SfError } from './errors';
import { LocalOrg } from './org';

const FORCE_APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../force-app/main/default');

/** Rows per table, to prove a refused delete changed nothing. */
const counts = (org: LocalOrg): Record<string, number> =>
  Object.fromEntries(
    [
      'Account',
      'Contact',
      'Offering__c',
      'Buying_Center__c',
      'Landscape_Cell__c',
      'Relationship_Link__c'
    ].map((t) => [t, (org.db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n])
  );

const refused = (fn: () => void): SfError => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof SfError, String(err));
    return err;
  }
  assert.fail('the delete went through');
};

describe('deletes follow the lookups delete constraints', () => {
  let org: LocalOrg;
  const ids: Record<string, string> = {};
  before(() => {
    org = LocalOrg.open({ forceAppDir: FORCE_APP, dbFile: ':memory:' });
    org.write(() => {
      ids.acme = org.insert('Account', { Name: 'Acme' });
      ids.cloud = org.insert('Offering__c', { Name: 'Cloud' });
      ids.spare = org.insert('Offering__c', { Name: 'Spare' });
      ids.it = org.insert('Buying_Center__c', { Name: 'IT', Account__c: ids.acme });
      ids.fin = org.insert('Buying_Center__c', {
        Name: 'Finance',
        Account__c: ids.acme,
        Parent_Buying_Center__c: ids.it
      });
      ids.cell = org.insert('Landscape_Cell__c', {
        Buying_Center__c: ids.it,
        Offering__c: ids.cloud,
        Fiscal_Year__c: '2026'
      });
      ids.ceo = org.insert('Contact', {
        LastName: 'Ceo',
        AccountId: ids.acme,
        Keyplan_Buying_Center__c: ids.fin
      });
      ids.cfo = org.insert('Contact', { LastName: 'Cfo', AccountId: ids.acme });
      ids.link = org.insert('Relationship_Link__c', {
        Account__c: ids.acme,
        From_Contact__c: ids.cfo,
        To_Contact__c: ids.ceo,
        Type__c: 'Influence'
      });
    });
  });
  after(() => org.close());

  it('refuses to delete an offering a cell references (Restrict), naming the cell object; nothing changes', () => {
    const before = counts(org);
    const err = refused(() => org.delete('Offering__c', ids.cloud));
    assert.equal(err.errorCode, 'DELETE_FAILED');
    assert.match(err.message, /Landscape Cell/);
    assert.match(err.message, /Landscape_Cell__c\.Offering__c/);
    assert.ok(err.message.includes(ids.cell));
    assert.deepEqual(counts(org), before);
  });

  it('refuses to delete a contact a link points to (To_Contact__c Restrict)', () => {
    const err = refused(() => org.delete('Contact', ids.ceo));
    assert.equal(err.errorCode, 'DELETE_FAILED');
    assert.match(err.message, /Relationship_Link__c\.To_Contact__c/);
    assert.ok(org.get('Contact', ids.ceo));
  });

  it('refuses to delete a contact a link comes from (From_Contact__c Restrict: no link without a From)', () => {
    const err = refused(() => org.delete('Contact', ids.cfo));
    assert.equal(err.errorCode, 'DELETE_FAILED');
    assert.match(err.message, /Relationship_Link__c\.From_Contact__c/);
    assert.equal(org.get('Relationship_Link__c', ids.link)?.From_Contact__c, ids.cfo);
  });

  it('deleting a buying center clears child centers and contacts (SetNull) but cascades its cells (master-detail)', () => {
    org.write(() => org.delete('Buying_Center__c', ids.fin));
    assert.equal(org.get('Contact', ids.ceo)?.Keyplan_Buying_Center__c, null);
    org.write(() => org.delete('Buying_Center__c', ids.it));
    assert.equal(org.get('Landscape_Cell__c', ids.cell), undefined);
    org.write(() => org.delete('Offering__c', ids.cloud)); // no cell refers to it any more
    assert.equal(org.get('Offering__c', ids.cloud), undefined);
  });

  it('an unreferenced offering deletes; deleting the account takes its contacts and links with it', () => {
    org.write(() => org.delete('Offering__c', ids.spare));
    org.write(() => org.delete('Account', ids.acme));
    assert.deepEqual(counts(org), {
      Account: 0,
      Contact: 0,
      Offering__c: 0,
      Buying_Center__c: 0,
      Landscape_Cell__c: 0,
      Relationship_Link__c: 0
    });
  });
});
