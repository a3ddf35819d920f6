/**
 * View model of the whitespace matrix, shared by the container (c-whitespace-matrix) and its grid
 * (c-whitespace-grid): pure TypeScript, no DOM, no Salesforce imports, so the benchmark runs it in Node.
 */
export * from './viewModel';
export * from './gridNav';
