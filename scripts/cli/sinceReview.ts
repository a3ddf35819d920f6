/**
 * "Since last review" for the QBR export (issue 22): reads over the org's API what `changesSince`
 * (keyplanCore/sinceReview.ts) needs (contacts with their CreatedDate, the stakeholder fields' ContactHistory,
 * the relationship links and the activity aggregates as of the review date and as of today) and returns the
 * changes. Activity is read as the Apex does: aggregate queries (COUNT, MAX grouped by contact and user) over
 * the relation objects, 200 contacts per query, folded by the twin's `foldActivityRows`.
 */
import type { Connection } from 'jsforce';
import {
  heatAsOf,
  summariseActivity,
  RECENT_DAYS,
  YEAR_DAYS,
  type HeatLink
} from '../../force-app/main/default/lwc/keyplanCore/keyplanCore';
import {
  changesSince,
  REVIEW_FIELDS,
  type ChangesSince
} from '../../force-app/main/default/lwc/keyplanCore/sinceReview';
import { foldActivityRows } from '../../localorg/apex/controllers/ActivityController';
import type { ActivityAggregate } from '../../src/contracts';
import { queryAll } from './importer';
import { soqlString } from './keys';

type Row = Record<string, unknown>;
const DAY = 86_400_000;
const PAGE = 200;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Activity aggregates of the contacts, both windows ending `lastDay` (inclusive), as loadActivityPage reads them. */
export async function activityAsOf(
  conn: Connection,
  contactIds: readonly string[],
  lastDay: string
): Promise<ActivityAggregate[]> {
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  const byKey = new Map<string, ActivityAggregate>();
  const windows: [string, boolean][] = [
    [isoDay(end - (YEAR_DAYS - 1) * DAY), false],
    [isoDay(end - (RECENT_DAYS - 1) * DAY), true]
  ];
  const before = `${isoDay(end + DAY)}T00:00:00Z`;
  for (let i = 0; i < contactIds.length; i += PAGE) {
    const ids = contactIds
      .slice(i, i + PAGE)
      .map(soqlString)
      .join(', ');
    for (const [since, recent] of windows) {
      // One window after the other: the year creates the entries, the recent window adds its counts.
      const [meetings, tasks, emails] = await Promise.all([
        queryAll<Row>(
          conn,
          `SELECT RelationId contactId, Event.OwnerId userId, COUNT(Id) n, MAX(Event.ActivityDate) lastDate FROM EventRelation WHERE RelationId IN (${ids}) AND Event.ActivityDate >= ${since} AND Event.ActivityDate <= ${lastDay} GROUP BY RelationId, Event.OwnerId`
        ),
        queryAll<Row>(
          conn,
          `SELECT RelationId contactId, Task.OwnerId userId, Task.TaskSubtype subtype, COUNT(Id) n, MAX(Task.ActivityDate) lastDate FROM TaskRelation WHERE RelationId IN (${ids}) AND IsWhat = false AND Task.IsClosed = true AND Task.ActivityDate >= ${since} AND Task.ActivityDate <= ${lastDay} GROUP BY RelationId, Task.OwnerId, Task.TaskSubtype`
        ),
        queryAll<Row>(
          conn,
          `SELECT RelationId contactId, EmailMessage.CreatedById userId, COUNT(Id) n, MAX(EmailMessage.MessageDate) lastDate FROM EmailMessageRelation WHERE RelationId IN (${ids}) AND EmailMessage.MessageDate >= ${since}T00:00:00Z AND EmailMessage.MessageDate < ${before} GROUP BY RelationId, EmailMessage.CreatedById`
        )
      ]);
      foldActivityRows(byKey, meetings as never, 'meeting', recent);
      foldActivityRows(byKey, tasks as never, null, recent);
      foldActivityRows(byKey, emails as never, 'email', recent);
    }
  }
  return [...byKey.values()];
}

