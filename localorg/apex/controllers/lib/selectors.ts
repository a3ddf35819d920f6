/**
 * Twins of the Apex selectors (force-app/main/default/classes/*Selector.cls): the same SOQL text, the
 * same binds and the same row bounds, all read from the .cls when this module loads (../../source.ts),
 * so a selector changed in Apex changes here with no second edit.
 */
import type { ApexContext } from '../../registry';
import { normalizeId } from '../../../ids';
import { apexSource } from '../../source';
import { first, soql, soqlCount, type Row } from './twin';

/**
 * Row bounds, read from the Apex constants named by key and class (`Class.NAME` in the .cls). Tests may
 * lower one to exercise truncation, and must put it back.
 */
export const LIMITS = {
  MAX_PAGE_CONTACTS: apexSource.integer('ContactSelector.MAX_PAGE_CONTACTS'),
  MAX_COUNTED: apexSource.integer('ContactSelector.MAX_COUNTED'),
  REPORTING_LINE_LEVELS: apexSource.integer('ContactSelector.REPORTING_LINE_LEVELS'),
  MAX_PAGE_LINKS: apexSource.integer('RelationshipLinkSelector.MAX_PAGE_LINKS'),
  MAX_REPORTING_DEPTH: apexSource.integer('OrgChartService.MAX_REPORTING_DEPTH'),
  MAX_PER_ACCOUNT: apexSource.integer('BuyingCenterSelector.MAX_PER_ACCOUNT'),
  MAX_OFFERINGS: apexSource.integer('OfferingSelector.MAX_OFFERINGS'),
  MAX_CELLS: apexSource.integer('LandscapeCellSelector.MAX_CELLS'),
  MAX_MATRIX_OPPORTUNITIES: apexSource.integer('OpportunitySelector.MAX_MATRIX_OPPORTUNITIES'),
  MAX_BANT_OPPORTUNITIES: apexSource.integer('OpportunitySelector.MAX_BANT_OPPORTUNITIES'),
  MAX_ROLE_CANDIDATES: apexSource.integer('ContactSelector.MAX_ROLE_CANDIDATES'),
  MAX_HISTORY: apexSource.integer('OpportunitySelector.MAX_HISTORY'),
  MAX_WON_HISTORY: apexSource.integer('KeyplanFigures.MAX_WON_HISTORY'),
  MAX_STAGES: apexSource.integer('OrgSettingsSelector.MAX_STAGES'),
  MAX_CURRENCIES: apexSource.integer('OrgSettingsSelector.MAX_CURRENCIES'),
  MAX_OVERDUE: apexSource.integer('PlanActionSelector.MAX_OVERDUE'),
  MAX_UPCOMING: apexSource.integer('PlanActionSelector.MAX_UPCOMING'),
  MAX_HIERARCHY_DEPTH: apexSource.integer('KeyplanHierarchy.MAX_DEPTH'),
  MAX_HIERARCHY_ACCOUNTS: apexSource.integer('KeyplanHierarchy.MAX_ACCOUNTS')
};

/** OrgChartService.firstKey: the lowest Id the records of an object can have (key prefix, then zeros). */
export const firstKey = (ctx: ApexContext, objectName: string): string =>
  normalizeId(ctx.org.object(objectName).keyPrefix + '0'.repeat(12))!;

/** ContactSelector.REQUIRED_FIELDS / OPTIONAL_FIELDS (the org chart's dynamic SELECT list). */
export const CONTACT_REQUIRED_FIELDS: readonly string[] = apexSource.strings(
  'ContactSelector.REQUIRED_FIELDS'
);
export const CONTACT_OPTIONAL_FIELDS: readonly string[] = apexSource.strings(
  'ContactSelector.OPTIONAL_FIELDS'
);

