/**
 * Local twin of OrgChartController / OrgChartService (force-app/main/default/classes): same parameters,
 * same selector SOQL, same DTOs (checked against the zod contracts), same stale-write and guard messages.
 */
import { type ContactNode, type OrgChartPage, type RelationshipLinkDto } from '../../../src/contracts';
import { normalizeId } from '../../ids';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { sameGroup, scopeOf, toRefs } from './lib/hierarchy';
import {
  BuyingCenterSelector,
  ContactSelector,
  firstKey,
  LIMITS,
  RelationshipLinkSelector
} from './lib/selectors';
import {
  apexDateTime,
  assertNotStale,
  controller,
  dateTimeParam,
  decimalParam,
  deleteAsUser,
  fail,
  fieldAccess,
  get,
  idParam,
  inputParam,
  insertAsUser,
  intParam,
  notFound,
  num,
  require,
  requireReadable,
  sameId,
  str,
  stringParam,
  toInteger,
  targetUnderAccount,
  updateAsUser,
  type Row
} from './lib/twin';

/** OrgChartService.CONTACT_ACCESS_FIELDS */
export const CONTACT_ACCESS_FIELDS = [
  'Title',
  'Department',
  'ReportsToId',
  'Keyplan_Buying_Center__c',
  'Keyplan_Stance__c',
  'Keyplan_Decision_Role__c',
  'Keyplan_Buyer_Role__c',
  'Keyplan_Response_Mode__c',
  'Keyplan_Influence_Level__c',
  'Keyplan_Budget_Owned__c',
  'Keyplan_Placeholder__c'
];
/** OrgChartService.LINK_ACCESS_FIELDS */
export const LINK_ACCESS_FIELDS = [
  'From_Contact__c',
  'From_User__c',
  'To_Contact__c',
  'Type__c',
  'Strength__c',
  'Frequency__c',
  'Influence_Level__c',
  'Polarity__c',
  'Last_Interaction__c',
  'Notes__c'
];
/** OrgChartService.STAKEHOLDER_FIELDS: input property -> Contact field. */
const STAKEHOLDER_FIELDS: Record<string, string> = {
  stance: 'Keyplan_Stance__c',
  decisionRole: 'Keyplan_Decision_Role__c',
  buyerRole: 'Keyplan_Buyer_Role__c',
  responseMode: 'Keyplan_Response_Mode__c',
  influenceLevel: 'Keyplan_Influence_Level__c',
  buyingCenterId: 'Keyplan_Buying_Center__c',
  budgetOwned: 'Keyplan_Budget_Owned__c',
  reportsToId: 'ReportsToId'
};

/** OrgChartService.toNode: fields not in `readable` stay null. */
function toNode(c: Row, readable: Set<string>): ContactNode {
  const optional = (field: string): unknown => (readable.has(field) ? get(c, field) : null);
  return {
    id: String(c.Id),
    name: String(c.Name),
    accountId: str(c.AccountId),
    reportsToId: str(c.ReportsToId),
    lastModified: apexDateTime(c.LastModifiedDate)!,
    title: str(optional('Title')),
    department: str(optional('Department')),
    buyingCenterId: str(optional('Keyplan_Buying_Center__c')),
    stance: str(optional('Keyplan_Stance__c')) as ContactNode['stance'],
    decisionRole: str(optional('Keyplan_Decision_Role__c')) as ContactNode['decisionRole'],
    buyerRole: str(optional('Keyplan_Buyer_Role__c')) as ContactNode['buyerRole'],
    responseMode: str(optional('Keyplan_Response_Mode__c')) as ContactNode['responseMode'],
    influenceLevel: str(optional('Keyplan_Influence_Level__c')) as ContactNode['influenceLevel'],
    budgetOwned: num(optional('Keyplan_Budget_Owned__c')),
    placeholder: optional('Keyplan_Placeholder__c') === true || optional('Keyplan_Placeholder__c') === 1
  };
}

/** OrgChartService.toLinkDto */
function toLinkDto(link: Row): RelationshipLinkDto {
  return {
    id: String(link.Id),
    fromContactId: str(link.From_Contact__c),
    fromUserId: str(link.From_User__c),
    fromUserName: link.From_User__c === null ? null : str(get(link, 'From_User__r.Name')),
    toContactId: String(link.To_Contact__c),
    type: str(link.Type__c) as RelationshipLinkDto['type'],
    strength: toInteger(link.Strength__c),
    frequency: str(link.Frequency__c) as RelationshipLinkDto['frequency'],
    influenceLevel: str(link.Influence_Level__c) as RelationshipLinkDto['influenceLevel'],
    polarity: str(link.Polarity__c) as RelationshipLinkDto['polarity'],
    lastInteraction: str(link.Last_Interaction__c),
    lastModified: apexDateTime(link.LastModifiedDate)!
  };
}

