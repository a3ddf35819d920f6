/**
 * The quick edit of one opportunity's BANT, as pure functions: the user's drafts over the loaded deal,
 * whether they really change it, the changed fields they may write, the Lightning Data Service save of
 * those (guarded by the LastModifiedDate the user loaded), and the deal as saved. No DOM, no I/O: the
 * card holds the drafts and calls updateRecord.
 */
import type { RecordInput, RecordRepresentation } from 'lightning/uiRecordApi';
import type { BantOpportunity, BantStatus } from '@keyplan/contracts';
import { BANT_DIMENSIONS, type BantDimension } from 'c/keyplanCore';

export interface FieldAccessLike {
  readable: boolean;
  updateable: boolean;
}
/** Per dimension: access to its status field and its evidence field. */
export type BantFieldAccess = Partial<
  Record<BantDimension, { status: FieldAccessLike; evidence: FieldAccessLike }>
>;

const FULL_ACCESS: FieldAccessLike = { readable: true, updateable: true };
/** The access to a dimension's fields (not known: full, the server decides in user mode). */
export function accessTo(
  fieldAccess: BantFieldAccess | undefined,
  d: BantDimension
): { status: FieldAccessLike; evidence: FieldAccessLike } {
  return fieldAccess?.[d] ?? { status: FULL_ACCESS, evidence: FULL_ACCESS };
}

/** The Opportunity fields behind each dimension: its status and its evidence. */
export const BANT_FIELDS: Record<BantDimension, { status: string; evidence: string }> = {
  budget: { status: 'Keyplan_Budget_Status__c', evidence: 'Keyplan_Budget_Evidence__c' },
  authority: { status: 'Keyplan_Authority_Status__c', evidence: 'Keyplan_Authority_Evidence__c' },
  need: { status: 'Keyplan_Need_Status__c', evidence: 'Keyplan_Need_Evidence__c' },
  timing: { status: 'Keyplan_Timing_Status__c', evidence: 'Keyplan_Timing_Evidence__c' }
};
/** The BANT score formula field: the saved score, computed by the org with its weights. */
const SCORE_FIELD = 'Keyplan_BANT_Score__c';

/** A BANT save through Lightning Data Service: the record input and its stale-write guard. */
export interface BantSave {
  recordInput: RecordInput;
  clientOptions: { ifUnmodifiedSince: string };
}

export type StatusKey = `${BantDimension}Status`;
export type EvidenceKey = `${BantDimension}Evidence`;
/** What the user set for a dimension in the editor. */
export interface Draft {
  status: BantStatus;
  evidence: string;
}
export type Drafts = Partial<Record<BantDimension, Draft>>;
/** Changed values by DTO property (`budgetStatus`, `needEvidence`, ...); an emptied evidence is null. */
export type BantChanges = Partial<Record<StatusKey | EvidenceKey, string | null>>;

export const savedStatus = (o: BantOpportunity, d: BantDimension): BantStatus =>
  (o[`${d}Status` as StatusKey] ?? 'Unknown') as BantStatus;
export const savedEvidence = (o: BantOpportunity, d: BantDimension): string =>
  (o[`${d}Evidence` as EvidenceKey] ?? '') as string;

/** The opportunity with the user's unsaved statuses and evidence. */
export function withDrafts(o: BantOpportunity, drafts: Drafts): BantOpportunity {
  const out = { ...o };
  for (const d of BANT_DIMENSIONS) {
    const draft = drafts[d];
    if (!draft) continue;
    out[`${d}Status` as StatusKey] = draft.status;
    out[`${d}Evidence` as EvidenceKey] = draft.evidence;
  }
  return out;
}

/** A real change: a draft set back to the saved value (evidence trimmed) is as saved. */
export function isEdited(o: BantOpportunity, drafts: Drafts): boolean {
  return BANT_DIMENSIONS.some((d) => {
    const draft = drafts[d];
    return (
      draft !== undefined &&
      (draft.status !== savedStatus(o, d) || draft.evidence.trim() !== savedEvidence(o, d))
    );
  });
}

/**
 * Only the fields the user changed (and may edit), so a save cannot overwrite a field someone else
 * edited. Evidence is trimmed; an emptied evidence is null.
 */
export function changesOf(
  o: BantOpportunity,
  drafts: Drafts,
  fieldAccess: BantFieldAccess | undefined
): BantChanges {
  const out: BantChanges = {};
  for (const d of BANT_DIMENSIONS) {
    const draft = drafts[d];
    if (!draft) continue;
    const may = accessTo(fieldAccess, d);
    if (may.status.updateable && draft.status !== savedStatus(o, d)) out[`${d}Status`] = draft.status;
    const evidence = draft.evidence.trim();
    if (may.evidence.updateable && evidence !== savedEvidence(o, d))
      out[`${d}Evidence`] = evidence === '' ? null : evidence;
  }
  return out;
}

/**
 * The Lightning Data Service write of the changed fields, guarded by the LastModifiedDate the user
 * loaded (the platform refuses it if the record changed since); null when nothing changed.
 */
export function saveOf(o: BantOpportunity, changes: BantChanges): BantSave | null {
  if (!Object.keys(changes).length) return null;
  const fields: Record<string, unknown> = { Id: o.id };
  for (const d of BANT_DIMENSIONS) {
    if (`${d}Status` in changes) fields[BANT_FIELDS[d].status] = changes[`${d}Status`];
    if (`${d}Evidence` in changes) fields[BANT_FIELDS[d].evidence] = changes[`${d}Evidence`];
  }
  return { recordInput: { fields }, clientOptions: { ifUnmodifiedSince: o.lastModified } };
}

/**
 * The opportunity as saved: the loaded one with the changes, the record's new LastModifiedDate, and
 * the score formula's value when the record carries it. Without it, a status change leaves the score
 * unset, so the core scores the saved statuses with the org's settings until the panel's refresh
 * brings the formula value.
 */
export function savedOpportunity(
  o: BantOpportunity,
  changes: BantChanges,
  record: RecordRepresentation | undefined
): BantOpportunity {
  const fields = record?.fields ?? {};
  const stamp = record?.lastModifiedDate ?? fields.LastModifiedDate?.value;
  const score = fields[SCORE_FIELD]?.value;
  const statusChanged = BANT_DIMENSIONS.some((d) => `${d}Status` in changes);
  return {
    ...o,
    ...(changes as Partial<BantOpportunity>),
    lastModified: typeof stamp === 'string' && stamp ? stamp : o.lastModified,
    bantScore: typeof score === 'number' ? score : statusChanged ? null : o.bantScore
  };
}
