/**
 * The local org's robustness suite: hundreds of hostile requests generated systematically (every
 * route x wrong methods, malformed bodies, bad ids, bad SOQL, huge numbers, deep nesting, bad headers,
 * unknown objects and fields, wrong types, restricted deletes, users without access, cross-origin
 * requests to the preview page server). Each must be refused with a 4xx naming the problem (sObject
 * collections and composite answer 200 with every item refused, as the platform does), and a hash of
 * every table must be unchanged after each one. Prints the figures at the end.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST, ROOT } from '../preview/build';
import { startPreview, type RunningPreview } from '../preview/server';
import { startTwinOrg, type TwinOrg } from './apex/controllers/lib/testing';
import { registerRoute, unregisterApex } from './apex/registry';
import { MAX_BODY_BYTES, startLocalOrg, type RunningLocalOrg } from './server';

const API = '/services/data/v62.0';
type Who = 'admin' | 'demo' | 'minimum' | 'preview' | 'anonymous';

interface Case {
  category: string;
  name: string;
  who: Who;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** What the answer must say (the problem named). */
  expect: RegExp;
}

interface Answer {
  status: number;
  text: string;
}

function send(base: string, c: Case, defaults: Record<string, string>): Promise<Answer> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        method: c.method,
        path: c.path,
        // Node's client sends no length for a DELETE/OPTIONS body unless told: always say it.
        headers: {
          ...(c.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(c.body)) } : {}),
          ...defaults,
          ...(c.headers ?? {})
        }
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (b: Buffer) => chunks.push(b));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })
        );
      }
    );
    req.on('error', (e: NodeJS.ErrnoException) =>
      // The server may close the socket after answering a too-large body: that answer was read.
      e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve({ status: 0, text: e.code }) : reject(e)
    );
    req.end(c.body);
  });
}

