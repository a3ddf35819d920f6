/**
 * What the org does on its own when an activity is saved (issue 22), for the local org:
 * - Event: `ActivityDate` is the date of `StartDateTime` (or `ActivityDateTime`) when one is given;
 * - Task: `IsClosed` follows `Status` ('Completed'), `CompletedDateTime` is set when it closes;
 * - with Shared Activities (the default), the `WhoId` contact of a new task or event gets its
 *   TaskRelation / EventRelation row, so queries over the relations see every contact of an activity.
 */
import type { ActivityChannel, ActivityRow } from '../force-app/main/default/lwc/keyplanCore/activity';
import { DEMO_TEAM, generateActivity, type ActivityTeamMember } from '../src/generator/activity';
import { q } from './db';
import { makeId } from './ids';
import type { LocalOrg } from './org';
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

/** What seedActivity wrote. */
export interface SeededActivity {
  /** Team users created (the demo sales team; existing ones are reused). */
  users: number;
  /** Activities written (events + tasks + emails); 0 when the account already had activity. */
  activities: number;
}

const SYSTEM_COLUMNS = [
  'Id',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'IsDeleted'
];

/**
 * Demo data: a deterministic year of meetings, calls and emails between the demo sales team (DEMO_TEAM plus the
 * running user) and the account's contacts, ending `today` (src/generator/activity.ts). Written straight into
 * the tables, each activity with its relation row as the org stores it (Shared Activities), because save rules
 * per row would make the 200,000 activities of the large demo account take minutes; the rows are those
 * `insert` would write (tested in activities.test.ts). Runs in one transaction (joins the caller's) and does
 * nothing when the account's contacts already have activity.
 */
export function seedActivity(
  org: LocalOrg,
  accountId: string,
  options: { seed: number; total: number; today?: Date }
): SeededActivity {
  return org.write(() => {
    const has = org.db
      .prepare(
        `SELECT 1 FROM "EventRelation" r JOIN "Contact" c ON c."Id" = r."RelationId" WHERE c."AccountId" = ? LIMIT 1`
      )
      .get(accountId);
    if (has) return { users: 0, activities: 0 };
    let created = 0;
    const team: ActivityTeamMember[] = [];
    const me = org.db.prepare(`SELECT "Id", "Name" FROM "User" WHERE "Id" = ?`).get(org.userId) as
      { Id: string; Name: string } | undefined;
    if (me) team.push({ id: me.Id, name: me.Name });
    for (const u of DEMO_TEAM) {
      const username = `${u.FirstName}.${u.LastName}@keyplan.local`.toLowerCase();
      const found = org.db.prepare(`SELECT "Id" FROM "User" WHERE "Username" = ?`).get(username) as
        { Id: string } | undefined;
      const id = found?.Id ?? org.insert('User', { ...u, Username: username, Email: username });
      if (!found) created++;
      team.push({ id, name: `${u.FirstName} ${u.LastName}` });
    }
    const contacts = (
      org.db
        .prepare(
          `SELECT "Id", "Keyplan_Influence_Level__c" AS i, "Keyplan_Decision_Role__c" AS d FROM "Contact" WHERE "AccountId" = ? ORDER BY "Id"`
        )
        .all(accountId) as { Id: string; i: string | null; d: string | null }[]
    ).map((c) => ({ id: c.Id, influenceLevel: c.i, decisionRole: c.d }));
    const today = (options.today ?? new Date()).toISOString().slice(0, 10);
    const rows = generateActivity({ seed: options.seed, contacts, team, total: options.total, today });
    writeActivityRows(org, rows);
    return { users: created, activities: rows.length };
  });
}

/** Reserves `n` ids of an object; returns a function giving the i-th. */
function reserveIds(org: LocalOrg, objectName: string, n: number): (i: number) => string {
  const obj = org.object(objectName);
  const end = (
    org.db
      .prepare('UPDATE _localorg_objects SET seq = seq + ? WHERE name = ? RETURNING seq')
      .get(n, obj.name) as {
      seq: number;
    }
  ).seq;
  return (i) => makeId(obj.keyPrefix, end - n + 1 + i);
}

