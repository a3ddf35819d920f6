import type { OrgChartData } from '@keyplan/contracts';
import { NO_FILTER, withKeys } from 'c/keyplanCore';
import { OrgChartViewModel } from '../viewModel';

const FIXTURE = jest.requireActual<OrgChartData>(
  '../../../../../../test/fixtures/apex/OrgChartController.loadOrgChartPage.json'
);
const today = new Date('2026-11-23T00:00:00Z');
const SUB = '001000000000SUBAAA';

/** The fixture's chart as a group: its first manager's team works for a subsidiary. */
function groupData(): OrgChartData {
  const contacts = FIXTURE.contacts.map((c, i) => ({ ...c, accountId: i % 2 ? SUB : FIXTURE.accountId }));
  return {
    ...FIXTURE,
    contacts,
    accounts: [
      { id: FIXTURE.accountId, name: FIXTURE.accountName, parentId: null },
      { id: SUB, name: 'Subsidiary GmbH', parentId: FIXTURE.accountId }
    ]
  };
}

describe('orgChartHeatmap across a group', () => {
  it('names each person’s company on a group chart, on the card and for screen readers', () => {
    const data = groupData();
    const vm = new OrgChartViewModel(data, { today });
    const sub = data.contacts.find((c) => c.accountId === SUB)!;
    const own = data.contacts.find((c) => c.accountId === FIXTURE.accountId)!;
    expect(vm.ariaLabel(sub.id)).toContain('Subsidiary GmbH');
    expect(vm.ariaLabel(own.id)).toContain(FIXTURE.accountName);
    const slice = vm.view({ x1: -1e6, y1: -1e6, x2: 1e6, y2: 1e6 });
    const node = slice.nodes.find((n) => n.id === sub.id);
    expect(node?.companyName).toBe('Subsidiary GmbH');
  });

  it('leaves the company out when the chart holds one account', () => {
    const data = groupData();
    const vm = new OrgChartViewModel({ ...data, accounts: [data.accounts![0]] }, { today });
    const sub = data.contacts.find((c) => c.accountId === SUB)!;
    expect(vm.ariaLabel(sub.id)).not.toContain('Subsidiary GmbH');
    const slice = vm.view({ x1: -1e6, y1: -1e6, x2: 1e6, y2: 1e6 });
    expect(slice.nodes.every((n) => !n.companyName)).toBe(true);
  });

  it('filters by company: the subsidiary’s people match, their managers from the parent stay as context', () => {
    const data = groupData();
    const vm = new OrgChartViewModel(data, { today });
    expect(vm.companies).toEqual([
      { label: FIXTURE.accountName, value: FIXTURE.accountId },
      { label: 'Subsidiary GmbH', value: SUB }
    ]);
    vm.setFilter(withKeys(NO_FILTER, 'company', [SUB]));
    const subIds = data.contacts.filter((c) => c.accountId === SUB).map((c) => c.id);
    expect(vm.matchSummary).toBe(`${subIds.length} of ${data.contacts.length} people match`);
    const slice = vm.view({ x1: -1e6, y1: -1e6, x2: 1e6, y2: 1e6 });
    expect(slice.nodes.filter((n) => !n.context).map((n) => n.id)).toEqual(expect.arrayContaining(subIds));
    expect(slice.nodes.filter((n) => !n.context).length).toBe(subIds.length);
    expect(slice.nodes.some((n) => n.context)).toBe(true);
    vm.setFilter(NO_FILTER);
    expect(vm.matchSummary).toBeNull();
  });

  it('offers no companies on a single-account chart', () => {
    const data = groupData();
    expect(new OrgChartViewModel({ ...data, accounts: [data.accounts![0]] }, { today }).companies).toEqual(
      []
    );
  });
});
