/**
 * Static reading of Apex source with @apexdevtools/apex-parser: syntax errors with line/column, and
 * the facts our security and reference checks need (sharing, SOQL, DML, @AuraEnabled methods).
 */
import {
  ApexErrorListener,
  ApexLexer,
  ApexParserBaseListener,
  ApexParserFactory,
  ApexParseTreeWalker
} from '@apexdevtools/apex-parser';
import { readFileSync } from 'node:fs';

export interface ApexSyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export interface ApexDml {
  line: number;
  text: string;
  /** `insert as user x;` (or `Database.x(..., AccessLevel.USER_MODE)`). */
  userMode: boolean;
}

export interface ApexQuery {
  line: number;
  /** The SOQL between the brackets. */
  soql: string;
  userMode: boolean;
}

export interface AuraMethod {
  className: string;
  name: string;
  cacheable: boolean;
  params: { name: string; type: string }[];
  returnType: string;
  line: number;
}

export interface ApexFacts {
  file: string;
  kind: 'class' | 'trigger';
  name: string;
  syntaxErrors: ApexSyntaxProblem[];
  isTest: boolean;
  /** Sharing keyword of the top-level class: 'with', 'without', 'inherited' or undefined (none declared). */
  sharing?: 'with' | 'without' | 'inherited';
  queries: ApexQuery[];
  dml: ApexDml[];
  auraMethods: AuraMethod[];
}

class CollectingErrors extends ApexErrorListener {
  readonly problems: ApexSyntaxProblem[] = [];
  apexSyntaxError(line: number, column: number, message: string): void {
    // ANTLR lists every token it would have accepted; the first few say enough.
    const short = message.replace(/expecting \{([^}]{120})[^}]*\}/, 'expecting {$1...}');
    this.problems.push({ line, column, message: short });
  }
}

interface Ctx {
  start: { line: number; start: number };
  stop?: { stop: number } | null;
  parentCtx?: Ctx | null;
  getText(): string;
  constructor: { name: string };
}

/** Parses one Apex class or trigger file and extracts what the checks need. */
export function readApex(file: string, source = readFileSync(file, 'utf8')): ApexFacts {
  const kind = file.endsWith('.trigger') ? 'trigger' : 'class';
  const errors = new CollectingErrors();
  const { parser } = ApexParserFactory.createLexerAndParser(source, errors);
  const tree = kind === 'trigger' ? parser.triggerUnit() : parser.compilationUnit();
  const slice = (ctx: Ctx): string => source.slice(ctx.start.start, (ctx.stop?.stop ?? ctx.start.start) + 1);
  const facts: ApexFacts = {
    file,
    kind,
    name: file.replace(/^.*[\\/]/, '').replace(/\.(cls|trigger)$/, ''),
    syntaxErrors: errors.problems,
    isTest: false,
    queries: [],
    dml: [],
    auraMethods: []
  };
  if (facts.syntaxErrors.length) return facts;

  let classDepth = 0;
  const listener = new (class extends ApexParserBaseListener {})();
  const l = listener as unknown as Record<string, (ctx: Ctx) => void>;
  l.enterClassDeclaration = () => {
    classDepth++;
  };
  l.exitClassDeclaration = () => {
    classDepth--;
  };
  l.enterModifier = (ctx) => {
    if (classDepth !== 0) return; // modifiers of the top-level type come before its declaration
    const text = slice(ctx).toLowerCase().replace(/\s+/g, ' ');
    if (text === 'with sharing') facts.sharing = 'with';
    else if (text === 'without sharing') facts.sharing = 'without';
    else if (text === 'inherited sharing') facts.sharing = 'inherited';
    else if (/^@istest\b/.test(text)) facts.isTest = true;
  };
  l.enterSoqlLiteral = (ctx) => {
    const soql = slice(ctx)
      .replace(/^\[\s*/, '')
      .replace(/\s*\]$/, '');
    facts.queries.push({ line: ctx.start.line, soql, userMode: /\bWITH\s+USER_MODE\b/i.test(soql) });
  };
  const dml = (ctx: Ctx): void => {
    const text = slice(ctx);
    facts.dml.push({ line: ctx.start.line, text, userMode: /^\s*\w+\s+as\s+user\b/i.test(text) });
  };
  for (const rule of ['Insert', 'Update', 'Delete', 'Upsert', 'Merge', 'Undelete'])
    l[`enter${rule}Statement`] = dml;
  l.enterDotMethodCall = (ctx) => {
    const text = slice(ctx);
    const owner = ctx.parentCtx ? slice(ctx.parentCtx) : '';
    if (
      /^Database\s*\./i.test(owner) &&
      /^(insert|update|delete|upsert|merge|undelete)\w*\s*\(/i.test(text)
    ) {
      facts.dml.push({ line: ctx.start.line, text: owner, userMode: /AccessLevel\.USER_MODE/i.test(text) });
    }
    if (/^Database\s*\./i.test(owner) && /^(query|countQuery|getQueryLocator)\w*\s*\(/i.test(text)) {
      facts.queries.push({
        line: ctx.start.line,
        soql: text,
        userMode: /AccessLevel\.USER_MODE/i.test(text)
      });
    }
  };
  l.enterMethodDeclaration = (ctx) => {
    // The modifiers (annotations included) sit on the enclosing class body declaration.
    const decl = ctx.parentCtx?.parentCtx;
    const header = decl ? slice(decl).slice(0, slice(decl).indexOf(slice(ctx))) : '';
    if (!/@AuraEnabled\b/i.test(header)) return;
    const text = slice(ctx);
    const m = /^\s*([\w.<>,\s]+?)\s+(\w+)\s*\(([^)]*)\)/.exec(text);
    if (!m) return;
    const params = m[3]
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        const parts = p.replace(/\bfinal\s+/i, '').split(/\s+/);
        return { name: parts[parts.length - 1], type: parts.slice(0, -1).join(' ') };
      });
    facts.auraMethods.push({
      className: facts.name,
      name: m[2],
      returnType: m[1].trim(),
      params,
      cacheable: /cacheable\s*=\s*true/i.test(header),
      line: ctx.start.line
    });
  };
  ApexParseTreeWalker.DEFAULT.walk(listener, tree as never);
  return facts;
}

