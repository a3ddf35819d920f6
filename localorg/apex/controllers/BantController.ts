/**
 * Local twin of BantController / BantService: same parameters, selector SOQL, DTOs (checked against the
 * zod contracts) and guard messages. The quick edit writes through Lightning Data Service (updateRecord:
 * the local org's REST PATCH with If-Unmodified-Since), not Apex. The score is the Keyplan_BANT_Score__c formula as the
 * local org computes it; nothing here recomputes it.
 */
import { salesStages } from './lib/figures';
import {
  type AccountRef,
  type BantData,
  type BantOpportunity,
  type BantRoleCandidates
} from '../../../src/contracts';
import { scopeOf, toRefs } from './lib/hierarchy';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { ContactSelector, LIMITS, OpportunitySelector } from './lib/selectors';
import {
  apexDateTime,
  children,
  controller,
  fail,
  get,
  idParam,
  insertAsUser,
  notFound,
  num,
  require,
  requireReadableField,
  str,
  stringParam,
  type Row
} from './lib/twin';
import { apexSource } from '../source';

/** BantService.HISTORY_FIELDS */
export const HISTORY_FIELDS = [
  'Keyplan_Budget_Status__c',
  'Keyplan_Authority_Status__c',
  'Keyplan_Need_Status__c',
  'Keyplan_Timing_Status__c'
];

/** BantService.toBantOpportunity */
function toBantOpportunity(opp: Row): BantOpportunity {
  type Status = BantOpportunity['budgetStatus'];
  return {
    id: String(opp.Id),
    name: String(opp.Name),
    accountId: str(opp.AccountId),
    amount: num(opp.Amount),
    stageName: String(opp.StageName),
    probability: num(opp.Probability),
    closeDate: String(opp.CloseDate),
    buyingCenterName: str(get(opp, 'Keyplan_Buying_Center__r.Name')),
    offeringName: str(get(opp, 'Keyplan_Offering__r.Name')),
    budgetStatus: str(opp.Keyplan_Budget_Status__c) as Status,
    authorityStatus: str(opp.Keyplan_Authority_Status__c) as Status,
    needStatus: str(opp.Keyplan_Need_Status__c) as Status,
    timingStatus: str(opp.Keyplan_Timing_Status__c) as Status,
    budgetEvidence: str(opp.Keyplan_Budget_Evidence__c),
    authorityEvidence: str(opp.Keyplan_Authority_Evidence__c),
    needEvidence: str(opp.Keyplan_Need_Evidence__c),
    timingEvidence: str(opp.Keyplan_Timing_Evidence__c),
    bantScore: num(opp.Keyplan_BANT_Score__c),
    lastModified: apexDateTime(opp.LastModifiedDate)!,
    contactRoles: children(opp, 'OpportunityContactRoles').map((role) => ({
      contactId: String(role.ContactId),
      name: String(get(role, 'Contact.Name') ?? ''),
      role: str(role.Role),
      isPrimary: role.IsPrimary === true,
      buyerRole: str(
        get(role, 'Contact.Keyplan_Buyer_Role__c')
      ) as BantOpportunity['contactRoles'][number]['buyerRole'],
      decisionRole: str(
        get(role, 'Contact.Keyplan_Decision_Role__c')
      ) as BantOpportunity['contactRoles'][number]['decisionRole'],
      budgetOwned: num(get(role, 'Contact.Keyplan_Budget_Owned__c'))
    }))
  };
}

/** BantService.getBant */
function getBant(ctx: ApexContext, recordIdParam: unknown): BantData {
  const recordId = idParam(recordIdParam, 'recordId');
  require(recordId, 'recordId');
  requireReadableField(ctx, 'Opportunity', 'Keyplan_Budget_Status__c');
  const type = ctx.org.objectOfId(recordId!)?.name;
  let accountId: string;
  let accounts: AccountRef[] = [];
  let opportunities: Row[];
  if (type === 'Account') {
    const scope = scopeOf(ctx, recordId!);
    accountId = recordId!;
    accounts = toRefs(scope);
    opportunities = OpportunitySelector.openForBant(ctx, scope.ids, LIMITS.MAX_BANT_OPPORTUNITIES);
  } else if (type === 'Opportunity') {
    const opp = OpportunitySelector.forBantById(ctx, recordId!);
    if (!opp) throw notFound('Opportunity', recordId);
    accountId = String(opp.AccountId);
    opportunities = [opp];
  } else {
    throw fail('recordId: The BANT panel works on an Account or an Opportunity page.');
  }
  const data: BantData = {
    accountId,
    accounts,
    opportunities: opportunities.map(toBantOpportunity),
    history: [],
    stages: []
  };
  if (opportunities.length) {
    for (const h of OpportunitySelector.bantHistory(
      ctx,
      opportunities.map((o) => String(o.Id)),
      HISTORY_FIELDS,
      LIMITS.MAX_HISTORY
    )) {
      data.history.push({
        opportunityId: String(h.OpportunityId),
        field: String(h.Field) as BantData['history'][number]['field'],
        oldValue: str(h.OldValue) as BantData['history'][number]['oldValue'],
        newValue: str(h.NewValue) as BantData['history'][number]['newValue'],
        date: apexDateTime(h.CreatedDate)!
      });
    }
  }
  data.stages = salesStages(ctx);
  return data;
}

