import { z } from 'zod';
import { ActivityAggregate } from './activity';
import { IsoDate, IsoDateTime, SfId } from './common';

/** A contact of the scope as "since last QBR" needs it: who, where, and when the record was created. */
export const SinceContact = z.object({
  id: SfId,
  name: z.string(),
  /** Apex leaves nulls out. */
  buyingCenterId: SfId.nullish(),
  createdDate: IsoDateTime
});
export type SinceContact = z.infer<typeof SinceContact>;

/** One ContactHistory row of a stakeholder field (keyplanCore/sinceReview REVIEW_FIELDS) after the date. */
export const SinceHistoryRow = z.object({
  contactId: SfId,
  field: z.string().min(1),
  oldValue: z.string().nullish(),
  newValue: z.string().nullish(),
  changedAt: IsoDateTime
});
export type SinceHistoryRow = z.infer<typeof SinceHistoryRow>;

/** A manual team link (from one of our users) to a contact of the page, with the day it was created. */
export const SinceTeamLink = z.object({
  fromUserId: SfId,
  toContactId: SfId,
  strength: z.number().nullish(),
  frequency: z.string().nullish(),
  influenceLevel: z.string().nullish(),
  polarity: z.string().nullish(),
  lastInteraction: IsoDate.nullish(),
  createdDate: IsoDateTime
});
export type SinceTeamLink = z.infer<typeof SinceTeamLink>;

export const SINCE_SOURCES = ['review', 'default', 'chosen'] as const;

/**
 * One page of `SinceReviewController.loadSinceReviewPage` (issue 22, "since last QBR"): up to 200 contacts of the
 * plan's scope (the account and its descendants, keyset on Id), the stakeholder-field history of those contacts
 * after `since` (capped: `truncated`), their manual team links, and their activity aggregates with both windows
 * ending `since` and ending `asOf`. keyplanCore/sinceReview turns the pages into the changes.
 */
export const SinceReviewPage = z.object({
  accountId: SfId,
  /** The day changes start after: the one asked for, else the account's last plan review, else 90 days ago. */
  since: IsoDate,
  sinceSource: z.enum(SINCE_SOURCES),
  /** The org's today: the end of the "now" activity windows. */
  asOf: IsoDate,
  contacts: z.array(SinceContact),
  history: z.array(SinceHistoryRow),
  teamLinks: z.array(SinceTeamLink),
  activityThen: z.array(ActivityAggregate),
  activityNow: z.array(ActivityAggregate),
  /** The scope's buying centers (first page only; later pages leave it empty). */
  buyingCenters: z.array(z.object({ id: SfId, name: z.string() })),
  /** True when this page's history or team links passed their cap and the rest was left out. */
  truncated: z.boolean(),
  nextCursor: z.string().min(1).nullish()
});
export type SinceReviewPage = z.infer<typeof SinceReviewPage>;
