import { breakParentLoops } from '../parentLoops';

describe('breakParentLoops', () => {
  it("breaks each loop at its lowest id, keeps chains that end, and says what the node's parent was", () => {
    const parentOf = new Map<string, string | null>([
      ['a', null],
      ['b', 'a'],
      ['d', 'c'],
      ['c', 'e'],
      ['e', 'd'],
      ['x', 'x2'],
      ['x2', 'x']
    ]);
    expect(breakParentLoops(['b', 'd', 'x2', 'a', 'c', 'e', 'x'], parentOf)).toEqual([
      { id: 'c', parent: 'e', length: 3 },
      { id: 'x', parent: 'x2', length: 2 }
    ]);
    expect([...parentOf]).toEqual([
      ['a', null],
      ['b', 'a'],
      ['d', 'c'],
      ['c', null],
      ['e', 'd'],
      ['x', null],
      ['x2', 'x']
    ]);
  });

  it('leaves a forest without loops as it is', () => {
    const parentOf = new Map<string, string | null>([
      ['r', null],
      ['s', 'r'],
      ['t', 's']
    ]);
    expect(breakParentLoops(parentOf.keys(), parentOf)).toEqual([]);
    expect(parentOf.get('t')).toBe('s');
  });
});
