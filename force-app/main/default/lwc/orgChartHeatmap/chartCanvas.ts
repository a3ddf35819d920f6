import { LightningElement } from 'lwc';
import type { LineView, OrgChartViewModel, ViewSlice } from './viewModel';
import { openToFit } from './openView';
import {
  centreOn,
  DEFAULT_CANVAS,
  fitTransform,
  keyPan,
  MINIMAP_BOX,
  MINIMAP_FROM,
  minimapFrame,
  type MinimapFrame,
  minimapPath,
  minimapWindow,
  panIntoView,
  readableRoom,
  topView,
  viewRect,
  zoomAt,
  ZOOM_STEP
} from './viewport';
import { renderLinks, renderNodes, type RenderLink, type RenderNode } from './render';

/**
 * The org chart's canvas layer of `orgChartHeatmap` (a base class, not a component of its own): the view
 * model's slice in the viewport, zoom, pan, fit, the canvas height and the drawn people and links.
 * The viewport maths are in `viewport.ts`; the decoration of what is drawn in `render.ts`.
 */
export class OrgChartCanvas extends LightningElement {
  vm?: OrgChartViewModel;
  /** Bumped after each view model change so getters recompute. */
  version = 0;
  scale = 1;
  tx = 0;
  ty = 0;
  viewportWidth = 800;
  viewportHeight = DEFAULT_CANVAS;
  /** Height of the canvas: the height the page gives it (App Builder). */
  canvasHeight = DEFAULT_CANVAS;
  slice: ViewSlice = { nodes: [], edges: [], links: [], inView: 0, capped: false };
  activeId: string | null = null;
  selectedId: string | null = null;
  hits: string[] = [];
  /** The card being moved (dragged, or picked with M; see chartMoves.ts), or null. */
  movingId: string | null = null;
  /** The card under the pointer while a card is dragged, or null. */
  dropId: string | null = null;
  hitIndex = -1;
  protected pendingFocus: string | null = null;
  protected dragging: { x: number; y: number; tx: number; ty: number; moved: boolean } | null = null;
  protected fitted = false;
  protected resizeObserver?: ResizeObserver;
  /**
   * Memos of what the template reads, keyed by their inputs: LWC calls getters on every render, and a
   * fresh array makes it diff (and child components re-render) everything again.
   */
  protected memo = new Map<string, { key: unknown[]; value: unknown }>();

  protected memoised<T>(name: string, key: unknown[], compute: () => T): T {
    const hit = this.memo.get(name);
    if (hit && hit.key.length === key.length && hit.key.every((k, i) => k === key[i])) return hit.value as T;
    const value = compute();
    this.memo.set(name, { key, value });
    return value;
  }

