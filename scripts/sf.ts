/**
 * Runs the project's pinned Salesforce CLI with telemetry and auto-update off, using your own HOME
 * (so orgs you authenticated with `sf org login web` are visible): `tsx scripts/sf.ts <args>`.
 */
import { runSf } from './lib/sf';

const result = runSf(process.argv.slice(2), { inherit: true });
process.exit(result.status ?? 1);
