import fc from 'fast-check';
import {
  ancestorsOf,
  buildOrgForest,
  buildViewportIndex,
  stakeholderInput,
  layoutOrgChart,
  placeLinks,
  searchIndex,
  searchPeople,
  visibleIds,
  type OrgMember
} from 'c/keyplanCore';

const c = (id: string, reportsToId: string | null = null, name = id): OrgMember => ({
  id,
  reportsToId,
  name
});

/** A random forest with random damage: loops, self-managers, managers outside the account. */
const messyContacts = fc.integer({ min: 1, max: 120 }).chain((n) =>
  fc
    .array(fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: n - 1 }), fc.constant(n + 5)), {
      minLength: n,
      maxLength: n
    })
    .map((parents) => parents.map((p, i) => c(`c${i}`, p === -1 ? null : `c${p}`)))
);

describe('buildOrgForest', () => {
  it('builds the reporting tree in name order', () => {
    const f = buildOrgForest([c('b', 'a', 'Zed'), c('a'), c('d', 'a', 'Amy'), c('e', 'd')]);
    expect(f.roots).toEqual(['a']);
    expect(f.childrenOf.get('a')).toEqual(['d', 'b']);
    expect(f.order).toEqual(['a', 'd', 'e', 'b']);
    expect(f.depthOf.get('e')).toBe(2);
    expect(f.descendantCount.get('a')).toBe(3);
    expect(f.repairs).toEqual([]);
    expect(ancestorsOf(f, 'e')).toEqual(['a', 'd']);
  });

  it('repairs self-managers, outside managers, loops and duplicate ids, and says so', () => {
    const f = buildOrgForest([
      c('a', 'a'),
      c('b', 'zz'),
      c('x', 'y'),
      c('y', 'z'),
      c('z', 'x'),
      c('b', null)
    ]);
    expect(f.repairs.map((r) => [r.contactId, r.problem])).toEqual([
      ['b', 'duplicate-id'],
      ['a', 'self-manager'],
      ['b', 'manager-outside-account'],
      ['x', 'cycle']
    ]);
    expect(f.repairs.find((r) => r.problem === 'cycle')?.message).toMatch(/loop of 3 people/);
    expect(f.repairs.filter((r) => r.problem === 'manager-outside-account').map((r) => r.contactId)).toEqual([
      'b'
    ]);
    expect(f.roots.sort()).toEqual(['a', 'b', 'x']);
    expect(f.order).toHaveLength(5);
  });

  it('breaks a loop at the same contact whatever the input order', () => {
    const one = buildOrgForest([c('q', 'p'), c('p', 'r'), c('r', 'q')]);
    const two = buildOrgForest([c('r', 'q'), c('q', 'p'), c('p', 'r')]);
    expect(one.roots).toEqual(['p']);
    expect(two.roots).toEqual(['p']);
  });

  it('handles a 20,000-deep chain without recursion', () => {
    const chain = Array.from({ length: 20000 }, (_, i) => c(`n${i}`, i ? `n${i - 1}` : `n19999`));
    const f = buildOrgForest(chain);
    expect(f.order).toHaveLength(20000);
    expect(f.repairs).toHaveLength(1);
    const layout = layoutOrgChart(f);
    expect(layout.nodes).toHaveLength(20000);
  });

  it('property: every contact appears exactly once, whatever the damage', () => {
    fc.assert(
      fc.property(messyContacts, (contacts) => {
        const f = buildOrgForest(contacts);
        expect(f.order).toHaveLength(contacts.length);
        expect(new Set(f.order).size).toBe(contacts.length);
        const withParent = f.order.filter(
          (id) => f.parentOf.get(id) !== null && f.parentOf.get(id) !== undefined
        );
        for (const id of withParent) {
          expect(f.depthOf.get(id)).toBe((f.depthOf.get(f.parentOf.get(id)!) as number) + 1);
        }
      })
    );
  });

  it('property: the position index says the same as the id maps', () => {
    fc.assert(
      fc.property(messyContacts, (contacts) => {
        const f = buildOrgForest(contacts);
        const idAt = (i: number): string | null => (i < 0 ? null : f.order[i]);
        expect([...f.indexOf.keys()]).toEqual(f.order);
        f.order.forEach((id, i) => {
          expect(f.indexOf.get(id)).toBe(i);
          expect(idAt(f.parentAt[i])).toBe(f.parentOf.get(id));
          const kids = Array.from(f.kidList.subarray(f.kidStart[i], f.kidStart[i + 1]), idAt);
          expect(kids).toEqual(f.childrenOf.get(id) ?? []);
        });
        expect(f.kidStart[f.order.length]).toBe(f.kidList.length);
        expect(Array.from(f.rootAt, idAt)).toEqual(f.roots);
      })
    );
  });

  it('searches names, titles and departments ignoring case and accents', () => {
    const f = buildOrgForest([
      { id: 'a', name: 'Zoë Müller', title: 'CFO', department: 'Finance' },
      { id: 'b', name: 'Ben', title: 'Head of IT', department: null, reportsToId: 'a' }
    ]);
    const index = searchIndex(f.order.map((id) => f.byId.get(id)!));
    expect(searchPeople(index, 'zoe mu')).toEqual(['a']);
    expect(searchPeople(index, 'it')).toEqual(['b']);
    expect(searchPeople(index, '  ')).toEqual([]);
  });
});

