import { z } from 'zod';
import { BantStatus, IsoDate, IsoDateTime, Money, ScopeAccounts, SfId } from './common';
import { BuyerRole, DecisionRole } from './orgChart';

/** One OpportunityContactRole with the contact's Keyplan roles (authority evidence). */
export const BantContactRole = z.object({
  contactId: SfId,
  name: z.string(),
  role: z.string().nullable(),
  isPrimary: z.boolean(),
  buyerRole: BuyerRole.nullable(),
  decisionRole: DecisionRole.nullable(),
  /** Contact.Keyplan_Budget_Owned__c: a contact who owns budget is evidence for a Confirmed Budget. */
  budgetOwned: Money.nullable()
});
export type BantContactRole = z.infer<typeof BantContactRole>;

/** A person of the deal's buying center who could become a contact role (c-bant-gap-actions). */
export const BantRoleCandidate = z.object({
  contactId: SfId,
  name: z.string(),
  title: z.string().nullable(),
  buyingCenterName: z.string().nullable(),
  /** In the deal's buying center (else an economic buyer or decision maker elsewhere in the account). */
  inBuyingCenter: z.boolean(),
  buyerRole: BuyerRole.nullable(),
  decisionRole: DecisionRole.nullable(),
  budgetOwned: Money.nullable()
});
export type BantRoleCandidate = z.infer<typeof BantRoleCandidate>;

/** What `BantController.getRoleCandidates` returns: candidates by name (the core ranks them). */
export const BantRoleCandidates = z.object({
  opportunityId: SfId,
  buyingCenterName: z.string().nullable(),
  candidates: z.array(BantRoleCandidate)
});
export type BantRoleCandidates = z.infer<typeof BantRoleCandidates>;

export const BantOpportunity = z.object({
  id: SfId,
  name: z.string(),
  /** The opportunity's account: an account of the scope. */
  accountId: SfId.nullable().optional(),
  amount: Money.nullable(),
  stageName: z.string(),
  probability: z.number().min(0).max(100).nullable(),
  closeDate: IsoDate,
  buyingCenterName: z.string().nullable(),
  offeringName: z.string().nullable(),
  budgetStatus: BantStatus.nullable(),
  authorityStatus: BantStatus.nullable(),
  needStatus: BantStatus.nullable(),
  timingStatus: BantStatus.nullable(),
  budgetEvidence: z.string().max(255).nullable(),
  authorityEvidence: z.string().max(255).nullable(),
  needEvidence: z.string().max(255).nullable(),
  timingEvidence: z.string().max(255).nullable(),
  /** Keyplan_BANT_Score__c as the formula computed it. */
  bantScore: z.number().nullable(),
  contactRoles: z.array(BantContactRole),
  lastModified: IsoDateTime
});
export type BantOpportunity = z.infer<typeof BantOpportunity>;

export const BANT_HISTORY_FIELDS = [
  'Keyplan_Budget_Status__c',
  'Keyplan_Authority_Status__c',
  'Keyplan_Need_Status__c',
  'Keyplan_Timing_Status__c'
] as const;

/** One OpportunityFieldHistory row on a BANT field. */
export const BantHistoryEntry = z.object({
  opportunityId: SfId,
  field: z.enum(BANT_HISTORY_FIELDS),
  oldValue: BantStatus.nullable(),
  newValue: BantStatus.nullable(),
  date: IsoDateTime
});
export type BantHistoryEntry = z.infer<typeof BantHistoryEntry>;

/** What `BantController.getBant` returns. */
/** One stage of the org's sales process (OpportunityStage): BANT gap expectations read its position. */
export const SalesStageDto = z.object({
  name: z.string().min(1),
  sortOrder: z.number(),
  isActive: z.boolean(),
  isClosed: z.boolean()
});
export type SalesStageDto = z.infer<typeof SalesStageDto>;

export const BantData = z.object({
  accountId: SfId,
  /** The accounts whose open opportunities are listed (account pages; absent on an opportunity page). */
  accounts: ScopeAccounts,
  opportunities: z.array(BantOpportunity),
  history: z.array(BantHistoryEntry),
  /** The org's sales process in SortOrder (keyplanCore stagePosition). */
  stages: z.array(SalesStageDto)
});
export type BantData = z.infer<typeof BantData>;
