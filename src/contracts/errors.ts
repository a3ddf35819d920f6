import { z } from 'zod';

/** The body of an AuraHandledException as the components receive it (`error.body`). */
export const ApexErrorBody = z.object({
  message: z.string(),
  exceptionType: z.string().optional(),
  /** Validation-rule and field errors passed through from DML, keyed by field API name. */
  fieldErrors: z
    .record(z.string(), z.array(z.object({ message: z.string(), statusCode: z.string().optional() })))
    .optional(),
  pageErrors: z.array(z.object({ message: z.string(), statusCode: z.string().optional() })).optional()
});
export type ApexErrorBody = z.infer<typeof ApexErrorBody>;

/** The codes KeyplanErrors.cls puts on every error a Keyplan controller throws. */
export const KeyplanErrorCode = z.enum([
  'CONFLICT',
  'VALIDATION',
  'INVALID_INPUT',
  'NO_ACCESS',
  'UNEXPECTED'
]);
export type KeyplanErrorCode = z.infer<typeof KeyplanErrorCode>;

/**
 * What a Keyplan controller's error message holds (ApexErrorBody.message is this, as JSON): a code to
 * react to, the human message, DML errors by field API name and, for unexpected failures, the reference
 * under which the details were logged. Apex and the local twins write the same shape.
 */
export const KeyplanErrorMessage = z.object({
  code: KeyplanErrorCode,
  message: z.string(),
  fieldErrors: z
    .record(z.string(), z.array(z.object({ message: z.string(), statusCode: z.string().optional() })))
    .optional(),
  reference: z.string().optional()
});
export type KeyplanErrorMessage = z.infer<typeof KeyplanErrorMessage>;
