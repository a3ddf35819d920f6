/** The command definitions (commander); `runCli` is what main.ts and the tests call. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { aerovanceBundle, largeBundle } from '../../data';
import { checkBundle, type AccountBundle } from '../../src/bundle/schema';
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN } from '../../src/contracts/common';
import { ROOT } from '../lib/paths';
import { openTarget, type Target } from './connect';
import { bundleFromCsvDir } from './csv';
import { ImportFailed, InvalidInput, UnfinishedImport } from './errors';
import { exportBundle } from './exporter';
import { BULK_THRESHOLD } from './bulk';
import { importBundle, rollbackImport, type ImportSummary, type Snapshot } from './importer';
import { Journal, defaultJournalDir } from './journal';
import { parseJsonStrict } from './strictJson';
import { landscapeCsv, landscapeReport } from './landscape';
import { planReport } from './plan';
import { nextMovesReport, nextMovesText } from './nextMoves';
import { progress } from './progress';
import { SCHEMA_FILE, bundleJsonSchema } from './jsonSchema';
import { parseAssignments, readTuning, tuningTable, writeTuning } from './tune';

export interface CliIo {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

interface GlobalOpts {
  targetOrg?: string;
  db?: string;
  json?: boolean;
  quiet?: boolean;
  journalDir?: string;
}

/** Validates raw input completely; every problem becomes one line of an InvalidInput. */
export function validate(
  input: unknown,
  where: (jsonPath: string) => string = (p) => p || '(root)'
): AccountBundle {
  const { bundle, problems } = checkBundle(input);
  if (!bundle)
    throw new InvalidInput(
      `The bundle has ${problems.length} problem(s); nothing was written`,
      problems.map((p) => ({ where: where(p.path), message: p.message }))
    );
  return bundle;
}

/**
 * Runs an import so that Ctrl-C (SIGINT) or SIGTERM stops it before its next write batch and rolls it
 * back; a second Ctrl-C ends the process at once (the journal then lets `import --rollback` finish).
 */
