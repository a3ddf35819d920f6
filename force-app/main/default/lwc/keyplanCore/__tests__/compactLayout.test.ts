import fc from 'fast-check';
import {
  buildOrgForest,
  layoutOrgChart,
  placeLinks,
  visibleIds,
  type LaidOutNode,
  type OrgMember
} from 'c/keyplanCore';

const c = (id: string, reportsToId: string | null = null): OrgMember => ({ id, reportsToId, name: id });

type Box = Pick<LaidOutNode, 'x1' | 'y1' | 'x2' | 'y2'>;
const overlaps = (a: Box, b: Box): boolean =>
  a.x1 < b.x2 - 1e-6 && b.x1 < a.x2 - 1e-6 && a.y1 < b.y2 - 1e-6 && b.y1 < a.y2 - 1e-6;

/** Pairs of drawn boxes that overlap (sweep along x). */
function overlapping(nodes: readonly LaidOutNode[]): [string, string][] {
  const sorted = [...nodes].sort((a, b) => a.x1 - b.x1);
  const out: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].x1 < sorted[i].x2; j++) {
      if (overlaps(sorted[i], sorted[j])) out.push([sorted[i].id, sorted[j].id]);
    }
  }
  return out;
}

/** Geometry every compact layout keeps: no overlaps, managers above their reports, stacks in columns. */
function checkGeometry(l: ReturnType<typeof layoutOrgChart>): void {
  expect(overlapping(l.nodes)).toEqual([]);
  for (const e of l.edges) {
    const m = l.nodeById.get(e.fromId)!;
    const r = l.nodeById.get(e.toId)!;
    expect(r.y1).toBeGreaterThan(m.y2);
    expect(e.y1).toBe(m.y2);
    if (e.viaX !== undefined) {
      // Into a stacked card: the column's line runs left of the card and below the manager.
      expect(e.viaX).toBeLessThan(r.x1);
      expect(e.viaY!).toBeGreaterThanOrEqual(m.y2);
      expect(e.viaY!).toBeLessThan(r.y1);
      expect(e.x2).toBe(r.x1);
    }
  }
  expect(Math.min(...l.nodes.map((n) => n.x1))).toBeCloseTo(0, 6);
  expect(l.width).toBeCloseTo(Math.max(...l.nodes.map((n) => n.x2)), 6);
  expect(l.height).toBeCloseTo(Math.max(...l.nodes.map((n) => n.y2)), 6);
}

