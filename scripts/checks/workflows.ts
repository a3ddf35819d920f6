/**
 * Validates GitHub workflow files offline with `@action-validator/core` (the SchemaStore workflow
 * schema compiled to WebAssembly), plus the project's own rules for the scratch-org workflow.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow, type ValidationError } from '@action-validator/core';
import { ROOT } from '../lib/paths';

export const WORKFLOWS_DIR = path.join(ROOT, '.github', 'workflows');

function flatten(errors: ValidationError[], depth = 0): string[] {
  return errors.flatMap((e) => {
    const where =
      'path' in e && e.path ? e.path : 'location' in e && e.location ? `line ${e.location.line}` : '';
    const line = `${'  '.repeat(depth)}${where} ${e.title}${e.detail ? `: ${e.detail}` : ''}`.trim();
    const nested = 'states' in e && e.states ? e.states.flatMap((s) => flatten(s.errors, depth + 1)) : [];
    return [line, ...nested];
  });
}

/** Schema errors of one workflow text, one line each (nested one-of alternatives indented). */
export function workflowErrors(source: string): string[] {
  return flatten(validateWorkflow(source).errors);
}

export function workflowFiles(dir: string = WORKFLOWS_DIR): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => path.join(dir, f))
    : [];
}

export const readWorkflow = (file: string): string => readFileSync(file, 'utf8');
