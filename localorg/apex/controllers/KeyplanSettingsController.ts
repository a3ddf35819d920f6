/**
 * Local twin of KeyplanSettingsController / KeyplanSettings: the packaged Keyplan_Setting__mdt records
 * with the org's Keyplan_Tuning__c overrides on top (the running user's row, else the org default),
 * resolved by keyplanCore effectiveSettings, the rule the Apex reader's test shares.
 */
import { type SettingsData } from '../../../src/contracts';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { controller } from './lib/twin';

/** KeyplanSettingsController.getSettings */
export function getSettings(ctx: ApexContext): SettingsData {
  const { values, overridden } = ctx.org.effectiveSettings();
  return { values, overridden };
}

registerApex(
  'KeyplanSettingsController.getSettings',
  controller((_p, ctx) => getSettings(ctx))
);
