/**
 * The org chart's opening view: as many levels open as fit the canvas at a readable zoom (at least the
 * levels the page asks for). Pure of the DOM: works on the view model's collapsed set.
 */
export interface Openable {
  collapsed: Set<string>;
  readonly focus: unknown;
  readonly size: { width: number; height: number };
  isVisible(id: string): boolean;
  applyCollapsed(): void;
}

/**
 * Opens one more level at a time (every drawn collapsed manager) while the chart still fits `room`
 * (layout pixels); the level that no longer fits is closed again. Returns the levels opened.
 */
export function openLevelsToFit(vm: Openable, room: { width: number; height: number }): number {
  if (vm.focus) return 0;
  const fits = (): boolean => vm.size.width <= room.width && vm.size.height <= room.height;
  let opened = 0;
  while (fits()) {
    const next = [...vm.collapsed].filter((id) => vm.isVisible(id));
    if (next.length === 0) break;
    for (const id of next) vm.collapsed.delete(id);
    vm.applyCollapsed();
    if (!fits()) {
      for (const id of next) vm.collapsed.add(id);
      vm.applyCollapsed();
      break;
    }
    opened++;
  }
  return opened;
}
