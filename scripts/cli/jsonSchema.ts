/** The account bundle's JSON Schema, generated from the zod schema (zod 4 `z.toJSONSchema`). */
import { z } from 'zod';
import { AccountBundle } from '../../src/bundle/schema';

export const SCHEMA_FILE = 'docs/account-bundle.schema.json';

/**
 * The schema text as checked in. `io: 'input'` describes what a file may contain (fields with
 * defaults are optional); refinements zod cannot express (one of fromContact/fromUser, competitor
 * named, cross-record references) are enforced by `checkBundle` at import.
 */
export function bundleJsonSchema(): string {
  const schema = z.toJSONSchema(AccountBundle, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const out = {
    $schema: schema.$schema,
    $id: 'https://keyplan.example/schemas/account-bundle.schema.json',
    title: 'Keyplan account bundle',
    description:
      'One account and everything Keyplan knows about it. Records refer to each other by keys; `npm run keyplan -- import` validates the whole file (including references, duplicate keys and reporting cycles) before writing. Generated from src/bundle/schema.ts by `npm run keyplan -- schema`: do not edit.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema'))
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
