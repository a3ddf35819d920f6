import { openLevelsToFit, type Openable } from '../openView';

/** A fake chart: each open level adds `grow` pixels of width; levels 1..max can open. */
function chart(levelsOpen: number, max: number, grow = 500): Openable & { levels: () => number } {
  const collapsed = new Set<string>();
  for (let l = levelsOpen; l < max; l++) collapsed.add(`level${l}`);
  const open = (): number => max - collapsed.size;
  return {
    collapsed,
    focus: null,
    get size() {
      return { width: open() * grow, height: open() * 100 };
    },
    // Only the first still-collapsed level is drawn (deeper ones sit under it).
    isVisible: (id) => id === `level${open()}`,
    applyCollapsed: () => undefined,
    levels: open
  };
}

describe('the opening view', () => {
  it('opens levels while the chart fits and closes the one that does not', () => {
    const c = chart(1, 6);
    expect(openLevelsToFit(c, { width: 1600, height: 1000 })).toBe(2);
    expect(c.levels()).toBe(3);
    expect(c.collapsed.has('level3')).toBe(true);
  });

  it('keeps what is open when even that does not fit, and opens nothing in focus mode', () => {
    const c = chart(3, 6);
    expect(openLevelsToFit(c, { width: 1000, height: 1000 })).toBe(0);
    expect(c.levels()).toBe(3);
    const focused = { ...chart(1, 6), focus: { id: 'x' } };
    expect(openLevelsToFit(focused, { width: 1e9, height: 1e9 })).toBe(0);
  });

  it('opens everything when everything fits', () => {
    const c = chart(1, 4);
    expect(openLevelsToFit(c, { width: 1e9, height: 1e9 })).toBe(3);
    expect(c.collapsed.size).toBe(0);
  });
});
