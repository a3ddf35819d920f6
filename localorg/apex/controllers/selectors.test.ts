import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { normalizeSoql, outlineApex, readApex } from '../../../scripts/lib/apex';
import { APEX_CLASSES_DIR, ApexSource, apexSource } from '../source';
import {
  CONTACT_OPTIONAL_FIELDS,
  CONTACT_REQUIRED_FIELDS,
  DYNAMIC_SOQL,
  LIMITS,
  SOQL
} from './lib/selectors';
import { inlineLimitBinds } from './lib/twin';
import { UNIQUE_KEY_SOQL } from './lib/uniqueKeys';

const twinClasses = (): string[] =>
  [
    ...new Set([...Object.keys({ ...SOQL, ...DYNAMIC_SOQL, ...UNIQUE_KEY_SOQL }).map((n) => n.split('.')[0])])
  ].sort();

describe('twin selectors read their SOQL and row bounds from the Apex source', () => {
  it('every twin query names a real Apex method and reads its SOQL', () => {
    for (const [name, text] of Object.entries({ ...SOQL, ...UNIQUE_KEY_SOQL }))
      assert.match(text, /^SELECT .+ FROM \w+/, name);
    for (const [name, parts] of Object.entries(DYNAMIC_SOQL))
      assert.ok(parts.length && parts.every((p) => /^\s*(SELECT|WHERE)\b/.test(p)), name);
    // The dynamic queries pass AccessLevel.USER_MODE: the twin text carries the clause that enforces FLS.
    assert.match(
      DYNAMIC_SOQL['ContactSelector.forOrgChartPage'][0],
      / WITH USER_MODE ORDER BY Id LIMIT :rowLimit$/
    );
    assert.ok(CONTACT_REQUIRED_FIELDS.includes('Id') && CONTACT_OPTIONAL_FIELDS.length > 0);
  });

  it('every row bound is a positive Integer constant of the .cls', () => {
    for (const [name, value] of Object.entries(LIMITS))
      assert.ok(Number.isInteger(value) && value > 0, `LIMITS.${name} = ${value}`);
  });

  it('the token reader finds the same static queries as the full Apex parser', () => {
    // outlineApex reads tokens only (fast enough for start-up); readApex parses. Same queries, same order.
    for (const cls of twinClasses()) {
      const file = path.join(APEX_CLASSES_DIR, `${cls}.cls`);
      const parsed = readApex(file).queries.filter((q) => /^SELECT\b/i.test(q.soql));
      const outlined = [...outlineApex(readFileSync(file, 'utf8')).methods.values()]
        .flat()
        .sort((a, b) => a.line - b.line)
        .flatMap((m) => m.queries);
      assert.deepEqual(
        outlined,
        parsed.map((q) => normalizeSoql(q.soql)),
        cls
      );
    }
  });

  it('binds the class constants a query names (PlanActionSelector.FINISHED, SINGLE_ROW)', () => {
    assert.deepEqual(apexSource.constantBinds('PlanActionSelector', SOQL['PlanActionSelector.overdue']), {
      FINISHED: ['Done', 'Cancelled']
    });
    assert.deepEqual(apexSource.constantBinds('AccountSelector', SOQL['AccountSelector.byId']), {
      SINGLE_ROW: 1
    });
    assert.equal(apexSource.integer('RelationshipLinkSelector.MAX_COUNTED'), LIMITS.MAX_COUNTED);
  });

  it('puts bound numbers into LIMIT binds and refuses a missing one', () => {
    assert.equal(
      inlineLimitBinds('SELECT Id FROM A (SELECT Id FROM B LIMIT :x) LIMIT :y', { x: 5, y: 1 }),
      'SELECT Id FROM A (SELECT Id FROM B LIMIT 5) LIMIT 1'
    );
    assert.throws(() => inlineLimitBinds('SELECT Id FROM A LIMIT :n', {}), /LIMIT :n/);
  });
});

