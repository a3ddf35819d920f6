import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FieldDef, ObjectDef } from '../src/schema';
import { AuraError, getApexRoute, loadApexTwins, type ApexContext } from './apex';
import { SfError, toErrorItems, toSaveErrors } from './errors';
import { loadFieldAccess, loadUserAccess, SYSTEM_FIELDS, type FieldAccess } from './fls';
import { coreWarnings } from './formulas';
import { normalizeId } from './ids';
import { apiVersions, identity, normalizeApiPath, userInfo } from './identity';
import { isHistoryObject, LocalOrg, ORG_ID } from './org';
import { recordUrl, runQuery, type OutRecord } from './soql';
import { BulkApi } from './bulk2';
import { compositeTree } from './tree';
import { queryColumns } from './columns';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The project this local org serves by default. */
export const DEFAULT_FORCE_APP = path.resolve(HERE, '../force-app/main/default');
export const DEFAULT_DB_FILE = path.resolve(HERE, 'data/keyplan.sqlite');
const API = '/services/data/v62.0';
const BATCH = 2000;

/**
 * Largest request body the local org reads: 6 MB, the synchronous Apex heap a request body has to fit
 * into on the platform (the REST API refuses bigger JSON payloads there too). A bigger body is refused
 * with 413 before it is parsed; the connection is closed.
 */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;
/**
 * Deepest JSON nesting a body may have. Keyplan's deepest legitimate body (a composite request with an
 * sObject collection inside) nests 6 levels; 64 leaves room without letting a 20,000-deep body reach
 * the recursive code behind the parser.
 */
export const MAX_JSON_DEPTH = 64;

export interface LocalOrgOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  dbFile?: string;
  forceAppDir?: string;
  /**
   * Bearer token clients must send. Default: `LOCALORG_TOKEN` (at least 16 characters) or a random
   * token made at every start (crypto.randomBytes); there is no fixed token.
   */
  token?: string;
  /** Request body cap in bytes (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /**
   * Where to write `{ url, token, user }` for other local clients (mode 0600, removed on close), e.g.
   * sessionFileOf(dbFile). Nothing is written when unset.
   */
  sessionFile?: string;
  /** Permission set whose field access `WITH USER_MODE` queries get (default Keyplan_User). */
  permissionSet?: string;
  /**
   * Who requests run as: an alias or Username of LOCAL_USERS (users.ts). Default `LOCALORG_USER`, then
   * `demo` (the account manager with Keyplan_User). `admin` is the all-permissions integration user the
   * CLI imports as; `minimum` has no permission set and reads nothing.
   */
  user?: string;
}

export interface RunningLocalOrg {
  url: string;
  token: string;
  org: LocalOrg;
  access: FieldAccess;
  /** How many requests ended in an unexpected server error (500 with a reference) since the start. */
  readonly serverErrors: number;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** A non-JSON answer (Bulk API CSV results): sent as is with this content type. */
  text?: { contentType: string; data: string };
  /** Extra response headers (Bulk API result paging: Sforce-Locator, Sforce-NumberOfRecords). */
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

/** Counts unexpected errors; the robustness suite asserts it stays 0. */
const unexpectedCount = { value: 0 };

/**
 * An exception nobody expected: logged with a reference on the server, answered as a 500 carrying
 * only that reference (no exception type, message or stack reaches the client).
 */
export function unexpectedError(err: unknown, where: string): Reply {
  const ref = randomUUID().slice(0, 8).toUpperCase();
  unexpectedCount.value++;
  console.error(`[localorg] unexpected error ${ref} on ${where}:`, err);
  return {
    status: 500,
    body: [
      {
        errorCode: 'UNKNOWN_EXCEPTION',
        message: `An unexpected error occurred. Please include this ErrorId if you contact support: ${ref}`,
        fields: []
      }
    ]
  };
}

const restError = (err: unknown, where = 'REST'): Reply =>
  err instanceof HttpError
    ? { status: err.status, body: err.body }
    : err instanceof SfError
      ? { status: err.status, body: toErrorItems(err) }
      : unexpectedError(err, where);

export const bad = (errorCode: string, message: string, status = 400): HttpError =>
  new HttpError(status, [{ errorCode, message, fields: [] }]);

/** Conditional request headers the REST routes honour. */
export interface RequestConditions {
  /** `If-Unmodified-Since` of a record update: an HTTP date or an ISO date-time. */
  ifUnmodifiedSince?: string;
}

/**
 * The time of an `If-Unmodified-Since` header (HTTP date, or the ISO date-time Salesforce clients send,
 * `+0000` offsets included); undefined without one. An unreadable value is a 400, as in the org.
 */
function unmodifiedSince(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const time = Date.parse(header.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(time))
    throw bad(
      'INVALID_HEADER_VALUE',
      `If-Unmodified-Since: ${JSON.stringify(header.slice(0, 100))} is not a date (use an HTTP date or an ISO date-time)`
    );
  return time;
}

/** The bearer token of this start: the given one, LOCALORG_TOKEN, or a random one. */
function tokenOf(given: string | undefined): string {
  if (given) return given;
  const env = process.env.LOCALORG_TOKEN;
  if (env !== undefined) {
    if (env.length < 16)
      throw new Error('LOCALORG_TOKEN must be at least 16 characters (or unset it for a random token)');
    return env;
  }
  return newToken();
}

/**
 * A random token shaped like a Salesforce session id, `<15-character org id>!<secret>` (the secret is
 * 32 random bytes, base64url with '-' read as '.'): `sf org login access-token` refuses a token that
 * does not look like `00D...!...`.
 */
export function newToken(): string {
  return `${ORG_ID.slice(0, 15)}!${randomBytes(32).toString('base64url').replace(/-/g, '.')}`;
}

/** The session file next to a database file: `<db>.session.json` (gitignored with the database). */
export function sessionFileOf(dbFile: string): string {
  return `${dbFile}.session.json`;
}

/** What a local org writes to its session file. */
export interface LocalOrgSession {
  url: string;
  token: string;
  user: string;
  pid: number;
}

/** Reads the session of the local org serving a database (`npm run localorg` writes it), if any. */
export function readSession(
  dbFile = process.env.LOCALORG_DB ?? DEFAULT_DB_FILE
): LocalOrgSession | undefined {
  try {
    return JSON.parse(readFileSync(sessionFileOf(dbFile), 'utf8')) as LocalOrgSession;
  } catch {
    return undefined;
  }
}

/** Compares the Authorization header with the token in constant time. */
function authorized(header: string | undefined, token: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header ?? ''), digest(`Bearer ${token}`));
}

