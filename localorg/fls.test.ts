import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSchema } from '../src/schema';
import { loadFieldAccess, loadUserAccess } from './fls';
import { startLocalOrg, type RunningLocalOrg } from './server';
import { tempDir, tinyForceApp as tinyForceApp_ } from './test/helpers';

const FORCE_APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../force-app/main/default');
const API = '/services/data/v62.0';

/** Widget__c: Size__c read/write, Label__c read only, Secret__c not granted; Keyplan_User only. */
const tinyForceApp = (dir: string): string =>
  tinyForceApp_(
    dir,
    [
      ['Size__c', 'Number', '<precision>4</precision><scale>0</scale>'],
      ['Label__c', 'Text', '<length>20</length>'],
      ['Secret__c', 'Text', '<length>20</length>']
    ],
    '<fieldPermissions><editable>true</editable><field>Widget__c.Size__c</field><readable>true</readable></fieldPermissions>' +
      '<fieldPermissions><editable>false</editable><field>Widget__c.Label__c</field><readable>true</readable></fieldPermissions>' +
      '<objectPermissions><allowCreate>true</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><object>Widget__c</object></objectPermissions>'
  );

describe('field-level security fails closed', () => {
  it('a missing permission set file grants nothing (not everything)', () => {
    const schema = loadSchema(FORCE_APP);
    const none = loadFieldAccess(schema, FORCE_APP, 'No_Such_Set');
    assert.equal(none.canRead('Account', 'Name'), false);
    assert.equal(none.canRead('Account_Plan__c', 'Name'), false);
    assert.equal(none.object('Contact').read, false);
    const viaUser = loadUserAccess(schema, FORCE_APP, 'Minimum Access', ['No_Such_Set']);
    assert.equal(viaUser.canRead('Relationship_Link__c', 'Id'), false);
    assert.match(viaUser.source, /No_Such_Set \(no permission set file: grants nothing\)/);
  });

  it('profiles and permission sets add up: Keyplan_User reads offerings but cannot create them; admin can', () => {
    const schema = loadSchema(FORCE_APP);
    const user = loadUserAccess(schema, FORCE_APP, 'Standard User', ['Keyplan_User']);
    assert.deepEqual(user.object('Offering__c'), { read: true, create: false, edit: false, delete: false });
    assert.equal(user.canEdit('Offering__c', 'Name'), false);
    assert.equal(user.canRead('Keyplan_Setting__mdt', 'Value__c'), true);
    const admin = loadUserAccess(schema, FORCE_APP, 'System Administrator', []);
    assert.deepEqual(admin.object('Offering__c'), { read: true, create: true, edit: true, delete: true });
    assert.equal(admin.canEdit('Account_Plan__c', 'Tier__c'), false, 'formulas are never editable');
    const minimum = loadUserAccess(schema, FORCE_APP, 'Minimum Access', []);
    for (const o of schema.objects.values()) assert.equal(minimum.object(o.name).read, false, o.name);
  });
});

