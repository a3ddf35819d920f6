import { buildMatrix, formatCurrency } from 'c/keyplanCore';
import type { WhitespaceData } from '@keyplan/contracts';
import {
  UNMAPPED_REASONS,
  mappingVersion,
  unmappedItems,
  unmappedText,
  unmappedViewOf,
  withMapped
} from '../unmapped';
import { buildViewModel } from 'c/whitespaceView';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
const FIXTURE: WhitespaceData = require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json');
const $ = (n: number): string => formatCurrency(n, 'USD', { locale: 'en-US', compact: true });

describe('whitespaceMatrix unmapped opportunities', () => {
  const matrix = buildMatrix(FIXTURE);

  it('lists the year unmapped opportunities with the reason in words', () => {
    const items = unmappedItems(matrix, FIXTURE, 2025, $, 'en-US');
    expect(items.map((i) => [i.name, i.reason])).toEqual(
      expect.arrayContaining([
        ['Digital twin for final assembly line', 'No buying center'],
        ['Commercial Aircraft - Strategy workshop', 'No offering']
      ])
    );
    expect(items.map((i) => i.name)).not.toContain('Group data platform assessment'); // FY2024
    const twin = items.find((i) => i.name === 'Digital twin for final assembly line')!;
    expect(twin.detail).toContain('Value Proposition');
    expect(twin.detail).toContain($(500000));
    expect(twin.lastModified).toBeTruthy();
    expect(unmappedItems(matrix, FIXTURE, 2024, $, 'en-US').map((i) => i.name)).toEqual([
      'Group data platform assessment'
    ]);
  });

  it('names every reason the core gives', () => {
    for (const reason of [
      'no-buying-center',
      'no-offering',
      'unknown-buying-center',
      'unknown-offering'
    ] as const)
      expect(UNMAPPED_REASONS[reason]).toMatch(/\w/);
  });

  it('summarises the count and the money, singular for one', () => {
    const year = buildViewModel(matrix, 2025, new Set()).year!;
    expect(unmappedText(1, year, $)).toBe(
      `1 unmapped opportunity: won ${$(year.unmapped.won)}, open ${$(year.unmapped.pipeline)}`
    );
    expect(unmappedText(2, year, $)).toMatch(/^2 unmapped opportunities: /);
    expect(unmappedText(2, null, $)).toBe('');
  });

  it('builds the unmapped bar: items, text, toggle label, shown after a mapping, N/A keys', () => {
    const args = {
      matrix,
      data: FIXTURE,
      fiscalYear: 2025,
      format: $,
      locale: 'en-US',
      showUnmapped: false,
      mappedOnce: false
    };
    const view = unmappedViewOf(args);
    expect(view.items).toEqual(unmappedItems(matrix, FIXTURE, 2025, $, 'en-US'));
    expect(view.text).toBe(
      unmappedText(
        view.items.length,
        matrix.years.find((y) => y.fiscalYear === 2025),
        $
      )
    );
    expect(view.toggleLabel).toBe('Review and map');
    expect(view.shown).toBe(true);
    expect(unmappedViewOf({ ...args, showUnmapped: true }).toggleLabel).toBe('Hide');
    // A year without unmapped deals hides the bar, unless a mapping was just made (its Undo stays).
    const none = unmappedViewOf({ ...args, fiscalYear: 2030 });
    expect(none).toMatchObject({ items: [], shown: false, text: '' });
    expect(unmappedViewOf({ ...args, fiscalYear: 2030, mappedOnce: true }).shown).toBe(true);
  });

  it("maps with the version shown, or the deal's own for Undo, and puts the mapped deal in place", () => {
    const o = FIXTURE.opportunities[0];
    expect(mappingVersion(FIXTURE, { opportunityId: o.id, lastModified: '2030-01-01T00:00:00.000Z' })).toBe(
      '2030-01-01T00:00:00.000Z'
    );
    expect(mappingVersion(FIXTURE, { opportunityId: o.id, lastModified: null })).toBe(o.lastModified);
    const mapped = { ...o, buyingCenterId: null, lastModified: '2031-01-01T00:00:00.000Z' };
    const next = withMapped(FIXTURE, mapped);
    expect(next.opportunities[0]).toBe(mapped);
    expect(next.opportunities.slice(1)).toEqual(FIXTURE.opportunities.slice(1));
    expect(FIXTURE.opportunities[0]).toBe(o);
  });
});
