/** mulberry32: a tiny, fast, seedable PRNG. Same seed, same sequence, on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p
  };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character case-safe suffix Salesforce appends to a 15-character id. */
export function idSuffix(id15: string): string {
  let out = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charCodeAt(block * 5 + i);
      if (ch >= 65 && ch <= 90) bits |= 1 << i;
    }
    out += SUFFIX[bits];
  }
  return out;
}

/** An 18-character Salesforce-like id: key prefix, pod `5g0`, then n in base 62. */
export function sfId(prefix: string, n: number): string {
  let body = '';
  let v = Math.floor(n);
  for (let i = 0; i < 9; i++) {
    body = BASE62[v % 62] + body;
    v = Math.floor(v / 62);
  }
  const id15 = `${prefix}5g0${body}`;
  return id15 + idSuffix(id15);
}

/** Key prefixes: standard objects as in every org; customs get a0X-style prefixes. */
export const KEY_PREFIX = {
  Account: '001',
  Contact: '003',
  User: '005',
  Opportunity: '006',
  Buying_Center__c: 'a01',
  Offering__c: 'a02',
  Landscape_Cell__c: 'a03',
  Relationship_Link__c: 'a04',
  Account_Plan__c: 'a05',
  Plan_Action__c: 'a06'
} as const;
