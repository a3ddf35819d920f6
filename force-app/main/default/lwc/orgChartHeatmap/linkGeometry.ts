/**
 * How relationship links are drawn on the org chart: their style (weight, colour, dash), the merge of
 * parallel links into one line, and the curved path with its arrowhead. Pure functions of the layout.
 */
import { STRONG_LINK_STRENGTH, type LaidOutNode, type PlacedLink } from 'c/keyplanCore';
import type { RelationshipLinkDto } from '@keyplan/contracts';

export type LinkWeight = 'bold' | 'thin' | 'dotted';

export interface LinkView {
  key: string;
  linkId: string;
  d: string;
  arrow: string;
  weight: LinkWeight;
  negative: boolean;
  width: number;
  colour: string;
  dash: string | null;
  attached: boolean;
  /** Links drawn as this one line: links between the same two drawn people (or their collapsed managers). */
  count: number;
}

/** How a relationship link is drawn: weight from strength and frequency, colour and dash from polarity. */
export function linkStyle(link: Pick<RelationshipLinkDto, 'strength' | 'frequency' | 'polarity'>): {
  weight: LinkWeight;
  negative: boolean;
  width: number;
  colour: string;
  dash: string | null;
} {
  const strength = link.strength ?? 1;
  const frequent = link.frequency === 'Weekly' || link.frequency === 'Monthly';
  const occasional =
    link.frequency === 'Rarely' || link.frequency === 'Quarterly' || link.frequency == null || strength <= 1;
  const weight: LinkWeight =
    strength >= STRONG_LINK_STRENGTH && frequent ? 'bold' : occasional ? 'dotted' : 'thin';
  const negative = link.polarity === 'Negative';
  // Polarity is never shown by colour alone: negative links are dashed (dash-dot when also occasional).
  const dash = negative ? (weight === 'dotted' ? '8 3 1.5 3' : '8 4') : weight === 'dotted' ? '1.5 4' : null;
  return {
    weight,
    negative,
    width: weight === 'bold' ? 3.5 : 1.5,
    colour: negative ? '#ba0516' : '#2e844a',
    dash
  };
}

/**
 * One line per pair of drawn ends and direction: with teams collapsed, thousands of links attach to the
 * same few managers and would be drawn on top of each other. The strongest link of a pair stands for it.
 * Returns the kept links and how many links each stands for (by representative link id).
 */
export function mergeParallel(placed: PlacedLink<RelationshipLinkDto>[]): {
  placed: PlacedLink<RelationshipLinkDto>[];
  counts: Map<string, number>;
} {
  const rank = (l: RelationshipLinkDto): number => {
    const s = linkStyle(l);
    return (s.weight === 'bold' ? 20 : s.weight === 'thin' ? 10 : 0) + (l.strength ?? 0);
  };
  const best = new Map<string, { p: PlacedLink<RelationshipLinkDto>; rank: number; count: number }>();
  for (const p of placed) {
    const key = `${p.fromNodeId}>${p.toNodeId}`;
    const r = rank(p.link);
    const seen = best.get(key);
    if (!seen) best.set(key, { p, rank: r, count: 1 });
    else {
      seen.count++;
      if (r > seen.rank) {
        seen.p = p;
        seen.rank = r;
      }
    }
  }
  const counts = new Map<string, number>();
  const out: PlacedLink<RelationshipLinkDto>[] = [];
  for (const { p, count } of best.values()) {
    counts.set(p.link.id, count);
    out.push(p);
  }
  return { placed: out, counts };
}

/**
 * The drawn line of a placed link between boxes `a` (from) and `b` (to).
 * `reach`: with only one end drawn (`drawnEnd`), the curve is cut `reach` layout units from it: a link
 * to someone far off screen would otherwise be a path across the whole chart, and the browser dashes
 * and rasterises all of it on every frame that touches the lines.
 */
export function linkView(
  p: PlacedLink<RelationshipLinkDto>,
  a: LaidOutNode,
  b: LaidOutNode,
  count: number,
  drawnEnd: 'both' | 'from' | 'to' = 'both',
  reach = Infinity
): LinkView {
  const dx = p.x2 - p.x1;
  const dy = p.y2 - p.y1;
  // Ends on the box borders so the arrowhead is visible; a gentle curve keeps links off the reporting lines.
  const clip = (n: LaidOutNode, sign: number): [number, number] => {
    const hw = (n.x2 - n.x1) / 2 + 2;
    const hh = (n.y2 - n.y1) / 2 + 2;
    const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
    const cx = (n.x1 + n.x2) / 2;
    const cy = (n.y1 + n.y2) / 2;
    return [cx + sign * dx * t, cy + sign * dy * t];
  };
  const [sx, sy] = clip(a, 1);
  const [ex, ey] = clip(b, -1);
  const len = Math.hypot(ex - sx, ey - sy) || 1;
  const nx = -(ey - sy) / len;
  const ny = (ex - sx) / len;
  const bend = Math.min(60, len * 0.15);
  const qx = (sx + ex) / 2 + nx * bend;
  const qy = (sy + ey) / 2 + ny * bend;
  // Arrowhead along the curve's tangent at the end (control point -> end).
  const tl = Math.hypot(ex - qx, ey - qy) || 1;
  const ux = (ex - qx) / tl;
  const uy = (ey - qy) / tl;
  const style = linkStyle(p.link);
  const size = style.weight === 'bold' ? 11 : 8;
  const bx = ex - ux * size;
  const by = ey - uy * size;
  const r = (v: number): number => Math.round(v * 10) / 10;
  let d = `M${r(sx)} ${r(sy)}Q${r(qx)} ${r(qy)} ${r(bx)} ${r(by)}`;
  let arrow = `${r(ex)},${r(ey)} ${r(bx - uy * size * 0.5)},${r(by + ux * size * 0.5)} ${r(bx + uy * size * 0.5)},${r(by - ux * size * 0.5)}`;
  const span = Math.hypot(bx - sx, by - sy);
  if (drawnEnd !== 'both' && span > reach) {
    // Split the quadratic curve (de Casteljau) and keep the part at the drawn end.
    const t = reach / span;
    const at = (u: number): [number, number] => [
      (1 - u) * (1 - u) * sx + 2 * (1 - u) * u * qx + u * u * bx,
      (1 - u) * (1 - u) * sy + 2 * (1 - u) * u * qy + u * u * by
    ];
    if (drawnEnd === 'from') {
      const [mx, my] = at(t);
      d = `M${r(sx)} ${r(sy)}Q${r(sx + (qx - sx) * t)} ${r(sy + (qy - sy) * t)} ${r(mx)} ${r(my)}`;
      arrow = '';
    } else {
      const [mx, my] = at(1 - t);
      d = `M${r(mx)} ${r(my)}Q${r(qx + (bx - qx) * (1 - t))} ${r(qy + (by - qy) * (1 - t))} ${r(bx)} ${r(by)}`;
    }
  }
  return {
    key: `l-${p.link.id}`,
    linkId: p.link.id,
    d,
    arrow,
    ...style,
    attached: p.attached,
    count
  };
}
