/**
 * A small evaluator for the Salesforce formula subset Keyplan's formula fields use, so tests can run
 * the formulas in force-app exactly as written and compare them with the TypeScript that mirrors them.
 *
 * Supported: number/string literals, TRUE/FALSE/NULL, field references (a formula field referenced by
 * another is evaluated from its own metadata), `$CustomMetadata.Type.Record.Field` (from the
 * customMetadata records, overridable per call), `$Setup.Keyplan_Tuning__c.Field` (the org's overrides,
 * blank unless given per call), + - * / & (concatenation), = == != <> < <= > >=, && ||, and the
 * functions IF, CASE, ROUND, ISBLANK, BLANKVALUE, NOT, AND, OR, MAX, MIN, LEFT, MID, REPT.
 *
 * Numbers are exact rationals (BigInt numerator / denominator) because the org computes formulas in
 * decimal arithmetic, not binary floating point; ROUND is half away from zero on that exact value.
 * Blank handling follows the field's formulaTreatBlanksAs: BlankAsZero reads a blank number field as 0.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

/** An exact rational number, denominator always positive and the fraction reduced. */
export interface Rational {
  n: bigint;
  d: bigint;
}
export type FormulaValue = Rational | string | boolean | null;

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};
function rat(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new FormulaError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
/** A decimal string or a JS number (read through its shortest decimal form) as an exact rational. */
export function toRational(x: number | string): Rational {
  const s = typeof x === 'number' ? (Number.isFinite(x) ? x.toString() : 'NaN') : x.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new FormulaError(`not a number: ${s}`);
  const frac = m[3] ?? '';
  let n = BigInt(`${m[2] || '0'}${frac}`);
  let d = 10n ** BigInt(frac.length);
  const e = Number(m[4] ?? 0);
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  return rat(m[1] === '-' ? -n : n, d);
}
/** The nearest JS number to an exact rational. */
export function toNumber(r: Rational): number {
  // Scale to 20 significant decimal digits, then let Number() parse the decimal string.
  const neg = r.n < 0n;
  const n = neg ? -r.n : r.n;
  const scale = 10n ** 30n;
  const q = (n * scale) / r.d;
  const s = q.toString().padStart(31, '0');
  const out = Number(`${s.slice(0, -30)}.${s.slice(-30)}`);
  return neg ? -out : out;
}
const isRational = (v: FormulaValue): v is Rational => typeof v === 'object' && v !== null;
const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
const cmp = (a: Rational, b: Rational): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
/** ROUND(x, digits): half away from zero, exact. */
export function roundRational(x: Rational, digits: number): Rational {
  const scale = 10n ** BigInt(Math.max(0, digits));
  const neg = x.n < 0n;
  const n = (neg ? -x.n : x.n) * scale;
  // floor(n / d + 1/2) = floor((2n + d) / 2d)
  const q = (2n * n + x.d) / (2n * x.d);
  return rat(neg ? -q : q, scale);
}

export class FormulaError extends Error {}

// ---------------------------------------------------------------- parsing

type Node =
  | { k: 'num'; v: Rational }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'null' }
  | { k: 'ref'; name: string }
  | { k: 'call'; fn: string; args: Node[] }
  | { k: 'unary'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

type Token = { t: 'num' | 'str' | 'id' | 'op' | 'end'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new FormulaError('unterminated comment');
      i = end + 2;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+(\.\d*)?|\.\d+)/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') j++;
        s += src[j++];
      }
      if (j >= src.length) throw new FormulaError('unterminated string');
      out.push({ t: 'str', v: s });
      i = j + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$.]*/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (['<=', '>=', '<>', '!=', '==', '&&', '||'].includes(two)) {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if ('+-*/&=<>(),'.includes(c)) {
        out.push({ t: 'op', v: c });
        i++;
      } else throw new FormulaError(`unexpected character '${c}' at ${i}`);
    }
  }
  out.push({ t: 'end', v: '' });
  return out;
}

const BINARY: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '=': 3,
  '==': 3,
  '!=': 3,
  '<>': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '&': 5,
  '*': 6,
  '/': 6
};

