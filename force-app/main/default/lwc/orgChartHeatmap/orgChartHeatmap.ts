import { LightningElement, api, wire } from 'lwc';
import loadOrgChartPage from '@salesforce/apex/OrgChartController.loadOrgChartPage';
import saveStakeholder from '@salesforce/apex/OrgChartController.saveStakeholder';
import saveLink from '@salesforce/apex/OrgChartController.saveLink';
import deleteLink from '@salesforce/apex/OrgChartController.deleteLink';
import getSettings from '@salesforce/apex/KeyplanSettingsController.getSettings';
import { isConflict } from 'c/keyplanErrors';
import { settingsFromData, type ColourMode, type CoverageIssue, type KeyplanSettings } from 'c/keyplanCore';
import type {
  ContactStakeholderInput,
  OrgChartData,
  RelationshipLinkInput,
  SettingsData
} from '@keyplan/contracts';
import {
  COLOUR_MODES,
  COLOUR_MODE_LABELS,
  OrgChartViewModel,
  type LineView,
  type PersonDetails,
  type ViewSlice
} from './viewModel';
import { loadOrgChart, progressText, type LoadProgress } from './pages';
import { fitTransform, neededCanvas, panIntoView, viewRect, zoomAt, ZOOM_STEP } from './viewport';
import {
  BLANK,
  COLOUR_OPTIONS,
  KEY_DIRECTIONS,
  LEVEL_OPTIONS,
  hitSummary,
  renderLinks,
  renderNodes,
  statusText,
  type RenderLink,
  type RenderNode
} from './render';

/**
 * The org chart heatmap on the Account record page: the reporting tree, the informal network over it,
 * colouring by heat / stance / buyer role / coverage, and in-place editing of stakeholders and links.
 * All chart logic lives in the view model; this class keeps the viewport, focus and server calls.
 */
export default class OrgChartHeatmap extends LightningElement {
  private record?: string;
  /** The account; setting another one loads its chart. */
  @api
  get recordId(): string {
    return this.record as string;
  }
  set recordId(value: string) {
    const changed = value !== this.record;
    this.record = value;
    if (changed && this.connected) this.load().catch(() => undefined);
  }
  /** App Builder: colouring when the chart opens. */
  @api defaultColourBy: string = 'heat';
  /** App Builder: levels shown when the chart opens, and below a focused person. */
  @api depth: number = 3;
  /** App Builder: chart height in pixels. */
  @api height: number = 560;

  data?: OrgChartData;
  error?: unknown;
  /** Where the page-by-page load stands (null before the first page arrives). */
  progress: LoadProgress | null = null;
  private loadSeq = 0;
  private connected = false;
  vm?: OrgChartViewModel;
  /** Bumped after each view model change so getters recompute. */
  version = 0;

  scale = 1;
  tx = 0;
  ty = 0;
  viewportWidth = 800;
  viewportHeight = 560;
  /** Height of the canvas: the tree's height at the current zoom, at most the App Builder height. */
  canvasHeight = 560;
  slice: ViewSlice = { nodes: [], edges: [], links: [], inView: 0, capped: false };

  activeId: string | null = null;
  selectedId: string | null = null;
  showCoverage = false;
  searchText = '';
  hits: string[] = [];
  hitIndex = -1;
  announcement = BLANK;
  focusLevels = 2;

  saving = false;
  saveError: unknown = null;
  conflict = false;

  private pendingFocus: string | null = null;
  private dragging: { x: number; y: number; tx: number; ty: number; moved: boolean } | null = null;
  private fitted = false;
  private resizeObserver?: ResizeObserver;
  /**
   * Memos of what the template reads, keyed by their inputs: LWC calls getters on every render, and a
   * fresh array makes it diff (and child components re-render) everything again.
   */
  private memo = new Map<string, { key: unknown[]; value: unknown }>();

