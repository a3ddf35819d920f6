/** "What is in this rectangle" over a laid-out chart, so the component renders only what is on screen. */
import type { LaidOutNode, OrgLayout, ReportingEdge } from './layout';
import type { PlacedLink } from './linkPlacement';

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Answers "what is in this rectangle" quickly, for rendering only what is on screen. */
export interface ViewportIndex<L> {
  query(rect: Rect): { nodes: LaidOutNode[]; edges: ReportingEdge[]; links: PlacedLink<L>[] };
}

function segmentHitsRect(x1: number, y1: number, x2: number, y2: number, r: Rect): boolean {
  // Liang-Barsky clipping: exact, so long diagonal links outside the view are skipped.
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const p = [-dx, dx, -dy, dy];
  const q = [x1 - r.x1, r.x2 - x1, y1 - r.y1, r.y2 - y1];
  for (let i = 0; i < 4; i++) {
    if (p[i] === 0) {
      if (q[i] < 0) return false;
    } else {
      const t = q[i] / p[i];
      if (p[i] < 0) {
        if (t > t1) return false;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return false;
        if (t < t1) t1 = t;
      }
    }
  }
  return true;
}

/**
 * Builds a viewport index: nodes bucketed by level and sorted by x (binary search), lines bucketed in
 * a coarse grid of their bounding boxes then checked exactly.
 */
export function buildViewportIndex<L>(
  layout: OrgLayout,
  links: readonly PlacedLink<L>[] = [],
  cellSize = 1024
): ViewportIndex<L> {
  const rows = new Map<number, LaidOutNode[]>();
  for (const n of layout.nodes) {
    const row = rows.get(n.y1);
    if (row) row.push(n);
    else rows.set(n.y1, [n]);
  }
  const rowList = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, r]) => r.sort((a, b) => a.x1 - b.x1));

  type Line = { x1: number; y1: number; x2: number; y2: number };
  // Numeric cell keys: building a string key per bucket per line cost more than the lines themselves.
  const grid = new Map<number, number[]>();
  const keyOf = (gx: number, gy: number): number => gx * 4194304 + gy;
  // Lines spanning many cells would flood the grid; they are few in real maps, so scan them instead.
  const long: number[] = [];
  const lines: Line[] = [...layout.edges, ...links];
  lines.forEach((l, i) => {
    const gx1 = Math.floor(Math.min(l.x1, l.x2) / cellSize);
    const gx2 = Math.floor(Math.max(l.x1, l.x2) / cellSize);
    const gy1 = Math.floor(Math.min(l.y1, l.y2) / cellSize);
    const gy2 = Math.floor(Math.max(l.y1, l.y2) / cellSize);
    if ((gx2 - gx1 + 1) * (gy2 - gy1 + 1) > 16) {
      long.push(i);
      return;
    }
    for (let gx = gx1; gx <= gx2; gx++) {
      for (let gy = gy1; gy <= gy2; gy++) {
        const key = keyOf(gx, gy);
        const bucket = grid.get(key);
        if (bucket) bucket.push(i);
        else grid.set(key, [i]);
      }
    }
  });
  const edgeCount = layout.edges.length;

  return {
    query(rect) {
      const nodes: LaidOutNode[] = [];
      for (const row of rowList) {
        const first = row[0];
        if (first.y1 > rect.y2) break;
        let rowBottom = 0;
        for (const n of row) if (n.y2 > rowBottom) rowBottom = n.y2;
        if (rowBottom < rect.y1) continue;
        let lo = 0;
        let hi = row.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (row[mid].x2 < rect.x1) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < row.length && row[i].x1 <= rect.x2; i++) {
          const n = row[i];
          if (n.y2 >= rect.y1 && n.y1 <= rect.y2) nodes.push(n);
        }
      }
      const seen = new Set<number>();
      const edges: ReportingEdge[] = [];
      const hits: PlacedLink<L>[] = [];
      const consider = (i: number): void => {
        if (seen.has(i)) return;
        seen.add(i);
        const l = lines[i];
        if (!segmentHitsRect(l.x1, l.y1, l.x2, l.y2, rect)) return;
        if (i < edgeCount) edges.push(l as ReportingEdge);
        else hits.push(l as PlacedLink<L>);
      };
      for (const i of long) consider(i);
      const gx1 = Math.floor(rect.x1 / cellSize);
      const gx2 = Math.floor(rect.x2 / cellSize);
      const gy1 = Math.floor(rect.y1 / cellSize);
      const gy2 = Math.floor(rect.y2 / cellSize);
      for (let gx = gx1; gx <= gx2; gx++) {
        for (let gy = gy1; gy <= gy2; gy++) {
          for (const i of grid.get(keyOf(gx, gy)) ?? []) consider(i);
        }
      }
      return { nodes, edges, links: hits };
    }
  };
}