/** The selector methods whose static `[SELECT ...]` the twins run. */
const STATIC_QUERIES = [
  'AccountSelector.byId',
  'AccountSelector.childrenOf',
  'AccountSelector.groupsOf',
  'ContactSelector.countByAccounts',
  'ContactSelector.reportingLine',
  'ContactSelector.forRoleCandidates',
  'ContactSelector.versionById',
  'RelationshipLinkSelector.pageByAccounts',
  'RelationshipLinkSelector.countByAccounts',
  'RelationshipLinkSelector.byId',
  'BuyingCenterSelector.forOrgChart',
  'BuyingCenterSelector.forMatrix',
  'BuyingCenterSelector.forMatrixById',
  'OfferingSelector.forMatrix',
  'LandscapeCellSelector.byAccountsAndYears',
  'LandscapeCellSelector.forCopy',
  'LandscapeCellSelector.byKey',
  'LandscapeCellSelector.byId',
  'OpportunitySelector.forMatrix',
  'OpportunitySelector.forMatrixById',
  'OpportunitySelector.openForBant',
  'OpportunitySelector.forBantById',
  'OpportunitySelector.bantHistory',
  'OpportunitySelector.firstWonByCell',
  'OpportunitySelector.versionById',
  'OrgSettingsSelector.fiscalYear',
  'OrgSettingsSelector.salesStages',
  'AccountPlanSelector.byAccountAndYear',
  'AccountPlanSelector.byId',
  'PlanActionSelector.overdue',
  'PlanActionSelector.upcoming'
] as const;

/** The selector methods whose dynamic query (`Database.queryWithBinds`) the twins run: its literal parts. */
const DYNAMIC_QUERIES = [
  'ContactSelector.forOrgChartPage',
  'ContactSelector.forOrgChartById',
  'OrgSettingsSelector.conversionRates',
  'OrgSettingsSelector.currencyCodes'
] as const;

/**
 * The SOQL of every selector method the twins run, keyed `Class.method`, read from the .cls at load:
 * static queries are the text between the brackets; dynamic ones the literal text (after `selectClause()`
 * for ContactSelector), with `WITH USER_MODE` where the Apex passes `AccessLevel.USER_MODE`.
 */
export const SOQL = Object.fromEntries(STATIC_QUERIES.map((name) => [name, apexSource.soql(name)])) as Record<
  (typeof STATIC_QUERIES)[number],
  string
>;
export const DYNAMIC_SOQL = Object.fromEntries(
  DYNAMIC_QUERIES.map((name) => [name, apexSource.dynamicSoql(name)])
) as Record<(typeof DYNAMIC_QUERIES)[number], string[]>;

// The twins below put the describe name between the two parts of currencyCodes and run the others whole.
for (const [name, parts] of Object.entries(DYNAMIC_SOQL))
  if (parts.length !== (name === 'OrgSettingsSelector.currencyCodes' ? 2 : 1))
    throw new Error(
      `${name}: ${parts.length} SOQL literals in the .cls, the twin does not know how to join them`
    );

/** The class constants a selector's query binds (SINGLE_ROW, FINISHED), read once. */
const CONSTANT_BINDS = Object.fromEntries(
  STATIC_QUERIES.map((name) => [name, apexSource.constantBinds(name.split('.')[0], SOQL[name])])
) as Record<(typeof STATIC_QUERIES)[number], Record<string, unknown>>;

/** Runs one selector's static query: its class constants bound, then the twin's own binds. */
const run = (
  ctx: ApexContext,
  name: (typeof STATIC_QUERIES)[number],
  binds: Record<string, unknown> = {}
): Row[] => soql(ctx, SOQL[name], { ...CONSTANT_BINDS[name], ...binds });
const count = (
  ctx: ApexContext,
  name: (typeof STATIC_QUERIES)[number],
  binds: Record<string, unknown>
): number => soqlCount(ctx, SOQL[name], { ...CONSTANT_BINDS[name], ...binds });

/** The one-part dynamic query of a method. */
const dynamic = (name: (typeof DYNAMIC_QUERIES)[number]): string => DYNAMIC_SOQL[name][0];

export const AccountSelector = {
  byId: (ctx: ApexContext, accountId: string): Row | null =>
    first(run(ctx, 'AccountSelector.byId', { accountId })),
  /** One level of a hierarchy: the children of some accounts. */
  childrenOf: (ctx: ApexContext, parentIds: string[], rowLimit: number): Row[] =>
    run(ctx, 'AccountSelector.childrenOf', { parentIds, rowLimit }),
  /** Id, Name and Keyplan_Ultimate_Parent__c of some accounts. */
  groupsOf: (ctx: ApexContext, accountIds: string[], rowLimit: number): Row[] =>
    run(ctx, 'AccountSelector.groupsOf', { accountIds, rowLimit })
};

/** ContactSelector.forOrgChartById binds its single row as `:singleRow` (a map key, not the constant). */
const SINGLE_ROW = apexSource.integer('ContactSelector.SINGLE_ROW');