/**
 * Starts the local org: loads the schema from force-app, opens (and migrates) the SQLite file, loads
 * the Apex twins and serves the Salesforce REST subset jsforce uses plus `POST /apex/<Class>/<method>`.
 */
export async function startLocalOrg(options: LocalOrgOptions = {}): Promise<RunningLocalOrg> {
  const forceAppDir = options.forceAppDir ?? DEFAULT_FORCE_APP;
  const org = LocalOrg.open({
    forceAppDir,
    dbFile: options.dbFile ?? process.env.LOCALORG_DB ?? DEFAULT_DB_FILE,
    user: options.user ?? process.env.LOCALORG_USER ?? 'demo'
  });
  const access = options.permissionSet
    ? loadFieldAccess(org.schema, forceAppDir, options.permissionSet)
    : loadUserAccess(org.schema, forceAppDir, org.user.profile, org.user.permissionSets);
  await loadApexTwins();
  const token = tokenOf(options.token);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const rest = new RestApi(org, access);
  const bulk = new BulkApi(rest);
  let serverUrl = '';
  const url$ = (): string => serverUrl;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Last resort: whatever failed while answering must not take the server down.
      const reply = unexpectedError(err, `${req.method} ${String(req.url).slice(0, 200)}`);
      if (res.writableEnded) return;
      if (res.headersSent) return void res.destroy();
      res
        .writeHead(500, { 'Content-Type': 'application/json;charset=UTF-8' })
        .end(JSON.stringify(reply.body));
    });
  });
  // No CORS headers at all: the local org is same-origin only. A page on another origin can neither
  // read its answers nor send the Authorization header (that needs a preflight, which gets no grant).
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let reply: Reply;
    let closeAfter = false;
    try {
      let url: URL;
      try {
        // A client joining an instance URL that ends in '/' sends '//services/...' (sf CLI does): one slash.
        url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), 'http://localhost');
      } catch {
        throw bad('NOT_FOUND', `Malformed request URL: ${String(req.url).slice(0, 200)}`, 404);
      }
      if (url.pathname === '/' || url.pathname === '/health')
        reply = { status: 200, body: { ok: true, objects: org.schema.objects.size, warnings: coreWarnings } };
      else if (!authorized(req.headers.authorization, token)) {
        reply = {
          status: 401,
          body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID', fields: [] }]
        };
      } else {
        const method = req.method ?? 'GET';
        const pathname = normalizeApiPath(url.pathname);
        const csvUpload = isCsv(req.headers['content-type']);
        let body: unknown;
        try {
          body = csvUpload ? await readText(req, BULK_MAX_BYTES) : await readBody(req, maxBodyBytes);
        } catch (err) {
          if (err instanceof HttpError && err.status === 413) closeAfter = true;
          throw err;
        }
        if (pathname.startsWith('/apex/')) reply = await rest.apex(pathname, body, method);
        else if (pathname === '/services/oauth2/userinfo' || pathname.startsWith('/id/'))
          reply = identityRoute(org, url$(), method, pathname);
        else if (pathname === '/services/data' || pathname === '/services/data/')
          reply = getOnly(method, () => apiVersions());
        else if (pathname.startsWith(`${API}/jobs/`))
          reply = bulk.dispatch(
            method,
            pathname.slice(`${API}/jobs/`.length),
            url.searchParams,
            body,
            csvUpload
          );
        else if (csvUpload)
          throw bad(
            'UNSUPPORTED_MEDIA_TYPE',
            'Only Bulk API 2.0 job data (jobs/ingest/<id>/batches) is sent as text/csv',
            415
          );
        else
          reply = rest.dispatch(method, pathname, url.searchParams, body, {
            ifUnmodifiedSince: req.headers['if-unmodified-since']
          });
      }
    } catch (err) {
      reply = restError(err, `${req.method} ${String(req.url).slice(0, 200)}`);
    }
    const headers: Record<string, string | number> = { ...reply.headers };
    if (closeAfter) headers.Connection = 'close';
    if (reply.text) {
      res
        .writeHead(reply.status, {
          ...headers,
          'Content-Type': reply.text.contentType,
          'Content-Length': Buffer.byteLength(reply.text.data)
        })
        .end(reply.text.data);
    } else if (reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
    } else {
      const text = JSON.stringify(reply.body);
      res
        .writeHead(reply.status, {
          ...headers,
          'Content-Type': 'application/json;charset=UTF-8',
          'Content-Length': Buffer.byteLength(text)
        })
        .end(text, () => {
          if (closeAfter) req.socket?.destroy();
        });
    }
  };

  const errorsAtStart = unexpectedCount.value;
  const port = options.port ?? Number(process.env.PORT ?? 0);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${actual}`;
  serverUrl = url;
  const sessionFile = options.sessionFile;
  if (sessionFile) {
    const session: LocalOrgSession = { url, token, user: org.userId, pid: process.pid };
    writeFileSync(sessionFile, `${JSON.stringify(session, null, 2)}\n`, { mode: 0o600 });
    chmodSync(sessionFile, 0o600);
  }
  const removeSession = (): void => {
    if (!sessionFile) return;
    try {
      if ((JSON.parse(readFileSync(sessionFile, 'utf8')) as LocalOrgSession).token === token)
        rmSync(sessionFile, { force: true });
    } catch {
      // already gone or rewritten by another start: leave it
    }
  };
  return {
    url,
    token,
    org,
    access,
    get serverErrors() {
      return unexpectedCount.value - errorsAtStart;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          removeSession();
          org.close();
          resolve();
        });
      })
  };
}

const tooLarge = (max: number): HttpError =>
  bad(
    'REQUEST_TOO_LARGE',
    `The request body is larger than the local org accepts (${max} bytes, the platform's 6 MB request heap); send fewer records per request`,
    413
  );

