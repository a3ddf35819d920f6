import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { bantScore } from '../force-app/main/default/lwc/keyplanCore/bant';
import { DEFAULT_SETTINGS } from '../force-app/main/default/lwc/keyplanCore/settings';
import { registerRoute, unregisterApex, AuraError } from './apex';
import type { RunningLocalOrg } from './server';
import { startTestOrg, tempDir } from './test/helpers';

/** jsforce's error for a failed REST call carries the first REST error item. */
interface ApiError {
  errorCode: string;
  message: string;
  data?: { fields?: string[] };
}
async function rejects(p: PromiseLike<unknown>, code: string, field?: string): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    const e = err as ApiError;
    assert.equal(e.errorCode, code, `expected ${code}, got ${e.errorCode}: ${e.message}`);
    if (field) assert.deepEqual(e.data?.fields, [field]);
    return e;
  }
  assert.fail(`expected ${code}, but the call succeeded`);
}

describe('local org over HTTP with jsforce', () => {
  const tmp = tempDir();
  const dbFile = path.join(tmp.dir, 'org.sqlite');
  let running: RunningLocalOrg;
  let conn: Connection;
  let accountId: string;

  before(async () => {
    ({ running, conn } = await startTestOrg({ dbFile, user: 'admin' }));
  });
  after(async () => {
    await running?.close();
    tmp.cleanup();
  });

  it('creates, reads, updates and deletes records with Salesforce-style ids and system fields', async () => {
    const res = await conn.sobject('Account').create({ Name: 'Acme' });
    assert.equal(res.success, true);
    accountId = res.id!;
    assert.match(accountId, /^001[a-zA-Z0-9]{15}$/);
    const acc = (await conn.sobject('Account').retrieve(accountId)) as unknown as Record<string, unknown>;
    assert.equal(acc.Name, 'Acme');
    assert.equal(acc.OwnerId, running.org.userId);
    assert.match(String(acc.CreatedDate), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    await conn.sobject('Account').update({ Id: accountId, Industry: 'Chemicals' });
    const again = (await conn.sobject('Account').retrieve(accountId)) as unknown as Record<string, unknown>;
    assert.equal(again.Industry, 'Chemicals');
    const tmpAcc = await conn.sobject('Account').create({ Name: 'Gone' });
    await conn.sobject('Account').destroy(tmpAcc.id!);
    await rejects(conn.sobject('Account').retrieve(tmpAcc.id!), 'NOT_FOUND');
  });

  it('answers parent fields, child subqueries, ORDER BY with NULLS, LIMIT and OFFSET', async () => {
    const boss = await conn
      .sobject('Contact')
      .create({ LastName: 'Boss', FirstName: 'Big', AccountId: accountId, Title: 'CEO' });
    const names = ['Cole', 'Adams', 'Baker'];
    for (const n of names)
      await conn.sobject('Contact').create({ LastName: n, AccountId: accountId, ReportsToId: boss.id });
    const opp = await conn.sobject('Opportunity').create({
      Name: 'Deal',
      AccountId: accountId,
      StageName: 'Closed Won',
      CloseDate: '2026-03-01',
      Amount: 1000
    });
    const adams = (await conn.query<{ Id: string }>(`SELECT Id FROM Contact WHERE LastName = 'Adams'`))
      .records[0];
    await conn
      .sobject('OpportunityContactRole')
      .create({ OpportunityId: opp.id, ContactId: adams.Id, Role: 'Economic Buyer' });

    const contacts = await conn.query<Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any -- nested REST shape
      `SELECT Id, Name, Account.Name, ReportsTo.Name, (SELECT Id, Role FROM OpportunityContactRoles) FROM Contact WHERE AccountId = '${accountId}' AND ReportsToId != null WITH USER_MODE ORDER BY LastName ASC NULLS LAST, Id DESC LIMIT 2`
    );
    assert.deepEqual(
      contacts.records.map((r) => r.Name),
      ['Adams', 'Baker']
    );
    assert.equal(contacts.records[0].Account.Name, 'Acme');
    assert.equal(contacts.records[0].ReportsTo.Name, 'Big Boss');
    assert.equal(contacts.records[0].OpportunityContactRoles.records[0].Role, 'Economic Buyer');
    assert.equal(contacts.records[1].OpportunityContactRoles, null);
    const offset = await conn.query<{ Name: string }>(
      `SELECT Name FROM Contact WHERE ReportsTo.Title = 'CEO' ORDER BY Name DESC LIMIT 2 OFFSET 1`
    );
    assert.deepEqual(
      offset.records.map((r) => r.Name),
      ['Baker', 'Adams']
    );

    const opps = await conn.query<Record<string, unknown>>(
      `SELECT IsClosed, IsWon, Probability, FiscalYear FROM Opportunity WHERE CloseDate >= 2026-01-01 AND StageName IN ('Closed Won', 'Closed Lost') WITH USER_MODE`
    );
    assert.deepEqual(
      { ...opps.records[0], attributes: undefined },
      { attributes: undefined, IsClosed: true, IsWon: true, Probability: 100, FiscalYear: 2026 }
    );
    const none = await conn.query(
      `SELECT Id FROM Opportunity WHERE CloseDate = THIS_YEAR AND CloseDate < 2000-01-01`
    );
    assert.equal(none.totalSize, 0);
    const count = await conn.query(
      `SELECT COUNT() FROM Contact WHERE NOT (LastName LIKE 'b%') AND (Title = null OR Title != 'CEO')`
    );
    assert.equal(count.totalSize, 2); // Cole and Adams: Boss and Baker start with B (LIKE ignores case)
  });

  it('computes Keyplan_BANT_Score__c with the domain core', async () => {
    const statuses = {
      Keyplan_Budget_Status__c: 'Confirmed',
      Keyplan_Budget_Evidence__c: 'CFO confirmed the envelope',
      Keyplan_Authority_Status__c: 'Identified',
      Keyplan_Need_Status__c: 'Missing',
      Keyplan_Timing_Status__c: null
    };
    const res = await conn.sobject('Opportunity').create({
      Name: 'BANT',
      AccountId: accountId,
      StageName: 'Qualification',
      CloseDate: '2026-06-30',
      ...statuses
    });
    const rec = (await conn.sobject('Opportunity').retrieve(res.id!)) as unknown as Record<string, unknown>;
    const expected = bantScore(
      { budgetStatus: 'Confirmed', authorityStatus: 'Identified', needStatus: 'Missing', timingStatus: null },
      DEFAULT_SETTINGS
    );
    assert.equal(rec.Keyplan_BANT_Score__c, expected);
    assert.equal(expected, 45);
    assert.equal(rec.Probability, 10);
  });

  it('honours If-Unmodified-Since on a record update: a stale one is refused with 412 and writes nothing', async () => {
    const { id } = await conn.sobject('Opportunity').create({
      Name: 'Guarded',
      AccountId: accountId,
      StageName: 'Qualification',
      CloseDate: '2026-06-30',
      Keyplan_Budget_Status__c: 'Identified'
    });
    const url = `${running.url}/services/data/v62.0/sobjects/Opportunity/${id}`;
    const patch = (since: string, fields: Record<string, unknown>): Promise<Response> =>
      fetch(url, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${running.token}`,
          'Content-Type': 'application/json',
          'If-Unmodified-Since': since
        },
        body: JSON.stringify(fields)
      });
    const read = async (): Promise<Record<string, unknown>> =>
      (await conn.sobject('Opportunity').retrieve(id!)) as unknown as Record<string, unknown>;
    const history = async (): Promise<{ OldValue: string; NewValue: string }[]> =>
      (
        await conn.query<{ OldValue: string; NewValue: string }>(
          `SELECT OldValue, NewValue FROM OpportunityFieldHistory WHERE OpportunityId = '${id}' AND Field = 'Keyplan_Budget_Status__c'`
        )
      ).records;
    const loaded = String((await read()).LastModifiedDate);

    // Unmodified since the time the client loaded (as the org stores it, +0000): written, with history.
    const ok = await patch(loaded, { Keyplan_Budget_Status__c: 'Confirmed' });
    assert.equal(ok.status, 204, await ok.text());
    const saved = await read();
    assert.equal(saved.Keyplan_Budget_Status__c, 'Confirmed');
    assert.deepEqual(
      (await history()).map((h) => [h.OldValue, h.NewValue]),
      [['Identified', 'Confirmed']]
    );

    // A copy from a second before the last save: refused, nothing written, no history.
    const older = new Date(
      Date.parse(String(saved.LastModifiedDate).replace(/(\d{2})(\d{2})$/, '$1:$2')) - 1000
    );
    const stale = await patch(older.toISOString(), { Keyplan_Budget_Status__c: 'Missing' });
    assert.equal(stale.status, 412);
    const [item] = (await stale.json()) as { errorCode: string; message: string }[];
    assert.equal(item.errorCode, 'PRECONDITION_FAILED');
    assert.match(item.message, /If-Unmodified-Since/);
    assert.equal((await read()).Keyplan_Budget_Status__c, 'Confirmed');
    assert.equal((await history()).length, 1);

    // The HTTP date form of the same second is accepted; an unreadable header is a 400 that writes nothing.
    const httpDate = new Date(Date.parse(String(saved.LastModifiedDate).replace(/(\d{2})(\d{2})$/, '$1:$2')));
    const again = await patch(httpDate.toUTCString(), { Keyplan_Budget_Evidence__c: 'Signed budget' });
    assert.equal(again.status, 204, await again.text());
    const unreadable = await patch('yesterday', { Keyplan_Budget_Status__c: 'Missing' });
    assert.equal(unreadable.status, 400);
    assert.equal(((await unreadable.json()) as { errorCode: string }[])[0].errorCode, 'INVALID_HEADER_VALUE');
    assert.equal((await read()).Keyplan_Budget_Status__c, 'Confirmed');
  });

  it('pages large results through nextRecordsUrl (queryMore)', async () => {
    running.org.write(() => {
      for (let i = 0; i < 2500; i++)
        running.org.insert('Contact', {
          LastName: `Bulk ${String(i).padStart(4, '0')}`,
          AccountId: accountId
        });
    });
    const first = await conn.query<{ LastName: string }>(
      `SELECT LastName FROM Contact WHERE LastName LIKE 'Bulk%' ORDER BY LastName`,
      { autoFetch: false }
    );
    assert.equal(first.totalSize, 2500);
    assert.equal(first.records.length, 2000);
    assert.equal(first.done, false);
    const more = await conn.queryMore<{ LastName: string }>(first.nextRecordsUrl!);
    assert.equal(more.records.length, 500);
    assert.equal(more.done, true);
    assert.equal(more.records[499].LastName, 'Bulk 2499');
  });

  it('reports bad picklist, required, lookup, type and unique errors in the REST error shape', async () => {
    await rejects(
      conn.sobject('Opportunity').create({ Name: 'x', StageName: 'Nope', CloseDate: '2026-01-01' }),
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'StageName'
    );
    await rejects(
      conn.sobject('Opportunity').create({ Name: 'x', StageName: 'Prospecting' }),
      'REQUIRED_FIELD_MISSING',
      'CloseDate'
    );
    await rejects(
      conn.sobject('Contact').create({ LastName: 'x', ReportsToId: '003000000000000AAA' }),
      'INVALID_CROSS_REFERENCE_KEY',
      'ReportsToId'
    );
    await rejects(
      conn.sobject('Contact').create({ LastName: 'x', ReportsToId: accountId }),
      'FIELD_INTEGRITY_EXCEPTION',
      'ReportsToId'
    );
    await rejects(
      conn.sobject('Account_Plan__c').create({ Name: 'P', Account__c: accountId, Fiscal_Year__c: 'soon' }),
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      'Fiscal_Year__c'
    );
    await rejects(conn.sobject('Account').create({ Name: 'x', NoSuchField__c: 1 }), 'INVALID_FIELD');
    await rejects(conn.query('SELECT Nope FROM Account'), 'INVALID_FIELD');
    await rejects(conn.query('SELECT Id FROM'), 'MALFORMED_QUERY');

    const plan = await conn
      .sobject('Account_Plan__c')
      .create({ Name: 'FY26', Account__c: accountId, Fiscal_Year__c: 2026 });
    const stored = (await conn.sobject('Account_Plan__c').retrieve(plan.id!)) as unknown as Record<
      string,
      unknown
    >;
    assert.equal(stored.Unique_Key__c, `${accountId}:2026`);
    // AccountPlanTrigger (KeyplanUniqueKeys) runs on every save, REST included, before the unique index.
    const dup = await rejects(
      conn.sobject('Account_Plan__c').create({ Name: 'again', Account__c: accountId, Fiscal_Year__c: 2026 }),
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Fiscal_Year__c'
    );
    assert.equal(
      dup.message,
      'This account already has a plan for fiscal year 2026. Open that plan instead of creating another.'
    );
    const fy27 = await conn
      .sobject('Account_Plan__c')
      .create({ Name: 'FY27', Account__c: accountId, Fiscal_Year__c: 2027 });
    await rejects(
      conn.sobject('Account_Plan__c').update({ Id: fy27.id!, Fiscal_Year__c: 2026 }),
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Fiscal_Year__c'
    );
    await conn
      .sobject('Account_Plan__c')
      .update({ Id: fy27.id!, Name: 'FY27 renamed', Fiscal_Year__c: 2027 });
    await conn.sobject('Account_Plan__c').destroy(fy27.id!);
    await rejects(
      conn
        .sobject('Account_Plan__c')
        .create({ Name: 'x', Account__c: accountId, Fiscal_Year__c: 2027, Score_Tenure__c: 9 }),
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Score_Tenure__c'
    );
  });

  it('rolls back every record of an all-or-none collection or composite request when one fails', async () => {
    const before = (await conn.query(`SELECT COUNT() FROM Contact`)).totalSize;
    const results = await conn
      .sobject('Contact')
      .create([{ LastName: 'Good' }, { FirstName: 'No last name' }], { allOrNone: true });
    assert.equal(
      results.every((r) => !r.success),
      true
    );
    assert.equal(
      (results[1] as { errors: { statusCode: string }[] }).errors[0].statusCode,
      'REQUIRED_FIELD_MISSING'
    );
    assert.equal((await conn.query(`SELECT COUNT() FROM Contact`)).totalSize, before);

    const partial = await conn.sobject('Contact').create([{ LastName: 'Kept' }, { FirstName: 'Dropped' }]);
    assert.deepEqual(
      partial.map((r) => r.success),
      [true, false]
    );
    assert.equal((await conn.query(`SELECT COUNT() FROM Contact`)).totalSize, before + 1);

    const composite = (await conn.request({
      method: 'POST',
      url: '/services/data/v62.0/composite',
      body: JSON.stringify({
        allOrNone: true,
        compositeRequest: [
          {
            method: 'POST',
            url: '/services/data/v62.0/sobjects/Account',
            referenceId: 'acc',
            body: { Name: 'Composite Co' }
          },
          {
            method: 'POST',
            url: '/services/data/v62.0/sobjects/Contact',
            referenceId: 'c1',
            body: { LastName: 'Ref', AccountId: '@{acc.id}' }
          },
          {
            method: 'POST',
            url: '/services/data/v62.0/sobjects/Opportunity',
            referenceId: 'bad',
            body: { Name: 'No stage', AccountId: '@{acc.id}' }
          }
        ]
      }),
      headers: { 'content-type': 'application/json' }
    })) as { compositeResponse: { httpStatusCode: number; body: { errorCode: string }[] }[] };
    assert.deepEqual(
      composite.compositeResponse.map((r) => r.httpStatusCode),
      [400, 400, 400]
    );
    assert.equal(composite.compositeResponse[2].body[0].errorCode, 'REQUIRED_FIELD_MISSING');
    assert.equal((await conn.query(`SELECT COUNT() FROM Account WHERE Name = 'Composite Co'`)).totalSize, 0);
  });

  it('cascades master-detail deletes and upserts by external id', async () => {
    const bc = await conn.sobject('Buying_Center__c').create({ Name: 'IT', Account__c: accountId });
    const off = await conn.sobject('Offering__c').create({ Name: 'Cloud', Active__c: true });
    const key = `${bc.id}:${off.id}:2026`;
    const up = (await conn.sobject('Landscape_Cell__c').upsert(
      {
        Unique_Key__c: key,
        Buying_Center__c: bc.id,
        Offering__c: off.id,
        Fiscal_Year__c: 2026,
        State__c: 'Whitespace'
      },
      'Unique_Key__c'
    )) as { created?: boolean };
    assert.equal(up.created, true);
    const cells = await conn.query<{ Unique_Key__c: string; State__c: string }>(
      `SELECT Unique_Key__c, State__c FROM Landscape_Cell__c WHERE Buying_Center__c = '${bc.id}'`
    );
    assert.equal(cells.records[0].Unique_Key__c, key);
    await conn.sobject('Buying_Center__c').destroy(bc.id!);
    assert.equal((await conn.query(`SELECT COUNT() FROM Landscape_Cell__c`)).totalSize, 0);
  });

  it('serves Apex twins and returns AuraHandledException-shaped errors', async () => {
    registerRoute('LocalOrgTestController', 'echo', ['accountId'], (params, ctx) => {
      if (!params.accountId) throw new AuraError('accountId is required');
      return ctx
        .query('SELECT Name FROM Account WHERE Id = :accountId WITH USER_MODE', params)
        .map((r) => r.Name);
    });
    try {
      const call = (body: unknown): Promise<Response> =>
        fetch(`${running.url}/apex/LocalOrgTestController/echo`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body)
        });
      const ok = await call({ accountId });
      assert.equal(ok.status, 200);
      assert.deepEqual(await ok.json(), ['Acme']);
      const bad = await call({});
      assert.equal(bad.status, 400);
      assert.deepEqual(await bad.json(), { body: { message: 'accountId is required' } });
      const unauth = await fetch(`${running.url}/apex/LocalOrgTestController/echo`, {
        method: 'POST',
        body: '{}'
      });
      assert.equal(unauth.status, 401);
    } finally {
      unregisterApex('LocalOrgTestController', 'echo');
    }
  });

  it('keeps data across a restart', async () => {
    await running.close();
    ({ running, conn } = await startTestOrg({ dbFile, user: 'admin' }));
    const acc = await conn.query<{ Name: string }>(`SELECT Name FROM Account WHERE Id = '${accountId}'`);
    assert.equal(acc.records[0].Name, 'Acme');
  });
});
