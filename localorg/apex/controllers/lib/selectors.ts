/**
 * Twins of the Apex selectors (force-app/main/default/classes/*Selector.cls): the same SOQL text, word
 * for word, the same binds and the same row bounds. `selectors.test.ts` checks each text against the
 * Apex source, so a selector changed on one side only fails the tests.
 */
import type { ApexContext } from '../../registry';
import { first, soql, soqlCount, type Row } from './twin';

/**
 * Row bounds, named like the Apex constants they copy (`selectors.test.ts` compares the values with
 * the .cls files). Tests may lower one to exercise truncation, and must put it back.
 */
export const LIMITS = {
  /** ContactSelector.MAX_ORG_CHART_CONTACTS */
  MAX_ORG_CHART_CONTACTS: 10000,
  /** ContactSelector.MAX_COUNTED */
  MAX_COUNTED: 1000000,
  /** RelationshipLinkSelector.MAX_ORG_CHART_LINKS */
  MAX_ORG_CHART_LINKS: 10000,
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
  /** OpportunitySelector.MAX_CONTACT_ROLES (the BANT subqueries repeat it as the literal 50, as in Apex) */
  MAX_CONTACT_ROLES: 50,
  /** OpportunitySelector.MAX_HISTORY */
  MAX_HISTORY: 1000,
  /** OpportunitySelector.MAX_SUMMARY_OPPORTUNITIES */
  MAX_SUMMARY_OPPORTUNITIES: 5000,
  /** PlanActionSelector.MAX_OVERDUE */
  MAX_OVERDUE: 50
};

/** Which Apex class each LIMITS entry is declared in (for the parity test). */
export const LIMIT_SOURCES: Record<keyof typeof LIMITS, string> = {
  MAX_ORG_CHART_CONTACTS: 'ContactSelector',
  MAX_COUNTED: 'ContactSelector',
  MAX_ORG_CHART_LINKS: 'RelationshipLinkSelector',
  MAX_PER_ACCOUNT: 'BuyingCenterSelector',
  MAX_OFFERINGS: 'OfferingSelector',
  MAX_CELLS: 'LandscapeCellSelector',
  MAX_MATRIX_OPPORTUNITIES: 'OpportunitySelector',
  MAX_BANT_OPPORTUNITIES: 'OpportunitySelector',
  MAX_CONTACT_ROLES: 'OpportunitySelector',
  MAX_HISTORY: 'OpportunitySelector',
  MAX_SUMMARY_OPPORTUNITIES: 'OpportunitySelector',
  MAX_OVERDUE: 'PlanActionSelector'
};

const SINGLE_ROW = 1;

/** ContactSelector.REQUIRED_FIELDS / OPTIONAL_FIELDS (the org chart's dynamic SELECT list). */
export const CONTACT_REQUIRED_FIELDS = ['Id', 'Name', 'ReportsToId', 'LastModifiedDate'] as const;
export const CONTACT_OPTIONAL_FIELDS = [
  'Title',
  'Department',
  'Buying_Center__c',
  'Stance__c',
  'Decision_Role__c',
  'Buyer_Role__c',
  'Response_Mode__c',
  'Influence_Level__c',
  'Budget_Owned__c'
] as const;

/**
 * The SOQL of every selector method, keyed `Class.method`. Static queries are the text between the
 * brackets in the .cls; ContactSelector's dynamic queries are the literal tail after `selectClause()`.
 */
