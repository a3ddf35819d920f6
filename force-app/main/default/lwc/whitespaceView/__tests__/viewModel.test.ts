import { buildMatrix, companyGroups, companyIdOf, formatCurrency } from 'c/keyplanCore';
import type { WhitespaceData } from '@keyplan/contracts';
import {
  buildViewModel,
  cellLabel,
  columnsInOrder,
  columnTotals,
  encodeDefaultFieldValues,
  memoFormatter,
  rowWindow,
  summaryOf,
  windowOf,
  ROW_HEIGHT
} from '../viewModel';
import { activationOf } from '../gridNav';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
const FIXTURE: WhitespaceData = require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json');
const $ = (n: number): string => formatCurrency(n, 'USD', { locale: 'en-US', compact: true });
const ctx = { format: $, activeRow: 0, activeCol: 1, previousYear: 2024 };

describe('whitespaceMatrix view model', () => {
  const matrix = buildMatrix(FIXTURE);

  it('sorts offering columns by total, potential, won or name; cells, headers and totals follow', () => {
    const year = matrix.years.find((y) => y.fiscalYear === 2025)!;
    const vmBy = (sortBy: Parameters<typeof buildViewModel>[4]) =>
      buildViewModel(matrix, 2025, new Set(), 'order', sortBy);
    const money = (k: number, pick: (t: (typeof year.columnTotals)[number]) => number): number =>
      pick(year.columnTotals[k]);
    expect(vmBy('order').columns).toEqual(matrix.columns.map((_, k) => k));
    for (const [sortBy, pick] of [
      ['total', (t) => t.won + t.pipeline],
      ['potential', (t) => t.potential + t.competitive],
      ['won', (t) => t.won]
    ] as const satisfies readonly [string, (t: (typeof year.columnTotals)[number]) => number][]) {
      const amounts = vmBy(sortBy).columns.map((k) => money(k, pick));
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    }
    // The fixture's columns are not already in total order, so the sort is seen to move them.
    expect(vmBy('total').columns).not.toEqual(vmBy('order').columns);
    const names = columnsInOrder(matrix, vmBy('name')).map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

    // The row's cells, the column totals and the keyboard position all use the display order.
    const vm = vmBy('total');
    const first = matrix.columns[vm.columns[0]];
    const row = rowWindow(matrix, vm, 0, 1, ctx)[0];
    expect(row.cells[0]).toMatchObject({ offeringId: first.id, col: 1, colIndex: 2, tabIndex: 0 });
    expect(columnTotals(matrix, vm, ctx)[0]).toMatchObject({ key: first.id, col: 1 });
    expect(row.cells.map((c) => c.offeringId)).toEqual(columnsInOrder(matrix, vm).map((c) => c.id));
    expect(activationOf(matrix, vm, 0, 1)).toEqual({
      open: { buyingCenterId: matrix.rows[vm.rows[0]].buyingCenter.id, offeringId: first.id }
    });
  });

  it('sorts sibling rows by money or name and keeps every sub-center under its parent', () => {
    const names = (sortBy: Parameters<typeof buildViewModel>[3], collapsed = new Set<string>()) =>
      buildViewModel(matrix, 2025, collapsed, sortBy).rows.map((r) => matrix.rows[r].buyingCenter.name);
    const year = matrix.years.find((y) => y.fiscalYear === 2025)!;
    const total = (name: string): number => {
      const t = year.rowTotals[matrix.rows.findIndex((r) => r.buyingCenter.name === name)].rolled;
      return t.won + t.pipeline;
    };
    const byTotal = names('total');
    expect(byTotal).toHaveLength(9);
    // Top level: largest won + open first.
    const top = byTotal.filter((n) => matrix.rows.find((r) => r.buyingCenter.name === n)!.depth === 0);
    expect(top.map(total)).toEqual([...top.map(total)].sort((a, b) => b - a));
    // Every sub-center follows its parent directly or after its siblings.
    for (const row of matrix.rows.filter((r) => r.parentId)) {
      const parent = matrix.rows.find((r) => r.buyingCenter.id === row.parentId)!.buyingCenter.name;
      const at = byTotal.indexOf(row.buyingCenter.name);
      expect(at).toBeGreaterThan(byTotal.indexOf(parent));
      expect(byTotal.slice(byTotal.indexOf(parent) + 1, at).every((n) => total(n) >= 0)).toBe(true);
    }
    expect(
      names('name').filter(
        (n) => !n.includes(' ') || ['Group IT', 'Defence and Space', 'Commercial Aircraft'].includes(n)
      )
    ).toEqual(['Commercial Aircraft', 'Defence and Space', 'Group IT', 'Helicopters']);
    expect(names('order')).toEqual(matrix.rows.map((r) => r.buyingCenter.name));
    // Collapsing still hides the sub-centers in any order.
    expect(names('won', new Set(['a0B5g0000001BC1AAA']))).not.toContain('Helicopters Europe');
  });

  it('hides the sub-centers of a collapsed buying center and keeps tree order', () => {
    const all = buildViewModel(matrix, 2025, new Set());
    expect(all.rows).toHaveLength(9);
    const vm = buildViewModel(matrix, 2025, new Set(['a0B5g0000001BC1AAA', 'a0B5g0000001BC7AAA']));
    expect(vm.rows.map((r) => matrix.rows[r].buyingCenter.name)).toEqual([
      'Helicopters',
      'Commercial Aircraft',
      'Commercial Aircraft Europe',
      'Commercial Aircraft Asia-Pacific',
      'Defence and Space',
      'Group IT'
    ]);
    expect(vm.positionOf[1]).toBe(-1);
    expect(buildViewModel(matrix, 1999, new Set()).year).toBeNull();
    expect(rowWindow(matrix, buildViewModel(matrix, 1999, new Set()), 0, 9, ctx)).toEqual([]);
    expect(columnTotals(matrix, buildViewModel(matrix, 1999, new Set()), ctx)).toEqual([]);
  });

  it('computes the row window with overscan, clamped to the rows', () => {
    expect(windowOf(0, 560, 300)).toEqual({ start: 0, end: 15 });
    const w = windowOf(ROW_HEIGHT * 100, 560, 300);
    expect(w.start).toBe(94);
    expect(w.end).toBe(115);
    expect(windowOf(ROW_HEIGHT * 400, 560, 300).end).toBe(300);
    expect(windowOf(0, 560, 0)).toEqual({ start: 0, end: 0 });
  });

  it('renders only the cells of the window, with one roving tab stop', () => {
    const vm = buildViewModel(matrix, 2025, new Set());
    const rows = rowWindow(matrix, vm, 2, 4, { ...ctx, activeRow: 3, activeCol: 2 });
    expect(rows.map((r) => r.name)).toEqual(['Helicopters Americas', 'Commercial Aircraft']);
    expect(rows[0].ariaRowIndex).toBe(4);
    const stops = rows
      .flatMap((r) => [r.headerTabIndex, ...r.cells.map((c) => c.tabIndex), r.total.tabIndex])
      .filter((t) => t === 0);
    expect(stops).toHaveLength(1);
    expect(rows[1].cells[1].tabIndex).toBe(0);
  });

  it('labels a cell with its meaning and money', () => {
    expect(
      cellLabel(
        'Helicopters Europe',
        'IoT Platform',
        'whitespace',
        null,
        { won: 0, pipeline: 0, potential: 1.2e6, competitive: 0 },
        null,
        $
      )
    ).toBe('Helicopters Europe x IoT Platform: whitespace, potential $1.2M, no open pipeline');
    expect(
      cellLabel(
        'A',
        'B',
        'competitor',
        'Skyline Consulting',
        { won: 0, pipeline: 0, potential: 0, competitive: 0 },
        'lost',
        $
      )
    ).toBe('A x B: competitor incumbent Skyline Consulting, no open pipeline, lost');
  });

  it('summarises the year against the plan without adding money itself', () => {
    const vm = buildViewModel(matrix, 2025, new Set());
    const year = vm.year!;
    const items = summaryOf(year, $);
    expect(items.find((i) => i.key === 'won')!.value).toBe($(year.grandTotal.won));
    expect(items.find((i) => i.key === 'won')!.percent).toBe(
      `${Math.round((year.grandTotal.won / 16e6) * 100)}%`
    );
    expect(items.find((i) => i.key === 'pipeline')!.hasGoal).toBe(false);
    // Mining grows existing business; farming wins new business (DOMAIN.md).
    expect(items.find((i) => i.key === 'mining')!.label).toBe('Mining (grow existing business)');
    expect(items.find((i) => i.key === 'farming')!.label).toBe('Farming (new business)');
    expect(items.find((i) => i.key === 'unmapped')!.value).toBe(
      $(year.unmapped.won + year.unmapped.pipeline)
    );
    const noPlan = summaryOf(
      buildViewModel(buildMatrix({ ...FIXTURE, plan: null }), 2025, new Set()).year!,
      $
    );
    expect(noPlan.every((i) => !i.hasGoal && i.percent === '')).toBe(true);
  });

  it('memoises the formatter and stays bounded', () => {
    const fn = jest.fn((v: number) => String(v));
    const f = memoFormatter(fn, 2);
    f(1);
    f(1);
    expect(fn).toHaveBeenCalledTimes(1);
    f(2);
    f(3);
    f(1);
    expect(fn).toHaveBeenCalledTimes(4);
  });

  it('encodes default field values like lightning/pageReferenceUtils', () => {
    expect(
      encodeDefaultFieldValues({
        AccountId: '001A',
        Name: 'Rotor, phase 2 & more',
        Amount: 5,
        Skip: null,
        Blank: ''
      })
    ).toBe('AccountId=001A,Name=Rotor%2C%20phase%202%20%26%20more,Amount=5');
  });
});