/** BantService.AUTHORITY_BUYER_ROLES / AUTHORITY_DECISION_ROLES */
const AUTHORITY_BUYER_ROLES = apexSource.strings('BantService.AUTHORITY_BUYER_ROLES');
const AUTHORITY_DECISION_ROLES = apexSource.strings('BantService.AUTHORITY_DECISION_ROLES');

/** BantService.getRoleCandidates */
function getRoleCandidates(ctx: ApexContext, opportunityIdParam: unknown): BantRoleCandidates {
  const opportunityId = idParam(opportunityIdParam, 'opportunityId');
  require(opportunityId, 'opportunityId');
  const opp = OpportunitySelector.forBantById(ctx, opportunityId!);
  if (!opp) throw notFound('Opportunity', opportunityId);
  const center = str(opp.Keyplan_Buying_Center__c);
  const centers = center ? [center] : [];
  return {
    opportunityId: String(opp.Id),
    buyingCenterName: str(get(opp, 'Keyplan_Buying_Center__r.Name')),
    candidates: ContactSelector.forRoleCandidates(
      ctx,
      String(opp.AccountId),
      centers,
      AUTHORITY_BUYER_ROLES,
      AUTHORITY_DECISION_ROLES,
      LIMITS.MAX_ROLE_CANDIDATES
    ).map((c) => ({
      contactId: String(c.Id),
      name: String(c.Name),
      title: str(c.Title),
      buyingCenterName: str(get(c, 'Keyplan_Buying_Center__r.Name')),
      inBuyingCenter: centers.includes(String(c.Keyplan_Buying_Center__c)),
      buyerRole: str(c.Keyplan_Buyer_Role__c) as BantRoleCandidates['candidates'][number]['buyerRole'],
      decisionRole: str(
        c.Keyplan_Decision_Role__c
      ) as BantRoleCandidates['candidates'][number]['decisionRole'],
      budgetOwned: num(c.Keyplan_Budget_Owned__c)
    }))
  };
}

/** BantService.addContactRole */
function addContactRole(ctx: ApexContext, p: Record<string, unknown>): BantOpportunity {
  const opportunityId = idParam(p.opportunityId, 'opportunityId');
  const contactId = idParam(p.contactId, 'contactId');
  const role = stringParam(p.role, 'role');
  require(opportunityId, 'opportunityId');
  require(contactId, 'contactId');
  const opp = OpportunitySelector.forBantById(ctx, opportunityId!);
  if (!opp) throw notFound('Opportunity', opportunityId);
  const c = ContactSelector.versionById(ctx, contactId!);
  if (!c) throw notFound('Contact', contactId);
  if (String(c.AccountId) !== String(opp.AccountId))
    throw fail(`contactId: ${String(c.Name)} is not a contact of the account of ${String(opp.Name)}.`);
  const existing = children(opp, 'OpportunityContactRoles');
  if (existing.some((r) => String(r.ContactId) === String(c.Id)))
    throw fail(`contactId: ${String(c.Name)} already has a contact role on ${String(opp.Name)}.`);
  insertAsUser(ctx, 'OpportunityContactRole', {
    OpportunityId: opp.Id,
    ContactId: c.Id,
    Role: role === null || role.trim() === '' ? null : role.trim(),
    IsPrimary: existing.length === 0
  });
  return toBantOpportunity(OpportunitySelector.forBantById(ctx, opportunityId!)!);
}

registerApex(
  'BantController.getRoleCandidates',
  controller((p, ctx) => getRoleCandidates(ctx, p.opportunityId))
);
registerApex(
  'BantController.addContactRole',
  controller((p, ctx) => addContactRole(ctx, p))
);
registerApex(
  'BantController.getBant',
  controller((p, ctx) => getBant(ctx, p.recordId))
);
