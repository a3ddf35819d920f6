/**
 * Reads the JSON of `sf apex run test --code-coverage --result-format json` and fails when a test
 * failed, no test ran, or the org-wide coverage is under the threshold (the scratch-org workflow's
 * gate; the org holds only Keyplan's Apex there, so org-wide coverage is the package's).
 *
 *   tsx scripts/checks/apexCoverage.ts <result.json> [minPercent=85]
 */
import { readFileSync } from 'node:fs';

interface SfApexResult {
  status?: number;
  message?: string;
  result?: {
    summary?: {
      outcome?: string;
      testsRan?: number;
      passing?: number;
      failing?: number;
      orgWideCoverage?: string;
      testRunCoverage?: string;
    };
    tests?: { FullName?: string; Outcome?: string; Message?: string }[];
  };
}

export interface CoverageVerdict {
  ok: boolean;
  lines: string[];
  coverage?: number;
}

const percent = (v: string | undefined): number | undefined => {
  const n = Number(String(v ?? '').replace('%', ''));
  return v === undefined || Number.isNaN(n) ? undefined : n;
};

export function coverageVerdict(json: string, minPercent = 85): CoverageVerdict {
  let parsed: SfApexResult;
  try {
    parsed = JSON.parse(json) as SfApexResult;
  } catch {
    return { ok: false, lines: ['apex tests: the result is not JSON (did sf fail before running tests?)'] };
  }
  const summary = parsed.result?.summary;
  if (!summary)
    return {
      ok: false,
      lines: [`apex tests: no test summary in the result: ${parsed.message ?? 'unknown error'}`]
    };
  const coverage = percent(summary.orgWideCoverage ?? summary.testRunCoverage);
  const lines = [
    `apex tests: ${summary.testsRan ?? 0} ran, ${summary.passing ?? 0} passed, ${summary.failing ?? 0} failed, ` +
      `outcome ${summary.outcome ?? '?'}, org-wide coverage ${coverage ?? '?'}% (minimum ${minPercent}%)`
  ];
  for (const t of parsed.result?.tests ?? [])
    if (t.Outcome && t.Outcome !== 'Pass')
      lines.push(`  ${t.Outcome}: ${t.FullName ?? '?'}: ${t.Message ?? ''}`);
  let ok = true;
  if (!summary.testsRan) {
    ok = false;
    lines.push('apex tests: no test ran');
  }
  if ((summary.failing ?? 0) > 0 || (summary.outcome && summary.outcome !== 'Passed')) ok = false;
  if (coverage === undefined) {
    ok = false;
    lines.push('apex tests: no coverage figure (run with --code-coverage)');
  } else if (coverage < minPercent) {
    ok = false;
    lines.push(`apex tests: coverage ${coverage}% is under ${minPercent}%`);
  }
  return { ok, lines, coverage };
}

if (require.main === module) {
  const [file, min] = process.argv.slice(2);
  if (!file) {
    console.error('usage: tsx scripts/checks/apexCoverage.ts <result.json> [minPercent]');
    process.exit(2);
  }
  const verdict = coverageVerdict(readFileSync(file, 'utf8'), min ? Number(min) : 85);
  for (const l of verdict.lines) console.log(l);
  process.exit(verdict.ok ? 0 : 1);
}
