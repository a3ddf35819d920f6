/**
 * Reading the activity behind the heat page by page, and the line the chart shows about it.
 */
import type { ActivityPage } from '@keyplan/contracts';
import { activityStatusText, loadActivity, startActivityLoad } from '../activityPages';

const page = (userId: string, nextCursor: string | null): ActivityPage =>
  ({
    aggregates: [
      {
        contactId: '003A',
        userId,
        userName: userId,
        kind: 'meeting',
        bucket: 'd90',
        count: 1,
        last: '2026-11-01'
      }
    ],
    nextCursor
  }) as unknown as ActivityPage;
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('loadActivity', () => {
  it('reads every page in cursor order', async () => {
    const cursors: (string | null)[] = [];
    const rows = await loadActivity((c) => {
      cursors.push(c);
      return Promise.resolve(c === null ? page('u1', 'p2') : page('u2', null));
    });
    expect(cursors).toEqual([null, 'p2']);
    expect(rows!.map((r) => r.userId)).toEqual(['u1', 'u2']);
  });

  it('stops quietly when a newer load started', async () => {
    expect(
      await loadActivity(
        () => Promise.resolve(page('u1', 'p2')),
        () => true
      )
    ).toBeNull();
  });

  it('refuses a cursor the server sent twice and an empty page, with a message a user can act on', async () => {
    await expect(loadActivity(() => Promise.resolve(page('u1', 'same')))).rejects.toThrow(
      'The activity did not finish loading: the server sent the same page twice. Reload the chart.'
    );
    await expect(loadActivity(() => Promise.resolve(undefined as unknown as ActivityPage))).rejects.toThrow(
      'The activity page came back empty. Reload the chart.'
    );
  });
});

describe('startActivityLoad', () => {
  it('hands the rows over, or the reason it failed', async () => {
    const apply = jest.fn();
    const fail = jest.fn();
    startActivityLoad(
      () => Promise.resolve(page('u1', null)),
      () => false,
      apply,
      fail
    );
    await flush();
    expect(apply).toHaveBeenCalledWith([expect.objectContaining({ userId: 'u1' })]);
    startActivityLoad(
      () => Promise.reject({ body: { message: 'Insufficient access to Event' } }),
      () => false,
      apply,
      fail
    );
    await flush();
    expect(fail).toHaveBeenCalledWith('Insufficient access to Event');
  });

  it('says nothing when a newer load started meanwhile', async () => {
    const apply = jest.fn();
    const fail = jest.fn();
    startActivityLoad(
      () => Promise.reject(new Error('gone')),
      () => true,
      apply,
      fail
    );
    startActivityLoad(
      () => Promise.resolve(page('u1', null)),
      () => true,
      apply,
      fail
    );
    await flush();
    expect(apply).not.toHaveBeenCalled();
    expect(fail).not.toHaveBeenCalled();
  });
});

describe('activityStatusText', () => {
  it('speaks while loading and after a failure, and is empty once the activity is in', () => {
    expect(activityStatusText(null)).toBe('');
    expect(activityStatusText({ status: 'loading' })).toBe(
      'Adding heat from logged meetings, calls and emails...'
    );
    expect(activityStatusText({ status: 'ready', rows: 12 })).toBe('');
    expect(activityStatusText({ status: 'failed', message: 'no access to Event' })).toBe(
      'Logged activity could not be read (no access to Event). Heat counts recorded relationships only.'
    );
  });
});
