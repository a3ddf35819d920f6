import type { OrgChartData } from '@keyplan/contracts';
import { ORG_FIXTURE, contactId } from '../../../../../test/orgChartFixture';
import type { FilterDimension } from 'c/keyplanCore';
import { ChartState, type Member } from '../chartState';

const FIXTURE: OrgChartData = ORG_FIXTURE;
const idOf = contactId;

/** The state alone, filtering by decision role (the view model adds the colour keys). */
class State extends ChartState {
  constructor(data: OrgChartData) {
    super(data);
    this.rebuildForest();
    this.forest = this.filteredForest();
    this.relayout();
  }
  protected filterKey(_dimension: FilterDimension, m: Member): string {
    return this.byId.get(m.id)?.decisionRole ?? 'Unknown';
  }
  get totalCount(): number {
    return this.data.contacts.length;
  }
}

describe('orgChartHeatmap chart state', () => {
  it('lays out everyone, collapses and expands, and moves along the drawn tree', () => {
    const s = new State(FIXTURE);
    expect(s.layoutNodes).toHaveLength(FIXTURE.contacts.length);
    const ada = idOf('Ada Lovelace');
    s.toggleCollapse(ada);
    expect(s.isVisible(idOf('Grace Hopper'))).toBe(false);
    expect(s.nodeBox(ada)!.collapsed).toBe(true);
    expect(s.reveal(idOf('Elena Petrova'))).toBe(true);
    expect(s.isVisible(idOf('Elena Petrova'))).toBe(true);
    expect(s.neighbour(idOf('Grace Hopper'), 'up')).toBe(ada);
    s.expandAll();
    expect(s.layoutNodes).toHaveLength(FIXTURE.contacts.length);
    expect(s.firstVisibleId).toBe(idOf('Margaret Hale'));
  });

  it('a filter keeps its matches and the managers that connect them; focus narrows the layout', () => {
    const s = new State(FIXTURE);
    s.setFilter({ buyingCenterId: null, keys: { decisionRole: ['Decision Maker'] } });
    const makers = FIXTURE.contacts.filter((c) => c.decisionRole === 'Decision Maker').map((c) => c.id);
    for (const id of makers) expect(s.isVisible(id)).toBe(true);
    expect(s.layoutNodes.length).toBeLessThan(FIXTURE.contacts.length);
    expect(s.matchSummary).toContain(`${makers.length} of ${FIXTURE.contacts.length}`);
    const copy = new State(FIXTURE);
    copy.keepViewOf(s);
    expect(copy.layoutNodes.map((n) => n.id)).toEqual(s.layoutNodes.map((n) => n.id));
    const all = new State(FIXTURE);
    all.setFocus(idOf('Ada Lovelace'), 1);
    expect(all.isVisible(idOf('Grace Hopper'))).toBe(true);
    expect(all.isVisible(idOf('Linus Berg'))).toBe(false);
    expect(all.isVisible(idOf('Victor Okafor'))).toBe(false);
  });

  it('clearing a filter takes the layout of before again, unless the collapsed people or focus changed', () => {
    const s = new State(FIXTURE);
    const ada = idOf('Ada Lovelace');
    s.toggleCollapse(ada);
    const before = s.layoutNodes;
    const dm = { buyingCenterId: null, keys: { decisionRole: ['Decision Maker'] } };
    const none = { buyingCenterId: null, keys: {} };
    s.setFilter(dm);
    expect(s.layoutNodes).not.toBe(before);
    s.setFilter(none);
    // The same drawing as before the filter (Ada's reports collapsed again), not a new layout.
    expect(s.layoutNodes).toBe(before);
    expect(s.isVisible(idOf('Grace Hopper'))).toBe(false);
    // Revealing someone while filtered clears the filter and expands their managers: a new layout.
    s.setFilter(dm);
    s.reveal(idOf('Elena Petrova'));
    expect(s.filter.keys).toEqual({});
    expect(s.isVisible(idOf('Elena Petrova'))).toBe(true);
    expect(s.layoutNodes).not.toBe(before);
    // A focus set before the filter is part of the drawing too.
    s.setFocus(ada, 1);
    const focused = s.layoutNodes;
    s.setFilter(dm);
    s.setFilter(none);
    expect(s.layoutNodes).toBe(focused);
    s.setFocus(ada, 2);
    expect(s.layoutNodes).not.toBe(focused);
    expect(s.isVisible(idOf('Linus Berg'))).toBe(true);
  });
});
