/**
 * The layer table of docs/ARCHITECTURE.md ("Layers and which imports are allowed"), enforced: every
 * non-test TypeScript source is read, its imports resolved to a layer, and an import the table forbids
 * fails here with the file and the import. Tests and test support may import across layers.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const LWC = 'force-app/main/default/lwc/';

type Layer =
  | 'contracts'
  | 'core'
  | 'component'
  | 'src'
  | 'localorg'
  | 'preview'
  | 'scripts'
  | 'data'
  | 'test'
  | 'package'
  | 'node'
  | 'platform';

/** One import of one file, resolved. */
export interface ImportRef {
  spec: string;
  typeOnly: boolean;
  layer: Layer;
  /** Repository path of the target for project files, the package name otherwise. */
  target: string;
}

/** The layer a repository path belongs to (undefined: test code or not a layered source). */
export function layerOfFile(file: string): Layer | undefined {
  if (/\.test\.ts$|\/__tests__\/|^test\/|^e2e\/|^bench\/|^localorg\/test\/|\/lib\/testing\.ts$/.test(file)) {
    return undefined;
  }
  if (file.startsWith('src/contracts/')) return 'contracts';
  if (file.startsWith(`${LWC}keyplanCore/`)) return 'core';
  if (file.startsWith(LWC)) return 'component';
  if (file.startsWith('src/')) return 'src';
  if (file.startsWith('localorg/')) return 'localorg';
  if (file.startsWith('preview/')) return 'preview';
  if (file.startsWith('scripts/')) return 'scripts';
  if (file.startsWith('data/')) return 'data';
  return undefined;
}

function resolve(file: string, spec: string): Omit<ImportRef, 'spec' | 'typeOnly'> {
  if (spec.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    return { target, layer: layerOfFile(target) ?? 'test' };
  }
  if (spec === '@keyplan/contracts') return { target: 'src/contracts', layer: 'contracts' };
  if (spec === 'c/keyplanCore') return { target: `${LWC}keyplanCore`, layer: 'core' };
  if (spec.startsWith('c/')) return { target: LWC + spec.slice(2), layer: 'component' };
  if (spec.startsWith('node:')) return { target: spec, layer: 'node' };
  if (spec === 'lwc' || spec.startsWith('lightning/') || spec.startsWith('@salesforce/')) {
    return { target: spec, layer: 'platform' };
  }
  return {
    target: spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0],
    layer: 'package'
  };
}

/** The static imports and re-exports of a TypeScript source. */
export function importsOf(file: string, text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) {
    const spec = m[4] ?? m[5];
    const names = m[3] ?? '';
    const braces = /^\{([\s\S]*)\}$/.exec(names.trim());
    const allInlineTypes =
      braces !== null &&
      braces[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '));
    refs.push({ spec, typeOnly: Boolean(m[2]) || allInlineTypes, ...resolve(file, spec) });
  }
  return refs;
}

