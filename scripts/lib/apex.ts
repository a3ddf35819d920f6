/**
 * Static reading of Apex source with @apexdevtools/apex-parser: syntax errors with line/column, and
 * the facts our security and reference checks need (sharing, SOQL, DML, @AuraEnabled methods).
 */
import {
  ApexErrorListener,
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