/** Parses a formula into a tree (throws FormulaError with the position on bad syntax). */
export function parseFormula(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = (): Token => toks[p];
  const expect = (v: string): void => {
    if (toks[p].v !== v) throw new FormulaError(`expected '${v}' but found '${toks[p].v || 'end'}'`);
    p++;
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (t.t === 'num') return { k: 'num', v: toRational(t.v) };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 'op' && t.v === '(') {
      const e = expr(0);
      expect(')');
      return e;
    }
    if (t.t === 'op' && (t.v === '-' || t.v === '+')) return { k: 'unary', op: t.v, a: expr(6) };
    if (t.t === 'id') {
      const up = t.v.toUpperCase();
      if (peek().v === '(') {
        p++;
        const args: Node[] = [];
        if (peek().v !== ')') {
          args.push(expr(0));
          while (peek().v === ',') {
            p++;
            args.push(expr(0));
          }
        }
        expect(')');
        return { k: 'call', fn: up, args };
      }
      if (up === 'TRUE' || up === 'FALSE') return { k: 'bool', v: up === 'TRUE' };
      if (up === 'NULL') return { k: 'null' };
      return { k: 'ref', name: t.v };
    }
    throw new FormulaError(`unexpected '${t.v || 'end'}'`);
  };
  const expr = (minPrec: number): Node => {
    let left = primary();
    for (;;) {
      const t = peek();
      const prec = t.t === 'op' ? BINARY[t.v] : undefined;
      if (prec === undefined || prec < minPrec) break;
      p++;
      left = { k: 'bin', op: t.v, a: left, b: expr(prec + 1) };
    }
    return left;
  };
  const tree = expr(0);
  if (peek().t !== 'end') throw new FormulaError(`unexpected '${peek().v}' after the formula`);
  return tree;
}

// ---------------------------------------------------------------- metadata

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(ROOT, 'force-app/main/default');
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (n) => n === 'values'
});

export interface FieldMeta {
  type: string;
  formula: string | null;
  treatBlanksAs: 'BlankAsZero' | 'BlankAsBlank';
}

/** The type, formula and blank handling of `Object.Field` from its field-meta.xml. */
export function fieldMeta(objectName: string, field: string): FieldMeta {
  const file = path.join(MAIN, 'objects', objectName, 'fields', `${field}.field-meta.xml`);
  const f = (parser.parse(readFileSync(file, 'utf8')) as { CustomField: Record<string, string> }).CustomField;
  return {
    type: f.type,
    formula: f.formula ?? null,
    treatBlanksAs: f.formulaTreatBlanksAs === 'BlankAsZero' ? 'BlankAsZero' : 'BlankAsBlank'
  };
}

/** `Value__c` of every `<Type>.<Record>` custom metadata record, keyed by record developer name. */
export function customMetadataValues(
  typeName = 'Keyplan_Setting',
  field = 'Value__c'
): Record<string, number | null> {
  const dir = path.join(MAIN, 'customMetadata');
  const out: Record<string, number | null> = {};
  for (const file of readdirSync(dir)) {
    const m = new RegExp(`^${typeName}\\.(.+)\\.md-meta\\.xml$`).exec(file);
    if (!m) continue;
    const doc = parser.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      CustomMetadata: { values?: { field: string; value?: string }[] };
    };
    const v = doc.CustomMetadata.values?.find((x) => x.field === field)?.value;
    out[m[1]] = v === undefined || v === '' ? null : Number(v);
  }
  return out;
}

// ---------------------------------------------------------------- evaluation

export interface EvalContext {
  objectName: string;
  /** Field values of the record (API names). Missing means blank. */
  record: Record<string, unknown>;
  /** Keyplan_Setting__mdt Value__c by record name; defaults to the customMetadata XML records. */
  settings?: Record<string, number | null>;
  /**
   * The Keyplan_Tuning__c custom setting the running user sees, by setting name (without `__c`);
   * missing or null means the field is blank (no override).
   */
  overrides?: Partial<Record<string, number | null>>;
}

const NUMERIC = new Set(['Number', 'Currency', 'Percent']);
const metaCache = new Map<string, FieldMeta>();
const treeCache = new Map<string, Node>();
let defaultSettings: Record<string, number | null> | undefined;

function metaOf(objectName: string, field: string): FieldMeta {
  const key = `${objectName}.${field}`;
  let m = metaCache.get(key);
  if (!m) metaCache.set(key, (m = fieldMeta(objectName, field)));
  return m;
}

/**
 * Evaluates the formula field `objectName.field` on a record, as the org would (exact decimals).
 * Returns a JS number (or null) for number formulas and a string ('' for blank) for text formulas.
 */
export function evaluateField(
  objectName: string,
  field: string,
  ctx: Omit<EvalContext, 'objectName'>
): number | string | boolean | null {
  const v = evalFieldRaw(objectName, field, { ...ctx, objectName }, 0);
  const meta = metaOf(objectName, field);
  if (meta.type === 'Text') return v === null ? '' : String(isRational(v) ? toNumber(v) : v);
  return isRational(v) ? toNumber(v) : v;
}

/** Evaluates a formula text on a record of `ctx.objectName` (BlankAsBlank unless told otherwise). */
export function evaluateFormula(
  src: string,
  ctx: EvalContext,
  blanks: FieldMeta['treatBlanksAs'] = 'BlankAsBlank'
): number | string | boolean | null {
  const v = evalNode(parseFormula(src), ctx, blanks, 0);
  return isRational(v) ? toNumber(v) : v;
}

