import { reduceErrors } from 'c/keyplanErrors';

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
