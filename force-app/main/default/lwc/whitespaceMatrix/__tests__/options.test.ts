import { buildMatrix } from 'c/keyplanCore';
import type { WhitespaceData } from '@keyplan/contracts';
import {
  buyingCenterOptions,
  emptyMessageOf,
  matrixState,
  moneyFormatter,
  offeringOptions,
  yearOptions
} from '../options';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is plain JSON shared with the Node side
const FIXTURE: WhitespaceData = require('../../../../../../test/fixtures/apex/WhitespaceController.getWhitespace.json');

describe('whitespaceMatrix options', () => {
  it('offers the shown year, the years around today and the data years, sorted', () => {
    expect(yearOptions(2020, 2026, [2027, 2025]).map((o) => o.value)).toEqual([
      '2020',
      '2024',
      '2025',
      '2026',
      '2027'
    ]);
    expect(yearOptions(2026, 2026, [])[0]).toEqual({ label: 'FY2024', value: '2024' });
  });

  it('indents buying centers by depth in tree order and lists offerings in column order', () => {
    const matrix = buildMatrix(FIXTURE);
    const bcs = buyingCenterOptions(matrix);
    expect(bcs.map((o) => o.value)).toEqual(matrix.rows.map((r) => r.buyingCenter.id));
    const deep = matrix.rows.findIndex((r) => r.depth === 1);
    expect(bcs[deep].label).toBe(`\u2003${matrix.rows[deep].buyingCenter.name}`);
    expect(bcs[0].label).toBe(matrix.rows[0].buyingCenter.name);
    expect(offeringOptions(matrix)).toEqual(matrix.columns.map((c) => ({ label: c.name, value: c.id })));
    expect(buyingCenterOptions(undefined)).toEqual([]);
    expect(offeringOptions(undefined)).toEqual([]);
  });

  it('says why the matrix is empty, and formats money compactly in the data currency', () => {
    const matrix = buildMatrix(FIXTURE);
    expect(emptyMessageOf(undefined)).toBe('');
    expect(emptyMessageOf({ ...matrix, rows: [] })).toMatch(/^This account has no buying centers yet/);
    expect(emptyMessageOf({ ...matrix, columns: [] })).toMatch(/^No active offerings/);
    expect(moneyFormatter('EUR', 'en-US')(1500000)).toBe('€1.5M');
  });
});

describe('matrixState', () => {
  it('is loading until data or an error arrives, then error, empty (with its message) or data', () => {
    const matrix = buildMatrix(FIXTURE);
    expect(matrixState(undefined, undefined, undefined)).toMatchObject({
      loading: true,
      error: false,
      data: false
    });
    expect(matrixState(undefined, { body: {} }, undefined)).toMatchObject({ loading: false, error: true });
    const empty = matrixState({}, undefined, { ...matrix, rows: [] });
    expect(empty).toMatchObject({ empty: true, data: false });
    expect(empty.emptyMessage).toMatch(/^This account has no buying centers yet/);
    expect(matrixState({}, undefined, matrix)).toMatchObject({ empty: false, data: true, emptyMessage: '' });
  });
});
