import { buildMatrix, formatCurrency } from 'c/keyplanCore';
import type { WhitespaceData } from '@keyplan/contracts';
import { UNMAPPED_REASONS, unmappedItems, unmappedText } from '../unmapped';
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
});
