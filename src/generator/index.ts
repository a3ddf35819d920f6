/** Deterministic synthetic Keyplan data for tests, benchmarks and the local org. */
export * from './random';
export * from './generateAccount';
export * from './orgShape';
export * from './activity';
