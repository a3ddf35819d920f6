import { api, wire } from 'lwc';
import loadOrgChartPage from '@salesforce/apex/OrgChartController.loadOrgChartPage';
import loadActivityPage from '@salesforce/apex/ActivityController.loadActivityPage';
import getSettings from '@salesforce/apex/KeyplanSettingsController.getSettings';
import getAccountTeam from '@salesforce/apex/OrgChartController.getAccountTeam';
import { settingsFromData, type ColourMode, type KeyplanSettings } from 'c/keyplanCore';
import type { AccountTeam, ActivityAggregate, OrgChartData, SettingsData } from '@keyplan/contracts';
import { COLOUR_MODES, OrgChartViewModel } from './viewModel';
import { loadOrgChart, progressText, type LoadProgress } from './pages';
import { activityStatusText, startActivityLoad, type ActivityState } from './activityPages';
import { BLANK, LEVEL_OPTIONS, statusText } from './render';
import { OrgChartPanel } from './chartPanel';
import { DEFAULT_CANVAS, MIN_CANVAS } from './viewport';

/**
 * The org chart heatmap on the Account record page: the reporting tree, the informal network over it,
 * colouring by heat / stance / buyer role / coverage, and in-place editing of stakeholders and links.
 * All chart logic lives in the view model; the viewport is kept by the canvas layer (`chartCanvas.ts`),
 * search, keyboard and selection by the navigation layer (`chartNavigation.ts`), the toolbar's colouring,
 * filters and search results by the filter layer (`chartFilters.ts`), moving a person under another
 * manager by the move layer (`chartMoves.ts`), the side panel and its saves by the panel layer
 * (`chartPanel.ts`); this class keeps the loading, the states and the toolbar's levels and focus.
 */
export default class OrgChartHeatmap extends OrgChartPanel {
  private record?: string;
  /** Activity aggregates (ActivityController.loadActivityPage). */
  private activity: ActivityAggregate[] = [];
  /** Whether that activity is loading, in or failed (null before the first load). */
  activityState: ActivityState | null = null;
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
  @api height: number = DEFAULT_CANVAS;

  error?: unknown;
  /** Where the page-by-page load stands (null before the first page arrives). */
  progress: LoadProgress | null = null;
  private loadSeq = 0;
  private connected = false;
  focusLevels = 2;

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
   * The account team (AccountTeamMember) of the scope: cached and beside the chart pages (the first render
   * waits for nothing more). When it arrives, only the team lane and the pickers are recomputed; an org
   * without Account Teams, or a failed read, leaves the lane to our people with links.
   */
  private roster: AccountTeam['members'] = [];
  @wire(getAccountTeam, { accountId: '$recordId' })
  wiredAccountTeam({ data }: WireResult<AccountTeam>): void {
    this.roster = data?.members ?? [];
    if (!this.vm) return;
    this.vm.setRoster(this.roster);
    this.changed();
  }

  /**
   * Reads the chart page by page (OrgChartController.loadOrgChartPage) and builds the view once every page
   * is in: the layout and the heat need the whole tree. Then reads the activity behind the heat
   * (ActivityController.loadActivityPage) and redraws when it is in: the chart's pages go first, so the
   * people are on screen without waiting for (or competing with) hundreds of thousands of activity rows,
   * and the status line says the heat is still being added. A newer load (another record, a reload) wins;
   * an error on any chart page shows the error panel with Try again; a failed activity load keeps the chart
   * with recorded relationships only and says why.
   */
  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    const accountId = this.recordId;
    const reloading = !!this.vm;
    this.error = undefined;
    this.progress = null;
    if (!accountId) return;
    if (!this.vm) this.data = undefined;
    if (!reloading) {
      this.activity = [];
      this.activityState = { status: 'loading' };
    }
    const stale = (): boolean => seq !== this.loadSeq;
    try {
      const data = await loadOrgChart(
        (cursor) => loadOrgChartPage({ accountId, cursor }),
        (p) => {
          if (!stale()) this.progress = p;
        },
        stale
      );
      if (!data || stale()) return;
      this.data = data;
      this.buildViewModel(data);
    } catch (e) {
      if (stale()) return;
      if (reloading) {
        // The chart on screen stays; the person panel shows why the reload failed.
        this.fail(e);
        return;
      }
      this.error = e;
      this.data = undefined;
      this.vm = undefined;
      return;
    } finally {
      if (!stale()) this.progress = null;
    }
    startActivityLoad(
      (cursor) => loadActivityPage({ accountId, cursor }),
      stale,
      (rows) => this.activityLoaded({ status: 'ready', rows: rows.length }, rows),
      (message) => this.activityLoaded({ status: 'failed', message }, [])
    );
  }

  /** The activity is in (or failed): the heat and the panel are recomputed with it. */
  private activityLoaded(state: ActivityState, rows: ActivityAggregate[]): void {
    this.activity = rows;
    this.activityState = state;
    if (this.data) this.buildViewModel(this.data);
  }

  /** The line under the chart while the heat's activity loads, or why it could not be read. */
  get activityStatus(): string {
    return activityStatusText(this.activityState);
  }
  /** The line takes no room once the activity is in (the empty live region stays for screen readers). */
  get activityStatusClass(): string {
    const base = 'activity-status slds-text-body_small';
    if (!this.activityStatus) return base;
    return `${base} slds-m-top_xx-small ${this.activityFailed ? 'slds-text-color_error' : 'slds-text-color_weak'}`;
  }
  get activityFailed(): boolean {
    return this.activityState?.status === 'failed';
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
      settings: this.settings,
      activity: this.activity,
      activityState: this.activityState,
      roster: this.roster
    });
    // A refresh keeps what the user was looking at.
    if (previous) vm.keepViewOf(previous);
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
    this.stopObserving();
  }

  get depthValue(): number {
    const d = Number(this.depth);
    return Number.isFinite(d) && d >= 0 ? Math.floor(d) : 3;
  }

  override get heightValue(): number {
    const h = Number(this.height);
    return Number.isFinite(h) && h >= MIN_CANVAS ? h : DEFAULT_CANVAS;
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

  // ---- toolbar ----
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
  get statusText(): string {
    if (!this.vm) return BLANK;
    const { nodes, inView, capped } = this.slice;
    return statusText(
      { visible: this.vm.visibleCount, total: this.vm.totalCount },
      { drawn: nodes.length, inView, capped }
    );
  }
  get issueCount(): number {
    return this.vm?.issues.length ?? 0;
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
    // Back to the top of the tree (the old pan may point into the middle of nowhere).
    this.showTop();
  }

  get accountId(): string {
    return this.data?.accountId ?? this.recordId;
  }
  handleFocusPerson(event: CustomEvent<{ contactId: string }>): void {
    if (!this.vm) return;
    this.vm.setFocus(event.detail.contactId, this.focusLevels);
    this.changed();
    this.fit(true);
  }

  async handleReload(): Promise<void> {
    this.saveError = null;
    this.conflict = false;
    await this.load();
  }
}
