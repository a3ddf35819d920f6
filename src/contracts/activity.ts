import { z } from 'zod';
import { IsoDate, SfId } from './common';

export const ACTIVITY_CHANNELS = ['meeting', 'email', 'call'] as const;
export const ActivityChannel = z.enum(ACTIVITY_CHANNELS);
export type ActivityChannel = z.infer<typeof ActivityChannel>;

/**
 * Activity of one contact with one of our users on one channel (issue 22): completed meetings (Events), closed
 * tasks and calls (Tasks; logged emails, subtype Email, count as email) and emails (EmailMessage), counted in
 * the last 90 and 365 days up to `ActivityPage.asOf`. Definitions: docs/DEFINITIONS.md (heat from activity).
 */
export const ActivityAggregate = z
  .object({
    contactId: SfId,
    userId: SfId,
    userName: z.string().nullable(),
    channel: ActivityChannel,
    count90: z.number().int().nonnegative(),
    count365: z.number().int().nonnegative(),
    last: IsoDate.nullable()
  })
  .refine((a) => a.count90 <= a.count365, {
    message: 'count90 counts a part of the year: it cannot exceed count365',
    path: ['count90']
  });
export type ActivityAggregate = z.infer<typeof ActivityAggregate>;

/**
 * One page of `ActivityController.loadActivityPage`: the aggregates of up to 200 contacts (keyset on Id); call
 * again with `nextCursor` until it is null. Every figure comes from aggregate queries: no activity row is read.
 */
export const ActivityPage = z.object({
  accountId: SfId,
  /** The last day of both windows (the org's today). */
  asOf: IsoDate,
  aggregates: z.array(ActivityAggregate),
  /** Opaque; null (or absent: Apex leaves nulls out) on the last page. */
  nextCursor: z.string().min(1).nullable()
});
export type ActivityPage = z.infer<typeof ActivityPage>;
