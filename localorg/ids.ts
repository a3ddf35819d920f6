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

/**
 * Returns the canonical 18-character form of an id, or undefined when it is not a valid id. Matching
 * follows the platform:
 * - a 15-character id is case-sensitive: `001...abc` and `001...ABC` are two records;
 * - an 18-character id is case-insensitive-safe: its 3-character suffix encodes which of the first
 *   15 characters are upper case, so any casing of it (all lower case, as a case-insensitive system
 *   stores it) resolves to the one record. The suffix decides the case; a suffix that marks a digit
 *   as upper case, or has a character outside A-Z/0-5, is not a valid checksum.
 */
export function normalizeId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^[a-zA-Z0-9]{15}$/.test(value)) return value + idSuffix(value);
  if (!/^[a-zA-Z0-9]{18}$/.test(value)) return undefined;
  const suffix = value.slice(15).toUpperCase();
  let id15 = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX.indexOf(suffix[chunk]);
    if (bits < 0) return undefined;
    for (let i = 0; i < 5; i++) {
      const c = value[chunk * 5 + i];
      const upper = (bits & (1 << i)) !== 0;
      if (upper && !/[a-zA-Z]/.test(c)) return undefined;
      id15 += upper ? c.toUpperCase() : c.toLowerCase();
    }
  }
  return id15 + suffix;
}