export const ContactSelector = {
  /** The optional org-chart fields the running user can read (a subset of CONTACT_OPTIONAL_FIELDS). */
  readableOptionalFields: (ctx: ApexContext): Set<string> =>
    new Set(CONTACT_OPTIONAL_FIELDS.filter((f) => ctx.access.canRead('Contact', f))),
  selectClause(ctx: ApexContext): string {
    const fields: string[] = [...CONTACT_REQUIRED_FIELDS, ...ContactSelector.readableOptionalFields(ctx)];
    return 'SELECT ' + fields.join(', ') + ' FROM Contact ';
  },
  /** One page of the contacts of a plan's accounts (keyset on Id). */
  forOrgChartPage: (ctx: ApexContext, accountIds: string[], afterId: string, rowLimit: number): Row[] =>
    soql(ctx, ContactSelector.selectClause(ctx) + dynamic('ContactSelector.forOrgChartPage'), {
      accountIds,
      afterId,
      rowLimit
    }),
  reportingLine: (ctx: ApexContext, contactId: string): Row | null =>
    first(run(ctx, 'ContactSelector.reportingLine', { contactId })),
  versionById: (ctx: ApexContext, contactId: string): Row | null =>
    first(run(ctx, 'ContactSelector.versionById', { contactId })),
  /** One contact with the readable org-chart fields. */
  forOrgChartById: (ctx: ApexContext, contactId: string): Row | null =>
    first(
      soql(ctx, ContactSelector.selectClause(ctx) + dynamic('ContactSelector.forOrgChartById'), {
        contactId,
        singleRow: SINGLE_ROW
      })
    ),
  countByAccounts: (ctx: ApexContext, accountIds: string[]): number =>
    count(ctx, 'ContactSelector.countByAccounts', { accountIds, MAX_COUNTED: LIMITS.MAX_COUNTED }),
  forRoleCandidates: (
    ctx: ApexContext,
    accountId: string,
    buyingCenterIds: string[],
    buyerRoles: string[],
    decisionRoles: string[],
    rowLimit: number
  ): Row[] =>
    run(ctx, 'ContactSelector.forRoleCandidates', {
      accountId,
      buyingCenterIds,
      buyerRoles,
      decisionRoles,
      rowLimit
    })
};

export const RelationshipLinkSelector = {
  pageByAccounts: (
    ctx: ApexContext,
    accountIds: string[],
    beforeCreated: Date,
    beforeId: string,
    rowLimit: number
  ): Row[] =>
    run(ctx, 'RelationshipLinkSelector.pageByAccounts', { accountIds, beforeCreated, beforeId, rowLimit }),
  countByAccounts: (ctx: ApexContext, accountIds: string[]): number =>
    count(ctx, 'RelationshipLinkSelector.countByAccounts', { accountIds, MAX_COUNTED: LIMITS.MAX_COUNTED }),
  byId: (ctx: ApexContext, linkId: string): Row | null =>
    first(run(ctx, 'RelationshipLinkSelector.byId', { linkId }))
};

export const BuyingCenterSelector = {
  forOrgChart: (ctx: ApexContext, accountIds: string[], rowLimit: number): Row[] =>
    run(ctx, 'BuyingCenterSelector.forOrgChart', { accountIds, rowLimit }),
  forMatrix: (ctx: ApexContext, accountIds: string[], rowLimit: number): Row[] =>
    run(ctx, 'BuyingCenterSelector.forMatrix', { accountIds, rowLimit }),
  forMatrixById: (ctx: ApexContext, buyingCenterId: string): Row | null =>
    first(run(ctx, 'BuyingCenterSelector.forMatrixById', { buyingCenterId }))
};

export const OfferingSelector = {
  forMatrix: (ctx: ApexContext, rowLimit: number): Row[] =>
    run(ctx, 'OfferingSelector.forMatrix', { rowLimit })
};

export const LandscapeCellSelector = {
  byAccountsAndYears: (
    ctx: ApexContext,
    accountIds: string[],
    fiscalYears: number[],
    rowLimit: number
  ): Row[] => run(ctx, 'LandscapeCellSelector.byAccountsAndYears', { accountIds, fiscalYears, rowLimit }),
  forCopy: (ctx: ApexContext, accountIds: string[], fiscalYear: number, rowLimit: number): Row[] =>
    run(ctx, 'LandscapeCellSelector.forCopy', { accountIds, fiscalYear, rowLimit }),
  byKey: (ctx: ApexContext, buyingCenterId: string, offeringId: string, fiscalYear: number): Row | null =>
    first(run(ctx, 'LandscapeCellSelector.byKey', { buyingCenterId, offeringId, fiscalYear })),
  byId: (ctx: ApexContext, cellId: string): Row | null =>
    first(run(ctx, 'LandscapeCellSelector.byId', { cellId }))
};

