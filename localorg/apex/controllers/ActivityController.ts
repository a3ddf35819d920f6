/**
 * Local twin of ActivityController / ActivityService / ActivitySelector (force-app/main/default/classes): same
 * parameters, the selectors' SOQL read from the .cls (aggregate queries, WITH USER_MODE), the same DTO (checked
 * against the ActivityPage contract) and the same cursor message.
 */
import type { ActivityAggregate, ActivityPage } from '../../../src/contracts';
import { normalizeId } from '../../ids';
import { apexSource } from '../source';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { AccountSelector, firstKey } from './lib/selectors';
import {
  controller,
  fail,
  idParam,
  notFound,
  require,
  requireReadable,
  soql,
  stringParam,
  type Row
} from './lib/twin';

export const ACTIVITY_LIMITS = {
  MAX_PAGE_CONTACTS: apexSource.integer('ActivitySelector.MAX_PAGE_CONTACTS'),
  RECENT_DAYS: apexSource.integer('ActivityService.RECENT_DAYS'),
  YEAR_DAYS: apexSource.integer('ActivityService.YEAR_DAYS')
};

const SOQL = {
  contactPage: apexSource.soql('ActivitySelector.contactPage'),
  meetings: apexSource.soql('ActivitySelector.meetings'),
  tasks: apexSource.soql('ActivitySelector.tasks'),
  emails: apexSource.soql('ActivitySelector.emails'),
  userNames: apexSource.soql('ActivitySelector.userNames')
};

const CONTACTS_CURSOR = 'contacts';

/** ActivityService.parseCursor */
function parseCursor(ctx: ApexContext, cursor: string | null): string {
  if (cursor === null || cursor.trim() === '') return firstKey(ctx, 'Contact');
  const parts = cursor.split(':');
  if (parts.length === 2 && parts[0] === CONTACTS_CURSOR) {
    const id = normalizeId(parts[1]);
    if (id && ctx.org.objectOfId(id)?.name === 'Contact') return id;
  }
  throw fail(`cursor: "${cursor}" is not a position in this activity list. Reload the chart.`);
}

/** ActivityService.taskChannel */
export const taskChannel = (subtype: unknown): 'email' | 'call' =>
  subtype === 'Email' || subtype === 'ListEmail' ? 'email' : 'call';

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number): Date => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000);

/**
 * ActivityService.add: folds aggregate rows (contactId, userId, subtype, n, lastDate) into one aggregate per
 * contact, user and channel; the year window first (it creates the entries), then the recent one. The QBR
 * export (scripts/cli/sinceReview.ts) folds the same rows read over the API.
 */
export function foldActivityRows(
  byKey: Map<string, ActivityAggregate>,
  rows: readonly Row[],
  channel: ActivityAggregate['channel'] | null,
  recent: boolean
): void {
  for (const row of rows) {
    const kind = channel ?? taskChannel(row.subtype);
    const key = `${String(row.contactId)}:${String(row.userId)}:${kind}`;
    let a = byKey.get(key);
    const n = Number(row.n);
    if (recent) {
      if (a) a.count90 += n;
      continue;
    }
    if (!a) {
      a = {
        contactId: String(row.contactId),
        userId: String(row.userId),
        userName: null,
        channel: kind,
        count90: 0,
        count365: 0,
        last: null
      };
      byKey.set(key, a);
    }
    a.count365 += n;
    const lastDate = row.lastDate;
    const day =
      typeof lastDate === 'string'
        ? isoDay(
            new Date(lastDate.length === 10 ? `${lastDate}T00:00:00Z` : lastDate.replace(/\+0000$/, 'Z'))
          )
        : null;
    if (day && (a.last === null || day > a.last)) a.last = day;
  }
}

/** ActivityService.aggregatesAsOf: the aggregates of some contacts, both windows ending `lastDay` (ISO date). */
export function aggregatesAsOf(ctx: ApexContext, contactIds: string[], lastDay: string): ActivityAggregate[] {
  const yearStart = isoDay(addDays(lastDay, 1 - ACTIVITY_LIMITS.YEAR_DAYS));
  const recentStart = isoDay(addDays(lastDay, 1 - ACTIVITY_LIMITS.RECENT_DAYS));
  const byKey = new Map<string, ActivityAggregate>();
  const add = (rows: Row[], channel: ActivityAggregate['channel'] | null, recent: boolean): void =>
    foldActivityRows(byKey, rows, channel, recent);
  const canRead = (o: string): boolean => ctx.access.canRead(o, 'Id');
  if (canRead('Event')) {
    add(soql(ctx, SOQL.meetings, { contactIds, since: yearStart, lastDay }), 'meeting', false);
    add(soql(ctx, SOQL.meetings, { contactIds, since: recentStart, lastDay }), 'meeting', true);
  }
  if (canRead('Task')) {
    add(soql(ctx, SOQL.tasks, { contactIds, since: yearStart, lastDay }), null, false);
    add(soql(ctx, SOQL.tasks, { contactIds, since: recentStart, lastDay }), null, true);
  }
  if (canRead('EmailMessage')) {
    const before = addDays(lastDay, 1);
    add(soql(ctx, SOQL.emails, { contactIds, since: addDays(yearStart, 0), before }), 'email', false);
    add(soql(ctx, SOQL.emails, { contactIds, since: addDays(recentStart, 0), before }), 'email', true);
  }
  const userIds = [...new Set([...byKey.values()].map((a) => a.userId))];
  const names = new Map<string, string>();
  if (userIds.length)
    for (const u of soql(ctx, SOQL.userNames, { userIds })) names.set(String(u.Id), String(u.Name));
  return [...byKey.values()].map((a) => ({ ...a, userName: names.get(a.userId) ?? null }));
}

/** ActivityService.loadActivityPage */
function loadActivityPage(ctx: ApexContext, accountIdParam: unknown, cursorParam: unknown): ActivityPage {
  const accountId = idParam(accountIdParam, 'accountId');
  const cursor = stringParam(cursorParam, 'cursor');
  require(accountId, 'accountId');
  requireReadable(ctx, 'Contact');
  const afterId = parseCursor(ctx, cursor);
  const account = AccountSelector.byId(ctx, accountId!);
  if (!account) throw notFound('Account', accountId);
  const lastDay = isoDay(new Date());
  const page: ActivityPage = {
    accountId: String(account.Id),
    asOf: lastDay,
    aggregates: [],
    nextCursor: null
  };
  const size = ACTIVITY_LIMITS.MAX_PAGE_CONTACTS;
  const contacts = soql(ctx, SOQL.contactPage, { accountId, afterId, rowLimit: size + 1 });
  const contactIds = contacts.slice(0, size).map((c) => String(c.Id));
  if (contacts.length > size) page.nextCursor = `${CONTACTS_CURSOR}:${contactIds[size - 1]}`;
  if (!contactIds.length) return page;
  page.aggregates = aggregatesAsOf(ctx, contactIds, lastDay);
  return page;
}

registerApex(
  'ActivityController.loadActivityPage',
  controller((p, ctx) => loadActivityPage(ctx, p.accountId, p.cursor))
);
