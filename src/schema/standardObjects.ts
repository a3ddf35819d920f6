import { STANDARD_OPEN_STAGES } from '../../force-app/main/default/lwc/keyplanCore/bant';
import type { FieldDef, ObjectDef } from './types';

/** Standard Opportunity stages that count as closed, and whether they are won. */
export const CLOSED_STAGES: Record<string, { isWon: boolean; probability: number }> = {
  'Closed Won': { isWon: true, probability: 100 },
  'Closed Lost': { isWon: false, probability: 0 }
};

/** Every stage of the Salesforce default sales process: the open ones in order, then the closed ones. */
export const STANDARD_STAGE_NAMES: readonly string[] = [
  ...STANDARD_OPEN_STAGES,
  ...Object.keys(CLOSED_STAGES)
];

/** The standard OpportunityContactRole.Role picklist, as a new org has it. */
export const CONTACT_ROLES = [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  'Other'
] as const;

/** The standard AccountTeamMember.TeamMemberRole picklist, as a new org has it. */
export const TEAM_MEMBER_ROLES = [
  'Account Manager',
  'Channel Manager',
  'Executive Sponsor',
  'Lead Qualifier',
  'Pre-Sales Consultant',
  'Sales Engineer',
  'Sales Manager',
  'Sales Rep'
] as const;

/**
 * The standard objects and fields Keyplan reads or writes. The org has far more; this list is what
 * the local org creates and what the metadata reference checks accept as "exists". Add a field here
 * before using it anywhere.
 */