  private memoised<T>(name: string, key: unknown[], compute: () => T): T {
    const hit = this.memo.get(name);
    if (hit && hit.key.length === key.length && hit.key.every((k, i) => k === key[i])) return hit.value as T;
    const value = compute();
    this.memo.set(name, { key, value });
    return value;
  }

  /** The org's heat thresholds, decay and stale-link window (override over packaged default). */
  private settings?: KeyplanSettings;

  @wire(getSettings)
  wiredSettings({ data }: WireResult<SettingsData>): void {
    if (!data) return;
    this.settings = settingsFromData(data);
    // Heat and coverage are computed in the view model: rebuild it with the org's numbers.
    if (this.data) this.buildViewModel(this.data);
  }

  /**
   * Reads the chart page by page (OrgChartController.loadOrgChartPage) and builds the view once every page
   * is in: the layout and the heat need the whole tree. A newer load (another record, a reload) wins; an
   * error on any page shows the error panel with Try again.
   */
  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    const accountId = this.recordId;
    const reloading = !!this.vm;
    this.error = undefined;
    this.progress = null;
    if (!accountId) return;
    if (!this.vm) this.data = undefined;
    try {
      const data = await loadOrgChart(
        (cursor) => loadOrgChartPage({ accountId, cursor }),
        (p) => {
          if (seq === this.loadSeq) this.progress = p;
        },
        () => seq !== this.loadSeq
      );
      if (!data || seq !== this.loadSeq) return;
      this.data = data;
      this.buildViewModel(data);
    } catch (e) {
      if (seq !== this.loadSeq) return;
      if (reloading) {
        // The chart on screen stays; the person panel shows why the reload failed.
        this.fail(e);
        return;
      }
      this.error = e;
      this.data = undefined;
      this.vm = undefined;
    } finally {
      if (seq === this.loadSeq) this.progress = null;
    }
  }

  handleRetry(): void {
    this.load().catch(() => undefined);
  }

  private buildViewModel(data: OrgChartData): void {
    const previous = this.vm;
    const mode = (COLOUR_MODES as readonly string[]).includes(this.defaultColourBy)
      ? (this.defaultColourBy as ColourMode)
      : 'heat';
    const vm = new OrgChartViewModel(data, {
      colourBy: previous?.colourBy ?? mode,
      initialDepth: this.depthValue,
      settings: this.settings
    });
    if (previous) {
      // A refresh keeps what the user was looking at.
      vm.collapsed = previous.collapsed;
      vm.setBuyingCenter(previous.buyingCenterId);
      if (previous.focus) vm.setFocus(previous.focus.id, previous.focus.levels);
    }
    this.vm = vm;
    this.focusLevels = Math.max(1, Math.min(5, this.depthValue - 1 || 2));
    this.changed();
  }

  override connectedCallback(): void {
    this.viewportHeight = this.heightValue;
    this.canvasHeight = this.heightValue;
    this.connected = true;
    this.load().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    this.connected = false;
    // A load still running is dropped when its pages come back.
    this.loadSeq++;
    this.resizeObserver?.disconnect();
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
      this.fit(true);
    }
    if (this.pendingFocus) {
      const el = this.template?.querySelector<HTMLElement>(`.node[data-id="${this.pendingFocus}"]`);
      if (el) {
        this.pendingFocus = null;
        el.focus();
      }
    }
  }

  private measure(): void {
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

  get depthValue(): number {
    const d = Number(this.depth);
    return Number.isFinite(d) && d >= 0 ? Math.floor(d) : 3;
  }

  get heightValue(): number {
    const h = Number(this.height);
    return Number.isFinite(h) && h >= 240 ? h : 560;
  }

  // ---- states ----
  get isLoading(): boolean {
    return !this.data && !this.error;
  }
  /** The progress line under the spinner, read out politely as pages arrive. */
  get progressText(): string {
    return progressText(this.progress);
  }
  /** A reload of a chart already on screen (after a conflict) shows its progress above the chart. */
  get isReloading(): boolean {
    return !!this.progress && !!this.data;
  }
  get hasError(): boolean {
    return !!this.error;
  }
  get isEmpty(): boolean {
    return !!this.data && this.data.contacts.length === 0;
  }
  get hasData(): boolean {
    return !!this.vm && !this.isEmpty;
  }
  get cardTitle(): string {
    return this.data ? `Org chart: ${this.data.accountName}` : 'Org chart';
  }
  get truncatedMessage(): string | null {
    if (!this.data?.truncated) return null;
    return `Showing the first ${this.buyingCenters.length.toLocaleString()} buying centers of the account (the query limit).`;
  }
  get repairMessages(): string[] {
    return this.vm?.repairs.slice(0, 5) ?? [];
  }
  get hasRepairs(): boolean {
    return this.repairMessages.length > 0;
  }
  get heightStyle(): string {
    return `height: ${this.heightValue}px`;
  }
  get canvasStyle(): string {
    return `height: ${this.canvasHeight}px`;
  }

  // ---- toolbar ----
  get colourOptions(): { label: string; value: string }[] {
    return COLOUR_OPTIONS;
  }
  get colourBy(): string {
    return this.vm?.colourBy ?? 'heat';
  }
  get legendTitle(): string {
    return `Colour: ${COLOUR_MODE_LABELS[this.vm?.colourBy ?? 'heat']}`;
  }
  get legend(): { key: string; label: string; colour: string; count: number }[] {
    return this.vm?.legend ?? [];
  }
  get buyingCenterOptions(): { label: string; value: string }[] {
    return this.memoised('bcOptions', [this.vm?.buyingCenters], () => [
      { label: 'All buying centers', value: '' },
      ...this.buyingCenters
    ]);
  }
  get buyingCenterValue(): string {
    return this.vm?.buyingCenterId ?? '';
  }
  get levelOptions(): { label: string; value: string }[] {
    return LEVEL_OPTIONS;
  }
  get focusLevelsValue(): string {
    return String(this.focusLevels);
  }
  get isFocused(): boolean {
    return !!this.vm?.focus;
  }
  get focusLabel(): string {
    const id = this.vm?.focus?.id;
    const name = id ? this.vm?.person(id)?.contact.name : '';
    return `Focused on ${name ?? ''}`;
  }
  get zoomPercent(): string {
    return `${Math.round(this.scale * 100)}%`;
  }
  get hitSummary(): string {
    return hitSummary(this.searchText, this.hits.length, this.hitIndex);
  }
  get noHits(): boolean {
    return this.hits.length < 2;
  }
  get statusText(): string {
    if (!this.vm) return BLANK;
    const { nodes, inView, capped } = this.slice;
    return statusText(
      { visible: this.vm.visibleCount, total: this.vm.totalCount },
      { drawn: nodes.length, inView, capped }
    );
  }
  get coverageButtonLabel(): string {
    return `Coverage (${this.issues.length})`;
  }
  get coverageVariant(): string {
    return this.showCoverage ? 'brand' : 'neutral';
  }

  handleColourChange(event: CustomEvent<{ value: string }>): void {
    this.vm?.setColourBy(event.detail.value as ColourMode);
    this.changed();
  }

  handleBuyingCenterChange(event: CustomEvent<{ value: string }>): void {
    this.vm?.setBuyingCenter(event.detail.value || null);
    this.changed();
    this.fit(true);
  }

  handleLevelsChange(event: CustomEvent<{ value: string }>): void {
    this.focusLevels = Number(event.detail.value);
    if (this.vm?.focus) {
      this.vm.setFocus(this.vm.focus.id, this.focusLevels);
      this.changed();
      this.fit(true);
    }
  }

  handleClearFocus(): void {
    this.vm?.setFocus(null);
    this.changed();
    this.fit(true);
  }

  handleExpandAll(): void {
    this.vm?.expandAll();
    this.changed();
    this.growCanvas();
  }

  handleToggleCoverage(): void {
    this.showCoverage = !this.showCoverage;
    if (this.showCoverage) this.selectedId = null;
  }

  // ---- search ----
  handleSearchInput(event: CustomEvent<{ value: string }> & { target: { value?: string } }): void {
    this.searchText = event.detail?.value ?? event.target?.value ?? '';
    this.hits = this.vm ? this.vm.search(this.searchText) : [];
    this.hitIndex = -1;
    if (this.hits.length) this.gotoHit(0);
    else this.announce(this.searchText.trim() ? `No one matches ${this.searchText}` : '');
    this.refreshView();
  }

  handleSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && this.hits.length) {
      event.preventDefault();
      this.gotoHit((this.hitIndex + 1) % this.hits.length);
    }
  }

  handleNextHit(): void {
    if (this.hits.length) this.gotoHit((this.hitIndex + 1) % this.hits.length);
  }

  handlePreviousHit(): void {
    if (this.hits.length) this.gotoHit((this.hitIndex - 1 + this.hits.length) % this.hits.length);
  }

  private gotoHit(i: number): void {
    this.hitIndex = i;
    const id = this.hits[i];
    this.reveal(id);
    this.activeId = id;
    const label = this.vm?.ariaLabel(id) ?? '';
    this.announce(`${label}. Match ${i + 1} of ${this.hits.length}.`);
    this.changed();
  }

  private announce(text: string): void {
    this.announcement = text || BLANK;
  }

  // ---- viewport ----
  get layerStyle(): string {
    return `transform: translate(${this.tx}px, ${this.ty}px) scale(${this.scale})`;
  }
  get svgTransform(): string {
    return `translate(${this.tx} ${this.ty}) scale(${this.scale})`;
  }

  private changed(): void {
    this.version++;
    this.refreshView();
  }

  private refreshView(): void {
    if (!this.vm) return;
    this.slice = this.vm.view(viewRect(this, { width: this.viewportWidth, height: this.viewportHeight }));
  }

  get renderNodes(): RenderNode[] {
    return this.memoised(
      'nodes',
      [this.slice, this.selectedId, this.hits, this.hitIndex, this.activeId],
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
    this.setCanvasHeight(t.canvasHeight);
    this.tx = t.tx;
    this.ty = t.ty;
    this.refreshView();
  }

  private setCanvasHeight(h: number): void {
    this.canvasHeight = h;
    // The viewport is measured again by the ResizeObserver; until then assume the new height.
    this.viewportHeight = h;
  }

  /** After more people appear (expand), the canvas grows up to the App Builder height; it never shrinks. */
  private growCanvas(): void {
    if (!this.vm) return;
    const needed = neededCanvas(this.vm.size.height, this.scale);
    if (needed > this.canvasHeight) {
      this.setCanvasHeight(Math.min(this.heightValue, needed));
      this.refreshView();
    }
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
  private zoomAt(next: number, px: number, py: number): void {
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
    if (target.closest && target.closest('.node, .toggle')) return;
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
  private bringIntoView(id: string): void {
    const box = this.vm?.nodeBox(id);
    const pan = box && panIntoView(this, box, { width: this.viewportWidth, height: this.viewportHeight });
    if (!pan) return;
    this.tx = pan.tx;
    this.ty = pan.ty;
  }

  private reveal(id: string): void {
    if (!this.vm) return;
    this.vm.reveal(id);
    this.bringIntoView(id);
  }

  // ---- nodes ----
  private idOf(event: Event): string | null {
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

  private moveTo(id: string): void {
    this.activeId = id;
    this.pendingFocus = id;
    this.bringIntoView(id);
    this.changed();
  }

  private open(id: string): void {
    this.selectedId = id;
    this.activeId = id;
    this.showCoverage = false;
    this.saveError = null;
    this.conflict = false;
    this.changed();
  }

  private close(): void {
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

  // ---- side panel ----
  get person(): PersonDetails | null {
    // Scans every link of the account: once per selection or change, not once per render.
    const id = this.selectedId;
    const vm = this.vm;
    return this.memoised('person', [id, vm, this.version], () => {
      return id && vm ? vm.person(id) : null;
    });
  }
  get hasPerson(): boolean {
    return !!this.person;
  }
  get people(): { label: string; value: string }[] {
    const id = this.selectedId;
    const vm = this.vm;
    return this.memoised('people', [id, vm, this.version], () => {
      return id && vm ? vm.contactOptions(id, '', Number.MAX_SAFE_INTEGER) : [];
    });
  }
  get fieldAccess(): Record<string, { readable: boolean; updateable: boolean }> {
    return this.data?.fieldAccess ?? {};
  }
  get buyingCenters(): { label: string; value: string }[] {
    return this.memoised('bcs', [this.vm?.buyingCenters], () =>
      (this.vm?.buyingCenters ?? []).map((b) => ({ label: b.name, value: b.id }))
    );
  }
  get accountId(): string {
    return this.data?.accountId ?? this.recordId;
  }
  get issues(): (CoverageIssue & { key: string })[] {
    return this.memoised('issues', [this.vm?.issues], () =>
      (this.vm?.issues ?? []).map((i, n) => ({
        ...i,
        key: `${i.code}-${i.contactId ?? ''}-${i.buyingCenterId ?? ''}-${i.linkId ?? ''}-${n}`
      }))
    );
  }

  handlePanelClose(): void {
    this.close();
  }

  handleSelectPerson(event: CustomEvent<{ contactId?: string; buyingCenterId?: string }>): void {
    const { contactId, buyingCenterId } = event.detail;
    if (contactId) {
      this.reveal(contactId);
      this.open(contactId);
      this.pendingFocus = null;
    } else if (buyingCenterId && this.vm) {
      this.vm.setBuyingCenter(buyingCenterId);
      this.changed();
      this.fit(true);
    }
  }

  handleFocusPerson(event: CustomEvent<{ contactId: string }>): void {
    if (!this.vm) return;
    this.vm.setFocus(event.detail.contactId, this.focusLevels);
    this.changed();
    this.fit(true);
  }

  private fail(error: unknown): void {
    this.saveError = error;
    this.conflict = isConflict(error);
  }

  private afterWrite(): void {
    this.saveError = null;
    this.conflict = false;
    // The view already shows the saved values; the pages are read fresh on every load (never cached).
    this.changed();
  }

  /** Runs one server write: the panel shows `saving` meanwhile and the error (or conflict) after. */
  private async write(run: () => Promise<void>): Promise<void> {
    this.saving = true;
    try {
      await run();
      this.afterWrite();
    } catch (e) {
      this.fail(e);
    } finally {
      this.saving = false;
    }
  }

  handleSaveStakeholder(event: CustomEvent<{ input: ContactStakeholderInput }>): Promise<void> {
    return this.write(async () => {
      const saved = await saveStakeholder({ input: event.detail.input });
      this.vm?.replaceContact(saved);
      this.announce(`Saved ${saved.name}.`);
    });
  }

  handleSaveLink(event: CustomEvent<{ input: RelationshipLinkInput }>): Promise<void> {
    return this.write(async () => {
      const saved = await saveLink({ input: event.detail.input });
      this.vm?.upsertLink(saved);
      this.announce('Link saved.');
    });
  }

  handleDeleteLink(event: CustomEvent<{ linkId: string; lastModified: string }>): Promise<void> {
    return this.write(async () => {
      await deleteLink({ linkId: event.detail.linkId, lastModified: event.detail.lastModified });
      this.vm?.removeLink(event.detail.linkId);
      this.announce('Link removed.');
    });
  }

  async handleReload(): Promise<void> {
    this.saveError = null;
    this.conflict = false;
    await this.load();
  }
}
