/**
 * `npm run keyplan -- <command>`: import, export and report Keyplan account data, against a real org
 * (`--target-org <alias>` or SF_INSTANCE_URL / SF_ACCESS_TOKEN) or the local org (default). Every data
 * call goes through jsforce. Exit codes: 0 ok, 1 failure, 2 invalid input. See docs/CLI.md.
 */
import { pathToFileURL } from 'node:url';
import { runCli } from './cli';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    }
  );
}
