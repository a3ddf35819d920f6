/**
 * `keyplan tune [Name=value ...] [--reset]`: the org's Keyplan tuning (docs/SETTINGS.md). Without
 * assignments it prints every setting: packaged default, the org's override and the effective value.
 * `Name=value` sets the org-level override in the Keyplan_Tuning__c custom setting (what upgrades
 * never touch), `Name=` clears it (the packaged default applies again), `--reset` clears them all.
 * Works against a real org (as an admin: custom setting DML needs Customize Application) and the
 * local org alike, through jsforce.
 */
import type { Connection } from 'jsforce';
import {
  SETTING_NAMES,
  effectiveSettings,
  isSettingName,
  overrideFieldOf,
  settingsFromData,
  type EffectiveSettings,
  type KeyplanSettings,
  type SettingRecord
} from '../../force-app/main/default/lwc/keyplanCore/settings';
import { InvalidInput } from './errors';

/** Keyplan_Tuning__c fields are Number(8, 2), like Keyplan_Setting__mdt.Value__c. */
const MAX_ABS = 1_000_000;

export interface TuneRow {
  name: string;
  packaged: number | null;
  override: number | null;
  effective: number | null;
}

/** Parses `Name=value` / `Name=` assignments; every bad one is listed, nothing is written. */
export function parseAssignments(args: readonly string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const problems: { where: string; message: string }[] = [];
  for (const arg of args) {
    const m = /^([A-Za-z0-9_]+)=(.*)$/.exec(arg);
    if (!m) {
      problems.push({ where: arg, message: 'expected Name=value (or Name= to clear the override)' });
      continue;
    }
    const [, name, raw] = m;
    if (!isSettingName(name)) {
      problems.push({ where: arg, message: `unknown setting; one of ${SETTING_NAMES.join(', ')}` });
      continue;
    }
    if (raw.trim() === '') {
      out[name] = null;
      continue;
    }
    const value = Number(raw);
    if (!/^-?\d+(\.\d{1,2})?$/.test(raw.trim()) || !Number.isFinite(value) || Math.abs(value) >= MAX_ABS)
      problems.push({ where: arg, message: 'must be a number with at most 2 decimals, below 1,000,000' });
    else out[name] = value;
  }
  if (problems.length)
    throw new InvalidInput(`${problems.length} bad setting(s); nothing was written`, problems);
  return out;
}

type TuningRecord = Record<string, unknown> & { Id: string; SetupOwnerId: string };

/** The org-level (default) row of the custom setting, if any: its SetupOwnerId is the org id (00D...). */
async function orgRow(conn: Connection): Promise<TuningRecord | undefined> {
  const fields = ['Id', 'SetupOwnerId', ...SETTING_NAMES.map(overrideFieldOf)].join(', ');
  const rows = (await conn.query<TuningRecord>(`SELECT ${fields} FROM Keyplan_Tuning__c`)).records;
  return rows.find((r) => String(r.SetupOwnerId).startsWith('00D'));
}

/** The packaged records, the org-level override row and the effective values (override over default). */
async function readEffective(
  conn: Connection
): Promise<{ records: SettingRecord[]; row: TuningRecord | undefined; effective: EffectiveSettings }> {
  const records = (
    await conn.query<{ DeveloperName: string; Value__c: number | null }>(
      'SELECT DeveloperName, Value__c FROM Keyplan_Setting__mdt'
    )
  ).records.map((r) => ({ DeveloperName: r.DeveloperName, Value__c: r.Value__c ?? null }));
  const row = await orgRow(conn);
  return { records, row, effective: effectiveSettings(records, row) };
}

/**
 * The settings the core computes with in this org, as the components get them (KeyplanSettingsController
 * .getSettings: the effective values, a blank one reading the built-in default): for CLI commands that
 * compute figures (next-moves).
 */
export async function readSettings(conn: Connection): Promise<KeyplanSettings> {
  return settingsFromData((await readEffective(conn)).effective);
}

/** The packaged records, the org-level overrides and the effective values, one row per setting. */
export async function readTuning(conn: Connection): Promise<TuneRow[]> {
  const { records, row, effective } = await readEffective(conn);
  const packaged = new Map(records.map((r) => [r.DeveloperName, r.Value__c]));
  return SETTING_NAMES.filter((n) => packaged.has(n)).map((name) => {
    const o = row?.[overrideFieldOf(name)];
    return {
      name,
      packaged: packaged.get(name) ?? null,
      override: typeof o === 'number' ? o : null,
      effective: effective.values[name] ?? null
    };
  });
}

/** Writes the org-level overrides (creating the row when there is none) and returns the new state. */
export async function writeTuning(
  conn: Connection,
  changes: Record<string, number | null>,
  reset = false
): Promise<TuneRow[]> {
  const values: Record<string, number | null> = {};
  if (reset) for (const n of SETTING_NAMES) values[overrideFieldOf(n)] = null;
  for (const [name, v] of Object.entries(changes)) values[`${name}__c`] = v;
  const row = await orgRow(conn);
  const result = row
    ? await conn.sobject('Keyplan_Tuning__c').update({ Id: row.Id, ...values })
    : await conn.sobject('Keyplan_Tuning__c').create(values);
  if (!result.success)
    throw new Error(
      `Keyplan_Tuning__c was not saved: ${JSON.stringify((result as { errors?: unknown }).errors)}`
    );
  return readTuning(conn);
}

/** A readable table of the settings. */
export function tuningTable(rows: readonly TuneRow[]): string {
  const show = (v: number | null): string => (v === null ? '-' : String(v));
  const width = Math.max(...rows.map((r) => r.name.length), 'setting'.length);
  const lines = [`${'setting'.padEnd(width)}  packaged  override  effective`];
  for (const r of rows)
    lines.push(
      `${r.name.padEnd(width)}  ${show(r.packaged).padStart(8)}  ${show(r.override).padStart(8)}  ${show(r.effective).padStart(9)}`
    );
  return `${lines.join('\n')}\n`;
}
