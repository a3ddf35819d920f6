/**
 * Every component reads the org's settings through the cacheable KeyplanSettingsController.getSettings
 * wire (docs/SETTINGS.md). Component tests get it as an Apex test wire adapter that emits nothing, so
 * the components run on the built-in defaults until a test emits the org's settings:
 * `(getSettings as unknown as { emit(v: unknown): void }).emit({ values: {...}, overridden: [...] })`.
 */
const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');

module.exports = { __esModule: true, default: createApexTestWireAdapter(jest.fn()) };
