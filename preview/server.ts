/**
 * The preview server: serves preview/dist and puts the local org behind the same origin, so the
 * components' `fetch('/apex/...')` reach the Apex twins. The local org itself (localorg/server.ts)
 * keeps its own port and bearer token; this server forwards `POST /apex/*`, `GET /services/*` and the
 * single-record `PATCH /services/data/vNN.N/sobjects/<Object>/<id>` of updateRecord and `POST
 * /services/data/vNN.N/sobjects/<Object>` of the standard create form to it with that token (which never
 * reaches the browser), and answers two read-only page routes
 * (`/preview/api/accounts`, `/preview/api/record/<id>`) from the org's database, with the running
 * user's field access.
 *
 * Only its user's page can use it:
 * - every request must carry `Host: 127.0.0.1:<port>` or `localhost:<port>` (a DNS-rebound name is
 *   refused, so a foreign page cannot read even the HTML);
 * - every API request must be same-origin (`Origin`, `Sec-Fetch-Site`), carry the per-start secret
 *   in `X-Keyplan-Preview` (written into the page's HTML; a cross-origin page cannot read it, nor set
 *   the header without a preflight, which gets no CORS grant), and POSTs must be `application/json`
 *   (no simple text/plain cross-origin POST).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { normalizeId } from '../localorg/ids';
import { startLocalOrg, type RunningLocalOrg } from '../localorg/server';
import { DIST } from './build';

export interface PreviewOptions {
  /** Port of the page (0 = free port). */
  port?: number;
  /** SQLite file of the local org. */
  dbFile?: string;
  /** The built page (default preview/dist); tests of the server alone may pass a folder with an index.html. */
  dist?: string;
  /** Session file of the local org (url + token, mode 0600) for jsforce scripts; none when unset. */
  sessionFile?: string;
}

export interface RunningPreview {
  /** The page URL, e.g. http://127.0.0.1:5173/ */
  url: string;
  /** The per-start secret the page sends in X-Keyplan-Preview (tests use it; the page reads its HTML). */
  secret: string;
  /** The local org behind it (its own URL and token for jsforce). */
  localOrg: RunningLocalOrg;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.woff2': 'font/woff2'
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'Content-Type': 'application/json;charset=UTF-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store'
    })
    .end(text);
}

/** Accounts for the picker, with their contact counts (largest accounts are the interesting ones). */
function listAccounts(org: RunningLocalOrg['org']): unknown[] {
  return org.db
    .prepare(
      `SELECT a."Id" AS Id, a."Name" AS Name, a."Industry" AS Industry,
              (SELECT COUNT(*) FROM "Contact" c WHERE c."AccountId" = a."Id") AS contacts
         FROM "Account" a ORDER BY a."Name" LIMIT 500`
    )
    .all();
}

/** One record with the fields the running user may read (like getRecord), or undefined. */
function readRecord(running: RunningLocalOrg, id: string): unknown {
  const { org, access } = running;
  const obj = org.objectOfId(normalizeId(id) ?? '');
  if (!obj || !access.object(obj.name).read) return undefined;
  const rec = org.get(obj.name, id);
  if (!rec) return undefined;
  const fields = Object.fromEntries(Object.entries(rec).filter(([f]) => access.canRead(obj.name, f)));
  return { attributes: { type: obj.name, label: obj.label }, ...fields };
}

const HEADER = 'x-keyplan-preview';
/** One record of the REST API (`/services/data/vNN.N/sobjects/<Object>/<id>`): what updateRecord writes. */
const RECORD_PATH = /^\/services\/data\/v\d+\.\d+\/sobjects\/\w+\/\w{15,18}$/;
/** One object's collection: the standard create form's POST of one new record (preview/client/createForm.ts). */
const CREATE_PATH = /^\/services\/data\/v\d+\.\d+\/sobjects\/\w+$/;
const sameSecret = (given: string | string[] | undefined, secret: string): boolean => {
  const digest = (v: string): Buffer => createHash('sha256').update(v).digest();
  return typeof given === 'string' && timingSafeEqual(digest(given), digest(secret));
};

/**
 * Why a request may not use the page server, or undefined when it may. `api` requests (data) need
 * the same origin and the secret; every request needs one of our own Host names.
 */
