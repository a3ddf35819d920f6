/**
 * Builds the browser preview: the real components from force-app/main/default/lwc (the `.js` that
 * `npm run build` emits beside the `.ts`), compiled with LWC OSS on one engine, with
 * lightning-base-components and local stand-ins for the platform modules, into preview/dist.
 *
 *   tsx preview/build.ts            build unless the inputs are unchanged (hash in dist/.inputs-hash)
 *   tsx preview/build.ts --force    always build
 *
 * Run `npm run build` first: the components are read as compiled JavaScript.
 */
import { transformAsync } from '@babel/core';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup, type Plugin, type RollupCache } from 'rollup';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const PREVIEW = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(PREVIEW, '..');
export const DIST = path.join(PREVIEW, 'dist');
const CLIENT = path.join(PREVIEW, 'client');
/** KEYPLAN_PREVIEW_LWC_DIR builds another copy of the components (e.g. compiled with other Babel options). */
const LWC_DIR = process.env.KEYPLAN_PREVIEW_LWC_DIR
  ? path.resolve(process.env.KEYPLAN_PREVIEW_LWC_DIR)
  : path.join(ROOT, 'force-app/main/default/lwc');
const SLDS = path.join(ROOT, 'node_modules/@salesforce-ux/design-system/assets');
/**
 * Rollup's module cache (transformed modules) between builds: a rebuild after a component edit
 * re-compiles only what changed instead of all of lightning-base-components. Kept under
 * node_modules/.cache, so `npm ci` starts clean; rollup re-checks every module's source anyway. One cache
 * per checkout (keyed by its path): two checkouts sharing one node_modules (git worktrees) must never
 * reuse each other's resolved module ids, or a build silently bundles the other checkout's components.
 */
const CACHE_FILE = path.join(
  ROOT,
  'node_modules/.cache/keyplan-preview',
  `rollup-cache-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.json`
);

async function readCache(): Promise<RollupCache | undefined> {
  try {
    return JSON.parse(await fs.readFile(CACHE_FILE, 'utf8')) as RollupCache;
  } catch {
    return undefined; // no cache yet, or an unreadable one: build from scratch
  }
}

/** The Account page components, in page order. Only those present at build time are bundled. */
export const PAGE_COMPONENTS = [
  'accountPlanSummary',
  'orgChartHeatmap',
  'whitespaceMatrix',
  'bantPanel',
  'planSinceReview'
] as const;