/** Reads and parses the JSON body: capped in size (413) and in nesting depth (400) before parsing. */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const text = await readText(req, maxBytes);
  return text === '' ? undefined : parseJsonBody(text);
}

/** Bulk API 2.0 job data is CSV (`text/csv`), read as text. */
function isCsv(contentType: string | undefined): boolean {
  return /^\s*text\/csv\b/i.test(contentType ?? '');
}

/**
 * Largest CSV a Bulk API 2.0 upload may carry: 150 MB, the platform's limit per job data upload
 * (jsforce sends a job's whole CSV in one request).
 */
export const BULK_MAX_BYTES = 150 * 1024 * 1024;

/** Reads a text body (CSV, or JSON for readBody), capped in size (413): the declared length first, then as it streams. */
async function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const getOnly = (method: string, answer: () => unknown): Reply => {
  if (method !== 'GET') throw bad('METHOD_NOT_ALLOWED', `HTTP method '${method}' not allowed here`, 405);
  return { status: 200, body: answer() };
};

/** `/services/oauth2/userinfo` and `/id/<org>/<user>` (identity.ts), GET only. */
function identityRoute(org: LocalOrg, base: string, method: string, pathname: string): Reply {
  if (pathname === '/services/oauth2/userinfo') return getOnly(method, () => userInfo(org, base));
  const [, , orgId = '', userId = '', ...more] = pathname.split('/');
  const answer = more.length ? undefined : identity(org, base, orgId, userId);
  if (!answer) throw bad('NOT_FOUND', `No identity at ${pathname.slice(0, 100)} for this session`, 404);
  return getOnly(method, () => answer);
}

/** Parses a request body, refusing nesting deeper than MAX_JSON_DEPTH before JSON.parse sees it. */
export function parseJsonBody(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (!text.trim()) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth)
        throw bad(
          'JSON_PARSER_ERROR',
          `The request body nests deeper than ${maxDepth} levels (at character ${i}); the local org refuses it`
        );
    } else if (c === 125 || c === 93) depth--;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw bad('JSON_PARSER_ERROR', `JSON parse error: ${(err as Error).message}`);
  }
}

/** decodeURIComponent that answers 404 for a malformed %-escape instead of throwing URIError. */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw bad(
      'NOT_FOUND',
      `The requested resource does not exist: malformed %-escape in '${part.slice(0, 100)}'`,
      404
    );
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const SF_TYPES: Record<FieldDef['type'], string> = {
  Id: 'id',
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Lookup: 'reference',
  MasterDetail: 'reference',
  AutoNumber: 'string'
};

/** The REST routes, independent of HTTP so `composite` can dispatch its sub-requests through them. */
export class RestApi {
  private cursors = new Map<string, { records: OutRecord[]; created: number }>();
  private cursorSeq = 0;

  constructor(
    readonly org: LocalOrg,
    readonly access: FieldAccess
  ) {}

  dispatch(
    method: string,
    pathname: string,
    search: URLSearchParams,
    body: unknown,
    conditions: RequestConditions = {}
  ): Reply {
    if (!pathname.startsWith(API))
      throw new HttpError(404, [
        { message: `Unknown path ${pathname}; the local org serves ${API}/...`, errorCode: 'NOT_FOUND' }
      ]);
    try {
      const parts = pathname.slice(API.length).split('/').filter(Boolean).map(decodePathPart);
      const [head, ...rest] = parts;
      if (head === 'query' || head === 'queryAll') {
        if (method !== 'GET')
          throw new HttpError(405, [{ message: 'query is GET only', errorCode: 'METHOD_NOT_ALLOWED' }]);
        if (!rest.length && search.get('columns') === 'true') {
          // Column metadata only (sf data query): the object must be readable, as in the query itself.
          const soql = search.get('q') ?? '';
          const meta = queryColumns(this.org, soql);
          this.readable(String(meta.entityName));
          return { status: 200, body: meta };
        }
        return rest.length ? this.queryMore(rest[0]) : this.query(search.get('q') ?? '');
      }
      if (head === 'sobjects') return this.sobjects(method, rest, search, body, conditions);
      if (head === 'composite' && rest[0] === 'sobjects')
        return this.collection(method, rest.slice(1), search, body);
      if (head === 'composite' && rest.length === 0 && method === 'POST') return this.composite(body);
      if (head === 'composite' && rest[0] === 'tree' && rest.length === 2) {
        if (method !== 'POST')
          throw new SfError(
            'METHOD_NOT_ALLOWED',
            `HTTP method '${method}' not allowed on composite/tree`,
            [],
            405
          );
        return compositeTree(
          {
            schema: this.org.schema,
            insert: (type, fields) => this.insertAsUser(type, fields),
            write: (fn) => this.org.write(fn)
          },
          rest[1],
          body
        );
      }
      if (head === undefined) {
        if (method !== 'GET')
          throw new SfError('METHOD_NOT_ALLOWED', `HTTP method '${method}' not allowed on ${API}`, [], 405);
        return {
          status: 200,
          body: { sobjects: `${API}/sobjects`, query: `${API}/query`, composite: `${API}/composite` }
        };
      }
      throw new HttpError(404, [
        { message: `The requested resource does not exist: ${pathname}`, errorCode: 'NOT_FOUND' }
      ]);
    } catch (err) {
      if (err instanceof HttpError) throw err;
      return restError(err, `${method} ${pathname}`);
    }
  }

