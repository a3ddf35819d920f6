/**
 * The org chart reads the account team through the cacheable OrgChartController.getAccountTeam wire.
 * Component tests get it as an Apex test wire adapter that emits nothing (the lane then lists our people
 * with links, as in an org without Account Teams) until a test emits a team:
 * `(getAccountTeam as unknown as { emit(v: unknown): void }).emit({ available: true, members: [...], truncated: false })`.
 */
const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');

module.exports = { __esModule: true, default: createApexTestWireAdapter(jest.fn()) };
