import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadFieldAccess } from './fls';
import { LocalOrg } from './org';
import { runQuery } from './soql';
import { fieldXml as field, tempDir, tinyForceApp as tinyForceApp_ } from './test/helpers';

const tinyForceApp = (dir: string): string =>
  tinyForceApp_(
    dir,
    [
      ['Size__c', 'Number', '<precision>4</precision><scale>0</scale>'],
      ['Secret__c', 'Text', '<length>20</length>']
    ],
    '<fieldPermissions><editable>true</editable><field>Widget__c.Size__c</field><readable>true</readable></fieldPermissions>' +
      '<objectPermissions><allowCreate>true</allowCreate><allowDelete>true</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><object>Widget__c</object></objectPermissions>'
  );

describe('schema evolution and field access', () => {
  it('adds a column for a field added to the metadata, keeping data, ids and key prefixes', () => {
    const tmp = tempDir();
    try {
      const root = tinyForceApp(tmp.dir);
      const dbFile = path.join(tmp.dir, 'org.sqlite');
      let org = LocalOrg.open({ forceAppDir: root, dbFile });
      const id = org.write(() => org.insert('Widget__c', { Name: 'W1', Size__c: 3 }));
      const prefix = id.slice(0, 3);
      assert.throws(
        () => org.insert('Widget__c', { Name: 'W2', Colour__c: 'Red' }),
        /No such column 'Colour__c'/
      );
      org.close();

      const objDir = path.join(root, 'objects');
      // A new object sorting before Widget__c must not steal its key prefix.
      mkdirSync(path.join(objDir, 'Aardvark__c'), { recursive: true });
      writeFileSync(
        path.join(objDir, 'Aardvark__c/Aardvark__c.object-meta.xml'),
        `<?xml version="1.0" encoding="UTF-8"?><CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Aardvark</label><nameField><label>Name</label><type>Text</type></nameField></CustomObject>`
      );
      writeFileSync(
        path.join(objDir, 'Widget__c/fields/Colour__c.field-meta.xml'),
        field(
          'Colour__c',
          'Picklist',
          '<valueSet><restricted>true</restricted><valueSetDefinition><value><fullName>Red</fullName></value><value><fullName>Blue</fullName></value></valueSetDefinition></valueSet>'
        )
      );
      org = LocalOrg.open({ forceAppDir: root, dbFile });
      assert.equal(org.object('Widget__c').keyPrefix, prefix);
      assert.notEqual(org.object('Aardvark__c').keyPrefix, prefix);
      org.write(() => org.update('Widget__c', id, { Colour__c: 'red' }));
      const rows = runQuery(org, `SELECT Name, Size__c, Colour__c FROM Widget__c WHERE Id = '${id}'`).records;
      assert.deepEqual(
        { ...rows[0], attributes: undefined },
        { attributes: undefined, Name: 'W1', Size__c: 3, Colour__c: 'Red' }
      );
      assert.throws(
        () => org.write(() => org.update('Widget__c', id, { Colour__c: 'Green' })),
        /bad value for restricted picklist/
      );
      assert.throws(
        () => org.write(() => org.update('Widget__c', id, { Size__c: 12345 })),
        /outside of valid range/
      );
      org.close();
    } finally {
      tmp.cleanup();
    }
  });

  it('rejects fields the permission set does not grant in WITH USER_MODE queries only', () => {
    const tmp = tempDir();
    try {
      const root = tinyForceApp(tmp.dir);
      const org = LocalOrg.open({ forceAppDir: root, dbFile: path.join(tmp.dir, 'org.sqlite') });
      const access = loadFieldAccess(org.schema, root);
      assert.equal(access.canRead('Widget__c', 'Size__c'), true);
      assert.equal(access.canRead('Widget__c', 'Secret__c'), false);
      assert.equal(access.canEdit('Widget__c', 'CreatedDate'), false);
      assert.equal(access.canRead('Account', 'Name'), true);
      assert.throws(
        () => runQuery(org, 'SELECT Secret__c FROM Widget__c WITH USER_MODE', { access }),
        (e: Error & { errorCode?: string }) => e.errorCode === 'INVALID_FIELD'
      );
      assert.throws(
        () => runQuery(org, `SELECT Id FROM Widget__c WHERE Secret__c = 'x' WITH USER_MODE`, { access }),
        /cannot read it/
      );
      assert.equal(runQuery(org, 'SELECT Secret__c FROM Widget__c', { access }).totalSize, 0);
      org.close();
    } finally {
      tmp.cleanup();
    }
  });
});
