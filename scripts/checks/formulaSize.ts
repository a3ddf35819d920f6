/**
 * Formula compile-size proxy (finding L2). The platform inlines a referenced formula field into the
 * compiled SQL every time it is referenced and rejects a formula whose compiled form exceeds 5,000
 * characters ("Formula field exceeds maximum number of characters"; raised at deploy and at package
 * version creation). Offline we cannot compile, so we estimate: the formula text with every reference
 * to another formula field (same object, or through `Lookup__r.` relationships) replaced, recursively,
 * by that field's own expanded text in parentheses. The compiled form is usually larger than this
 * (a `$CustomMetadata` reference compiles to a sub-select), so the estimate is a lower bound and
 * anything above 5,000 certainly fails.
 *
 *   tsx scripts/checks/formulaSize.ts [force-app/main/default]
 */
import path from 'node:path';
import { findField, findObject, loadSchema } from '../../src/schema/loadSchema';
import type { FieldDef, Schema } from '../../src/schema/types';
import { MAIN } from '../lib/paths';

export const MAX_COMPILED_FORMULA = 5000;

export interface FormulaSize {
  field: string;
  /** characters of the formula as written */
  source: number;
  /** characters with referenced formulas expanded recursively */
  expanded: number;
  /** referenced formula fields, with how often each is inlined (directly and through others) */
  inlined: Record<string, number>;
  customMetadataRefs: number;
}

/** Resolves `A__r.B__r.Field__c` (or `Field__c`) from `objectName` to the field it names. */
function resolve(
  schema: Schema,
  objectName: string,
  ref: string
): { object: string; field: FieldDef } | undefined {
  const parts = ref.split('.');
  let current = objectName;
  for (const rel of parts.slice(0, -1)) {
    const obj = findObject(schema, current);
    const lookup = obj?.fields.find((f) => f.relationshipName?.toLowerCase() === rel.toLowerCase());
    if (!lookup?.referenceTo) return undefined;
    current = lookup.referenceTo;
  }
  const field = findField(schema, current, parts[parts.length - 1]);
  return field ? { object: current, field } : undefined;
}

/**
 * Splits formula text into code and string literals so names inside strings are not expanded. Comments
 * are dropped and runs of white space count as one character: the compiled form keeps neither (a field
 * named in a comment is not a reference).
 */
function codeAndStrings(text: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  const re = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/\*[\s\S]*?\*\//g;
  const code = (t: string): { code: boolean; text: string } => ({ code: true, text: t.replace(/\s+/g, ' ') });
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push(code(text.slice(last, m.index)));
    if (!m[0].startsWith('/*')) out.push({ code: false, text: m[0] });
    last = m.index + m[0].length;
  }
  out.push(code(text.slice(last)));
  return out;
}

const REF = /(?<![\w$.])([A-Za-z][\w]*(?:\.[A-Za-z][\w]*)*)/g;

export function expandFormula(
  schema: Schema,
  objectName: string,
  formula: string,
  inlined: Record<string, number> = {},
  stack: string[] = []
): string {
  return codeAndStrings(formula)
    .map((part) =>
      !part.code
        ? part.text
        : part.text.replace(REF, (token: string) => {
            const target = resolve(schema, objectName, token);
            if (!target?.field.formula) return token;
            const key = `${target.object}.${target.field.name}`;
            if (stack.includes(key)) throw new Error(`formula cycle: ${[...stack, key].join(' -> ')}`);
            inlined[key] = (inlined[key] ?? 0) + 1;
            return `(${expandFormula(schema, target.object, target.field.formula, inlined, [...stack, key])})`;
          })
    )
    .join('');
}

export function formulaSizes(schema: Schema): FormulaSize[] {
  const out: FormulaSize[] = [];
  for (const obj of schema.objects.values()) {
    for (const f of obj.fields) {
      if (!f.formula) continue;
      const key = `${obj.name}.${f.name}`;
      const inlined: Record<string, number> = {};
      const expanded = expandFormula(schema, obj.name, f.formula, inlined, [key]);
      out.push({
        field: key,
        source: f.formula.length,
        expanded: expanded.length,
        inlined,
        customMetadataRefs: (expanded.match(/\$CustomMetadata\./g) ?? []).length
      });
    }
  }
  return out.sort((a, b) => a.field.localeCompare(b.field));
}

export function formulaSizeProblems(sizes: FormulaSize[]): string[] {
  return sizes
    .filter((s) => s.expanded > MAX_COMPILED_FORMULA)
    .map(
      (s) =>
        `${s.field}: estimated compiled size ${s.expanded} characters > ${MAX_COMPILED_FORMULA} ` +
        `(source ${s.source}; inlines ${Object.entries(s.inlined)
          .map(([k, n]) => `${k} x${n}`)
          .join(', ')})`
    );
}

export const describeSize = (s: FormulaSize): string =>
  `${s.field}: source ${s.source}, expanded ${s.expanded}, $CustomMetadata refs ${s.customMetadataRefs}` +
  (Object.keys(s.inlined).length > 0
    ? `, inlines ${Object.entries(s.inlined)
        .map(([k, n]) => `${k} x${n}`)
        .join(', ')}`
    : '');

if (require.main === module) {
  const sizes = formulaSizes(loadSchema(path.resolve(process.argv[2] ?? MAIN)));
  for (const s of sizes) console.log(`formula size: ${describeSize(s)}`);
  const problems = formulaSizeProblems(sizes);
  for (const p of problems) console.log(`  FAIL ${p}`);
  process.exit(problems.length > 0 ? 1 : 0);
}