function overlaps(a: { x1: number; y1: number; x2: number; y2: number }, b: typeof a): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

describe('layoutOrgChart', () => {
  const forest = buildOrgForest([
    c('ceo'),
    c('cfo', 'ceo'),
    c('cto', 'ceo'),
    c('dev1', 'cto'),
    c('dev2', 'cto'),
    c('acct', 'cfo'),
    c('other')
  ]);

  it('places levels top-down and centres a manager over their reports', () => {
    const l = layoutOrgChart(forest);
    const n = (id: string) => l.nodeById.get(id)!;
    expect(n('ceo').y1).toBe(0);
    expect(n('cto').y1).toBe(56 + 48);
    expect((n('cto').x1 + n('cto').x2) / 2).toBeCloseTo((n('dev1').x1 + n('dev2').x2) / 2);
    expect(Math.min(...l.nodes.map((x) => x.x1))).toBe(0);
    expect(l.edges.map((e) => `${e.fromId}>${e.toId}`).sort()).toEqual([
      'ceo>cfo',
      'ceo>cto',
      'cfo>acct',
      'cto>dev1',
      'cto>dev2'
    ]);
    expect(l.width).toBe(Math.max(...l.nodes.map((x) => x.x2)));
  });

  it('hides collapsed subtrees and counts what is hidden', () => {
    const l = layoutOrgChart(forest, { collapsed: new Set(['cto']) });
    expect(l.nodeById.has('dev1')).toBe(false);
    expect(l.nodeById.get('cto')).toMatchObject({ collapsed: true, hiddenDescendants: 2, childCount: 2 });
    expect(l.anchorOf.get('dev1')).toBe('cto');
  });

  it('focuses on a person plus N levels with their management chain', () => {
    expect(visibleIds(forest, { focus: { id: 'cto', levels: 0 } })).toEqual(['ceo', 'cto']);
    expect(visibleIds(forest, { focus: { id: 'cto', levels: 1 } })).toEqual(['ceo', 'cto', 'dev1', 'dev2']);
    expect(visibleIds(forest, { focus: { id: 'nobody', levels: 1 } })).toHaveLength(7);
    const l = layoutOrgChart(forest, { focus: { id: 'cto', levels: 1 } });
    expect(l.nodeById.get('ceo')?.hiddenDescendants).toBe(2);
  });

  it('attaches links to hidden people to their nearest visible manager, or reports them hidden', () => {
    const l = layoutOrgChart(forest, { collapsed: new Set(['cto']) });
    const links = [
      { id: 'l1', fromContactId: 'acct', toContactId: 'dev1' },
      { id: 'l2', fromContactId: 'dev1', toContactId: 'dev2' },
      { id: 'l3', fromContactId: null, toContactId: 'cfo' },
      { id: 'l4', fromContactId: 'ghost', toContactId: 'cfo' },
      { id: 'l5', fromContactId: 'cfo', toContactId: 'other' },
      // A team link as Apex sends it: the null fromContactId is left out, like l3's.
      { id: 'l6', toContactId: 'cfo' } as { id: string; fromContactId: string | null; toContactId: string }
    ];
    const { placed, hidden } = placeLinks(l, links);
    expect(placed.map((p) => [p.link.id, p.fromNodeId, p.toNodeId, p.attached])).toEqual([
      ['l1', 'acct', 'cto', true],
      ['l5', 'cfo', 'other', false]
    ]);
    expect(hidden.map((h) => [h.link.id, h.reason])).toEqual([
      ['l2', 'same-node'],
      ['l4', 'unknown-contact']
    ]);
    const p = placed[1];
    const cfo = l.nodeById.get('cfo')!;
    expect([p.x1, p.y1]).toEqual([(cfo.x1 + cfo.x2) / 2, (cfo.y1 + cfo.y2) / 2]);
    expect(placeLinks(l, links, 'hide').hidden.map((h) => h.reason)).toEqual([
      'end-not-visible',
      'end-not-visible',
      'unknown-contact'
    ]);
    // In focus mode the accountant is off-chart: the link attaches to the CEO at the top of the chain.
    const focused = layoutOrgChart(forest, { focus: { id: 'cto', levels: 1 } });
    expect(placeLinks(focused, [links[0]]).placed.map((q) => [q.fromNodeId, q.toNodeId])).toEqual([
      ['ceo', 'dev1']
    ]);
  });

  it('answers viewport queries with exactly the nodes and lines inside', () => {
    const big = buildOrgForest(
      Array.from({ length: 400 }, (_, i) => c(`n${i}`, i ? `n${Math.floor((i - 1) / 4)}` : null))
    );
    const l = layoutOrgChart(big);
    const links = placeLinks(
      l,
      Array.from({ length: 300 }, (_, i) => ({
        fromContactId: `n${(i * 7) % 400}`,
        toContactId: `n${(i * 13 + 1) % 400}`
      }))
    ).placed;
    const index = buildViewportIndex(l, links, 256);
    const rect = { x1: l.width / 3, y1: 50, x2: l.width / 3 + 900, y2: 400 };
    const got = index.query(rect);
    const expected = l.nodes.filter(
      (n) => n.x2 >= rect.x1 && n.x1 <= rect.x2 && n.y2 >= rect.y1 && n.y1 <= rect.y2
    );
    expect(got.nodes.map((n) => n.id).sort()).toEqual(expected.map((n) => n.id).sort());
    expect(got.nodes.length).toBeGreaterThan(0);
    expect(got.nodes.length).toBeLessThan(l.nodes.length);
    // Every returned line really crosses the rectangle; a line fully inside is always returned.
    const inside = (x: number, y: number) => x >= rect.x1 && x <= rect.x2 && y >= rect.y1 && y <= rect.y2;
    for (const e of l.edges.filter((x) => inside(x.x1, x.y1) && inside(x.x2, x.y2)))
      expect(got.edges).toContain(e);
    for (const p of links.filter((x) => inside(x.x1, x.y1))) expect(got.links).toContain(p);
    for (const p of got.links)
      expect(Math.max(p.x1, p.x2) >= rect.x1 && Math.min(p.x1, p.x2) <= rect.x2).toBe(true);
    expect(index.query({ x1: -500, y1: -500, x2: -100, y2: -100 })).toEqual({
      nodes: [],
      edges: [],
      links: []
    });
  });

  it('property: no two visible nodes overlap, with any sizes, collapses and damage', () => {
    fc.assert(
      fc.property(
        messyContacts,
        fc.array(fc.integer({ min: 0, max: 119 }), { maxLength: 5 }),
        fc.integer({ min: 20, max: 300 }),
        fc.option(
          fc.record({ at: fc.integer({ min: 0, max: 119 }), levels: fc.integer({ min: 0, max: 4 }) }),
          { nil: null }
        ),
        (contacts, collapsedIdx, maxWidth, focus) => {
          const f = buildOrgForest(contacts);
          const sizes = new Map(
            contacts.map((x, i) => [
              x.id,
              { width: 20 + ((i * 37) % maxWidth), height: 30 + ((i * 11) % 40) }
            ])
          );
          const l = layoutOrgChart(f, {
            collapsed: new Set(collapsedIdx.map((i) => `c${i}`)),
            nodeSize: (x) => sizes.get(x.id)!,
            siblingGap: 4,
            cousinGap: 8,
            focus: focus && focus.at < contacts.length ? { id: `c${focus.at}`, levels: focus.levels } : null
          });
          const byRow = new Map<number, typeof l.nodes>();
          for (const n of l.nodes) byRow.set(n.y1, [...(byRow.get(n.y1) ?? []), n]);
          for (const n of l.nodes) expect(n.x2 - n.x1).toBeCloseTo(sizes.get(n.id)!.width, 6);
          // Rows never overlap vertically (level height > tallest box), so check within rows.
          for (const row of byRow.values()) {
            row.sort((a, b) => a.x1 - b.x1);
            for (let i = 1; i < row.length; i++)
              expect(overlaps(row[i - 1], row[i]) || row[i].x1 < row[i - 1].x2 - 1e-6).toBe(false);
          }
          const rows = [...byRow.keys()].sort((a, b) => a - b);
          for (let i = 1; i < rows.length; i++) {
            const bottom = Math.max(...byRow.get(rows[i - 1])!.map((n) => n.y2));
            expect(bottom).toBeLessThanOrEqual(rows[i]);
          }
        }
      ),
      { numRuns: 150 }
    );
  });
});

describe('stakeholderInput', () => {
  it('carries every stakeholder field: the current values, the changes on top, null for a missing one', () => {
    const hale = {
      id: '003000000000001AAA',
      name: 'Margaret Hale',
      reportsToId: null,
      stance: 'Supporter',
      buyerRole: 'Economic Buyer',
      lastModified: '2026-01-10T09:10:00.000Z'
    } as unknown as Parameters<typeof stakeholderInput>[0];
    expect(stakeholderInput(hale, { reportsToId: '003000000000002AAA', stance: 'Neutral' })).toEqual({
      id: '003000000000001AAA',
      lastModified: '2026-01-10T09:10:00.000Z',
      stance: 'Neutral',
      decisionRole: null,
      buyerRole: 'Economic Buyer',
      responseMode: null,
      influenceLevel: null,
      buyingCenterId: null,
      budgetOwned: null,
      reportsToId: '003000000000002AAA'
    });
  });
});
