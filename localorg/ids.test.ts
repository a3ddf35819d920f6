import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idSuffix, makeId, normalizeId } from './ids';

describe('ids match as the platform matches them', () => {
  const id = makeId('001', 123_456_789); // 0015L000008M0kXQAS: mixed case in the first 15
  const id15 = id.slice(0, 15);

  it('an 18-character id is found in any case (the suffix restores the case of the first 15)', () => {
    assert.match(id15, /[a-z]/);
    assert.match(id15, /[A-Z]/);
    for (const variant of [id, id.toLowerCase(), id.toUpperCase(), id15 + id.slice(15).toLowerCase()])
      assert.equal(normalizeId(variant), id, variant);
  });

  it('a 15-character id is case-sensitive: another casing is another record', () => {
    assert.equal(normalizeId(id15), id);
    const lower = normalizeId(id15.toLowerCase());
    assert.ok(lower);
    assert.notEqual(lower, id);
    assert.equal(lower, id15.toLowerCase() + idSuffix(id15.toLowerCase()));
  });

  it('a suffix that is not a checksum (digit marked upper case, character outside A-Z0-5) is no id', () => {
    assert.equal(normalizeId('001000000000000ZZZ'), undefined);
    assert.equal(normalizeId(`${id15}9AA`), undefined);
    assert.equal(normalizeId(`${id15}!AA`), undefined);
    assert.equal(normalizeId('001'), undefined);
    assert.equal(normalizeId(42), undefined);
  });
});
