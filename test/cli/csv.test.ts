/**
 * The one CSV configuration (scripts/lib/csv.ts over csv-parse / csv-stringify): byte order mark,
 * duplicate and unknown headers refused by name, value counts reported with the line each row starts
 * on (quoted line breaks counted), quoting errors with their line, formulas neutralised on export,
 * Bulk results quoted throughout; and the CLI's CSV folder import reading through it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { bundleFromCsvDir } from '../../scripts/cli/csv';
import { CsvInvalid, checkCsv, readCsv, writeCsv } from '../../scripts/lib/csv';

const problemsOf = (text: string, allowed?: string[]): string[] =>
  checkCsv(text, { name: 'f.csv', ...(allowed ? { allowed } : {}) }).problems.map(
    (p) => `${p.where}: ${p.message}`
  );

describe('strict CSV', () => {
  test('a byte order mark is dropped; blank lines are skipped; rows keep the line they start on', () => {
    const t = readCsv('\uFEFFName,Notes\nA,"two\nlines"\n\nB,x\n', { name: 'f.csv' });
    assert.deepEqual(t.columns, ['Name', 'Notes']);
    assert.deepEqual(
      t.rows.map((r) => [r.line, ...r.values]),
      [
        [2, 'A', 'two\nlines'],
        [5, 'B', 'x']
      ]
    );
  });

  test('duplicate, unknown and empty headers are refused by name; every short or long row by line', () => {
    assert.deepEqual(problemsOf('a,b,a,,zz\n1,2,3,4,5\n', ['a', 'b']), [
      'f.csv line 1, column 3 ("a"): Duplicate column "a": name each column once',
      'f.csv line 1, column 4 (""): Empty column name',
      'f.csv line 1, column 5 ("zz"): Unknown column "zz"; f.csv takes a, b'
    ]);
    assert.deepEqual(problemsOf('a,b\n1,2\n1\n"x\ny",2,3\n'), [
      'f.csv line 3: has 1 values for 2 columns',
      'f.csv line 4: has 3 values for 2 columns'
    ]);
    assert.throws(() => readCsv('a,b\n1\n', { name: 'f.csv' }), CsvInvalid);
  });

  test('a quote left open is not CSV, named with its line', () => {
    const [p] = problemsOf('a,b\n1,"open\n2,3\n');
    assert.match(p, /^f\.csv line \d+: not valid CSV: /);
  });

  test('export: formulas neutralised and quoted, numbers kept, RFC 4180 quoting; Bulk results quoted throughout', () => {
    assert.equal(
      writeCsv(
        ['name', 'n'],
        [
          ['=1+1', -5],
          ['a,b', null],
          ['say "hi"', 2]
        ],
        { neutralise: true }
      ),
      'name,n\n"\'=1+1",-5\n"a,b",\n"say ""hi""",2\n'
    );
    assert.equal(writeCsv(['k'], [['a|b'], [null]], { quoteAll: true, nullValue: '' }), '"k"\n"a|b"\n""\n');
  });

  test('the CLI CSV folder reads a BOM-prefixed file and names a duplicate header by file, row and column', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keyplan-csv-'));
    try {
      writeFileSync(path.join(dir, 'accounts.csv'), '\uFEFFkey,Name\nbom-co,BOM Co\n');
      const { input } = bundleFromCsvDir(dir) as { input: { account: { key: string; Name: string } } };
      assert.deepEqual(input.account, { key: 'bom-co', Name: 'BOM Co' });
      writeFileSync(path.join(dir, 'contacts.csv'), 'key,LastName,LastName\nx,Y,Z\n');
      assert.throws(
        () => bundleFromCsvDir(dir),
        (e: Error & { problems?: { where: string; message: string }[] }) =>
          e.problems?.some(
            (p) =>
              p.where === 'contacts.csv row 1, column 3 ("LastName")' && /Duplicate column/.test(p.message)
          ) === true
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