describe('compact layout', () => {
  it('the overlap check finds overlapping boxes', () => {
    const box = (id: string, x1: number, y1: number): LaidOutNode =>
      ({ id, x1, y1, x2: x1 + 10, y2: y1 + 10 }) as LaidOutNode;
    expect(overlapping([box('a', 0, 0), box('b', 5, 5), box('c', 15, 0)])).toEqual([['a', 'b']]);
  });

  const team = (boss: string, n: number): OrgMember[] =>
    Array.from({ length: n }, (_, i) => c(`${boss}-${i}`, boss));
  const forest = buildOrgForest([
    c('ceo'),
    c('cfo', 'ceo'),
    c('cto', 'ceo'),
    c('assistant', 'ceo'),
    ...team('cfo', 4),
    ...team('cto', 14),
    c('lead', 'cto'),
    ...team('lead', 3)
  ]);

  it('stacks people without reports in a column under their manager', () => {
    const l = layoutOrgChart(forest, { compact: true });
    checkGeometry(l);
    const cfo = l.nodeById.get('cfo')!;
    const members = [0, 1, 2, 3].map((i) => l.nodeById.get(`cfo-${i}`)!);
    // One column: same left edge, one below the other, all below the CFO.
    expect(new Set(members.map((m) => m.x1)).size).toBe(1);
    for (let i = 1; i < members.length; i++) expect(members[i].y1).toBeGreaterThanOrEqual(members[i - 1].y2);
    expect(members[0].y1).toBeGreaterThan(cfo.y2);
    expect(members.every((m) => m.depth === cfo.depth + 1 && m.parentId === 'cfo')).toBe(true);
    // The manager sits over their column.
    expect((cfo.x1 + cfo.x2) / 2).toBeGreaterThan(members[0].x1 - 20);
    expect((cfo.x1 + cfo.x2) / 2).toBeLessThan(members[0].x2);
  });

  it('splits a big team into columns of at most maxStack and keeps managers in the tree', () => {
    const l = layoutOrgChart(forest, { compact: true, maxStack: 10 });
    checkGeometry(l);
    const xs = new Set(Array.from({ length: 14 }, (_, i) => l.nodeById.get(`cto-${i}`)!.x1));
    expect(xs.size).toBe(2);
    // The CTO leads 14 people: too many for one column, so the CTO stays on the tree's level.
    expect(l.nodeById.get('cto')!.y1).toBe(56 + 48);
    expect(l.edges.find((e) => e.toId === 'cto')!.viaX).toBeUndefined();
  });

  it('stacks a small team as a block: its manager in the column, the team indented below them', () => {
    const l = layoutOrgChart(forest, { compact: true, maxStack: 10 });
    const lead = l.nodeById.get('lead')!;
    const members = [0, 1, 2].map((i) => l.nodeById.get(`lead-${i}`)!);
    expect(l.edges.find((e) => e.toId === 'lead')!.viaX).toBeDefined();
    for (const [k, m] of members.entries()) {
      expect(m.x1).toBe(lead.x1 + 14);
      expect(m.y1).toBeGreaterThan(k === 0 ? lead.y2 : members[k - 1].y2);
      const e = l.edges.find((x) => x.toId === m.id)!;
      // The team's line leaves the manager's card bottom left of the indent and runs into each card.
      expect([e.x1, e.y1, e.viaY]).toEqual([e.viaX, lead.y2, lead.y2]);
      expect(e.viaX!).toBeGreaterThan(lead.x1);
      expect(e.viaX!).toBeLessThan(m.x1);
    }
    // Without room for the whole team in one column, the manager stays on the tree's level.
    const tight = layoutOrgChart(forest, { compact: true, maxStack: 3 });
    checkGeometry(tight);
    expect(tight.edges.find((e) => e.toId === 'lead')!.viaX).toBeUndefined();
  });

  it('is narrower than the tidy tree and keeps collapse, focus and link anchors working', () => {
    const tidy = layoutOrgChart(forest);
    const compact = layoutOrgChart(forest, { compact: true });
    expect(compact.width).toBeLessThan(tidy.width / 2);
    const collapsed = layoutOrgChart(forest, { compact: true, collapsed: new Set(['cto']) });
    checkGeometry(collapsed);
    expect(collapsed.nodeById.get('cto')).toMatchObject({ collapsed: true, hiddenDescendants: 18 });
    expect(collapsed.anchorOf.get('lead-2')).toBe('cto');
    expect(collapsed.anchorOf.get('nobody')).toBeUndefined();
    expect(compact.anchorOf.get('lead-2')).toBe('lead-2');
    expect(compact.anchorOf.get('nobody')).toBeUndefined();
    // A collapsed manager is not stacked (their toggle needs the room below).
    expect(collapsed.edges.find((e) => e.toId === 'cto')!.viaX).toBeUndefined();
    const focused = layoutOrgChart(forest, { compact: true, focus: { id: 'cto', levels: 1 } });
    checkGeometry(focused);
    expect(focused.nodeById.has('cfo')).toBe(false);
    expect(focused.nodeById.get('lead')!.hiddenDescendants).toBe(3);
    const { placed } = placeLinks(compact, [{ fromContactId: 'cfo-1', toContactId: 'lead-2' }]);
    const from = compact.nodeById.get('cfo-1')!;
    expect([placed[0].x1, placed[0].y1]).toEqual([(from.x1 + from.x2) / 2, (from.y1 + from.y2) / 2]);
  });

  it('stacks people without a manager or reports in columns beside the trees', () => {
    const f = buildOrgForest([
      c('boss'),
      c('a', 'boss'),
      ...Array.from({ length: 12 }, (_, i) => c(`loose${i}`))
    ]);
    const l = layoutOrgChart(f, { compact: true });
    checkGeometry(l);
    const loose = Array.from({ length: 12 }, (_, i) => l.nodeById.get(`loose${i}`)!);
    expect(new Set(loose.map((n) => n.x1)).size).toBe(2);
    expect(Math.min(...loose.map((n) => n.y1))).toBe(0);
    expect(l.edges.some((e) => e.toId.startsWith('loose'))).toBe(false);
  });

  it('handles a chain 5,000 deep without recursion', () => {
    const chain = buildOrgForest(Array.from({ length: 5000 }, (_, i) => c(`n${i}`, i ? `n${i - 1}` : null)));
    const l = layoutOrgChart(chain, { compact: true });
    expect(l.nodes).toHaveLength(5000);
    expect(l.nodeById.get('n4999')!.depth).toBe(4999);
  });

  it('property: no two boxes overlap and managers stay above their reports, with any sizes and damage', () => {
    expect.hasAssertions();
    const messy = fc.integer({ min: 1, max: 120 }).chain((n) =>
      fc
        .array(fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: n - 1 }), fc.constant(n + 5)), {
          minLength: n,
          maxLength: n
        })
        .map((parents) => parents.map((p, i) => c(`c${i}`, p === -1 ? null : `c${p}`)))
    );
    fc.assert(
      fc.property(
        messy,
        fc.array(fc.integer({ min: 0, max: 119 }), { maxLength: 5 }),
        fc.integer({ min: 20, max: 300 }),
        fc.integer({ min: 1, max: 12 }),
        (contacts, collapsedIdx, maxWidth, maxStack) => {
          const f = buildOrgForest(contacts);
          const l = layoutOrgChart(f, {
            compact: true,
            maxStack,
            collapsed: new Set(collapsedIdx.map((i) => `c${i}`)),
            nodeSize: (x) => {
              const i = Number(x.id.slice(1));
              return { width: 20 + ((i * 37) % maxWidth), height: 30 + ((i * 11) % 40) };
            },
            siblingGap: 4,
            cousinGap: 8
          });
          checkGeometry(l);
        }
      ),
      { numRuns: 150 }
    );
  });

  it('property: draws exactly the visible people (collapse and focus) and anchors hidden ones to their nearest drawn manager', () => {
    expect.hasAssertions();
    const forestArb = fc.integer({ min: 1, max: 80 }).chain((n) =>
      fc
        .array(fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: n - 1 })), {
          minLength: n,
          maxLength: n
        })
        .map((parents) => parents.map((p, i) => c(`c${i}`, p === -1 || p >= i ? null : `c${p}`)))
    );
    fc.assert(
      fc.property(
        forestArb,
        fc.array(fc.integer({ min: 0, max: 79 }), { maxLength: 6 }),
        fc.option(fc.record({ at: fc.integer({ min: 0, max: 79 }), levels: fc.integer({ min: 0, max: 4 }) })),
        (contacts, collapsedIdx, focusAt) => {
          const f = buildOrgForest(contacts);
          const options = {
            collapsed: new Set(collapsedIdx.map((i) => `c${i}`)),
            focus: focusAt ? { id: `c${focusAt.at}`, levels: focusAt.levels } : null
          };
          const l = layoutOrgChart(f, { ...options, compact: true });
          const visible = visibleIds(f, options);
          expect(l.nodes.map((n) => n.id).sort()).toEqual([...visible].sort());
          const drawn = new Set(visible);
          for (const id of [...f.order, 'nobody']) {
            let cur: string | null = f.byId.has(id) ? id : null;
            while (cur !== null && !drawn.has(cur)) cur = f.parentOf.get(cur) ?? null;
            expect(l.anchorOf.get(id)).toBe(f.byId.has(id) ? cur : undefined);
            expect(l.nodeById.has(id)).toBe(drawn.has(id));
          }
          checkGeometry(l);
        }
      ),
      { numRuns: 150 }
    );
  });
});
