import type { BantData, BantOpportunity } from '@keyplan/contracts';
import {
  accessTo,
  changesOf,
  isEdited,
  saveOf,
  savedOpportunity,
  withDrafts,
  type BantFieldAccess
} from '../draft';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- realistic fixtures, validated against the zod contracts
const BANT: BantData = require('../../../../../../test/fixtures/apex/BantController.getBant.json');
/** Northwind: Budget, Authority and Need Confirmed with evidence, Timing Identified, score 93. */
const O: BantOpportunity = BANT.opportunities.find((x) => x.name === 'Northwind ERP Rollout')!;
const READ_ONLY = { readable: true, updateable: false };
const FULL = { readable: true, updateable: true };

describe('bantOpportunity draft', () => {
  it('lays the drafts over the loaded deal without changing it', () => {
    const drafted = withDrafts(O, { timing: { status: 'Confirmed', evidence: 'PO signed' } });
    expect(drafted).toMatchObject({
      timingStatus: 'Confirmed',
      timingEvidence: 'PO signed',
      budgetStatus: 'Confirmed'
    });
    expect(O.timingStatus).toBe('Identified');
  });

  it('counts only a real change as edited: a draft set back to the saved value (evidence trimmed) is as saved', () => {
    expect(isEdited(O, {})).toBe(false);
    expect(isEdited(O, { need: { status: 'Confirmed', evidence: ` ${O.needEvidence} ` } })).toBe(false);
    expect(isEdited(O, { need: { status: 'Identified', evidence: O.needEvidence! } })).toBe(true);
    expect(isEdited(O, { need: { status: 'Confirmed', evidence: 'Other reason' } })).toBe(true);
  });

  it('writes only the changed fields the user may edit; an emptied evidence is null', () => {
    const drafts = {
      budget: { status: 'Confirmed' as const, evidence: O.budgetEvidence! },
      need: { status: 'Identified' as const, evidence: '   ' },
      timing: { status: 'Confirmed' as const, evidence: ' PO signed 3 June ' }
    };
    expect(changesOf(O, drafts, undefined)).toEqual({
      needStatus: 'Identified',
      needEvidence: null,
      timingStatus: 'Confirmed',
      timingEvidence: 'PO signed 3 June'
    });
    const access: BantFieldAccess = { timing: { status: READ_ONLY, evidence: FULL } };
    expect(changesOf(O, drafts, access)).toEqual({
      needStatus: 'Identified',
      needEvidence: null,
      timingEvidence: 'PO signed 3 June'
    });
    expect(accessTo(access, 'timing').status).toBe(READ_ONLY);
    expect(accessTo(access, 'budget')).toEqual({ status: FULL, evidence: FULL });
  });

  it('saves through LDS with the field API names, guarded by the loaded LastModifiedDate; nothing changed, no save', () => {
    expect(saveOf(O, {})).toBeNull();
    expect(saveOf(O, { needStatus: 'Identified', timingEvidence: null })).toEqual({
      recordInput: {
        fields: { Id: O.id, Keyplan_Need_Status__c: 'Identified', Keyplan_Timing_Evidence__c: null }
      },
      clientOptions: { ifUnmodifiedSince: O.lastModified }
    });
  });

  it("takes the record's new stamp and score formula value; without the score a status change unsets it", () => {
    const record = {
      id: O.id,
      apiName: 'Opportunity',
      lastModifiedDate: '2026-11-30T10:00:00.000Z',
      fields: { Keyplan_BANT_Score__c: { value: 71, displayValue: '71' } }
    };
    expect(savedOpportunity(O, { needStatus: 'Identified' }, record)).toMatchObject({
      needStatus: 'Identified',
      lastModified: '2026-11-30T10:00:00.000Z',
      bantScore: 71
    });
    const bare = { id: O.id, apiName: 'Opportunity', fields: {} };
    expect(savedOpportunity(O, { needStatus: 'Identified' }, bare)).toMatchObject({
      lastModified: O.lastModified,
      bantScore: null
    });
    // Evidence only: the score stands.
    expect(savedOpportunity(O, { needEvidence: 'New' }, undefined).bantScore).toBe(O.bantScore);
  });
});
