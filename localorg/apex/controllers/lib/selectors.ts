/**
 * Twins of the Apex selectors (force-app/main/default/classes/*Selector.cls): the same SOQL text, word
 * for word, the same binds and the same row bounds. `selectors.test.ts` checks each text against the
 * Apex source, so a selector changed on one side only fails the tests.
 */
import type { ApexContext } from '../../registry';
import { normalizeId } from '../../../ids';
import { first, soql, soqlCount, type Row } from './twin';

/**
 * Row bounds, named like the Apex constants they copy (`selectors.test.ts` compares the values with
 * the .cls files). Tests may lower one to exercise truncation, and must put it back.
 */
export const LIMITS = {
  /** ContactSelector.MAX_PAGE_CONTACTS (OrgChartService.pageContacts) */
  MAX_PAGE_CONTACTS: 2000,
  /** ContactSelector.MAX_COUNTED */
  MAX_COUNTED: 1000000,
  /** ContactSelector.REPORTING_LINE_LEVELS */
  REPORTING_LINE_LEVELS: 5,
  /** RelationshipLinkSelector.MAX_PAGE_LINKS (OrgChartService.pageLinks) */
  MAX_PAGE_LINKS: 4000,
  /** OrgChartService.MAX_REPORTING_DEPTH */
  MAX_REPORTING_DEPTH: 50,
  /** BuyingCenterSelector.MAX_PER_ACCOUNT */
  MAX_PER_ACCOUNT: 500,
  /** OfferingSelector.MAX_OFFERINGS */
  MAX_OFFERINGS: 500,
  /** LandscapeCellSelector.MAX_CELLS */
  MAX_CELLS: 20000,
  /** OpportunitySelector.MAX_MATRIX_OPPORTUNITIES */
  MAX_MATRIX_OPPORTUNITIES: 5000,
  /** OpportunitySelector.MAX_BANT_OPPORTUNITIES */
  MAX_BANT_OPPORTUNITIES: 200,
  /** OpportunitySelector.MAX_HISTORY */
  MAX_HISTORY: 1000,
  /** KeyplanFigures.MAX_WON_HISTORY */
  MAX_WON_HISTORY: 20000,
  /** OrgSettingsSelector.MAX_STAGES */
  MAX_STAGES: 200,
  /** OrgSettingsSelector.MAX_CURRENCIES */
  MAX_CURRENCIES: 300,
  /** PlanActionSelector.MAX_OVERDUE */
  MAX_OVERDUE: 50
};

/** Which Apex class each LIMITS entry is declared in (for the parity test). */
export const LIMIT_SOURCES: Record<keyof typeof LIMITS, string> = {
  MAX_PAGE_CONTACTS: 'ContactSelector',
  MAX_COUNTED: 'ContactSelector',
  REPORTING_LINE_LEVELS: 'ContactSelector',
  MAX_PAGE_LINKS: 'RelationshipLinkSelector',
  MAX_REPORTING_DEPTH: 'OrgChartService',
  MAX_PER_ACCOUNT: 'BuyingCenterSelector',
  MAX_OFFERINGS: 'OfferingSelector',
  MAX_CELLS: 'LandscapeCellSelector',
  MAX_MATRIX_OPPORTUNITIES: 'OpportunitySelector',
  MAX_BANT_OPPORTUNITIES: 'OpportunitySelector',
  MAX_HISTORY: 'OpportunitySelector',
  MAX_WON_HISTORY: 'KeyplanFigures',
  MAX_CURRENCIES: 'OrgSettingsSelector',
  MAX_STAGES: 'OrgSettingsSelector',
  MAX_OVERDUE: 'PlanActionSelector'
};

const SINGLE_ROW = 1;

/** OrgChartService.firstKey: the lowest Id the records of an object can have (key prefix, then zeros). */
export const firstKey = (ctx: ApexContext, objectName: string): string =>
  normalizeId(ctx.org.object(objectName).keyPrefix + '0'.repeat(12))!;

