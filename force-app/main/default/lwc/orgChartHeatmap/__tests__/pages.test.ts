import type { OrgChartPage } from '@keyplan/contracts';
import { loadOrgChart, progressText } from '../pages';
import { withoutNulls } from '../../../../../test/testUtils';

const FIXTURE = jest.requireActual<OrgChartPage>(
  '../../../../../../test/fixtures/apex/OrgChartController.loadOrgChartPage.json'
);
const page = (over: Partial<OrgChartPage>): OrgChartPage => ({
  ...FIXTURE,
  contacts: [],
  links: [],
  buyingCenters: [],
  fieldAccess: {},
  ...over
});

describe('loadOrgChart', () => {
  it('asks with each cursor until there is none and keeps the first page’s buying centers and access', async () => {
    const pages: Record<string, OrgChartPage> = {
      first: page({
        contacts: FIXTURE.contacts.slice(0, 20),
        buyingCenters: FIXTURE.buyingCenters,
        fieldAccess: FIXTURE.fieldAccess,
        nextCursor: 'a'
      }),
      a: page({ contacts: FIXTURE.contacts.slice(20), links: FIXTURE.links.slice(0, 3), nextCursor: 'b' }),
      // Apex leaves a null nextCursor out of the JSON.
      b: withoutNulls(page({ links: FIXTURE.links.slice(3), nextCursor: null }))
    };
    const cursors: (string | null)[] = [];
    const seen: string[] = [];
    const data = await loadOrgChart(
      (cursor) => {
        cursors.push(cursor);
        return Promise.resolve(pages[cursor ?? 'first']);
      },
      (p) => seen.push(progressText(p))
    );
    expect(cursors).toEqual([null, 'a', 'b']);
    expect(data!.contacts.map((c) => c.id)).toEqual(FIXTURE.contacts.map((c) => c.id));
    expect(data!.links.map((l) => l.id)).toEqual(FIXTURE.links.map((l) => l.id));
    expect(data!.buyingCenters).toEqual(FIXTURE.buyingCenters);
    expect(data!.fieldAccess).toEqual(FIXTURE.fieldAccess);
    expect(data!.totalContacts).toBe(FIXTURE.contacts.length);
    expect(seen).toEqual([
      `Loading 20 of ${FIXTURE.totalContacts} people...`,
      `Loading 3 of ${FIXTURE.totalLinks} relationships...`,
      `Loading ${FIXTURE.totalLinks} of ${FIXTURE.totalLinks} relationships...`
    ]);
  });

  it('reads the contacts and the links side by side when the first page names their chains', async () => {
    const contacts = FIXTURE.contacts;
    const links = FIXTURE.links;
    const pages: Record<string, OrgChartPage> = {
      first: page({
        contacts: contacts.slice(0, 10),
        buyingCenters: FIXTURE.buyingCenters,
        nextCursor: 'c1',
        parallelCursors: ['c1:only', 'l1']
      }),
      'c1:only': page({ contacts: contacts.slice(10, 20), nextCursor: 'c2:only' }),
      'c2:only': withoutNulls(page({ contacts: contacts.slice(20), nextCursor: null })),
      l1: page({ links: links.slice(0, 2), nextCursor: 'l2' }),
      l2: page({ links: links.slice(2), nextCursor: null })
    };
    const log: string[] = [];
    let inFlight = 0;
    let most = 0;
    const data = await loadOrgChart(async (cursor) => {
      const key = cursor ?? 'first';
      log.push(key);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, key.startsWith('l') ? 5 : 1));
      inFlight--;
      return pages[key];
    });
    expect(most).toBe(2);
    expect(log[0]).toBe('first');
    expect([...log].sort()).toEqual(['c1:only', 'c2:only', 'first', 'l1', 'l2']);
    // The same chart as reading one page after the other: contacts in order, links newest first.
    expect(data!.contacts.map((c) => c.id)).toEqual(contacts.map((c) => c.id));
    expect(data!.links.map((l) => l.id)).toEqual(links.map((l) => l.id));
    expect(data!.buyingCenters).toEqual(FIXTURE.buyingCenters);
  });

  it('fails the load when a page of either chain fails', async () => {
    const first = page({
      contacts: FIXTURE.contacts.slice(0, 1),
      nextCursor: 'c',
      parallelCursors: ['c', 'l']
    });
    const fetchPage = (cursor: string | null): Promise<OrgChartPage> => {
      if (cursor === null) return Promise.resolve(first);
      if (cursor === 'l') return Promise.reject(new Error('Apex CPU time limit exceeded'));
      return Promise.resolve(page({ nextCursor: null }));
    };
    await expect(loadOrgChart(fetchPage)).rejects.toThrow('Apex CPU time limit exceeded');
  });

  it('stops with an error when the server sends the same cursor twice (it would never end)', async () => {
    await expect(loadOrgChart(() => Promise.resolve(page({ nextCursor: 'again' })))).rejects.toThrow(
      'the server sent the same page twice'
    );
  });

  it('drops a load that a newer one replaced', async () => {
    let cancelled = false;
    const data = await loadOrgChart(
      () => {
        cancelled = true;
        return Promise.resolve(page({ nextCursor: null }));
      },
      undefined,
      () => cancelled
    );
    expect(data).toBeNull();
  });

  it('says what it is doing before the first page and once everything is in', () => {
    expect(progressText(null)).toBe('Loading the org chart...');
    expect(
      progressText({ pages: 5, contactsLoaded: 10000, totalContacts: 10000, linksLoaded: 0, totalLinks: 0 })
    ).toBe('Drawing the org chart...');
    expect(
      progressText({
        pages: 2,
        contactsLoaded: 4000,
        totalContacts: 10000,
        linksLoaded: 0,
        totalLinks: 20000
      })
    ).toBe('Loading 4,000 of 10,000 people...');
  });
});
