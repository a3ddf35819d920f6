/**
 * The cell panel of the whitespace matrix, as pure functions: what the panel shows for the open cell
 * (its landscape assessment, its money and its opportunities), what a save sends, and how the saved
 * cell replaces the one held. No DOM, no Apex: the container calls these and does the I/O.
 */
import {
  cellKey,
  figureOptions,
  firstWonYears,
  formatDate,
  newOpportunityPrefill,
  type OpportunityPrefill,
  type WhitespaceMatrix
} from 'c/keyplanCore';
import type {
  LandscapeCellDto,
  LandscapeCellInput,
  MatrixOpportunity,
  WhitespaceData
} from '@keyplan/contracts';
import type { PageReference } from 'lightning/navigation';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
import { cellLabel, encodeDefaultFieldValues, type MoneyFormatter, type ViewModel } from 'c/whitespaceView';

/** What the cell panel shows and edits. */
export interface CellDetail {
  buyingCenterId: string;
  offeringId: string;
  fiscalYear: number;
  title: string;
  summary: string;
  state: LandscapeCellDto['state'];
  competitor: string;
  potential: number | null;
  opportunities: { id: string; name: string; detail: string }[];
  canEdit: boolean;
  canCreateOpportunity: boolean;
}

/** The cell the panel is open on. */
export interface OpenCell {
  buyingCenterId: string;
  offeringId: string;
}

/** What the panel's save event carries. */
export interface CellEdit {
  state: LandscapeCellDto['state'];
  competitor: string | null;
  potential: number | null;
}

/** True when the user may update every field (unknown object info: let the server decide). */
export function updateable(info: ObjectInfo | undefined, fields: string[]): boolean {
  // Unknown (still loading, or no UI API in the preview): let the server decide, it runs in user mode.
  if (!info) return true;
  return fields.every((f) => info.fields[f]?.updateable !== false);
}

/** One line about an opportunity: stage, amount and close date. */
export function opportunityLine(o: MatrixOpportunity, format: MoneyFormatter, locale: string): string {
  return `${o.stageName} · ${format(o.amount ?? 0)} · ${formatDate(o.closeDate, { locale })}`;
}

/** The stored landscape assessment of a cell in a fiscal year, if any. */
export function landscapeCellOf(
  data: WhitespaceData | undefined,
  cell: OpenCell,
  fiscalYear: number
): LandscapeCellDto | undefined {
  return data?.cells.find(
    (c) =>
      c.buyingCenterId === cell.buyingCenterId &&
      c.offeringId === cell.offeringId &&
      c.fiscalYear === fiscalYear
  );
}

/** Everything the cell panel needs for the open cell; undefined when the cell is not in the matrix. */
export function cellDetailOf(args: {
  open: OpenCell;
  matrix: WhitespaceMatrix;
  vm: ViewModel;
  data: WhitespaceData;
  fiscalYear: number;
  format: MoneyFormatter;
  locale: string;
  cellInfo: ObjectInfo | undefined;
  oppInfo: ObjectInfo | undefined;
}): CellDetail | undefined {
  const { open, matrix, vm, data, fiscalYear, format } = args;
  if (!vm.year) return undefined;
  const r = matrix.rows.findIndex((x) => x.buyingCenter.id === open.buyingCenterId);
  const k = matrix.columns.findIndex((c) => c.id === open.offeringId);
  if (r < 0 || k < 0) return undefined;
  const cell = vm.year.cells[r * matrix.columns.length + k];
  const rowName = matrix.rows[r].buyingCenter.name;
  const colName = matrix.columns[k].name;
  const landscape = landscapeCellOf(data, open, fiscalYear);
  const ids = new Set(cell.opportunityIds);
  const opportunities = data.opportunities
    .filter((o) => ids.has(o.id))
    .map((o) => ({ id: o.id, name: o.name, detail: opportunityLine(o, format, args.locale) }));
  return {
    buyingCenterId: open.buyingCenterId,
    offeringId: open.offeringId,
    fiscalYear,
    title: `${rowName} x ${colName}`,
    summary: cellLabel(
      rowName,
      colName,
      cell.status,
      cell.competitor,
      cell,
      cell.change,
      format,
      fiscalYear - 1,
      false,
      cell.changeAmount
    )
      .split(': ')
      .slice(1)
      .join(': '),
    state: landscape?.state ?? 'Unassessed',
    competitor: landscape?.competitor ?? '',
    potential: landscape?.potential ?? null,
    opportunities,
    canEdit: updateable(args.cellInfo, ['State__c', 'Competitor__c', 'Potential__c']),
    canCreateOpportunity: !args.oppInfo || args.oppInfo.fields.Keyplan_Buying_Center__c?.createable !== false
  };
}

