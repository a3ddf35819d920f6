/**
 * Which score a screen shows (docs/SETTINGS.md): a record as saved shows its formula field, which the
 * org computed with its own weights; a record with unsaved edits (or statuses as they were in the past)
 * shows the core's score computed with the org's effective settings.
 */
import { bantScore, type BantStatuses } from './bant';
import type { KeyplanSettings } from './settings';

/** A BANT opportunity as the API returns it: the statuses and, when saved, the Keyplan_BANT_Score__c value. */
export type SavedBantStatuses = BantStatuses & { bantScore?: number | null };

/**
 * The BANT score to show: the saved formula value when there is one, else (no value: the record is
 * not saved as shown, or the user may not read the field) bantScore with the org's settings.
 */
export function shownBantScore(o: SavedBantStatuses, settings?: Partial<KeyplanSettings>): number {
  return typeof o.bantScore === 'number' && Number.isFinite(o.bantScore)
    ? o.bantScore
    : bantScore(o, settings);
}
