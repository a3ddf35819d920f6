/**
 * Error shaping for every Keyplan component: turns whatever the platform hands a component (an Apex
 * `AuraHandledException`, a UI API error, a DML error with field errors, a JS Error, a string, or an
 * array of those) into plain messages a user can act on. Pure TypeScript, no DOM.
 */

interface ErrorLike {
  message?: unknown;
  body?: unknown;
  statusText?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The codes KeyplanErrors.cls (and the local twins) put on every error a controller throws. */
export type KeyplanErrorCode = 'CONFLICT' | 'VALIDATION' | 'INVALID_INPUT' | 'NO_ACCESS' | 'UNEXPECTED';

/**
 * The JSON body KeyplanErrors.toAura writes into an AuraHandledException's message: a code to react to,
 * the human message to show, DML errors by field and, for unexpected failures, a logged reference.
 */
export interface KeyplanErrorBody {
  code: string;
  message: string;
  fieldErrors?: Record<string, { message: string; statusCode?: string }[]>;
  reference?: string;
}

/** Reads a Keyplan JSON error message; null for any other text. */
export function parseKeyplanMessage(text: unknown): KeyplanErrorBody | null {
  if (typeof text !== 'string' || !text.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed) || typeof parsed.code !== 'string' || typeof parsed.message !== 'string') return null;
  return {
    code: parsed.code,
    message: parsed.message,
    ...(isObject(parsed.fieldErrors)
      ? { fieldErrors: parsed.fieldErrors as KeyplanErrorBody['fieldErrors'] }
      : {}),
    ...(typeof parsed.reference === 'string' ? { reference: parsed.reference } : {})
  };
}

/** The structured Keyplan body of the first error (or array of errors) that carries one. */
export function keyplanError(errors: unknown): KeyplanErrorBody | null {
  for (const error of Array.isArray(errors) ? errors : [errors]) {
    if (!isObject(error)) continue;
    const body = error.body;
    const found =
      (isObject(body) ? parseKeyplanMessage(body.message) : null) ?? parseKeyplanMessage(error.message);
    if (found) return found;
  }
  return null;
}

/**
 * The machine-readable code of an Apex error, or null when it carries none (UI API, network, JS errors).
 * @example errorCode({ body: { message: '{"code":"CONFLICT","message":"..."}' } }) // 'CONFLICT'
 */
export function errorCode(errors: unknown): string | null {
  return keyplanError(errors)?.code ?? null;
}

/** The error code the UI API (and REST API) give a write refused by its `If-Unmodified-Since` guard. */
export const PRECONDITION_FAILED = 'PRECONDITION_FAILED';

/** Every `errorCode` a UI API error body carries: the body itself, a REST error array, `output.errors`. */
function uiApiErrorCodes(body: unknown): string[] {
  if (Array.isArray(body)) return body.flatMap(uiApiErrorCodes);
  if (!isObject(body)) return [];
  const own = typeof body.errorCode === 'string' ? [body.errorCode] : [];
  const output = isObject(body.output) && Array.isArray(body.output.errors) ? body.output.errors : [];
  return [...own, ...output.flatMap(uiApiErrorCodes)];
}

/**
 * True when a UI API write (`updateRecord(input, { ifUnmodifiedSince })`) was refused because the record
 * changed after that date: HTTP 412 Precondition Failed, or a PRECONDITION_FAILED error code in its body.
 */
function isUiApiConflict(errors: unknown): boolean {
  return (Array.isArray(errors) ? errors : [errors]).some(
    (error) =>
      isObject(error) && (error.status === 412 || uiApiErrorCodes(error.body).includes(PRECONDITION_FAILED))
  );
}

/**
 * True when a save was refused because someone else changed the record since it was loaded: an Apex
 * error with the CONFLICT code, or a UI API write refused by its stale-write guard (Lightning Data Service).
 */
export function isConflict(errors: unknown): boolean {
  return errorCode(errors) === 'CONFLICT' || isUiApiConflict(errors);
}

function messagesOfBody(body: unknown): string[] {
  if (Array.isArray(body)) return body.flatMap(messagesOfBody);
  if (!isObject(body)) return typeof body === 'string' && body ? [body] : [];
  const out: string[] = [];
  const { pageErrors, fieldErrors, errors, output, message } = body;
  if (Array.isArray(pageErrors)) out.push(...pageErrors.flatMap(messagesOfBody));
  if (Array.isArray(errors)) out.push(...errors.flatMap(messagesOfBody));
  if (isObject(fieldErrors)) {
    for (const [field, errs] of Object.entries(fieldErrors)) {
      for (const m of messagesOfBody(errs)) out.push(`${field}: ${m}`);
    }
  }
  if (isObject(output)) out.push(...messagesOfBody(output));
  if (typeof message === 'string' && message) out.push(parseKeyplanMessage(message)?.message ?? message);
  return out;
}

/**
 * Reduces one or many errors to a de-duplicated list of messages, most specific first.
 * @example reduceErrors({ body: { message: 'Record changed since you loaded it.' } })
 *          // ['Record changed since you loaded it.']
 */
export function reduceErrors(errors: unknown): string[] {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = list.flatMap((error: unknown): string[] => {
    if (error === undefined || error === null || error === '') return [];
    if (typeof error === 'string') return [error];
    if (!isObject(error)) return [String(error)];
    const e = error as ErrorLike;
    const fromBody = messagesOfBody(e.body);
    if (fromBody.length) return fromBody;
    if (typeof e.message === 'string' && e.message)
      return [parseKeyplanMessage(e.message)?.message ?? e.message];
    if (typeof e.statusText === 'string' && e.statusText) return [e.statusText];
    return ['Unknown error'];
  });
  return [...new Set(messages)];
}
