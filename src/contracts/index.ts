/**
 * Data contracts: the zod schemas of every DTO the Apex controllers and the local org return and
 * accept. Components import only the inferred types (`import type`), so there is one source.
 */
export * from './errors';
export * from './common';
export * from './orgChart';
export * from './whitespace';
export * from './bant';
export * from './plan';
export * from './settings';
export * from './activity';
export * from './sinceReview';