async function interruptible<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  const onSignal = (sig: NodeJS.Signals): void => {
    if (ac.signal.aborted) process.exit(130);
    process.stderr.write(`\n${sig}: stopping the import and rolling it back (again to quit at once)\n`);
    ac.abort(sig);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await fn(ac.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  const out = io.stdout ?? ((t: string) => process.stdout.write(t));
  const err = io.stderr ?? ((t: string) => process.stderr.write(t));
  let exitCode = 0;
  const program = new Command('keyplan')
    .description('Import, export and report Keyplan account data (real org or the local org).')
    .option(
      '--target-org <alias>',
      'org authenticated with the sf CLI (default: SF_INSTANCE_URL/SF_ACCESS_TOKEN, else the local org)'
    )
    .option('--db <file>', 'local org database file (default LOCALORG_DB or localorg/data/keyplan.sqlite)')
    .option(
      '--journal-dir <dir>',
      'folder of import journals (default KEYPLAN_JOURNAL_DIR or .keyplan/journal under the working folder)'
    )
    .option('--json', 'machine-readable output on stdout')
    .option('-q, --quiet', 'no progress on stderr')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err })
    .showHelpAfterError();

  const globals = (): GlobalOpts => program.opts<GlobalOpts>();
  const journalDir = (): string => path.resolve(globals().journalDir ?? defaultJournalDir());
  /**
   * Opens the target and runs `fn`. An unfinished import against the same target (its journal is still
   * there) stops every command except `import --rollback` / `import --resume` (`recovering`).
   */
  const withTarget = async <T>(
    fn: (t: Target, unfinished: Journal[]) => Promise<T>,
    recovering = false
  ): Promise<T> => {
    const g = globals();
    const target = await openTarget({ targetOrg: g.targetOrg, db: g.db });
    try {
      const unfinished = Journal.pending(journalDir(), target.id);
      if (unfinished.length && !recovering) {
        const j = unfinished[0];
        const h = j.header;
        throw new UnfinishedImport(
          j.isLive()
            ? `An import into ${target.label} is running (process ${h.pid}, run ${h.run}, ${h.source}); wait for it to finish.`
            : `An import into ${target.label} did not finish (run ${h.run} of ${h.source}, started ${h.started}, ${h.batches} write batch(es), phase ${h.phase}${h.error ? `: ${h.error}` : ''}). Nothing else runs against this org until it is settled: \`keyplan import --rollback\` restores the state before it, \`keyplan import --resume\` finishes it.`
        );
      }
      return await fn(target, unfinished);
    } finally {
      await target.close();
    }
  };
  const tick = (): ReturnType<typeof progress> =>
    progress(globals().quiet ? undefined : (line) => err(`${line}\n`));
  const report = (summary: ImportSummary, label: string): void => {
    if (globals().json) out(`${JSON.stringify({ ok: true, ...summary })}\n`);
    else {
      const parts = Object.entries(summary.objects).map(
        ([o, c]) => `${o} ${c.created} new/${c.updated} updated`
      );
      const jobs = (summary.bulkJobs ?? []).map((j) => `${j.object} ${j.operation} ${j.records}`);
      out(
        `${label}: account ${summary.accountKey} (${summary.accountId}) in ${summary.ms} ms: ${parts.join(', ')}${jobs.length ? `; Bulk API 2.0 jobs: ${jobs.join(', ')}` : ''}\n`
      );
    }
  };
  const runImport = (
    bundle: AccountBundle,
    raw: unknown,
    label: string,
    opts: { updateOfferings?: boolean; bulkThreshold?: number } = {}
  ): Promise<void> =>
    withTarget(async (t) => {
      const summary = await interruptible((signal) =>
        importBundle(t.conn, t.kind, bundle, {
          signal,
          progress: tick(),
          log: (l) => err(`${l}\n`),
          raw,
          updateOfferings: opts.updateOfferings,
          ...(opts.bulkThreshold !== undefined ? { bulkThreshold: opts.bulkThreshold } : {}),
          startJournal: (snapshot) =>
            Journal.begin(
              journalDir(),
              { target: t.id, source: label, options: { updateOfferings: Boolean(opts.updateOfferings) } },
              raw,
              snapshot
            )
        })
      );
      report(summary, label.split(' ')[0]);
    });

  /** `import --rollback` / `--resume`: settles the unfinished run of this target. */
  const recover = (mode: 'rollback' | 'resume'): Promise<void> =>
    withTarget(async (t, unfinished) => {
      if (!unfinished.length)
        throw new InvalidInput(`No unfinished import into ${t.label}: nothing to ${mode}`);
      for (const j of unfinished) {
        if (j.isLive())
          throw new InvalidInput(`The import ${j.header.run} is still running (process ${j.header.pid})`);
        const raw = j.bundle();
        const bundle = validate(raw, (p) => `journal ${j.header.run}: ${p || '(root)'}`);
        const snapshot = j.snapshot<Snapshot>();
        j.adopt();
        if (mode === 'rollback') {
          j.setPhase('rolling-back');
          const r = await rollbackImport(t.conn, bundle, snapshot, (l) => err(`${l}\n`));
          if (r.failed.length) {
            j.setPhase('rollback-failed', r.failed[0]);
            throw new ImportFailed(
              `rollback of ${j.header.run}: ${r.failed.length} step(s) failed:\n  ${r.failed.join('\n  ')}`,
              r
            );
          }
          j.finish();
          if (globals().json) out(`${JSON.stringify({ ok: true, run: j.header.run, rolledBack: r })}\n`);
          else
            out(
              `import --rollback: run ${j.header.run} (${j.header.source}) rolled back: ${r.restored} record(s) restored, ${r.deleted} deleted\n`
            );
        } else {
          j.setPhase('writing');
          const summary = await interruptible((signal) =>
            importBundle(t.conn, t.kind, bundle, {
              signal,
              progress: tick(),
              log: (l) => err(`${l}\n`),
              raw,
              updateOfferings: j.header.options.updateOfferings,
              resume: { journal: j, snapshot }
            })
          );
          report(summary, 'import --resume');
        }
      }
    }, true);

  program
    .command('import')
    .description(
      'Import an account bundle (JSON file, or --csv <dir> with one CSV per object). Validates everything first; writes all or none (journaled); re-import updates.'
    )
    .argument('[file]', 'account bundle JSON file')
    .option('--csv <dir>', 'folder with accounts.csv, contacts.csv, ... (see docs/CLI.md)')
    .option(
      '--update-offerings',
      'also update offerings of the org-wide catalogue that exist (default: only create missing ones)'
    )
    .option('--rollback', 'restore the org to before an import that did not finish (killed or interrupted)')
    .option('--resume', 'finish an import that did not finish')
    .option(
      '--bulk-threshold <n>',
      `rows of one object from which the import uses a Bulk API 2.0 job instead of REST collections (default ${BULK_THRESHOLD}; 0 always, Infinity never)`,
      (v) => {
        const n = Number(v);
        if (!(n >= 0))
          throw new InvalidInput(`--bulk-threshold takes a number of rows (0 or more), got "${v}"`);
        return n;
      }
    )
    .action(
      async (
        file: string | undefined,
        opts: {
          csv?: string;
          updateOfferings?: boolean;
          rollback?: boolean;
          resume?: boolean;
          bulkThreshold?: number;
        }
      ) => {
        if (opts.rollback || opts.resume) {
          if (opts.rollback && opts.resume) throw new InvalidInput('Use either --rollback or --resume');
          if (file || opts.csv)
            throw new InvalidInput('--rollback and --resume take no bundle: they use the journal');
          await recover(opts.rollback ? 'rollback' : 'resume');
          return;
        }
        let bundle: AccountBundle;
        let raw: unknown;
        let source: string;
        if (opts.csv) {
          const { input, where } = bundleFromCsvDir(opts.csv);
          raw = input;
          bundle = validate(input, where);
          source = `import --csv ${opts.csv}`;
        } else {
          if (!file) throw new InvalidInput('Name a bundle file or use --csv <dir>');
          let text: string;
          try {
            text = readFileSync(file, 'utf8');
          } catch (e) {
            throw new InvalidInput(`Cannot read ${file}: ${(e as Error).message}`);
          }
          raw = parseJsonStrict(text, path.basename(file));
          bundle = validate(raw, (p) => `${path.basename(file)}: ${p || '(root)'}`);
          source = `import ${file}`;
        }
        await runImport(bundle, raw, source, {
          updateOfferings: opts.updateOfferings,
          ...(opts.bulkThreshold !== undefined ? { bulkThreshold: opts.bulkThreshold } : {})
        });
      }
    );

  program
    .command('seed')
    .description(
      'Load the demo data (Aerovance Group; --large adds the 10,000-contact account) through import.'
    )
    .option('--large', 'also the 10,000-contact account')
    .option('--today <date>', 'ISO date the demo is relative to (default today)')
    .action(async (opts: { large?: boolean; today?: string }) => {
      const inputs: unknown[] = [aerovanceBundle({ today: opts.today })];
      if (opts.large) inputs.push(largeBundle({ today: opts.today }));
      for (const raw of inputs) await runImport(validate(raw), raw, 'seed');
    });

  program
    .command('export')
    .description('Write an account (by Keyplan key, Id or Name) as an account bundle JSON.')
    .argument('<account>', 'Keyplan key, Id or Name')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (account: string, opts: { output?: string }) => {
      const bundle = await withTarget((t) => exportBundle(t.conn, account));
      const text = `${JSON.stringify(bundle, null, 2)}\n`;
      if (opts.output) {
        writeFileSync(opts.output, text);
        if (globals().json) out(`${JSON.stringify({ ok: true, file: opts.output })}\n`);
        else err(`export: wrote ${opts.output}\n`);
      } else out(text);
    });

  program
    .command('export-landscape')
    .description(
      'Print the whitespace matrix of an account for a fiscal year (rows, cells, totals, unmapped).'
    )
    .argument('<account>', 'Keyplan key, Id or Name')
    .option('--fy <year>', 'fiscal year (default: this year)', (v) => Number(v))
    .option('--format <format>', 'json or csv', 'json')
    .action(async (account: string, opts: { fy?: number; format: string }) => {
      if (!['json', 'csv'].includes(opts.format))
        throw new InvalidInput(`--format must be json or csv, not ${opts.format}`);
      const fy = opts.fy ?? new Date().getFullYear();
      if (!Number.isInteger(fy) || fy < FISCAL_YEAR_MIN || fy > FISCAL_YEAR_MAX)
        throw new InvalidInput(`--fy must be a year ${FISCAL_YEAR_MIN}-${FISCAL_YEAR_MAX}`);
      const r = await withTarget((t) => landscapeReport(t.conn, account, fy));
      out(opts.format === 'csv' && !globals().json ? landscapeCsv(r) : `${JSON.stringify(r, null, 2)}\n`);
    });

  program
    .command('next-moves')
    .description(
      'Rank where the account can grow in a fiscal year: potential x relationship reach x risk, with the reason and one action.'
    )
    .argument('<account>', 'Keyplan key, Id or Name')
    .option('--fy <year>', 'fiscal year (default: this year)', (v) => Number(v))
    .option('--limit <n>', 'show at most n moves (default 10)', (v) => Number(v))
    .action(async (account: string, opts: { fy?: number; limit?: number }) => {
      const fy = opts.fy ?? new Date().getFullYear();
      if (!Number.isInteger(fy) || fy < FISCAL_YEAR_MIN || fy > FISCAL_YEAR_MAX)
        throw new InvalidInput(`--fy must be a year ${FISCAL_YEAR_MIN}-${FISCAL_YEAR_MAX}`);
      const limit = opts.limit ?? 10;
      if (!Number.isInteger(limit) || limit < 1)
        throw new InvalidInput('--limit must be a whole number of at least 1');
      const r = await withTarget((t) => nextMovesReport(t.conn, account, fy, { limit }));
      out(globals().json ? `${JSON.stringify(r, null, 2)}\n` : nextMovesText(r));
    });

  program
    .command('export-plan')
    .description('Write the account plan as a QBR report: self-contained HTML or Markdown.')
    .argument('<account>', 'Keyplan key, Id or Name')
    .option('--fy <year>', 'fiscal year (default: the latest plan)', (v) => Number(v))
    .option('--format <format>', 'html or md', 'html')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--today <date>', 'date for overdue and BANT checks (default today)')
    .option('--since <date>', "changes since this date (default: the plan's last review)")
    .action(
      async (
        account: string,
        opts: { fy?: number; format: string; output?: string; today?: string; since?: string }
      ) => {
        if (!['html', 'md'].includes(opts.format))
          throw new InvalidInput(`--format must be html or md, not ${opts.format}`);
        const text = await withTarget((t) =>
          planReport(t.conn, account, {
            fy: opts.fy,
            format: opts.format as 'html' | 'md',
            today: opts.today,
            since: opts.since
          })
        );
        if (opts.output) {
          writeFileSync(opts.output, text);
          if (globals().json) out(`${JSON.stringify({ ok: true, file: opts.output })}\n`);
          else err(`export-plan: wrote ${opts.output}\n`);
        } else out(text);
      }
    );

  program
    .command('tune')
    .description(
      "Show the org's Keyplan settings (packaged default, override, effective); Name=value sets the org-level override in Keyplan_Tuning__c (upgrades keep it), Name= clears it, --reset clears all."
    )
    .argument('[assignments...]', 'Name=value or Name= (e.g. Heat_Hot=60 BANT_Weight_Budget=40)')
    .option('--reset', 'clear every override: the packaged defaults apply again')
    .action(async (assignments: string[], opts: { reset?: boolean }) => {
      const changes = parseAssignments(assignments);
      const rows = await withTarget((t) =>
        Object.keys(changes).length || opts.reset
          ? writeTuning(t.conn, changes, opts.reset)
          : readTuning(t.conn)
      );
      out(globals().json ? `${JSON.stringify({ ok: true, settings: rows })}\n` : tuningTable(rows));
    });

  program
    .command('schema')
    .description(`Regenerate ${SCHEMA_FILE} (JSON Schema of the account bundle) from the zod schema.`)
    .option('--check', 'exit 1 when the checked-in file is out of date instead of writing it')
    .action((opts: { check?: boolean }) => {
      const file = path.join(ROOT, SCHEMA_FILE);
      const text = bundleJsonSchema();
      let current = '';
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        current = '';
      }
      if (opts.check) {
        if (current !== text) {
          err(`${SCHEMA_FILE} is out of date: run npm run keyplan -- schema\n`);
          exitCode = 1;
        } else out(`${SCHEMA_FILE} is up to date\n`);
        return;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      out(`wrote ${SCHEMA_FILE}\n`);
    });

  program
    .command('deploy')
    .description(
      'Build, deploy force-app with the sf CLI and assign the permission sets (scripts/deploy.ts); --seed then loads the demo data.'
    )
    .option('--admin', 'also assign Keyplan_Admin')
    .option('--dry-run', 'validate only')
    .option('--seed', 'seed the demo data after deploying')
    .action(async (opts: { admin?: boolean; dryRun?: boolean; seed?: boolean }) => {
      const org = globals().targetOrg;
      if (!org) throw new InvalidInput('deploy needs --target-org <alias> (see `sf org list`)');
      const args = ['--import', 'tsx', path.join(ROOT, 'scripts/deploy.ts'), '--target-org', org];
      if (opts.admin) args.push('--admin');
      if (opts.dryRun) args.push('--dry-run');
      const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) {
        exitCode = r.status === 2 ? 2 : 1;
        return;
      }
      if (opts.seed && !opts.dryRun) {
        const raw = aerovanceBundle();
        await runImport(validate(raw), raw, 'seed');
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.help' ||
        e.code === 'commander.version'
      )
        return 0;
      return 2;
    }
    const json = globals().json;
    if (e instanceof InvalidInput) {
      if (json) out(`${JSON.stringify({ ok: false, error: e.message, problems: e.problems })}\n`);
      err(`error: ${e.message}\n${e.problems.map((p) => `  ${p.where}: ${p.message}\n`).join('')}`);
      return 2;
    }
    if (e instanceof UnfinishedImport) {
      if (json) out(`${JSON.stringify({ ok: false, error: e.message, unfinishedImport: true })}\n`);
      err(`error: ${e.message}\n`);
      return 3;
    }
    if (e instanceof ImportFailed) {
      if (json) out(`${JSON.stringify({ ok: false, error: e.message, rolledBack: e.rollback })}\n`);
      err(`error: ${e.message}\n`);
      return 1;
    }
    if (json) out(`${JSON.stringify({ ok: false, error: (e as Error).message })}\n`);
    err(`error: ${(e as Error).message}\n`);
    return 1;
  }
}
