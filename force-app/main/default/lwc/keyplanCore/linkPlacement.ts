/**
 * Places relationship links between the people a layout draws: a hidden end attaches to its nearest
 * drawn manager.
 */
import type { LaidOutNode, OrgLayout } from './layout';

/** A link between contacts, with the ends it is drawn between. */
export interface PlacedLink<L> {
  link: L;
  /** Visible nodes the link is drawn between (the contact or its nearest visible manager). */
  fromNodeId: string;
  toNodeId: string;
  /** True when an end was moved to a visible manager because the contact itself is hidden. */
  attached: boolean;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface HiddenLink<L> {
  link: L;
  reason: 'end-not-visible' | 'same-node' | 'unknown-contact';
}

/** The minimum a link needs to be placed: its two contact ends (a user end is not on the chart). */
export interface LinkEnds {
  fromContactId: string | null;
  toContactId: string;
}

/**
 * Places contact-to-contact links between drawn nodes. A hidden end attaches to its nearest drawn
 * manager (`attach`, the default) or the link is reported hidden (`hide`). Links from our users have
 * no contact at the start and are returned as hidden with reason `end-not-visible` only if their
 * target is not drawn; callers usually draw those as badges on the target instead.
 */
export function placeLinks<L extends LinkEnds>(
  layout: OrgLayout,
  links: readonly L[],
  mode: 'attach' | 'hide' = 'attach'
): { placed: PlacedLink<L>[]; hidden: HiddenLink<L>[] } {
  const placed: PlacedLink<L>[] = [];
  const hidden: HiddenLink<L>[] = [];
  for (const link of links) {
    // == null: Apex omits a null property, so a team link may arrive without fromContactId.
    if (link.fromContactId == null) continue;
    // One lookup per end: undefined means not in the forest, null means no drawn manager.
    const from = layout.anchorOf.get(link.fromContactId);
    const to = layout.anchorOf.get(link.toContactId);
    if (from === undefined || to === undefined) {
      hidden.push({ link, reason: 'unknown-contact' });
      continue;
    }
    const attached = from !== link.fromContactId || to !== link.toContactId;
    if (from === null || to === null || (attached && mode === 'hide')) {
      hidden.push({ link, reason: 'end-not-visible' });
      continue;
    }
    if (from === to) {
      hidden.push({ link, reason: 'same-node' });
      continue;
    }
    const a = layout.nodeById.get(from) as LaidOutNode;
    const b = layout.nodeById.get(to) as LaidOutNode;
    placed.push({
      link,
      fromNodeId: from,
      toNodeId: to,
      attached,
      x1: (a.x1 + a.x2) / 2,
      y1: (a.y1 + a.y2) / 2,
      x2: (b.x1 + b.x2) / 2,
      y2: (b.y1 + b.y2) / 2
    });
  }
  return { placed, hidden };
}
