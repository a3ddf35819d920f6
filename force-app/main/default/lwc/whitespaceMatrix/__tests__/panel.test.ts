import { buildMatrix, formatCurrency } from 'c/keyplanCore';
import type { LandscapeCellDto, WhitespaceData } from '@keyplan/contracts';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
import {
  cellDetailOf,
  cellInputOf,
  landscapeCellOf,
  newOpportunityPage,
  opportunityPage,
  updateable,
  withSavedCell
} from '../panel';
import { buildViewModel } from 'c/whitespaceView';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
const FIXTURE: WhitespaceData = require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json');
const $ = (n: number): string => formatCurrency(n, 'USD', { locale: 'en-US', compact: true });
const BC2 = 'a0B5g0000001BC2AAA';
const OF1 = 'a0C5g0000001OF1AAA';
const info = (fields: Record<string, { updateable?: boolean; createable?: boolean }>): ObjectInfo =>
  ({ fields }) as unknown as ObjectInfo;

describe('whitespaceMatrix cell panel', () => {
  const matrix = buildMatrix(FIXTURE);
  const vm = buildViewModel(matrix, 2025, new Set());
  const base = { matrix, vm, data: FIXTURE, fiscalYear: 2025, format: $, locale: 'en-US' };

  it('finds the stored assessment of a cell in the year only', () => {
    expect(landscapeCellOf(FIXTURE, { buyingCenterId: BC2, offeringId: OF1 }, 2025)!.id).toBe(
      'a0D5g0000001LC01AA'
    );
    expect(landscapeCellOf(FIXTURE, { buyingCenterId: BC2, offeringId: OF1 }, 2024)!.id).toBe(
      'a0D5g0000001LC09AA'
    );
    expect(landscapeCellOf(FIXTURE, { buyingCenterId: BC2, offeringId: OF1 }, 2030)).toBeUndefined();
    expect(landscapeCellOf(undefined, { buyingCenterId: BC2, offeringId: OF1 }, 2025)).toBeUndefined();
  });

  it('describes the open cell with its assessment, label and rights', () => {
    const d = cellDetailOf({
      ...base,
      open: { buyingCenterId: BC2, offeringId: OF1 },
      cellInfo: undefined,
      oppInfo: undefined
    })!;
    expect(d.title).toMatch(/ x /);
    expect(d.state).toBe('Whitespace');
    expect(d.potential).toBe(1200000);
    expect(d.summary).toContain('whitespace');
    expect(d.summary).not.toContain(' x ');
    expect(d.canEdit).toBe(true);
    expect(d.canCreateOpportunity).toBe(true);
    const locked = cellDetailOf({
      ...base,
      open: { buyingCenterId: BC2, offeringId: OF1 },
      cellInfo: info({ State__c: { updateable: false } }),
      oppInfo: info({ Keyplan_Buying_Center__c: { createable: false } })
    })!;
    expect(locked.canEdit).toBe(false);
    expect(locked.canCreateOpportunity).toBe(false);
  });

  it('lists the opportunities of a cell with stage, amount and close date', () => {
    const o = FIXTURE.opportunities[0];
    const d = cellDetailOf({
      ...base,
      open: { buyingCenterId: o.buyingCenterId!, offeringId: o.offeringId! },
      cellInfo: undefined,
      oppInfo: undefined
    })!;
    const line = d.opportunities.find((x) => x.id === o.id)!;
    expect(line.detail).toContain('Closed Won');
    expect(line.detail).toContain($(850000));
    expect(line.detail).toContain('2025');
  });

  it('has no detail for a cell outside the matrix or a year it lacks', () => {
    const open = { buyingCenterId: 'nope', offeringId: OF1 };
    expect(cellDetailOf({ ...base, open, cellInfo: undefined, oppInfo: undefined })).toBeUndefined();
    const noYear = buildViewModel(matrix, 1999, new Set());
    expect(
      cellDetailOf({
        ...base,
        vm: noYear,
        open: { buyingCenterId: BC2, offeringId: OF1 },
        cellInfo: undefined,
        oppInfo: undefined
      })
    ).toBeUndefined();
  });

  it('updates the stored assessment and drops the competitor unless the state is Competitor', () => {
    const open = { buyingCenterId: BC2, offeringId: OF1 };
    const existing = landscapeCellOf(FIXTURE, open, 2025);
    const input = cellInputOf(open, 2025, { state: 'Whitespace', competitor: 'X', potential: 5 }, existing);
    expect(input).toEqual({
      buyingCenterId: BC2,
      offeringId: OF1,
      fiscalYear: 2025,
      state: 'Whitespace',
      competitor: null,
      potential: 5,
      id: existing!.id,
      lastModified: existing!.lastModified
    });
    const created = cellInputOf(
      open,
      2026,
      { state: 'Competitor', competitor: 'X', potential: null },
      undefined
    );
    expect(created.competitor).toBe('X');
    expect(created.id).toBeUndefined();
  });

  it('replaces the saved cell by id or by cell and year', () => {
    const saved: LandscapeCellDto = { ...FIXTURE.cells[0], id: 'new-id', state: 'Competitor' };
    const cells = withSavedCell(FIXTURE.cells, saved);
    expect(cells).toHaveLength(FIXTURE.cells.length);
    expect(cells[cells.length - 1]).toBe(saved);
    expect(cells.some((c) => c.id === FIXTURE.cells[0].id)).toBe(false);
    const other: LandscapeCellDto = { ...FIXTURE.cells[0], id: 'x', fiscalYear: 2030 };
    expect(withSavedCell(FIXTURE.cells, other)).toHaveLength(FIXTURE.cells.length + 1);
  });

  it('lets the server decide when the object info is unknown', () => {
    expect(updateable(undefined, ['A'])).toBe(true);
    expect(updateable(info({ A: { updateable: true } }), ['A', 'B'])).toBe(true);
    expect(updateable(info({ A: { updateable: true }, B: { updateable: false } }), ['A', 'B'])).toBe(false);
  });

  it('navigates to an opportunity, or to a new one with the cell filled in', () => {
    expect(opportunityPage('006X')).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '006X', objectApiName: 'Opportunity', actionName: 'view' }
    });
    const page = newOpportunityPage({
      AccountId: '001A',
      Name: 'Cloud - Sales, EMEA - FY2026',
      Amount: null,
      CloseDate: '2026-12-31',
      Keyplan_Buying_Center__c: BC2,
      Keyplan_Offering__c: OF1,
      Keyplan_Growth_Type__c: 'Farming'
    });
    expect(page.attributes).toEqual({ objectApiName: 'Opportunity', actionName: 'new' });
    // Blank values are left out; commas in values are encoded.
    expect(page.state).toEqual({
      defaultFieldValues: `AccountId=001A,Name=Cloud%20-%20Sales%2C%20EMEA%20-%20FY2026,CloseDate=2026-12-31,Keyplan_Buying_Center__c=${BC2},Keyplan_Offering__c=${OF1},Keyplan_Growth_Type__c=Farming`,
      navigationLocation: 'RELATED_LIST'
    });
  });
});