describe('whitespace rows grouped by company (group plans)', () => {
  const ACC = FIXTURE.accountId;
  const HELI = '0015g00000HELI01AA';
  const SVC = '0015g00000SVCS01AA';
  const companyOf: Record<string, { accountId?: string | null; subsidiaryId?: string | null }> = {
    Helicopters: { accountId: ACC, subsidiaryId: HELI },
    'Helicopters Europe': { accountId: HELI },
    'Helicopters Americas': { accountId: ACC, subsidiaryId: HELI },
    'Commercial Aircraft': { accountId: ACC },
    'Commercial Aircraft Europe': { accountId: ACC },
    'Commercial Aircraft Asia-Pacific': { accountId: ACC },
    'Defence and Space': { accountId: ACC },
    'Space Systems': { accountId: ACC, subsidiaryId: SVC },
    'Group IT': {}
  };
  const matrix = buildMatrix({
    ...FIXTURE,
    buyingCenters: FIXTURE.buyingCenters.map((bc) => ({ ...bc, ...companyOf[bc.name] }))
  });
  const companies = [
    { id: ACC, name: 'Aerovance Group' },
    { id: HELI, name: 'Aerovance Helicopters' },
    { id: SVC, name: 'Aerovance Services' }
  ];
  const year = matrix.years.find((y) => y.fiscalYear === 2025)!;
  const groups = companyGroups(matrix, year, companies);
  /** Row names, a company header as `# name`. */
  const names = (vm: ReturnType<typeof buildViewModel>): string[] =>
    vm.rows.map((r) => (r < 0 ? `# ${vm.groups![-1 - r].name}` : matrix.rows[r].buyingCenter.name));
  const bcNames = (vm: ReturnType<typeof buildViewModel>): string[] =>
    names(vm).filter((n) => !n.startsWith('# '));

  it('the company of a buying center is the subsidiary it names, else its account', () => {
    expect(companyIdOf({ accountId: ACC, subsidiaryId: HELI })).toBe(HELI);
    expect(companyIdOf({ accountId: ACC, subsidiaryId: null })).toBe(ACC);
    expect(companyIdOf({})).toBeNull();
  });

  it('groups whole trees by their root’s company, account first, centers of no company last', () => {
    const vm = buildViewModel(matrix, 2025, new Set(), 'order', 'order', groups);
    expect(names(vm)).toEqual([
      '# Aerovance Group',
      'Commercial Aircraft',
      'Commercial Aircraft Europe',
      'Commercial Aircraft Asia-Pacific',
      'Defence and Space',
      'Space Systems',
      '# Aerovance Helicopters',
      'Helicopters',
      'Helicopters Europe',
      'Helicopters Americas',
      '# No company',
      'Group IT'
    ]);
    // Each row names its own company (a sub-center of another company says so).
    const rows = rowWindow(matrix, vm, 0, vm.rows.length, ctx).filter((r) => !r.isGroup);
    expect(rows.map((r) => r.company)).toEqual([
      'Aerovance Group',
      'Aerovance Group',
      'Aerovance Group',
      'Aerovance Group',
      'Aerovance Services',
      'Aerovance Helicopters',
      'Aerovance Helicopters',
      'Aerovance Helicopters',
      ''
    ]);
    rows.forEach((r) =>
      expect(vm.positionOf[matrix.rows.findIndex((m) => m.buyingCenter.id === r.buyingCenterId)]).toBe(
        r.position
      )
    );
  });

  it('heads each company with its subtotals from the core, collapsible by keyboard', () => {
    const vm = buildViewModel(matrix, 2025, new Set(), 'order', 'order', groups);
    const window = rowWindow(matrix, vm, 0, vm.rows.length, { ...ctx, activeRow: 0, activeCol: 0 });
    const head = window[0];
    const group = groups.groups[0];
    expect(head).toMatchObject({
      isGroup: true,
      name: 'Aerovance Group',
      ariaExpanded: 'true',
      headerTabIndex: 0,
      className: 'row row_group'
    });
    expect(head.groupNote).toMatch(/^Subtotal( · \$[\d.]+[KM]? unmapped)? · 5 buying centers$/);
    // Every subtotal cell shows the core's figure for its column (display order).
    head.subtotals.forEach((c, j) => {
      const m = group.cells[vm.columns[j]];
      expect(c.wonText).toBe($(m.won));
      expect(c.ariaLabel).toContain(
        `Aerovance Group subtotal, ${matrix.columns[vm.columns[j]].name}: won ${$(m.won)}`
      );
    });
    expect(head.total.text).toBe(`${$(group.total.won)} won`);
    // Enter on the header toggles the company; on its subtotal cells it does nothing.
    expect(activationOf(matrix, vm, 0, 0)).toEqual({ toggle: `company:${group.key}` });
    expect(activationOf(matrix, vm, 0, 1)).toBeNull();
    const folded = buildViewModel(matrix, 2025, new Set([`company:${group.key}`]), 'order', 'order', groups);
    expect(names(folded)).toEqual([
      '# Aerovance Group',
      '# Aerovance Helicopters',
      'Helicopters',
      'Helicopters Europe',
      'Helicopters Americas',
      '# No company',
      'Group IT'
    ]);
    const foldedHead = rowWindow(matrix, folded, 0, 1, ctx)[0];
    expect(foldedHead).toMatchObject({ ariaExpanded: 'false', toggleLabel: 'Expand Aerovance Group' });
    expect(foldedHead.expandText).toContain('collapsed');
  });

  it('a company with only unmapped deals gets a header without a toggle', () => {
    // One unmapped deal of the services company (its only buying center sits in the group's tree).
    const opportunities = FIXTURE.opportunities.map((o) => {
      if (o.buyingCenterId !== null) return o;
      return { ...o, accountId: SVC };
    });
    expect(opportunities.some((o) => o.accountId === SVC)).toBe(true);
    const m = buildMatrix({
      ...FIXTURE,
      opportunities,
      buyingCenters: FIXTURE.buyingCenters.map((bc) => ({ ...bc, ...companyOf[bc.name] }))
    });
    const y = m.years.find((yr) => yr.fiscalYear === 2025)!;
    const g = companyGroups(m, y, companies);
    const vm = buildViewModel(m, 2025, new Set(), 'order', 'order', g);
    const p = vm.rows.findIndex((r) => r < 0 && vm.groups![-1 - r].key === SVC);
    expect(y.unmappedByAccount[SVC].won + y.unmappedByAccount[SVC].pipeline).toBeGreaterThan(0);
    expect(p).toBeGreaterThan(0);
    const head = rowWindow(m, vm, p, p + 1, ctx)[0];
    expect(head).toMatchObject({ isGroup: true, hasChildren: false, ariaExpanded: null });
    expect(head.groupNote).toMatch(/^Subtotal · \$[\d.]+[KM]? unmapped · no buying centers$/);
    expect(activationOf(m, vm, p, 0)).toBeNull();
  });

  it('keeps the row sort inside each company and collapsing inside a group', () => {
    const byName = buildViewModel(matrix, 2025, new Set(), 'name', 'order', groups);
    expect(bcNames(byName).slice(0, 5)).toEqual([
      'Commercial Aircraft',
      'Commercial Aircraft Asia-Pacific',
      'Commercial Aircraft Europe',
      'Defence and Space',
      'Space Systems'
    ]);
    const heli = FIXTURE.buyingCenters.find((b) => b.name === 'Helicopters')!.id;
    const folded = buildViewModel(matrix, 2025, new Set([heli]), 'order', 'order', groups);
    expect(bcNames(folded).slice(-2)).toEqual(['Helicopters', 'Group IT']);
  });

  it('without grouping the rows keep the tree order and name no company', () => {
    const vm = buildViewModel(matrix, 2025, new Set(), 'order', 'order');
    expect(names(vm)[0]).toBe('Helicopters');
    expect(rowWindow(matrix, vm, 0, vm.rows.length, ctx).every((r) => r.company === '')).toBe(true);
  });
});
