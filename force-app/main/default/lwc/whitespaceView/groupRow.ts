/**
 * The header row of a company when the whitespace grid groups its rows by company: the company's name,
 * its subtotal per offering column and in the total column, and the toggle that collapses its rows. The
 * money is the core's (`companyGroups`, keyplanCore/matrixGroups.ts): nothing is added up here.
 * Pure TypeScript (the benchmark runs it in Node).
 *
 * Type imports use a relative path on purpose: Babel erases them, and Node (bench) cannot resolve `c/`.
 */
import type { WhitespaceMatrix } from '../keyplanCore/matrix';
import type { CompanyGroup } from '../keyplanCore/matrixGroups';
import type { MoneyFormatter } from './labels';

/** One subtotal cell of a company header row. */
export interface SubtotalView {
  key: string;
  /** `cell subtotal`, and `subtotal_empty` when the company has no money in the column (muted). */
  className: string;
  colIndex: number;
  col: number;
  tabIndex: number;
  wonText: string;
  pipelineText: string;
  potentialText: string;
  hasWon: boolean;
  hasPipeline: boolean;
  hasPotential: boolean;
  ariaLabel: string;
}

/** What a company header row shows beyond the fields every row has. */
export interface GroupRowParts {
  name: string;
  /** The company heads buying centers (its header collapses them); false: only unmapped money. */
  hasRows: boolean;
  /** "Subtotal · $1.2M unmapped · 3 buying centers": the header's second line (money first: it survives a narrow column). */
  note: string;
  expandText: string;
  toggleLabel: string;
  subtotals: SubtotalView[];
  totalText: string;
  totalPipelineText: string;
  totalNote: string;
  totalAriaLabel: string;
}

/** A company header's key in the collapsed set (beside the collapsed buying centers' ids). */
export const groupToggleKey = (groupKey: string): string => `company:${groupKey}`;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The header row parts of company group `group` (columns in `columns` display order). */
export function groupRowParts(
  matrix: WhitespaceMatrix,
  group: CompanyGroup,
  columns: readonly number[],
  expanded: boolean,
  focus: { active: boolean; activeCol: number },
  format: MoneyFormatter
): GroupRowParts {
  const f = format;
  const name = group.name;
  const bcs = group.buyingCenters ? plural(group.buyingCenters, 'buying center') : 'no buying centers';
  const hasRows = group.roots.length > 0;
  const u = group.unmapped;
  const unmapped = u.won + u.pipeline;
  const t = group.total;
  const subtotals = columns.map((k, j): SubtotalView => {
    const m = group.cells[k];
    const column = matrix.columns[k];
    const potential = m.potential + m.competitive;
    const empty = m.won === 0 && m.pipeline === 0 && potential === 0;
    return {
      key: column.id,
      className: `cell subtotal${empty ? ' subtotal_empty' : ''}`,
      colIndex: j + 2,
      col: j + 1,
      tabIndex: focus.active && focus.activeCol === j + 1 ? 0 : -1,
      wonText: f(m.won),
      pipelineText: f(m.pipeline),
      potentialText: f(potential),
      hasWon: m.won > 0,
      hasPipeline: m.pipeline > 0,
      hasPotential: potential > 0,
      ariaLabel:
        `${name} subtotal, ${column.name}: won ${f(m.won)}, open pipeline ${f(m.pipeline)}, ` +
        `whitespace potential ${f(m.potential)}, competitive potential ${f(m.competitive)}`
    };
  });
  return {
    name,
    hasRows,
    note: `Subtotal${unmapped ? ` · ${f(unmapped)} unmapped` : ''} · ${bcs}`,
    expandText: `, company subtotal${hasRows ? `, ${expanded ? 'expanded' : 'collapsed'}` : ''}, ${bcs}`,
    toggleLabel: `${expanded ? 'Collapse' : 'Expand'} ${name}`,
    subtotals,
    totalText: `${f(t.won)} won`,
    totalPipelineText: `+ ${f(t.pipeline)} open`,
    totalNote: unmapped ? `incl. ${f(unmapped)} unmapped` : '',
    totalAriaLabel:
      `${name} subtotal: won ${f(t.won)}, open pipeline ${f(t.pipeline)}, ` +
      `whitespace potential ${f(t.potential)}, competitive potential ${f(t.competitive)}` +
      (unmapped ? `, including unmapped deals: won ${f(u.won)}, open pipeline ${f(u.pipeline)}` : '')
  };
}
