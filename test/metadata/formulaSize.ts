/**
 * An estimate of a formula field's compiled size, the figure Salesforce limits to 5,000 characters
 * ("Compiled formula is too big to execute"): the org inlines every referenced formula field each time
 * it is referenced, so the estimate expands them recursively. `$CustomMetadata` and `$Setup` references
 * are counted at their full path length (the compiled form is not smaller than the path). Comments are
 * dropped and runs of white space count as one character, since the compiler keeps neither.
 * Strings are left alone: a field name inside quotes is text, not a reference.
 */
import { fieldMeta } from './formulaEval';

/** The compiled-size limit of a formula field. */
export const COMPILED_LIMIT = 5000;

const TOKEN = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/\*[\s\S]*?\*\/|\s+|[A-Za-z_$][A-Za-z0-9_$.]*|[\s\S]/g;

/** The formula of `Object.Field`, or null when the field is not a formula (or does not exist). */
export type FormulaSource = (objectName: string, field: string) => string | null;

/** Reads formulas from force-app. */
export const metadataFormulas: FormulaSource = (objectName, field) => {
  try {
    return fieldMeta(objectName, field).formula;
  } catch {
    return null; // not a field of this object (a function name never ends in __c)
  }
};

/** The formula text with referenced formula fields of the same object inlined (recursively). */
export function expandFormula(
  objectName: string,
  field: string,
  source: FormulaSource = metadataFormulas,
  seen: string[] = []
): string {
  const key = `${objectName}.${field}`;
  if (seen.includes(key)) throw new Error(`formula reference cycle: ${[...seen, key].join(' -> ')}`);
  const formula = source(objectName, field);
  if (formula === null) throw new Error(`${key} is not a formula field`);
  let out = '';
  for (const [tok] of formula.matchAll(TOKEN)) {
    if (tok.startsWith('/*')) continue;
    if (/^\s+$/.test(tok)) out += ' ';
    else if (/^[A-Za-z_][A-Za-z0-9_]*__c$/.test(tok) && source(objectName, tok) !== null)
      out += `(${expandFormula(objectName, tok, source, [...seen, key])})`;
    else out += tok;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** How many times `field`'s formula references `referenced` directly (comments and strings aside). */
export function referenceCount(
  objectName: string,
  field: string,
  referenced: string,
  source: FormulaSource = metadataFormulas
): number {
  let n = 0;
  for (const [tok] of (source(objectName, field) ?? '').matchAll(TOKEN)) if (tok === referenced) n++;
  return n;
}

/** The estimated compiled size of a formula field. */
export function estimatedCompiledSize(
  objectName: string,
  field: string,
  source: FormulaSource = metadataFormulas
): number {
  return expandFormula(objectName, field, source).length;
}