/** The changes of the account's organisation after `since` (ISO date), as of `today`. */
export async function loadChangesSince(
  conn: Connection,
  accountId: string,
  since: string,
  today: string
): Promise<ChangesSince> {
  const id = soqlString(accountId);
  const contacts = await queryAll<Row>(
    conn,
    `SELECT Id, Name, Keyplan_Buying_Center__c, CreatedDate FROM Contact WHERE AccountId = ${id} ORDER BY Id`
  );
  const centers = await queryAll<Row>(conn, `SELECT Id, Name FROM Buying_Center__c WHERE Account__c = ${id}`);
  const history = await queryAll<Row>(
    conn,
    `SELECT ContactId, Field, OldValue, NewValue, CreatedDate FROM ContactHistory WHERE Contact.AccountId = ${id} AND Field IN (${Object.keys(
      REVIEW_FIELDS
    )
      .map(soqlString)
      .join(', ')}) AND CreatedDate > ${since}T23:59:59Z ORDER BY CreatedDate`
  );
  const links = await queryAll<Row>(
    conn,
    `SELECT Id, From_Contact__c, From_User__c, To_Contact__c, Strength__c, Frequency__c, Influence_Level__c, Polarity__c, Last_Interaction__c, CreatedDate FROM Relationship_Link__c WHERE Account__c = ${id}`
  );
  const ids = contacts.map((c) => String(c.Id));
  const heatLinks = (rows: Row[]): HeatLink[] =>
    rows.map((l) => ({
      fromContactId: (l.From_Contact__c ?? null) as string | null,
      fromUserId: (l.From_User__c ?? null) as string | null,
      toContactId: String(l.To_Contact__c),
      strength: typeof l.Strength__c === 'number' ? l.Strength__c : null,
      frequency: (l.Frequency__c ?? null) as string | null,
      influenceLevel: (l.Influence_Level__c ?? null) as string | null,
      polarity: (l.Polarity__c ?? null) as string | null,
      lastInteraction: (l.Last_Interaction__c ?? null) as string | null
    }));
  const activityThen = summariseActivity(await activityAsOf(conn, ids, since), ids);
  const activityNow = summariseActivity(await activityAsOf(conn, ids, today), ids);
  // The links as they were: those created by the review date (their fields as they are now).
  const linksThen = heatLinks(links.filter((l) => String(l.CreatedDate).slice(0, 10) <= since));
  return changesSince({
    since,
    contacts: contacts.map((c) => ({
      id: String(c.Id),
      name: String(c.Name),
      buyingCenterId: (c.Keyplan_Buying_Center__c ?? null) as string | null,
      createdDate: String(c.CreatedDate)
    })),
    history: history.map((h) => ({
      contactId: String(h.ContactId),
      field: String(h.Field),
      oldValue: (h.OldValue ?? null) as string | null,
      newValue: (h.NewValue ?? null) as string | null,
      date: String(h.CreatedDate)
    })),
    heatThen: heatAsOf(ids, linksThen, activityThen, since),
    heatNow: heatAsOf(ids, heatLinks(links), activityNow, today),
    activityThen,
    activityNow,
    buyingCenterNames: new Map(centers.map((b) => [String(b.Id), String(b.Name)]))
  });
}

/** The QBR sections of the changes (plan.ts renders them as HTML or Markdown). */
export function changesSections(c: ChangesSince): {
  title: string;
  lines?: string[];
  empty?: string;
  table?: { head: string[]; rows: { cells: string[]; flag?: boolean }[] };
}[] {
  const none = (what: string): string => `No ${what} since ${c.since}.`;
  return [
    {
      title: `Since last review (${c.since})`,
      lines: c.byBuyingCenter.length ? c.byBuyingCenter.map((b) => b.line) : [none('changes')]
    },
    {
      title: 'People who joined or went quiet',
      empty: none('joins and nobody went quiet'),
      table:
        c.joined.length || c.quiet.length
          ? {
              head: ['Person', 'Change', 'Date'],
              rows: [
                ...c.joined.map((j) => ({ cells: [j.name, 'joined', j.date] })),
                ...c.quiet.map((q) => ({
                  flag: true,
                  cells: [q.name, 'went quiet (date of last activity)', q.last ?? '—']
                }))
              ]
            }
          : undefined
    },
    {
      title: 'Stance and role changes',
      empty: none('stance or role changes'),
      table: c.fieldChanges.length
        ? {
            head: ['Person', 'Field', 'Was', 'Now'],
            rows: c.fieldChanges.map((f) => ({
              flag: f.what === 'stance' && f.to === 'Detractor',
              cells: [f.name, f.what, f.from ?? '—', f.to ?? '—']
            }))
          }
        : undefined
    },
    {
      title: 'Heat gained and lost',
      empty: none('heat changes of 10 points or more'),
      table:
        c.heatGained.length || c.heatLost.length
          ? {
              head: ['Person', 'Heat then', 'Heat now', 'Change'],
              rows: [...c.heatGained.slice(0, 15), ...c.heatLost.slice(0, 15)].map((h) => ({
                flag: h.delta < 0,
                cells: [
                  h.name,
                  String(h.before),
                  String(h.after),
                  h.delta > 0 ? `+${h.delta}` : String(h.delta)
                ]
              }))
            }
          : undefined
    }
  ];
}
