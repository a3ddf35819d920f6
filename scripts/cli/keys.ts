/**
 * What `Keyplan_Key__c` holds: the account's key alone on the Account, `<account>/<record>` on records
 * with a key of their own, `offering/<record>` on offerings (the catalogue is org-wide: every account's
 * bundle that names an offering key shares one record), `<account>/<plan>/<record>` on objectives and actions (their keys are unique
 * within a plan), and `<account>/<buying center>|<offering>|<year>` on landscape cells (which have no key).
 * The bundle's key lengths guarantee every form fits Text(120).
 */
export const KEY_FIELD = 'Keyplan_Key__c';

export const accountExt = (account: string): string => account;
export const recordExt = (account: string, key: string): string => `${account}/${key}`;
export const offeringExt = (key: string): string => `offering/${key}`;
export const planChildExt = (account: string, plan: string, key: string): string =>
  `${account}/${plan}/${key}`;
export const cellExt = (account: string, bc: string, offering: string, fy: number): string =>
  `${account}/${bc}|${offering}|${fy}`;

/** The bundle key back from a stored key: the last `/` segment, or the record Id when there is none. */
export function keyFromExt(ext: unknown, id: string): string {
  if (typeof ext !== 'string' || ext === '') return id;
  const i = ext.lastIndexOf('/');
  return i >= 0 ? ext.slice(i + 1) : ext;
}

/** Quotes a value for a SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