function f(name: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef {
  return { name, type, label: extra.label ?? name, custom: false, required: false, ...extra };
}

/**
 * A field history object (read only, key prefix 017): who changed which tracked field of a `parent`
 * record when, from what to what. `<parent>Id` links the row to its record.
 */
function historyOf(name: string, label: string, parent: string): ObjectDef {
  return {
    name,
    label,
    custom: false,
    keyPrefix: '017',
    fields: [
      f('Id', 'Id'),
      f('CreatedDate', 'DateTime', { readOnly: true }),
      f('CreatedById', 'Lookup', { referenceTo: 'User', relationshipName: 'CreatedBy', readOnly: true }),
      f('IsDeleted', 'Checkbox', { readOnly: true }),
      f(`${parent}Id`, 'Lookup', { referenceTo: parent, relationshipName: parent, readOnly: true }),
      f('Field', 'Text', { readOnly: true }),
      f('OldValue', 'Text', { readOnly: true }),
      f('NewValue', 'Text', { readOnly: true })
    ]
  };
}

const SYSTEM: FieldDef[] = [
  f('Id', 'Id'),
  f('CreatedDate', 'DateTime', { readOnly: true }),
  f('CreatedById', 'Lookup', { referenceTo: 'User', relationshipName: 'CreatedBy', readOnly: true }),
  f('LastModifiedDate', 'DateTime', { readOnly: true }),
  f('LastModifiedById', 'Lookup', {
    referenceTo: 'User',
    relationshipName: 'LastModifiedBy',
    readOnly: true
  }),
  f('SystemModstamp', 'DateTime', { readOnly: true }),
  f('IsDeleted', 'Checkbox', { readOnly: true })
];

const OWNER = f('OwnerId', 'Lookup', { referenceTo: 'User', relationshipName: 'Owner' });

export const STANDARD_OBJECTS: ObjectDef[] = [
  {
    name: 'User',
    label: 'User',
    custom: false,
    keyPrefix: '005',
    fields: [
      ...SYSTEM,
      f('Name', 'Text', { readOnly: true }),
      f('FirstName', 'Text'),
      f('LastName', 'Text', { required: true }),
      f('Username', 'Text', { required: true, unique: true }),
      f('Email', 'Email', { required: true }),
      f('Title', 'Text'),
      f('IsActive', 'Checkbox', { defaultValue: 'true' }),
      // Standard = an internal user (the team lookup offers only these); portal users are PowerPartner etc.
      f('UserType', 'Text', { readOnly: true, defaultValue: "'Standard'" })
    ]
  },
  {
    name: 'Account',
    label: 'Account',
    custom: false,
    keyPrefix: '001',
    fields: [
      ...SYSTEM,
      OWNER,
      f('Name', 'Text', { required: true }),
      f('Industry', 'Text'),
      f('Type', 'Text'),
      f('AnnualRevenue', 'Currency', { precision: 18, scale: 0 }),
      f('NumberOfEmployees', 'Number', { precision: 8, scale: 0 }),
      f('BillingCountry', 'Text'),
      f('BillingCity', 'Text'),
      f('Website', 'Url'),
      f('ParentId', 'Lookup', {
        referenceTo: 'Account',
        relationshipName: 'Parent',
        childRelationshipName: 'ChildAccounts'
      })
    ]
  },
  {
    name: 'Contact',
    label: 'Contact',
    custom: false,
    keyPrefix: '003',
    fields: [
      ...SYSTEM,
      OWNER,
      f('Name', 'Text', { readOnly: true }),
      f('FirstName', 'Text'),
      f('LastName', 'Text', { required: true }),
      f('Title', 'Text'),
      f('Department', 'Text'),
      f('Email', 'Email'),
      f('Phone', 'Phone'),
      f('AccountId', 'Lookup', {
        referenceTo: 'Account',
        relationshipName: 'Account',
        childRelationshipName: 'Contacts'
      }),
      f('ReportsToId', 'Lookup', { referenceTo: 'Contact', relationshipName: 'ReportsTo' })
    ]
  },
  // Field history of Opportunity fields with trackHistory (the BANT statuses): read by the BANT panel.
  historyOf('OpportunityFieldHistory', 'Opportunity Field History', 'Opportunity'),
  // Field history of the tracked stakeholder fields (stance, decision role, buyer role): the "since last
  // QBR" changes read it (issue 22). Contact keeps the older history name, ContactHistory.
  historyOf('ContactHistory', 'Contact History', 'Contact'),
  {
    // Read only by Apex test classes (profiles and permission sets of test users).
    name: 'Profile',
    label: 'Profile',
    custom: false,
    keyPrefix: '00e',
    fields: [
      ...SYSTEM,
      f('Name', 'Text', { required: true }),
      f('UserType', 'Text', { readOnly: true }),
      f('PermissionsModifyAllData', 'Checkbox', { readOnly: true })
    ]
  },
  {
    name: 'PermissionSet',
    label: 'Permission Set',
    custom: false,
    keyPrefix: '0PS',
    fields: [
      ...SYSTEM,
      f('Name', 'Text', { required: true }),
      f('Label', 'Text'),
      f('ProfileId', 'Lookup', { referenceTo: 'Profile', relationshipName: 'Profile', readOnly: true }),
      f('IsOwnedByProfile', 'Checkbox', { readOnly: true }),
      f('IsCustom', 'Checkbox', { readOnly: true }),
      f('PermissionsModifyAllData', 'Checkbox'),
      f('PermissionsViewAllData', 'Checkbox')
    ]
  },
  {
    // Read only by Apex test classes (portable test data, real-org review L8).
    name: 'ObjectPermissions',
    label: 'Object Permissions',
    custom: false,
    keyPrefix: '110',
    fields: [
      ...SYSTEM,
      f('ParentId', 'Lookup', { referenceTo: 'PermissionSet', relationshipName: 'Parent', required: true }),
      f('SobjectType', 'Text', { required: true }),
      f('PermissionsRead', 'Checkbox'),
      f('PermissionsCreate', 'Checkbox'),
      f('PermissionsEdit', 'Checkbox'),
      f('PermissionsDelete', 'Checkbox')
    ]
  },
  {
    name: 'FiscalYearSettings',
    label: 'Fiscal Year Settings',
    custom: false,
    keyPrefix: '022',
    fields: [...SYSTEM, f('Name', 'Text', { readOnly: true })]
  },
  {
    name: 'Period',
    label: 'Period',
    custom: false,
    keyPrefix: '026',
    fields: [
      ...SYSTEM,
      f('Type', 'Text', { readOnly: true }),
      f('StartDate', 'Date', { readOnly: true }),
      f('EndDate', 'Date', { readOnly: true }),
      f('FiscalYearSettingsId', 'Lookup', {
        referenceTo: 'FiscalYearSettings',
        relationshipName: 'FiscalYearSettings',
        readOnly: true
      })
    ]
  },
  {
    name: 'Product2',
    label: 'Product',
    custom: false,
    keyPrefix: '01t',
    fields: [
      ...SYSTEM,
      f('Name', 'Text', { required: true }),
      f('Family', 'Text'),
      f('IsActive', 'Checkbox'),
      f('ProductCode', 'Text')
    ]
  },
  {
    name: 'Opportunity',
    label: 'Opportunity',
    custom: false,
    keyPrefix: '006',
    fields: [
      ...SYSTEM,
      OWNER,
      f('Name', 'Text', { required: true }),
      f('AccountId', 'Lookup', {
        referenceTo: 'Account',
        relationshipName: 'Account',
        childRelationshipName: 'Opportunities'
      }),
      f('Amount', 'Currency', { precision: 16, scale: 2 }),
      f('StageName', 'Picklist', { required: true, picklistValues: [...STANDARD_STAGE_NAMES] }),
      f('CloseDate', 'Date', { required: true }),
      f('Probability', 'Percent', { precision: 3, scale: 0 }),
      f('IsClosed', 'Checkbox', { readOnly: true }),
      f('IsWon', 'Checkbox', { readOnly: true }),
      f('ForecastCategoryName', 'Text', { readOnly: true }),
      f('Type', 'Text'),
      f('NextStep', 'Text'),
      f('Description', 'TextArea'),
      f('FiscalYear', 'Number', { readOnly: true }),
      // Exists only in multi-currency orgs: Apex reads it with dynamic SOQL (CurrencySelector).
      f('CurrencyIsoCode', 'Text')
    ]
  },
  {
    // The org itself (one row): the fiscal year and currency every figure depends on.
    name: 'Organization',
    label: 'Organization',
    custom: false,
    keyPrefix: '00D',
    fields: [
      ...SYSTEM,
      f('Name', 'Text'),
      f('FiscalYearStartMonth', 'Number', { readOnly: true }),
      f('UsesStartDateAsFiscalYearName', 'Checkbox', { readOnly: true }),
      f('DefaultCurrencyIsoCode', 'Text', { readOnly: true })
    ]
  },
  {
    // Multi-currency orgs only: the conversion rates (units of IsoCode per one corporate unit).
    name: 'CurrencyType',
    label: 'Currency Type',
    custom: false,
    keyPrefix: '01L',
    fields: [
      ...SYSTEM,
      f('IsoCode', 'Text', { required: true }),
      f('ConversionRate', 'Number', { scale: 6 }),
      f('DecimalPlaces', 'Number'),
      f('IsActive', 'Checkbox', { defaultValue: 'true' }),
      f('IsCorporate', 'Checkbox')
    ]
  },
  {
    // The stages of the sales process in order (SortOrder): BANT gap expectations read the position.
    name: 'OpportunityStage',
    label: 'Opportunity Stage',
    custom: false,
    keyPrefix: '01J',
    fields: [
      ...SYSTEM,
      f('ApiName', 'Text', { required: true }),
      f('MasterLabel', 'Text'),
      f('SortOrder', 'Number'),
      f('IsActive', 'Checkbox', { defaultValue: 'true' }),
      f('IsClosed', 'Checkbox'),
      f('IsWon', 'Checkbox'),
      f('DefaultProbability', 'Number')
    ]
  },
  // Activities (issue 22): relationship heat from completed meetings, calls, tasks and logged emails.
  // WhoId/WhatId and RelationId are polymorphic in the org; the local org types them Contact / Account
  // (what Keyplan writes and reads). With Shared Activities (the default) every contact of a task or event
  // has a TaskRelation / EventRelation row; the local org adds the WhoId row on insert like the org does.
  {
    name: 'Event',
    label: 'Event',
    custom: false,
    keyPrefix: '00U',
    fields: [
      ...SYSTEM,
      OWNER,
      f('Subject', 'Text'),
      f('WhoId', 'Lookup', { referenceTo: 'Contact', relationshipName: 'Who' }),
      f('WhatId', 'Lookup', { referenceTo: 'Account', relationshipName: 'What' }),
      // Derived from StartDateTime / ActivityDateTime when those are given (as the org does).
      f('ActivityDate', 'Date'),
      f('ActivityDateTime', 'DateTime'),
      f('StartDateTime', 'DateTime'),
      f('EndDateTime', 'DateTime'),
      f('DurationInMinutes', 'Number', { precision: 8, scale: 0 }),
      f('IsAllDayEvent', 'Checkbox', { defaultValue: 'false' }),
      f('Type', 'Text'),
      f('Description', 'TextArea')
    ]
  },
  {
    name: 'Task',
    label: 'Task',
    custom: false,
    keyPrefix: '00T',
    fields: [
      ...SYSTEM,
      OWNER,
      f('Subject', 'Text'),
      f('WhoId', 'Lookup', { referenceTo: 'Contact', relationshipName: 'Who' }),
      f('WhatId', 'Lookup', { referenceTo: 'Account', relationshipName: 'What' }),
      f('ActivityDate', 'Date'),
      f('Status', 'Picklist', {
        required: true,
        defaultValue: "'Not Started'",
        picklistValues: ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred']
      }),
      f('IsClosed', 'Checkbox', { readOnly: true }),
      f('TaskSubtype', 'Picklist', { picklistValues: ['Task', 'Email', 'ListEmail', 'Cadence', 'Call'] }),
      f('Type', 'Text'),
      f('CompletedDateTime', 'DateTime', { readOnly: true }),
      f('Description', 'TextArea')
    ]
  },
  {
    name: 'EventRelation',
    label: 'Event Relation',
    custom: false,
    keyPrefix: '0RE',
    fields: [
      ...SYSTEM,
      f('EventId', 'Lookup', {
        referenceTo: 'Event',
        relationshipName: 'Event',
        childRelationshipName: 'EventRelations',
        required: true
      }),
      f('RelationId', 'Lookup', { referenceTo: 'Contact', relationshipName: 'Relation', required: true }),
      f('IsParent', 'Checkbox', { defaultValue: 'false' }),
      f('IsInvitee', 'Checkbox', { defaultValue: 'false' }),
      f('IsWhat', 'Checkbox', { defaultValue: 'false' }),
      f('Status', 'Text')
    ]
  },
  {
    name: 'TaskRelation',
    label: 'Task Relation',
    custom: false,
    keyPrefix: '0RT',
    fields: [
      ...SYSTEM,
      f('TaskId', 'Lookup', {
        referenceTo: 'Task',
        relationshipName: 'Task',
        childRelationshipName: 'TaskRelations',
        required: true
      }),
      f('RelationId', 'Lookup', { referenceTo: 'Contact', relationshipName: 'Relation', required: true }),
      f('IsWhat', 'Checkbox', { defaultValue: 'false' })
    ]
  },
  {
    name: 'EmailMessage',
    label: 'Email Message',
    custom: false,
    keyPrefix: '02s',
    fields: [
      ...SYSTEM,
      f('Subject', 'Text'),
      f('MessageDate', 'DateTime'),
      f('Status', 'Text'),
      f('Incoming', 'Checkbox', { defaultValue: 'false' }),
      f('FromAddress', 'Email'),
      f('ToAddress', 'Text'),
      f('RelatedToId', 'Lookup', { referenceTo: 'Account', relationshipName: 'RelatedTo' })
    ]
  },
  {
    name: 'EmailMessageRelation',
    label: 'Email Message Relation',
    custom: false,
    keyPrefix: '0Rs',
    fields: [
      ...SYSTEM,
      f('EmailMessageId', 'Lookup', {
        referenceTo: 'EmailMessage',
        relationshipName: 'EmailMessage',
        childRelationshipName: 'EmailMessageRelations',
        required: true
      }),
      f('RelationId', 'Lookup', { referenceTo: 'Contact', relationshipName: 'Relation' }),
      f('RelationType', 'Picklist', {
        required: true,
        picklistValues: ['FromAddress', 'ToAddress', 'CcAddress', 'BccAddress']
      }),
      f('RelationAddress', 'Email')
    ]
  },
  {
    // Exists only where Account Teams is enabled (Setup > Account Teams): Apex reads it dynamically after a
    // describe (AccountTeamSelector); the local org always has it.
    name: 'AccountTeamMember',
    label: 'Account Team Member',
    custom: false,
    keyPrefix: '01M',
    fields: [
      ...SYSTEM,
      f('AccountId', 'Lookup', {
        referenceTo: 'Account',
        relationshipName: 'Account',
        childRelationshipName: 'AccountTeamMembers',
        required: true
      }),
      f('UserId', 'Lookup', {
        referenceTo: 'User',
        relationshipName: 'User',
        childRelationshipName: 'AccountTeamMembers',
        required: true
      }),
      f('TeamMemberRole', 'Picklist', { picklistValues: [...TEAM_MEMBER_ROLES] })
    ]
  },
  {
    name: 'OpportunityContactRole',
    label: 'Opportunity Contact Role',
    custom: false,
    keyPrefix: '00K',
    fields: [
      ...SYSTEM,
      f('OpportunityId', 'Lookup', {
        referenceTo: 'Opportunity',
        relationshipName: 'Opportunity',
        childRelationshipName: 'OpportunityContactRoles',
        required: true
      }),
      f('ContactId', 'Lookup', {
        referenceTo: 'Contact',
        relationshipName: 'Contact',
        childRelationshipName: 'OpportunityContactRoles',
        required: true
      }),
      f('Role', 'Picklist', { picklistValues: [...CONTACT_ROLES] }),
      f('IsPrimary', 'Checkbox')
    ]
  }
];

/** Fields every custom object has, whatever its XML says. */
export const CUSTOM_SYSTEM_FIELDS: FieldDef[] = SYSTEM;
