import { ORG_ID, type LocalOrg } from './org';

/**
 * The identity endpoints the Salesforce CLI and jsforce call after being handed an access token, and the
 * API version list. `sf org login access-token --instance-url <url>` reads `/services/oauth2/userinfo`
 * (then `/services/data/v51.0/sobjects/User/<user_id>` for the Username); `sf org display` and every
 * connection read `/services/data` for the newest API version; `/id/<org>/<user>` is the identity URL
 * the userinfo answer points at. All of them need the bearer token, like the rest of the local org.
 */

/** The REST API version the local org implements; every answer's URLs use it. */
export const API_VERSION = '62.0';
/** Oldest version a client may name in a path (`/services/data/v31.0/...` is served as v62.0). */
export const MIN_API_VERSION = 31;

/** `GET /services/data`: the versions served, oldest first (clients take the largest). */
export function apiVersions(): { label: string; url: string; version: string }[] {
  const out: { label: string; url: string; version: string }[] = [];
  for (let v = MIN_API_VERSION; v <= Number(API_VERSION); v++)
    out.push({ label: `Local org v${v}.0`, url: `/services/data/v${v}.0`, version: `${v}.0` });
  return out;
}

/**
 * The path with a served API version rewritten to API_VERSION (`/services/data/v58.0/query` ->
 * `/services/data/v62.0/query`); unchanged when it names no version or one outside the served range
 * (the router then answers 404 naming the versions it serves).
 */
export function normalizeApiPath(pathname: string): string {
  const m = /^\/services\/data\/v(\d{2})\.0(?=\/|$)/.exec(pathname);
  if (!m) return pathname;
  const v = Number(m[1]);
  if (v < MIN_API_VERSION || v > Number(API_VERSION)) return pathname;
  return `/services/data/v${API_VERSION}${pathname.slice(m[0].length)}`;
}

/** The running user's User row (the fields the identity answers carry). */
function runningUser(org: LocalOrg): Record<string, unknown> {
  return org.get('User', org.userId) ?? {};
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function urlsOf(base: string, userId: string): Record<string, string> {
  const data = `${base}/services/data/v{version}`;
  return {
    enterprise: `${base}/services/Soap/c/{version}/${ORG_ID}`,
    metadata: `${base}/services/Soap/m/{version}/${ORG_ID}`,
    partner: `${base}/services/Soap/u/{version}/${ORG_ID}`,
    rest: `${data}/`,
    sobjects: `${data}/sobjects/`,
    search: `${data}/search/`,
    query: `${data}/query/`,
    recent: `${data}/recent/`,
    profile: `${base}/${userId}`,
    feeds: `${data}/chatter/feeds`,
    groups: `${data}/chatter/groups`,
    users: `${data}/chatter/users`,
    feed_items: `${data}/chatter/feed-items`,
    custom_domain: base
  };
}

/**
 * `GET /services/oauth2/userinfo`: the OpenID Connect user info of the running user, as the platform
 * answers it (`user_id`, `organization_id`, `preferred_username`, ...). `base` is the instance URL the
 * client called (scheme, host and port).
 */
export function userInfo(org: LocalOrg, base: string): Record<string, unknown> {
  const u = runningUser(org);
  const first = str(u.FirstName);
  const last = str(u.LastName);
  return {
    sub: `${base}/id/${ORG_ID}/${org.userId}`,
    user_id: org.userId,
    organization_id: ORG_ID,
    preferred_username: str(u.Username),
    nickname: str(u.Username).split('@')[0],
    name: [first, last].filter(Boolean).join(' '),
    email: str(u.Email),
    email_verified: true,
    given_name: first,
    family_name: last,
    zoneinfo: 'GMT',
    photos: {},
    profile: `${base}/${org.userId}`,
    picture: '',
    address: {},
    is_salesforce_integration_user: false,
    urls: urlsOf(base, org.userId),
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    updated_at: str(u.LastModifiedDate) || new Date(0).toISOString()
  };
}

/**
 * `GET /id/<orgId>/<userId>`: the identity of the running user. Another org or user id is a 404
 * (the token identifies one user; the platform answers 403/404 for others).
 */
export function identity(
  org: LocalOrg,
  base: string,
  orgId: string,
  userId: string
): Record<string, unknown> | undefined {
  const same = (a: string, b: string): boolean => a.slice(0, 15) === b.slice(0, 15);
  if (!same(orgId, ORG_ID) || !same(userId, org.userId)) return undefined;
  const u = runningUser(org);
  return {
    id: `${base}/id/${ORG_ID}/${org.userId}`,
    asserted_user: true,
    user_id: org.userId,
    organization_id: ORG_ID,
    username: str(u.Username),
    nick_name: str(u.Username).split('@')[0],
    display_name: [str(u.FirstName), str(u.LastName)].filter(Boolean).join(' '),
    email: str(u.Email),
    email_verified: true,
    first_name: str(u.FirstName),
    last_name: str(u.LastName),
    timezone: 'GMT',
    photos: {},
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: urlsOf(base, org.userId),
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    last_modified_date: str(u.LastModifiedDate),
    is_app_installed: true
  };
}

/**
 * The one shell command that logs the pinned sf CLI into a running local org, reading the token from
 * the session file (so the token is never printed): `npm start` and `npm run localorg` print it.
 */
export function sfLoginCommand(url: string, sessionFile: string, alias = 'keyplan-local'): string {
  const read = `node -p "require(${JSON.stringify(sessionFile).replace(/"/g, "'")}).token"`;
  return `SF_ACCESS_TOKEN="$(${read})" npx sf org login access-token --instance-url ${url} --no-prompt --alias ${alias}`;
}
