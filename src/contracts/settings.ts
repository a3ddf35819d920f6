import { z } from 'zod';

/**
 * The org's effective Keyplan settings (KeyplanSettingsController.getSettings, docs/SETTINGS.md): for each
 * packaged Keyplan_Setting__mdt record, the org's Keyplan_Tuning__c override when it is filled in, else
 * the packaged value. Components resolve it with keyplanCore `settingsFromData`.
 */
export const SettingsData = z.object({
  /** Setting developer name -> effective value; null when the packaged value and the override are blank. */
  values: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.number().nullable()),
  /** Names whose value comes from the org's override. */
  overridden: z.array(z.string())
});
export type SettingsData = z.infer<typeof SettingsData>;