/** A `static final` constant of a class body: its literal value when it has one. */
export interface ApexConstant {
  name: string;
  /** The declared type as written (`Integer`, `List<String>`). */
  type: string;
  /** The initializer as written (whitespace collapsed). */
  text: string;
  /** An integer literal, or a string list/set literal (`new List<String>{ 'a', 'b' }`). */
  value?: number | string[];
  /** Another constant the initializer names (`ContactSelector.MAX_COUNTED`, or `NAME` of the same class). */
  ref?: string;
}

/** One method (or constructor) of a class body with what its body says about SOQL. */
export interface ApexMethodOutline {
  name: string;
  line: number;
  /** Every static query `[SELECT ...]` of the body, whitespace collapsed, in source order. */
  queries: string[];
  /** Every string literal of the body, adjacent literals joined by `+` read as one, in source order. */
  literals: string[];
  /** The body passes `AccessLevel.USER_MODE` (dynamic SOQL or DML in user mode). */
  userModeArg: boolean;
}

/** What a class declares at its top level: its constants and methods (inner classes are not read). */
export interface ApexOutline {
  name: string;
  /** By lower-case name (Apex names are case-insensitive). */
  constants: Map<string, ApexConstant>;
  /** By lower-case name; overloads share an entry. */
  methods: Map<string, ApexMethodOutline[]>;
}

/** One line, single spaces, no space inside parentheses (prettier breaks long SOQL over lines). */
export const normalizeSoql = (s: string): string =>
  s.replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').trim();

const unquote = (literal: string): string =>
  literal.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);

/**
 * Outlines one Apex class from its tokens (the apex-parser lexer only: no parse, so it costs a few
 * milliseconds a file where readApex costs a hundred). Comments and string contents never count as code.
 * Read by the local org's twins for the SOQL text and row bounds they run (localorg/apex/source.ts).
 */
