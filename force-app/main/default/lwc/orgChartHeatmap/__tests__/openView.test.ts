import { openToFit, type Openable } from '../openView';

/**
 * A fake chart: a base size plus, per open manager, the width and height their team adds. A manager's
 * box is drawn (at `y`) once their own manager (`under`) is open.
 */
function chart(
  teams: Record<string, { w: number; h: number; y: number; under?: string }>,
  base = { width: 1000, height: 200 }
): Openable & { layouts: number; applied: number } {
  const fake = {
    collapsed: new Set(Object.keys(teams)),
    focus: null as unknown,
    layouts: 0,
    applied: 0,
    layoutWith(collapsed: ReadonlySet<string>) {
      fake.layouts++;
      const open = Object.keys(teams).filter((id) => !collapsed.has(id));
      const drawn = Object.keys(teams).filter(
        (id) => !teams[id].under || !collapsed.has(teams[id].under as string)
      );
      return {
        width: base.width + open.reduce((s, id) => s + teams[id].w, 0),
        height: base.height + open.reduce((s, id) => s + teams[id].h, 0),
        nodeById: new Map(drawn.map((id) => [id, { x1: 0, y1: teams[id].y }])) as never
      };
    },
    applyCollapsed() {
      fake.applied++;
    }
  };
  return fake;
}

describe('the opening view', () => {
  it('opens stacked teams (height only) until the room is full, top level first, and lays out once', () => {
    const vm = chart({
      a: { w: 0, h: 300, y: 100 },
      b: { w: 0, h: 300, y: 100 },
      c: { w: 0, h: 300, y: 200 }
    });
    expect(openToFit(vm, { width: 1200, height: 850 })).toBe(2);
    expect([...vm.collapsed]).toEqual(['c']);
    expect(vm.applied).toBe(1);
  });

  it('opens a team that widens the chart only within the room, and then what it reveals', () => {
    const vm = chart({
      wide: { w: 500, h: 100, y: 100 },
      wider: { w: 5000, h: 100, y: 100 },
      inside: { w: 0, h: 100, y: 300, under: 'wide' }
    });
    expect(openToFit(vm, { width: 1600, height: 1000 })).toBe(2);
    expect([...vm.collapsed]).toEqual(['wider']);
  });

  it('never makes a chart already wider than the room any wider', () => {
    const vm = chart({ a: { w: 10, h: 0, y: 0 }, b: { w: 0, h: 50, y: 0 } }, { width: 3000, height: 100 });
    expect(openToFit(vm, { width: 2000, height: 1000 })).toBe(1);
    expect([...vm.collapsed]).toEqual(['a']);
  });

  it('opens nothing in focus mode, changes nothing when nothing fits, and stops after the tries allowed', () => {
    const focused = { ...chart({ a: { w: 0, h: 0, y: 0 } }), focus: { id: 'x' } };
    expect(openToFit(focused, { width: 1e9, height: 1e9 })).toBe(0);
    const tall = chart({ a: { w: 0, h: 5000, y: 0 } });
    expect(openToFit(tall, { width: 1e9, height: 1000 })).toBe(0);
    expect(tall.applied).toBe(0);
    const many = chart(
      Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`m${i}`, { w: 0, h: 1, y: i }]))
    );
    expect(openToFit(many, { width: 1e9, height: 1e9 }, 3)).toBe(3);
    expect(many.layouts).toBe(4);
  });
});
