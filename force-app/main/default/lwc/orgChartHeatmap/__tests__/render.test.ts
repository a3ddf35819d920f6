import { BLANK, cardTitle, renderLinks, renderNodes, searchResultItem, statusText } from '../render';
import type { LinkView, NodeView } from '../viewModel';

const node = (id: string, over: Partial<NodeView> = {}): NodeView => ({
  id,
  name: `Person ${id}`,
  title: '',
  buyingCenterName: '',
  stance: 'Champion',
  buyerRole: '',
  colour: '#ffffff',
  textColour: '#181818',
  colourLabel: '',
  heat: 42,
  heatBand: 'warm',
  teamLinks: 0,
  x: 10,
  y: 20,
  width: 100,
  height: 50,
  depth: 0,
  childCount: 0,
  hiddenDescendants: 0,
  collapsed: false,
  context: false,
  placeholder: false,
  ariaLabel: id,
  ...over
});

describe('orgChartHeatmap render decoration', () => {
  it('draws a placeholder card differently in words, not by colour alone, and marks a move in progress', () => {
    const out = renderNodes([node('a', { placeholder: true }), node('b'), node('c')], {
      selectedId: null,
      hits: [],
      hitIndex: -1,
      activeId: null,
      movingId: 'b',
      dropId: 'c'
    });
    expect(out[0].className.split(' ')).toContain('is-placeholder');
    expect(out[0].heatText).toBe('placeholder');
    expect(out[1].heatText).toBe('Heat 42');
    expect(out[1].className.split(' ')).toEqual(['node', 'is-moving']);
    expect(out[2].className.split(' ')).toEqual(['node', 'is-drop-target']);
  });

  it('leads the second line with the company on a group chart, and leaves it out otherwise', () => {
    const out = renderNodes(
      [
        node('a', { title: 'CTO', companyName: 'Aerovance Helicopters GmbH' }),
        node('b', { companyName: 'Aerovance Services SAS' }),
        node('c', { title: 'CFO' })
      ],
      { selectedId: null, hits: [], hitIndex: 0, activeId: null }
    );
    expect(out.map((n) => n.title)).toEqual([
      'Aerovance Helicopters GmbH · CTO',
      'Aerovance Services SAS',
      'CFO'
    ]);
  });

  it('marks the selected, matched and current people and keeps one tabbable node', () => {
    const nodes = [node('a'), node('b', { context: true }), node('c')];
    const out = renderNodes(nodes, { selectedId: 'a', hits: ['b', 'c'], hitIndex: 1, activeId: 'c' });
    expect(out.map((n) => n.className)).toEqual([
      'node is-selected',
      'node is-hit is-context',
      'node is-hit is-current'
    ]);
    expect(out.map((n) => n.tabindex)).toEqual(['-1', '-1', '0']);
    // An active person not drawn: the first drawn one is tabbable.
    const fallback = renderNodes(nodes, { selectedId: null, hits: [], hitIndex: -1, activeId: 'zzz' });
    expect(fallback.map((n) => n.tabindex)).toEqual(['0', '-1', '-1']);
  });

  it('shows a long title shortened with its division kept, and the whole title for hover and focus', () => {
    const [n] = renderNodes([node('a', { title: 'Procurement Manager, Helicopters Americas', width: 164 })], {
      selectedId: null,
      hits: [],
      hitIndex: -1,
      activeId: null
    });
    expect(n.title).toMatch(/^Procur\. Mgr, .*… Americas$/);
    expect(n.title.length).toBeLessThan('Procurement Manager, Helicopters Americas'.length);
    expect(n.fullTitle).toBe('Procurement Manager, Helicopters Americas');
    expect(cardTitle('VP Operations', 164)).toEqual({ text: 'VP Operations', full: null });
    // A wider card keeps more of the title.
    expect(cardTitle('VP Operations, Helicopters Europe', 220).full).toBeNull();
    expect(cardTitle('VP Operations, Helicopters Europe', 164).full).toBe(
      'VP Operations, Helicopters Europe'
    );
  });

  it('never binds empty texts and labels the collapse toggle', () => {
    const [n] = renderNodes([node('a', { childCount: 3, collapsed: true, hiddenDescendants: 7 })], {
      selectedId: null,
      hits: [],
      hitIndex: -1,
      activeId: null
    });
    expect(n.title).toBe(BLANK);
    expect(n.buyerRole).toBe(BLANK);
    expect(n.ariaExpanded).toBe('false');
    expect(n.toggleText).toBe('+7');
    expect(n.toggleLabel).toBe('Expand the reports of Person a');
    expect(n.heatText).toBe('Heat 42');
    expect(n.stanceClass).toBe('stance stance-champion');
    expect(
      renderNodes([node('b')], { selectedId: null, hits: [], hitIndex: -1, activeId: null })[0].ariaExpanded
    ).toBeNull();
  });

  it('classes links by weight and polarity and counts merged links in the tooltip', () => {
    const link = (over: Partial<LinkView>): LinkView => ({
      key: 'l-1',
      linkId: '1',
      d: 'M0 0',
      arrow: '',
      weight: 'thin',
      negative: false,
      width: 1.5,
      colour: '#000',
      dash: null,
      attached: false,
      count: 1,
      ...over
    });
    const [a, b] = renderLinks([link({}), link({ weight: 'bold', negative: true, count: 3 })]);
    expect([a.className, a.arrowClass, a.title]).toEqual([
      'link link-thin link-positive',
      'arrow arrow-positive',
      'Link'
    ]);
    expect([b.className, b.arrowClass, b.title]).toEqual([
      'link link-bold link-negative',
      'arrow arrow-negative',
      '3 links'
    ]);
  });

  it('describes a search result and summarises the DOM cap', () => {
    expect(
      searchResultItem(
        {
          id: 'c1',
          name: 'Ana',
          title: 'CFO',
          stance: null,
          buyerRole: 'Economic Buyer',
          decisionRole: null
        },
        'Finance'
      )
    ).toEqual({ id: 'c1', name: 'Ana', detail: 'CFO · Stance unknown · Economic Buyer · Finance' });
    expect(statusText({ visible: 10, total: 25 }, { drawn: 10, inView: 10, capped: false })).toBe(
      '10 of 25 people in the chart'
    );
    expect(statusText({ visible: 900, total: 900 }, { drawn: 500, inView: 700, capped: true })).toBe(
      '900 of 900 people in the chart; 500 of 700 in view are drawn, zoom in to see the rest'
    );
  });
});
