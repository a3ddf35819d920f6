import { z } from 'zod';
import {
  CurrencyCode,
  FiscalYear,
  IsoDate,
  IsoDateTime,
  Money,
  OrgFigureSettings,
  ScopeAccounts,
  SfId,
  WonHistoryDto
} from './common';

export const CELL_STATES = ['Unassessed', 'Whitespace', 'Competitor', 'Not Applicable'] as const;
export const CellState = z.enum(CELL_STATES);
export type CellState = z.infer<typeof CellState>;

export const OFFERING_FAMILIES = ['Consulting', 'Software', 'Services', 'Platform', 'Other'] as const;
export const OfferingFamily = z.enum(OFFERING_FAMILIES);
export type OfferingFamily = z.infer<typeof OfferingFamily>;

export const GROWTH_TYPES = ['Mining', 'Farming'] as const;
export const GrowthType = z.enum(GROWTH_TYPES);
export type GrowthType = z.infer<typeof GrowthType>;

/** A matrix row: one Buying_Center__c. */
export const MatrixBuyingCenter = z.object({
  id: SfId,
  name: z.string().min(1),
  parentId: SfId.nullable(),
  /** The account holding the buying center (Account__c). */
  accountId: SfId.nullable().optional(),
  /** The subsidiary the buying center belongs to (Subsidiary__c), when it names one. */
  subsidiaryId: SfId.nullable().optional(),
  walletSize: Money.nullable(),
  salesGoal: Money.nullable(),
  active: z.boolean(),
  sortOrder: z.number().nullable()
});
export type MatrixBuyingCenter = z.infer<typeof MatrixBuyingCenter>;

/** A matrix column: one Offering__c. */
export const MatrixOffering = z.object({
  id: SfId,
  name: z.string().min(1),
  family: OfferingFamily.nullable(),
  sortOrder: z.number().nullable(),
  active: z.boolean()
});
export type MatrixOffering = z.infer<typeof MatrixOffering>;

/** One Landscape_Cell__c: the assessed state of buying center x offering x fiscal year. */
export const LandscapeCellDto = z.object({
  id: SfId,
  buyingCenterId: SfId,
  offeringId: SfId,
  fiscalYear: FiscalYear,
  state: CellState,
  competitor: z.string().max(120).nullable(),
  potential: Money.nullable(),
  /** Landscape_Cell__c.CurrencyIsoCode (multi-currency orgs only). */
  currencyIsoCode: CurrencyCode.nullable().optional(),
  lastModified: IsoDateTime
});
export type LandscapeCellDto = z.infer<typeof LandscapeCellDto>;

/** An Opportunity as the matrix needs it. Won and pipeline money are always computed from these. */
export const MatrixOpportunity = z.object({
  id: SfId,
  name: z.string(),
  /** The opportunity's account: an account of the scope. */
  accountId: SfId.nullable().optional(),
  amount: Money.nullable(),
  probability: z.number().min(0).max(100).nullable(),
  stageName: z.string(),
  isClosed: z.boolean(),
  isWon: z.boolean(),
  closeDate: IsoDate,
  buyingCenterId: SfId.nullable(),
  offeringId: SfId.nullable(),
  growthType: GrowthType.nullable(),
  /** Opportunity.FiscalYear as the platform computed it from the org's fiscal year settings. */
  fiscalYear: z.number().int().nullable().optional(),
  /** Opportunity.CurrencyIsoCode (multi-currency orgs only). */
  currencyIsoCode: CurrencyCode.nullable().optional(),
  /** LastModifiedDate when read; `mapOpportunity` takes it back so a stale mapping is refused. */
  lastModified: IsoDateTime
});
export type MatrixOpportunity = z.infer<typeof MatrixOpportunity>;

export const PlanGoals = z.object({
  revenueGoal: Money.nullable(),
  miningGoal: Money.nullable(),
  farmingGoal: Money.nullable(),
  fiscalYear: FiscalYear
});
export type PlanGoals = z.infer<typeof PlanGoals>;

/** What `WhitespaceController.getMatrix` returns. */
export const WhitespaceData = OrgFigureSettings.extend({
  accountId: SfId,
  /** The accounts whose opportunities and buying centers the matrix holds (the account and its descendants). */
  accounts: ScopeAccounts,
  fiscalYears: z.array(FiscalYear),
  buyingCenters: z.array(MatrixBuyingCenter),
  offerings: z.array(MatrixOffering),
  cells: z.array(LandscapeCellDto),
  opportunities: z.array(MatrixOpportunity),
  /** First won close date per buying center x offering, whole history (mining vs farming). */
  wonHistory: z.array(WonHistoryDto),
  plan: PlanGoals.nullable()
});
export type WhitespaceData = z.infer<typeof WhitespaceData>;

/** What `WhitespaceController.copyAssessment` returns: how many cells of `toYear` it created and replaced. */
export const AssessmentCopyResult = z.object({
  fromYear: FiscalYear,
  toYear: FiscalYear,
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative()
});
export type AssessmentCopyResult = z.infer<typeof AssessmentCopyResult>;

/** Saving one landscape cell (upsert by buying center x offering x fiscal year). */
export const LandscapeCellInput = z
  .object({
    id: SfId.optional(),
    lastModified: IsoDateTime.optional(),
    buyingCenterId: SfId,
    offeringId: SfId,
    fiscalYear: FiscalYear,
    state: CellState,
    competitor: z.string().trim().max(120).nullable(),
    potential: Money.nonnegative().nullable(),
    notes: z.string().max(32768).nullable().optional()
  })
  .strict()
  // "Competitor needs a name" is the validation rule Landscape_Cell__c.Competitor_Required alone (its
  // message reaches the user as a field error); the cell panel asks before saving in its own words.
  .superRefine((c, ctx) => {
    if (c.id !== undefined && c.lastModified === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'lastModified is required to update an existing cell',
        path: ['lastModified']
      });
    }
  });
export type LandscapeCellInput = z.infer<typeof LandscapeCellInput>;
