/**
 * Which score a screen shows (docs/SETTINGS.md): a record as saved shows its formula field, which the
 * org computed with its own weights and the evidence rules; a record with unsaved edits (or statuses as
 * they were in the past) shows the core's evidenced score computed with the org's effective settings.
 */
import { evidenceOf, evidencedBantScore, isQualified, type BantEvidenceSource } from './bant';
import type { KeyplanSettings } from './settings';

/** A BANT opportunity as the API returns it: statuses, evidence, contact roles and, when saved, the score. */
export type SavedBantStatuses = BantEvidenceSource & { bantScore?: number | null };

/**
 * The BANT score to show: the saved formula value when there is one, else (no value: the record is
 * not saved as shown, or the user may not read the field) the evidenced score with the org's settings.
 */
export function shownBantScore(o: SavedBantStatuses, settings?: Partial<KeyplanSettings>): number {
  return typeof o.bantScore === 'number' && Number.isFinite(o.bantScore)
    ? o.bantScore
    : evidencedBantScore(evidenceOf(o), settings);
}

/** Whether a deal shows as Qualified (isQualified): score >= threshold, nothing Missing or unverified. */
export function shownQualified(
  o: SavedBantStatuses,
  threshold: number,
  settings?: Partial<KeyplanSettings>
): boolean {
  return isQualified(shownBantScore(o, settings), evidenceOf(o), threshold);
}
