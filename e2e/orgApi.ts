/**
 * The local org's REST API, called directly as another client would (its URL and token come from
 * e2e/run.ts): the browser tests check what a save stored, and set up or undo records, through it.
 */
import assert from 'node:assert/strict';

const API = 'services/data/v62.0';

export async function rest(method: string, url: string, body?: unknown): Promise<unknown> {
  const r = await fetch(`${process.env.KEYPLAN_E2E_ORG_URL ?? ''}/${API}/${url}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${process.env.KEYPLAN_E2E_ORG_TOKEN ?? ''}`
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await r.text();
  assert.ok(r.ok, `${method} ${url}: HTTP ${r.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function query<T>(soql: string): Promise<T[]> {
  return ((await rest('GET', `query?q=${encodeURIComponent(soql)}`)) as { records: T[] }).records;
}