export function refusal(
  req: IncomingMessage,
  port: number,
  secret: string,
  api: boolean
): string | undefined {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host ?? '';
  if (!hosts.includes(host.toLowerCase()))
    return `Host ${JSON.stringify(host)} is not this preview (${hosts.join(' or ')}): refused (DNS rebinding)`;
  if (!api) return undefined;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host.toLowerCase()}`)
    return `cross-origin request from ${origin}: refused`;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin')
    return `cross-site request (Sec-Fetch-Site: ${String(site)}): refused`;
  if (!sameSecret(req.headers[HEADER], secret))
    return 'missing or wrong X-Keyplan-Preview header: only the preview page may call this server';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json')
      return `${req.method} needs Content-Type application/json, got ${type || 'none'}`;
  }
  return undefined;
}

/** index.html with the per-start secret and the page config written in (never cached). */
function pageHtml(dist: string, secret: string, config: Record<string, unknown>): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return readFileSync(path.join(dist, 'index.html'), 'utf8')
    .replace('<head>', `<head>\n    <meta name="keyplan-preview-secret" content="${secret}" />`)
    .replace(
      '<script src="/preview-config.js"></script>',
      `<script>window.__keyplanPreview = ${json};</script>`
    );
}

function serveStatic(dist: string, pathname: string, res: ServerResponse): boolean {
  let rel: string;
  try {
    rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return false; // a malformed %-escape names no file
  }
  const file = path.resolve(dist, rel);
  if (!file.startsWith(dist + path.sep) || !existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache'
  });
  createReadStream(file).pipe(res);
  return true;
}

function forward(req: IncomingMessage, res: ServerResponse, target: URL, token: string): void {
  // Only what the local org needs: no cookies, origin or preview secret travel on.
  const headers: Record<string, string> = { host: target.host, authorization: `Bearer ${token}` };
  for (const h of ['content-type', 'content-length', 'accept', 'transfer-encoding', 'if-unmodified-since']) {
    const v = req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
    (up) => {
      const out: Record<string, string | string[]> = { 'Cache-Control': 'no-store' };
      for (const h of ['content-type', 'content-length']) {
        const v = up.headers[h];
        if (v !== undefined) out[h] = v;
      }
      res.writeHead(up.statusCode ?? 502, out);
      up.pipe(res);
    }
  );
  upstream.on('error', (e) => {
    if (res.headersSent) return void res.destroy();
    sendJson(res, 502, { body: { message: `The local org did not answer: ${e.message}` } });
  });
  req.pipe(upstream);
}

/** Starts the local org and the page server in front of it. */
export async function startPreview(options: PreviewOptions = {}): Promise<RunningPreview> {
  const dist = path.resolve(options.dist ?? DIST);
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error('preview/dist is missing: run `tsx preview/build.ts` first');
  // Port 0 explicitly: the local org would otherwise read PORT, which belongs to the page.
  const localOrg = await startLocalOrg({
    port: 0,
    dbFile: options.dbFile,
    ...(options.sessionFile ? { sessionFile: options.sessionFile } : {})
  });
  const target = new URL(localOrg.url);
  const { org } = localOrg;
  const secret = randomBytes(24).toString('base64url');
  let port = 0;

  const server = createServer((req, res) => {
    try {
      let p: string;
      try {
        p = new URL(req.url ?? '/', 'http://localhost').pathname;
      } catch {
        return sendJson(res, 400, { message: 'Malformed request URL' });
      }
      const api =
        p.startsWith('/apex/') ||
        p.startsWith('/services/') ||
        p.startsWith('/preview/api/') ||
        p === '/preview-config.js';
      const refused = refusal(req, port, secret, api);
      if (refused) return sendJson(res, 403, { message: refused, errorCode: 'FORBIDDEN' });
      if (p.startsWith('/apex/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { message: 'Apex calls are POST only' });
        return forward(req, res, target, localOrg.token);
      }
      if (p.startsWith('/services/')) {
        // Reads, the one write Lightning Data Service makes (updateRecord's PATCH of one record) and the
        // standard create form's POST of one new record.
        if (
          req.method !== 'GET' &&
          !(req.method === 'PATCH' && RECORD_PATH.test(p)) &&
          !(req.method === 'POST' && CREATE_PATH.test(p))
        )
          return sendJson(res, 405, {
            message:
              'The page reads the REST API, updates single records (updateRecord) and creates single records (the create form) only'
          });
        return forward(req, res, target, localOrg.token);
      }
      if (p === '/preview-config.js')
        return sendJson(res, 410, { message: 'The page config is in index.html' });
      if (p === '/preview/api/accounts') {
        if (!localOrg.access.object('Account').read)
          return sendJson(res, 403, { message: 'The running user cannot read accounts' });
        return sendJson(res, 200, listAccounts(org));
      }
      const rec = /^\/preview\/api\/record\/(\w{15,18})$/.exec(p);
      if (rec) {
        const body = readRecord(localOrg, rec[1]);
        return body
          ? sendJson(res, 200, body)
          : sendJson(res, 404, { message: `No record with id ${rec[1]} in the local org` });
      }
      if (p.startsWith('/preview/api/')) return sendJson(res, 404, { message: `Not found: ${p}` });
      if (p === '/favicon.ico') return void res.writeHead(204).end();
      if (req.method === 'GET' && (p === '/' || p === '/index.html')) {
        const html = pageHtml(dist, secret, { userId: org.userId, apiVersion: '62.0' });
        res
          .writeHead(200, {
            'Content-Type': 'text/html; charset=utf-8',
            'Cache-Control': 'no-store',
            'X-Frame-Options': 'DENY',
            'Content-Security-Policy': "frame-ancestors 'none'",
            'Referrer-Policy': 'no-referrer'
          })
          .end(html);
        return;
      }
      if (req.method === 'GET' && serveStatic(dist, p, res)) return;
      sendJson(res, 404, { message: `Not found: ${p}` });
    } catch (e) {
      console.error('[preview] unexpected error:', e);
      sendJson(res, 500, { message: 'The preview server failed; see its console' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    secret,
    localOrg,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await localOrg.close();
    }
  };
}