  override renderedCallback(): void {
    const viewport = this.template?.querySelector<HTMLElement>('.viewport');
    if (viewport && !this.resizeObserver && typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.measure());
      this.resizeObserver.observe(viewport);
    }
    if (viewport && !this.fitted) {
      this.fitted = true;
      this.measure();
      this.openView();
    }
    if (this.pendingFocus) {
      const el = this.template?.querySelector<HTMLElement>(`.node[data-id="${this.pendingFocus}"]`);
      if (el) {
        this.pendingFocus = null;
        el.focus();
      }
    }
  }

  /** The App Builder height: the canvas fills it. */
  get heightValue(): number {
    return DEFAULT_CANVAS;
  }

  /**
   * The opening view: the top of the tree at a readable zoom with as many levels open as fit the
   * canvas (at least the App Builder's "Levels shown").
   */
  protected openView(): void {
    if (this.vm) openToFit(this.vm, readableRoom({ width: this.viewportWidth, height: this.heightValue }));
    this.version++;
    this.fit(true);
  }

  /** Stops watching the viewport's size (when the component leaves the page). */
  protected stopObserving(): void {
    this.resizeObserver?.disconnect();
  }

  protected measure(): void {
    const viewport = this.template?.querySelector<HTMLElement>('.viewport');
    if (!viewport) return;
    // One layout read per resize (clientWidth excludes the border the transform origin sits inside).
    const w = viewport.clientWidth;
    const h = viewport.clientHeight;
    // jsdom and hidden tabs report 0: keep the last known size.
    if (w > 0) this.viewportWidth = w;
    if (h > 0) this.viewportHeight = h;
    this.refreshView();
  }

  get canvasStyle(): string {
    return `height: ${this.canvasHeight}px`;
  }

  get zoomPercent(): string {
    return `${Math.round(this.scale * 100)}%`;
  }

  get layerStyle(): string {
    return `transform: translate(${this.tx}px, ${this.ty}px) scale(${this.scale})`;
  }

  get svgTransform(): string {
    return `translate(${this.tx} ${this.ty}) scale(${this.scale})`;
  }

  protected changed(): void {
    this.version++;
    this.refreshView();
  }

  protected refreshView(): void {
    if (!this.vm) return;
    this.slice = this.vm.view(viewRect(this, { width: this.viewportWidth, height: this.viewportHeight }));
  }

  get renderNodes(): RenderNode[] {
    return this.memoised(
      'nodes',
      [this.slice, this.selectedId, this.hits, this.hitIndex, this.activeId, this.movingId, this.dropId],
      () => renderNodes(this.slice.nodes, this)
    );
  }

  get renderEdges(): LineView[] {
    return this.slice.edges;
  }

  get renderLinks(): RenderLink[] {
    return this.memoised('links', [this.slice], () => renderLinks(this.slice.links));
  }

  /** Fits the chart to the canvas (see `fitTransform`); `readable` keeps names readable on wide trees. */
  fit(readable = false): void {
    if (!this.vm) return;
    const root = this.vm.firstVisibleId ? this.vm.nodeBox(this.vm.firstVisibleId) : undefined;
    const t = fitTransform(this.vm.size, this.viewportWidth, this.heightValue, readable, root);
    this.scale = t.scale;
    if (this.canvasHeight !== t.canvasHeight) this.setCanvasHeight(t.canvasHeight);
    this.tx = t.tx;
    this.ty = t.ty;
    this.refreshView();
  }

  protected setCanvasHeight(h: number): void {
    this.canvasHeight = h;
    // The viewport is measured again by the ResizeObserver; until then assume the new height.
    this.viewportHeight = h;
  }

  /** After more people appear (expand): the canvas already fills its height; draw what is now in view. */
  protected growCanvas(): void {
    this.refreshView();
  }

  /** Back to the top of the tree at the current zoom (after everyone was expanded). */
  protected showTop(): void {
    if (!this.vm) return;
    const root = this.vm.firstVisibleId ? this.vm.nodeBox(this.vm.firstVisibleId) : undefined;
    const t = topView(this.scale, this.vm.size.width, this.viewportWidth, root);
    this.tx = t.tx;
    this.ty = t.ty;
    this.refreshView();
  }

  // ---- minimap ----
  get showMinimap(): boolean {
    return !!this.vm && this.vm.visibleCount > MINIMAP_FROM;
  }

  private get mapFrame(): MinimapFrame {
    const size = this.vm?.size ?? { width: 0, height: 0 };
    const box = { width: Math.min(MINIMAP_BOX.width, this.viewportWidth / 2), height: MINIMAP_BOX.height };
    return this.memoised('mapFrame', [size.width, size.height, box.width], () => minimapFrame(size, box));
  }

  get minimapPath(): string {
    const frame = this.mapFrame;
    // Once per layout (the view model's revision changes with every relayout and recolour).
    return this.memoised('mapPath', [this.vm?.layoutNodes, frame], () =>
      minimapPath(this.vm?.layoutNodes ?? [], frame)
    );
  }

  get minimapWidth(): number {
    return Math.ceil(this.mapFrame.width);
  }

  get minimapHeight(): number {
    return Math.ceil(this.mapFrame.height);
  }

  get minimapWindow(): { x1: number; y1: number; x2: number; y2: number } {
    return minimapWindow(this, { width: this.viewportWidth, height: this.viewportHeight }, this.mapFrame);
  }

  get drawnCount(): number {
    return this.vm?.visibleCount ?? 0;
  }

  /** Minimap click: centre the chart on that point. */
  handleMinimapNavigate(event: CustomEvent<{ x: number; y: number }>): void {
    const f = this.mapFrame;
    const pan = centreOn(this, event.detail.x / f.sx, event.detail.y / f.sy, {
      width: this.viewportWidth,
      height: this.viewportHeight
    });
    this.tx = pan.tx;
    this.ty = pan.ty;
    this.refreshView();
  }

  /** Minimap keys: arrows move the view a quarter screen, Home goes to the top left. */
  handleMinimapPan(event: CustomEvent<{ key: string }>): void {
    const pan = keyPan(this, event.detail.key, { width: this.viewportWidth, height: this.viewportHeight });
    if (!pan) return;
    this.tx = pan.tx;
    this.ty = pan.ty;
    this.refreshView();
  }

  handleFit(): void {
    // The button shows the whole tree, however small that makes it.
    this.fit();
  }

  handleZoomIn(): void {
    this.zoomAt(this.scale * ZOOM_STEP, this.viewportWidth / 2, this.viewportHeight / 2);
  }

  handleZoomOut(): void {
    this.zoomAt(this.scale / ZOOM_STEP, this.viewportWidth / 2, this.viewportHeight / 2);
  }

  /** Zooms keeping the layout point under (px, py) still. */
  protected zoomAt(next: number, px: number, py: number): void {
    const t = zoomAt(this, next, px, py);
    this.scale = t.scale;
    this.tx = t.tx;
    this.ty = t.ty;
    this.refreshView();
  }

  handleWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const factor = event.deltaY < 0 ? 1.1 : 1 / 1.1;
    this.zoomAt(this.scale * factor, event.clientX - rect.left, event.clientY - rect.top);
  }

  handlePointerDown(event: PointerEvent): void {
    if (event.button !== undefined && event.button !== 0) return;
    const target = event.target as HTMLElement;
    if (target.closest && target.closest('.node, .toggle, .minimap-slot')) return;
    this.dragging = { x: event.clientX, y: event.clientY, tx: this.tx, ty: this.ty, moved: false };
  }

  handlePointerMove(event: PointerEvent): void {
    if (!this.dragging) return;
    const dx = event.clientX - this.dragging.x;
    const dy = event.clientY - this.dragging.y;
    if (Math.abs(dx) + Math.abs(dy) > 2) this.dragging.moved = true;
    this.tx = this.dragging.tx + dx;
    this.ty = this.dragging.ty + dy;
    this.refreshView();
  }

  handlePointerUp(): void {
    this.dragging = null;
  }

  /** Pans so a person is on screen (centred if they were outside it). */
  protected bringIntoView(id: string): void {
    const box = this.vm?.nodeBox(id);
    const pan = box && panIntoView(this, box, { width: this.viewportWidth, height: this.viewportHeight });
    if (!pan) return;
    this.tx = pan.tx;
    this.ty = pan.ty;
  }

  protected reveal(id: string): void {
    if (!this.vm) return;
    this.vm.reveal(id);
    this.bringIntoView(id);
  }
}