/** OrgChartService.NEWEST_KEY: later than any CreatedDate. */
const NEWEST_KEY = new Date(Date.UTC(4000, 0, 1));
const CONTACTS_CURSOR = 'contacts';
const LINKS_CURSOR = 'links';
const ONLY = 'only';

interface PageKey {
  contacts: boolean;
  /** Contacts only (`contacts:<id>:only`): the links are read by a chain of their own. */
  only: boolean;
  afterId: string;
  beforeCreated: Date;
  beforeId: string;
}
const newestLinks = (ctx: ApexContext): PageKey => ({
  contacts: false,
  only: false,
  afterId: firstKey(ctx, 'Contact'),
  beforeCreated: NEWEST_KEY,
  beforeId: firstKey(ctx, 'Relationship_Link__c')
});

/** OrgChartService.parseCursor: null/blank, `contacts:<id>`, `contacts:<id>:only`, `links` or `links:<ms>:<id>`. */
function parseCursor(ctx: ApexContext, cursor: string | null): PageKey {
  if (cursor === null || cursor.trim() === '') return { ...newestLinks(ctx), contacts: true };
  const parts = cursor.split(':');
  const id = (s: string | undefined, objectName: string): string | null => {
    const n = normalizeId(s);
    return n && ctx.org.objectOfId(n)?.name === objectName ? n : null;
  };
  if (parts[0] === CONTACTS_CURSOR && (parts.length === 2 || (parts.length === 3 && parts[2] === ONLY))) {
    const afterId = id(parts[1], 'Contact');
    if (afterId) return { ...newestLinks(ctx), contacts: true, only: parts.length === 3, afterId };
  } else if (parts[0] === LINKS_CURSOR && parts.length === 1) {
    return newestLinks(ctx);
  } else if (parts[0] === LINKS_CURSOR && parts.length === 3) {
    const ms = /^\d+$/.test(parts[1]) ? Number(parts[1]) : NaN;
    const beforeId = id(parts[2], 'Relationship_Link__c');
    if (Number.isSafeInteger(ms) && beforeId)
      return { ...newestLinks(ctx), beforeCreated: new Date(ms), beforeId };
  }
  throw fail(`cursor: "${cursor}" is not a position in this org chart. Reload the chart.`);
}

