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

/** A failed write, after the run's own records were rolled back (or the rollback failed: see `rollback`). */
export class ImportFailed extends Error {
  constructor(
    message: string,
    readonly rollback: { deleted: number; failed: string[] }
  ) {
    super(message);
  }
}