  // ---- query ----

  private query(soql: string): Reply {
    if (!soql.trim()) throw new SfError('MALFORMED_QUERY', 'The q parameter is required');
    const result = runQuery(this.org, soql, { access: this.access, userMode: true });
    return { status: 200, body: this.page(result.records, result.totalSize, 0) };
  }

  private page(
    records: OutRecord[],
    totalSize: number,
    from: number,
    cursorId?: string
  ): Record<string, unknown> {
    const slice = records.slice(from, from + BATCH);
    const done = from + BATCH >= records.length;
    let next: string | undefined;
    if (!done) {
      const id = cursorId ?? `01gLOCAL${(++this.cursorSeq).toString().padStart(10, '0')}`;
      if (!cursorId) {
        this.cursors.set(id, { records, created: Date.now() });
        this.expireCursors();
      }
      next = `${API}/query/${id}-${from + BATCH}`;
    }
    return { totalSize, done, ...(next ? { nextRecordsUrl: next } : {}), records: slice };
  }

  private expireCursors(): void {
    const cutoff = Date.now() - 15 * 60_000;
    for (const [id, c] of this.cursors)
      if (c.created < cutoff || this.cursors.size > 100) this.cursors.delete(id);
  }

  private queryMore(locator: string): Reply {
    const m = /^(.+)-(\d+)$/.exec(locator);
    const cursor = m ? this.cursors.get(m[1]) : undefined;
    if (!m || !cursor) throw new SfError('INVALID_QUERY_LOCATOR', 'invalid query locator', [], 400);
    const from = Number(m[2]);
    const body = this.page(cursor.records, cursor.records.length, from, m[1]);
    if (body.done) this.cursors.delete(m[1]);
    return { status: 200, body };
  }

  // ---- sobjects ----

  private sobjects(
    method: string,
    parts: string[],
    search: URLSearchParams,
    body: unknown,
    conditions: RequestConditions = {}
  ): Reply {
    if (parts.length === 0) {
      if (method !== 'GET') throw new SfError('METHOD_NOT_ALLOWED', 'describeGlobal is GET only', [], 405);
      return { status: 200, body: this.describeGlobal() };
    }
    const obj = this.readable(parts[0]);
    if (parts.length === 1) {
      if (method === 'POST') {
        const id = this.org.write(() => this.org.insert(obj.name, this.writable(obj, body, 'create')));
        return { status: 201, body: { id, success: true, errors: [] } };
      }
      if (method === 'GET')
        return { status: 200, body: { objectDescribe: this.describeSummary(obj), recentItems: [] } };
    }
    if (parts.length === 2 && parts[1] === 'describe' && method === 'GET')
      return { status: 200, body: this.describe(obj) };
    if (parts.length === 2) {
      const id = parts[1];
      if (!normalizeId(id))
        throw new SfError('MALFORMED_ID', `${obj.name} ID: id value of incorrect type: ${id}`, ['Id']);
      if (method === 'GET') return { status: 200, body: this.retrieve(obj, id, search.get('fields')) };
      if (method === 'PATCH') {
        const since = unmodifiedSince(conditions.ifUnmodifiedSince);
        this.org.write(() => {
          if (since !== undefined) this.assertUnmodifiedSince(obj, id, since, conditions.ifUnmodifiedSince!);
          this.org.update(obj.name, id, this.writable(obj, body, 'edit'));
        });
        return { status: 204 };
      }
      if (method === 'DELETE') {
        this.deletable(obj);
        this.org.write(() => this.org.delete(obj.name, id));
        return { status: 204 };
      }
    }
    if (parts.length === 3) {
      const [, extField, extValue] = parts;
      if (method === 'PATCH') {
        const values = this.upsertable(obj, extField, body ?? {});
        const r = this.org.write(() => this.org.upsert(obj.name, extField, extValue, values));
        return {
          status: r.created ? 201 : 200,
          body: { id: r.id, success: true, errors: [], created: r.created }
        };
      }
      if (method === 'GET') {
        const field = this.org.field(obj, extField);
        if (!field || !this.access.canRead(obj.name, field.name))
          throw new SfError('NOT_FOUND', `No such external id field ${extField}`, [], 404);
        const rows = runQuery(this.org, `SELECT Id FROM ${obj.name} WHERE ${field.name} = :v`, {
          binds: { v: extValue },
          access: this.access,
          userMode: true
        }).records;
        if (!rows.length) throw new SfError('NOT_FOUND', 'The requested resource does not exist', [], 404);
        return {
          status: 200,
          body: this.retrieve(obj, String(rows[0].attributes.url).split('/').pop()!, search.get('fields'))
        };
      }
    }
    throw new SfError(
      'METHOD_NOT_ALLOWED',
      `HTTP method '${method}' not allowed on ${parts.join('/')}`,
      [],
      405
    );
  }

