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

const CLASSES = 'force-app/main/default/classes/';
const IDENT = /^[A-Za-z_$][\w$]*(\(\))?$/;
const bare = (ident: string): string => ident.replace(/\(\)$/, '');
const mentions = (text: string, name: string): boolean =>
  new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}([^\\w$]|$)`).test(text);

/**
 * The names the page says live in a file, as `[file, name]` pairs: `` `path` `name`, `name` `` or
 * `` `path`: `name` and `name` ``, `` `name` in `path` ``, and `` `Class.member` `` for an Apex class in
 * force-app/main/default/classes.
 */
export function citedNames(markdown: string, root: string): [string, string][] {
  const pairs: [string, string][] = [];
  const after = /`([^`\s]+\.(?:ts|cls))`:? ((?:`[^`]+`(?:, | and )?)+)/g;
  for (const m of markdown.matchAll(after)) {
    for (const n of m[2].matchAll(/`([^`]+)`/g)) if (IDENT.test(n[1])) pairs.push([expand(m[1]), bare(n[1])]);
  }
  for (const m of markdown.matchAll(/`([^`\s]+)` in `([^`\s]+\.(?:ts|cls))`/g)) {
    if (IDENT.test(m[1])) pairs.push([expand(m[2]), bare(m[1])]);
  }
  for (const m of markdown.matchAll(/`([A-Z]\w*)\.([A-Za-z_]\w*)(?:\(\))?`/g)) {
    const file = `${CLASSES}${m[1]}.cls`;
    if (existsSync(path.join(root, file))) pairs.push([file, m[2]]);
  }
  return pairs;
}

/** The cited names that do not occur in the file the page puts them in (as `file: name`). */
export function missingNames(markdown: string, root: string): string[] {
  return citedNames(markdown, root)
    .filter(
      ([file, name]) =>
        !existsSync(path.join(root, file)) || !mentions(readFileSync(path.join(root, file), 'utf8'), name)
    )
    .map(([file, name]) => `${file}: ${name}`);
}

test(`every path ${DOC} cites exists`, () => {
  const text = readFileSync(path.join(ROOT, DOC), 'utf8');
  const cited = citedPaths(text);
  assert.ok(cited.length > 50, `expected the page to cite its homes by path, found ${cited.length}`);
  assert.deepEqual(missingPaths(text, ROOT), []);
});

test(`every function, constant or method ${DOC} places in a file is in that file`, () => {
  const text = readFileSync(path.join(ROOT, DOC), 'utf8');
  const cited = citedNames(text, ROOT);
  assert.ok(cited.length > 40, `expected the page to name its homes' functions, found ${cited.length}`);
  assert.deepEqual(missingNames(text, ROOT), []);
});

test('the name check can fail: a function not in its file, an Apex method not in its class', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'arch-names-'));
  mkdirSync(path.join(root, 'src/core'), { recursive: true });
  mkdirSync(path.join(root, CLASSES), { recursive: true });
  writeFileSync(
    path.join(root, 'src/core/figures.ts'),
    'export function summariseYear() {}\nexport const MAX = 1;'
  );
  writeFileSync(path.join(root, `${CLASSES}KeyplanGuard.cls`), 'public static void require(Object v) {}');
  const sample = [
    'Home: `src/core/figures.ts`: `summariseYear`, `summarise` and `MAX`; `MAX` in `src/core/figures.ts`.',
    'Apex: `KeyplanGuard.require`, `KeyplanGuard.fail`, `Unknown.thing`; `src/core/gone.ts` `x`.'
  ].join('\n');
  assert.deepEqual(missingNames(sample, root).sort(), [
    `${CLASSES}KeyplanGuard.cls: fail`,
    'src/core/figures.ts: summarise',
    'src/core/gone.ts: x'
  ]);
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