export const SOQL = {
  'AccountSelector.byId': `SELECT Id, Name FROM Account WHERE Id = :accountId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'ContactSelector.forOrgChart': `WHERE AccountId = :accountId ORDER BY Name, Id LIMIT :rowLimit`,
  'ContactSelector.forOrgChartById': `WHERE Id = :contactId LIMIT :singleRow`,
  'ContactSelector.countByAccount': `SELECT COUNT() FROM Contact WHERE AccountId = :accountId WITH USER_MODE LIMIT :MAX_COUNTED`,
  'RelationshipLinkSelector.byAccount': `SELECT Id, From_Contact__c, From_User__c, From_User__r.Name, To_Contact__c, Type__c, Strength__c, Frequency__c, Influence_Level__c, Polarity__c, Last_Interaction__c, LastModifiedDate FROM Relationship_Link__c WHERE Account__c = :accountId WITH USER_MODE ORDER BY CreatedDate, Id LIMIT :rowLimit`,
  'RelationshipLinkSelector.byId': `SELECT Id, Account__c, From_Contact__c, From_User__c, From_User__r.Name, To_Contact__c, Type__c, Strength__c, Frequency__c, Influence_Level__c, Polarity__c, Last_Interaction__c, LastModifiedDate FROM Relationship_Link__c WHERE Id = :linkId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'BuyingCenterSelector.forOrgChart': `SELECT Id, Name, Parent_Buying_Center__c, Relationship_Status__c, Active__c FROM Buying_Center__c WHERE Account__c = :accountId WITH USER_MODE ORDER BY Sort_Order__c NULLS LAST, Name LIMIT :rowLimit`,
  'BuyingCenterSelector.forMatrix': `SELECT Id, Name, Parent_Buying_Center__c, Wallet_Size__c, Sales_Goal__c, Active__c, Sort_Order__c FROM Buying_Center__c WHERE Account__c = :accountId WITH USER_MODE ORDER BY Sort_Order__c NULLS LAST, Name LIMIT :rowLimit`,
  'BuyingCenterSelector.forMatrixById': `SELECT Id, Name, Account__c, Parent_Buying_Center__c, Wallet_Size__c, Sales_Goal__c, Active__c, Sort_Order__c FROM Buying_Center__c WHERE Id = :buyingCenterId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'OfferingSelector.forMatrix': `SELECT Id, Name, Family__c, Sort_Order__c, Active__c FROM Offering__c WITH USER_MODE ORDER BY Sort_Order__c NULLS LAST, Name LIMIT :rowLimit`,
  'LandscapeCellSelector.byAccountAndYears': `SELECT Id, Buying_Center__c, Offering__c, Fiscal_Year__c, State__c, Competitor__c, Potential__c, LastModifiedDate FROM Landscape_Cell__c WHERE Buying_Center__r.Account__c = :accountId AND Fiscal_Year__c IN :fiscalYears WITH USER_MODE ORDER BY Fiscal_Year__c, Id LIMIT :rowLimit`,
  'LandscapeCellSelector.byKey': `SELECT Id, Buying_Center__c, Offering__c, Fiscal_Year__c, State__c, Competitor__c, Potential__c, LastModifiedDate FROM Landscape_Cell__c WHERE Buying_Center__c = :buyingCenterId AND Offering__c = :offeringId AND Fiscal_Year__c = :fiscalYear WITH USER_MODE LIMIT :SINGLE_ROW`,
  'LandscapeCellSelector.byId': `SELECT Id, Buying_Center__c, Offering__c, Fiscal_Year__c, State__c, Competitor__c, Potential__c, LastModifiedDate FROM Landscape_Cell__c WHERE Id = :cellId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'LandscapeCellSelector.whitespacePotential': `SELECT SUM(Potential__c) total FROM Landscape_Cell__c WHERE Buying_Center__r.Account__c = :accountId AND Fiscal_Year__c = :fiscalYear AND State__c = :WHITESPACE WITH USER_MODE LIMIT :SINGLE_ROW`,
  'OpportunitySelector.forMatrix': `SELECT Id, Name, Amount, Probability, StageName, IsClosed, IsWon, CloseDate, Buying_Center__c, Offering__c, Growth_Type__c, LastModifiedDate FROM Opportunity WHERE AccountId = :accountId AND FiscalYear IN :fiscalYears WITH USER_MODE ORDER BY CloseDate, Id LIMIT :rowLimit`,
  'OpportunitySelector.forMatrixById': `SELECT Id, Name, Amount, Probability, StageName, IsClosed, IsWon, CloseDate, Buying_Center__c, Offering__c, Growth_Type__c, LastModifiedDate FROM Opportunity WHERE Id = :opportunityId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'OpportunitySelector.openForBant': `SELECT Id, AccountId, Name, Amount, StageName, Probability, CloseDate, Buying_Center__r.Name, Offering__r.Name, Budget_Status__c, Authority_Status__c, Need_Status__c, Timing_Status__c, Budget_Evidence__c, Authority_Evidence__c, Need_Evidence__c, Timing_Evidence__c, BANT_Score__c, LastModifiedDate, (SELECT ContactId, Contact.Name, Role, IsPrimary, Contact.Buyer_Role__c, Contact.Decision_Role__c FROM OpportunityContactRoles ORDER BY IsPrimary DESC, CreatedDate LIMIT 50) FROM Opportunity WHERE AccountId = :accountId AND IsClosed = FALSE WITH USER_MODE ORDER BY CloseDate, Id LIMIT :rowLimit`,
  'OpportunitySelector.forBantById': `SELECT Id, AccountId, Name, Amount, StageName, Probability, CloseDate, Buying_Center__r.Name, Offering__r.Name, Budget_Status__c, Authority_Status__c, Need_Status__c, Timing_Status__c, Budget_Evidence__c, Authority_Evidence__c, Need_Evidence__c, Timing_Evidence__c, BANT_Score__c, LastModifiedDate, (SELECT ContactId, Contact.Name, Role, IsPrimary, Contact.Buyer_Role__c, Contact.Decision_Role__c FROM OpportunityContactRoles ORDER BY IsPrimary DESC, CreatedDate LIMIT 50) FROM Opportunity WHERE Id = :opportunityId WITH USER_MODE LIMIT :SINGLE_ROW`,
  'OpportunitySelector.bantHistory': `SELECT OpportunityId, Field, OldValue, NewValue, CreatedDate FROM OpportunityFieldHistory WHERE OpportunityId IN :opportunityIds AND Field IN :fields WITH USER_MODE ORDER BY CreatedDate DESC LIMIT :rowLimit`,
  'OpportunitySelector.forPlanSummary': `SELECT Id, Amount, Probability, IsWon, IsClosed FROM Opportunity WHERE AccountId = :accountId AND FiscalYear = :fiscalYear AND (IsWon = TRUE OR IsClosed = FALSE) WITH USER_MODE LIMIT :rowLimit`,
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
   * The contacts of an account. The Apex dynamic query passes `AccessLevel.USER_MODE` to queryWithBinds
   * instead of saying `WITH USER_MODE`; the local text adds the clause so the same field checks apply.
   */
  forOrgChart: (ctx: ApexContext, accountId: string, rowLimit: number): Row[] =>
    soql(
      ctx,
      ContactSelector.selectClause(ctx) +
        SOQL['ContactSelector.forOrgChart'].replace(/ ORDER BY /, ' WITH USER_MODE ORDER BY '),
      { accountId, rowLimit }
    ),
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
  byAccount: (ctx: ApexContext, accountId: string, rowLimit: number): Row[] =>
    soql(ctx, SOQL['RelationshipLinkSelector.byAccount'], { accountId, rowLimit }),
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
    first(soql(ctx, SOQL['LandscapeCellSelector.byId'], { cellId, SINGLE_ROW })),
  whitespacePotential(ctx: ApexContext, accountId: string, fiscalYear: number): number {
    const rows = soql(ctx, SOQL['LandscapeCellSelector.whitespacePotential'], {
      accountId,
      fiscalYear,
      WHITESPACE: 'Whitespace',
      SINGLE_ROW
    });
    const total = rows.length ? rows[0].total : null;
    return typeof total === 'number' ? total : 0;
  }
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
  forPlanSummary: (ctx: ApexContext, accountId: string, fiscalYear: number, rowLimit: number): Row[] =>
    soql(ctx, SOQL['OpportunitySelector.forPlanSummary'], { accountId, fiscalYear, rowLimit }),
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