  /**
   * The `If-Unmodified-Since` guard of a record update: refused with 412 PRECONDITION_FAILED when the
   * record was modified after the given time. LastModifiedDate has whole seconds, so both compare at
   * seconds (a client may send the milliseconds it read). A missing record is left to the update.
   */
  private assertUnmodifiedSince(obj: ObjectDef, id: string, since: number, header: string): void {
    const norm = normalizeId(id);
    const rec = norm ? this.org.get(obj.name, norm) : undefined;
    if (!rec) return;
    const modified = Date.parse(String(rec.LastModifiedDate).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Math.floor(modified / 1000) > Math.floor(since / 1000))
      throw new SfError(
        'PRECONDITION_FAILED',
        `${obj.name} ${String(rec.Id)} was modified at ${String(rec.LastModifiedDate)}, after ${header} (If-Unmodified-Since): the update is refused.`,
        [],
        412
      );
  }

  private retrieve(obj: ObjectDef, id: string, fieldList: string | null): OutRecord {
    const norm = normalizeId(id);
    const rec = norm ? this.org.get(obj.name, norm) : undefined;
    if (!rec) throw new SfError('NOT_FOUND', 'The requested resource does not exist', [], 404);
    const wanted = fieldList
      ? fieldList.split(',').map((f) => {
          const field = this.org.field(obj, f.trim());
          if (!field || !this.access.canRead(obj.name, field.name))
            throw new SfError(
              'INVALID_FIELD',
              `No such column '${f.trim()}' on sobject of type ${obj.name}`,
              [f.trim()]
            );
          return field.name;
        })
      : obj.fields.filter((f) => this.access.canRead(obj.name, f.name)).map((f) => f.name);
    const out: OutRecord = { attributes: { type: obj.name, url: recordUrl(obj.name, rec.Id as string) } };
    for (const f of wanted) out[f] = rec[f];
    return out;
  }

  /** The object if the running user may read it; NOT_FOUND otherwise, as the org hides it. */
  private readable(name: string): ObjectDef {
    const obj = this.org.object(name);
    if (!this.access.object(obj.name).read)
      throw new SfError(
        'NOT_FOUND',
        `The requested resource does not exist: sObject type '${name}' is not supported.`,
        [],
        404
      );
    return obj;
  }

