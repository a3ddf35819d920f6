import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrgOptions, type RunningLocalOrg } from '../server';

/** A temp folder removed by the returned cleanup. */
export function tempDir(prefix = 'localorg-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts a local org on a free port over a temp database and returns it with a jsforce connection.
 * Requests run as the demo user (Keyplan_User) unless `user` says otherwise; the token is random.
 */
export async function startTestOrg(
  options: LocalOrgOptions = {}
): Promise<{ running: RunningLocalOrg; conn: Connection }> {
  const running = await startLocalOrg({ port: 0, user: 'demo', ...options });
  const conn = new Connection({ instanceUrl: running.url, accessToken: running.token, version: '62.0' });
  return { running, conn };
}

const META = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

/** A CustomField file's XML. */
export const fieldXml = (name: string, type: string, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><CustomField ${META}><fullName>${name}</fullName><label>${name}</label><type>${type}</type>${extra}</CustomField>`;

/**
 * A force-app with one custom object, Widget__c, holding the given fields ([name, type, extra XML]), and a
 * Keyplan_User permission set with the given grants (fieldPermissions / objectPermissions XML). Returns
 * the `main/default` folder, for schema and field-level-security tests.
 */
export function tinyForceApp(dir: string, fields: [string, string, string][], grants: string): string {
  const root = path.join(dir, 'force-app/main/default');
  const obj = path.join(root, 'objects/Widget__c');
  mkdirSync(path.join(obj, 'fields'), { recursive: true });
  writeFileSync(
    path.join(obj, 'Widget__c.object-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${META}><label>Widget</label><nameField><label>Name</label><type>Text</type></nameField></CustomObject>`
  );
  for (const [name, type, extra] of fields)
    writeFileSync(path.join(obj, `fields/${name}.field-meta.xml`), fieldXml(name, type, extra));
  mkdirSync(path.join(root, 'permissionsets'), { recursive: true });
  writeFileSync(
    path.join(root, 'permissionsets/Keyplan_User.permissionset-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><PermissionSet ${META}>${grants}<label>Keyplan User</label></PermissionSet>`
  );
  return root;
}
