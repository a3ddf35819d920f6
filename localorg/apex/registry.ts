import type { ZodType } from 'zod';
import { apiMethod, resultSchema } from '../../src/contracts/api';
import type { FieldAccess } from '../fls';
import type { LocalOrg } from '../org';
import type { QueryOutput } from '../soql';

/** What an Apex twin gets besides its parameters: the org, the running user and SOQL with binds. */
export interface ApexContext {
  org: LocalOrg;
  userId: string;
  access: FieldAccess;
  /**
   * Runs SOQL like Apex does (`:name` binds from `binds`), enforcing the user's field access when the
   * query says `WITH USER_MODE` (every Keyplan query does).
   */
  query(soql: string, binds?: Record<string, unknown>): QueryOutput['records'];
}

/** A twin of one @AuraEnabled method: named parameters in, plain JSON out (or throws AuraError). */
export type ApexHandler = (params: Record<string, unknown>, ctx: ApexContext) => unknown | Promise<unknown>;

export interface ApexRoute {
  className: string;
  method: string;
  params: string[];
  handler: ApexHandler;
  /** The zod contract of the result (from the manifest); the route fails loudly when the twin drifts. */
  result?: ZodType;
}

/**
 * The body of an AuraHandledException as components receive it in `error.body`. Throw this from a
 * twin where the Apex method throws AuraHandledException.
 */
export class AuraError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, { message: string; statusCode?: string }[]>,
    readonly pageErrors?: { message: string; statusCode?: string }[]
  ) {
    super(message);
    this.name = 'AuraError';
  }
}

const routes = new Map<string, ApexRoute>();

/**
 * Registers the local twin of `Class.method`, an entry of the Apex API manifest (src/contracts/api.ts):
 * the parameter names (in Apex order) and the result contract come from the manifest, so the twin
 * cannot disagree with the types, the docs or the `.cls` (the parity test compares the manifest with
 * the @AuraEnabled signatures). Throws when the method is not in the manifest.
 */
export function registerApex(key: `${string}.${string}`, handler: ApexHandler): void {
  const m = apiMethod(key);
  registerRoute(
    m.className,
    m.method,
    m.params.map((p) => p.name),
    handler,
    { result: resultSchema(m) ?? undefined }
  );
}

/**
 * Registers a route that is not part of the Apex API (tests register throwaway probes with it).
 * Controllers use registerApex.
 */
export function registerRoute(
  className: string,
  method: string,
  params: string[],
  handler: ApexHandler,
  options: { result?: ZodType } = {}
): void {
  routes.set(`${className}.${method}`, { className, method, params, handler, result: options.result });
}

/** The registered twin of `Class.method`, if any. */
export function getApexRoute(className: string, method: string): ApexRoute | undefined {
  return routes.get(`${className}.${method}`);
}

/** Every registered twin (for the parity test and the route listing). */
export function listApexRoutes(): ApexRoute[] {
  return [...routes.values()];
}

/** Removes a twin (tests register throwaway ones). */
export function unregisterApex(className: string, method: string): void {
  routes.delete(`${className}.${method}`);
}