/** OrgChartService.loadOrgChartPage */
function loadOrgChartPage(ctx: ApexContext, accountIdParam: unknown, cursorParam: unknown): OrgChartPage {
  const accountId = idParam(accountIdParam, 'accountId');
  const cursor = stringParam(cursorParam, 'cursor');
  require(accountId, 'accountId');
  requireReadable(ctx, 'Contact');
  requireReadable(ctx, 'Relationship_Link__c');
  requireReadable(ctx, 'Buying_Center__c');
  let key = parseCursor(ctx, cursor);
  const scope = scopeOf(ctx, accountId!);
  const accountIds = scope.ids;
  const page: OrgChartPage = {
    accountId: String(scope.root.Id),
    accountName: String(scope.root.Name),
    contacts: [],
    links: [],
    buyingCenters: [],
    accounts: [],
    totalContacts: ContactSelector.countByAccounts(ctx, accountIds),
    totalLinks: RelationshipLinkSelector.countByAccounts(ctx, accountIds),
    truncated: false,
    nextCursor: null,
    parallelCursors: null,
    fieldAccess: {}
  };
  if (cursor === null || cursor.trim() === '') {
    page.accounts = toRefs(scope);
    page.fieldAccess = {
      ...fieldAccess(ctx, 'Contact', CONTACT_ACCESS_FIELDS),
      ...fieldAccess(ctx, 'Relationship_Link__c', LINK_ACCESS_FIELDS)
    };
    const maxCenters = LIMITS.MAX_PER_ACCOUNT;
    const centers = BuyingCenterSelector.forOrgChart(ctx, accountIds, maxCenters + 1);
    page.truncated = centers.length > maxCenters;
    for (const bc of centers.slice(0, maxCenters)) {
      page.buyingCenters.push({
        id: String(bc.Id),
        name: String(bc.Name),
        parentId: str(bc.Parent_Buying_Center__c),
        relationshipStatus: str(
          bc.Relationship_Status__c
        ) as OrgChartPage['buyingCenters'][number]['relationshipStatus'],
        active: bc.Active__c === true
      });
    }
  }
  const pageContacts = LIMITS.MAX_PAGE_CONTACTS;
  const pageLinks = LIMITS.MAX_PAGE_LINKS;
  let linkRoom = pageLinks;
  if (key.contacts) {
    const rows = ContactSelector.forOrgChartPage(ctx, accountIds, key.afterId, pageContacts + 1);
    const readable = ContactSelector.readableOptionalFields(ctx);
    for (const row of rows.slice(0, pageContacts)) page.contacts.push(toNode(row, readable));
    if (rows.length > pageContacts) {
      const after = `${CONTACTS_CURSOR}:${page.contacts[page.contacts.length - 1].id}`;
      page.nextCursor = key.only ? `${after}:${ONLY}` : after;
      // More contacts than one page: the links need not wait for them.
      if (cursor === null || cursor.trim() === '') page.parallelCursors = [`${after}:${ONLY}`, LINKS_CURSOR];
      return page;
    }
    if (key.only) return page;
    // The contacts ran out on this page: the rest of its budget goes to the newest links.
    linkRoom = pageLinks - Math.trunc((page.contacts.length * pageLinks) / pageContacts);
    key = newestLinks(ctx);
    if (linkRoom <= 0) {
      page.nextCursor = LINKS_CURSOR;
      return page;
    }
  }
  const links = RelationshipLinkSelector.pageByAccounts(
    ctx,
    accountIds,
    key.beforeCreated,
    key.beforeId,
    linkRoom + 1
  );
  const kept = links.slice(0, linkRoom);
  for (const link of kept) page.links.push(toLinkDto(link));
  if (links.length > linkRoom) {
    const last = kept[kept.length - 1];
    page.nextCursor = `${LINKS_CURSOR}:${new Date(String(last.CreatedDate)).getTime()}:${String(last.Id)}`;
  }
  return page;
}

/** OrgChartService.saveStakeholder */
function saveStakeholder(ctx: ApexContext, inputValue: unknown): ContactNode {
  const input = inputParam(inputValue);
  require(input, 'input');
  const id = idParam(input!.id, 'id');
  const lastModified = dateTimeParam(input!.lastModified, 'lastModified');
  require(id, 'id');
  require(lastModified, 'lastModified');
  // The contract (ContactStakeholderInput) requires every stakeholder property, null to clear: Apex cannot
  // tell a missing property from null and would clear it, so the twin refuses a partial input outright.
  const missing = Object.keys(STAKEHOLDER_FIELDS).filter((p) => !Object.hasOwn(input!, p));
  if (missing.length)
    throw fail(
      `${missing.join(', ')}: Required. Send every stakeholder field of Contact ${String(id)} (null clears one); nothing was saved.`
    );
  const values: Record<string, unknown> = {
    stance: stringParam(input!.stance, 'stance'),
    decisionRole: stringParam(input!.decisionRole, 'decisionRole'),
    buyerRole: stringParam(input!.buyerRole, 'buyerRole'),
    responseMode: stringParam(input!.responseMode, 'responseMode'),
    influenceLevel: stringParam(input!.influenceLevel, 'influenceLevel'),
    buyingCenterId: idParam(input!.buyingCenterId, 'buyingCenterId'),
    budgetOwned: decimalParam(input!.budgetOwned, 'budgetOwned'),
    reportsToId: idParam(input!.reportsToId, 'reportsToId')
  };
  if (values.reportsToId !== null && sameId(values.reportsToId, id))
    throw fail('reportsToId: A contact cannot report to themselves. Choose another manager.');
  const current = ContactSelector.forOrgChartById(ctx, id!);
  if (!current) throw notFound('Contact', id);
  assertNotStale(`Contact ${String(current.Name)}`, lastModified, current.LastModifiedDate);
  if (values.reportsToId !== null && !sameId(values.reportsToId, current.ReportsToId))
    assertReportingLine(ctx, current, String(values.reportsToId));

  const readable = ContactSelector.readableOptionalFields(ctx);
  readable.add('ReportsToId');
  const changes: Record<string, unknown> = {};
  for (const [property, field] of Object.entries(STAKEHOLDER_FIELDS)) {
    const value = values[property] ?? null;
    const was = get(current, field);
    const same =
      field.endsWith('Id') || field === 'Keyplan_Buying_Center__c' ? sameId(value, was) : value === was;
    if (readable.has(field) && !same) changes[field] = value;
  }
  if (Object.keys(changes).length) updateAsUser(ctx, 'Contact', String(current.Id), changes);
  return toNode(ContactSelector.forOrgChartById(ctx, String(current.Id))!, readable);
}

