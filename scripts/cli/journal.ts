/**
 * The import journal: before an import writes anything it saves, next to each other in the journal
 * folder (`--journal-dir`, else KEYPLAN_JOURNAL_DIR, else `.keyplan/journal` under the working folder),
 *
 * - `<run>.bundle.json`: the bundle exactly as read (so `import --resume` finishes the same import),
 * - `<run>.snapshot.json`: every record the run will update, as it was (so `import --rollback` restores it),
 * - `<run>.json`: the header, rewritten before every write batch (phase, batches written, the batch about
 *   to be written).
 *
 * Every file is written to a temp file, fsync'd and renamed, and the folder is fsync'd, so a kill at any
 * moment leaves either the old or the new version. A successful (or fully rolled back) run deletes its
 * files; a header that is still there means an unfinished import, and every command against that target
 * refuses to run until `import --rollback` or `import --resume` settles it.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface JournalHeader {
  version: 1;
  run: string;
  /** The target the run writes to: the local database file or the org's instance URL. */
  target: string;
  pid: number;
  host: string;
  started: string;
  /** What the user ran, for messages. */
  source: string;
  options: { updateOfferings: boolean };
  phase: 'writing' | 'rolling-back' | 'rollback-failed';
  /** Write batches started (the header is saved before each one). */
  batches: number;
  /** The batch being written when the header was saved. */
  last?: string;
  error?: string;
}

/** Where journals live when nothing else is said. */
export const defaultJournalDir = (): string =>
  process.env.KEYPLAN_JOURNAL_DIR ?? path.join(process.cwd(), '.keyplan', 'journal');

/** Writes a file so that a crash leaves the old or the new content, never a torn one. */
export function writeDurable(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  // The rename itself must reach the disk too.
  const dirFd = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dirFd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  } finally {
    closeSync(dirFd);
  }
}

const headerFile = (dir: string, run: string): string => path.join(dir, `${run}.json`);
const bundleFile = (dir: string, run: string): string => path.join(dir, `${run}.bundle.json`);
const snapshotFile = (dir: string, run: string): string => path.join(dir, `${run}.snapshot.json`);

/** The journal of one run. */
export class Journal {
  private constructor(
    readonly dir: string,
    readonly header: JournalHeader
  ) {}

  /** Starts a run: saves the bundle and the snapshot, then the header (the header last: it marks the run live). */
  static begin(
    dir: string,
    init: Pick<JournalHeader, 'target' | 'source' | 'options'>,
    rawBundle: unknown,
    snapshot: unknown
  ): Journal {
    mkdirSync(dir, { recursive: true });
    const run = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    writeDurable(bundleFile(dir, run), JSON.stringify(rawBundle));
    writeDurable(snapshotFile(dir, run), JSON.stringify(snapshot));
    const j = new Journal(dir, {
      version: 1,
      run,
      ...init,
      pid: process.pid,
      host: hostname(),
      started: new Date().toISOString(),
      phase: 'writing',
      batches: 0
    });
    j.save();
    return j;
  }

  /** Every unfinished run against `target` in `dir`, oldest first. */
  static pending(dir: string, target: string): Journal[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => /^[\w-]+\.json$/.test(f) && !f.endsWith('.bundle.json') && !f.endsWith('.snapshot.json'))
      .sort()
      .map((f) => {
        const header = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as JournalHeader;
        return new Journal(dir, header);
      })
      .filter((j) => j.header.version === 1 && j.header.target === target);
  }

  /** True while the process that owns the run is still alive on this machine. */
  isLive(): boolean {
    if (this.header.host !== hostname() || this.header.pid === process.pid) return false;
    try {
      process.kill(this.header.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  bundle(): unknown {
    return JSON.parse(readFileSync(bundleFile(this.dir, this.header.run), 'utf8'));
  }

  snapshot<T>(): T {
    return JSON.parse(readFileSync(snapshotFile(this.dir, this.header.run), 'utf8')) as T;
  }

  /** Saves the header before a write batch, naming it. */
  beforeBatch(what: string): void {
    this.header.batches++;
    this.header.last = what;
    this.save();
  }

  /** Takes the run over (resume or rollback from another process). */
  adopt(): void {
    this.header.pid = process.pid;
    this.header.host = hostname();
    this.save();
  }

  setPhase(phase: JournalHeader['phase'], error?: string): void {
    this.header.phase = phase;
    if (error !== undefined) this.header.error = error;
    this.save();
  }

  /** The run is settled (complete or rolled back): its files go. */
  finish(): void {
    rmSync(headerFile(this.dir, this.header.run), { force: true });
    rmSync(bundleFile(this.dir, this.header.run), { force: true });
    rmSync(snapshotFile(this.dir, this.header.run), { force: true });
  }

  private save(): void {
    writeDurable(headerFile(this.dir, this.header.run), `${JSON.stringify(this.header, null, 2)}\n`);
  }
}
