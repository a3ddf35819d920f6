import type { SinceReviewPage } from '@keyplan/contracts';
import { changesFromPages, heatAsOf, reviewSections, summariseActivity } from 'c/keyplanCore';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const PAGE: SinceReviewPage = require('../../../../../../test/fixtures/apex/SinceReviewController.loadSinceReviewPage.json');

describe('changes from the SinceReviewController pages', () => {
  it('lists the join, the quiet person, the stance change and the heat moves of the fixture', () => {
    const c = changesFromPages([PAGE]);
    expect(c.since).toBe('2026-09-01');
    expect(c.sinceSource).toBe('review');
    expect(c.people).toBe(3);
    expect(c.joined.map((j) => j.name)).toEqual(['Omar Haddad']);
    // Lena met us 11 times in the year before the review, 4 of them in its last 90 days, and never after.
    expect(c.quiet.map((q) => q.name)).toEqual(['Lena Fischer']);
    expect(c.fieldChanges).toEqual([
      {
        contactId: '003000000000001AAA',
        name: 'Jane Cooper',
        what: 'stance',
        from: 'Neutral',
        to: 'Champion'
      }
    ]);
    // Omar joined with a team link made after the review: heat from nothing.
    expect(c.heatGained.map((h) => h.name)).toContain('Omar Haddad');
    expect(c.heatLost.map((h) => h.name)).toContain('Lena Fischer');
    const it = c.byBuyingCenter.find((b) => b.name === 'Group IT');
    expect(it?.line).toMatch(/^Group IT: 1 joined, 1 stance or role change, heat \+\d+$/);
    expect(c.byBuyingCenter.find((b) => b.buyingCenterId === null)?.line).toMatch(/1 went quiet, heat -\d+/);
  });

  it('heat then leaves out a team link created after the day, using the org chart rule', () => {
    const later = { ...PAGE.teamLinks[0], createdDate: '2026-10-01T00:00:00.000Z' };
    const c = changesFromPages([{ ...PAGE, teamLinks: [later], activityNow: [] }]);
    const ids = PAGE.contacts.map((p) => p.id);
    const link = {
      fromContactId: null,
      fromUserId: later.fromUserId,
      toContactId: later.toContactId,
      strength: 4,
      frequency: 'Monthly',
      influenceLevel: 'High',
      polarity: 'Positive',
      lastInteraction: '2026-11-20'
    };
    const now = heatAsOf(ids, [link], summariseActivity([], ids), PAGE.asOf).get(later.toContactId) ?? 0;
    expect(now).toBeGreaterThan(0);
    expect(c.heatGained.find((h) => h.contactId === later.toContactId)).toMatchObject({
      before: 0,
      after: now
    });
  });

  it('says when a page left rows out, and refuses no pages', () => {
    expect(changesFromPages([PAGE, { ...PAGE, contacts: [], truncated: true }]).truncated).toBe(true);
    expect(() => changesFromPages([])).toThrow(/no page/);
  });
});

describe('review sections', () => {
  it('puts each person under their buying center, in the order of the summary lines', () => {
    const sections = reviewSections(changesFromPages([PAGE]));
    expect(sections.map((s) => s.name)).toEqual(changesFromPages([PAGE]).byBuyingCenter.map((b) => b.name));
    const it = sections.find((s) => s.name === 'Group IT')!;
    expect(it.joined.map((j) => j.name)).toEqual(['Omar Haddad']);
    expect(it.fieldChanges.map((f) => f.name)).toEqual(['Jane Cooper']);
    expect(it.quiet).toEqual([]);
    const none = sections.find((s) => s.buyingCenterId === null)!;
    expect(none.quiet.map((q) => q.name)).toEqual(['Lena Fischer']);
    expect(none.heatLost.map((h) => h.name)).toEqual(['Lena Fischer']);
  });
});
