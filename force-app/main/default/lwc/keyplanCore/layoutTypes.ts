/** The layout's shapes (what `layoutOrgChart` takes and returns), shared by the tidy and compact paths. */
import type { OrgMember } from './orgChart';

export interface NodeSize {
  width: number;
  height: number;
}

export interface LayoutOptions<T extends OrgMember> {
  /** Contacts whose reports are hidden. */
  collapsed?: ReadonlySet<string>;
  /** Show only this person's management chain and `levels` levels below them. */
  focus?: { id: string; levels: number } | null;
  /** Box size per contact (e.g. bigger for more influence). Default 160 x 56. */
  nodeSize?: (contact: T) => NodeSize;
  /** Horizontal gap between siblings. */
  siblingGap?: number;
  /** Horizontal gap between neighbours with different managers. */
  cousinGap?: number;
  /** Vertical gap between levels. */
  levelGap?: number;
  /** Stack people without reports in columns under their manager (see compactLayout.ts). */
  compact?: boolean;
  /** Compact only: vertical gap between stacked people (default 12) and most people per column (default 10). */
  stackGap?: number;
  maxStack?: number;
  /** Compact only: room left of a column for its connector line (default 14). */
  stackIndent?: number;
}

export interface LaidOutNode {
  id: string;
  parentId: string | null;
  depth: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Direct reports in the data (visible or not). */
  childCount: number;
  /** People below this node that are not drawn (collapsed or beyond focus). */
  hiddenDescendants: number;
  collapsed: boolean;
}

/**
 * A reporting line from manager to report: bottom centre of the manager to top centre of the report,
 * turning sideways half-way. To a stacked report (compact layout): down to `viaY`, across to the
 * column's line at `viaX`, down to the report's middle and right to its left edge (x2, y2).
 */
export interface ReportingEdge {
  fromId: string;
  toId: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stacked report only: x of the column's line and y where the line leaves the manager's. */
  viaX?: number;
  viaY?: number;
}

/** Drawn person for a contact id: itself, its nearest drawn manager, null (none), undefined (unknown id). */
export interface AnchorLookup {
  get(id: string): string | null | undefined;
}

/** Drawn node by contact id (a Map is one). */
export interface NodeLookup {
  get(id: string): LaidOutNode | undefined;
  has(id: string): boolean;
}

export interface OrgLayout {
  nodes: LaidOutNode[];
  nodeById: NodeLookup;
  edges: ReportingEdge[];
  width: number;
  height: number;
  /** For every contact in the forest: itself if drawn, else its nearest drawn manager, else null. */
  anchorOf: AnchorLookup;
}

export const DEFAULT_NODE_SIZE: NodeSize = Object.freeze({ width: 160, height: 56 });
