/**
 * Local twin of BantController / BantService: same parameters, selector SOQL, DTOs (checked against the
 * zod contracts) and guard messages. The quick edit writes through Lightning Data Service (updateRecord:
 * the local org's REST PATCH with If-Unmodified-Since), not Apex. The score is the Keyplan_BANT_Score__c formula as the
 * local org computes it; nothing here recomputes it.
 */
import { salesStages } from './lib/figures';
import { type AccountRef, type BantData, type BantOpportunity } from '../../../src/contracts';
import { scopeOf, toRefs } from './lib/hierarchy';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { LIMITS, OpportunitySelector } from './lib/selectors';
import {
  apexDateTime,
  children,
  controller,
  fail,
  get,
  idParam,
  notFound,
  num,
  require,
  requireReadableField,
  str,
  type Row
} from './lib/twin';

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

registerApex(
  'BantController.getBant',
  controller((p, ctx) => getBant(ctx, p.recordId))
);
