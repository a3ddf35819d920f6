/**
 * Writes the demo account's data tree plan to data/tree/ (scripts/lib/treePlan.ts), or with --check
 * fails when the files there differ from what the generator makes (missing, changed or extra files).
 *
 *   tsx scripts/gen-tree-plan.ts [--check]
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoTree, TREE_DIR, treeDifferences } from './lib/treePlan';

function main(): void {
  const files = demoTree();
  if (process.argv.includes('--check')) {
    const problems = treeDifferences(files, TREE_DIR);
    if (problems.length) {
      console.error(`data/tree is not what scripts/gen-tree-plan.ts generates:\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`data/tree: ${files.size} files agree with the generator`);
    return;
  }
  if (existsSync(TREE_DIR)) rmSync(TREE_DIR, { recursive: true });
  mkdirSync(TREE_DIR, { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(TREE_DIR, name), text);
  console.log(`data/tree: wrote ${files.size} files`);
}

main();
