/** Values the page server injects (preview/server.ts writes /preview-config.js before the bundle). */
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
