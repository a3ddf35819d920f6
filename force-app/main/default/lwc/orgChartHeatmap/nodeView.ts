/**
 * How one person is drawn on the org chart: the box's colours, texts and screen-reader label.
 * Pure functions of the layout, the contact and its heat.
 */
import type { ContactHeat, LaidOutNode, NodeSize } from 'c/keyplanCore';
import type { ContactNode } from '@keyplan/contracts';

/** One node as the template draws it (coordinates in layout space). */
export interface NodeView {
  id: string;
  name: string;
  title: string;
  buyingCenterName: string;
  /** The company the person works for, when the chart spans several accounts (group plans); else blank. */
  companyName?: string;
  stance: string;
  buyerRole: string;
  colour: string;
  textColour: string;
  colourLabel: string;
  heat: number;
  heatBand: string;
  teamLinks: number;
  x: number;
  y: number;
  width: number;
  height: number;
  depth: number;
  childCount: number;
  hiddenDescendants: number;
  collapsed: boolean;
  /** Shown only as context for a filter match (an ancestor from another buying center). */
  context: boolean;
  /** A role we know exists but cannot name yet (Keyplan_Placeholder__c): drawn dashed, saying "placeholder". */
  placeholder: boolean;
  ariaLabel: string;
}

/** Box size by influence: more influence, bigger box (the tidy layout handles mixed sizes). */
export const NODE_SIZES: Readonly<Record<string, NodeSize>> = {
  Low: { width: 164, height: 76 },
  Medium: { width: 180, height: 80 },
  High: { width: 200, height: 86 },
  'Very High': { width: 220, height: 92 },
  none: { width: 164, height: 76 }
};

export type NodeColour = { key: string; colour: string; label: string };

/** Text colour readable on a palette colour (WCAG contrast against black vs white). */
export function textColourOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#181818';
  const lin = (v: number): number => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  const l =
    0.2126 * lin(parseInt(m[1], 16)) + 0.7152 * lin(parseInt(m[2], 16)) + 0.0722 * lin(parseInt(m[3], 16));
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#181818' : '#ffffff';
}

/**
 * The screen-reader label of a person, e.g. "Ada Lovelace, CIO, Champion, heat 82 hot". `node` is the
 * person's drawn box (undefined when not drawn); `context` marks a manager drawn only to connect the filter's matches.
 */
export function personAriaLabel(
  c: ContactNode,
  h: ContactHeat | undefined,
  node: LaidOutNode | undefined,
  context: boolean,
  companyName = ''
): string {
  const parts = [c.name];
  if (c.placeholder) parts.push('placeholder, not yet named');
  if (c.title) parts.push(c.title);
  if (companyName) parts.push(companyName);
  parts.push(c.stance ?? 'stance unknown');
  if (c.buyerRole) parts.push(c.buyerRole);
  parts.push(`heat ${h?.heat ?? 0} ${h?.band ?? 'cold'}`);
  if (node && node.hiddenDescendants > 0) parts.push(`${node.hiddenDescendants} people hidden below`);
  if (context) parts.push('not a match, kept to connect the matches');
  return parts.join(', ');
}

/** The drawn box of person `c` laid out as `n`. */
export function nodeView(
  n: LaidOutNode,
  c: ContactNode,
  h: ContactHeat | undefined,
  colour: NodeColour | undefined,
  extra: { buyingCenterName: string; companyName?: string; context: boolean; ariaLabel: string }
): NodeView {
  const col = colour ?? { key: 'none', colour: '#f3f3f3', label: '' };
  return {
    id: n.id,
    name: c.name,
    title: c.title ?? '',
    buyingCenterName: extra.buyingCenterName,
    companyName: extra.companyName ?? '',
    stance: c.stance ?? 'Unknown',
    buyerRole: c.buyerRole ?? '',
    colour: col.colour,
    textColour: textColourOn(col.colour),
    colourLabel: col.label,
    heat: h?.heat ?? 0,
    heatBand: h?.band ?? 'cold',
    teamLinks: h?.teamLinks ?? 0,
    x: n.x1,
    y: n.y1,
    width: n.x2 - n.x1,
    height: n.y2 - n.y1,
    depth: n.depth,
    childCount: n.childCount,
    hiddenDescendants: n.hiddenDescendants,
    collapsed: n.collapsed,
    context: extra.context,
    placeholder: !!c.placeholder,
    ariaLabel: extra.ariaLabel
  };
}
