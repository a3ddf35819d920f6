import { z } from 'zod';

/** A Salesforce record id, 15 or 18 characters. */
export const SfId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'Expected a 15 or 18 character Salesforce id');
export type SfId = z.infer<typeof SfId>;

/** A Date field as ISO `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** A Datetime as ISO 8601 (Apex serialises `2024-05-01T09:30:00.000Z`). Used for optimistic concurrency. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** A Currency field (may be blank in the org). */
export const Money = z.number().finite();
/**
 * The fiscal years Keyplan stores (plans, cells): the one TypeScript home of the range. The validation
 * rules `Fiscal_Year_In_Range` and the Apex `MIN_YEAR` / `MAX_YEAR` restate it; test/metadata/ruleCopies.test.ts
 * fails when one of them differs.
 */
/**
 * One account of a plan's scope (KeyplanHierarchy): the account that holds the plan and its descendants
 * (Account.ParentId), at most 10 levels and 2,000 accounts. `parentId` is the account's own parent.
 */
export const AccountRef = z.object({
  id: SfId,
  name: z.string(),
  /** Absent when null (Apex leaves nulls out). */
  parentId: SfId.nullable().optional()
});
export type AccountRef = z.infer<typeof AccountRef>;

/**
 * The scope's accounts as a response carries them: the account first, then its descendants level by level.
 * Optional so that data from before group plans (fixtures, bundles) still validates: absent means the
 * account alone.
 */
export const ScopeAccounts = z.array(AccountRef).optional();

export const FISCAL_YEAR_MIN = 2000;
export const FISCAL_YEAR_MAX = 2100;
/** A fiscal year Keyplan stores, in `FISCAL_YEAR_MIN`..`FISCAL_YEAR_MAX`. */
export const FiscalYear = z.number().int().min(FISCAL_YEAR_MIN).max(FISCAL_YEAR_MAX);

/** An ISO 4217 currency code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code');

/** CurrencyType.ConversionRate: units of `isoCode` for one unit of the corporate currency. */
export const ConversionRate = z.object({ isoCode: CurrencyCode, rate: z.number().positive() });
export type ConversionRate = z.infer<typeof ConversionRate>;

/**
 * The org settings every money figure depends on, sent with the data so each surface computes the
 * org's numbers (keyplanCore `figureOptions`): the fiscal year (Organization.FiscalYearStartMonth,
 * UsesStartDateAsFiscalYearName) and the currency the figures are in (the corporate currency, with
 * the rates of a multi-currency org; empty rates in a single-currency org).
 */
export const OrgFigureSettings = z.object({
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  fiscalYearNamedByStart: z.boolean(),
  currencyCode: CurrencyCode,
  conversionRates: z.array(ConversionRate)
});
export type OrgFigureSettings = z.infer<typeof OrgFigureSettings>;

/** The first won close date of one buying center x offering over the account's whole history. */
export const WonHistoryDto = z.object({
  buyingCenterId: SfId,
  offeringId: SfId,
  firstWonDate: IsoDate
});
export type WonHistoryDto = z.infer<typeof WonHistoryDto>;

export const BANT_STATUSES = ['Unknown', 'Missing', 'Identified', 'Confirmed'] as const;
export const BantStatus = z.enum(BANT_STATUSES);
export type BantStatus = z.infer<typeof BantStatus>;

export const INFLUENCE_LEVELS = ['Low', 'Medium', 'High', 'Very High'] as const;
export const InfluenceLevel = z.enum(INFLUENCE_LEVELS);
export type InfluenceLevel = z.infer<typeof InfluenceLevel>;

/** Field-level security of one field for the running user. */
export const FieldAccess = z.object({ readable: z.boolean(), updateable: z.boolean() });
export type FieldAccess = z.infer<typeof FieldAccess>;