/** OrgChartService.MAX_PLACEHOLDER_TITLE */
const MAX_PLACEHOLDER_TITLE = 128;

/** OrgChartService.createPlaceholder */
function createPlaceholder(ctx: ApexContext, inputValue: unknown): ContactNode {
  const input = inputParam(inputValue);
  require(input, 'input');
  const accountId = idParam(input!.accountId, 'accountId');
  const reportsToId = idParam(input!.reportsToId, 'reportsToId');
  const buyingCenterId = idParam(input!.buyingCenterId, 'buyingCenterId');
  require(accountId, 'accountId');
  const title = (stringParam(input!.title, 'title') ?? '').trim();
  if (!title || title.length > MAX_PLACEHOLDER_TITLE)
    throw fail(
      `title: Required, at most ${MAX_PLACEHOLDER_TITLE} characters: the role we know exists (e.g. Chief Information Security Officer).`
    );
  if (reportsToId !== null) {
    const manager = ContactSelector.reportingLine(ctx, reportsToId);
    if (!manager || !sameId(manager.AccountId, accountId))
      throw fail(
        `reportsToId: Contact ${reportsToId} is not a contact of this account you can see. Choose a manager of the same account.`
      );
  }
  const id = insertAsUser(ctx, 'Contact', {
    AccountId: accountId,
    LastName: `${title} (unknown)`.slice(0, 80),
    Title: title,
    ReportsToId: reportsToId,
    Keyplan_Buying_Center__c: buyingCenterId,
    Keyplan_Placeholder__c: true
  });
  return toNode(ContactSelector.forOrgChartById(ctx, id)!, ContactSelector.readableOptionalFields(ctx));
}

/** OrgChartService.managersAbove: the REPORTING_LINE_LEVELS managers above a reportingLine row. */
function managersAbove(row: Row): (string | null)[] {
  const out: (string | null)[] = [];
  let path = 'ReportsToId';
  for (let i = 0; i < LIMITS.REPORTING_LINE_LEVELS; i++) {
    out.push(str(get(row, path)));
    path = `ReportsTo.${path}`;
  }
  return out;
}

/**
 * OrgChartService.assertReportingLine: refuses a manager of another account and a manager who reports,
 * directly or not, to the contact.
 */
function assertReportingLine(ctx: ApexContext, contact: Row, managerId: string): void {
  const name = String(contact.Name);
  const me = ContactSelector.reportingLine(ctx, String(contact.Id));
  const manager = ContactSelector.reportingLine(ctx, managerId);
  if (!me || !manager)
    throw fail(
      `reportsToId: Contact ${managerId} was not found, or you do not have access to it. Choose another manager for ${name}.`
    );
  const managerName = String(manager.Name);
  if (
    !sameId(manager.AccountId, me.AccountId) &&
    !sameGroup(ctx, [str(manager.AccountId), str(me.AccountId)])
  )
    throw fail(
      `reportsToId: ${managerName} works for a company outside the group of ${name}; ${name} can only report to a contact of the same account or of its group.`
    );
  const seen = new Set<string>([String(manager.Id)]);
  let row: Row | null = manager;
  let depth = 0;
  while (row) {
    let next: string | null = null;
    for (const ancestor of managersAbove(row)) {
      if (ancestor === null || seen.has(ancestor)) return;
      if (sameId(ancestor, contact.Id))
        throw fail(
          `reportsToId: ${managerName} already reports to ${name}, directly or through others, so ${name} cannot report to ${managerName} (the reporting line would loop). Choose another manager.`
        );
      seen.add(ancestor);
      next = ancestor;
      depth++;
    }
    if (depth >= LIMITS.MAX_REPORTING_DEPTH)
      throw fail(
        `reportsToId: The reporting line above ${managerName} is more than ${LIMITS.MAX_REPORTING_DEPTH} levels deep, too deep to check for a loop. Choose another manager for ${name}.`
      );
    row = ContactSelector.reportingLine(ctx, next!);
  }
}

