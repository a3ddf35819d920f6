/**
 * Admin-tunable numbers. The same names and defaults exist as `Keyplan_Setting__mdt` records, read by
 * the formula fields; a metadata test compares those records with DEFAULT_SETTINGS, so a change here
 * must be made there too (and the other way round).
 */

/** Record developer names and default `Value__c` of `Keyplan_Setting__mdt`. */
export const DEFAULT_SETTINGS = Object.freeze({
  BANT_Weight_Budget: 30,
  BANT_Weight_Authority: 30,
  BANT_Weight_Need: 25,
  BANT_Weight_Timing: 15,
  BANT_Points_Unknown: 0,
  BANT_Points_Missing: 0,
  BANT_Points_Identified: 50,
  BANT_Points_Confirmed: 100,
  RelType_Weight_Executive_Access: 25,
  RelType_Weight_Share_Of_Wallet: 20,
  RelType_Weight_Strategic_Alignment: 25,
  RelType_Weight_Co_Innovation: 15,
  RelType_Weight_Tenure: 15,
  RelType_Band_Cooperative: 2,
  RelType_Band_Interdependent: 3,
  RelType_Band_Strategic: 4,
  Tier_1_Min_Criteria: 4,
  Tier_2_Min_Criteria: 2,
  Heat_Warm: 25,
  Heat_Hot: 50,
  Heat_Strong: 75,
  Heat_Decay_Days: 180,
  Stale_Link_Days: 120,
  BANT_Timing_Window_Days: 30
});

/** The developer name of one `Keyplan_Setting__mdt` record. */
export type SettingName = keyof typeof DEFAULT_SETTINGS;

/** A complete set of settings (every name has a number). */
export type KeyplanSettings = Readonly<Record<SettingName, number>>;

/** All setting names, in the order of DEFAULT_SETTINGS. */
export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as SettingName[];

/** Type guard: is this string one of the known setting developer names? */
export function isSettingName(name: string): name is SettingName {
  return Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, name);
}

/**
 * Reads one setting, falling back to the default when the value is missing or not a finite number
 * (an admin can blank a metadata value; a formula would then read zero, we would rather not divide by it).
 */
export function getSetting(
  settings: Partial<Record<SettingName, number>> | undefined,
  name: SettingName
): number {
  const value = settings?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_SETTINGS[name];
}

/** One `Keyplan_Setting__mdt` record as Apex or the local org returns it. */
export interface SettingRecord {
  DeveloperName: string;
  Value__c: number | null | undefined;
}

/**
 * Merges metadata records (or a partial object) over the defaults. Unknown names are ignored and
 * reported, so a typo in a record shows up instead of silently doing nothing.
 */
export function resolveSettings(input?: readonly SettingRecord[] | Partial<Record<string, number | null>>): {
  settings: KeyplanSettings;
  unknown: string[];
} {
  const out: Record<SettingName, number> = { ...DEFAULT_SETTINGS };
  const unknown: string[] = [];
  const entries: [string, unknown][] = Array.isArray(input)
    ? (input as readonly SettingRecord[]).map((r) => [r.DeveloperName, r.Value__c])
    : Object.entries(input ?? {});
  for (const [name, value] of entries) {
    if (!isSettingName(name)) unknown.push(name);
    else if (typeof value === 'number' && Number.isFinite(value)) out[name] = value;
  }
  return { settings: Object.freeze(out), unknown };
}

/**
 * The field of the `Keyplan_Tuning__c` hierarchy custom setting that overrides a setting: the record's
 * developer name plus `__c`. The package ships the defaults as `Keyplan_Setting__mdt` records
 * (DeveloperControlled: an upgrade may update them); the custom setting holds what the org changed
 * (subscriber data: an upgrade never touches it). docs/SETTINGS.md.
 */
export function overrideFieldOf(name: SettingName): string {
  return `${name}__c`;
}

/** Override over default for every packaged setting, as `KeyplanSettings.effective()` resolves it in Apex. */
export interface EffectiveSettings {
  /**
   * The effective value of every packaged setting (one `Keyplan_Setting__mdt` record each): the org's
   * override when it is a number, else the record's `Value__c`; null when both are blank (the formula
   * fields then read blank; the core's getSetting falls back to DEFAULT_SETTINGS).
   */
  values: Record<string, number | null>;
  /** Names whose value comes from the org's override, in record order. */
  overridden: string[];
}

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Resolves override over default, the one rule shared with Apex (`KeyplanSettings.resolve`; the Apex
 * test runs the same cases): for each packaged record, a number in the override field wins; a blank
 * (null, missing) override keeps the record's value. Overrides of names without a record are ignored,
 * as Apex only walks the records.
 * @param defaults the `Keyplan_Setting__mdt` records (developer name and `Value__c`)
 * @param overrides the `Keyplan_Tuning__c` record the running user sees (field API name -> value), if any
 */
export function effectiveSettings(
  defaults: readonly SettingRecord[],
  overrides?: Readonly<Record<string, unknown>> | null
): EffectiveSettings {
  const values: Record<string, number | null> = {};
  const overridden: string[] = [];
  for (const record of defaults) {
    const override = finite(overrides?.[`${record.DeveloperName}__c`]);
    if (override !== null) overridden.push(record.DeveloperName);
    values[record.DeveloperName] = override ?? finite(record.Value__c);
  }
  return { values, overridden };
}

/**
 * The settings a component computes with, from what `KeyplanSettingsController.getSettings` returned:
 * the org's effective values, a blank one (or all of them, before the data arrives) reading the
 * built-in default. Use it for unsaved edits only; a saved record shows its formula field.
 */
export function settingsFromData(
  data: { values: Readonly<Record<string, number | null>> } | null | undefined
): KeyplanSettings {
  return resolveSettings(data?.values).settings;
}
