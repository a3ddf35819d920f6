import type { OrgChartPage } from '@keyplan/contracts';
import { loadPeople, MAX_PAGES } from '../people';
import { movePage, planActionInput } from '../actions';
import { planActionDueDate, type NextMove } from 'c/keyplanCore';

const page = (n: number, next: string | null): OrgChartPage =>
  ({
    accountId: 'a',
    accountName: 'A',
    contacts: [
      {
        id: `c${n}`,
        name: `C${n}`,
        buyingCenterId: 'b',
        buyerRole: 'Economic Buyer',
        decisionRole: null,
        stance: null,
        influenceLevel: null
      }
    ],
    links: [],
    buyingCenters: [],
    totalContacts: 2,
    totalLinks: 0,
    truncated: false,
    nextCursor: next,
    fieldAccess: {}
  }) as unknown as OrgChartPage;

describe('loadPeople', () => {
  it('reads page after page with the cursor, keeping the fields moves read', async () => {
    const fetch = jest.fn((cursor: string | null) =>
      Promise.resolve(cursor ? page(2, null) : page(1, 'next'))
    );
    const people = await loadPeople(fetch);
    expect(fetch.mock.calls).toEqual([[null], ['next']]);
    expect(people.contacts.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(people.contacts[0]).toEqual({
      id: 'c1',
      name: 'C1',
      buyingCenterId: 'b',
      buyerRole: 'Economic Buyer',
      decisionRole: null,
      stance: null,
      influenceLevel: null
    });
  });

  it('stops a server that never stops returning cursors', async () => {
    const fetch = jest.fn(() => Promise.resolve(page(1, 'again')));
    await expect(loadPeople(fetch)).rejects.toThrow(`after ${MAX_PAGES} pages`);
  });
});

describe('movePage', () => {
  const move = {
    buyingCenterId: 'bc1',
    offeringId: 'of1',
    actionContactId: 'c1',
    actionLabel: 'Plan: win over Dora',
    reason: '$1M X in Y: Dora is a detractor'
  } as NextMove;
  const ctx = { accountId: 'acc', userId: 'u1', planId: 'plan1' };
  it('prefills a new opportunity, relationship or plan action from the move', () => {
    expect(movePage({ ...move, action: 'create-opportunity' }, ctx).state?.defaultFieldValues).toBe(
      'AccountId=acc,Keyplan_Buying_Center__c=bc1,Keyplan_Offering__c=of1'
    );
    expect(movePage({ ...move, action: 'add-relationship' }, ctx).state?.defaultFieldValues).toBe(
      'Account__c=acc,From_User__c=u1,To_Contact__c=c1,Type__c=Coverage'
    );
    const plan = movePage({ ...move, action: 'create-plan-action' }, ctx);
    expect(plan.attributes.objectApiName).toBe('Plan_Action__c');
    const values = Object.fromEntries(
      plan.state!.defaultFieldValues.split(',').map((p) => p.split('=').map(decodeURIComponent))
    );
    expect(values).toEqual({
      Account_Plan__c: 'plan1',
      Name: 'Win over Dora',
      Assigned_To__c: 'u1',
      Due_Date__c: planActionDueDate(),
      Status__c: 'Open',
      Notes__c: move.reason
    });
  });

  it('names a detractor move "Win over <name> (Detractor, <buying center>)" with the person in the notes', () => {
    const input = planActionInput(
      {
        ...move,
        action: 'create-plan-action',
        buyingCenterName: 'Helicopters Europe',
        detractor: { contactId: 'c1', name: 'Carla Gruber', influenceLevel: 'High' }
      },
      'u1'
    );
    expect(input.subject).toBe('Win over Carla Gruber (Detractor, Helicopters Europe)');
    expect(input.relatedContact).toEqual({ id: 'c1', name: 'Carla Gruber' });
    expect(input.ownerId).toBe('u1');
  });
});
