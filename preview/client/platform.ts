/** Values the page server injects (preview/server.ts writes them into index.html before the bundle). */
export interface PreviewConfig {
  userId: string;
  apiVersion: string;
}

declare global {
  interface Window {
    __keyplanPreview?: PreviewConfig;
  }
}

const config: PreviewConfig = (typeof window !== 'undefined' && window.__keyplanPreview) || {
  userId: '005000000000000AAA',
  apiVersion: '62.0'
};

/** REST API version of the local org (the project's sourceApiVersion). */
export const API_VERSION = config.apiVersion;
/** `@salesforce/user/Id`: the local org's user. */
export const USER_ID = config.userId;

/**
 * The page server's per-start secret, embedded in the page's HTML (a `<meta>` the server writes into
 * index.html). Every API call sends it as `X-Keyplan-Preview`: a page on another origin cannot read
 * the HTML to learn it, and cannot set the header without a CORS preflight, which the server refuses.
 */
export const PREVIEW_SECRET =
  (typeof document !== 'undefined' &&
    document.querySelector<HTMLMetaElement>('meta[name="keyplan-preview-secret"]')?.content) ||
  '';

/** fetch() for the page server's API routes: same origin, with the preview secret header. */
export function previewFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('X-Keyplan-Preview', PREVIEW_SECRET);
  return fetch(url, { ...init, headers, credentials: 'same-origin' });
}
