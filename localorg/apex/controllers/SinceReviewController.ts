/**
 * Local twin of SinceReviewController / SinceReviewService / SinceReviewSelector (force-app/main/default/classes):
 * same parameters, the selector's SOQL and caps read from the .cls, the scope from the KeyplanHierarchy twin, the
 * activity from ActivityService.aggregatesAsOf's twin, the same DTO (checked against the SinceReviewPage contract)
 * and the same messages.
 */
import type { SinceReviewPage } from '../../../src/contracts';
import { normalizeId } from '../../ids';
import { apexSource } from '../source';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { ACTIVITY_LIMITS, aggregatesAsOf } from './ActivityController';
import { scopeOf } from './lib/hierarchy';
import { BuyingCenterSelector, LIMITS, firstKey } from './lib/selectors';
import {
  apexDateTime,
  controller,
  fail,
  idParam,
  num,
  require,
  requireReadable,
  soql,
  str,
  stringParam,
  today
} from './lib/twin';

export const SINCE_LIMITS = {
  MAX_PAGE_HISTORY: apexSource.integer('SinceReviewSelector.MAX_PAGE_HISTORY'),
  MAX_PAGE_LINKS: apexSource.integer('SinceReviewSelector.MAX_PAGE_LINKS'),
  DEFAULT_DAYS: apexSource.integer('SinceReviewService.DEFAULT_DAYS'),
  REVIEW_FIELDS: apexSource.strings('SinceReviewSelector.REVIEW_FIELDS'),
  /** SinceReviewService.pageContacts: tests lower it to exercise paging, and must put it back. */
  pageContacts: ACTIVITY_LIMITS.MAX_PAGE_CONTACTS
};

const SOQL = {
  lastReview: apexSource.soql('SinceReviewSelector.lastReview'),
  contactPage: apexSource.soql('SinceReviewSelector.contactPage'),
  history: apexSource.soql('SinceReviewSelector.history'),
  teamLinks: apexSource.soql('SinceReviewSelector.teamLinks')
};

const LAST_REVIEW_BINDS = apexSource.constantBinds('SinceReviewSelector', SOQL.lastReview);
const CONTACTS_CURSOR = 'contacts';
const DAY = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** An Apex Date parameter: null, or an ISO date. */
function dateParam(value: unknown, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))
    return value;
  throw fail(`${name}: "${String(value)}" is not a date (YYYY-MM-DD).`);
}

/** SinceReviewService.parseCursor */
function parseCursor(ctx: ApexContext, cursor: string | null): string {
  if (cursor === null || cursor.trim() === '') return firstKey(ctx, 'Contact');
  const parts = cursor.split(':');
  if (parts.length === 2 && parts[0] === CONTACTS_CURSOR) {
    const id = normalizeId(parts[1]);
    if (id && ctx.org.objectOfId(id)?.name === 'Contact') return id;
  }
  throw fail(`cursor: "${cursor}" is not a position in this list of changes. Reload.`);
}

/** SinceReviewService.loadSinceReviewPage */
function loadSinceReviewPage(
  ctx: ApexContext,
  accountIdParam: unknown,
  sinceParam: unknown,
  cursorParam: unknown
): SinceReviewPage {
  const accountId = idParam(accountIdParam, 'accountId');
  let since = dateParam(sinceParam, 'since');
  const cursor = stringParam(cursorParam, 'cursor');
  require(accountId, 'accountId');
  requireReadable(ctx, 'Contact');
  const afterId = parseCursor(ctx, cursor);
  const now = today();
  if (since !== null && since > now) throw fail(`since: ${since} is in the future. Choose a past day.`);
  const scope = scopeOf(ctx, accountId!);
  const rootId = String(scope.root.Id);
  let sinceSource: SinceReviewPage['sinceSource'] = 'chosen';
  if (since === null) {
    const reviewed = ctx.access.canRead('Account_Plan__c', 'Id')
      ? soql(ctx, SOQL.lastReview, { ...LAST_REVIEW_BINDS, accountId: rootId })
      : [];
    const last = reviewed.length ? str(reviewed[0].Last_Reviewed__c) : null;
    since = last
      ? last.slice(0, 10)
      : isoDay(Date.parse(`${now}T00:00:00Z`) - SINCE_LIMITS.DEFAULT_DAYS * DAY);
    sinceSource = last ? 'review' : 'default';
  }
  const page: SinceReviewPage = {
    accountId: rootId,
    since,
    sinceSource,
    asOf: now,
    contacts: [],
    history: [],
    teamLinks: [],
    activityThen: [],
    activityNow: [],
    buyingCenters: [],
    truncated: false,
    nextCursor: null
  };
  if (cursor === null || cursor.trim() === '') {
    const max = LIMITS.MAX_PER_ACCOUNT;
    const centers = BuyingCenterSelector.forOrgChart(ctx, scope.ids, max + 1);
    page.truncated = centers.length > max;
    page.buyingCenters = centers.slice(0, max).map((b) => ({ id: String(b.Id), name: String(b.Name) }));
  }
  const size = SINCE_LIMITS.pageContacts;
  const contacts = soql(ctx, SOQL.contactPage, { accountIds: scope.ids, afterId, rowLimit: size + 1 });
  for (const c of contacts.slice(0, size))
    page.contacts.push({
      id: String(c.Id),
      name: String(c.Name),
      buyingCenterId: str(c.Keyplan_Buying_Center__c),
      createdDate: apexDateTime(c.CreatedDate)!
    });
  const ids = page.contacts.map((c) => c.id);
  if (contacts.length > size) page.nextCursor = `${CONTACTS_CURSOR}:${ids[size - 1]}`;
  if (!ids.length) return page;
  const historyCap = SINCE_LIMITS.MAX_PAGE_HISTORY;
  const history = soql(ctx, SOQL.history, {
    contactIds: ids,
    fields: SINCE_LIMITS.REVIEW_FIELDS,
    since: new Date(Date.parse(`${since}T00:00:00Z`) + DAY),
    rowLimit: historyCap + 1
  });
  const linkCap = SINCE_LIMITS.MAX_PAGE_LINKS;
  const links = soql(ctx, SOQL.teamLinks, { contactIds: ids, rowLimit: linkCap + 1 });
  page.truncated = page.truncated || history.length > historyCap || links.length > linkCap;
  page.history = history.slice(0, historyCap).map((h) => ({
    contactId: String(h.ContactId),
    field: String(h.Field),
    oldValue: h.OldValue == null ? null : String(h.OldValue),
    newValue: h.NewValue == null ? null : String(h.NewValue),
    changedAt: apexDateTime(h.CreatedDate)!
  }));
  page.teamLinks = links.slice(0, linkCap).map((l) => ({
    fromUserId: String(l.From_User__c),
    toContactId: String(l.To_Contact__c),
    strength: num(l.Strength__c),
    frequency: str(l.Frequency__c),
    influenceLevel: str(l.Influence_Level__c),
    polarity: str(l.Polarity__c),
    lastInteraction: str(l.Last_Interaction__c),
    createdDate: apexDateTime(l.CreatedDate)!
  }));
  page.activityThen = aggregatesAsOf(ctx, ids, since);
  page.activityNow = aggregatesAsOf(ctx, ids, now);
  return page;
}

registerApex(
  'SinceReviewController.loadSinceReviewPage',
  controller((p, ctx) => loadSinceReviewPage(ctx, p.accountId, p.since, p.cursor))
);
