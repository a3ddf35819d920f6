/** The org schema as Keyplan sees it: standard objects we use plus everything under force-app/objects. */
export type FieldType =
  | 'Id'
  | 'Text'
  | 'TextArea'
  | 'LongTextArea'
  | 'Html'
  | 'Email'
  | 'Phone'
  | 'Url'
  | 'Number'
  | 'Currency'
  | 'Percent'
  | 'Checkbox'
  | 'Date'
  | 'DateTime'
  | 'Picklist'
  | 'MultiselectPicklist'
  | 'Lookup'
  | 'MasterDetail'
  | 'AutoNumber';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  custom: boolean;
  required: boolean;
  /** For Lookup / MasterDetail. */
  referenceTo?: string;
  /** e.g. `Account__r` for `Account__c`, `ReportsTo` for `ReportsToId`. */
  relationshipName?: string;
  /** Child relationship name on the parent (e.g. `Relationship_Links__r`). */
  childRelationshipName?: string;
  picklistValues?: string[];
  /** Global value set name when the picklist uses one. */
  valueSetName?: string;
  /** The formula text when the field is a formula (its `type` is then the formula's return type). */
  formula?: string;
  unique?: boolean;
  /**
   * Unique text fields only: whether "ABC" and "abc" are different values (`caseSensitive` in the
   * field XML). Unique checks and external-id matching follow it; SOQL filters stay case-insensitive.
   */
  caseSensitive?: boolean;
  externalId?: boolean;
  /** MasterDetail only: whether a saved child may move to another parent (`reparentableMasterDetail`). */
  reparentable?: boolean;
  /**
   * Lookup only: what deleting the referenced record does (`deleteConstraint`): SetNull clears the
   * lookup, Restrict refuses the delete while the lookup points at the record.
   */
  deleteConstraint?: 'SetNull' | 'Restrict' | 'Cascade';
  defaultValue?: string;
  length?: number;
  precision?: number;
  scale?: number;
  readOnly?: boolean;
  trackHistory?: boolean;
  description?: string;
  inlineHelpText?: string;
}

export interface ValidationRuleDef {
  name: string;
  active: boolean;
  formula: string;
  message: string;
  field?: string;
}

export interface ObjectDef {
  name: string;
  label: string;
  custom: boolean;
  keyPrefix: string;
  fields: FieldDef[];
  validationRules?: ValidationRuleDef[];
  /** Custom metadata types end in __mdt and are read-only configuration. */
  isMetadataType?: boolean;
  /** A custom setting (`customSettingsType` in its object XML): one row per org, profile or user. */
  isCustomSetting?: boolean;
}

export interface Schema {
  objects: Map<string, ObjectDef>;
  globalValueSets: Map<string, string[]>;
  /** `Keyplan_Setting__mdt` records etc.: type -> record developer name -> field -> value. */
  customMetadata: Map<string, Map<string, Record<string, string | number | boolean | null>>>;
}
