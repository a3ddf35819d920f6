const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character case-safe suffix Salesforce appends to a 15-character id. */
export function idSuffix(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    out += SUFFIX[bits];
  }
  return out;
}

/** Builds an 18-character id from a key prefix and a sequence number (base 62, like the org). */
export function makeId(keyPrefix: string, seq: number): string {
  let body = '';
  let n = seq;
  while (n > 0) {
    body = ALPHABET[n % 62] + body;
    n = Math.floor(n / 62);
  }
  // The 4th-6th characters are a pod/instance marker in the org; a constant keeps ids recognisable.
  const id15 = keyPrefix + '5L0' + body.padStart(9, '0');
  return id15 + idSuffix(id15);
}

/** Returns the 18-character form of a 15- or 18-character id, or undefined when it is not id-shaped. */
export function normalizeId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^[a-zA-Z0-9]{18}$/.test(value)) {
    // The suffix only restores case, so a wrong suffix is not an error: recompute it from the first 15.
    return value.slice(0, 15) + idSuffix(value.slice(0, 15));
  }
  if (/^[a-zA-Z0-9]{15}$/.test(value)) return value + idSuffix(value);
  return undefined;
}
