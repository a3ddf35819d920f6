const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');

const LWC_TS = ['force-app/**/lwc/**/*.ts'];

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      'artifacts/**',
      'preview/dist/**',
      '.sf/**',
      '.sfdx/**',
      // Compiled LWC output is generated from the .ts beside it (scripts/build-lwc.ts).
      'force-app/**/lwc/**/*.js',
      '**/*.d.ts'
    ]
  },
  // LWC platform rules (decorators, lifecycle, restricted APIs) on the component sources.
  ...lwcConfig.configs.recommendedTs.map((config) => ({ ...config, files: LWC_TS })),
  // typescript-eslint everywhere there is TypeScript, with its parser (the LWC rules work on its AST too).
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // The LWC parser reports TypeScript types as undefined globals: tsc checks these instead.
      'no-undef': 'off',
      'no-restricted-globals': 'off'
    }
  },
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@lwc/lwc/no-async-operation': 'off',
      '@lwc/lwc/no-document-query': 'off'
    }
  }
];
