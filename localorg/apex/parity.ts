import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

/** One @AuraEnabled method found in the Apex source. */
export interface AuraMethod {
  className: string;
  method: string;
  params: string[];
  cacheable: boolean;
}

/** Removes comments and string literals (keeping line structure) so annotations inside them are ignored. */
function stripApex(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:\\.|[^'\\])*'/g, "''");
}

/** Splits a parameter list on commas outside generics (`Map<String, Object> a, Id b`). */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '<') depth++;
    if (ch === '>') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/**
 * Lists every @AuraEnabled method of the top-level classes in a folder of `.cls` files with its
 * parameter names in order. A careful scan rather than a full parse: annotation, modifiers, return
 * type (generics allowed), name, then the parameter list.
 */
export function listAuraEnabled(classesDir: string): AuraMethod[] {
  if (!existsSync(classesDir)) return [];
  const out: AuraMethod[] = [];
  for (const file of readdirSync(classesDir)
    .filter((f) => f.endsWith('.cls'))
    .sort()) {
    const src = stripApex(readFileSync(path.join(classesDir, file), 'utf8'));
    const className = /\bclass\s+(\w+)/i.exec(src)?.[1] ?? file.replace(/\.cls$/, '');
    const re =
      /@AuraEnabled\b(\s*\(([^)]*)\))?\s*((?:@\w+(?:\([^)]*\))?\s*)*)((?:(?:public|private|global|protected|static|override|virtual|with|without|inherited|sharing)\s+)*)([\w.<>,\s[\]]+?)\s+(\w+)\s*\(([^)]*)\)/gi;
    for (const m of src.matchAll(re)) {
      // Skip @AuraEnabled properties (no parameter list follows the name directly).
      const params = splitTopLevel(m[7])
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => p.split(/\s+/).pop()!);
      out.push({ className, method: m[6], params, cacheable: /cacheable\s*=\s*true/i.test(m[2] ?? '') });
    }
  }
  return out;
}

/** The manifest's view of one method, as far as the `.cls` scan can see it. */
export interface ManifestMethod {
  className: string;
  method: string;
  params: readonly { name: string }[];
  cacheable: boolean;
}

/**
 * What differs between the Apex API manifest (src/contracts/api.ts) and the @AuraEnabled methods of the
 * `.cls` files: a method on one side only, parameter names or order, cacheable. Empty when they agree.
 */
export function manifestProblems(manifest: readonly ManifestMethod[], apex: readonly AuraMethod[]): string[] {
  const problems: string[] = [];
  const listed = new Map(manifest.map((m) => [`${m.className}.${m.method}`, m]));
  for (const a of apex) {
    const key = `${a.className}.${a.method}`;
    const m = listed.get(key);
    if (!m) {
      problems.push(`${key}(${a.params.join(', ')}) is @AuraEnabled but not in src/contracts/api.ts`);
      continue;
    }
    const names = m.params.map((p) => p.name).join(', ');
    if (names !== a.params.join(', '))
      problems.push(`${key}: the manifest has (${names}), the .cls has (${a.params.join(', ')})`);
    if (m.cacheable !== a.cacheable)
      problems.push(`${key}: the manifest says cacheable=${m.cacheable}, the .cls cacheable=${a.cacheable}`);
  }
  const inApex = new Set(apex.map((a) => `${a.className}.${a.method}`));
  for (const key of listed.keys())
    if (!inApex.has(key))
      problems.push(`${key} is in src/contracts/api.ts but is not an @AuraEnabled method`);
  return problems;
}