export const OpportunitySelector = {
  forMatrix: (ctx: ApexContext, accountIds: string[], fiscalYears: number[], rowLimit: number): Row[] =>
    run(ctx, 'OpportunitySelector.forMatrix', { accountIds, fiscalYears, rowLimit }),
  forMatrixById: (ctx: ApexContext, opportunityId: string): Row | null =>
    first(run(ctx, 'OpportunitySelector.forMatrixById', { opportunityId })),
  openForBant: (ctx: ApexContext, accountIds: string[], rowLimit: number): Row[] =>
    run(ctx, 'OpportunitySelector.openForBant', { accountIds, rowLimit }),
  forBantById: (ctx: ApexContext, opportunityId: string): Row | null =>
    first(run(ctx, 'OpportunitySelector.forBantById', { opportunityId })),
  bantHistory: (ctx: ApexContext, opportunityIds: string[], fields: string[], rowLimit: number): Row[] =>
    run(ctx, 'OpportunitySelector.bantHistory', { opportunityIds, fields, rowLimit }),
  firstWonByCell: (ctx: ApexContext, accountIds: string[], rowLimit: number): Row[] =>
    run(ctx, 'OpportunitySelector.firstWonByCell', { accountIds, rowLimit }),
  versionById: (ctx: ApexContext, opportunityId: string): Row | null =>
    first(run(ctx, 'OpportunitySelector.versionById', { opportunityId }))
};

export const AccountPlanSelector = {
  byAccountAndYear: (ctx: ApexContext, accountId: string, fiscalYear: number): Row | null =>
    first(run(ctx, 'AccountPlanSelector.byAccountAndYear', { accountId, fiscalYear })),
  byId: (ctx: ApexContext, planId: string): Row | null =>
    first(run(ctx, 'AccountPlanSelector.byId', { planId }))
};

export const PlanActionSelector = {
  /** `:FINISHED` binds PlanActionSelector.FINISHED (read from the .cls with the query). */
  overdue: (ctx: ApexContext, planId: string, today: string, rowLimit: number): Row[] =>
    run(ctx, 'PlanActionSelector.overdue', { planId, today, rowLimit }),
  upcoming: (ctx: ApexContext, planId: string, today: string, rowLimit: number): Row[] =>
    run(ctx, 'PlanActionSelector.upcoming', { planId, today, rowLimit })
};

export const OrgSettingsSelector = {
  fiscalYear: (ctx: ApexContext): Row | null => first(run(ctx, 'OrgSettingsSelector.fiscalYear')),
  salesStages: (ctx: ApexContext): Row[] =>
    run(ctx, 'OrgSettingsSelector.salesStages', { MAX_STAGES: LIMITS.MAX_STAGES }),
  /** UserInfo.isMultiCurrencyOrganization(): the local org is multi-currency when it has CurrencyType rows. */
  isMultiCurrency: (ctx: ApexContext): boolean => ctx.org.isMultiCurrency(),
  conversionRates: (ctx: ApexContext): Row[] =>
    OrgSettingsSelector.isMultiCurrency(ctx)
      ? soql(ctx, dynamic('OrgSettingsSelector.conversionRates'), { rowLimit: LIMITS.MAX_CURRENCIES })
      : [],
  /** The Apex query is built from the object's describe name between its two literals; the twin does the same. */
  currencyCodes(ctx: ApexContext, objectName: string, ids: string[]): Map<string, string | null> {
    const codes = new Map<string, string | null>();
    if (!ids.length || !OrgSettingsSelector.isMultiCurrency(ctx)) return codes;
    // The local schema gives CurrencyIsoCode to Opportunity only: other records are in the corporate currency.
    const obj = ctx.org.object(objectName);
    if (!ctx.org.field(obj, 'CurrencyIsoCode')) return codes;
    const [select, where] = DYNAMIC_SOQL['OrgSettingsSelector.currencyCodes'];
    for (const row of soql(ctx, select + obj.name + where, { ids }))
      codes.set(String(row.Id), typeof row.CurrencyIsoCode === 'string' ? row.CurrencyIsoCode : null);
    return codes;
  }
};
