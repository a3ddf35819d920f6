/**
 * Golden layouts: the coordinates of every box, reporting line and anchor on generated forests, as the
 * layout drew them before its speed work. A faster layout must draw exactly the same picture.
 * Regenerate (only for an intended change of the picture): KEYPLAN_WRITE_GOLDEN=1 npx jest layoutGolden
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildOrgForest, layoutOrgChart, type LayoutOptions, type OrgMember } from 'c/keyplanCore';

const GOLDEN = join(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'golden', 'layout.json');

/** Deterministic forest: `deep` makes long chains (span ~1), otherwise wide teams; a few broken managers. */
function forestOf(n: number, seed: number, deep: boolean): OrgMember[] {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const out: OrgMember[] = [];
  for (let i = 0; i < n; i++) {
    let reportsToId: string | null = null;
    const r = rnd();
    if (i > 0 && r > 0.03) {
      const m = deep
        ? Math.max(0, i - 1 - Math.floor(rnd() * 3))
        : Math.floor(rnd() * Math.min(i, 1 + i / 6));
      reportsToId = `c${m}`;
    } else if (r < 0.01) reportsToId = 'outside';
    out.push({ id: `c${i}`, name: `Person ${Math.floor(rnd() * 50)}`, reportsToId });
  }
  return out;
}

const size = (c: OrgMember): { width: number; height: number } => {
  const k = Number(c.id.slice(1));
  return { width: 120 + (k % 5) * 20, height: 40 + (k % 3) * 12 };
};

function scenarios(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, contacts] of [
    ['wide', forestOf(400, 7, false)],
    ['deep', forestOf(300, 11, true)]
  ] as const) {
    const forest = buildOrgForest(contacts);
    const collapsed = new Set(forest.order.filter((_, i) => i % 9 === 4));
    const focusId = forest.order[Math.floor(forest.order.length / 3)];
    const options: Record<string, LayoutOptions<OrgMember>> = {
      compact: { compact: true },
      compactSized: { compact: true, nodeSize: size, stackGap: 8, maxStack: 4, stackIndent: 10 },
      compactCollapsed: { compact: true, collapsed },
      compactFocus: { compact: true, focus: { id: focusId, levels: 3 }, nodeSize: size },
      tidy: {},
      tidySizedCollapsed: { nodeSize: size, collapsed, siblingGap: 10, cousinGap: 40, levelGap: 30 },
      tidyFocus: { focus: { id: focusId, levels: 2 } }
    };
    for (const [opt, o] of Object.entries(options)) {
      const l = layoutOrgChart(forest, o);
      out[`${name}.${opt}`] = {
        width: l.width,
        height: l.height,
        nodes: l.nodes.map((n) => [
          n.id,
          n.parentId,
          n.depth,
          n.x1,
          n.y1,
          n.x2,
          n.y2,
          n.childCount,
          n.hiddenDescendants,
          n.collapsed
        ]),
        byId: l.nodes.every((n) => l.nodeById.get(n.id) === n) && !l.nodeById.has('nobody'),
        edges: l.edges.map((e) => [e.fromId, e.toId, e.x1, e.y1, e.x2, e.y2, e.viaX ?? null, e.viaY ?? null]),
        anchors: [...forest.order, 'nobody'].map((id) => l.anchorOf.get(id) ?? String(l.anchorOf.get(id)))
      };
    }
  }
  return out;
}

describe('layout golden pictures', () => {
  it('draws the same boxes, lines and anchors as before', () => {
    const now = JSON.parse(JSON.stringify(scenarios())) as Record<string, unknown>;
    if (process.env.KEYPLAN_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, JSON.stringify(now));
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(now)).toEqual(Object.keys(golden));
    for (const key of Object.keys(golden)) expect([key, now[key]]).toEqual([key, golden[key]]);
  });
});
