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
  if (typeof message === 'string' && message) out.push(message);
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
    if (typeof e.message === 'string' && e.message) return [e.message];
    if (typeof e.statusText === 'string' && e.statusText) return [e.statusText];
    return ['Unknown error'];
  });
  return [...new Set(messages)];
}
