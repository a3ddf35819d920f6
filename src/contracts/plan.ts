import { z } from 'zod';
import {
  AccountRef,
  FiscalYear,
  ScopeAccounts,
  IsoDate,
  IsoDateTime,
  Money,
  OrgFigureSettings,
  SfId,
  WonHistoryDto
} from './common';
import { LandscapeCellDto, MatrixOpportunity } from './whitespace';

export const PLAN_STATUSES = ['Draft', 'Active', 'Under Review', 'Archived'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const RELATIONSHIP_TYPES = ['Tactical', 'Cooperative', 'Interdependent', 'Strategic'] as const;
export const RelationshipType = z.enum(RELATIONSHIP_TYPES);
export type RelationshipType = z.infer<typeof RelationshipType>;

export const TIERS = ['1', '2', '3'] as const;
export const Tier = z.enum(TIERS);
export type Tier = z.infer<typeof Tier>;

export const CUSTOMER_PHASES = ['Prospect', 'Customer', 'Loyal Customer', 'Former Customer'] as const;
export const CustomerPhase = z.enum(CUSTOMER_PHASES);
export type CustomerPhase = z.infer<typeof CustomerPhase>;

export const ACTION_STATUSES = ['Open', 'In Progress', 'Done', 'Blocked', 'Cancelled'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** An attribute score 1-5 (blank until the KAM scores it). */
export const AttributeScore = z.number().int().min(1).max(5).nullable();

export const AccountPlanDto = z.object({
  id: SfId,
  name: z.string(),
  fiscalYear: FiscalYear,
  status: PlanStatus,
  revenueGoal: Money.nullable(),
  miningGoal: Money.nullable(),
  farmingGoal: Money.nullable(),
  scoreExecutiveAccess: AttributeScore,
  scoreShareOfWallet: AttributeScore,
  scoreStrategicAlignment: AttributeScore,
  scoreCoInnovation: AttributeScore,
  scoreTenure: AttributeScore,
  /** Relationship_Type__c and Tier__c formulas as the org computed them. */
  relationshipType: RelationshipType.nullable(),
  tier: Tier.nullable(),
  customerPhase: CustomerPhase.nullable(),
  lastModified: IsoDateTime
});
export type AccountPlanDto = z.infer<typeof AccountPlanDto>;

export const OverdueAction = z.object({
  id: SfId,
  name: z.string(),
  dueDate: IsoDate,
  status: ActionStatus,
  assignedToId: SfId.nullable(),
  assignedToName: z.string().nullable(),
  milestone: z.boolean()
});
export type OverdueAction = z.infer<typeof OverdueAction>;

/**
 * What `AccountPlanController.getPlanSummary` returns: the rows of the year (opportunities, landscape
 * cells, won history) and the org's figure settings. The component sums them with keyplanCore
 * `summariseYear`, the same function as the matrix and the exports; Apex sums nothing.
 */
export const PlanSummaryData = OrgFigureSettings.extend({
  accountId: SfId,
  /** The accounts whose figures the summary sums (the account and its descendants). */
  accounts: ScopeAccounts,
  /** The top of the group when the account is a subsidiary (the link to the group plan); absent otherwise. */
  groupAccount: AccountRef.nullable().optional(),
  fiscalYear: FiscalYear,
  plan: AccountPlanDto.nullable(),
  opportunities: z.array(MatrixOpportunity),
  cells: z.array(LandscapeCellDto),
  wonHistory: z.array(WonHistoryDto),
  overdueActions: z.array(OverdueAction),
  /** Open actions due from today on, soonest first (PlanActionSelector.MAX_UPCOMING). */
  upcomingActions: z.array(OverdueAction)
});
export type PlanSummaryData = z.infer<typeof PlanSummaryData>;

/** Creating (no id) or updating an account plan. */
export const PlanInput = z
  .object({
    id: SfId.optional(),
    lastModified: IsoDateTime.optional(),
    accountId: SfId,
    name: z.string().trim().min(1).max(80),
    fiscalYear: FiscalYear,
    status: PlanStatus,
    revenueGoal: Money.nonnegative().nullable(),
    miningGoal: Money.nonnegative().nullable(),
    farmingGoal: Money.nonnegative().nullable(),
    scoreExecutiveAccess: AttributeScore.optional(),
    scoreShareOfWallet: AttributeScore.optional(),
    scoreStrategicAlignment: AttributeScore.optional(),
    scoreCoInnovation: AttributeScore.optional(),
    scoreTenure: AttributeScore.optional(),
    criterionRevenuePotential: z.boolean().optional(),
    criterionStrategicFit: z.boolean().optional(),
    criterionGrowthPotential: z.boolean().optional(),
    criterionReferenceValue: z.boolean().optional(),
    criterionExecutiveAccess: z.boolean().optional(),
    customerPhase: CustomerPhase.nullable().optional()
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.id !== undefined && p.lastModified === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'lastModified is required to update an existing plan',
        path: ['lastModified']
      });
    }
    if (
      p.revenueGoal != null &&
      p.miningGoal != null &&
      p.farmingGoal != null &&
      p.miningGoal + p.farmingGoal > p.revenueGoal + 0.005
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'Mining plus farming goals exceed the revenue goal',
        path: ['miningGoal']
      });
    }
  });
export type PlanInput = z.infer<typeof PlanInput>;
