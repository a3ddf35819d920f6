/**
 * What the org does on its own when an activity is saved (issue 22), for the local org:
 * - Event: `ActivityDate` is the date of `StartDateTime` (or `ActivityDateTime`) when one is given;
 * - Task: `IsClosed` follows `Status` ('Completed'), `CompletedDateTime` is set when it closes;
 * - with Shared Activities (the default), the `WhoId` contact of a new task or event gets its
 *   TaskRelation / EventRelation row, so queries over the relations see every contact of an activity.
 */
import type { SfRecord } from './types';

/** Derived fields, set before the record is saved (insert and update). */
export function deriveActivityFields(objectName: string, rec: SfRecord, now: string): void {
  if (objectName === 'Event') {
    const start = rec.StartDateTime ?? rec.ActivityDateTime;
    if (typeof start === 'string' && start.length >= 10) {
      rec.ActivityDateTime = rec.ActivityDateTime ?? start;
      rec.StartDateTime = rec.StartDateTime ?? start;
      rec.ActivityDate = new Date(start.replace(/\+0000$/, 'Z')).toISOString().slice(0, 10);
    }
  } else if (objectName === 'Task') {
    rec.IsClosed = rec.Status === 'Completed';
    if (!rec.IsClosed) rec.CompletedDateTime = null;
    else if (!rec.CompletedDateTime) rec.CompletedDateTime = now;
  }
}

/** The relation row a new task or event gets for its WhoId (object name and values), or null. */
export function whoRelation(objectName: string, rec: SfRecord): { object: string; values: SfRecord } | null {
  if (typeof rec.WhoId !== 'string' || !rec.WhoId) return null;
  if (objectName === 'Event')
    return {
      object: 'EventRelation',
      values: { EventId: rec.Id, RelationId: rec.WhoId, IsParent: true, IsInvitee: false, IsWhat: false }
    };
  if (objectName === 'Task')
    return { object: 'TaskRelation', values: { TaskId: rec.Id, RelationId: rec.WhoId, IsWhat: false } };
  return null;
}
