/** Errors the CLI maps to exit codes: 2 for input the user must fix, 1 for everything else. */
export class InvalidInput extends Error {
  constructor(
    message: string,
    /** Every problem, each naming where (file, row, column or JSON path) and what. */
    readonly problems: { where: string; message: string }[] = []
  ) {
    super(message);
  }
}

/** What a rollback did: records put back as they were, records of the run deleted, what could not be undone. */
export interface RollbackResult {
  restored: number;
  deleted: number;
  failed: string[];
}

/** A failed write, after the run was rolled back (or the rollback failed: see `rollback.failed`). */
export class ImportFailed extends Error {
  constructor(
    message: string,
    readonly rollback: RollbackResult
  ) {
    super(message);
  }
}

/** An earlier import against the same target did not finish: it must be rolled back or resumed first (exit 3). */
export class UnfinishedImport extends Error {}
