/**
 * Test-data portability lint on Apex (finding L8): what runs in the package build org but breaks in
 * a customer org under RunLocalTests.
 * - no Profile looked up by Name (the name is the translated label: "System Administrator" is not
 *   found for a German user) and no standard profile name literal;
 * - no literal StageName values (restricted picklist; customised sales processes reject them; read
 *   OpportunityStage by IsWon/IsClosed);
 * - no `Date.newInstance(<year>, 12, 31)` as "the last day of the fiscal year" (orgs with a
 *   non-January fiscal year);
 * - no ObjectPermissions insert that grants Account without Contact or the reverse (Person Account
 *   orgs couple them).
 * Comments are ignored; line numbers are kept.
 *
 *   tsx scripts/checks/portability.ts [force-app/main/default]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { MAIN, relative } from '../lib/paths';

interface Rule {
  id: string;
  pattern: RegExp;
  message: string;
}

export const PORTABILITY_RULES: Rule[] = [
  {
    id: 'profile-by-name',
    pattern: /\bFROM\s+Profile\s+WHERE\s+Name\s*(?:=|IN\b|LIKE\b)/i,
    message:
      'Profile looked up by Name (translated label): find it by permissions, e.g. PermissionsModifyAllData'
  },
  {
    id: 'profile-name-literal',
    pattern: /'(?:System Administrator|Standard User|Read Only|Minimum Access - Salesforce)'/i,
    message: 'standard profile name literal (translated label in non-English orgs)'
  },
  {
    id: 'stage-literal',
    pattern:
      /\bStageName\s*(?:=|==|!=|<>)\s*'|'\s*(?:==|!=|<>)\s*[\w.]*\bStageName\b|\bStageName\s+(?:NOT\s+)?IN\s*\(\s*'/i,
    message: 'literal StageName value: read OpportunityStage (IsActive, IsClosed, IsWon) instead'
  },
  {
    id: 'calendar-fiscal-year',
    pattern: /\bDate\.newInstance\(\s*[^,()]+,\s*12\s*,\s*31\s*\)/i,
    message:
      'Date.newInstance(<year>, 12, 31) assumes a calendar fiscal year: derive dates from FiscalYearSettings/Period'
  }
];

/** Blanks out comments (keeping newlines and string literals) so line numbers stay right. */
export function stripApexComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'/g, (m) =>
    m.startsWith("'") ? m : m.replace(/[^\n]/g, ' ')
  );
}

/**
 * Person Account orgs couple Account and Contact object permissions ("Read Account depends on Read
 * Contact"): one `insert` of ObjectPermissions that names Account without Contact (or the reverse)
 * fails there. Returns `line: message` for each such statement.
 */
export function personAccountInserts(code: string): { line: number; message: string }[] {
  const out: { line: number; message: string }[] = [];
  for (const m of code.matchAll(/\binsert\b[^;]*?\bObjectPermissions\s*\([^;]*;/gi)) {
    const types = new Set([...m[0].matchAll(/\bSobjectType\s*=\s*'(\w+)'/gi)].map((t) => t[1].toLowerCase()));
    if (types.has('account') !== types.has('contact'))
      out.push({
        line: code.slice(0, m.index).split('\n').length,
        message: `person-account-permissions: ObjectPermissions for ${types.has('account') ? 'Account without Contact' : 'Contact without Account'} in one insert: Person Account orgs reject it ("Read Account depends on Read Contact"); insert both in one DML (verify in a Person Account scratch org)`
      });
  }
  return out;
}

export function portabilityProblemsIn(file: string, source: string): string[] {
  const code = stripApexComments(source);
  const lines = code.split('\n');
  const out: { line: number; text: string }[] = [];
  lines.forEach((line, i) => {
    for (const rule of PORTABILITY_RULES) {
      if (rule.pattern.test(line))
        out.push({ line: i + 1, text: `${file}:${i + 1}: ${rule.id}: ${rule.message}: ${line.trim()}` });
    }
  });
  for (const p of personAccountInserts(code))
    out.push({ line: p.line, text: `${file}:${p.line}: ${p.message}` });
  return out.sort((a, b) => a.line - b.line).map((o) => o.text);
}

export function portabilityProblems(mainDir: string): { problems: string[]; files: number } {
  const dirs = ['classes', 'triggers'].map((d) => path.join(mainDir, d)).filter(existsSync);
  const files = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.cls') || f.endsWith('.trigger'))
      .sort()
      .map((f) => path.join(d, f))
  );
  return {
    problems: files.flatMap((f) => portabilityProblemsIn(relative(f), readFileSync(f, 'utf8'))),
    files: files.length
  };
}

if (require.main === module) {
  const r = portabilityProblems(path.resolve(process.argv[2] ?? MAIN));
  console.log(`portability: ${r.files} Apex files, ${r.problems.length} problems`);
  for (const p of r.problems) console.log(`  ${p}`);
  process.exit(r.problems.length > 0 ? 1 : 0);
}
