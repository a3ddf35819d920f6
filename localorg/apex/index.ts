import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export * from './registry';

const CONTROLLERS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'controllers');

/**
 * Imports every twin module in localorg/apex/controllers (one file per Apex controller, e.g.
 * `OrgChartController.ts`, calling registerApex at load), so adding a twin needs no wiring.
 */
export async function loadApexTwins(dir = CONTROLLERS_DIR): Promise<void> {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.endsWith('.d.ts')) continue;
    await import(pathToFileURL(path.join(dir, file)).href);
  }
}
