/**
 * What the twins read from the Apex source instead of copying it: the SOQL text of each selector method
 * and the value of each constant (row bounds, bound lists). One reader (`outlineApex` in
 * scripts/lib/apex.ts, the apex-parser lexer), one outline per class, read once per process; so a change
 * in a `.cls` changes the twin with no second edit. A name that does not resolve fails loudly at load.
 *
 * Start-up cost: loading apex-parser and lexing the classes takes about 250 ms; the outlines are kept in
 * node_modules/.cache/keyplan-apex keyed by the hash of each class's text and of the reader's source,
 * so a start with unchanged Apex reads one small JSON file instead (a few ms) and a changed class is
 * lexed again. The parser is loaded only when a class must be lexed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  ApexConstant,
  ApexMethodOutline,
  ApexOutline,
  outlineApex as OutlineApex
} from '../../scripts/lib/apex';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const READER = path.join(ROOT, 'scripts/lib/apex.ts');

/** force-app/main/default/classes of this repository: the Apex the twins mirror. */
export const APEX_CLASSES_DIR = path.join(ROOT, 'force-app/main/default/classes');

/** One cache file per checkout (worktrees share node_modules; entries are content-keyed anyway). */
const CACHE_FILE = path.join(
  ROOT,
  'node_modules/.cache/keyplan-apex',
  `outlines-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.json`
);

interface StoredOutline {
  name: string;
  constants: [string, ApexConstant][];
  methods: [string, ApexMethodOutline[]][];
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The outline cache on disk, read on first use; `null` keeps it in memory only (tests, other dirs). */
class OutlineCache {
  private entries: Record<string, StoredOutline> | undefined;
  private readerHash: string | undefined;

  constructor(private readonly file: string | null) {}

  key(source: string): string {
    this.readerHash ??= sha(readFileSync(READER, 'utf8'));
    return sha(this.readerHash + '\0' + source);
  }

  get(key: string): ApexOutline | undefined {
    if (!this.entries) {
      this.entries = {};
      if (this.file)
        try {
          this.entries = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, StoredOutline>;
        } catch {
          // no cache yet, or an unreadable one: lex again
        }
    }
    const stored = this.entries[key];
    return (
      stored && { name: stored.name, constants: new Map(stored.constants), methods: new Map(stored.methods) }
    );
  }

  set(key: string, outline: ApexOutline, live: Set<string>): void {
    if (!this.file || !this.entries) return;
    this.entries[key] = {
      name: outline.name,
      constants: [...outline.constants],
      methods: [...outline.methods]
    };
    // Outlines of older class texts pile up as the Apex changes: past 200, keep those this process read.
    if (Object.keys(this.entries).length > 200)
      this.entries = Object.fromEntries(Object.entries(this.entries).filter(([k]) => live.has(k)));
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.entries));
      renameSync(tmp, this.file);
    } catch {
      // a read-only node_modules: the cache is an optimisation only
    }
  }
}

/** scripts/lib/apex.ts loads apex-parser (about 100 ms): required only when a class must be lexed. */
let outlineApex: typeof OutlineApex | undefined;
const lex = (source: string, name: string): ApexOutline => {
  outlineApex ??= (createRequire(import.meta.url)(READER) as { outlineApex: typeof OutlineApex }).outlineApex;
  return outlineApex(source, name);
};

/** A bound value a constant can hold: an Integer or a list/set of Strings. */
export type ApexConstantValue = number | string[];

const SOQL_START = /^\s*(SELECT|WHERE)\b/i;

export class ApexSource {
  private readonly outlines = new Map<string, ApexOutline>();
  private readonly cache: OutlineCache;
  private readonly live = new Set<string>();

  /** `cacheFile`: where outlines persist between processes (null: this process only). */
  constructor(
    readonly classesDir: string,
    cacheFile: string | null = null
  ) {
    this.cache = new OutlineCache(cacheFile);
  }

