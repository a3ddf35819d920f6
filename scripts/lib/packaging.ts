/**
 * The package as the project builds it: one source of truth for the package scripts
 * (`npm run package:create` / `package:version`), the preflight and the CMDT manageability check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

export const PACKAGE_NAME = 'Keyplan';
/** `npm run package:create` creates an unlocked package (no namespace). */
export const PACKAGE_TYPE = 'Unlocked';
export const SCRATCH_DEF = 'config/project-scratch-def.json';

export interface PackageDirectory {
  path: string;
  default?: boolean;
  package?: string;
  versionName?: string;
  versionNumber?: string;
  definitionFile?: string;
  [key: string]: unknown;
}

export interface SfdxProject {
  packageDirectories: PackageDirectory[];
  namespace?: string;
  sourceApiVersion?: string;
  packageAliases?: Record<string, string>;
  [key: string]: unknown;
}

export function readProject(root: string = ROOT): SfdxProject {
  return JSON.parse(readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as SfdxProject;
}

/** The 0Ho alias of the package, when `package:create` has written it. */
export function packageAlias(project: SfdxProject, name: string = PACKAGE_NAME): string | undefined {
  const id = project.packageAliases?.[name];
  return id && id.startsWith('0Ho') ? id : undefined;
}
