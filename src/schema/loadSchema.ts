import { XMLParser } from 'fast-xml-parser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CUSTOM_SYSTEM_FIELDS, STANDARD_OBJECTS } from './standardObjects';
import type { FieldDef, FieldType, ObjectDef, Schema, ValidationRuleDef } from './types';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['value', 'values', 'customValue', 'fields', 'validationRules'].includes(name)
});

/** Parses one metadata XML file; throws an Error naming the file when it is not well-formed. */
export function readXml(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  try {
    return parser.parse(text, true) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

type Xml = Record<string, unknown>;
const str = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);
const num = (v: unknown): number | undefined => (str(v) === undefined ? undefined : Number(v));
const bool = (v: unknown): boolean => String(v) === 'true';

const TYPE_MAP: Record<string, FieldType> = {
  Text: 'Text',
  TextArea: 'TextArea',
  LongTextArea: 'LongTextArea',
  Html: 'Html',
  Email: 'Email',
  Phone: 'Phone',
  Url: 'Url',
  Number: 'Number',
  Currency: 'Currency',
  Percent: 'Percent',
  Checkbox: 'Checkbox',
  Date: 'Date',
  DateTime: 'DateTime',
  Picklist: 'Picklist',
  MultiselectPicklist: 'MultiselectPicklist',
  Lookup: 'Lookup',
  MasterDetail: 'MasterDetail',
  AutoNumber: 'AutoNumber',
  Metadata: 'Text',
  MetadataRelationship: 'Text'
};

function picklistOf(field: Xml): { values?: string[]; valueSetName?: string } {
  const vs = field.valueSet as Xml | undefined;
  if (!vs) return {};
  if (vs.valueSetName) return { valueSetName: String(vs.valueSetName) };
  const def = vs.valueSetDefinition as Xml | undefined;
  const values = ((def?.value as Xml[] | undefined) ?? []).map((v) => String(v.fullName));
  return { values };
}

function fieldOf(file: string, objectName: string): FieldDef {
  const xml = readXml(file).CustomField as Xml | undefined;
  if (!xml) throw new Error(`${file}: not a CustomField`);
  const name = str(xml.fullName) ?? path.basename(file).replace('.field-meta.xml', '');
  const rawType = str(xml.type) ?? (xml.formula ? 'Text' : 'Text');
  const type = TYPE_MAP[rawType];
  if (!type) throw new Error(`${file}: unsupported field type ${rawType} on ${objectName}.${name}`);
  const { values, valueSetName } = picklistOf(xml);
  const ref = str(xml.referenceTo);
  return {
    name,
    label: str(xml.label) ?? name,
    type,
    custom: true,
    required: bool(xml.required) || type === 'MasterDetail',
    referenceTo: ref,
    relationshipName: ref ? name.replace(/__c$/, '__r') : undefined,
    childRelationshipName: str(xml.relationshipName) ? `${str(xml.relationshipName)}__r` : undefined,
    picklistValues: values,
    valueSetName,
    formula: str(xml.formula),
    unique: bool(xml.unique),
    caseSensitive: bool(xml.caseSensitive),
    externalId: bool(xml.externalId),
    reparentable: type === 'MasterDetail' ? bool(xml.reparentableMasterDetail) : undefined,
    deleteConstraint:
      type === 'Lookup' && ['SetNull', 'Restrict', 'Cascade'].includes(str(xml.deleteConstraint) ?? '')
        ? (str(xml.deleteConstraint) as 'SetNull' | 'Restrict' | 'Cascade')
        : undefined,
    defaultValue: str(xml.defaultValue),
    length: num(xml.length),
    precision: num(xml.precision),
    scale: num(xml.scale),
    readOnly: Boolean(xml.formula) || type === 'AutoNumber',
    trackHistory: bool(xml.trackHistory),
    description: str(xml.description),
    inlineHelpText: str(xml.inlineHelpText)
  };
}

function validationRulesOf(dir: string): ValidationRuleDef[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.validationRule-meta.xml'))
    .sort()
    .map((f) => {
      const xml = readXml(path.join(dir, f)).ValidationRule as Xml;
      return {
        name: str(xml.fullName) ?? f.replace('.validationRule-meta.xml', ''),
        active: bool(xml.active),
        formula: str(xml.errorConditionFormula) ?? '',
        message: str(xml.errorMessage) ?? '',
        field: str(xml.errorDisplayField)
      };
    });
}

/** Key prefixes for custom objects are assigned in name order so they are stable across runs. */
function customKeyPrefix(index: number): string {
  return `a0${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[index % 36]}`;
}

/**
 * Reads the org schema from the metadata source: the standard objects Keyplan uses (with the custom
 * fields we add to them) plus every custom object, field, global value set and custom metadata record.
 */
export function loadSchema(forceAppDefault: string): Schema {
  const objects = new Map<string, ObjectDef>();
  for (const std of STANDARD_OBJECTS) objects.set(std.name, { ...std, fields: [...std.fields] });
  const objectsDir = path.join(forceAppDefault, 'objects');
  const names = existsSync(objectsDir) ? readdirSync(objectsDir).sort() : [];
  let customIndex = 0;
  let customSettingIndex = 0;
  for (const name of names) {
    const dir = path.join(objectsDir, name);
    const metaFile = path.join(dir, `${name}.object-meta.xml`);
    const meta = existsSync(metaFile) ? (readXml(metaFile).CustomObject as Xml | undefined) : undefined;
    let obj = objects.get(name);
    if (!obj) {
      const nameField = (meta?.nameField as Xml | undefined) ?? {};
      const isMetadataType = name.endsWith('__mdt');
      const isCustomSetting = str(meta?.customSettingsType) !== undefined;
      obj = {
        name,
        label: str(meta?.label) ?? name,
        custom: true,
        isMetadataType,
        ...(isCustomSetting ? { isCustomSetting } : {}),
        // Custom settings take their own prefixes, so adding one never renumbers the data objects.
        keyPrefix: isMetadataType
          ? 'm00'
          : isCustomSetting
            ? `a2${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[customSettingIndex++ % 36]}`
            : customKeyPrefix(customIndex++),
        fields: [
          ...CUSTOM_SYSTEM_FIELDS,
          {
            name: isMetadataType ? 'DeveloperName' : 'Name',
            label: str(nameField.label) ?? 'Name',
            type: str(nameField.type) === 'AutoNumber' ? 'AutoNumber' : 'Text',
            custom: false,
            required: !isMetadataType && !isCustomSetting && str(nameField.type) !== 'AutoNumber',
            readOnly: str(nameField.type) === 'AutoNumber',
            length: 80
          },
          ...(isMetadataType
            ? []
            : isCustomSetting
              ? [
                  // The org, profile or user the values apply to (one row each); the org's id locally.
                  {
                    name: 'SetupOwnerId',
                    label: 'Location',
                    type: 'Text' as const,
                    custom: false,
                    required: false,
                    unique: true,
                    length: 18
                  }
                ]
              : [
                  {
                    name: 'OwnerId',
                    label: 'Owner',
                    type: 'Lookup' as const,
                    custom: false,
                    required: false,
                    referenceTo: 'User',
                    relationshipName: 'Owner'
                  }
                ])
        ]
      };
      objects.set(name, obj);
    }
    const fieldsDir = path.join(dir, 'fields');
    if (existsSync(fieldsDir)) {
      for (const file of readdirSync(fieldsDir)
        .filter((f) => f.endsWith('.field-meta.xml'))
        .sort()) {
        const field = fieldOf(path.join(fieldsDir, file), name);
        obj.fields = obj.fields.filter((x) => x.name !== field.name);
        obj.fields.push(field);
      }
    }
    // A detail record has no owner: sharing follows its master.
    if (obj.custom && obj.fields.some((x) => x.type === 'MasterDetail'))
      obj.fields = obj.fields.filter((x) => x.name !== 'OwnerId');
    obj.validationRules = validationRulesOf(path.join(dir, 'validationRules'));
  }

  const globalValueSets = new Map<string, string[]>();
  const gvsDir = path.join(forceAppDefault, 'globalValueSets');
  if (existsSync(gvsDir)) {
    for (const file of readdirSync(gvsDir)
      .filter((f) => f.endsWith('.globalValueSet-meta.xml'))
      .sort()) {
      const xml = readXml(path.join(gvsDir, file)).GlobalValueSet as Xml;
      const values = ((xml.customValue as Xml[] | undefined) ?? []).map((v) => String(v.fullName));
      globalValueSets.set(file.replace('.globalValueSet-meta.xml', ''), values);
    }
  }
  for (const obj of objects.values()) {
    for (const field of obj.fields) {
      if (field.valueSetName) field.picklistValues = globalValueSets.get(field.valueSetName) ?? [];
    }
  }

  const customMetadata = new Map<string, Map<string, Record<string, string | number | boolean | null>>>();
  const cmDir = path.join(forceAppDefault, 'customMetadata');
  if (existsSync(cmDir)) {
    for (const file of readdirSync(cmDir)
      .filter((f) => f.endsWith('.md-meta.xml'))
      .sort()) {
      const [typeName, recordName] = file.replace('.md-meta.xml', '').split('.');
      const xml = readXml(path.join(cmDir, file)).CustomMetadata as Xml;
      const record: Record<string, string | number | boolean | null> = {
        Label: str(xml.label) ?? recordName
      };
      for (const v of (xml.values as Xml[] | undefined) ?? []) {
        // `value` is parsed as an array (picklist values share the tag name): take the one element.
        const rawValue = v.value as Xml | string | (Xml | string)[] | undefined;
        const raw = Array.isArray(rawValue) ? rawValue[0] : rawValue;
        const type = typeof raw === 'object' && raw ? String(raw['@_xsi:type'] ?? '') : '';
        const text = typeof raw === 'object' && raw ? str(raw['#text']) : str(raw);
        record[String(v.field)] =
          text === undefined
            ? null
            : type.endsWith('double') || type.endsWith('int')
              ? Number(text)
              : type.endsWith('boolean')
                ? text === 'true'
                : text;
      }
      const typeKey = `${typeName}__mdt`;
      if (!customMetadata.has(typeKey)) customMetadata.set(typeKey, new Map());
      customMetadata.get(typeKey)!.set(recordName, record);
    }
  }
  return { objects, globalValueSets, customMetadata };
}

/** Finds a field by API name, case-insensitively as Salesforce does. */
export function findField(schema: Schema, objectName: string, fieldName: string): FieldDef | undefined {
  const obj = findObject(schema, objectName);
  const lower = fieldName.toLowerCase();
  return obj?.fields.find((f) => f.name.toLowerCase() === lower);
}

export function findObject(schema: Schema, objectName: string): ObjectDef | undefined {
  const lower = objectName.toLowerCase();
  for (const obj of schema.objects.values()) if (obj.name.toLowerCase() === lower) return obj;
  return undefined;
}