/** OrgChartService.saveLink */
function saveLink(ctx: ApexContext, inputValue: unknown): RelationshipLinkDto {
  const input = inputParam(inputValue);
  require(input, 'input');
  const i = {
    id: idParam(input!.id, 'id'),
    lastModified: dateTimeParam(input!.lastModified, 'lastModified'),
    accountId: idParam(input!.accountId, 'accountId'),
    fromContactId: idParam(input!.fromContactId, 'fromContactId'),
    fromUserId: idParam(input!.fromUserId, 'fromUserId'),
    toContactId: idParam(input!.toContactId, 'toContactId'),
    type: stringParam(input!.type, 'type'),
    strength: intParam(input!.strength, 'strength'),
    frequency: stringParam(input!.frequency, 'frequency'),
    influenceLevel: stringParam(input!.influenceLevel, 'influenceLevel'),
    polarity: stringParam(input!.polarity, 'polarity'),
    lastInteraction: stringParam(input!.lastInteraction, 'lastInteraction'),
    notes: stringParam(input!.notes, 'notes')
  };
  require(i.accountId, 'accountId');
  require(i.toContactId, 'toContactId');
  require(i.type, 'type');
  require(i.strength, 'strength');
  require(i.polarity, 'polarity');
  // Exactly one From, no self link, both ends in the account: validation rules, run by the save path.
  const record: Record<string, unknown> = {};
  const recordId = targetUnderAccount(
    i,
    'Relationship link',
    (id) => RelationshipLinkSelector.byId(ctx, id),
    (row) => String(row.Id),
    record
  );
  record.From_Contact__c = i.fromContactId;
  record.From_User__c = i.fromUserId;
  record.To_Contact__c = i.toContactId;
  record.Type__c = i.type;
  record.Strength__c = i.strength;
  record.Frequency__c = i.frequency;
  record.Influence_Level__c = i.influenceLevel;
  record.Polarity__c = i.polarity;
  record.Last_Interaction__c = i.lastInteraction;
  // Notes are not part of the link DTO, so the component cannot know them: null leaves them unchanged.
  if (i.notes !== null) record.Notes__c = i.notes;
  assertEndsInScope(ctx, i);
  const savedId = recordId ?? insertAsUser(ctx, 'Relationship_Link__c', record);
  if (recordId !== null) updateAsUser(ctx, 'Relationship_Link__c', recordId, record);
  return toLinkDto(RelationshipLinkSelector.byId(ctx, savedId)!);
}

/** OrgChartService.assertEndsInScope: both contacts work inside the scope of the link's account. */
function assertEndsInScope(
  ctx: ApexContext,
  i: { accountId: string | null; fromContactId: string | null; toContactId: string | null }
): void {
  const contactIds = [i.toContactId!];
  if (i.fromContactId !== null) contactIds.push(i.fromContactId);
  const scope = new Set(scopeOf(ctx, i.accountId!).ids);
  for (const contactId of contactIds) {
    const c = ContactSelector.versionById(ctx, contactId);
    if (!c) throw notFound('Contact', contactId);
    if (!scope.has(String(c.AccountId)))
      throw fail(
        `${sameId(contactId, i.toContactId) ? 'toContactId: ' : 'fromContactId: '}${String(c.Name)} works for a company outside this account and its subsidiaries. Choose a contact of the group, or create the link on that company.`
      );
  }
}

/** OrgChartService.deleteLink */
function deleteLink(ctx: ApexContext, linkIdParam: unknown, lastModifiedParam: unknown): null {
  const linkId = idParam(linkIdParam, 'linkId');
  const lastModified = dateTimeParam(lastModifiedParam, 'lastModified');
  require(linkId, 'linkId');
  require(lastModified, 'lastModified');
  const current = RelationshipLinkSelector.byId(ctx, linkId!);
  if (!current) throw notFound('Relationship link', linkId);
  assertNotStale(`Relationship link ${String(current.Id)}`, lastModified, current.LastModifiedDate);
  deleteAsUser(ctx, 'Relationship_Link__c', String(current.Id));
  return null;
}

registerApex(
  'OrgChartController.loadOrgChartPage',
  controller((p, ctx) => loadOrgChartPage(ctx, p.accountId, p.cursor))
);
registerApex(
  'OrgChartController.saveStakeholder',
  controller((p, ctx) => saveStakeholder(ctx, p.input))
);
registerApex(
  'OrgChartController.createPlaceholder',
  controller((p, ctx) => createPlaceholder(ctx, p.input))
);
registerApex(
  'OrgChartController.saveLink',
  controller((p, ctx) => saveLink(ctx, p.input))
);
registerApex(
  'OrgChartController.deleteLink',
  controller((p, ctx) => deleteLink(ctx, p.linkId, p.lastModified))
);
