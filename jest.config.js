const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  moduleNameMapper: {
    ...(jestConfig.moduleNameMapper || {}),
    // npm packages bundled into c/ modules by the build: jest reads the package itself.
    '^c/d3Hierarchy$': '<rootDir>/node_modules/d3-hierarchy/dist/d3-hierarchy.js'
  },
  setupFilesAfterEnv: ['<rootDir>/jest.setup.js'],
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/.localdevserver/', '<rootDir>/test/', '<rootDir>/e2e/'],
  collectCoverageFrom: ['force-app/**/lwc/**/*.ts', '!force-app/**/lwc/**/__tests__/**', '!**/*.d.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: { global: { lines: 80, branches: 70 } }
};
