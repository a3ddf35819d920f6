import { z } from 'zod';

/** A Salesforce record id, 15 or 18 characters. */
export const SfId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'Expected a 15 or 18 character Salesforce id');
export type SfId = z.infer<typeof SfId>;

/** A Date field as ISO `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** A Datetime as ISO 8601 (Apex serialises `2024-05-01T09:30:00.000Z`). Used for optimistic concurrency. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** A Currency field (may be blank in the org). */
export const Money = z.number().finite();
export const FiscalYear = z.number().int().min(1900).max(2200);

export const BANT_STATUSES = ['Unknown', 'Missing', 'Identified', 'Confirmed'] as const;
export const BantStatus = z.enum(BANT_STATUSES);
export type BantStatus = z.infer<typeof BantStatus>;

export const INFLUENCE_LEVELS = ['Low', 'Medium', 'High', 'Very High'] as const;
export const InfluenceLevel = z.enum(INFLUENCE_LEVELS);
export type InfluenceLevel = z.infer<typeof InfluenceLevel>;

/** Field-level security of one field for the running user. */
export const FieldAccess = z.object({ readable: z.boolean(), updateable: z.boolean() });
export type FieldAccess = z.infer<typeof FieldAccess>;