/** Why an import breaks the layer table, or null when it is allowed. */
export function breach(from: Layer, file: string, ref: ImportRef): string | null {
  const own = (prefix: string): boolean => ref.target.startsWith(prefix);
  switch (from) {
    case 'contracts':
      return ref.layer === 'contracts' || ref.target === 'zod' ? null : 'contracts import only zod';
    case 'core':
      if (ref.layer === 'core' || ref.target === 'd3-hierarchy' || ref.target === `${LWC}d3Hierarchy`)
        return null;
      if (ref.layer === 'contracts')
        return ref.typeOnly ? null : 'the core imports only types from the contracts';
      return 'the core is pure TypeScript: its own files, contract types and d3-hierarchy';
    case 'component': {
      const folder = file.split('/').slice(0, 5).join('/');
      if (['platform', 'core', 'contracts'].includes(ref.layer) || own(folder)) return null;
      // c/* modules; another component's file by relative path only for types (erased at compile)
      if (ref.layer === 'component' && (!ref.spec.startsWith('.') || ref.typeOnly)) return null;
      if (ref.layer === 'package' && ref.target === 'd3-hierarchy') return null;
      return 'components import the platform, c/* modules and the contracts only';
    }
    case 'src':
      return ['localorg', 'scripts', 'preview', 'component'].includes(ref.layer)
        ? 'src/ does not import the local org, scripts, the preview or components'
        : null;
    case 'localorg':
      if (ref.layer === 'scripts' && ref.target.startsWith('scripts/lib/')) return null;
      return ['scripts', 'preview', 'component'].includes(ref.layer)
        ? 'the local org does not import scripts (except the shared readers in scripts/lib), the preview or components'
        : null;
    case 'preview':
      if (ref.layer === 'scripts' && ref.target.startsWith('scripts/lib/')) return null;
      return ref.layer === 'scripts' ? 'the preview does not import scripts (except scripts/lib)' : null;
    case 'scripts':
      return ref.layer === 'component' || ref.layer === 'preview'
        ? 'scripts do not import components or the preview'
        : null;
    default:
      return null;
  }
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist' && entry.name !== 'data')
        out.push(...sources(rel));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Every breach of the layer table in the given files (repository path -> text). */
export function layerBreaches(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const from = layerOfFile(file);
    if (!from) continue;
    for (const ref of importsOf(file, text)) {
      const why = breach(from, file, ref);
      if (why) out.push(`${file} imports '${ref.spec}': ${why}`);
    }
  }
  return out;
}

test('every non-test source keeps to the layer table of docs/ARCHITECTURE.md', () => {
  const files: Record<string, string> = {};
  for (const dir of ['src', 'localorg', 'preview', 'scripts', 'force-app/main/default/lwc']) {
    for (const f of sources(dir)) files[f] = readFileSync(path.join(ROOT, f), 'utf8');
  }
  assert.ok(Object.keys(files).length > 100, 'the scan found the sources');
  const imports = Object.entries(files).reduce((n, [f, t]) => n + importsOf(f, t).length, 0);
  assert.ok(imports > 500, `the scan read the imports (${imports})`);
  assert.deepEqual(layerBreaches(files), []);
});

test('the layer check can fail: one breach per rule on a small bad sample', () => {
  const bad: Record<string, string> = {
    'src/contracts/x.ts': "import { readFileSync } from 'node:fs';",
    [`${LWC}keyplanCore/x.ts`]:
      "import { LightningElement } from 'lwc';\nimport { Money } from '@keyplan/contracts';",
    [`${LWC}widget/widget.ts`]: "import { startLocalOrg } from '../../../../../localorg/server';",
    'src/bundle/x.ts':
      "import {\n  toCellDto\n} from '../../localorg/apex/controllers/WhitespaceController';",
    'localorg/x.ts': "import { main } from '../scripts/cli/main';",
    'preview/x.ts': "export { main } from '../scripts/cli/main';",
    'scripts/x.ts': "import '../force-app/main/default/lwc/whitespaceMatrix/whitespaceMatrix';",
    // allowed: type-only contract imports in the core, c/* in components, and test files anywhere
    [`${LWC}keyplanCore/ok.ts`]:
      "import { type Money, type SfId } from '@keyplan/contracts';\nimport type { X } from '@keyplan/contracts';",
    [`${LWC}widget/ok.ts`]:
      "import { bantGaps } from 'c/keyplanCore';\nimport { reduceErrors } from 'c/keyplanErrors';\nimport type { V } from '../other/viewModel';",
    [`${LWC}widget/bad.ts`]: "import { build } from '../other/viewModel';",
    'localorg/x.test.ts': "import { main } from '../scripts/cli/main';",
    'localorg/ok.ts': "import { readApex } from '../scripts/lib/apex';"
  };
  const found = layerBreaches(bad);
  assert.deepEqual(
    found.map((b) => b.split(' imports ')[0]).sort(),
    [
      `${LWC}keyplanCore/x.ts`,
      `${LWC}keyplanCore/x.ts`,
      `${LWC}widget/bad.ts`,
      `${LWC}widget/widget.ts`,
      'localorg/x.ts',
      'preview/x.ts',
      'scripts/x.ts',
      'src/bundle/x.ts',
      'src/contracts/x.ts'
    ],
    found.join('\n')
  );
});