export function outlineApex(source: string, name = ''): ApexOutline {
  const L = ApexLexer;
  const toks = ApexParserFactory.createLexer(source)
    .getAllTokens()
    .filter((t) => t.channel === 0);
  const outline: ApexOutline = { name, constants: new Map(), methods: new Map() };
  const word = (i: number): string => (toks[i]?.text ?? '').toLowerCase();
  /** Index of the token closing the bracket opened at `open`. */
  const closing = (open: number): number => {
    const [o, c] = [
      toks[open].type,
      { [L.LBRACE]: L.RBRACE, [L.LPAREN]: L.RPAREN, [L.LBRACK]: L.RBRACK }[toks[open].type]
    ];
    let depth = 0;
    for (let i = open; i < toks.length; i++) {
      if (toks[i].type === o) depth++;
      else if (toks[i].type === c && --depth === 0) return i;
    }
    return toks.length - 1;
  };
  const textOf = (from: number, to: number): string =>
    from > to ? '' : source.slice(toks[from].start, toks[to].stop + 1).replace(/\s+/g, ' ');

  const readMethod = (nameAt: number, bodyOpen: number, bodyClose: number): void => {
    const m: ApexMethodOutline = {
      name: toks[nameAt].text ?? '',
      line: toks[nameAt].line,
      queries: [],
      literals: [],
      userModeArg: false
    };
    for (let i = bodyOpen + 1; i < bodyClose; i++) {
      const t = toks[i];
      if (t.type === L.LBRACK && word(i + 1) === 'select') {
        const end = closing(i);
        m.queries.push(normalizeSoql(source.slice(t.stop + 1, toks[end].start)));
        i = end;
      } else if (t.type === L.StringLiteral) {
        let text = unquote(t.text ?? "''");
        while (toks[i + 1]?.type === L.ADD && toks[i + 2]?.type === L.StringLiteral) {
          i += 2;
          text += unquote(toks[i].text ?? "''");
        }
        m.literals.push(text);
      } else if (word(i) === 'accesslevel' && toks[i + 1]?.type === L.DOT && word(i + 2) === 'user_mode') {
        m.userModeArg = true;
      }
    }
    const key = m.name.toLowerCase();
    outline.methods.set(key, [...(outline.methods.get(key) ?? []), m]);
  };

  const readField = (from: number, semi: number): void => {
    const words = toks.slice(from, semi).map((t) => (t.text ?? '').toLowerCase());
    const eq = toks.findIndex((t, i) => i >= from && i < semi && t.type === L.ASSIGN);
    if (!words.includes('static') || !words.includes('final') || eq < 0) return;
    const constant: ApexConstant = {
      name: toks[eq - 1].text ?? '',
      type: textOf(from, eq - 2)
        .replace(/@\w+(\([^)]*\))?\s*/g, '')
        .replace(/^(?:(?:public|private|protected|global|static|final|transient)\s+)*/i, '')
        .trim(),
      text: textOf(eq + 1, semi - 1)
    };
    const init = toks.slice(eq + 1, semi);
    if (init.length === 1 && init[0].type === L.IntegerLiteral) constant.value = Number(init[0].text);
    else if (init.length === 2 && init[0].type === L.SUB && init[1].type === L.IntegerLiteral)
      constant.value = -Number(init[1].text);
    else if (/^(\w+\.)?\w+$/.test(constant.text)) constant.ref = constant.text;
    else {
      const brace = init.findIndex((t) => t.type === L.LBRACE);
      const inner = brace >= 0 ? init.slice(brace + 1, -1) : [];
      if (
        /^new (List|Set)\s*<\s*String\s*>\s*\{/i.test(constant.text) &&
        init[init.length - 1].type === L.RBRACE &&
        inner.every((t, i) => (i % 2 === 0 ? t.type === L.StringLiteral : t.type === L.COMMA))
      )
        constant.value = inner.filter((t) => t.type === L.StringLiteral).map((t) => unquote(t.text ?? "''"));
    }
    outline.constants.set(constant.name.toLowerCase(), constant);
  };

  const classOpen = toks.findIndex((t) => t.type === L.LBRACE);
  if (classOpen < 0) return outline;
  if (!name) {
    const cls = toks.findIndex((t, i) => i < classOpen && (t.text ?? '').toLowerCase() === 'class');
    outline.name = cls >= 0 ? (toks[cls + 1]?.text ?? '') : '';
  }
  const classClose = closing(classOpen);
  let start = classOpen + 1;
  for (let i = start; i < classClose; i++) {
    const t = toks[i];
    if (t.type === L.SEMI) {
      readField(start, i);
      start = i + 1;
    } else if (t.type === L.LBRACE) {
      const end = closing(i);
      const hasInit = toks.slice(start, i).some((x) => x.type === L.ASSIGN);
      if (hasInit) {
        // a field whose initializer has braces (`new List<String>{ ... }`): read on to its `;`
        i = end;
        continue;
      }
      if (toks[i - 1].type === L.RPAREN) {
        const open = (() => {
          let depth = 0;
          for (let j = i - 1; j >= start; j--) {
            if (toks[j].type === L.RPAREN) depth++;
            else if (toks[j].type === L.LPAREN && --depth === 0) return j;
          }
          return -1;
        })();
        if (open > start) readMethod(open - 1, i, end);
      }
      // else: an inner class, property, enum or static block (not read)
      i = end;
      start = end + 1;
    }
  }
  return outline;
}