  /** The outline of one class (read and lexed on first use). */
  outline(className: string): ApexOutline {
    let outline = this.outlines.get(className);
    if (!outline) {
      const file = path.join(this.classesDir, `${className}.cls`);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new Error(`Apex class ${className} not found (${file})`);
      }
      const key = this.cache.key(text);
      this.live.add(key);
      outline = this.cache.get(key);
      if (!outline) {
        outline = lex(text, className);
        this.cache.set(key, outline, this.live);
      }
      this.outlines.set(className, outline);
    }
    return outline;
  }

  private method(qualified: string): ApexMethodOutline {
    const [className, name] = split(qualified);
    const found = this.outline(className).methods.get(name.toLowerCase()) ?? [];
    if (found.length !== 1)
      throw new Error(
        found.length
          ? `${qualified} is overloaded in ${className}.cls: the twin cannot tell which query it mirrors`
          : `${qualified}: no method ${name} in ${className}.cls`
      );
    return found[0];
  }

  /** The static query `[SELECT ...]` of a method (whitespace collapsed); the method must hold exactly one. */
  soql(qualified: string): string {
    const m = this.method(qualified);
    if (m.queries.length !== 1)
      throw new Error(
        `${qualified} (line ${m.line}) has ${m.queries.length} static queries, the twin expects 1`
      );
    return m.queries[0];
  }

  /** Every string literal of a method body (adjacent `'a' + 'b'` read as one), in source order. */
  literals(qualified: string): string[] {
    return [...this.method(qualified).literals];
  }

  /**
   * The string literals of a dynamic query (`Database.queryWithBinds(...)`) that start with SELECT or
   * WHERE, in source order (the text the Apex concatenates around describe names or field lists).
   * When the Apex passes `AccessLevel.USER_MODE`, the last part gets the `WITH USER_MODE` clause the local
   * SOQL engine reads as "enforce the user's field access" (before ORDER BY / LIMIT, else at the end).
   */
  dynamicSoql(qualified: string): string[] {
    const m = this.method(qualified);
    const parts = m.literals.filter((s) => SOQL_START.test(s));
    if (!parts.length) throw new Error(`${qualified} (line ${m.line}) has no SOQL string literal`);
    if (!m.userModeArg) return parts;
    const last = parts[parts.length - 1];
    const at = last.search(/\s(ORDER\s+BY|LIMIT)\s/i);
    parts[parts.length - 1] =
      at < 0
        ? `${last.replace(/\s+$/, '')} WITH USER_MODE`
        : `${last.slice(0, at)} WITH USER_MODE${last.slice(at)}`;
    return parts;
  }

  /** The value of a constant `Class.NAME` (following `= Other.NAME` references). */
  constant(qualified: string, seen: string[] = []): ApexConstantValue {
    const [className, name] = split(qualified);
    const c = this.outline(className).constants.get(name.toLowerCase());
    if (!c) throw new Error(`${qualified}: no static final constant ${name} in ${className}.cls`);
    if (c.value !== undefined) return c.value;
    if (c.ref && !seen.includes(qualified))
      return this.constant(c.ref.includes('.') ? c.ref : `${className}.${c.ref}`, [...seen, qualified]);
    throw new Error(`${qualified} = ${c.text}: the twin reads only literal values (or another constant)`);
  }

  /** An Integer constant (a row bound). */
  integer(qualified: string): number {
    const v = this.constant(qualified);
    if (typeof v !== 'number') throw new Error(`${qualified} is not an Integer literal`);
    return v;
  }

  /** A `List<String>` / `Set<String>` constant. */
  strings(qualified: string): string[] {
    const v = this.constant(qualified);
    if (!Array.isArray(v)) throw new Error(`${qualified} is not a list of String literals`);
    return [...v];
  }

  /**
   * The class constants a query binds (`:SINGLE_ROW`, `:FINISHED`), by bind name: Apex resolves a bind to
   * a constant of the class when no local variable of that name exists, so do the twins.
   */
  constantBinds(className: string, soqlText: string): Record<string, ApexConstantValue> {
    const consts = this.outline(className).constants;
    const binds: Record<string, ApexConstantValue> = {};
    for (const [, bind] of soqlText.matchAll(/:\s*(\w+)/g)) {
      const c = consts.get(bind.toLowerCase());
      if (c) binds[bind] = this.constant(`${className}.${c.name}`);
    }
    return binds;
  }
}

function split(qualified: string): [string, string] {
  const m = /^(\w+)\.(\w+)$/.exec(qualified);
  if (!m) throw new Error(`'${qualified}' is not Class.member`);
  return [m[1], m[2]];
}

/** The Keyplan Apex classes, read once per process. */
export const apexSource = new ApexSource(APEX_CLASSES_DIR, CACHE_FILE);