/** `fooBar` -> `c-foo-bar`. */
export function tagOf(name: string): string {
  return `c-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Component folders that have a compiled `<name>.js` (the module the platform would load). */
export async function componentFolders(): Promise<string[]> {
  const entries = await fs.readdir(LWC_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(LWC_DIR, e.name, `${e.name}.js`)))
    .map((e) => e.name)
    .sort();
}

/** A Salesforce-ish static import (`@salesforce/...`, `lightning/...`) resolved to local code. */
const CLIENT_MODULES: Record<string, string> = {
  'lightning/navigation': 'navigation.ts',
  'lightning/platformShowToastEvent': 'toast.ts',
  'lightning/uiObjectInfoApi': 'objectInfo.ts',
  'lightning/uiRecordApi': 'uiRecordApi.ts'
};

const VIRTUAL = '\0keyplan:';

/**
 * lightning-base-components feature gates the preview closes: they need platform features synthetic
 * shadow lacks (lightning-combobox calls attachInternals, which synthetic shadow refuses).
 */
const CLOSED_GATES = new Set(['@salesforce/gate/bc.260.enableComboboxElementInternals']);
const js = JSON.stringify;

function clientPath(file: string): string {
  return path.join(CLIENT, file);
}

/** Generated modules: the Apex stand-ins, @salesforce/* values, and the list of page components. */
function keyplanPlatform(present: string[], missingNames: readonly string[]): Plugin {
  return {
    name: 'keyplan-platform',
    resolveId(source) {
      if (source in CLIENT_MODULES) return clientPath(CLIENT_MODULES[source]);
      if (
        source.startsWith('@salesforce/apex') ||
        source.startsWith('@salesforce/schema/') ||
        source.startsWith('@salesforce/label/c.')
      )
        return VIRTUAL + source;
      if (
        source === '@salesforce/user/Id' ||
        source === '@salesforce/i18n/locale' ||
        source === '@salesforce/i18n/currency'
      )
        return VIRTUAL + source;
      if (source === 'virtual:keyplan-components' || CLOSED_GATES.has(source)) return VIRTUAL + source;
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const source = id.slice(VIRTUAL.length);
      if (CLOSED_GATES.has(source)) return 'export default { isOpen: () => false };';
      if (source === '@salesforce/apex') return `export { refreshApex } from ${js(clientPath('apex.ts'))};`;
      const apex = /^@salesforce\/apex\/(\w+)\.(\w+)$/.exec(source);
      if (apex)
        return `import { makeApexMethod } from ${js(clientPath('apex.ts'))};\nexport default makeApexMethod(${js(apex[1])}, ${js(apex[2])});`;
      if (source.startsWith('@salesforce/apex/'))
        this.error(`${source}: expected @salesforce/apex/<Class>.<method>`);
      if (source.startsWith('@salesforce/schema/')) {
        const [objectApiName, ...rest] = source.slice('@salesforce/schema/'.length).split('.');
        const value = rest.length ? { objectApiName, fieldApiName: rest.join('.') } : { objectApiName };
        return `export default ${js(value)};`;
      }
      if (source.startsWith('@salesforce/label/c.'))
        return `export default ${js(source.slice('@salesforce/label/c.'.length))};`;
      if (source === '@salesforce/user/Id')
        return `export { USER_ID as default } from ${js(clientPath('platform.ts'))};`;
      if (source === '@salesforce/i18n/locale') return `export default 'en-US';`;
      if (source === '@salesforce/i18n/currency') return `export default 'USD';`;
      if (source === 'virtual:keyplan-components') {
        const lines = present.map((name, i) => `import C${i} from ${js(`c/${name}`)};`);
        const list = present.map((name, i) => `{ name: ${js(name)}, tag: ${js(tagOf(name))}, ctor: C${i} }`);
        const missing = missingNames.map((name) => ({ name, tag: tagOf(name) }));
        return `${lines.join('\n')}\nexport const components = [${list.join(', ')}];\nexport const missing = ${js(missing)};\n`;
      }
      return null;
    },
    async transform(code, id) {
      // The page shell and stand-ins are TypeScript; Babel strips the types (no type-check here: tsc does that).
      if (!id.startsWith(CLIENT) || !id.endsWith('.ts')) return null;
      const out = await transformAsync(code, {
        filename: id,
        babelrc: false,
        configFile: false,
        sourceType: 'module',
        presets: [['@babel/preset-typescript', { onlyRemoveTypeImports: false }]]
      });
      return out?.code ? { code: out.code, map: null } : null;
    }
  };
}

/** Every file whose change should trigger a rebuild. */
async function inputFiles(): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, keep: (f: string) => boolean): Promise<void> {
    if (!existsSync(dir)) return;
    for (const e of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '__tests__' && e.name !== 'node_modules') await walk(p, keep);
      } else if (keep(p)) out.push(p);
    }
  }
  await walk(LWC_DIR, (f) => /\.(js|html|css)$/.test(f));
  await walk(CLIENT, () => true);
  out.push(fileURLToPath(import.meta.url), path.join(ROOT, 'package-lock.json'));
  return out.sort();
}

/** Hash of the build's inputs (paths and contents). */
export async function inputsHash(): Promise<string> {
  const h = createHash('sha256');
  for (const f of await inputFiles()) {
    h.update(path.relative(ROOT, f));
    h.update('\0');
    h.update(await fs.readFile(f));
    h.update('\0');
  }
  return h.digest('hex');
}

export interface BuildResult {
  skipped: boolean;
  ms: number;
  components: string[];
  missing: string[];
  bytes: number;
}

async function copySlds(): Promise<void> {
  const dest = path.join(DIST, 'slds');
  await fs.mkdir(path.join(dest, 'styles'), { recursive: true });
  await fs.copyFile(
    path.join(SLDS, 'styles/salesforce-lightning-design-system.min.css'),
    path.join(dest, 'styles/salesforce-lightning-design-system.min.css')
  );
  // The CSS refers to ../images/*; lightning-icon draws inline SVG, the sprites serve plain <svg><use>.
  await fs.cp(path.join(SLDS, 'images'), path.join(dest, 'images'), { recursive: true });
  for (const kind of ['utility', 'standard', 'action', 'doctype', 'custom']) {
    await fs.cp(path.join(SLDS, `icons/${kind}-sprite`), path.join(dest, `icons/${kind}-sprite`), {
      recursive: true
    });
  }
}

/** Builds preview/dist (skipped when the inputs hash matches the last build, unless `force`). */
export async function buildPreview(
  opts: { force?: boolean; dev?: boolean; pageComponents?: readonly string[] } = {}
): Promise<BuildResult> {
  const started = performance.now();
  const hash = await inputsHash();
  const hashFile = path.join(DIST, '.inputs-hash');
  const wanted = opts.pageComponents ?? PAGE_COMPONENTS;
  const present = (await componentFolders()).filter((n) => wanted.includes(n));
  const missing = wanted.filter((n) => !present.includes(n));
  const stamp = `${hash}${opts.dev ? ':dev' : ''}:${wanted.join(',')}`;
  if (
    !opts.force &&
    existsSync(hashFile) &&
    existsSync(path.join(DIST, 'app.js')) &&
    (await fs.readFile(hashFile, 'utf8')) === stamp
  ) {
    const bytes = (await fs.stat(path.join(DIST, 'app.js'))).size;
    return {
      skipped: true,
      ms: Math.round(performance.now() - started),
      components: present,
      missing,
      bytes
    };
  }

  const folders = await componentFolders();
  const modules = [
    // One engine for everything, including lightning-base-components (which also imports 'lwc').
    { name: 'lwc', path: require.resolve('@lwc/engine-dom/dist/index.js') },
    ...folders.map((name) => ({ name: `c/${name}`, path: path.join(LWC_DIR, name, `${name}.js`) })),
    { npm: 'lightning-base-components' }
  ];
  const bundle = await rollup({
    input: clientPath('main.ts'),
    cache: opts.force ? undefined : await readCache(),
    plugins: [
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': js(opts.dev ? 'development' : 'production'),
          'import.meta.env.SSR': 'false'
        }
      }),
      keyplanPlatform(present, missing),
      lwc({ rootDir: LWC_DIR, modules, exclude: [`${CLIENT}/**`] })
    ],
    onwarn(warning, warn) {
      // LBC ships code rollup flags as circular or with `this` at top level; neither matters here.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // lightning-base-components' own templates draw LWC compiler warnings that are not ours to fix.
      if (
        warning.id?.includes('node_modules/lightning-base-components') ||
        warning.message.includes('node_modules/lightning-base-components')
      )
        return;
      warn(warning);
    }
  });
  await fs.rm(DIST, { recursive: true, force: true });
  await fs.mkdir(DIST, { recursive: true });
  await bundle.write({
    file: path.join(DIST, 'app.js'),
    format: 'es',
    inlineDynamicImports: true,
    sourcemap: opts.dev ? true : false
  });
  const cache = bundle.cache;
  await bundle.close();
  if (cache) {
    await fs.mkdir(path.dirname(CACHE_FILE), { recursive: true });
    // Without the ASTs (rollup re-parses; parsing is fast) the cache is ~10x smaller to write and read.
    for (const m of cache.modules) (m as { ast?: unknown }).ast = null;
    await fs.writeFile(CACHE_FILE, JSON.stringify(cache));
  }
  await fs.copyFile(path.join(CLIENT, 'index.html'), path.join(DIST, 'index.html'));
  await fs.copyFile(path.join(CLIENT, 'preview.css'), path.join(DIST, 'preview.css'));
  await copySlds();
  await fs.writeFile(hashFile, stamp);
  const bytes = (await fs.stat(path.join(DIST, 'app.js'))).size;
  return { skipped: false, ms: Math.round(performance.now() - started), components: present, missing, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // KEYPLAN_PREVIEW_COMPONENTS=a,b builds another component list (used to smoke-test the pipeline).
  const list = process.env.KEYPLAN_PREVIEW_COMPONENTS?.split(',').filter(Boolean);
  buildPreview({
    force: process.argv.includes('--force'),
    dev: process.argv.includes('--dev'),
    pageComponents: list
  }).then(
    (r) => {
      const what = r.skipped ? 'up to date' : `built in ${(r.ms / 1000).toFixed(1)} s`;
      console.log(
        `preview: ${what}, app.js ${(r.bytes / 1e6).toFixed(2)} MB; components: ${r.components.join(', ') || 'none yet'}${r.missing.length ? `; not yet written: ${r.missing.join(', ')}` : ''}`
      );
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    }
  );
}
