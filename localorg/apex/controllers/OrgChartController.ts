/**
 * Local twin of OrgChartController / OrgChartService (force-app/main/default/classes): same parameters,
 * same selector SOQL, same DTOs (checked against the zod contracts), same stale-write and guard messages.
 */
import { ContactNode, OrgChartData, RelationshipLinkDto } from '../../../src/contracts';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import {
  AccountSelector,
  BuyingCenterSelector,
  ContactSelector,
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
  'Buying_Center__c',
  'Stance__c',
  'Decision_Role__c',
  'Buyer_Role__c',
  'Response_Mode__c',
  'Influence_Level__c',
  'Budget_Owned__c'
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
  stance: 'Stance__c',
  decisionRole: 'Decision_Role__c',
  buyerRole: 'Buyer_Role__c',
  responseMode: 'Response_Mode__c',
  influenceLevel: 'Influence_Level__c',
  buyingCenterId: 'Buying_Center__c',
  budgetOwned: 'Budget_Owned__c',
  reportsToId: 'ReportsToId'
};

/** OrgChartService.toNode: fields not in `readable` stay null. */
function toNode(c: Row, readable: Set<string>): ContactNode {
  const optional = (field: string): unknown => (readable.has(field) ? get(c, field) : null);
  return {
    id: String(c.Id),
    name: String(c.Name),
    reportsToId: str(c.ReportsToId),
    lastModified: apexDateTime(c.LastModifiedDate)!,
    title: str(optional('Title')),
    department: str(optional('Department')),
    buyingCenterId: str(optional('Buying_Center__c')),
    stance: str(optional('Stance__c')) as ContactNode['stance'],
    decisionRole: str(optional('Decision_Role__c')) as ContactNode['decisionRole'],
    buyerRole: str(optional('Buyer_Role__c')) as ContactNode['buyerRole'],
    responseMode: str(optional('Response_Mode__c')) as ContactNode['responseMode'],
    influenceLevel: str(optional('Influence_Level__c')) as ContactNode['influenceLevel'],
    budgetOwned: num(optional('Budget_Owned__c'))
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

/** OrgChartService.getOrgChart */
function getOrgChart(ctx: ApexContext, accountIdParam: unknown): OrgChartData {
  const accountId = idParam(accountIdParam, 'accountId');
  require(accountId, 'accountId');
  requireReadable(ctx, 'Contact');
  requireReadable(ctx, 'Relationship_Link__c');
  requireReadable(ctx, 'Buying_Center__c');
  const account = AccountSelector.byId(ctx, accountId!);
  if (!account) throw notFound('Account', accountId);
  const data: OrgChartData = {
    accountId: String(account.Id),
    accountName: String(account.Name),
    contacts: [],
    links: [],
    buyingCenters: [],
    totalContacts: ContactSelector.countByAccount(ctx, accountId!),
    truncated: false,
    fieldAccess: {
      ...fieldAccess(ctx, 'Contact', CONTACT_ACCESS_FIELDS),
      ...fieldAccess(ctx, 'Relationship_Link__c', LINK_ACCESS_FIELDS)
    }
  };
  const maxContacts = LIMITS.MAX_ORG_CHART_CONTACTS;
  const rows = ContactSelector.forOrgChart(ctx, accountId!, maxContacts + 1);
  const contactsCut = rows.length > maxContacts;
  const readable = ContactSelector.readableOptionalFields(ctx);
  for (const row of rows.slice(0, maxContacts)) data.contacts.push(toNode(row, readable));

  const shown = new Set(contactsCut ? data.contacts.map((c) => c.id) : []);
  const maxLinks = LIMITS.MAX_ORG_CHART_LINKS;
  const links = RelationshipLinkSelector.byAccount(ctx, accountId!, maxLinks + 1);
  const linksCut = links.length > maxLinks;
  for (const link of links.slice(0, maxLinks)) {
    // A link to a contact that was cut off would dangle in the chart.
    if (
      contactsCut &&
      (!shown.has(String(link.To_Contact__c)) ||
        (link.From_Contact__c !== null && !shown.has(String(link.From_Contact__c))))
    )
      continue;
    data.links.push(toLinkDto(link));
  }
  for (const bc of BuyingCenterSelector.forOrgChart(ctx, accountId!, LIMITS.MAX_PER_ACCOUNT)) {
    data.buyingCenters.push({
      id: String(bc.Id),
      name: String(bc.Name),
      parentId: str(bc.Parent_Buying_Center__c),
      relationshipStatus: str(
        bc.Relationship_Status__c
      ) as OrgChartData['buyingCenters'][number]['relationshipStatus'],
      active: bc.Active__c === true
    });
  }
  data.truncated = contactsCut || linksCut;
  return data;
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

  const readable = ContactSelector.readableOptionalFields(ctx);
  readable.add('ReportsToId');
  const changes: Record<string, unknown> = {};
  for (const [property, field] of Object.entries(STAKEHOLDER_FIELDS)) {
    const value = values[property] ?? null;
    const was = get(current, field);
    const same = field.endsWith('Id') || field === 'Buying_Center__c' ? sameId(value, was) : value === was;
    if (readable.has(field) && !same) changes[field] = value;
  }
  if (Object.keys(changes).length) updateAsUser(ctx, 'Contact', String(current.Id), changes);
  return toNode(ContactSelector.forOrgChartById(ctx, String(current.Id))!, readable);
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
  if ((i.fromContactId === null) === (i.fromUserId === null))
    throw fail(
      'fromContactId: Fill in exactly one of fromContactId (a customer contact) or fromUserId (one of our team).'
    );
  if (i.fromContactId !== null && sameId(i.fromContactId, i.toContactId))
    throw fail('toContactId: A link cannot join a contact to themselves.');
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
  const savedId = recordId ?? insertAsUser(ctx, 'Relationship_Link__c', record);
  if (recordId !== null) updateAsUser(ctx, 'Relationship_Link__c', recordId, record);
  return toLinkDto(RelationshipLinkSelector.byId(ctx, savedId)!);
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
  'OrgChartController',
  'getOrgChart',
  ['accountId'],
  controller((p, ctx) => getOrgChart(ctx, p.accountId)),
  { result: OrgChartData }
);
registerApex(
  'OrgChartController',
  'saveStakeholder',
  ['input'],
  controller((p, ctx) => saveStakeholder(ctx, p.input)),
  { result: ContactNode }
);
registerApex(
  'OrgChartController',
  'saveLink',
  ['input'],
  controller((p, ctx) => saveLink(ctx, p.input)),
  { result: RelationshipLinkDto }
);
registerApex(
  'OrgChartController',
  'deleteLink',
  ['linkId', 'lastModified'],
  controller((p, ctx) => deleteLink(ctx, p.linkId, p.lastModified))
);