function inserter(org: LocalOrg, objectName: string, columns: string[]): (values: unknown[]) => void {
  const cols = [...SYSTEM_COLUMNS, ...columns];
  const stmt = org.db.prepare(
    `INSERT INTO ${q(objectName)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
  );
  return (values) => stmt.run(...values);
}

const SUBJECTS: Record<ActivityChannel, string[]> = {
  meeting: ['Quarterly business review', 'Roadmap workshop', 'Steering committee', 'Site visit', 'Lunch'],
  email: ['Follow-up', 'Proposal', 'Meeting notes', 'Introduction', 'Pricing question'],
  call: ['Check-in call', 'Renewal call', 'Escalation call', 'Reference call']
};

/** Writes activity rows with their relation rows (see seedActivity). */
export function writeActivityRows(org: LocalOrg, rows: readonly ActivityRow[]): void {
  const count = (ch: ActivityChannel): number => rows.filter((r) => r.channel === ch).length;
  const ids = {
    event: reserveIds(org, 'Event', count('meeting')),
    eventRel: reserveIds(org, 'EventRelation', count('meeting')),
    task: reserveIds(org, 'Task', count('call')),
    taskRel: reserveIds(org, 'TaskRelation', count('call')),
    email: reserveIds(org, 'EmailMessage', count('email')),
    emailRel: reserveIds(org, 'EmailMessageRelation', count('email'))
  };
  const event = inserter(org, 'Event', [
    'OwnerId',
    'Subject',
    'WhoId',
    'ActivityDate',
    'ActivityDateTime',
    'StartDateTime',
    'EndDateTime',
    'DurationInMinutes',
    'IsAllDayEvent'
  ]);
  const eventRel = inserter(org, 'EventRelation', [
    'EventId',
    'RelationId',
    'IsParent',
    'IsInvitee',
    'IsWhat'
  ]);
  const task = inserter(org, 'Task', [
    'OwnerId',
    'Subject',
    'WhoId',
    'ActivityDate',
    'Status',
    'IsClosed',
    'TaskSubtype',
    'CompletedDateTime'
  ]);
  const taskRel = inserter(org, 'TaskRelation', ['TaskId', 'RelationId', 'IsWhat']);
  const email = inserter(org, 'EmailMessage', ['Subject', 'MessageDate', 'Status', 'Incoming']);
  const emailRel = inserter(org, 'EmailMessageRelation', ['EmailMessageId', 'RelationId', 'RelationType']);
  const n = { meeting: 0, call: 0, email: 0 };
  rows.forEach((r, k) => {
    const hour = 8 + (k % 9);
    const at = `${r.date}T${String(hour).padStart(2, '0')}:00:00.000+0000`;
    const end = `${r.date}T${String(hour + 1).padStart(2, '0')}:00:00.000+0000`;
    const sys = (id: string): unknown[] => [id, at, r.userId, at, r.userId, at, 0];
    const subject = SUBJECTS[r.channel][k % SUBJECTS[r.channel].length];
    const i = n[r.channel]++;
    if (r.channel === 'meeting') {
      const id = ids.event(i);
      event([...sys(id), r.userId, subject, r.contactId, r.date, at, at, end, 60, 0]);
      eventRel([...sys(ids.eventRel(i)), id, r.contactId, 1, 0, 0]);
    } else if (r.channel === 'call') {
      const id = ids.task(i);
      task([...sys(id), r.userId, subject, r.contactId, r.date, 'Completed', 1, 'Call', end]);
      taskRel([...sys(ids.taskRel(i)), id, r.contactId, 0]);
    } else {
      const id = ids.email(i);
      email([...sys(id), subject, at, '3', 0]);
      emailRel([...sys(ids.emailRel(i)), id, r.contactId, 'ToAddress']);
    }
  });
}

/**
 * Demo data for "since last QBR": a loaded bundle's contacts all look created today, so every one would count as
 * joined. This backdates them (and the account's links) 400 days except three (created 12, 20 and 29 days ago) and writes ContactHistory
 * for a few stakeholder changes of the last month (stance and decision role, ending in the current values).
 * Deterministic; does nothing when the account's contacts already have ContactHistory.
 */
export function seedReviewChanges(org: LocalOrg, accountId: string, today: Date = new Date()): number {
  return org.write(() => {
    const has = org.db
      .prepare(
        `SELECT 1 FROM "ContactHistory" h JOIN "Contact" c ON c."Id" = h."ContactId" WHERE c."AccountId" = ? LIMIT 1`
      )
      .get(accountId);
    if (has) return 0;
    const contacts = org.db
      .prepare(
        `SELECT "Id", "Keyplan_Stance__c" AS s, "Keyplan_Decision_Role__c" AS d FROM "Contact" WHERE "AccountId" = ? ORDER BY "Id"`
      )
      .all(accountId) as { Id: string; s: string | null; d: string | null }[];
    const at = (days: number, minute = 0): string =>
      new Date(
        Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 10, minute) -
          days * 86_400_000
      )
        .toISOString()
        .replace('Z', '+0000');
    const setCreated = org.db.prepare(`UPDATE "Contact" SET "CreatedDate" = ? WHERE "Id" = ?`);
    const newest = contacts.slice(-3).map((c) => c.Id);
    for (const c of contacts) setCreated.run(at(400), c.Id);
    [12, 20, 29].forEach((days, i) => newest[i] && setCreated.run(at(days), newest[i]));
    // The links were known before the review too (their CreatedDate decides whether heat then counts them).
    org.db
      .prepare(`UPDATE "Relationship_Link__c" SET "CreatedDate" = ? WHERE "Account__c" = ?`)
      .run(at(400), accountId);
    const before: Record<string, string> = {
      Champion: 'Supporter',
      Supporter: 'Neutral',
      Neutral: 'Supporter',
      Detractor: 'Neutral'
    };
    let rows = 0;
    const withStance = contacts.filter((c) => c.s && before[c.s]);
    withStance
      .filter((_, i) => i % 9 === 4)
      .slice(0, 6)
      .forEach((c, i) => {
        org.insertHistory('ContactHistory', {
          parentId: c.Id,
          field: 'Keyplan_Stance__c',
          oldValue: before[c.s as string],
          newValue: c.s,
          createdDate: at(4 + 5 * i)
        });
        rows++;
      });
    contacts
      .filter((c) => c.d === 'Decision Maker')
      .slice(0, 2)
      .forEach((c, i) => {
        org.insertHistory('ContactHistory', {
          parentId: c.Id,
          field: 'Keyplan_Decision_Role__c',
          oldValue: 'Influencer',
          newValue: c.d,
          createdDate: at(9 + 7 * i, 1)
        });
        rows++;
      });
    return rows;
  });
}
