import { BLANK, KEY_DIRECTIONS } from './render';
import { OrgChartCanvas } from './chartCanvas';

/**
 * The org chart's navigation layer of `orgChartHeatmap` (a base class, not a component of its own): search
 * and its matches, keyboard moves between people, collapse and expand, opening and closing a person and the
 * live announcements. The canvas layer below keeps the viewport.
 */
export class OrgChartNavigation extends OrgChartCanvas {
  showCoverage = false;
  searchText = '';
  announcement = BLANK;
  saveError: unknown = null;
  conflict = false;

  handleToggleCoverage(): void {
    this.showCoverage = !this.showCoverage;
    if (this.showCoverage) this.selectedId = null;
  }

  /** The toolbar's search: every match is highlighted in the chart and listed in the toolbar. */
  handleSearch(event: CustomEvent<{ text: string }>): void {
    this.searchText = event.detail.text ?? '';
    this.hits = this.vm ? this.vm.search(this.searchText) : [];
    this.hitIndex = -1;
    const n = this.hits.length;
    if (!this.searchText.trim()) this.announce('');
    else
      this.announce(
        n
          ? `${n.toLocaleString()} ${n === 1 ? 'person matches' : 'people match'}`
          : `No one matches ${this.searchText}`
      );
    this.refreshView();
  }

  /** A match chosen in the toolbar's list: shown (expanding or unfiltering as needed) and opened. */
  handleJump(event: CustomEvent<{ contactId: string }>): void {
    const id = event.detail.contactId;
    if (!this.vm?.contactAt(id)) return;
    const i = this.hits.indexOf(id);
    if (i >= 0) this.gotoHit(i);
    else {
      this.reveal(id);
      this.activeId = id;
    }
    this.open(id);
  }

  protected gotoHit(i: number): void {
    this.hitIndex = i;
    const id = this.hits[i];
    this.reveal(id);
    this.activeId = id;
    const label = this.vm?.ariaLabel(id) ?? '';
    this.announce(`${label}. Match ${i + 1} of ${this.hits.length}.`);
    this.changed();
  }

  protected announce(text: string): void {
    this.announcement = text || BLANK;
  }

  protected idOf(event: Event): string | null {
    const el = (event.currentTarget as HTMLElement | null) ?? null;
    return el?.dataset.id ?? null;
  }

  handleNodeClick(event: MouseEvent): void {
    const id = this.idOf(event);
    if (id) this.open(id);
  }

  handleNodeFocus(event: FocusEvent): void {
    const id = this.idOf(event);
    if (id) this.activeId = id;
  }

  handleToggleClick(event: MouseEvent): void {
    event.stopPropagation();
    const id = this.idOf(event);
    if (!id || !this.vm) return;
    this.vm.toggleCollapse(id);
    this.changed();
    this.growCanvas();
  }

  handleNodeKeydown(event: KeyboardEvent): void {
    const id = this.idOf(event);
    if (!id || !this.vm) return;
    const direction = KEY_DIRECTIONS[event.key];
    if (direction) {
      event.preventDefault();
      let next = this.vm.neighbour(id, direction);
      if (!next && direction === 'down' && this.vm.nodeBox(id)?.collapsed) {
        this.vm.toggleCollapse(id);
        next = this.vm.neighbour(id, 'down');
      }
      if (next) this.moveTo(next);
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.open(id);
    } else if (event.key === '+' || event.key === '-') {
      event.preventDefault();
      const box = this.vm.nodeBox(id);
      if (box && box.childCount > 0 && box.collapsed === (event.key === '+')) {
        this.vm.toggleCollapse(id);
        this.announce(
          `${event.key === '+' ? 'Expanded' : 'Collapsed'} ${this.vm.person(id)?.contact.name ?? ''}`
        );
        this.pendingFocus = id;
        this.changed();
      }
    } else if (event.key === 'Escape') {
      this.close();
    }
  }

  protected moveTo(id: string): void {
    this.activeId = id;
    this.pendingFocus = id;
    this.bringIntoView(id);
    this.changed();
  }

  protected open(id: string): void {
    this.selectedId = id;
    this.activeId = id;
    this.showCoverage = false;
    this.saveError = null;
    this.conflict = false;
    this.changed();
  }

  protected close(): void {
    if (!this.selectedId) return;
    const back = this.selectedId;
    this.selectedId = null;
    this.saveError = null;
    this.conflict = false;
    if (this.vm?.isVisible(back)) {
      this.activeId = back;
      this.pendingFocus = back;
    }
  }

  handleRootKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && (this.selectedId || this.showCoverage)) {
      event.stopPropagation();
      if (this.selectedId) this.close();
      else this.showCoverage = false;
    }
  }

  handlePanelClose(): void {
    this.close();
  }
}
