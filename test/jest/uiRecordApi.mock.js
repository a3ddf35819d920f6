/**
 * `lightning/uiRecordApi` for component tests: sfdx-lwc-jest's stubs (getRecord test wire adapters,
 * getFieldValue, ...) with an `updateRecord` that answers like the platform: it resolves with the
 * saved record (the fields written, a new lastModifiedDate). Tests assert the record input and
 * client options it was called with, and reject it to play a refused write, e.g. a stale one:
 * `updateRecord.mockRejectedValueOnce({ status: 412, body: [{ errorCode: 'PRECONDITION_FAILED', ... }] })`.
 */
const stubs = require('@salesforce/sfdx-lwc-jest/src/lightning-stubs/uiRecordApi/uiRecordApi.js');

const updateRecord = jest.fn((recordInput) => {
  const input = recordInput && recordInput.fields ? recordInput.fields : {};
  const fields = {};
  for (const [name, value] of Object.entries(input)) {
    fields[name] = { value, displayValue: value === null || value === undefined ? null : String(value) };
  }
  return Promise.resolve({
    id: String(input.Id),
    apiName: recordInput.apiName || '',
    lastModifiedDate: new Date().toISOString(),
    fields
  });
});

module.exports = { __esModule: true, ...stubs, updateRecord };
