/**
 * Keyplan domain core: pure TypeScript shared by the components, the local org, the scripts and the
 * benchmarks. No DOM, no Salesforce imports. Every scoring function takes the admin settings.
 */
export * from './settings';
export * from './orgChart';
export * from './orgChartFilter';
export * from './orgChartSearch';
export * from './layout';
export * from './compactLayout';
export * from './linkPlacement';
export * from './viewportIndex';
export * from './heat';
export * from './activity';
export * from './sinceReview';
export * from './coverage';
export * from './figures';
export * from './matrix';
export * from './matrixGroups';
export * from './bant';
export * from './bantRoles';
export * from './planScore';
export * from './shownScore';
export * from './format';
export * from './team';
export * from './worklist';
export * from './prefill';
export * from './nextMoves';