/** Every table's rows, hashed: equal hashes mean nothing was written. */
function snapshot(org: RunningLocalOrg['org']): string {
  const hash = createHash('sha256');
  const tables = org.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of org.db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY rowid`).iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** Whether an answer is a refusal: 4xx, or a collection / composite whose every item was refused. */
function refused(a: Answer): boolean {
  if (a.status >= 400 && a.status < 500) return true;
  if (a.status !== 200) return false;
  try {
    const body = JSON.parse(a.text) as unknown;
    if (Array.isArray(body))
      return body.length > 0 && body.every((r) => (r as { success?: boolean }).success === false);
    const subs = (body as { compositeResponse?: { httpStatusCode: number }[] }).compositeResponse;
    return Array.isArray(subs) && subs.length > 0 && subs.every((s) => s.httpStatusCode >= 400);
  } catch {
    return false;
  }
}

/** Records an answer holds (rows read). */
function rowsIn(a: Answer): number {
  if (a.status < 200 || a.status >= 300) return 0;
  try {
    const body = JSON.parse(a.text) as { records?: unknown[]; totalSize?: number; Id?: string };
    if (Array.isArray(body.records)) return Math.max(body.records.length, body.totalSize ?? 0);
    return body.Id ? 1 : 0;
  } catch {
    return 0;
  }
}

const json = (v: unknown): string => JSON.stringify(v);
const q = (soql: string): string => `${API}/query?q=${encodeURIComponent(soql)}`;

/** The hostile requests, generated from the seeded ids. */
function hostileCases(id: (ref: string) => string): Case[] {
  const cases: Case[] = [];
  const add = (c: Omit<Case, 'who'> & { who?: Who }): void => void cases.push({ who: 'admin', ...c });
  const acme = id('acme');
  const ceo = id('ceo');
  const cloud = id('cloud');
  const plan = id('plan26');
  const acct = `${API}/sobjects/Account/${acme}`;

  // 1. Every route x the methods it does not take.
  const routes: { path: string; allowed: string[]; expect: RegExp }[] = [
    {
      path: `${API}/query?q=${encodeURIComponent('SELECT Id FROM Account')}`,
      allowed: ['GET'],
      expect: /GET only/
    },
    {
      path: `${API}/queryAll?q=${encodeURIComponent('SELECT Id FROM Account')}`,
      allowed: ['GET'],
      expect: /GET only/
    },
    { path: `${API}/sobjects`, allowed: ['GET'], expect: /GET only/ },
    { path: `${API}/sobjects/Account`, allowed: ['GET', 'POST'], expect: /not allowed/ },
    {
      path: `${API}/sobjects/Account/describe`,
      allowed: ['GET'],
      expect: /not allowed|does not exist|incorrect type: describe/
    },
    { path: acct, allowed: ['GET', 'PATCH', 'DELETE'], expect: /not allowed/ },
    { path: `${API}/sobjects/Account/Keyplan_Key__c/none`, allowed: ['GET', 'PATCH'], expect: /not allowed/ },
    { path: `${API}/composite`, allowed: ['POST'], expect: /does not exist/ },
    { path: `${API}/composite/sobjects`, allowed: ['POST', 'PATCH', 'DELETE'], expect: /not allowed/ },
    { path: `${API}/composite/sobjects/Account/Keyplan_Key__c`, allowed: ['PATCH'], expect: /not allowed/ },
    { path: `${API}/nowhere`, allowed: [], expect: /does not exist/ },
    { path: '/services/data/v1.0/query', allowed: [], expect: /Unknown path/ }
  ];
  for (const r of routes)
    for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS', 'TRACE'])
      if (!r.allowed.includes(method))
        add({
          category: 'wrong method',
          name: `${method} ${r.path}`,
          method,
          path: r.path,
          body: method === 'GET' || method === 'TRACE' ? undefined : json({ records: [] }),
          expect: r.expect
        });
  for (const method of ['GET', 'PUT', 'DELETE'])
    add({
      category: 'wrong method',
      name: `${method} Apex`,
      method,
      path: '/apex/OrgChartController/loadOrgChartPage',
      expect: /POST only|JSON object|parameter/
    });

  // 2. Malformed bodies x every write route.
  const writes: { method: string; path: string }[] = [
    { method: 'POST', path: `${API}/sobjects/Account` },
    { method: 'PATCH', path: acct },
    { method: 'PATCH', path: `${API}/sobjects/Account/Keyplan_Key__c/hostile-key` },
    { method: 'POST', path: `${API}/composite` },
    { method: 'POST', path: `${API}/composite/sobjects` },
    { method: 'PATCH', path: `${API}/composite/sobjects` },
    { method: 'PATCH', path: `${API}/composite/sobjects/Account/Keyplan_Key__c` },
    { method: 'POST', path: '/apex/OrgChartController/saveStakeholder' }
  ];
  const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n);
  const bodies: { name: string; body: string; expect: RegExp }[] = [
    { name: 'truncated JSON', body: '{"Name": "x"', expect: /JSON|parse/i },
    { name: 'not JSON', body: 'Name=x&Industry=y', expect: /JSON|parse/i },
    { name: 'null', body: 'null', expect: /JSON object|must be|required|parameters/i },
    { name: 'a string', body: '"x"', expect: /JSON object|must be|parameters/i },
    { name: 'a number', body: '42', expect: /JSON object|must be|parameters/i },
    { name: 'an array', body: '[1,2]', expect: /JSON object|must be|parameters/i },
    { name: 'nested 20,000 deep', body: `{"records": ${deep(20000)}}`, expect: /nests deeper than 64/ },
    { name: 'nested 65 deep in a value', body: `{"Name": ${deep(65)}}`, expect: /nests deeper than 64/ },
    {
      name: 'objects nested 5,000 deep',
      body: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
      expect: /nests deeper/
    },
    { name: 'unterminated string', body: '{"Name": "abc', expect: /JSON|parse/i },
    { name: 'trailing garbage', body: '{"Name": "x"} trailing', expect: /JSON|parse/i },
    {
      name: 'records: [null]',
      body: json({ records: [null] }),
      expect: /records\[0\]|compositeRequest|JSON object|No such column|parameter/
    },
    {
      name: 'records: [1, "x"]',
      body: json({ records: [1, 'x'] }),
      expect: /records\[0\]|compositeRequest|No such column|parameter/
    },
    {
      name: 'records: null',
      body: json({ records: null }),
      expect: /records|compositeRequest|No such column|parameter/
    },
    {
      name: 'compositeRequest: [null]',
      body: json({ compositeRequest: [null] }),
      expect: /compositeRequest|records|No such column|parameter/
    },
    {
      name: 'compositeRequest: [{}]',
      body: json({ compositeRequest: [{}] }),
      expect: /compositeRequest|records|No such column|parameter/
    },
    {
      name: 'allOrNone: "yes"',
      body: json({ allOrNone: 'yes', records: [], compositeRequest: [] }),
      expect: /allOrNone|No such column|parameter/
    }
  ];
  for (const w of writes)
    for (const b of bodies)
      add({
        category: 'malformed body',
        name: `${b.name} -> ${w.method} ${w.path}`,
        method: w.method,
        path: w.path,
        body: b.body,
        expect: b.expect
      });
  for (const w of writes.slice(0, 5))
    add({
      category: 'body too large',
      name: `Content-Length over the cap -> ${w.method} ${w.path}`,
      method: w.method,
      path: w.path,
      headers: { 'Content-Length': String(MAX_BODY_BYTES + 1) },
      body: 'x'.repeat(1024),
      expect: /larger than the local org accepts/
    });

  // 3. Bad ids x id routes.
  const badIds = [
    'x',
    '001',
    '001zzzzzzzzzzzz',
    '001000000000000ZZZ',
    `${ceo}`,
    `${acme.slice(0, 15)}9AA`,
    `${acme}x`,
    'null',
    '%00',
    '%E0%A4%A',
    '%',
    '..%2F..%2Fetc%2Fpasswd',
    "001'%20OR%20'1'%3D'1",
    '%F0%9F%92%A5%F0%9F%92%A5%F0%9F%92%A5%F0%9F%92%A5%F0%9F%92%A5'
  ];
  for (const bad of badIds) {
    for (const method of ['GET', 'PATCH', 'DELETE'])
      add({
        category: 'bad id',
        name: `${method} Account/${bad}`,
        method,
        path: `${API}/sobjects/Account/${bad}`,
        body: method === 'PATCH' ? json({ Name: 'Overwritten' }) : undefined,
        expect: /does not exist|incorrect type|malformed/i
      });
    add({
      category: 'bad id',
      name: `DELETE collection ids=${bad}`,
      method: 'DELETE',
      path: `${API}/composite/sobjects?ids=${bad}&allOrNone=true`,
      expect: /malformed|does not exist|incorrect type|rolled back|restricts deletes/i
    });
    if (bad !== ceo)
      add({
        category: 'bad id',
        name: `lookup to ${bad}`,
        method: 'PATCH',
        path: `${API}/sobjects/Contact/${ceo}`,
        body: json({ ReportsToId: decodeURIComponentSafe(bad) }),
        expect: /ReportsToId/
      });
  }

  // 4. Bad SOQL, via /query, /queryAll and a composite sub-request.
  const soqls: [string, RegExp][] = [
    ['', /q parameter is required|does not exist/],
    ['SELECT', /unexpected token|MALFORMED/i],
    ['SELECT Id FROM', /unexpected token/],
    ['SELEC Id FROM Account', /unexpected token/],
    ['SELECT Id FROM Nope__c', /Nope__c.*not supported/],
    ['SELECT Nope__c FROM Account', /No such column 'Nope__c'/],
    ['SELECT Id, Owner.Nope FROM Account', /No such column 'Nope'/],
    ['SELECT Id, Nope__r.Name FROM Account', /relationship 'Nope__r'/],
    ['SELECT Id, (SELECT Id FROM Nopes__r) FROM Account', /relationship 'Nopes__r'/],
    ['SELECT Id FROM Account LIMIT 99999999999999999999', /LIMIT must be an integer/],
    ['SELECT Id FROM Account LIMIT 2147483648', /LIMIT must be an integer/],
    ['SELECT Id FROM Account LIMIT -1', /LIMIT|unexpected token/],
    ['SELECT Id FROM Account OFFSET 1e30', /OFFSET|unexpected token/],
    ['SELECT Id FROM Account OFFSET 99999999999999', /OFFSET must be an integer/],
    ['SELECT COUNT() FROM Account LIMIT 9999999999999', /LIMIT must be an integer/],
    ['SELECT Id, (SELECT Id FROM Contacts LIMIT 99999999999) FROM Account', /LIMIT must be an integer/],
    ['SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:99999999999', /N must be a whole number/],
    ['SELECT Id FROM Account WHERE CreatedDate = NEXT_N_YEARS:2000000', /N must be a whole number/],
    ['SELECT Id FROM Account WHERE CreatedDate = NEXT_N_YEARS:999999', /out of range/],
    ['SELECT Id FROM Account WHERE CreatedDate = LAST_N_MONTHS:999999', /out of range/],
    ['SELECT Id FROM Account WHERE CreatedDate = N_DAYS_AGO:-5', /unexpected token|N must be/],
    ['SELECT Id FROM Account WHERE CreatedDate = SOMEDAY', /unexpected token|not supported|date literal/],
    ['SELECT Id FROM Opportunity WHERE CloseDate = 2024-02-31', /not a valid date/],
    ['SELECT Id FROM Opportunity WHERE CloseDate > 0000-01-01', /out of range|not a valid date/],
    ['SELECT Id FROM Opportunity WHERE CloseDate < 9999-12-31', /out of range/],
    ['SELECT Id FROM Account WHERE CreatedDate > 9999-12-31T00:00:00Z', /out of range/],
    ['SELECT Id FROM Opportunity WHERE Amount > 1e999', /expected a number|unexpected token/],
    [
      'SELECT Id FROM Opportunity WHERE Amount > 99999999999999999999999999999999999999999999999999e999',
      /expected a number|unexpected token/
    ],
    ['SELECT Id FROM Opportunity WHERE Amount > abc', /unexpected token|expected a number/],
    ['SELECT Id FROM Account WHERE Name = :secret', /Variable does not exist/],
    ["SELECT Id FROM Account WHERE Name = 'x' OR 1=1", /unexpected token/],
    ['SELECT Id FROM Account; DELETE FROM Account', /unexpected token/],
    ['SELECT Id FROM Account WHERE Nope__c = 1', /No such column 'Nope__c'/],
    ['SELECT Id FROM Account WHERE Id IN (SELECT Nope FROM Contact)', /No such column 'Nope'/],
    [
      'SELECT Id FROM Account WHERE Id IN (SELECT Id, Name FROM Contact)',
      /exactly one field|unexpected token/
    ],
    ['SELECT Id FROM Account HAVING COUNT(Id) > 1', /HAVING|unexpected token/],
    ['SELECT MEDIAN(Amount) FROM Opportunity', /not supported|unexpected token/],
    ['SELECT SUM() FROM Opportunity', /needs a field|unexpected token/],
    ['SELECT Id FROM Account ORDER BY Nope__c', /No such column 'Nope__c'/],
    ['SELECT IsWon FROM Opportunity WHERE IsWon = maybe', /expected a boolean|unexpected token/],
    [
      `SELECT Id FROM Account WHERE Name = '${'x'.repeat(10)}'${' AND Name != null'.repeat(1)} GROUP BY Nope`,
      /No such column|unexpected token/
    ],
    ['SELECT Id FROM Keyplan_Setting__mdt WHERE Nope = 1', /No such column/],
    ['SELECT FIELDS(ALL) FROM Account', /unsupported|unexpected token|FIELDS/i],
    ['SELECT Id FROM Account WHERE Name LIKE 5', /unexpected token|LIKE/],
    ['SELECT Id FROM Account WITH SECURITY_ENFORCED WITH USER_MODE', /unexpected token|MALFORMED/i]
  ];
  for (const [soql, expect] of soqls) {
    add({ category: 'bad SOQL', name: `query: ${soql}`, method: 'GET', path: q(soql), expect });
    add({
      category: 'bad SOQL',
      name: `queryAll: ${soql}`,
      method: 'GET',
      path: `${API}/queryAll?q=${encodeURIComponent(soql)}`,
      expect
    });
    add({
      category: 'bad SOQL',
      name: `composite query: ${soql}`,
      method: 'POST',
      path: `${API}/composite`,
      body: json({ compositeRequest: [{ method: 'GET', url: q(soql), referenceId: 'q1' }] }),
      expect
    });
  }
  add({
    category: 'bad SOQL',
    name: 'bad query locator',
    method: 'GET',
    path: `${API}/query/01gNOPE-2000`,
    expect: /invalid query locator/
  });

  // 5. Unknown objects and fields, wrong types, read-only fields: single, collection, composite, upsert.
  const badValues: [string, Record<string, unknown>, RegExp][] = [
    ['unknown field', { Name: 'X', Nope__c: 1 }, /No such column 'Nope__c'/],
    ['unknown field with a dot', { Name: 'X', 'Owner.Name': 'x' }, /No such column 'Owner.Name'/],
    [
      '__proto__ field',
      JSON.parse('{"Name": "X", "__proto__": {"polluted": true}}') as Record<string, unknown>,
      /No such column '__proto__'/
    ],
    ['system field', { Name: 'X', CreatedDate: '2020-01-01T00:00:00Z' }, /CreatedDate/],
    ['Id on create', { Name: 'X', Id: acme }, /Unable to create\/update fields: Id|Id/],
    ['object as text', { Name: { first: 'a' } }, /Name/],
    ['array as text', { Name: ['a', 'b'] }, /Name/],
    ['text too long', { Name: 'x'.repeat(300) }, /data value too large/],
    ['required blanked', { Name: '' }, /Required fields are missing: \[Name\]/],
    ['required null', { Name: null }, /Required fields are missing: \[Name\]/],
    ['lookup to a missing record', { Name: 'X', ParentId: '001000000000ZZZAAA' }, /ParentId/],
    ['lookup to the wrong object', { Name: 'X', ParentId: ceo }, /ParentId: id value of incorrect type/],
    ['lookup to garbage', { Name: 'X', ParentId: 'garbage' }, /ParentId/],
    ['lookup to a number', { Name: 'X', ParentId: 12 }, /ParentId/],
    ['number as text', { Name: 'X', NumberOfEmployees: 'many' }, /NumberOfEmployees|No such column/],
    ['currency 1e20', { Name: 'X', AnnualRevenue: 1e20 }, /AnnualRevenue|No such column/],
    ['currency 1e300', { Name: 'X', AnnualRevenue: 1e300 }, /AnnualRevenue|No such column/],
    ['currency as text 1e300', { Name: 'X', AnnualRevenue: '1e300' }, /AnnualRevenue|No such column/],
    ['currency NaN text', { Name: 'X', AnnualRevenue: 'NaN' }, /AnnualRevenue|No such column/],
    ['checkbox as text', { Name: 'X', Keyplan_Key__c: 'k1', IsDeleted: true }, /IsDeleted/]
  ];
  for (const [name, values, expect] of badValues) {
    add({
      category: 'bad values',
      name: `create Account: ${name}`,
      method: 'POST',
      path: `${API}/sobjects/Account`,
      body: json(values),
      expect
    });
    if (name !== 'Id on create')
      add({
        category: 'bad values',
        name: `update Account: ${name}`,
        method: 'PATCH',
        path: acct,
        body: json(values),
        expect
      });
    add({
      category: 'bad values',
      name: `collection create: ${name}`,
      method: 'POST',
      path: `${API}/composite/sobjects`,
      body: json({
        allOrNone: true,
        records: [
          { attributes: { type: 'Account' }, Name: 'Good One' },
          { attributes: { type: 'Account' }, ...values }
        ]
      }),
      expect
    });
    add({
      category: 'bad values',
      name: `composite create then bad: ${name}`,
      method: 'POST',
      path: `${API}/composite`,
      body: json({
        allOrNone: true,
        compositeRequest: [
          { method: 'POST', url: `${API}/sobjects/Account`, referenceId: 'good', body: { Name: 'Good One' } },
          { method: 'POST', url: `${API}/sobjects/Account`, referenceId: 'bad', body: values }
        ]
      }),
      expect
    });
  }
  const oppValues: [string, Record<string, unknown>, RegExp][] = [
    ['amount 1e20', { Amount: 1e20 }, /Amount: value outside of valid range/],
    ['amount text', { Amount: 'lots' }, /Amount/],
    ['amount Infinity text', { Amount: 'Infinity' }, /Amount/],
    ['close date 2024-02-30', { CloseDate: '2024-02-30' }, /CloseDate/],
    ['close date garbage', { CloseDate: 'tomorrow' }, /CloseDate/],
    ['close date number', { CloseDate: 20240101 }, /CloseDate/],
    ['restricted picklist value', { Keyplan_Budget_Status__c: 'Maybe' }, /restricted picklist/],
    ['multi-select garbage', { Keyplan_Budget_Status__c: ['Confirmed'] }, /Keyplan_Budget_Status__c/],
    ['stage not in picklist', { StageName: 'Wishful Thinking' }, /StageName|picklist/i],
    ['formula field', { Keyplan_BANT_Score__c: 100 }, /Keyplan_BANT_Score__c/],
    ['probability 1e308', { Probability: 1e308 }, /Probability/],
    ['account to a contact id', { AccountId: ceo }, /AccountId/]
  ];
  const opp = id('open26');
  for (const [name, values, expect] of oppValues) {
    add({
      category: 'bad values',
      name: `update Opportunity: ${name}`,
      method: 'PATCH',
      path: `${API}/sobjects/Opportunity/${opp}`,
      body: json(values),
      expect
    });
    add({
      category: 'bad values',
      name: `collection update Opportunity: ${name}`,
      method: 'PATCH',
      path: `${API}/composite/sobjects`,
      body: json({ allOrNone: true, records: [{ attributes: { type: 'Opportunity' }, id: opp, ...values }] }),
      expect
    });
  }
  for (const obj of [
    'Nope__c',
    'Account__x',
    'Account;DROP',
    '..',
    'sobjects',
    'AccountFieldHistory',
    'Keyplan_Setting__mdt',
    'OpportunityFieldHistory'
  ]) {
    add({
      category: 'unknown object',
      name: `create ${obj}`,
      method: 'POST',
      path: `${API}/sobjects/${encodeURIComponent(obj)}`,
      body: json({ Name: 'X' }),
      expect: /not supported|read-only|field history|No such column|does not exist|not allowed/
    });
    add({
      category: 'unknown object',
      name: `describe ${obj}`,
      method: 'GET',
      path: `${API}/sobjects/${encodeURIComponent(obj)}/nope`,
      expect: /not supported|does not exist|not allowed|incorrect type: nope/
    });
    add({
      category: 'unknown object',
      name: `collection create ${obj}`,
      method: 'POST',
      path: `${API}/composite/sobjects`,
      body: json({ records: [{ attributes: { type: obj }, Name: 'X' }] }),
      expect: /not supported|read-only|field history|No such column/
    });
  }
  add({
    category: 'unknown object',
    name: 'collection record without a type',
    method: 'POST',
    path: `${API}/composite/sobjects`,
    body: json({ records: [{ Name: 'X' }] }),
    expect: /attributes.type/
  });
  add({
    category: 'unknown object',
    name: 'upsert on a non-external-id field',
    method: 'PATCH',
    path: `${API}/sobjects/Account/Name/Acme`,
    body: json({ Industry: 'Energy' }),
    expect: /external ID field/
  });
  add({
    category: 'unknown object',
    name: 'upsert on an unknown field',
    method: 'PATCH',
    path: `${API}/sobjects/Account/Nope__c/x`,
    body: json({}),
    expect: /external ID field/
  });
  for (const key of [null, '', { a: 1 }, [1], true])
    add({
      category: 'bad values',
      name: `collection upsert with key ${JSON.stringify(key)}`,
      method: 'PATCH',
      path: `${API}/composite/sobjects/Account/Keyplan_Key__c`,
      body: json({
        allOrNone: true,
        records: [{ attributes: { type: 'Account' }, Keyplan_Key__c: key, Name: 'K' }]
      }),
      expect: /Keyplan_Key__c/
    });
  add({
    category: 'bad values',
    name: 'collection over 200 records',
    method: 'POST',
    path: `${API}/composite/sobjects`,
    body: json({
      records: Array.from({ length: 201 }, (_, i) => ({ attributes: { type: 'Account' }, Name: `A${i}` }))
    }),
    expect: /cannot submit more than 200/
  });
  add({
    category: 'bad values',
    name: 'duplicate plan (trigger key)',
    method: 'POST',
    path: `${API}/sobjects/Account_Plan__c`,
    body: json({ Account__c: acme, Fiscal_Year__c: '2026', Name: 'Dup' }),
    expect: /plan|already|duplicate/i
  });

  // 6. Composite structure.
  const sub = (extra: Record<string, unknown>): Record<string, unknown> => ({
    method: 'GET',
    url: q('SELECT Id FROM Account'),
    referenceId: 'r1',
    ...extra
  });
  const composites: [string, unknown, RegExp][] = [
    [
      'method missing',
      { compositeRequest: [{ url: q('SELECT Id FROM Account'), referenceId: 'a' }] },
      /method/
    ],
    ['method null', { compositeRequest: [sub({ method: null })] }, /method/],
    ['method CONNECT', { compositeRequest: [sub({ method: 'CONNECT' })] }, /method/],
    ['url missing', { compositeRequest: [sub({ url: undefined })] }, /url/],
    ['url elsewhere', { compositeRequest: [sub({ url: 'http://evil.example/x' })] }, /url/],
    ['url number', { compositeRequest: [sub({ url: 5 })] }, /url/],
    ['referenceId missing', { compositeRequest: [sub({ referenceId: undefined })] }, /referenceId/],
    ['referenceId with spaces', { compositeRequest: [sub({ referenceId: 'a b' })] }, /referenceId/],
    ['referenceId twice', { compositeRequest: [sub({}), sub({})] }, /used twice/],
    [
      '26 sub-requests',
      { compositeRequest: Array.from({ length: 26 }, (_, i) => sub({ referenceId: `r${i}` })) },
      /at most 25/
    ],
    [
      'composite in composite',
      {
        compositeRequest: [sub({ method: 'POST', url: `${API}/composite`, body: { compositeRequest: [] } })]
      },
      /cannot contain another composite/
    ],
    ['compositeRequest object', { compositeRequest: { a: 1 } }, /must be an array/],
    ['compositeRequest missing', {}, /must be an array/],
    [
      'reference to nothing',
      {
        allOrNone: true,
        compositeRequest: [
          sub({ method: 'PATCH', url: `${API}/sobjects/Account/@{nope.id}`, body: { Name: 'X' } })
        ]
      },
      /No value for nope.id|does not exist/
    ],
    [
      'reference into a failed create',
      {
        allOrNone: true,
        compositeRequest: [
          { method: 'POST', url: `${API}/sobjects/Account`, referenceId: 'a', body: { Nope__c: 1 } },
          {
            method: 'POST',
            url: `${API}/sobjects/Contact`,
            referenceId: 'c',
            body: { LastName: 'X', AccountId: '@{a.id}' }
          }
        ]
      },
      /Nope__c/
    ],
    [
      'update then bad delete',
      {
        allOrNone: true,
        compositeRequest: [
          { method: 'PATCH', url: acct, referenceId: 'u', body: { Name: 'Overwritten' } },
          { method: 'DELETE', url: `${API}/sobjects/Offering__c/${cloud}`, referenceId: 'd' }
        ]
      },
      /DELETE_FAILED|could not be completed/
    ],
    [
      'bad %-escape in a sub url',
      { compositeRequest: [sub({ url: `${API}/sobjects/Account/%E0%A4%A` })] },
      /malformed %-escape/
    ]
  ];
  for (const [name, body, expect] of composites)
    add({ category: 'composite', name, method: 'POST', path: `${API}/composite`, body: json(body), expect });

  // 7. Restricted deletes (the metadata says Restrict): single, collection, composite, and by the Apex twin's user.
  const restricted: [string, string, RegExp][] = [
    ['Offering__c', cloud, /Landscape_Cell__c\.Offering__c restricts deletes/],
    ['Contact', ceo, /Relationship_Link__c\.To_Contact__c restricts deletes/],
    ['Contact', id('cio'), /Relationship_Link__c\.To_Contact__c restricts deletes/]
  ];
  for (const [obj, rid, expect] of restricted) {
    add({
      category: 'restricted delete',
      name: `DELETE ${obj} ${rid}`,
      method: 'DELETE',
      path: `${API}/sobjects/${obj}/${rid}`,
      expect
    });
    add({
      category: 'restricted delete',
      name: `collection DELETE ${obj}`,
      method: 'DELETE',
      path: `${API}/composite/sobjects?ids=${rid}`,
      expect
    });
    add({
      category: 'restricted delete',
      name: `collection DELETE ${obj} with a deletable one first`,
      method: 'DELETE',
      path: `${API}/composite/sobjects?allOrNone=true&ids=${id('stranger')},${rid}`,
      expect: /restricts deletes|rolled back/
    });
    add({
      category: 'restricted delete',
      name: `composite DELETE ${obj}`,
      method: 'POST',
      path: `${API}/composite`,
      body: json({
        allOrNone: true,
        compositeRequest: [{ method: 'DELETE', url: `${API}/sobjects/${obj}/${rid}`, referenceId: 'd' }]
      }),
      expect
    });
  }

  // 8. Bad headers: no token, wrong token, other schemes, oversized declared bodies.
  const authHeaders: [string, Record<string, string>][] = [
    ['no Authorization', {}],
    ['empty Bearer', { Authorization: 'Bearer ' }],
    ['the old constant token', { Authorization: 'Bearer local' }],
    ['wrong token', { Authorization: 'Bearer 0123456789abcdef0123456789abcdef' }],
    ['Basic auth', { Authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ['token in lower-case scheme', { Authorization: 'bearer TOKEN' }],
    ['token twice', { Authorization: 'Bearer TOKEN TOKEN' }]
  ];
  const authRoutes: [string, string, string | undefined][] = [
    ['GET', q('SELECT Id, Name FROM Account'), undefined],
    ['GET', acct, undefined],
    ['PATCH', acct, json({ Name: 'Overwritten' })],
    ['DELETE', `${API}/sobjects/Contact/${id('stranger')}`, undefined],
    ['POST', '/apex/OrgChartController/loadOrgChartPage', json({ accountId: acme, cursor: null })],
    [
      'POST',
      `${API}/composite/sobjects`,
      json({ records: [{ attributes: { type: 'Account' }, Name: 'Intruder' }] })
    ]
  ];
  for (const [name, headers] of authHeaders)
    for (const [method, p, body] of authRoutes)
      add({
        category: 'bad headers',
        name: `${name}: ${method} ${p}`,
        who: 'anonymous',
        method,
        path: p,
        headers,
        body,
        expect: /Session expired or invalid/
      });

  // 9. Apex twins: unknown routes, bad parameters, bad ids.
  const apexRoutes: [string, string, string][] = [
    ['OrgChartController', 'loadOrgChartPage', 'accountId'],
    ['WhitespaceController', 'getWhitespace', 'accountId'],
    ['AccountPlanController', 'getPlanSummary', 'accountId'],
    ['BantController', 'getBant', 'recordId']
  ];
  for (const [cls, method, param] of apexRoutes) {
    const p = `/apex/${cls}/${method}`;
    for (const [name, value] of [
      ['garbage id', 'garbage'],
      ['number id', 42],
      ['object id', { $ne: null }],
      ['wrong object id', cloud],
      ['missing record id', '001000000000ZZZAAA']
    ] as [string, unknown][]) {
      // getBant answers an empty result for an opportunity that does not exist, as the Apex does.
      if (method === 'getBant' && name === 'missing record id') continue;
      add({
        category: 'apex',
        name: `${cls}.${method} ${name}`,
        method: 'POST',
        path: p,
        body: json({ [param]: value }),
        expect: /./
      });
    }
    add({
      category: 'apex',
      name: `${cls}.${method} unknown parameter`,
      method: 'POST',
      path: p,
      body: json({ nope: 1 }),
      expect: /no parameter nope/
    });
  }
  for (const [cls, method] of [
    ['OrgChartController', 'saveStakeholder'],
    ['OrgChartController', 'saveLink'],
    ['WhitespaceController', 'saveCell'],
    ['AccountPlanController', 'savePlan']
  ])
    for (const [name, input] of [
      ['input null', null],
      ['input text', 'x'],
      ['input empty', {}],
      ['input with a garbage id', { id: 'garbage', lastModified: '2020-01-01T00:00:00.000Z' }],
      ['input array', [1]]
    ] as [string, unknown][])
      add({
        category: 'apex',
        name: `${cls}.${method} ${name}`,
        method: 'POST',
        path: `/apex/${cls}/${method}`,
        body: json({ input }),
        expect: /./
      });
  add({
    category: 'apex',
    name: 'unknown class',
    method: 'POST',
    path: '/apex/Nope/run',
    body: '{}',
    expect: /No local twin/
  });
  add({
    category: 'apex',
    name: 'deleteLink stale',
    method: 'POST',
    path: '/apex/OrgChartController/deleteLink',
    body: json({ linkId: id('link1'), lastModified: '2000-01-01T00:00:00.000Z' }),
    expect: /changed by someone else|stale|reload/i
  });

  // 10. A user without the permission set, and the account manager's limits (REST in user mode).
  for (const obj of [
    'Account',
    'Contact',
    'Opportunity',
    'Account_Plan__c',
    'Relationship_Link__c',
    'Landscape_Cell__c',
    'Offering__c',
    'Buying_Center__c',
    'Plan_Action__c',
    'User'
  ])
    for (const soql of [`SELECT Id FROM ${obj}`, `SELECT COUNT() FROM ${obj}`])
      add({
        category: 'no permission set',
        name: `${soql}`,
        who: 'minimum',
        method: 'GET',
        path: q(soql),
        expect: /not supported/
      });
  for (const ref of ['acme', 'ceo', 'cloud', 'plan26', 'link1', 'cellIt26'])
    add({
      category: 'no permission set',
      name: `retrieve ${ref}`,
      who: 'minimum',
      method: 'GET',
      path: `${API}/sobjects/${refObject(ref)}/${id(ref)}`,
      expect: /does not exist/
    });
  for (const [cls, method, param] of apexRoutes)
    add({
      category: 'no permission set',
      name: `${cls}.${method}`,
      who: 'minimum',
      method: 'POST',
      path: `/apex/${cls}/${method}`,
      body: json({
        [param]: param === 'recordId' ? id('open26') : acme,
        ...(method === 'getWhitespace' || method === 'getPlanSummary' ? { fiscalYear: 2026 } : {})
      }),
      expect: /access|not found/i
    });
  add({
    category: 'account manager',
    name: 'create an offering (read only)',
    who: 'demo',
    method: 'POST',
    path: `${API}/sobjects/Offering__c`,
    body: json({ Name: 'Mine' }),
    expect: /cannot create Offering__c/
  });
  add({
    category: 'account manager',
    name: 'rename an offering',
    who: 'demo',
    method: 'PATCH',
    path: `${API}/sobjects/Offering__c/${cloud}`,
    body: json({ Name: 'Mine' }),
    expect: /cannot edit Offering__c/
  });
  add({
    category: 'account manager',
    name: 'delete a plan',
    who: 'demo',
    method: 'DELETE',
    path: `${API}/sobjects/Account_Plan__c/${plan}`,
    expect: /cannot delete Account_Plan__c/
  });
  add({
    category: 'account manager',
    name: 'write a formula',
    who: 'demo',
    method: 'PATCH',
    path: `${API}/sobjects/Account_Plan__c/${plan}`,
    body: json({ Tier__c: 'Tier 1' }),
    expect: /Tier__c/
  });
  add({
    category: 'account manager',
    name: 'write a custom metadata record',
    who: 'demo',
    method: 'POST',
    path: `${API}/sobjects/Keyplan_Setting__mdt`,
    body: json({ Value__c: '1' }),
    expect: /read-only|cannot create|not supported/
  });

  // 11. The preview page server, asked by other origins.
  const previewRoutes: [string, string, string | undefined][] = [
    ['GET', '/', undefined],
    ['GET', '/preview/api/accounts', undefined],
    ['GET', `/preview/api/record/${acme}`, undefined],
    ['POST', '/apex/OrgChartController/loadOrgChartPage', json({ accountId: acme, cursor: null })],
    ['POST', '/apex/OrgChartController/saveLink', json({ input: {} })],
    ['GET', `${API}/sobjects/Account/describe`, undefined],
    ['GET', q('SELECT Id, Name FROM Account'), undefined]
  ];
  const previewAttacks: [string, Record<string, string>][] = [
    [
      'DNS-rebound Host',
      { Host: 'evil.example:PORT', 'X-Keyplan-Preview': 'SECRET', 'Content-Type': 'application/json' }
    ],
    ['foreign Host, no secret', { Host: 'attacker.test' }],
    [
      'cross-origin simple text/plain POST',
      { Host: 'HOST', Origin: 'http://evil.example', 'Content-Type': 'text/plain' }
    ],
    [
      'cross-site fetch',
      { Host: 'HOST', 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' }
    ],
    [
      'same-site other port',
      {
        Host: 'HOST',
        Origin: 'http://127.0.0.1:1',
        'Sec-Fetch-Site': 'same-site',
        'X-Keyplan-Preview': 'SECRET',
        'Content-Type': 'application/json'
      }
    ],
    [
      'null origin (sandboxed iframe)',
      { Host: 'HOST', Origin: 'null', 'X-Keyplan-Preview': 'SECRET', 'Content-Type': 'application/json' }
    ],
    ['no secret', { Host: 'HOST', 'Content-Type': 'application/json' }],
    ['guessed secret', { Host: 'HOST', 'X-Keyplan-Preview': 'local', 'Content-Type': 'application/json' }],
    [
      'same-origin text/plain with the secret',
      { Host: 'HOST', 'X-Keyplan-Preview': 'SECRET', 'Content-Type': 'text/plain' }
    ]
  ];
  for (const [attack, headers] of previewAttacks)
    for (const [method, p, body] of previewRoutes) {
      if (p === '/' && !/Host/.test(attack)) continue; // the page itself is public to its own Host
      if (method === 'GET' && attack.includes('text/plain')) continue;
      add({
        category: 'preview cross-origin',
        name: `${attack}: ${method} ${p}`,
        who: 'preview',
        method,
        path: p,
        headers,
        body,
        expect: /refused|X-Keyplan-Preview|Content-Type/
      });
    }
  return cases;
}

function refObject(ref: string): string {
  return (
    {
      acme: 'Account',
      ceo: 'Contact',
      cloud: 'Offering__c',
      plan26: 'Account_Plan__c',
      link1: 'Relationship_Link__c',
      cellIt26: 'Landscape_Cell__c'
    } as Record<string, string>
  )[ref];
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

describe('robustness: hostile requests are refused, named, and write nothing', () => {
  let twin: TwinOrg;
  let admin: RunningLocalOrg;
  let minimum: RunningLocalOrg;
  let preview: RunningPreview | undefined;
  let cases: Case[] = [];
  const figures = {
    requests: 0,
    serverErrors: 0,
    notRefused: 0,
    unnamed: 0,
    partialWrites: 0,
    silentOverwrites: 0,
    previewRequests: 0,
    crossOriginReads: 0,
    rowsReadWithoutPermissionSet: 0
  };
  const failures: string[] = [];

  before(async () => {
    twin = await startTwinOrg(); // the demo user (Keyplan_User), seeded with the small account
    const dbFile = twin.running.org.db.name;
    admin = await startLocalOrg({ port: 0, dbFile, user: 'admin' });
    minimum = await startLocalOrg({ port: 0, dbFile, user: 'minimum' });
    // The page server's checks do not need the built bundle: without preview/dist, serve the bare page.
    preview = await startPreview({
      port: 0,
      dbFile,
      dist: existsSync(path.join(DIST, 'index.html')) ? DIST : path.join(ROOT, 'preview/client')
    });
    cases = hostileCases((ref) => twin.id(ref));
  });
  after(async () => {
    await preview?.close();
    await minimum?.close();
    await admin?.close();
    await twin?.close();
  });

  it('at least 500 hostile requests: every one 4xx (or every item refused) with the problem named, nothing written', async () => {
    const before = snapshot(admin.org);
    const started = performance.now();
    // serverErrors counts the unexpected exceptions logged in this process since that server started.
    const loggedBefore = twin.running.serverErrors;
    for (const c of cases) {
      if (c.who === 'preview' && !preview) continue;
      const target =
        c.who === 'preview'
          ? preview!.url
          : c.who === 'minimum'
            ? minimum.url
            : c.who === 'demo'
              ? twin.running.url
              : admin.url;
      const token = c.who === 'minimum' ? minimum.token : c.who === 'demo' ? twin.running.token : admin.token;
      const base = new URL(target);
      const defaults: Record<string, string> =
        c.who === 'preview'
          ? {}
          : c.who === 'anonymous'
            ? { 'Content-Type': 'application/json' }
            : { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const headers = Object.fromEntries(
        Object.entries(c.headers ?? {}).map(([k, v]) => [
          k,
          v
            .replace('HOST', base.host)
            .replace('PORT', base.port)
            .replace('SECRET', preview?.secret ?? '')
            .replace('TOKEN', admin.token)
        ])
      );
      const answer = await send(c.who === 'anonymous' ? admin.url : target, { ...c, headers }, defaults);
      figures.requests++;
      const label = `[${c.category}] ${c.name.slice(0, 160)}`;
      if (answer.status >= 500) {
        figures.serverErrors++;
        failures.push(`${label}: ${answer.status} ${answer.text.slice(0, 200)}`);
      }
      const wasRefused = refused(answer) || answer.status === 0;
      if (!wasRefused) {
        figures.notRefused++;
        failures.push(`${label}: not refused (${answer.status} ${answer.text.slice(0, 200)})`);
      } else if (answer.status !== 0 && !c.expect.test(answer.text)) {
        figures.unnamed++;
        failures.push(
          `${label}: refused but the answer does not say ${c.expect}: ${answer.text.slice(0, 300)}`
        );
      }
      if (c.who === 'preview') {
        figures.previewRequests++;
        if (answer.status >= 200 && answer.status < 300) figures.crossOriginReads++;
      }
      if (c.who === 'minimum') figures.rowsReadWithoutPermissionSet += rowsIn(answer);
      const now = snapshot(admin.org);
      if (now !== before) {
        if (wasRefused) figures.partialWrites++;
        else figures.silentOverwrites++;
        failures.push(`${label}: the database changed`);
        break; // every later comparison would be against a changed database
      }
    }
    const unexpectedLogged = twin.running.serverErrors - loggedBefore;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `robustness: ${figures.requests} hostile requests in ${seconds} s; 5xx: ${figures.serverErrors} (unexpected exceptions logged: ${unexpectedLogged}); not refused: ${figures.notRefused}; refused without naming the problem: ${figures.unnamed}; partial writes: ${figures.partialWrites}; silent overwrites: ${figures.silentOverwrites}; cross-origin reads of the preview: ${figures.crossOriginReads} of ${figures.previewRequests}; rows read by a user without the permission set: ${figures.rowsReadWithoutPermissionSet}`
    );
    const byCategory = new Map<string, number>();
    for (const c of cases) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
    console.log(`  by category: ${[...byCategory].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    assert.deepEqual(failures, []);
    assert.ok(figures.requests >= 500, `only ${figures.requests} requests`);
    assert.equal(figures.serverErrors, 0);
    assert.equal(unexpectedLogged, 0);
    assert.equal(figures.partialWrites + figures.silentOverwrites, 0);
    assert.equal(figures.crossOriginReads, 0);
    assert.equal(figures.rowsReadWithoutPermissionSet, 0);
  });

  it('an unexpected exception is a 500 carrying only a reference (no type, message or stack)', async () => {
    registerRoute('RobustnessProbe', 'explode', [], () => {
      throw new TypeError('secret internals: Cannot read properties of undefined');
    });
    const logged = twin.running.serverErrors;
    const quiet = console.error;
    console.error = () => {};
    try {
      const auth = { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' };
      const apex = await send(
        admin.url,
        {
          category: '',
          name: '',
          who: 'admin',
          method: 'POST',
          path: '/apex/RobustnessProbe/explode',
          body: '{}',
          expect: /./
        },
        auth
      );
      assert.equal(apex.status, 500);
      assert.match(apex.text, /ErrorId if you contact support: [0-9A-F]{8}/);
      assert.doesNotMatch(apex.text, /secret internals|TypeError|at /);
      const get = admin.org.get.bind(admin.org);
      admin.org.get = () => {
        throw new RangeError('secret internals of get');
      };
      try {
        const rest = await send(
          admin.url,
          {
            category: '',
            name: '',
            who: 'admin',
            method: 'GET',
            path: `${API}/sobjects/Account/${twin.id('acme')}`,
            expect: /./
          },
          auth
        );
        assert.equal(rest.status, 500);
        assert.equal(JSON.parse(rest.text)[0].errorCode, 'UNKNOWN_EXCEPTION');
        assert.doesNotMatch(rest.text, /secret internals|RangeError/);
      } finally {
        admin.org.get = get;
      }
      assert.equal(twin.running.serverErrors - logged, 2);
    } finally {
      console.error = quiet;
      unregisterApex('RobustnessProbe', 'explode');
    }
  });

  it('a body over the cap sent without a length (chunked) is cut off at the cap with 413', async () => {
    const small = await startLocalOrg({
      port: 0,
      dbFile: admin.org.db.name,
      user: 'admin',
      maxBodyBytes: 4096
    });
    try {
      const before = snapshot(admin.org);
      const u = new URL(small.url);
      const answer = await new Promise<Answer>((resolve, reject) => {
        const req = request(
          {
            host: u.hostname,
            port: u.port,
            method: 'POST',
            path: `${API}/sobjects/Account`,
            headers: {
              Authorization: `Bearer ${small.token}`,
              'Content-Type': 'application/json',
              'Transfer-Encoding': 'chunked'
            }
          },
          (res) => {
            let text = '';
            res.on('data', (b: Buffer) => (text += b.toString('utf8')));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          }
        );
        req.on('error', reject);
        req.write(`{"Name": "${'x'.repeat(3000)}`);
        req.end(`${'y'.repeat(3000)}"}`);
      });
      assert.equal(answer.status, 413);
      assert.match(answer.text, /larger than the local org accepts \(4096 bytes/);
      assert.equal(snapshot(admin.org), before);
    } finally {
      await small.close();
    }
  });

  it('the same requests made legitimately do work (the suite is not refusing everything)', async () => {
    const ok = await send(
      admin.url,
      {
        category: '',
        name: '',
        who: 'admin',
        method: 'GET',
        path: q('SELECT Id, Name FROM Account'),
        expect: /./
      },
      { Authorization: `Bearer ${admin.token}` }
    );
    assert.equal(ok.status, 200);
    assert.ok(rowsIn(ok) >= 2);
    const lower = await send(
      admin.url,
      {
        category: '',
        name: '',
        who: 'admin',
        method: 'GET',
        path: `${API}/sobjects/Account/${twin.id('acme').toLowerCase()}`,
        expect: /./
      },
      { Authorization: `Bearer ${admin.token}` }
    );
    assert.equal(lower.status, 200, 'an 18-character id in lower case is found');
    if (preview) {
      const page = await send(
        preview.url,
        { category: '', name: '', who: 'preview', method: 'GET', path: '/preview/api/accounts', expect: /./ },
        { Host: new URL(preview.url).host, 'X-Keyplan-Preview': preview.secret }
      );
      assert.equal(page.status, 200);
    }
  });
});
