/**
 * From the data to what the whitespace matrix draws, as pure functions: the matrix (the org's fiscal year
 * and currency travel with the data), the year shown when none is chosen, the view model (sorted, rows
 * collapsed, grouped by company on a group plan), the group's companies, and what the user may do from the
 * UI API's field access. No DOM, no Apex: the container holds the choices and calls these.
 */
import {
  buildMatrix,
  companyGroups,
  currentFiscalYear,
  figureOptions,
  type WhitespaceMatrix
} from 'c/keyplanCore';
import type { WhitespaceData } from '@keyplan/contracts';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
import { buildViewModel, type ColumnSort, type RowSort, type ViewModel } from 'c/whitespaceView';
import { updateable } from './panel';
import type { Option } from './options';

/** The matrix of the data, and the org's current fiscal year (shown first when no year is chosen). */
export function matrixOf(
  data: WhitespaceData,
  weighted: boolean
): { matrix: WhitespaceMatrix; currentYear: number } {
  const options = figureOptions(data);
  return {
    matrix: buildMatrix(data, { ...options, weighted }),
    currentYear: currentFiscalYear(options.fiscalYear)
  };
}

/** A group plan: the account and its subsidiaries (more than one company in the data). */
export function isGroupPlan(data: WhitespaceData | undefined): boolean {
  return (data?.accounts?.length ?? 0) > 1;
}

/** The group's companies for the buying-center form (none on a single account: no picker). */
export function companyOptions(data: WhitespaceData | undefined): Option[] {
  return isGroupPlan(data) ? (data?.accounts ?? []).map((a) => ({ label: a.name, value: a.id })) : [];
}

/** How the user chose to see the matrix. */
export interface ViewChoices {
  fiscalYear: number;
  collapsed: ReadonlySet<string>;
  rowSort: RowSort;
  columnSort: ColumnSort;
  /** Rows grouped by company, each naming its company (only on a group plan). */
  groupByCompany: boolean;
}

/** The collapsed rows with `id` collapsed or expanded again (a new set: the card re-renders). */
export function toggled(collapsed: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(collapsed);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The grid's view model of the matrix for the user's choices. */
export function viewOf(
  matrix: WhitespaceMatrix,
  data: WhitespaceData | undefined,
  choices: ViewChoices
): ViewModel {
  const { fiscalYear, collapsed, rowSort, columnSort } = choices;
  // The company subtotals come from the core (docs/DEFINITIONS.md), for the year shown.
  const year = matrix.years.find((y) => y.fiscalYear === fiscalYear) ?? null;
  const group =
    choices.groupByCompany && isGroupPlan(data) ? companyGroups(matrix, year, data?.accounts ?? []) : null;
  return buildViewModel(matrix, fiscalYear, collapsed, rowSort, columnSort, group);
}

/** What the user may do, from the UI API's field access (unknown: let the server decide, in user mode). */
export interface MatrixAccess {
  addBuyingCenter: boolean;
  map: boolean;
  editCells: boolean;
}

export function accessOf(info: {
  buyingCenter?: ObjectInfo;
  opportunity?: ObjectInfo;
  cell?: ObjectInfo;
}): MatrixAccess {
  return {
    addBuyingCenter: !info.buyingCenter || info.buyingCenter.fields.Name?.createable !== false,
    map: updateable(info.opportunity, ['Keyplan_Buying_Center__c', 'Keyplan_Offering__c']),
    editCells: updateable(info.cell, ['State__c', 'Competitor__c', 'Potential__c', 'Notes__c'])
  };
}
