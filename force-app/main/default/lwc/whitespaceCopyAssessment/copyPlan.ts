/**
 * What copying one fiscal year's assessment into the next would do, from the cells the matrix holds: the
 * assessed cells of the year copied, and those of the next year it would replace. The server decides
 * (WhitespaceService.copyAssessment, which also counts notes): this only words the question before asking.
 */
import type { LandscapeCellDto } from '@keyplan/contracts';

export interface CopyPlan {
  /** Assessed cells of the year copied. */
  copied: number;
  /** Of those, cells the next year has already assessed (replaced only when asked). */
  assessedThere: number;
}

/** WhitespaceService.hasAssessment without the notes (the cell DTO does not carry them). */
export const isAssessed = (cell: LandscapeCellDto): boolean =>
  cell.state !== 'Unassessed' || !!cell.competitor?.trim() || (cell.potential ?? null) !== null;

export function copyPlanOf(cells: readonly LandscapeCellDto[], fromYear: number): CopyPlan {
  const key = (c: LandscapeCellDto): string => `${c.buyingCenterId}|${c.offeringId}`;
  const next = new Set(cells.filter((c) => c.fiscalYear === fromYear + 1 && isAssessed(c)).map(key));
  let copied = 0;
  let assessedThere = 0;
  for (const c of cells) {
    if (c.fiscalYear !== fromYear || !isAssessed(c)) continue;
    copied++;
    if (next.has(key(c))) assessedThere++;
  }
  return { copied, assessedThere };
}

const cellsText = (n: number): string => `${n} assessed ${n === 1 ? 'cell' : 'cells'}`;

/** The question asked before copying. */
export function questionOf(plan: CopyPlan, fromYear: number): string {
  return `Copy the states, competitors, potentials and notes of ${cellsText(plan.copied)} of FY${fromYear} into FY${fromYear + 1}?`;
}

/** The toast after a copy. */
export function copiedText(result: {
  fromYear: number;
  toYear: number;
  created: number;
  updated: number;
}): string {
  const parts = [`${result.created} new`];
  if (result.updated) parts.push(`${result.updated} replaced`);
  return `FY${result.fromYear} assessment copied into FY${result.toYear}: ${parts.join(', ')}.`;
}
