/** One error in the Salesforce REST error shape (`[{ message, errorCode, fields }]`). */
export interface SfErrorItem {
  message: string;
  errorCode: string;
  fields: string[];
}

/**
 * An error the local org reports the way the org does. `status` is the HTTP status of a single-record
 * REST call; collection calls put the items into per-record results instead.
 */
export class SfError extends Error {
  readonly items: SfErrorItem[];
  readonly status: number;
  constructor(errorCode: string, message: string, fields: string[] = [], status = 400) {
    super(message);
    this.name = 'SfError';
    this.items = [{ message, errorCode, fields }];
    this.status = status;
  }
  get errorCode(): string {
    return this.items[0].errorCode;
  }
  get fields(): string[] {
    return this.items[0].fields;
  }
}

/** Converts anything thrown into REST error items (unexpected errors become UNKNOWN_EXCEPTION). */
export function toErrorItems(err: unknown): SfErrorItem[] {
  if (err instanceof SfError) return err.items;
  return [
    { message: err instanceof Error ? err.message : String(err), errorCode: 'UNKNOWN_EXCEPTION', fields: [] }
  ];
}

/** The per-record error shape of save results (`statusCode` instead of `errorCode`). */
export function toSaveErrors(err: unknown): { statusCode: string; message: string; fields: string[] }[] {
  return toErrorItems(err).map((e) => ({ statusCode: e.errorCode, message: e.message, fields: e.fields }));
}