/** The save input for the open cell: updates the stored assessment when there is one, else creates it. */
export function cellInputOf(
  open: OpenCell,
  fiscalYear: number,
  edit: CellEdit,
  existing: LandscapeCellDto | undefined
): LandscapeCellInput {
  const input: LandscapeCellInput = {
    buyingCenterId: open.buyingCenterId,
    offeringId: open.offeringId,
    fiscalYear,
    state: edit.state,
    competitor: edit.state === 'Competitor' ? edit.competitor : null,
    potential: edit.potential
  };
  if (existing) {
    input.id = existing.id;
    input.lastModified = existing.lastModified;
  }
  return input;
}

/** The cells with the saved one in place of the one it replaces (same id, or same cell and year). */
export function withSavedCell(cells: LandscapeCellDto[], saved: LandscapeCellDto): LandscapeCellDto[] {
  const others = cells.filter(
    (c) =>
      c.id !== saved.id &&
      !(
        c.buyingCenterId === saved.buyingCenterId &&
        c.offeringId === saved.offeringId &&
        c.fiscalYear === saved.fiscalYear
      )
  );
  return [...others, saved];
}

/** The page reference of an opportunity's record page. */
export function opportunityPage(id: string): PageReference {
  return {
    type: 'standard__recordPage',
    attributes: { recordId: id, objectApiName: 'Opportunity', actionName: 'view' }
  };
}

/**
 * What the new opportunity of the open cell is prefilled with (keyplanCore newOpportunityPrefill): the
 * cell's names, its money this year from the matrix (potential less won and open pipeline) and its
 * first won year from the account's history (growth type); undefined when the cell is not on screen.
 */
export function cellPrefillOf(args: {
  accountId: string;
  open: OpenCell;
  matrix: WhitespaceMatrix;
  vm: ViewModel;
  data: WhitespaceData;
  fiscalYear: number;
}): OpportunityPrefill | undefined {
  const { open, matrix, vm, data, fiscalYear } = args;
  if (!vm.year) return undefined;
  const r = matrix.rows.findIndex((x) => x.buyingCenter.id === open.buyingCenterId);
  const k = matrix.columns.findIndex((c) => c.id === open.offeringId);
  if (r < 0 || k < 0) return undefined;
  const cell = vm.year.cells[r * matrix.columns.length + k];
  const setting = figureOptions(data).fiscalYear;
  const assessed = landscapeCellOf(data, open, fiscalYear);
  return newOpportunityPrefill({
    accountId: args.accountId,
    buyingCenter: { id: open.buyingCenterId, name: matrix.rows[r].buyingCenter.name },
    offering: { id: open.offeringId, name: matrix.columns[k].name },
    fiscalYear,
    setting,
    // The matrix's converted money: Whitespace potential or Competitor potential, by the cell's state.
    potential: assessed?.potential == null ? null : cell.potential + cell.competitive,
    won: cell.won,
    pipeline: cell.pipeline,
    firstWonOfCell: firstWonYears(data.wonHistory, data.opportunities, setting).get(
      cellKey(open.buyingCenterId, open.offeringId)
    )
  });
}

/** The page reference of the standard create form of an opportunity, prefilled. */
export function newOpportunityPage(prefill: OpportunityPrefill): PageReference {
  return {
    type: 'standard__objectPage',
    attributes: { objectApiName: 'Opportunity', actionName: 'new' },
    state: {
      defaultFieldValues: encodeDefaultFieldValues({ ...prefill }),
      navigationLocation: 'RELATED_LIST'
    }
  };
}