function evalFieldRaw(objectName: string, field: string, ctx: EvalContext, depth: number): FormulaValue {
  if (depth > 10) throw new FormulaError(`formula references nest too deep at ${objectName}.${field}`);
  const meta = metaOf(objectName, field);
  if (!meta.formula) throw new FormulaError(`${objectName}.${field} is not a formula field`);
  const key = `${objectName}.${field}`;
  let tree = treeCache.get(key);
  if (!tree) treeCache.set(key, (tree = parseFormula(meta.formula)));
  return evalNode(tree, ctx, meta.treatBlanksAs, depth);
}

function truthy(v: FormulaValue): boolean {
  if (typeof v === 'boolean') return v;
  if (v === null) return false;
  throw new FormulaError(`expected a condition but got ${typeof v === 'string' ? `"${v}"` : toNumber(v)}`);
}
function isBlank(v: FormulaValue): boolean {
  return v === null || v === '';
}
/** A text argument: blank reads as '' (text functions treat a blank text as empty). */
function text(v: FormulaValue, what: string): string {
  if (v === null) return '';
  if (typeof v !== 'string') throw new FormulaError(`${what} needs a text`);
  return v;
}
/** A count or position: the evaluator only accepts whole numbers there, so a fraction is an error, not a guess. */
function wholeOf(r: Rational): number {
  if (r.d !== 1n) throw new FormulaError(`expected a whole number but got ${toNumber(r)}`);
  return Number(r.n);
}
function num(v: FormulaValue, what: string): Rational | null {
  if (v === null) return null;
  if (!isRational(v)) throw new FormulaError(`${what} needs a number`);
  return v;
}

function evalNode(
  n: Node,
  ctx: EvalContext,
  blanks: FieldMeta['treatBlanksAs'],
  depth: number
): FormulaValue {
  const ev = (x: Node): FormulaValue => evalNode(x, ctx, blanks, depth);
  switch (n.k) {
    case 'num':
    case 'str':
    case 'bool':
      return n.v;
    case 'null':
      return null;
    case 'ref':
      return resolveRef(n.name, ctx, blanks, depth);
    case 'unary': {
      const a = num(ev(n.a), 'unary minus');
      return a === null ? null : n.op === '-' ? rat(-a.n, a.d) : a;
    }
    case 'bin': {
      if (n.op === '&&' || n.op === '||') {
        const a = truthy(ev(n.a));
        if (n.op === '&&' ? !a : a) return a;
        return truthy(ev(n.b));
      }
      const a = ev(n.a);
      const b = ev(n.b);
      if (n.op === '&')
        return `${a === null ? '' : isRational(a) ? toNumber(a) : a}${b === null ? '' : isRational(b) ? toNumber(b) : b}`;
      if (['+', '-', '*', '/'].includes(n.op)) {
        const x = num(a, n.op);
        const y = num(b, n.op);
        if (x === null || y === null) return null;
        return n.op === '+' ? add(x, y) : n.op === '-' ? sub(x, y) : n.op === '*' ? mul(x, y) : div(x, y);
      }
      // Comparisons: a blank side makes the comparison false (the org's IF then takes the else branch).
      if (a === null || b === null)
        return n.op === '=' || n.op === '==' ? a === b : n.op === '!=' || n.op === '<>' ? a !== b : false;
      let c: number;
      if (isRational(a) && isRational(b)) c = cmp(a, b);
      else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
      else if (typeof a === 'boolean' && typeof b === 'boolean') c = a === b ? 0 : a ? 1 : -1;
      else throw new FormulaError(`cannot compare ${typeof a} with ${typeof b}`);
      switch (n.op) {
        case '=':
        case '==':
          return c === 0;
        case '!=':
        case '<>':
          return c !== 0;
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        default:
          return c >= 0;
      }
    }
    case 'call':
      return callFn(n.fn, n.args, ev);
  }
}