describe('REST applies the running user access (user mode), over HTTP', () => {
  const tmp = tempDir('localorg-fls-');
  const root = tinyForceApp(tmp.dir);
  const dbFile = path.join(tmp.dir, 'org.sqlite');
  let admin: RunningLocalOrg;
  let demo: RunningLocalOrg;
  let minimum: RunningLocalOrg;
  let widgetId: string;

  const call = async (
    org: RunningLocalOrg,
    method: string,
    p: string,
    body?: unknown
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON under test, checked by asserts
  ): Promise<{ status: number; body: any }> => {
    const res = await fetch(org.url + p, {
      method,
      headers: { Authorization: `Bearer ${org.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  before(async () => {
    admin = await startLocalOrg({ port: 0, forceAppDir: root, dbFile, user: 'admin' });
    demo = await startLocalOrg({ port: 0, forceAppDir: root, dbFile, user: 'demo' });
    minimum = await startLocalOrg({ port: 0, forceAppDir: root, dbFile, user: 'minimum' });
    const r = await call(admin, 'POST', `${API}/sobjects/Widget__c`, {
      Name: 'W1',
      Size__c: 3,
      Label__c: 'shown',
      Secret__c: 'hidden'
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    widgetId = r.body.id;
  });
  after(async () => {
    await Promise.all([admin, demo, minimum].map((o) => o?.close()));
    tmp.cleanup();
  });

  it('each user runs as itself', () => {
    assert.notEqual(admin.org.userId, demo.org.userId);
    assert.equal(demo.org.user.alias, 'demo');
    assert.equal(demo.org.get('Widget__c', widgetId)?.CreatedById, admin.org.userId);
  });

  it('a query of an unreadable field is INVALID_FIELD even without WITH USER_MODE; readable ones work', async () => {
    const bad = await call(
      demo,
      'GET',
      `${API}/query?q=${encodeURIComponent('SELECT Secret__c FROM Widget__c')}`
    );
    assert.equal(bad.status, 400);
    assert.equal(bad.body[0].errorCode, 'INVALID_FIELD');
    assert.match(bad.body[0].message, /Secret__c/);
    const ok = await call(
      demo,
      'GET',
      `${API}/query?q=${encodeURIComponent('SELECT Name, Size__c FROM Widget__c')}`
    );
    assert.equal(ok.status, 200);
    assert.equal(ok.body.records[0].Size__c, 3);
  });

  it('a retrieve omits unreadable fields; naming one is INVALID_FIELD; describe hides it', async () => {
    const rec = await call(demo, 'GET', `${API}/sobjects/Widget__c/${widgetId}`);
    assert.equal(rec.status, 200);
    assert.equal(rec.body.Label__c, 'shown');
    assert.equal('Secret__c' in rec.body, false);
    const named = await call(demo, 'GET', `${API}/sobjects/Widget__c/${widgetId}?fields=Secret__c`);
    assert.equal(named.status, 400);
    const describe = await call(demo, 'GET', `${API}/sobjects/Widget__c/describe`);
    const names = (describe.body.fields as { name: string }[]).map((f) => f.name);
    assert.ok(names.includes('Size__c'));
    assert.ok(!names.includes('Secret__c'));
  });

  it('create/update of a read-only field is refused; of an unreadable one is INVALID_FIELD; nothing is written', async () => {
    const ro = await call(demo, 'PATCH', `${API}/sobjects/Widget__c/${widgetId}`, { Label__c: 'changed' });
    assert.equal(ro.status, 400);
    assert.equal(ro.body[0].errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    assert.deepEqual(ro.body[0].fields, ['Label__c']);
    const hidden = await call(demo, 'POST', `${API}/sobjects/Widget__c`, { Name: 'W2', Secret__c: 'x' });
    assert.equal(hidden.status, 400);
    assert.equal(hidden.body[0].errorCode, 'INVALID_FIELD');
    const collection = await call(demo, 'POST', `${API}/composite/sobjects`, {
      allOrNone: true,
      records: [{ attributes: { type: 'Widget__c' }, Name: 'W3', Label__c: 'x' }]
    });
    assert.equal(collection.body[0].success, false);
    assert.equal(collection.body[0].errors[0].statusCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    const del = await call(demo, 'DELETE', `${API}/sobjects/Widget__c/${widgetId}`);
    assert.equal(del.status, 403);
    const row = admin.org.get('Widget__c', widgetId);
    assert.equal(row?.Label__c, 'shown');
    assert.equal((admin.org.db.prepare('SELECT COUNT(*) AS n FROM "Widget__c"').get() as { n: number }).n, 1);
    const ok = await call(demo, 'PATCH', `${API}/sobjects/Widget__c/${widgetId}`, { Size__c: 4 });
    assert.equal(ok.status, 204);
  });

  it('a user without the permission set reads nothing: no objects, no rows, no describe', async () => {
    for (const soql of [
      'SELECT Id FROM Widget__c',
      'SELECT COUNT() FROM Widget__c',
      'SELECT Id FROM Account'
    ]) {
      const r = await call(minimum, 'GET', `${API}/query?q=${encodeURIComponent(soql)}`);
      assert.equal(r.status, 400, soql);
      assert.equal(r.body[0].errorCode, 'INVALID_TYPE');
    }
    assert.equal((await call(minimum, 'GET', `${API}/sobjects/Widget__c/${widgetId}`)).status, 404);
    assert.deepEqual((await call(minimum, 'GET', `${API}/sobjects`)).body.sobjects, []);
    const twin = await call(minimum, 'POST', '/apex/OrgChartController/loadOrgChartPage', {
      accountId: widgetId,
      cursor: null
    });
    assert.equal(twin.status, 400);
    assert.match(twin.body.body.message, /do not have access|not found/i);
  });
});
