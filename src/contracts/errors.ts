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
