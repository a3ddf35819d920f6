/**
 * The org chart's opening view: as many people open as fit the canvas at a readable zoom (at least the
 * levels the page asks for). Pure of the DOM: works on the view model's collapsed set.
 */
export interface Openable {
  collapsed: Set<string>;
  readonly focus: unknown;
  readonly size: { width: number; height: number };
  isVisible(id: string): boolean;
  nodeBox(id: string): { x1: number; y1: number } | undefined;
  applyCollapsed(): void;
}

/**
 * Opens drawn collapsed managers, top level first and left to right, while the chart stays within
 * `room` (layout pixels): no taller than the room, no wider than the room or than it already was (a team
 * without managers stacks under its manager, so opening it costs height, not width). A manager whose
 * team does not fit stays closed. At most `maxTries` layouts are tried. Returns the managers opened.
 */
export function openToFit(vm: Openable, room: { width: number; height: number }, maxTries = 200): number {
  if (vm.focus) return 0;
  const maxWidth = Math.max(room.width, vm.size.width);
  const fits = (): boolean => vm.size.width <= maxWidth && vm.size.height <= room.height;
  const refused = new Set<string>();
  let opened = 0;
  let tries = 0;
  for (;;) {
    const next = [...vm.collapsed]
      .filter((id) => !refused.has(id) && vm.isVisible(id))
      .map((id) => ({ id, box: vm.nodeBox(id) ?? { x1: 0, y1: 0 } }))
      .sort((a, b) => a.box.y1 - b.box.y1 || a.box.x1 - b.box.x1);
    if (next.length === 0) return opened;
    for (const { id } of next) {
      if (tries++ >= maxTries) return opened;
      vm.collapsed.delete(id);
      vm.applyCollapsed();
      if (fits()) opened++;
      else {
        vm.collapsed.add(id);
        vm.applyCollapsed();
        refused.add(id);
      }
    }
  }
}
