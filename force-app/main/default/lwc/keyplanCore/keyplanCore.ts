/**
 * Keyplan domain core: pure TypeScript shared by the components, the local org, the scripts and the
 * benchmarks. No DOM, no Salesforce imports. Every scoring function takes the admin settings.
 */
export * from './settings';
export * from './orgChart';
export * from './layout';
export * from './heat';
export * from './coverage';
export * from './figures';
export * from './matrix';
export * from './bant';
export * from './planScore';
export * from './shownScore';
export * from './format';
export * from './nextMoves';
