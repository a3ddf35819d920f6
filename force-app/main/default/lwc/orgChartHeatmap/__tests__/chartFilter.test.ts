import type { OrgChartData } from '@keyplan/contracts';
import { NO_FILTER, withKeys } from 'c/keyplanCore';
import { OrgChartViewModel } from '../viewModel';

const FIXTURE = jest.requireActual<OrgChartData>(
  '../../../../../../test/fixtures/apex/OrgChartController.loadOrgChartPage.json'
);
const today = new Date('2026-11-23T00:00:00Z');
const idOf = (name: string): string => FIXTURE.contacts.find((c) => c.name === name)!.id;
const bcOf = (name: string): string => FIXTURE.buyingCenters.find((b) => b.name === name)!.id;
const drawnNames = (vm: OrgChartViewModel): string[] =>
  vm
    .view({ x1: -1e6, y1: -1e6, x2: 1e6, y2: 1e6 })
    .nodes.map((n) => n.name)
    .sort();

describe('org chart filters in the view model', () => {
  it('a buying center shows every member of it and of its sub-centers, expanded', () => {
    // Opens collapsed below level 2: the filter must still show everyone who matches.
    const vm = new OrgChartViewModel(FIXTURE, { today, initialDepth: 2 });
    vm.setBuyingCenter(bcOf('Finance'));
    // Finance (5) and its sub-center Procurement (2), under the CEO kept as context.
    expect(drawnNames(vm)).toEqual([
      'Carlos Mendes',
      'Hannah Schmidt',
      'Isabel Duarte',
      'Margaret Hale',
      'Mark Whitfield',
      'Nora Klein',
      'Victor Okafor'
    ]);
    expect(vm.matchSummary).toBe(`6 of ${FIXTURE.contacts.length} people match`);
    const ceo = vm
      .view({ x1: -1e6, y1: -1e6, x2: 1e6, y2: 1e6 })
      .nodes.find((n) => n.name === 'Margaret Hale')!;
    expect(ceo.context).toBe(true);
    expect(vm.ariaLabel(idOf('Margaret Hale'))).toMatch(/not a match, kept to connect the matches$/);
    expect(vm.nodeBox(idOf('Carlos Mendes'))!.collapsed).toBe(false);
    // Clearing the filter brings back the collapsed chart it started from.
    vm.setFilter(NO_FILTER);
    expect(vm.visibleCount).toBe(6);
    expect(vm.matchSummary).toBeNull();
  });

  it('filters by stance, buyer role, decision role and heat band, combined', () => {
    const vm = new OrgChartViewModel(FIXTURE, { today });
    vm.setFilter(withKeys(NO_FILTER, 'stance', ['Detractor']));
    const detractors = FIXTURE.contacts.filter((c) => c.stance === 'Detractor').length;
    expect(vm.matchSummary).toBe(`${detractors} of ${FIXTURE.contacts.length} people match`);
    expect(drawnNames(vm)).toEqual(
      expect.arrayContaining(['Jonas Lind', 'Radia Perlman', 'Victor Okafor', 'Margaret Hale'])
    );

    vm.setFilter(withKeys(vm.filter, 'buyerRole', ['Economic Buyer']));
    expect(vm.matchSummary).toBe(`1 of ${FIXTURE.contacts.length} people match`);

    vm.setFilter(withKeys(NO_FILTER, 'decisionRole', ['Decision Maker']));
    const makers = FIXTURE.contacts.filter((c) => c.decisionRole === 'Decision Maker').length;
    expect(vm.matchSummary).toBe(`${makers} of ${FIXTURE.contacts.length} people match`);

    vm.setFilter(withKeys(NO_FILTER, 'decisionRole', ['Unknown']));
    expect(drawnNames(vm)).toContain('Nora Klein');

    // Heat bands: the legend's keys in heat mode; every person is in exactly one band.
    let total = 0;
    for (const band of ['cold', 'warm', 'hot', 'strong']) {
      vm.setFilter(withKeys(NO_FILTER, 'heat', [band]));
      total += Number(/^(\d+)/.exec(vm.matchSummary ?? '')![1]);
    }
    expect(total).toBe(FIXTURE.contacts.length);
  });

  it('a person hidden by the filter is revealed by clearing it', () => {
    const vm = new OrgChartViewModel(FIXTURE, { today });
    vm.setFilter({ buyingCenterId: bcOf('Finance'), keys: { stance: ['Detractor'] } });
    expect(vm.isVisible(idOf('Ada Lovelace'))).toBe(false);
    vm.reveal(idOf('Ada Lovelace'));
    expect(vm.isVisible(idOf('Ada Lovelace'))).toBe(true);
    expect(vm.filter).toEqual(NO_FILTER);
  });

  it('a reload keeps the filter, and clearing it then still restores the chart as it opened', () => {
    const first = new OrgChartViewModel(FIXTURE, { today, initialDepth: 2 });
    first.setFilter(withKeys(NO_FILTER, 'stance', ['Detractor']));
    first.setFocus(idOf('Ada Lovelace'), 2);
    const reloaded = new OrgChartViewModel(FIXTURE, { today, initialDepth: 2 });
    reloaded.keepViewOf(first);
    expect(reloaded.matchSummary).toBe(first.matchSummary);
    expect(reloaded.focus).toEqual({ id: idOf('Ada Lovelace'), levels: 2 });
    expect(reloaded.visibleCount).toBe(first.visibleCount);
    reloaded.setFocus(null);
    reloaded.setFilter(NO_FILTER);
    expect(reloaded.visibleCount).toBe(6);
  });

  it('searches name, title, stance and roles', () => {
    const vm = new OrgChartViewModel(FIXTURE, { today });
    expect(vm.search('Detractor').length).toBe(
      FIXTURE.contacts.filter((c) => c.stance === 'Detractor').length
    );
    expect(vm.search('economic buyer')).toContain(idOf('Victor Okafor'));
    expect(vm.search('CFO')).toEqual([idOf('Victor Okafor')]);
    expect(vm.search('ciso')).toEqual([idOf('Radia Perlman')]);
  });
});
