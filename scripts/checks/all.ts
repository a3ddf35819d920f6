/**
 * Runs every offline platform check over force-app and prints one figure line per check and every
 * problem (`npm run check:platform`). npm test runs the same checks as tests in test/metadata/.
 */
import { loadSchema } from '../../src/schema/loadSchema';
import { MAIN, ROOT } from '../lib/paths';
import { analyticsLint, describeAnalytics } from './analyticsLint';
import { formatFinding, runApexLs } from './apexls';
import { cmdtFields, cmdtProblems } from './cmdtManageability';
import { describeSize, formulaSizeProblems, formulaSizes } from './formulaSize';
import { permissionProblems } from './permissions';
import { portabilityProblems } from './portability';
import { preflight } from './preflight';
import { readWorkflow, workflowErrors, workflowFiles } from './workflows';

interface Outcome {
  name: string;
  figures: string;
  problems: string[];
}

function run(): Outcome[] {
  const schema = loadSchema(MAIN);
  const out: Outcome[] = [];
  const apex = runApexLs(ROOT);
  out.push({
    name: 'apex-ls',
    figures: `${JSON.stringify(apex.counts)} in ${apex.ms} ms, ${apex.notes.length} notes`,
    problems: apex.fatal.map(formatFinding)
  });
  const perms = permissionProblems(MAIN, schema);
  out.push({
    name: 'permissions',
    figures: `${perms.sets} sets, ${perms.objectPermissions} object permissions, ${perms.masterDetailPairs} master-detail fields`,
    problems: perms.problems
  });
  const analytics = analyticsLint(MAIN, schema);
  out.push({ name: 'analytics', figures: describeAnalytics(analytics), problems: analytics.problems });
  const sizes = formulaSizes(schema);
  out.push({
    name: 'formula size',
    figures: sizes.map(describeSize).join('; '),
    problems: formulaSizeProblems(sizes)
  });
  const portability = portabilityProblems(MAIN);
  out.push({
    name: 'portability',
    figures: `${portability.files} Apex files`,
    problems: portability.problems
  });
  const cmdt = cmdtFields(MAIN);
  out.push({
    name: 'cmdt manageability',
    figures: cmdt.map((f) => `${f.field} ${f.manageability} (${f.records} records)`).join('; '),
    problems: cmdtProblems(cmdt)
  });
  const pf = preflight();
  out.push({ name: 'package preflight', figures: pf.notes.join('; '), problems: pf.problems });
  const wf = workflowFiles();
  out.push({
    name: 'workflows',
    figures: `${wf.length} workflow files`,
    problems: wf.flatMap((f) => workflowErrors(readWorkflow(f)).map((e) => `${f}: ${e}`))
  });
  return out;
}

if (require.main === module) {
  const outcomes = run();
  for (const o of outcomes) {
    console.log(`${o.problems.length === 0 ? 'ok  ' : 'FAIL'} ${o.name}: ${o.figures}`);
    for (const p of o.problems) console.log(`       ${p}`);
  }
  const failed = outcomes.filter((o) => o.problems.length > 0).length;
  console.log(`platform checks: ${outcomes.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
