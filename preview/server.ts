/**
 * The preview server: serves preview/dist and puts the local org behind the same origin, so the
 * components' `fetch('/apex/...')` reach the Apex twins without a token. The local org itself
 * (localorg/server.ts) keeps its own port and bearer token for jsforce scripts; this server forwards
 * `/apex/*` and `/services/*` to it with the token, and answers two read-only page routes
 * (`/preview/api/accounts`, `/preview/api/record/<id>`) from the org's database.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startLocalOrg, type RunningLocalOrg } from '../localorg/server';
import { DIST } from './build';

export interface PreviewOptions {
  /** Port of the page (0 = free port). */
  port?: number;
  /** SQLite file of the local org. */
  dbFile?: string;
}

export interface RunningPreview {
  /** The page URL, e.g. http://127.0.0.1:5173/ */
  url: string;
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

function readRecord(org: RunningLocalOrg['org'], id: string): unknown {
  const obj = org.objectOfId(id);
  const rec = obj ? org.get(obj.name, id) : undefined;
  return rec && obj ? { attributes: { type: obj.name, label: obj.label }, ...rec } : undefined;
}

function serveStatic(pathname: string, res: ServerResponse): boolean {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(DIST, rel);
  if (!file.startsWith(DIST + path.sep) || !existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache'
  });
  createReadStream(file).pipe(res);
  return true;
}

function forward(req: IncomingMessage, res: ServerResponse, target: URL, token: string): void {
  const upstream = request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host, authorization: `Bearer ${token}` }
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    }
  );
  upstream.on('error', (e) =>
    sendJson(res, 502, { body: { message: `The local org did not answer: ${e.message}` } })
  );
  req.pipe(upstream);
}

/** Starts the local org and the page server in front of it. */
export async function startPreview(options: PreviewOptions = {}): Promise<RunningPreview> {
  if (!existsSync(path.join(DIST, 'index.html')))
    throw new Error('preview/dist is missing: run `tsx preview/build.ts` first');
  // Port 0 explicitly: the local org would otherwise read PORT, which belongs to the page.
  const localOrg = await startLocalOrg({ port: 0, dbFile: options.dbFile });
  const target = new URL(localOrg.url);
  const { org } = localOrg;

  const server = createServer((req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const p = url.pathname;
      if (p.startsWith('/apex/') || p.startsWith('/services/'))
        return forward(req, res, target, localOrg.token);
      if (p === '/preview-config.js') {
        const config = JSON.stringify({ userId: org.userId, apiVersion: '62.0' });
        res
          .writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' })
          .end(`window.__keyplanPreview = ${config};\n`);
        return;
      }
      if (p === '/preview/api/accounts') return sendJson(res, 200, listAccounts(org));
      const rec = /^\/preview\/api\/record\/(\w{15,18})$/.exec(p);
      if (rec) {
        const body = readRecord(org, rec[1]);
        return body
          ? sendJson(res, 200, body)
          : sendJson(res, 404, { message: `No record with id ${rec[1]} in the local org` });
      }
      if (p === '/favicon.ico') return void res.writeHead(204).end();
      if (req.method === 'GET' && serveStatic(p, res)) return;
      sendJson(res, 404, { message: `Not found: ${p}` });
    } catch (e) {
      sendJson(res, 500, { message: e instanceof Error ? e.message : String(e) });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    localOrg,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await localOrg.close();
    }
  };
}
