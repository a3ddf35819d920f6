/**
 * `lightning/navigation` for component tests (mapped in jest.config.js, so every component and every test
 * file gets this one module, in a single file run and in the full run alike). It is sfdx-lwc-jest's stub
 * (its CurrentPageReference test wire adapter, its Navigate and GenerateUrl symbols) with a NavigationMixin
 * whose Navigate records each page reference in one shared `navigate` mock. Tests read it from here:
 * `import { navigate } from '<path>/test/jest/navigation.mock';`, then `navigate.mock.calls[0][0]` or
 * `expect(navigate).toHaveBeenCalledWith({...})`; `navigate.mockReset()` in a beforeEach starts over.
 */
const stub = require('@salesforce/sfdx-lwc-jest/src/lightning-stubs/navigation/navigation.js');

const { Navigate, GenerateUrl } = stub.NavigationMixin;

/** Called with the page reference (and `replace`, when the component passes it). */
const navigate = jest.fn();

const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageRef, replace) {
      if (replace === undefined) navigate(pageRef);
      else navigate(pageRef, replace);
    }
    [GenerateUrl]() {
      return Promise.resolve('https://www.example.com');
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** The `defaultFieldValues` of a create-form page reference, decoded: `{ Name: 'Win over ...', ... }`. */
function fieldValuesOf(pageRef) {
  const encoded = (pageRef && pageRef.state && pageRef.state.defaultFieldValues) || '';
  return Object.fromEntries(
    encoded
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=').map(decodeURIComponent))
  );
}

module.exports = {
  __esModule: true,
  CurrentPageReference: stub.CurrentPageReference,
  NavigationMixin,
  navigate,
  fieldValuesOf
};
