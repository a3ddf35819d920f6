/**
 * `apexDateTime` turns a stored Datetime into the ISO string Apex serialises: the local org's own format takes a
 * fast path (no parsing) that must give what parsing gives, and any other form is parsed.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { apexDateTime, timeOf } from './lib/twin';

const parsed = (v: string): string => new Date(timeOf(v)).toISOString();

it('gives the same instant on the fast path as by parsing, and parses every other form', () => {
  for (const v of [
    '2026-05-02T12:00:00.000+0000',
    '1999-12-31T23:59:59.999+0000',
    '2026-01-01T00:00:00.123+0000'
  ])
    assert.equal(apexDateTime(v), parsed(v), v);
  assert.equal(apexDateTime('2026-05-02T14:00:00.000+0200'), '2026-05-02T12:00:00.000Z');
  assert.equal(apexDateTime('2026-05-02T12:00:00Z'), '2026-05-02T12:00:00.000Z');
  assert.equal(apexDateTime(new Date(Date.UTC(2026, 4, 2, 12))), '2026-05-02T12:00:00.000Z');
  assert.equal(apexDateTime(''), null);
  assert.equal(apexDateTime(null), null);
  assert.equal(apexDateTime('not a date'), null);
});
