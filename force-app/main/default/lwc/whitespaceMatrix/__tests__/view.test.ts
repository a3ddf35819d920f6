import { buildMatrix, currentFiscalYear, figureOptions } from 'c/keyplanCore';
import type { WhitespaceData } from '@keyplan/contracts';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
import { accessOf, companyOptions, isGroupPlan, matrixOf, toggled, viewOf, type ViewChoices } from '../view';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
const FIXTURE: WhitespaceData = require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json');

const ACC = FIXTURE.accountId;
const HELI = '0015g00000HELI01AA';
/** The fixture as a group plan: Helicopters (and its tree) belongs to a subsidiary. */
const GROUP: WhitespaceData = {
  ...FIXTURE,
  accounts: [
    { id: ACC, name: 'Aerovance Group' },
    { id: HELI, name: 'Aerovance Helicopters' }
  ],
  buyingCenters: FIXTURE.buyingCenters.map((bc) => ({
    ...bc,
    accountId: ACC,
    subsidiaryId: bc.name === 'Helicopters' ? HELI : null
  }))
};
const CHOICES: ViewChoices = {
  fiscalYear: 2025,
  collapsed: new Set(),
  rowSort: 'order',
  columnSort: 'order',
  groupByCompany: false
};
const info = (fields: Record<string, { createable?: boolean; updateable?: boolean }>): ObjectInfo => ({
  apiName: 'X',
  fields: Object.fromEntries(
    Object.entries(fields).map(([name, f]) => [
      name,
      { apiName: name, label: name, dataType: 'String', createable: true, updateable: true, ...f }
    ])
  )
});

describe('whitespaceMatrix view', () => {
  it("builds the matrix with the org's fiscal year and weighting, and names the org's current year", () => {
    const aprilOrg: WhitespaceData = { ...FIXTURE, fiscalYearStartMonth: 4, fiscalYearNamedByStart: true };
    const { matrix, currentYear } = matrixOf(aprilOrg, false);
    expect(currentYear).toBe(currentFiscalYear(figureOptions(aprilOrg).fiscalYear));
    expect(matrix.rows).toHaveLength(FIXTURE.buyingCenters.length);
    const weighted = matrixOf(FIXTURE, true).matrix;
    expect(weighted).toEqual(buildMatrix(FIXTURE, { ...figureOptions(FIXTURE), weighted: true }));
    expect(weighted).not.toEqual(buildMatrix(FIXTURE, { ...figureOptions(FIXTURE), weighted: false }));
  });

  it('offers the companies of a group plan only', () => {
    expect(isGroupPlan(FIXTURE)).toBe(false);
    expect(isGroupPlan(undefined)).toBe(false);
    expect(companyOptions(FIXTURE)).toEqual([]);
    expect(isGroupPlan(GROUP)).toBe(true);
    expect(companyOptions(GROUP)).toEqual([
      { label: 'Aerovance Group', value: ACC },
      { label: 'Aerovance Helicopters', value: HELI }
    ]);
  });

  it('groups rows by company when asked on a group plan, never on a single account', () => {
    const names = (data: WhitespaceData, groupByCompany: boolean): string[] => {
      const matrix = buildMatrix(data);
      const vm = viewOf(matrix, data, { ...CHOICES, groupByCompany });
      return vm.rows.map((r) => (r < 0 ? `# ${vm.groups![-1 - r].name}` : matrix.rows[r].buyingCenter.name));
    };
    expect(names(FIXTURE, false)[0]).toBe('Helicopters');
    // The account's own centers first under its header, then the subsidiary's tree under its own.
    expect(names(GROUP, true).slice(0, 2)).toEqual(['# Aerovance Group', 'Commercial Aircraft']);
    expect(names(GROUP, true)).toContain('# Aerovance Helicopters');
    expect(names(GROUP, true)).toContain('Helicopters');
    expect(names(GROUP, false)).toEqual(names(FIXTURE, false));
    expect(names(FIXTURE, true)).toEqual(names(FIXTURE, false));
  });

  it('collapses and expands a row again, as a new set, and the view hides its children', () => {
    const heli = FIXTURE.buyingCenters.find((b) => b.name === 'Helicopters')!.id;
    const before = new Set<string>();
    const folded = toggled(before, heli);
    expect(folded).not.toBe(before);
    expect(before.size).toBe(0);
    expect([...folded]).toEqual([heli]);
    expect(toggled(folded, heli).size).toBe(0);
    const matrix = buildMatrix(FIXTURE);
    const open = viewOf(matrix, FIXTURE, CHOICES).rows.length;
    expect(viewOf(matrix, FIXTURE, { ...CHOICES, collapsed: folded }).rows.length).toBeLessThan(open);
  });

  it('allows what the field access allows, and leaves the unknown to the server', () => {
    expect(accessOf({})).toEqual({ addBuyingCenter: true, map: true, editCells: true });
    expect(
      accessOf({
        buyingCenter: info({ Name: { createable: false } }),
        opportunity: info({ Keyplan_Buying_Center__c: {}, Keyplan_Offering__c: { updateable: false } }),
        cell: info({ State__c: {}, Competitor__c: {}, Potential__c: {}, Notes__c: {} })
      })
    ).toEqual({ addBuyingCenter: false, map: false, editCells: true });
  });
});
