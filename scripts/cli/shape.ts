/**
 * Reads the bundle's zod schema to learn each record type's org fields (the keys spelled like API
 * names) and their kinds, so import, export and CSV conversion follow the schema instead of a copy of it.
 */
import type { z } from 'zod';
import { orgFieldName } from '../../src/bundle/orgNames';

export type FieldKind = 'string' | 'number' | 'boolean' | 'enum' | 'other';

export interface ShapeField {
  /** The bundle's (readable) name. */
  name: string;
  /** The org's API name: the same, or `Keyplan_` + it on a standard object (src/bundle/orgNames.ts). */
  orgName: string;
  kind: FieldKind;
  /** True when the schema supplies a default (the field is then always present after parsing). */
  hasDefault: boolean;
  /** Reference fields (lower-case names like `parent`, `buyingCenter`) point at another record's key. */
  isReference: boolean;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The fields of a zod object schema (refined objects included), in declaration order. */
export function shapeFields(schema: z.ZodType): ShapeField[] {
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape).map(([name, s]) => {
    let cur = s;
    let hasDefault = false;
    for (;;) {
      const d = defOf(cur);
      if (d.type === 'default') hasDefault = true;
      if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType)
        cur = d.innerType;
      else break;
    }
    const t = defOf(cur).type;
    const kind: FieldKind = t === 'string' || t === 'number' || t === 'boolean' || t === 'enum' ? t : 'other';
    return {
      name,
      orgName: orgFieldName(schema, name),
      kind,
      hasDefault,
      isReference: /^[a-z]/.test(name) && name !== 'key'
    };
  });
}

/** Only the org fields (API names start upper-case), e.g. `Name`, `Stance__c`. */
export function apiFields(schema: z.ZodType): ShapeField[] {
  return shapeFields(schema).filter((f) => /^[A-Z]/.test(f.name));
}