/** ContactSelector.REQUIRED_FIELDS / OPTIONAL_FIELDS (the org chart's dynamic SELECT list). */
export const CONTACT_REQUIRED_FIELDS = ['Id', 'Name', 'ReportsToId', 'LastModifiedDate'] as const;
export const CONTACT_OPTIONAL_FIELDS = [
  'Title',
  'Department',
  'Keyplan_Buying_Center__c',
  'Keyplan_Stance__c',
  'Keyplan_Decision_Role__c',
  'Keyplan_Buyer_Role__c',
  'Keyplan_Response_Mode__c',
  'Keyplan_Influence_Level__c',
  'Keyplan_Budget_Owned__c'
] as const;

/**
 * The SOQL of every selector method, keyed `Class.method`. Static queries are the text between the
 * brackets in the .cls; ContactSelector's dynamic queries are the literal tail after `selectClause()`.
 */
export const SOQL = {
  'AccountSelector.byId': `SELECT Id, Name FROM Account WHERE Id = :accountId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'ContactSelector.forOrgChartPage': `WHERE AccountId = :accountId AND Id > :afterId ORDER BY Id LIMIT :rowLimit`,
  'ContactSelector.forOrgChartById': `WHERE Id = :contactId LIMIT :singleRow`,
  'ContactSelector.countByAccount': `SELECT COUNT() FROM Contact WHERE AccountId = :accountId WITH USER_MODE LIMIT :MAX_COUNTED`,
  'ContactSelector.reportingLine': `SELECT Id, Name, AccountId, ReportsToId, ReportsTo.ReportsToId, ReportsTo.ReportsTo.ReportsToId, ReportsTo.ReportsTo.ReportsTo.ReportsToId, ReportsTo.ReportsTo.ReportsTo.ReportsTo.ReportsToId FROM Contact WHERE Id = :contactId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'RelationshipLinkSelector.pageByAccount': `SELECT Id, From_Contact__c, From_User__c, From_User__r.Name, To_Contact__c, Type__c, Strength__c, Frequency__c, Influence_Level__c, Polarity__c, Last_Interaction__c, LastModifiedDate, CreatedDate FROM Relationship_Link__c WHERE Account__c = :accountId AND (CreatedDate < :beforeCreated OR (CreatedDate = :beforeCreated AND Id < :beforeId)) WITH USER_MODE ORDER BY CreatedDate DESC, Id DESC LIMIT :rowLimit`,
  'RelationshipLinkSelector.countByAccount': `SELECT COUNT() FROM Relationship_Link__c WHERE Account__c = :accountId WITH USER_MODE LIMIT :MAX_COUNTED`,
  'RelationshipLinkSelector.byId': `SELECT Id, Account__c, From_Contact__c, From_User__c, From_User__r.Name, To_Contact__c, Type__c, Strength__c, Frequency__c, Influence_Level__c, Polarity__c, Last_Interaction__c, LastModifiedDate FROM Relationship_Link__c WHERE Id = :linkId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'BuyingCenterSelector.forOrgChart': `SELECT Id, Name, Parent_Buying_Center__c, Relationship_Status__c, Active__c FROM Buying_Center__c WHERE Account__c = :accountId WITH USER_MODE ORDER BY Sort_Order__c NULLS LAST, Name LIMIT :rowLimit`,
  'BuyingCenterSelector.forMatrix': `SELECT Id, Name, Parent_Buying_Center__c, Wallet_Size__c, Sales_Goal__c, Active__c, Sort_Order__c FROM Buying_Center__c WHERE Account__c = :accountId WITH USER_MODE ORDER BY Sort_Order__c NULLS LAST, Name LIMIT :rowLimit`,
  'BuyingCenterSelector.forMatrixById': `SELECT Id, Name, Account__c, Parent_Buying_Center__c, Wallet_Size__c, Sales_Goal__c, Active__c, Sort_Order__c FROM Buying_Center__c WHERE Id = :buyingCenterId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'OfferingSelector.forMatrix': `SELECT Id, Name, Family__c, Sort_Order__c, Active__c FROM Offering__c WITH USER_MODE ORDER BY Sort_Order__c NULLS LAST, Name LIMIT :rowLimit`,
  'LandscapeCellSelector.byAccountAndYears': `SELECT Id, Buying_Center__c, Offering__c, Fiscal_Year__c, State__c, Competitor__c, Potential__c, LastModifiedDate FROM Landscape_Cell__c WHERE Buying_Center__r.Account__c = :accountId AND Fiscal_Year__c IN :fiscalYears WITH USER_MODE ORDER BY Fiscal_Year__c DESC, Id LIMIT :rowLimit`,
  'LandscapeCellSelector.byKey': `SELECT Id, Buying_Center__c, Offering__c, Fiscal_Year__c, State__c, Competitor__c, Potential__c, LastModifiedDate FROM Landscape_Cell__c WHERE Buying_Center__c = :buyingCenterId AND Offering__c = :offeringId AND Fiscal_Year__c = :fiscalYear WITH USER_MODE LIMIT :SINGLE_ROW`,
  'LandscapeCellSelector.byId': `SELECT Id, Buying_Center__c, Offering__c, Fiscal_Year__c, State__c, Competitor__c, Potential__c, LastModifiedDate FROM Landscape_Cell__c WHERE Id = :cellId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'OpportunitySelector.forMatrix': `SELECT Id, Name, Amount, Probability, StageName, IsClosed, IsWon, CloseDate, Keyplan_Buying_Center__c, Keyplan_Offering__c, Keyplan_Growth_Type__c, FiscalYear, LastModifiedDate FROM Opportunity WHERE AccountId = :accountId AND FiscalYear IN :fiscalYears WITH USER_MODE ORDER BY CloseDate, Id LIMIT :rowLimit`,
  'OpportunitySelector.forMatrixById': `SELECT Id, Name, Amount, Probability, StageName, IsClosed, IsWon, CloseDate, Keyplan_Buying_Center__c, Keyplan_Offering__c, Keyplan_Growth_Type__c, FiscalYear, LastModifiedDate FROM Opportunity WHERE Id = :opportunityId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'OpportunitySelector.openForBant': `SELECT Id, AccountId, Name, Amount, StageName, Probability, CloseDate, Keyplan_Buying_Center__r.Name, Keyplan_Offering__r.Name, Keyplan_Budget_Status__c, Keyplan_Authority_Status__c, Keyplan_Need_Status__c, Keyplan_Timing_Status__c, Keyplan_Budget_Evidence__c, Keyplan_Authority_Evidence__c, Keyplan_Need_Evidence__c, Keyplan_Timing_Evidence__c, Keyplan_BANT_Score__c, LastModifiedDate, (SELECT ContactId, Contact.Name, Role, IsPrimary, Contact.Keyplan_Buyer_Role__c, Contact.Keyplan_Decision_Role__c FROM OpportunityContactRoles ORDER BY IsPrimary DESC, CreatedDate LIMIT 50) FROM Opportunity WHERE AccountId = :accountId AND IsClosed = FALSE WITH USER_MODE ORDER BY CloseDate, Id LIMIT :rowLimit`,
  'OpportunitySelector.forBantById': `SELECT Id, AccountId, Name, Amount, StageName, Probability, CloseDate, Keyplan_Buying_Center__r.Name, Keyplan_Offering__r.Name, Keyplan_Budget_Status__c, Keyplan_Authority_Status__c, Keyplan_Need_Status__c, Keyplan_Timing_Status__c, Keyplan_Budget_Evidence__c, Keyplan_Authority_Evidence__c, Keyplan_Need_Evidence__c, Keyplan_Timing_Evidence__c, Keyplan_BANT_Score__c, LastModifiedDate, (SELECT ContactId, Contact.Name, Role, IsPrimary, Contact.Keyplan_Buyer_Role__c, Contact.Keyplan_Decision_Role__c FROM OpportunityContactRoles ORDER BY IsPrimary DESC, CreatedDate LIMIT 50) FROM Opportunity WHERE Id = :opportunityId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'OpportunitySelector.bantHistory': `SELECT OpportunityId, Field, OldValue, NewValue, CreatedDate FROM OpportunityFieldHistory WHERE OpportunityId IN :opportunityIds AND Field IN :fields WITH USER_MODE ORDER BY CreatedDate DESC LIMIT :rowLimit`,
  'OpportunitySelector.firstWonByCell': `SELECT Keyplan_Buying_Center__c, Keyplan_Offering__c, MIN(CloseDate) firstWonDate FROM Opportunity WHERE AccountId = :accountId AND IsWon = TRUE AND Keyplan_Buying_Center__c != NULL AND Keyplan_Offering__c != NULL WITH USER_MODE GROUP BY Keyplan_Buying_Center__c, Keyplan_Offering__c LIMIT :rowLimit`,
  'OrgSettingsSelector.fiscalYear': `SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName FROM Organization WITH USER_MODE LIMIT :SINGLE_ROW`,
  'OrgSettingsSelector.salesStages': `SELECT ApiName, SortOrder, IsActive, IsClosed FROM OpportunityStage WITH USER_MODE ORDER BY SortOrder LIMIT :MAX_STAGES`,
  /** Dynamic SOQL in Apex (CurrencyType exists only in multi-currency orgs): the quoted literal. */
  'OrgSettingsSelector.conversionRates': `SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType ORDER BY IsoCode LIMIT :rowLimit`,
  'OpportunitySelector.versionById': `SELECT Id, Name, AccountId, LastModifiedDate FROM Opportunity WHERE Id = :opportunityId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'AccountPlanSelector.byAccountAndYear': `SELECT Id, Name, Account__c, Fiscal_Year__c, Status__c, Revenue_Goal__c, Mining_Goal__c, Farming_Goal__c, Score_Executive_Access__c, Score_Share_Of_Wallet__c, Score_Strategic_Alignment__c, Score_Co_Innovation__c, Score_Tenure__c, Relationship_Type__c, Tier__c, Customer_Phase__c, LastModifiedDate FROM Account_Plan__c WHERE Account__c = :accountId AND Fiscal_Year__c = :fiscalYear WITH USER_MODE LIMIT :SINGLE_ROW`,
  'AccountPlanSelector.byId': `SELECT Id, Name, Account__c, Fiscal_Year__c, Status__c, Revenue_Goal__c, Mining_Goal__c, Farming_Goal__c, Score_Executive_Access__c, Score_Share_Of_Wallet__c, Score_Strategic_Alignment__c, Score_Co_Innovation__c, Score_Tenure__c, Relationship_Type__c, Tier__c, Customer_Phase__c, LastModifiedDate FROM Account_Plan__c WHERE Id = :planId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'PlanActionSelector.overdue': `SELECT Id, Name, Due_Date__c, Status__c, Assigned_To__c, Assigned_To__r.Name, Milestone__c FROM Plan_Action__c WHERE Account_Plan__c = :planId AND Due_Date__c < :today AND Status__c NOT IN :FINISHED WITH USER_MODE ORDER BY Due_Date__c, Id LIMIT :rowLimit`
} as const;

export const AccountSelector = {
  byId: (ctx: ApexContext, accountId: string): Row | null =>
    first(soql(ctx, SOQL['AccountSelector.byId'], { accountId, SINGLE_ROW }))
};

export const ContactSelector = {
  /** The optional org-chart fields the running user can read (a subset of CONTACT_OPTIONAL_FIELDS). */
  readableOptionalFields: (ctx: ApexContext): Set<string> =>
    new Set(CONTACT_OPTIONAL_FIELDS.filter((f) => ctx.access.canRead('Contact', f))),
  selectClause(ctx: ApexContext): string {
    const fields: string[] = [...CONTACT_REQUIRED_FIELDS, ...ContactSelector.readableOptionalFields(ctx)];
    return 'SELECT ' + fields.join(', ') + ' FROM Contact ';
  },
  /**
   * One page of an account's contacts (keyset on Id). The Apex dynamic query passes `AccessLevel.USER_MODE`
   * to queryWithBinds instead of saying `WITH USER_MODE`; the local text adds the clause so the same field
   * checks apply.
   */
  forOrgChartPage: (ctx: ApexContext, accountId: string, afterId: string, rowLimit: number): Row[] =>
    soql(
      ctx,
      ContactSelector.selectClause(ctx) +
        SOQL['ContactSelector.forOrgChartPage'].replace(/ ORDER BY /, ' WITH USER_MODE ORDER BY '),
      { accountId, afterId, rowLimit }
    ),
  reportingLine: (ctx: ApexContext, contactId: string): Row | null =>
    first(soql(ctx, SOQL['ContactSelector.reportingLine'], { contactId, SINGLE_ROW })),
  /** One contact (user mode added as in forOrgChart). */
  forOrgChartById: (ctx: ApexContext, contactId: string): Row | null =>
    first(
      soql(
        ctx,
        ContactSelector.selectClause(ctx) +
          SOQL['ContactSelector.forOrgChartById'].replace(/ LIMIT /, ' WITH USER_MODE LIMIT '),
        { contactId, singleRow: SINGLE_ROW }
      )
    ),
  countByAccount: (ctx: ApexContext, accountId: string): number =>
    soqlCount(ctx, SOQL['ContactSelector.countByAccount'], {
      accountId,
      MAX_COUNTED: LIMITS.MAX_COUNTED
    })
};

export const RelationshipLinkSelector = {
  pageByAccount: (
    ctx: ApexContext,
    accountId: string,
    beforeCreated: Date,
    beforeId: string,
    rowLimit: number
  ): Row[] =>
    soql(ctx, SOQL['RelationshipLinkSelector.pageByAccount'], {
      accountId,
      beforeCreated,
      beforeId,
      rowLimit
    }),
  countByAccount: (ctx: ApexContext, accountId: string): number =>
    soqlCount(ctx, SOQL['RelationshipLinkSelector.countByAccount'], {
      accountId,
      MAX_COUNTED: LIMITS.MAX_COUNTED
    }),
  byId: (ctx: ApexContext, linkId: string): Row | null =>
    first(soql(ctx, SOQL['RelationshipLinkSelector.byId'], { linkId, SINGLE_ROW }))
};

export const BuyingCenterSelector = {
  forOrgChart: (ctx: ApexContext, accountId: string, rowLimit: number): Row[] =>
    soql(ctx, SOQL['BuyingCenterSelector.forOrgChart'], { accountId, rowLimit }),
  forMatrix: (ctx: ApexContext, accountId: string, rowLimit: number): Row[] =>
    soql(ctx, SOQL['BuyingCenterSelector.forMatrix'], { accountId, rowLimit }),
  forMatrixById: (ctx: ApexContext, buyingCenterId: string): Row | null =>
    first(soql(ctx, SOQL['BuyingCenterSelector.forMatrixById'], { buyingCenterId, SINGLE_ROW }))
};

export const OfferingSelector = {
  forMatrix: (ctx: ApexContext, rowLimit: number): Row[] =>
    soql(ctx, SOQL['OfferingSelector.forMatrix'], { rowLimit })
};

export const LandscapeCellSelector = {
  byAccountAndYears: (ctx: ApexContext, accountId: string, fiscalYears: number[], rowLimit: number): Row[] =>
    soql(ctx, SOQL['LandscapeCellSelector.byAccountAndYears'], { accountId, fiscalYears, rowLimit }),
  byKey: (ctx: ApexContext, buyingCenterId: string, offeringId: string, fiscalYear: number): Row | null =>
    first(
      soql(ctx, SOQL['LandscapeCellSelector.byKey'], { buyingCenterId, offeringId, fiscalYear, SINGLE_ROW })
    ),
  byId: (ctx: ApexContext, cellId: string): Row | null =>
    first(soql(ctx, SOQL['LandscapeCellSelector.byId'], { cellId, SINGLE_ROW }))
};

export const OpportunitySelector = {
  forMatrix: (ctx: ApexContext, accountId: string, fiscalYears: number[], rowLimit: number): Row[] =>
    soql(ctx, SOQL['OpportunitySelector.forMatrix'], { accountId, fiscalYears, rowLimit }),
  forMatrixById: (ctx: ApexContext, opportunityId: string): Row | null =>
    first(soql(ctx, SOQL['OpportunitySelector.forMatrixById'], { opportunityId, SINGLE_ROW })),
  openForBant: (ctx: ApexContext, accountId: string, rowLimit: number): Row[] =>
    soql(ctx, SOQL['OpportunitySelector.openForBant'], { accountId, rowLimit }),
  forBantById: (ctx: ApexContext, opportunityId: string): Row | null =>
    first(soql(ctx, SOQL['OpportunitySelector.forBantById'], { opportunityId, SINGLE_ROW })),
  bantHistory: (ctx: ApexContext, opportunityIds: string[], fields: string[], rowLimit: number): Row[] =>
    soql(ctx, SOQL['OpportunitySelector.bantHistory'], { opportunityIds, fields, rowLimit }),
  firstWonByCell: (ctx: ApexContext, accountId: string, rowLimit: number): Row[] =>
    soql(ctx, SOQL['OpportunitySelector.firstWonByCell'], { accountId, rowLimit }),
  versionById: (ctx: ApexContext, opportunityId: string): Row | null =>
    first(soql(ctx, SOQL['OpportunitySelector.versionById'], { opportunityId, SINGLE_ROW }))
};

export const AccountPlanSelector = {
  byAccountAndYear: (ctx: ApexContext, accountId: string, fiscalYear: number): Row | null =>
    first(soql(ctx, SOQL['AccountPlanSelector.byAccountAndYear'], { accountId, fiscalYear, SINGLE_ROW })),
  byId: (ctx: ApexContext, planId: string): Row | null =>
    first(soql(ctx, SOQL['AccountPlanSelector.byId'], { planId, SINGLE_ROW }))
};

export const PlanActionSelector = {
  overdue: (ctx: ApexContext, planId: string, today: string, rowLimit: number): Row[] =>
    soql(ctx, SOQL['PlanActionSelector.overdue'], {
      planId,
      today,
      FINISHED: ['Done', 'Cancelled'],
      rowLimit
    })
};

export const OrgSettingsSelector = {
  fiscalYear: (ctx: ApexContext): Row | null =>
    first(soql(ctx, SOQL['OrgSettingsSelector.fiscalYear'], { SINGLE_ROW })),
  salesStages: (ctx: ApexContext): Row[] =>
    soql(ctx, SOQL['OrgSettingsSelector.salesStages'], { MAX_STAGES: LIMITS.MAX_STAGES }),
  /** UserInfo.isMultiCurrencyOrganization(): the local org is multi-currency when it has CurrencyType rows. */
  isMultiCurrency: (ctx: ApexContext): boolean => ctx.org.isMultiCurrency(),
  conversionRates: (ctx: ApexContext): Row[] =>
    OrgSettingsSelector.isMultiCurrency(ctx)
      ? soql(
          ctx,
          SOQL['OrgSettingsSelector.conversionRates'].replace(' ORDER BY ', ' WITH USER_MODE ORDER BY '),
          { rowLimit: LIMITS.MAX_CURRENCIES }
        )
      : [],
  /** The Apex query is built from the object's describe name; the twin does the same. */
  currencyCodes(ctx: ApexContext, objectName: string, ids: string[]): Map<string, string | null> {
    const codes = new Map<string, string | null>();
    if (!ids.length || !OrgSettingsSelector.isMultiCurrency(ctx)) return codes;
    // The local schema gives CurrencyIsoCode to Opportunity only: other records are in the corporate currency.
    const obj = ctx.org.object(objectName);
    if (!ctx.org.field(obj, 'CurrencyIsoCode')) return codes;
    for (const row of soql(
      ctx,
      `SELECT Id, CurrencyIsoCode FROM ${obj.name} WHERE Id IN :ids WITH USER_MODE`,
      { ids }
    ))
      codes.set(String(row.Id), typeof row.CurrencyIsoCode === 'string' ? row.CurrencyIsoCode : null);
    return codes;
  }
};
