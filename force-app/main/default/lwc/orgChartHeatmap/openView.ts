/**
 * The org chart's opening view: as many people open as fit the canvas at a readable zoom (at least the
 * levels the page asks for). Pure of the DOM: works on the view model's collapsed set.
 */
import type { OrgLayout } from 'c/keyplanCore';

export interface Openable {
  collapsed: Set<string>;
  readonly focus: unknown;
  /** The layout with another collapsed set (boxes only, no links: cheap enough to try a few). */
  layoutWith(collapsed: ReadonlySet<string>): Pick<OrgLayout, 'width' | 'height' | 'nodeById'>;
  applyCollapsed(): void;
}

/**
 * Opens drawn collapsed managers, top level first and left to right, while the chart stays within
 * `room` (layout pixels): no taller than the room, no wider than the room or than it already was (a team
 * without managers stacks under its manager, so opening it costs height, not width). A manager whose
 * team does not fit stays closed. At most `maxTries` layouts are tried; the view model lays out for real
 * once at the end. Returns the managers opened.
 */
export function openToFit(vm: Openable, room: { width: number; height: number }, maxTries = 60): number {
  if (vm.focus) return 0;
  const collapsed = new Set(vm.collapsed);
  let layout = vm.layoutWith(collapsed);
  const maxWidth = Math.max(room.width, layout.width);
  const refused = new Set<string>();
  let opened = 0;
  let tries = 0;
  /** Drawn collapsed managers of `of`, top level first, left to right. */
  const candidates = (of: Pick<OrgLayout, 'nodeById'>): string[] =>
    [...collapsed]
      .filter((id) => !refused.has(id) && of.nodeById.has(id))
      .sort((a, b) => {
        const p = of.nodeById.get(a) as { x1: number; y1: number };
        const q = of.nodeById.get(b) as { x1: number; y1: number };
        return p.y1 - q.y1 || p.x1 - q.x1;
      });
  let next = candidates(layout);
  while (next.length > 0 && tries < maxTries) {
    for (const id of next) {
      if (tries++ >= maxTries) break;
      collapsed.delete(id);
      const trial = vm.layoutWith(collapsed);
      if (trial.width <= maxWidth && trial.height <= room.height) {
        layout = trial;
        opened++;
      } else {
        collapsed.add(id);
        refused.add(id);
      }
    }
    next = candidates(layout);
  }
  if (opened > 0) {
    vm.collapsed.clear();
    for (const id of collapsed) vm.collapsed.add(id);
    vm.applyCollapsed();
  }
  return opened;
}
