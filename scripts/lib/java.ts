/**
 * Locates a Java runtime of at least a given major version, in the same order as
 * `scripts/setup.sh`: $JAVA_HOME, `java` on PATH, /usr/lib/jvm/*, /opt/*. apex-ls needs 21+, PMD 17+.
 * Tests call this instead of relying on PATH (Debian's default `java` here is 17).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface JavaRuntime {
  /** Absolute path of the `java` binary (or `java` when found on PATH). */
  bin: string;
  major: number;
}

/** The major version in `java -version` output: `"25.0.3"` -> 25, `"1.8.0_402"` -> 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

function versionOf(bin: string): number | undefined {
  const r = spawnSync(bin, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return parseJavaMajor(`${r.stderr}${r.stdout}`);
}

function homesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((d) => path.join(dir, d))
    .sort()
    .reverse(); // newer versions usually sort later: try them first
}

/** Candidate `java` binaries in search order, without duplicates. */
export function javaCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  if (env.JAVA_HOME) out.push(path.join(env.JAVA_HOME, 'bin', 'java'));
  out.push('java');
  for (const root of ['/usr/lib/jvm', '/opt']) {
    for (const home of homesUnder(root)) out.push(path.join(home, 'bin', 'java'));
  }
  return [...new Set(out)].filter((b) => b === 'java' || existsSync(b));
}

/** The first runtime with major version >= `minMajor`, or undefined. */
export function findJava(minMajor: number, env: NodeJS.ProcessEnv = process.env): JavaRuntime | undefined {
  for (const bin of javaCandidates(env)) {
    const major = versionOf(bin);
    if (major !== undefined && major >= minMajor) return { bin, major };
  }
  return undefined;
}

/** Like findJava, but throws a message that says how to get one. */
export function requireJava(minMajor: number, forWhat: string): JavaRuntime {
  const java = findJava(minMajor);
  if (!java)
    throw new Error(
      `${forWhat} needs Java ${minMajor} or newer; none found in $JAVA_HOME, PATH, /usr/lib/jvm or /opt. ` +
        'Run `npm run setup` (installs one from Debian where available).'
    );
  return java;
}
