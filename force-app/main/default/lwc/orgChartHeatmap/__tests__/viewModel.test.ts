import type { OrgChartData } from '@keyplan/contracts';
import {
  COLOUR_MODES,
  MAX_DOM_LINKS,
  MAX_DOM_NODES,
  OrgChartViewModel,
  linkStyle,
  textColourOn
} from '../viewModel';
import { countNullKeys, withoutNulls } from '../../../../../test/testUtils';

const FIXTURE = jest.requireActual<OrgChartData>(
  '../../../../../../test/fixtures/apex/OrgChartController.loadOrgChartPage.json'
);
const today = new Date('2026-11-23T00:00:00Z');
const idOf = (name: string): string => FIXTURE.contacts.find((c) => c.name === name)!.id;

describe('orgChartHeatmap view model', () => {
  it('styles links by strength, frequency and polarity, never by colour alone', () => {
    expect(linkStyle({ strength: 5, frequency: 'Weekly', polarity: 'Positive' })).toMatchObject({
      weight: 'bold',
      dash: null,
      negative: false
    });
    expect(linkStyle({ strength: 3, frequency: 'Monthly', polarity: 'Positive' })).toMatchObject({
      weight: 'thin',
      dash: null
    });
    expect(linkStyle({ strength: 4, frequency: 'Rarely', polarity: 'Positive' })).toMatchObject({
      weight: 'dotted',
      dash: '1.5 4'
    });
    expect(linkStyle({ strength: 4, frequency: 'Weekly', polarity: 'Negative' })).toMatchObject({
      weight: 'bold',
      dash: '8 4',
      negative: true
    });
    expect(linkStyle({ strength: 1, frequency: null, polarity: 'Negative' }).dash).toBe('8 3 1.5 3');
  });

  it('picks readable text colours', () => {
    expect(textColourOn('#f3f3f3')).toBe('#181818');
    expect(textColourOn('#032d60')).toBe('#ffffff');
    expect(textColourOn('not a colour')).toBe('#181818');
  });

  it('labels people for screen readers and navigates the drawn tree', () => {
    const vm = new OrgChartViewModel(FIXTURE, { today });
    expect(vm.ariaLabel(idOf('Ada Lovelace'))).toMatch(
      /^Ada Lovelace, Chief Information Officer, Champion, Economic Buyer, heat \d+ (cold|warm|hot|strong)$/
    );
    expect(vm.ariaLabel(idOf('Nora Klein'))).toMatch(
      /^Nora Klein, Financial Analyst, stance unknown, heat 0 cold$/
    );
    expect(vm.ariaLabel('nope')).toBe('');
    expect(vm.neighbour(idOf('Ada Lovelace'), 'up')).toBe(idOf('Margaret Hale'));
    expect(vm.neighbour(idOf('Margaret Hale'), 'up')).toBeNull();
    expect(vm.neighbour(idOf('Margaret Hale'), 'left')).toBeNull();
    expect(vm.neighbour(idOf('Grace Hopper'), 'down')).toBe(idOf('Kenji Sato'));
    expect(vm.neighbour(idOf('Alan Turing'), 'right')).toBe(idOf('Grace Hopper'));
    expect(vm.neighbour('nope', 'right')).toBeNull();
    expect(vm.firstVisibleId).toBe(idOf('Margaret Hale'));
  });

  it('draws a placeholder (a role not yet named) but never counts it as a contact', () => {
    const data: OrgChartData = JSON.parse(JSON.stringify(FIXTURE)) as OrgChartData;
    const ada = data.contacts.find((c) => c.name === 'Ada Lovelace')!;
    data.contacts.push({
      ...ada,
      id: '003000000000099AAA',
      name: 'CISO (unknown)',
      title: 'Chief Information Security Officer',
      reportsToId: ada.id,
      stance: null,
      decisionRole: null,
      buyerRole: null,
      placeholder: true
    });
    const vm = new OrgChartViewModel(data, { today });
    expect(vm.totalCount).toBe(FIXTURE.contacts.length);
    expect(vm.visibleCount).toBe(FIXTURE.contacts.length);
    expect(vm.isVisible('003000000000099AAA')).toBe(true);
    expect(vm.ariaLabel('003000000000099AAA')).toMatch(/^CISO \(unknown\), placeholder, not yet named, /);
  });

  it('starts collapsed below the initial depth and reveals a hidden person', () => {
    const vm = new OrgChartViewModel(FIXTURE, { today, initialDepth: 2 });
    expect(vm.visibleCount).toBe(6);
    expect(vm.isVisible(idOf('Elena Petrova'))).toBe(false);
    vm.setFocus(idOf('Victor Okafor'), 1);
    vm.setBuyingCenter(FIXTURE.buyingCenters.find((b) => b.name === 'Finance')!.id);
    expect(vm.reveal(idOf('Elena Petrova'))).toBe(true);
    expect(vm.isVisible(idOf('Elena Petrova'))).toBe(true);
    expect(vm.filter.buyingCenterId).toBeNull();
    expect(vm.focus).toBeNull();
    expect(vm.reveal('nope')).toBe(false);
  });

  it('caps what it draws when everyone is in view', () => {
    const big: OrgChartData = { ...FIXTURE, contacts: [...FIXTURE.contacts], links: [] };
    for (let i = 0; i < 1200; i++) {
      big.contacts.push({
        ...FIXTURE.contacts[0],
        id: `003CAP${String(i).padStart(9, '0')}AAA`,
        name: `P${i}`,
        reportsToId: idOf('Tom Baker')
      });
    }
    const vm = new OrgChartViewModel(big, { today });
    const { width, height } = vm.size;
    const all = vm.view({ x1: 0, y1: 0, x2: width, y2: height });
    expect(all.inView).toBe(1225);
    expect(all.capped).toBe(true);
    expect(all.nodes).toHaveLength(MAX_DOM_NODES);
  });

  it('draws one line for links that end on the same collapsed managers, the strongest standing for them', () => {
    const data: OrgChartData = { ...FIXTURE, contacts: [...FIXTURE.contacts], links: [] };
    const team = FIXTURE.contacts.filter((c) => c.reportsToId === idOf('Ada Lovelace')).map((c) => c.id);
    const victor = idOf('Victor Okafor');
    const base = FIXTURE.links.find((l) => l.fromContactId != null)!;
    // Everyone in Ada's team influences Victor: with her team collapsed, all end on Ada.
    team.forEach((from, i) =>
      data.links.push({
        ...base,
        id: `a0L00000000${String(i).padStart(4, '0')}AAA`,
        fromContactId: from,
        fromUserId: null,
        fromUserName: null,
        toContactId: victor,
        strength: i === 1 ? 5 : 2,
        frequency: i === 1 ? 'Weekly' : 'Rarely',
        polarity: 'Positive'
      })
    );
    expect(team.length).toBeGreaterThan(2);
    const vm = new OrgChartViewModel(data, { today });
    const rect = { x1: -1e6, y1: -1e6, x2: 1e6, y2: 1e6 };
    expect(vm.view(rect).links).toHaveLength(team.length);
    vm.toggleCollapse(idOf('Ada Lovelace'));
    const merged = vm.view(rect).links;
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ count: team.length, weight: 'bold', attached: true });
    expect(merged[0].linkId).toBe('a0L000000000001AAA');
    expect(MAX_DOM_LINKS).toBeLessThanOrEqual(MAX_DOM_NODES);
  });

  it('returns the same slice for the same rectangle until something changes', () => {
    const vm = new OrgChartViewModel(FIXTURE, { today });
    const rect = { x1: 0, y1: 0, x2: 900, y2: 600 };
    const first = vm.view(rect);
    expect(vm.view({ ...rect })).toBe(first);
    vm.setColourBy('heat');
    expect(vm.view(rect)).toBe(first);
    vm.setColourBy('stance');
    const recoloured = vm.view(rect);
    expect(recoloured).not.toBe(first);
    expect(recoloured.nodes.map((n) => n.id)).toEqual(first.nodes.map((n) => n.id));
    vm.toggleCollapse(idOf('Margaret Hale'));
    expect(vm.view(rect)).not.toBe(recoloured);
  });

  it('applies saves without a reload', () => {
    const vm = new OrgChartViewModel(FIXTURE, { today, colourBy: 'stance' });
    const victor = FIXTURE.contacts.find((c) => c.name === 'Victor Okafor')!;
    vm.replaceContact({ ...victor, stance: 'Champion' });
    expect(vm.legend.find((e) => e.key === 'Detractor')!.count).toBe(2);
    const link = FIXTURE.links[0];
    vm.upsertLink({ ...link, strength: 1 });
    expect(vm.person(link.toContactId)!.links.find((l) => l.id === link.id)!.link.strength).toBe(1);
    vm.removeLink(link.id);
    expect(vm.person(link.toContactId)!.links.some((l) => l.id === link.id)).toBe(false);
    expect(vm.person('nope')).toBeNull();
    expect(vm.contactOptions(idOf('Ada Lovelace'), 'hopper')).toEqual([
      { label: 'Grace Hopper (VP Infrastructure)', value: idOf('Grace Hopper') }
    ]);
    expect(vm.contactOptions(idOf('Ada Lovelace'), '', 3)).toHaveLength(3);
    expect(() => vm.setColourBy('rainbow' as never)).toThrow('Unknown colour mode');
  });

  it('treats a property Apex omitted exactly like an explicit null', () => {
    // Apex leaves null DTO properties out of the JSON (a team link has no fromContactId key at all).
    const sparseData = withoutNulls(FIXTURE);
    expect(countNullKeys(FIXTURE)).toBeGreaterThan(50);
    expect(sparseData.links.some((l) => !('fromContactId' in l))).toBe(true);
    const full = new OrgChartViewModel(FIXTURE, { today });
    const sparse = new OrgChartViewModel(sparseData, { today });
    // Compared with nulls dropped on both sides: the same meaning, whichever way a blank arrived.
    const same = (a: unknown, b: unknown): void => expect(withoutNulls(b)).toEqual(withoutNulls(a));
    full.expandAll();
    sparse.expandAll();
    const everything = { x1: -1e6, y1: -1e6, x2: 1e6, y2: 1e6 };
    for (const mode of COLOUR_MODES) {
      full.setColourBy(mode);
      sparse.setColourBy(mode);
      same(full.legend, sparse.legend);
      same(full.view(everything), sparse.view(everything));
    }
    same(full.issues, sparse.issues);
    same(full.repairs, sparse.repairs);
    for (const c of FIXTURE.contacts) {
      same(full.person(c.id), sparse.person(c.id));
      expect(sparse.ariaLabel(c.id)).toBe(full.ariaLabel(c.id));
    }
    expect(linkStyle({ strength: 5, frequency: undefined as never, polarity: 'Positive' })).toEqual(
      linkStyle({ strength: 5, frequency: null, polarity: 'Positive' })
    );
  });
});