  /**
   * The values of a create or update if the running user may write them (REST always runs in user
   * mode): the object permission, then each field: unreadable fields do not exist for the user
   * (INVALID_FIELD), read-only ones are refused (INVALID_FIELD_FOR_INSERT_UPDATE).
   */
  private writable(obj: ObjectDef, body: unknown, op: 'create' | 'edit'): Record<string, unknown> {
    this.org.writable(obj.name); // custom metadata and field history: the org's own refusal
    if (!isObject(body))
      throw new SfError(
        'JSON_PARSER_ERROR',
        `The request body must be a JSON object of ${obj.name} field values`
      );
    const oa = this.access.object(obj.name);
    if (!(op === 'create' ? oa.create : oa.edit))
      throw new SfError(
        'INSUFFICIENT_ACCESS_OR_READONLY',
        `insufficient access rights: you cannot ${op === 'create' ? 'create' : 'edit'} ${obj.name} records`,
        [],
        403
      );
    for (const key of Object.keys(body)) {
      if (key === 'attributes' || (op === 'edit' && key.toLowerCase() === 'id')) continue;
      const f = this.org.field(obj, key);
      if (!f || !this.access.canRead(obj.name, f.name))
        throw new SfError('INVALID_FIELD', `No such column '${key}' on sobject of type ${obj.name}`, [key]);
      if (!this.access.canEdit(obj.name, f.name))
        throw new SfError(
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${f.name}. Please check the security settings of this field and verify that it is read/write for your user profile or permission set.`,
          [f.name]
        );
    }
    return body;
  }

  /** An upsert may create or update: both permissions, and the key field must be visible. */
  private upsertable(obj: ObjectDef, extField: string, body: unknown): Record<string, unknown> {
    const key = this.org.field(obj, extField);
    if (key && !this.access.canRead(obj.name, key.name))
      throw new SfError(
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${extField}`,
        [extField],
        404
      );
    this.writable(obj, body, 'create');
    return this.writable(obj, body, 'edit');
  }

  private deletable(obj: ObjectDef): void {
    this.org.writable(obj.name);
    if (!this.access.object(obj.name).delete)
      throw new SfError(
        'INSUFFICIENT_ACCESS_OR_READONLY',
        `insufficient access rights: you cannot delete ${obj.name} records`,
        [],
        403
      );
  }

  private describeSummary(obj: ObjectDef): Record<string, unknown> {
    const oa = this.access.object(obj.name);
    const editable = !obj.isMetadataType && !isHistoryObject(obj);
    return {
      name: obj.name,
      label: obj.label,
      labelPlural: obj.label,
      keyPrefix: obj.keyPrefix,
      custom: obj.custom,
      customSetting: false,
      queryable: true,
      retrieveable: true,
      searchable: false,
      createable: editable && oa.create,
      updateable: editable && oa.edit,
      deletable: editable && oa.delete,
      urls: {
        sobject: `${API}/sobjects/${obj.name}`,
        describe: `${API}/sobjects/${obj.name}/describe`,
        rowTemplate: `${API}/sobjects/${obj.name}/{ID}`
      }
    };
  }

  private describeGlobal(): Record<string, unknown> {
    return {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: [...this.org.schema.objects.values()]
        .filter((o) => this.access.object(o.name).read)
        .map((o) => this.describeSummary(o))
    };
  }

  private describe(obj: ObjectDef): Record<string, unknown> {
    const fields = obj.fields
      .filter((f) => this.access.canRead(obj.name, f.name))
      .map((f) => {
        const system = SYSTEM_FIELDS.has(f.name);
        const editable =
          !system &&
          !f.formula &&
          !f.readOnly &&
          !obj.isMetadataType &&
          !isHistoryObject(obj) &&
          this.access.canEdit(obj.name, f.name);
        return {
          name: f.name,
          label: f.label,
          type: SF_TYPES[f.type],
          custom: f.custom,
          length: f.length ?? 0,
          precision: f.precision ?? 0,
          scale: f.scale ?? 0,
          nillable: !f.required && f.type !== 'Checkbox' && f.name !== 'Id',
          createable: editable,
          updateable: editable && (f.type !== 'MasterDetail' || Boolean(f.reparentable)),
          unique: Boolean(f.unique),
          caseSensitive: Boolean(f.caseSensitive),
          externalId: Boolean(f.externalId),
          idLookup: f.name === 'Id' || Boolean(f.externalId),
          calculated: Boolean(f.formula),
          calculatedFormula: f.formula ?? null,
          defaultValueFormula: f.defaultValue ?? null,
          inlineHelpText: f.inlineHelpText ?? null,
          picklistValues: (f.picklistValues ?? []).map((v) => ({
            value: v,
            label: v,
            active: true,
            defaultValue: false,
            validFor: null
          })),
          restrictedPicklist: Boolean(f.picklistValues?.length),
          referenceTo: f.referenceTo ? [f.referenceTo] : [],
          relationshipName: f.relationshipName ?? null,
          cascadeDelete: f.type === 'MasterDetail'
        };
      });
    const childRelationships: Record<string, unknown>[] = [];
    for (const child of this.org.schema.objects.values()) {
      if (!this.access.object(child.name).read) continue;
      for (const f of child.fields) {
        if (
          f.referenceTo === obj.name &&
          f.childRelationshipName &&
          this.access.canRead(child.name, f.name)
        ) {
          childRelationships.push({
            childSObject: child.name,
            field: f.name,
            relationshipName: f.childRelationshipName,
            cascadeDelete: this.org.onDelete(child, f) === 'cascade',
            restrictedDelete: this.org.onDelete(child, f) === 'restrict'
          });
        }
      }
    }
    return { ...this.describeSummary(obj), fields, childRelationships, recordTypeInfos: [] };
  }

  // ---- sObject collections ----

  private collection(method: string, rest: string[], search: URLSearchParams, body: unknown): Reply {
    const allowed = rest.length === 0 ? ['POST', 'PATCH', 'DELETE'] : rest.length === 2 ? ['PATCH'] : [];
    if (!allowed.includes(method))
      throw new SfError(
        'METHOD_NOT_ALLOWED',
        `HTTP method '${method}' not allowed on composite/sobjects${rest.length ? `/${rest.join('/')}` : ''}`,
        [],
        allowed.length ? 405 : 404
      );
    if (body !== undefined && !isObject(body))
      throw bad('JSON_PARSER_ERROR', 'The request body must be a JSON object with a records array');
    const payload = (body ?? {}) as { allOrNone?: unknown; records?: unknown };
    if (payload.allOrNone !== undefined && typeof payload.allOrNone !== 'boolean')
      throw bad(
        'JSON_PARSER_ERROR',
        `allOrNone must be true or false, got ${JSON.stringify(payload.allOrNone)}`
      );
    let allOrNone = Boolean(payload.allOrNone);
    type Op = () => { id: string; created?: boolean };
    const ops: { id: string | null; run: Op }[] = [];
    if (method === 'DELETE') {
      allOrNone = search.get('allOrNone') === 'true';
      const ids = (search.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length > 200)
        throw new SfError(
          'EXCEEDED_ID_LIMIT',
          'record limit reached. cannot submit more than 200 records into this call'
        );
      for (const id of ids) {
        ops.push({
          id,
          run: () => {
            const obj = this.org.objectOfId(normalizeId(id) ?? '');
            if (!obj) throw new SfError('MALFORMED_ID', `malformed id ${id}`);
            this.deletable(this.readable(obj.name));
            this.org.delete(obj.name, id);
            return { id: normalizeId(id)! };
          }
        });
      }
    } else {
      const records = payload.records;
      if (!Array.isArray(records)) throw bad('JSON_PARSER_ERROR', 'records must be an array');
      if (records.length > 200)
        throw new SfError(
          'EXCEEDED_ID_LIMIT',
          'record limit reached. cannot submit more than 200 records into this call'
        );
      records.forEach((rec: unknown, i) => {
        if (!isObject(rec))
          throw bad(
            'JSON_PARSER_ERROR',
            `records[${i}] must be a JSON object of field values, got ${JSON.stringify(rec)}`
          );
        if (rec.attributes !== undefined && !isObject(rec.attributes))
          throw bad(
            'JSON_PARSER_ERROR',
            `records[${i}].attributes must be an object like {"type": "Account"}`
          );
      });
      for (const rec of records as Record<string, unknown>[]) {
        const rawType = (rec.attributes as { type?: unknown } | undefined)?.type;
        const type = typeof rawType === 'string' ? rawType : rest[0];
        const { attributes: _a, id: lowerId, Id, ...fields } = rec;
        void _a;
        const id = (Id ?? lowerId ?? null) as string | null;
        if (method === 'POST' && rest.length === 0) {
          ops.push({
            id: null,
            run: () => {
              const obj = this.readable(this.typeOf(type));
              if (id !== null && id !== undefined)
                throw new SfError('INVALID_FIELD', 'Record ID: cannot specify Id in an insert call', ['Id']);
              return { id: this.org.insert(obj.name, this.writable(obj, fields, 'create')) };
            }
          });
        } else if (method === 'PATCH' && rest.length === 0) {
          ops.push({
            id,
            run: () => {
              if (!id) throw new SfError('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
              const obj = this.readable(this.typeOf(type));
              this.org.update(obj.name, id, this.writable(obj, fields, 'edit'));
              return { id: normalizeId(id)! };
            }
          });
        } else if (method === 'PATCH' && rest.length === 2) {
          const [objName, extField] = rest;
          ops.push({
            id: null,
            run: () => {
              const key = Object.keys(rec).find((k) => k.toLowerCase() === extField.toLowerCase());
              if (!key) throw new SfError('MISSING_ARGUMENT', `${extField} not specified`, [extField]);
              const { [key]: value, attributes: _x, ...others } = rec;
              void _x;
              if (value === null || value === '' || (typeof value !== 'string' && typeof value !== 'number'))
                throw new SfError(
                  'MISSING_ARGUMENT',
                  `${extField} must be a non-empty text or number value to upsert on, got ${JSON.stringify(value)}`,
                  [extField]
                );
              const obj = this.readable(objName);
              return this.org.upsert(
                obj.name,
                extField,
                String(value),
                this.upsertable(obj, extField, others)
              );
            }
          });
        } else {
          throw new SfError(
            'METHOD_NOT_ALLOWED',
            `HTTP method '${method}' not allowed on composite/sobjects/${rest.join('/')}`,
            [],
            405
          );
        }
      }
    }
    const results: Record<string, unknown>[] = [];
    let failed = false;
    const rollback = new Error('all or none');
    try {
      this.org.write(() => {
        for (const op of ops) {
          try {
            const r = this.org.write(op.run);
            results.push({
              id: r.id,
              success: true,
              errors: [],
              ...(r.created !== undefined ? { created: r.created } : {})
            });
          } catch (err) {
            failed = true;
            results.push({ id: op.id, success: false, errors: toSaveErrors(err) });
          }
        }
        if (failed && allOrNone) throw rollback;
      });
    } catch (err) {
      if (err !== rollback) throw err;
      return {
        status: 200,
        body: results.map((r) =>
          r.success
            ? {
                id: null,
                success: false,
                errors: [
                  {
                    statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                    message:
                      'Record rolled back because not all records were valid and the request was using AllOrNone header',
                    fields: []
                  }
                ]
              }
            : { ...r, id: null }
        )
      };
    }
    return { status: 200, body: results };
  }

  /** Inserts one record with the REST API's user-mode checks (object and field permissions). */
  insertAsUser(type: string, fields: unknown): string {
    const obj = this.readable(type);
    return this.org.insert(obj.name, this.writable(obj, fields, 'create'));
  }

  private typeOf(type: string | undefined): string {
    if (!type) throw new SfError('INVALID_TYPE', 'Each record needs attributes.type');
    return this.org.object(type).name;
  }

  // ---- composite ----

  private composite(body: unknown): Reply {
    if (!isObject(body))
      throw bad('JSON_PARSER_ERROR', 'The request body must be a JSON object with a compositeRequest array');
    const payload = body as { allOrNone?: unknown; compositeRequest?: unknown };
    if (payload.allOrNone !== undefined && typeof payload.allOrNone !== 'boolean')
      throw bad(
        'JSON_PARSER_ERROR',
        `allOrNone must be true or false, got ${JSON.stringify(payload.allOrNone)}`
      );
    const raw = payload.compositeRequest;
    if (!Array.isArray(raw)) throw bad('JSON_PARSER_ERROR', 'compositeRequest must be an array');
    if (raw.length > 25) throw bad('LIMIT_EXCEEDED', 'A composite request can have at most 25 subrequests');
    const seenRefs = new Set<string>();
    const subs = raw.map((sub: unknown, i) => {
      const where = `compositeRequest[${i}]`;
      if (!isObject(sub))
        throw bad('JSON_PARSER_ERROR', `${where} must be an object, got ${JSON.stringify(sub)}`);
      if (typeof sub.method !== 'string' || !/^(GET|POST|PATCH|PUT|DELETE|HEAD)$/i.test(sub.method))
        throw bad(
          'INVALID_INPUT',
          `${where}.method must be one of GET, POST, PATCH, PUT, DELETE, got ${JSON.stringify(sub.method)}`
        );
      if (typeof sub.url === 'string') sub.url = normalizeApiPath(sub.url);
      if (typeof sub.url !== 'string' || !sub.url.startsWith(`${API}/`))
        throw bad(
          'INVALID_INPUT',
          `${where}.url must be a string starting with ${API}/, got ${JSON.stringify(sub.url)}`
        );
      if (/^\/services\/data\/v[\d.]+\/composite\/?(\?|$)/.test(sub.url))
        throw bad('INVALID_INPUT', `${where}: a composite request cannot contain another composite request`);
      if (typeof sub.referenceId !== 'string' || !/^[A-Za-z0-9_]{1,80}$/.test(sub.referenceId))
        throw bad(
          'INVALID_INPUT',
          `${where}.referenceId must be letters, digits and underscores, got ${JSON.stringify(sub.referenceId)}`
        );
      if (seenRefs.has(sub.referenceId))
        throw bad('INVALID_INPUT', `${where}.referenceId ${sub.referenceId} is used twice`);
      seenRefs.add(sub.referenceId);
      return { method: sub.method, url: sub.url, referenceId: sub.referenceId, body: sub.body };
    });
    const responses: {
      body: unknown;
      httpHeaders: Record<string, string>;
      httpStatusCode: number;
      referenceId: string;
    }[] = [];
    const byRef = new Map<string, unknown>();
    const halted = (ref: string): (typeof responses)[number] => ({
      body: [
        {
          errorCode: 'PROCESSING_HALTED',
          message: 'The transaction was rolled back since another operation in the same transaction failed.'
        }
      ],
      httpHeaders: {},
      httpStatusCode: 400,
      referenceId: ref
    });
    const rollback = new Error('composite all or none');
    try {
      this.org.write(() => {
        for (const sub of subs) {
          const resolvedUrl = resolveRefs(sub.url, byRef, true) as string;
          const resolvedBody = sub.body === undefined ? undefined : resolveRefs(sub.body, byRef, false);
          const url = new URL(resolvedUrl, 'http://localhost');
          let reply: Reply;
          try {
            reply = this.org.write(() => {
              const r = this.dispatch(sub.method.toUpperCase(), url.pathname, url.searchParams, resolvedBody);
              if (r.status >= 400) throw new HttpError(r.status, r.body);
              return r;
            });
          } catch (err) {
            reply = restError(err, `composite ${sub.method} ${sub.url.slice(0, 200)}`);
          }
          responses.push({
            body: reply.body ?? null,
            httpHeaders: {},
            httpStatusCode: reply.status,
            referenceId: sub.referenceId
          });
          byRef.set(sub.referenceId, reply.body);
          if (reply.status >= 400 && payload.allOrNone) throw rollback;
        }
      });
    } catch (err) {
      if (err !== rollback) throw err;
      const failedAt = responses.length - 1;
      return {
        status: 200,
        body: {
          compositeResponse: subs.map((s, i) => (i === failedAt ? responses[i] : halted(s.referenceId)))
        }
      };
    }
    return { status: 200, body: { compositeResponse: responses } };
  }

  // ---- Apex twins ----

  async apex(pathname: string, body: unknown, httpMethod = 'POST'): Promise<Reply> {
    const [, , className, method] = pathname.split('/');
    if (httpMethod !== 'POST')
      return {
        status: 405,
        body: { body: { message: `Apex methods are called with POST only, not ${httpMethod}` } }
      };
    const route = getApexRoute(className ?? '', method ?? '');
    if (!route)
      return {
        status: 404,
        body: {
          body: { message: `No local twin registered for ${className}.${method} (localorg/apex/controllers)` }
        }
      };
    if (body !== undefined && !isObject(body))
      return {
        status: 400,
        body: { body: { message: `${className}.${method} takes a JSON object of named parameters` } }
      };
    const params = (body ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(params).filter((k) => !route.params.includes(k));
    if (unknown.length)
      return {
        status: 400,
        body: { body: { message: `${className}.${method} has no parameter ${unknown.join(', ')}` } }
      };
    const ctx: ApexContext = {
      org: this.org,
      userId: this.org.userId,
      access: this.access,
      query: (soql, binds) => runQuery(this.org, soql, { binds, access: this.access }).records
    };
    try {
      const result = await route.handler(params, ctx);
      if (route.result) {
        const parsed = route.result.safeParse(result);
        if (!parsed.success)
          return apexError(
            new Error(
              `Local twin ${className}.${method} returned data that breaks its contract: ${parsed.error.message}`
            ),
            `${className}.${method}`
          );
        return { status: 200, body: parsed.data ?? null };
      }
      return { status: 200, body: result ?? null };
    } catch (err) {
      return apexError(err, `${className}.${method}`);
    }
  }
}

/** Maps an error from a twin to the AuraHandledException body the components see. */
export function apexError(err: unknown, where = 'Apex'): Reply {
  if (err instanceof AuraError) {
    return {
      status: 400,
      body: {
        body: {
          message: err.message,
          ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}),
          ...(err.pageErrors ? { pageErrors: err.pageErrors } : {})
        }
      }
    };
  }
  if (err instanceof SfError) {
    const fieldErrors: Record<string, { message: string; statusCode: string }[]> = {};
    const pageErrors: { message: string; statusCode: string }[] = [];
    for (const item of err.items) {
      if (item.fields.length)
        for (const f of item.fields)
          (fieldErrors[f] ??= []).push({ message: item.message, statusCode: item.errorCode });
      else pageErrors.push({ message: item.message, statusCode: item.errorCode });
    }
    return { status: 400, body: { body: { message: err.message, fieldErrors, pageErrors } } };
  }
  // Unexpected: the server log has the exception under a reference; the component gets the reference.
  const unexpected = unexpectedError(err, where).body as { message: string }[];
  return { status: 500, body: { body: { message: unexpected[0].message } } };
}

/** Replaces `@{ref.path}` in a composite sub-request with values from earlier responses. */
function resolveRefs(value: unknown, byRef: Map<string, unknown>, inUrl: boolean): unknown {
  const one = (s: string): unknown => {
    const whole = /^@\{([^}]+)\}$/.exec(s);
    const lookup = (expr: string): unknown => {
      const [ref, ...segs] = expr.split('.');
      let cur: unknown = byRef.get(ref);
      for (const seg of segs) {
        const m = /^(\w+)(?:\[(\d+)\])?$/.exec(seg);
        if (!m || cur === null || typeof cur !== 'object') {
          cur = undefined;
          break;
        }
        cur = (cur as Record<string, unknown>)[m[1]];
        if (m[2] !== undefined) cur = Array.isArray(cur) ? cur[Number(m[2])] : undefined;
      }
      if (cur === undefined)
        throw new SfError('INVALID_REFERENCE', `Invalid reference specified. No value for ${expr} found`);
      return cur;
    };
    if (whole && !inUrl) return lookup(whole[1]);
    return s.replace(/@\{([^}]+)\}/g, (_m, expr: string) => {
      const v = lookup(expr);
      return inUrl ? encodeURIComponent(String(v)) : String(v);
    });
  };
  if (typeof value === 'string') return one(value);
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, byRef, inUrl));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, byRef, inUrl)]));
  return value;
}
