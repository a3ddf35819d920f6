import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Repository root (scripts/lib/.. /..). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const FORCE_APP = path.join(ROOT, 'force-app');
export const MAIN = path.join(FORCE_APP, 'main', 'default');
/** Every lwc folder in the package directories. */
export const LWC_DIRS = [path.join(MAIN, 'lwc')];

export function relative(file: string): string {
  return path.relative(ROOT, file);
}

/** Every file below `dir` (recursive), as absolute paths, sorted. */
export async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out.sort();
}

/** The TypeScript sources of the components: not declarations, not tests or mocks. */
export async function listLwcSources(lwcDir: string): Promise<string[]> {
  return (await walk(lwcDir)).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !/[\\/]__(tests|mocks)__[\\/]/.test(f)
  );
}