describe('the Apex source reader (small samples)', () => {
  const SAMPLE = `
/** A class comment: [SELECT Id FROM Comment] and { braces } are not code. */
public with sharing class Sample {
    @TestVisible
    private static final Integer MAX_ROWS = 25;
    public static final Integer NEGATIVE = -3;
    private static final Integer SHARED = Other.LIMIT_X;
    private static final Integer LOCAL = MAX_ROWS;
    private static final Integer COMPUTED = Math.max(1, 2);
    private static final List<String> STATES = new List<String>{ 'Done', 'Can\\'t' };
    private static String notFinal = '{';
    public Integer prop { get; set; }

    public class Inner {
        public List<Account> hidden() { return [SELECT Id FROM Account]; }
    }

    public static List<Account> rows(Id accountId) {
        // [SELECT Id FROM LineComment]
        String brace = '} [SELECT Id FROM InString]';
        return [
            SELECT Id, Name, (SELECT Id FROM Contacts ORDER BY Name LIMIT 5)
            FROM Account
            WHERE Id = :accountId
            WITH USER_MODE
            LIMIT :MAX_ROWS
        ];
    }

    public static List<SObject> dyn(String objectName) {
        return Database.queryWithBinds(
            'SELECT Id FROM ' + objectName + ' WHERE Name = :name ' + 'ORDER BY Name',
            new Map<String, Object>{ 'name' => 'x' },
            AccessLevel.USER_MODE
        );
    }

    public static List<SObject> systemDyn() {
        return Database.query('SELECT Id FROM Account LIMIT 1');
    }

    public static void twice() { Integer a = [SELECT COUNT() FROM Account]; Integer b = [SELECT COUNT() FROM Contact]; }
    public static void over(Id a) {}
    public static void over(String a) {}
}`;
  const OTHER = 'public with sharing class Other { public static final Integer LIMIT_X = 7; }';
  const dir = mkdtempSync(path.join(tmpdir(), 'apex-source-'));
  writeFileSync(path.join(dir, 'Sample.cls'), SAMPLE);
  writeFileSync(path.join(dir, 'Other.cls'), OTHER);
  after(() => rmSync(dir, { recursive: true, force: true }));
  const src = new ApexSource(dir);

  it('reads static SOQL of a method body, not comments, strings or inner classes', () => {
    assert.equal(
      src.soql('Sample.rows'),
      'SELECT Id, Name, (SELECT Id FROM Contacts ORDER BY Name LIMIT 5) FROM Account WHERE Id = :accountId WITH USER_MODE LIMIT :MAX_ROWS'
    );
    assert.equal(src.soql('Sample.ROWS'), src.soql('Sample.rows'), 'Apex names are case-insensitive');
    assert.throws(() => src.soql('Sample.hidden'), /Sample\.hidden: no method hidden in Sample\.cls/);
  });

  it('reads constants: literals, references, string lists; refuses what it cannot evaluate', () => {
    assert.equal(src.integer('Sample.MAX_ROWS'), 25);
    assert.equal(src.integer('Sample.NEGATIVE'), -3);
    assert.equal(src.integer('Sample.SHARED'), 7);
    assert.equal(src.integer('Sample.LOCAL'), 25);
    assert.deepEqual(src.strings('Sample.STATES'), ['Done', "Can't"]);
    assert.throws(
      () => src.integer('Sample.COMPUTED'),
      /Sample\.COMPUTED = Math\.max\(1, 2\): the twin reads only literal/
    );
    assert.throws(() => src.integer('Sample.notFinal'), /no static final constant notFinal in Sample\.cls/);
    assert.throws(() => src.integer('Sample.STATES'), /not an Integer literal/);
    assert.throws(() => src.integer('Missing.X'), /Apex class Missing not found/);
    assert.deepEqual(src.constantBinds('Sample', src.soql('Sample.rows')), { MAX_ROWS: 25 });
  });

  it('reads the literal parts of dynamic SOQL and adds WITH USER_MODE only where Apex passes it', () => {
    assert.deepEqual(src.dynamicSoql('Sample.dyn'), [
      'SELECT Id FROM ',
      ' WHERE Name = :name WITH USER_MODE ORDER BY Name'
    ]);
    assert.deepEqual(src.dynamicSoql('Sample.systemDyn'), ['SELECT Id FROM Account LIMIT 1']);
    assert.throws(() => src.dynamicSoql('Sample.twice'), /no SOQL string literal/);
  });

  it('refuses a method with several queries or overloads', () => {
    assert.throws(() => src.soql('Sample.twice'), /Sample\.twice \(line \d+\) has 2 static queries/);
    assert.throws(() => src.soql('Sample.over'), /overloaded/);
  });

  it('a change in the .cls changes what the twin reads, with no second edit', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'apex-source-'));
    try {
      cpSync(path.join(APEX_CLASSES_DIR, 'OfferingSelector.cls'), path.join(copy, 'OfferingSelector.cls'));
      const file = path.join(copy, 'OfferingSelector.cls');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace(/MAX_OFFERINGS = \d+/, 'MAX_OFFERINGS = 42')
          .replace(/ORDER BY Sort_Order__c NULLS LAST, Name/, 'ORDER BY Name')
      );
      const changed = new ApexSource(copy);
      assert.equal(changed.integer('OfferingSelector.MAX_OFFERINGS'), 42);
      assert.notEqual(LIMITS.MAX_OFFERINGS, 42);
      assert.match(
        changed.soql('OfferingSelector.forMatrix'),
        /WITH USER_MODE ORDER BY Name LIMIT :rowLimit$/
      );
      assert.notEqual(changed.soql('OfferingSelector.forMatrix'), SOQL['OfferingSelector.forMatrix']);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('keeps outlines between processes keyed by the class text: a changed class is read again', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'apex-source-'));
    try {
      const cacheFile = path.join(copy, 'cache', 'outlines.json');
      writeFileSync(path.join(copy, 'Other.cls'), OTHER);
      assert.equal(new ApexSource(copy, cacheFile).integer('Other.LIMIT_X'), 7);
      // A second process reads the stored outline, not the class: forge the stored value to see it.
      const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<
        string,
        { constants: [string, { value: number }][] }
      >;
      assert.equal(Object.keys(stored).length, 1);
      Object.values(stored)[0].constants[0][1].value = 8;
      writeFileSync(cacheFile, JSON.stringify(stored));
      assert.equal(new ApexSource(copy, cacheFile).integer('Other.LIMIT_X'), 8);
      // Another class text is another key: lexed again, never a stale value.
      writeFileSync(path.join(copy, 'Other.cls'), OTHER.replace('= 7', '= 9'));
      assert.equal(new ApexSource(copy, cacheFile).integer('Other.LIMIT_X'), 9);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