function callFn(fn: string, args: Node[], ev: (x: Node) => FormulaValue): FormulaValue {
  const arity = (min: number, max = min): void => {
    if (args.length < min || args.length > max)
      throw new FormulaError(
        `${fn} takes ${min === max ? min : `${min}-${max}`} arguments, got ${args.length}`
      );
  };
  switch (fn) {
    case 'IF':
      arity(3);
      return truthy(ev(args[0])) ? ev(args[1]) : ev(args[2]);
    case 'CASE': {
      if (args.length < 4 || args.length % 2 !== 0)
        throw new FormulaError('CASE takes an expression, value/result pairs and an else result');
      const subject = ev(args[0]);
      for (let i = 1; i + 1 < args.length; i += 2) {
        const v = ev(args[i]);
        const same = isRational(subject) && isRational(v) ? cmp(subject, v) === 0 : subject === v;
        if (same) return ev(args[i + 1]);
      }
      return ev(args[args.length - 1]);
    }
    case 'ROUND': {
      arity(2);
      const x = num(ev(args[0]), 'ROUND');
      const d = num(ev(args[1]), 'ROUND digits');
      if (x === null || d === null) return null;
      return roundRational(x, Number(d.n / d.d));
    }
    case 'ISBLANK':
      arity(1);
      return isBlank(ev(args[0]));
    case 'BLANKVALUE': {
      arity(2);
      const v = ev(args[0]);
      return isBlank(v) ? ev(args[1]) : v;
    }
    case 'MAX':
    case 'MIN': {
      if (args.length < 1) throw new FormulaError(`${fn} takes at least one argument`);
      let best: Rational | null = null;
      for (const a of args) {
        const x = num(ev(a), fn);
        if (x === null) return null;
        if (best === null || (fn === 'MAX' ? cmp(x, best) > 0 : cmp(x, best) < 0)) best = x;
      }
      return best;
    }
    case 'REPT': {
      arity(2);
      const t = text(ev(args[0]), 'REPT');
      const n = num(ev(args[1]), 'REPT count');
      if (n === null) return null;
      return t.repeat(Math.max(0, wholeOf(n)));
    }
    case 'LEFT': {
      arity(2);
      const t = text(ev(args[0]), 'LEFT');
      const n = num(ev(args[1]), 'LEFT count');
      if (n === null) return null;
      // "If num_chars is less than zero, Salesforce replaces your value with zero."
      return t.slice(0, Math.max(0, wholeOf(n)));
    }
    case 'MID': {
      arity(3);
      const t = text(ev(args[0]), 'MID');
      const start = num(ev(args[1]), 'MID start');
      const n = num(ev(args[2]), 'MID count');
      if (start === null || n === null) return null;
      const from = wholeOf(start);
      if (from < 1) throw new FormulaError('MID needs a start of 1 or more');
      return t.slice(from - 1, from - 1 + Math.max(0, wholeOf(n)));
    }
    case 'LEN':
      arity(1);
      return toRational(text(ev(args[0]), 'LEN').length);
    case 'TRIM': {
      // "Removes the spaces and tabs from the beginning and end of a text string."
      arity(1);
      const t = text(ev(args[0]), 'TRIM').replace(/^[ \t]+|[ \t]+$/g, '');
      return t === '' ? null : t;
    }
    case 'NOT':
      arity(1);
      return !truthy(ev(args[0]));
    case 'AND':
      return args.every((a) => truthy(ev(a)));
    case 'OR':
      return args.some((a) => truthy(ev(a)));
    default:
      throw new FormulaError(`function ${fn} is not supported by this evaluator`);
  }
}

function resolveRef(
  name: string,
  ctx: EvalContext,
  blanks: FieldMeta['treatBlanksAs'],
  depth: number
): FormulaValue {
  if (name.startsWith('$CustomMetadata.')) {
    const [, typeName, recordName, field] = name.split('.');
    if (typeName !== 'Keyplan_Setting__mdt' || field !== 'Value__c')
      throw new FormulaError(`unsupported metadata reference ${name}`);
    const settings = ctx.settings ?? (defaultSettings ??= customMetadataValues());
    if (!(recordName in settings)) throw new FormulaError(`no Keyplan_Setting record ${recordName}`);
    const v = settings[recordName];
    return v === null || v === undefined ? null : toRational(v);
  }
  if (name.startsWith('$Setup.')) {
    const [, typeName, field] = name.split('.');
    if (typeName !== 'Keyplan_Tuning__c' || !field.endsWith('__c'))
      throw new FormulaError(`unsupported custom setting reference ${name}`);
    const setting = field.slice(0, -3);
    const known = ctx.settings ?? (defaultSettings ??= customMetadataValues());
    if (!(setting in known)) throw new FormulaError(`no Keyplan_Setting record ${setting} behind ${name}`);
    const v = ctx.overrides?.[setting];
    return v === null || v === undefined ? null : toRational(v);
  }
  if (name.includes('.')) throw new FormulaError(`cross-object reference ${name} is not supported`);
  const meta = metaOf(ctx.objectName, name);
  if (meta.formula) return evalFieldRaw(ctx.objectName, name, ctx, depth + 1);
  const raw = ctx.record[name];
  if (meta.type === 'Checkbox') return raw === true;
  if (raw === null || raw === undefined || raw === '')
    return NUMERIC.has(meta.type) && blanks === 'BlankAsZero' ? rat(0n) : raw === '' ? '' : null;
  if (NUMERIC.has(meta.type)) {
    if (typeof raw !== 'number' && typeof raw !== 'string')
      throw new FormulaError(`${name} needs a number, got ${typeof raw}`);
    return toRational(raw);
  }
  if (typeof raw === 'string') return raw;
  throw new FormulaError(`${name} (${meta.type}) cannot hold ${typeof raw}`);
}
