/**
 * The twins' error path (KeyplanErrors twin): the same JSON body Apex writes into the
 * AuraHandledException's message, and the same stale-write rule at the platform's precision.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { KeyplanErrorCode, KeyplanErrorMessage } from '../../../src/contracts';
import { DEFAULT_FORCE_APP } from '../../server';
import { SfError } from '../../errors';
import { assertNotStale, fail, StaleRecordError, toAura } from './lib/twin';

const body = (err: unknown): KeyplanErrorMessage =>
  KeyplanErrorMessage.parse(JSON.parse(toAura(err).message));

describe('KeyplanErrors twin', () => {
  it('codes stale writes, guard failures and validation errors, keeping their messages', () => {
    assert.deepEqual(body(new StaleRecordError('Contact Ada was changed by someone else.')), {
      code: 'CONFLICT',
      message: 'Contact Ada was changed by someone else.'
    });
    assert.deepEqual(body(fail('The field accountId is required.')), {
      code: 'INVALID_INPUT',
      message: 'The field accountId is required.'
    });
    const rule = new SfError('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Enter the competitor.', ['Competitor__c']);
    assert.deepEqual(body(rule), {
      code: 'VALIDATION',
      message: 'Competitor__c: Enter the competitor.',
      fieldErrors: {
        Competitor__c: [{ message: 'Enter the competitor.', statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' }]
      }
    });
    assert.equal(
      body(new SfError('INSUFFICIENT_ACCESS_OR_READONLY', 'No edit', ['Notes__c'])).code,
      'NO_ACCESS'
    );
  });

  it('an unexpected error reaches the browser as a generic message with a logged reference, never raw', () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      const b = body(new TypeError('Cannot read properties of undefined (reading secretField)'));
      assert.equal(b.code, 'UNEXPECTED');
      assert.match(b.reference!, /^KP-[0-9A-F]{12}$/);
      assert.ok(b.message.includes(b.reference!), b.message);
      assert.doesNotMatch(b.message, /secretField|TypeError/);
      assert.equal(logged.length, 1);
      assert.ok(logged[0].includes(b.reference!) && logged[0].includes('secretField'), 'details are logged');
    } finally {
      console.error = original;
    }
  });

  it('compares LastModifiedDate at seconds, as the org stores it', () => {
    assertNotStale('Contact Ada', '2026-01-01T10:00:00.999Z', '2026-01-01T10:00:00.000+0000');
    assert.throws(
      () => assertNotStale('Contact Ada', '2026-01-01T09:59:59.999Z', '2026-01-01T10:00:00.000+0000'),
      StaleRecordError
    );
    assert.throws(
      () => assertNotStale('Contact Ada', null, '2026-01-01T10:00:00.000+0000'),
      StaleRecordError
    );
  });

  it('has one list of codes: KeyplanErrors.cls, the contract and c/keyplanErrors name the same ones', () => {
    const cls = readFileSync(path.join(DEFAULT_FORCE_APP, 'classes/KeyplanErrors.cls'), 'utf8');
    const apex = [...cls.matchAll(/public static final String (\w+) = '(\w+)';/g)].map((m) => {
      assert.equal(m[1], m[2], 'each Apex constant holds its own name');
      return m[2];
    });
    assert.deepEqual([...apex].sort(), [...KeyplanErrorCode.options].sort());
    const lwc = readFileSync(path.join(DEFAULT_FORCE_APP, 'lwc/keyplanErrors/keyplanErrors.ts'), 'utf8');
    const union = /export type KeyplanErrorCode =([^;]+);/.exec(lwc)?.[1] ?? '';
    assert.deepEqual(
      [...union.matchAll(/'(\w+)'/g)].map((m) => m[1]).sort(),
      [...KeyplanErrorCode.options].sort()
    );
  });
});
