/**
 * docs/ARCHITECTURE.md names the one home of every rule by file path: every path it cites in backticks
 * must exist, so a moved or deleted file makes the page fail here instead of quietly lying.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const DOC = 'docs/ARCHITECTURE.md';

/**
 * Short prefixes the page defines in its table legend ("Paths: `classes/` = ..."), expanded before the
 * check. Keep in step with the legend line: a prefix missing here leaves its paths unresolved and failing.
 */
const ALIASES: Record<string, string> = {
  'classes/': 'force-app/main/default/classes/',
  'core/': 'force-app/main/default/lwc/keyplanCore/',
  'objects/': 'force-app/main/default/objects/',
  'twins/': 'localorg/apex/controllers/'
};

/** Top-level folders and root files of the repository: a backticked token starting with one is a path. */
const TOP = [
  'force-app/',
  'src/',
  'localorg/',
  'scripts/',
  'test/',
  'types/',
  'docs/',
  'preview/',
  'e2e/',
  'bench/',
  'data/',
  'config/',
  '.github/',
  ...Object.keys(ALIASES)
];
const ROOT_FILES = ['README.md', 'package.json', 'eslint.config.js', 'sfdx-project.json', 'tsconfig.json'];

/** The paths a markdown text cites in backticks (placeholders like `<Object>` are not paths). */
export function citedPaths(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.matchAll(/`([^`\s]+)`/g)) {
    const token = m[1].replace(/[.,;:]+$/, '');
    if (token.includes('<')) continue;
    if (ROOT_FILES.includes(token) || TOP.some((t) => token.startsWith(t))) found.add(token);
  }
  return [...found];
}

const expand = (p: string): string => {
  const alias = Object.keys(ALIASES).find((a) => p.startsWith(a) && !p.startsWith('force-app/'));
  return alias ? ALIASES[alias] + p.slice(alias.length) : p;
};

/** A path exists; a last segment with `*` must match at least one file in its (existing) folder. */
function exists(root: string, cited: string): boolean {
  const p = expand(cited);
  if (!p.includes('*')) return existsSync(path.join(root, p));
  const dir = path.dirname(p);
  if (dir.includes('*') || !existsSync(path.join(root, dir))) return false;
  const pattern = new RegExp(
    '^' +
      path
        .basename(p)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*') +
      '$'
  );
  return readdirSync(path.join(root, dir)).some((f) => pattern.test(f));
}

/**
 * Backticked file names that are not anchored at a folder (`KeyplanDto.cls` rather than
 * `classes/KeyplanDto.cls`): the check cannot tell whether they exist, so the page must not use them.
 */
export function unanchoredFiles(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.matchAll(/`([^`\s]+)`/g)) {
    const token = m[1];
    if (!/[^.]\.(cls|trigger|ts|json|xml|md|js)$/.test(token) || token.includes('<')) continue;
    if (!ROOT_FILES.includes(token) && !TOP.some((t) => token.startsWith(t))) found.add(token);
  }
  return [...found];
}

/** The cited paths that do not exist under `root`, and file names cited without their folder. */
export function missingPaths(markdown: string, root: string): string[] {
  return [...citedPaths(markdown).filter((p) => !exists(root, p)), ...unanchoredFiles(markdown)];
}

test(`every path ${DOC} cites exists`, () => {
  const text = readFileSync(path.join(ROOT, DOC), 'utf8');
  const cited = citedPaths(text);
  assert.ok(cited.length > 50, `expected the page to cite its homes by path, found ${cited.length}`);
  assert.deepEqual(missingPaths(text, ROOT), []);
});

test('the legend of the page defines exactly the aliases the check expands', () => {
  const text = readFileSync(path.join(ROOT, DOC), 'utf8');
  for (const [alias, full] of Object.entries(ALIASES)) {
    assert.ok(text.includes(`\`${alias}\` = \`${full}\``), `legend entry for ${alias}`);
  }
});

test('the check can fail: a missing file, globs matching nothing and a file name without its folder are reported, placeholders and module names are not paths', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'arch-doc-'));
  mkdirSync(path.join(root, 'src/contracts'), { recursive: true });
  mkdirSync(path.join(root, 'force-app/main/default/classes'), { recursive: true });
  writeFileSync(path.join(root, 'src/contracts/common.ts'), '');
  writeFileSync(path.join(root, 'force-app/main/default/classes/A.cls'), '');
  const sample = [
    'Home: `src/contracts/common.ts` and `classes/A.cls`, `classes/*.cls`; placeholder `objects/<Object>/x`.',
    'Gone: `src/contracts/gone.ts`, `classes/*Selector.cls`, `types/apex/*.d.ts`.',
    'Not paths: `c/keyplanCore`, `@salesforce/apex`, `summariseYear`, `.cls`.',
    'Unanchored: `KeyplanDto.cls`.'
  ].join('\n');
  assert.deepEqual(citedPaths(sample).sort(), [
    'classes/*.cls',
    'classes/*Selector.cls',
    'classes/A.cls',
    'src/contracts/common.ts',
    'src/contracts/gone.ts',
    'types/apex/*.d.ts'
  ]);
  assert.deepEqual(missingPaths(sample, root).sort(), [
    'KeyplanDto.cls',
    'classes/*Selector.cls',
    'src/contracts/gone.ts',
    'types/apex/*.d.ts'
  ]);
});
