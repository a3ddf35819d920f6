/**
 * Local twin of BantController / BantService: same parameters, selector SOQL, DTOs (checked against the
 * zod contracts), guard messages and stale-write rule. The score is the Keyplan_BANT_Score__c formula as the
 * local org computes it; nothing here recomputes it.
 */
import { salesStages } from './lib/figures';
import { type BantData, type BantOpportunity } from '../../../src/contracts';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { LIMITS, OpportunitySelector } from './lib/selectors';
import {
  apexDateTime,
  assertNotStale,
  children,
  controller,
  dateTimeParam,
  fail,
  get,
  idParam,
  inputParam,
  notFound,
  num,
  require,
  requireReadableField,
  str,
  stringParam,
  updateAsUser,
  type Row
} from './lib/twin';

/** BantService.HISTORY_FIELDS */
export const HISTORY_FIELDS = [
  'Keyplan_Budget_Status__c',
  'Keyplan_Authority_Status__c',
  'Keyplan_Need_Status__c',
  'Keyplan_Timing_Status__c'
];
const MAX_EVIDENCE_LENGTH = 255;

/** BantService.toBantOpportunity */
function toBantOpportunity(opp: Row): BantOpportunity {
  type Status = BantOpportunity['budgetStatus'];
  return {
    id: String(opp.Id),
    name: String(opp.Name),
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
      ) as BantOpportunity['contactRoles'][number]['decisionRole']
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
  let opportunities: Row[];
  if (type === 'Account') {
    accountId = recordId!;
    opportunities = OpportunitySelector.openForBant(ctx, recordId!, LIMITS.MAX_BANT_OPPORTUNITIES);
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

/** BantService.saveBant */
function saveBant(ctx: ApexContext, inputValue: unknown): BantOpportunity {
  const input = inputParam(inputValue);
  require(input, 'input');
  const id = idParam(input!.id, 'id');
  const lastModified = dateTimeParam(input!.lastModified, 'lastModified');
  require(id, 'id');
  require(lastModified, 'lastModified');
  const evidence: Record<string, string | null> = {
    budgetEvidence: stringParam(input!.budgetEvidence, 'budgetEvidence'),
    authorityEvidence: stringParam(input!.authorityEvidence, 'authorityEvidence'),
    needEvidence: stringParam(input!.needEvidence, 'needEvidence'),
    timingEvidence: stringParam(input!.timingEvidence, 'timingEvidence')
  };
  for (const [property, value] of Object.entries(evidence))
    if (value !== null && value.length > MAX_EVIDENCE_LENGTH)
      throw fail(`${property}: Evidence has at most ${MAX_EVIDENCE_LENGTH} characters; shorten it.`);
  const current = OpportunitySelector.versionById(ctx, id!);
  if (!current) throw notFound('Opportunity', id);
  assertNotStale(`Opportunity ${String(current.Name)}`, lastModified, current.LastModifiedDate);
  const changes: Record<string, unknown> = {
    Keyplan_Budget_Evidence__c: evidence.budgetEvidence,
    Keyplan_Authority_Evidence__c: evidence.authorityEvidence,
    Keyplan_Need_Evidence__c: evidence.needEvidence,
    Keyplan_Timing_Evidence__c: evidence.timingEvidence
  };
  // A null status leaves the status unchanged (the contract never sends null for one).
  const statuses: [string, string][] = [
    ['budgetStatus', 'Keyplan_Budget_Status__c'],
    ['authorityStatus', 'Keyplan_Authority_Status__c'],
    ['needStatus', 'Keyplan_Need_Status__c'],
    ['timingStatus', 'Keyplan_Timing_Status__c']
  ];
  for (const [property, field] of statuses) {
    const value = stringParam(input![property], property);
    if (value !== null) changes[field] = value;
  }
  updateAsUser(ctx, 'Opportunity', String(current.Id), changes);
  return toBantOpportunity(OpportunitySelector.forBantById(ctx, String(current.Id))!);
}

registerApex(
  'BantController.getBant',
  controller((p, ctx) => getBant(ctx, p.recordId))
);
registerApex(
  'BantController.saveBant',
  controller((p, ctx) => saveBant(ctx, p.input))
);
