/** What a `@wire` property receives: data or error, never both. */
interface WireResult<T> {
  data?: T;
  error?: unknown;
}
