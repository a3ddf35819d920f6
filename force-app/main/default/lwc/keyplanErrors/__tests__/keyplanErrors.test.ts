import { errorCode, isConflict, keyplanError, reduceErrors } from 'c/keyplanErrors';

describe('reduceErrors', () => {
  it('returns nothing for no error', () => {
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors([])).toEqual([]);
  });

  it('reads an AuraHandledException body', () => {
    expect(
      reduceErrors({ body: { message: 'The record changed since you loaded it. Reload and try again.' } })
    ).toEqual(['The record changed since you loaded it. Reload and try again.']);
  });

  it('passes validation-rule page and field errors through, naming the field', () => {
    const error = {
      body: {
        pageErrors: [
          {
            message: 'A link cannot join a contact to themselves.',
            statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION'
          }
        ],
        fieldErrors: { Strength__c: [{ message: 'Strength must be between 1 and 5.' }] }
      }
    };
    expect(reduceErrors(error)).toEqual([
      'A link cannot join a contact to themselves.',
      'Strength__c: Strength must be between 1 and 5.'
    ]);
  });

  it('handles UI API output errors, JS errors, strings and arrays, without duplicates', () => {
    const uiApi = { body: { output: { errors: [{ message: 'Field is read-only.' }] } } };
    expect(reduceErrors([uiApi, new Error('Network down'), 'Plain text', 'Plain text'])).toEqual([
      'Field is read-only.',
      'Network down',
      'Plain text'
    ]);
  });

  it('falls back to the HTTP status text, then to a generic message', () => {
    expect(reduceErrors({ statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
    expect(reduceErrors({ foo: 1 })).toEqual(['Unknown error']);
    expect(reduceErrors(42)).toEqual(['42']);
  });
});

describe('Keyplan error codes', () => {
  const apex = (body: Record<string, unknown>): { body: { message: string } } => ({
    body: { message: JSON.stringify(body) }
  });

  it('reduceErrors shows the human message of a coded Apex error, never the JSON', () => {
    const stale = apex({
      code: 'CONFLICT',
      message: 'Contact Ada was changed by someone else since you opened it.'
    });
    expect(reduceErrors(stale)).toEqual(['Contact Ada was changed by someone else since you opened it.']);
    const rule = apex({
      code: 'VALIDATION',
      message: 'Competitor__c: State is Competitor, so enter the name.',
      fieldErrors: {
        Competitor__c: [{ message: 'State is Competitor, so enter the name.', statusCode: 'X' }]
      }
    });
    expect(reduceErrors(rule)).toEqual(['Competitor__c: State is Competitor, so enter the name.']);
  });

  it('errorCode and isConflict read the code, not the prose', () => {
    expect(errorCode(apex({ code: 'CONFLICT', message: 'Anything at all' }))).toBe('CONFLICT');
    expect(isConflict(apex({ code: 'CONFLICT', message: 'Anything at all' }))).toBe(true);
    expect(
      isConflict(apex({ code: 'VALIDATION', message: 'someone else changed nothing; stale text' }))
    ).toBe(false);
    expect(isConflict({ body: { message: 'The record was changed by someone else.' } })).toBe(false);
    expect(errorCode(new Error('Network down'))).toBeNull();
    expect(errorCode([undefined, apex({ code: 'NO_ACCESS', message: 'No access' })])).toBe('NO_ACCESS');
  });

  it('isConflict recognises a UI API write refused by ifUnmodifiedSince (Lightning Data Service)', () => {
    const refused = { errorCode: 'PRECONDITION_FAILED', message: 'The record was modified after that date.' };
    // The shapes a rejected updateRecord can carry: status 412, the code in the body, in a REST error
    // array, or among the record errors of an "Error with Output".
    expect(isConflict({ status: 412, statusText: 'Precondition Failed', ok: false, body: {} })).toBe(true);
    expect(isConflict({ status: 400, body: refused })).toBe(true);
    expect(isConflict({ status: 400, body: [refused] })).toBe(true);
    expect(isConflict({ body: { output: { errors: [refused], fieldErrors: {} } } })).toBe(true);
    expect(isConflict([new Error('first'), { status: 412, body: [refused] }])).toBe(true);
    // Other UI API failures are not conflicts: a validation rule, a field error, no access.
    expect(
      isConflict({
        status: 400,
        body: { output: { errors: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'No' }] } }
      })
    ).toBe(false);
    expect(isConflict({ status: 403, body: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No' }] })).toBe(
      false
    );
    expect(isConflict({ status: 400, body: { message: 'The record was changed by someone else.' } })).toBe(
      false
    );
    expect(isConflict(null)).toBe(false);
  });

  it('keyplanError exposes field errors and the reference of an unexpected error', () => {
    const body = keyplanError(
      apex({ code: 'UNEXPECTED', message: 'Something went wrong (reference KP-1).', reference: 'KP-1' })
    );
    expect(body).toEqual({
      code: 'UNEXPECTED',
      message: 'Something went wrong (reference KP-1).',
      reference: 'KP-1'
    });
    expect(keyplanError({ body: { message: '{not json' } })).toBeNull();
    expect(keyplanError({ body: { message: '{"message":"no code"}' } })).toBeNull();
  });
});
