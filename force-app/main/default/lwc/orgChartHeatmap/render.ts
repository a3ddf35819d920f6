/**
 * What the org chart template binds: the drawn people and links decorated with their classes, styles
 * and labels, and the toolbar's texts. Pure functions of the view slice and the component's state.
 */
import { fitTitle } from 'c/keyplanCore';
import { COLOUR_MODES, COLOUR_MODE_LABELS, type Direction, type LinkView, type NodeView } from './viewModel';

/** Text bindings must never be empty: LWC's static-part patching loses empty text nodes. */
export const BLANK = '\u00a0';

export const KEY_DIRECTIONS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right'
};

export const COLOUR_OPTIONS = COLOUR_MODES.map((m) => ({ label: COLOUR_MODE_LABELS[m], value: m }));
export const LEVEL_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({
  label: `${n} level${n > 1 ? 's' : ''}`,
  value: String(n)
}));

export type RenderNode = NodeView & {
  style: string;
  className: string;
  tabindex: string;
  ariaExpanded: string | null;
  showToggle: boolean;
  toggleKey: string;
  toggleLabel: string;
  toggleText: string;
  toggleStyle: string;
  stanceClass: string;
  heatText: string;
  /** The whole title when the card shows it shortened (shown on hover and focus), else null. */
  fullTitle: string | null;
};

/** Average width of a title character on a card (11 px Salesforce Sans), and the card's inner padding. */
const TITLE_CHAR_PX = 5.6;
const CARD_PADDING_PX = 18;

/** The title as a card of `width` pixels shows it: short forms first, the division kept (see `fitTitle`). */
export function cardTitle(title: string, width: number): { text: string; full: string | null } {
  const text = fitTitle(title, Math.max(8, Math.floor((width - CARD_PADDING_PX) / TITLE_CHAR_PX)));
  return { text, full: text === title.trim() ? null : title.trim() };
}
export type RenderLink = LinkView & { className: string; arrowClass: string; title: string };

/**
 * The drawn people with their classes and roving tabindex: the active person is tabbable when drawn,
 * else the first drawn one. `hits` are search matches, `hitIndex` the current one (-1 for none).
 */
export function renderNodes(
  nodes: NodeView[],
  state: {
    selectedId: string | null;
    hits: string[];
    hitIndex: number;
    activeId: string | null;
    movingId?: string | null;
    dropId?: string | null;
  }
): RenderNode[] {
  const hitSet = new Set(state.hits);
  const current = state.hitIndex >= 0 ? state.hits[state.hitIndex] : null;
  const active = state.activeId;
  const tabbable = active && nodes.some((n) => n.id === active) ? active : (nodes[0]?.id ?? null);
  return nodes.map((n) => {
    const title = cardTitle(n.title, n.width);
    const classes = ['node'];
    if (n.id === state.selectedId) classes.push('is-selected');
    if (hitSet.has(n.id)) classes.push('is-hit');
    if (n.id === current) classes.push('is-current');
    if (n.context) classes.push('is-context');
    if (n.placeholder) classes.push('is-placeholder');
    if (n.id === state.movingId) classes.push('is-moving');
    if (n.id === state.dropId) classes.push('is-drop-target');
    return {
      ...n,
      style: `left:${n.x}px;top:${n.y}px;width:${n.width}px;height:${n.height}px;background:${n.colour};color:${n.textColour}`,
      className: classes.join(' '),
      tabindex: n.id === tabbable ? '0' : '-1',
      ariaExpanded: n.childCount > 0 ? String(!n.collapsed && n.hiddenDescendants < n.childCount) : null,
      showToggle: n.childCount > 0,
      toggleKey: `t-${n.id}`,
      toggleLabel: `${n.collapsed ? 'Expand' : 'Collapse'} the reports of ${n.name}`,
      toggleText: n.collapsed ? `+${n.hiddenDescendants}` : '−',
      toggleStyle: `left:${n.x + n.width / 2 - 14}px;top:${n.y + n.height - 10}px`,
      stanceClass: `stance stance-${n.stance.toLowerCase()}`,
      // A placeholder is a role, not a person we know: its card says so in words (never by colour alone).
      heatText: n.placeholder ? 'placeholder' : `Heat ${n.heat}`,
      // Group plans: the company leads the second line, so it stays visible when the title is cut.
      title: n.companyName
        ? title.text
          ? `${n.companyName} · ${title.text}`
          : n.companyName
        : title.text || BLANK,
      fullTitle: title.full,
      buyerRole: n.buyerRole || BLANK
    };
  });
}

/** The drawn links with their weight, polarity and arrow classes and their tooltip. */
export function renderLinks(links: LinkView[]): RenderLink[] {
  return links.map((l) => ({
    ...l,
    className: `link link-${l.weight}${l.negative ? ' link-negative' : ' link-positive'}`,
    arrowClass: l.negative ? 'arrow arrow-negative' : 'arrow arrow-positive',
    title: l.count > 1 ? `${l.count} links` : 'Link'
  }));
}

/** Most matches the search list shows: past this, the user adds a word or a filter. */
export const MAX_SEARCH_RESULTS = 50;

/** One search result line: the name, then title, stance, roles and buying center. */
export function searchResultItem(
  c: {
    id: string;
    name: string;
    title?: string | null;
    stance?: string | null;
    buyerRole?: string | null;
    decisionRole?: string | null;
  },
  buyingCenterName: string
): { id: string; name: string; detail: string } {
  const detail = [c.title, c.stance ?? 'Stance unknown', c.buyerRole, c.decisionRole, buyingCenterName]
    .filter(Boolean)
    .join(' · ');
  return { id: c.id, name: c.name, detail };
}

/** The line under the chart: people shown, and how many in view are drawn when the DOM cap applies. */
export function statusText(
  counts: { visible: number; total: number },
  slice: { drawn: number; inView: number; capped: boolean }
): string {
  const base = `${counts.visible.toLocaleString()} of ${counts.total.toLocaleString()} people in the chart`;
  return slice.capped
    ? `${base}; ${slice.drawn} of ${slice.inView.toLocaleString()} in view are drawn, zoom in to see the rest`
    : base;
}
