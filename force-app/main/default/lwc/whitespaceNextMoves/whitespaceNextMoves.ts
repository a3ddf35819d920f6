import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getWhitespace from '@salesforce/apex/WhitespaceController.getWhitespace';
import loadOrgChartPage from '@salesforce/apex/OrgChartController.loadOrgChartPage';
import getSettings from '@salesforce/apex/KeyplanSettingsController.getSettings';
import USER_ID from '@salesforce/user/Id';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import {
  buildMatrix,
  figureOptions,
  formatCurrency,
  nextMoves,
  settingsFromData,
  type KeyplanSettings,
  type NextMove,
  type WhitespaceMatrix
} from 'c/keyplanCore';
import type { SettingsData, WhitespaceData } from '@keyplan/contracts';
import { movePage, planActionInput } from './actions';
import { openPlanAction, type PlanTarget } from 'c/planActionTarget';
import type { PlanActionInput } from 'c/planCreateOffer';
import { loadPeople, type People } from './people';

export interface MoveView {
  key: string;
  rank: number;
  reason: string;
  potentialText: string;
  reachText: string;
  riskText: string;
  actionLabel: string;
  actionIcon: string;
  ariaLabel: string;
  move: NextMove;
}

const ACTION_ICON: Record<NextMove['action'], string> = {
  'create-opportunity': 'utility:add',
  'add-relationship': 'utility:people',
  'create-plan-action': 'utility:task'
};

/**
 * The next moves of an account's fiscal year (keyplanCore nextMoves, docs/DEFINITIONS.md): beside the
 * whitespace matrix (which passes its matrix) and on the plan summary (which passes none: the component
 * then reads the year's whitespace itself, imperatively from the same cacheable method). People and relationships come
 * from the org chart's pages.
 */
export default class WhitespaceNextMoves extends NavigationMixin(LightningElement) {
  /** The matrix already built by the whitespace matrix; without it the component builds its own. */
  @api matrix?: WhitespaceMatrix = undefined;
  private _fiscalYear?: number = undefined;
  /** How many moves to show. */
  @api limit = 10;
  /** The year's account plan (plan actions belong to it). */
  @api planId?: string = undefined;
  @api heading = 'Next moves';

  private _recordId?: string = undefined;
  people?: People = undefined;
  error?: unknown = undefined;
  ownData?: WhitespaceData = undefined;
  ownMatrix?: WhitespaceMatrix = undefined;
  settings: KeyplanSettings = settingsFromData(undefined);
  private loadId = 0;

  @api
  get fiscalYear(): number | undefined {
    return this._fiscalYear;
  }
  set fiscalYear(value: number | string | undefined) {
    const y = value === undefined || value === null || value === '' ? undefined : Number(value);
    if (y === this._fiscalYear) return;
    this._fiscalYear = y;
    // Without a matrix from the page, this year's whitespace is read again.
    if (this.connected && !this.matrix) this.loadWhitespace();
  }

  @api
  get recordId(): string | undefined {
    return this._recordId;
  }
  set recordId(value: string | undefined) {
    if (value === this._recordId) return;
    this._recordId = value;
    this.people = undefined;
    if (this.connected) {
      this.load();
      this.loadWhitespace();
    }
  }

  private connected = false;

  override connectedCallback(): void {
    this.connected = true;
    if (!this.people) this.load();
    if (!this.matrix && !this.ownMatrix) this.loadWhitespace();
  }

  override disconnectedCallback(): void {
    this.connected = false;
    this.loadId++;
    this.whitespaceId++;
  }

  /**
   * Reads the year's whitespace (no matrix given, e.g. on the plan summary): an imperative call of the
   * cacheable method, so a matrix on the same page that passes its own never triggers it.
   */
  private loadWhitespace(): void {
    const accountId = this._recordId;
    const fiscalYear = this._fiscalYear;
    if (!accountId || fiscalYear === undefined || this.matrix) return;
    const id = ++this.whitespaceId;
    getWhitespace({ accountId, fiscalYear })
      .then((data: WhitespaceData) => {
        if (id !== this.whitespaceId) return;
        this.ownData = data;
        this.ownMatrix = buildMatrix(data, { ...figureOptions(data), focusYear: fiscalYear });
      })
      .catch((e: unknown) => {
        if (id === this.whitespaceId) this.error = e;
      });
  }

  private whitespaceId = 0;

  @wire(getSettings)
  wiredSettings({ data }: WireResult<SettingsData>): void {
    if (data) this.settings = settingsFromData(data);
  }

  private load(): void {
    const accountId = this._recordId;
    if (!accountId) return;
    const id = ++this.loadId;
    this.error = undefined;
    loadPeople((cursor) => loadOrgChartPage({ accountId, cursor }))
      .then((people) => {
        if (id === this.loadId) this.people = people;
      })
      .catch((e: unknown) => {
        if (id === this.loadId) this.error = e;
      });
  }

  get shownMatrix(): WhitespaceMatrix | undefined {
    return this.matrix ?? this.ownMatrix;
  }

  get isLoading(): boolean {
    return !this.error && (!this.people || !this.shownMatrix);
  }

  get hasError(): boolean {
    return !!this.error;
  }

  private get format(): (v: number) => string {
    const code = this.ownData?.currencyCode || CURRENCY || 'USD';
    return (v) => formatCurrency(v, code, { locale: LOCALE, compact: true });
  }

  /** The last ranking and what it was computed from: a render reads `moves` several times. */
  private memo?: { inputs: unknown[]; views: MoveView[] } = undefined;

  get moves(): MoveView[] {
    const matrix = this.shownMatrix;
    if (!matrix || !this.people || this._fiscalYear === undefined) return [];
    const inputs = [matrix, this.people, this._fiscalYear, this.settings, this.limit, this.ownData];
    if (this.memo && this.memo.inputs.every((v, i) => v === inputs[i])) return this.memo.views;
    const format = this.format;
    const views = nextMoves(
      {
        matrix,
        fiscalYear: Number(this.fiscalYear),
        contacts: this.people.contacts,
        links: this.people.links
      },
      { settings: this.settings, format, limit: Number(this.limit) || 10 }
    ).map((m) => ({
      key: `${m.buyingCenterId}|${m.offeringId}`,
      rank: m.rank,
      reason: m.reason,
      potentialText: format(m.potential),
      reachText: `reach ${Math.round(m.reach * 100)}%`,
      riskText: m.risk > 0 ? `risk ${Math.round(m.risk * 100)}%` : 'no risk found',
      actionLabel: m.actionLabel,
      actionIcon: ACTION_ICON[m.action],
      ariaLabel: `${m.actionLabel}, for move ${m.rank}`,
      move: m
    }));
    this.memo = { inputs, views };
    return views;
  }

  get hasMoves(): boolean {
    return this.moves.length > 0;
  }

  get isEmpty(): boolean {
    return !this.isLoading && !this.hasError && !this.hasMoves;
  }

  get emptyText(): string {
    return `No whitespace or competitive potential assessed for FY${this._fiscalYear}: assess cells in the whitespace matrix to see where to go next.`;
  }

  get headingText(): string {
    return this._fiscalYear ? `${this.heading}, FY${this._fiscalYear}` : this.heading;
  }

  /** The move whose plan action found no plan for its year, with its action (c/planCreateOffer offers the plan). */
  noPlan: { target: PlanTarget; action: PlanActionInput } | null = null;
  planError: unknown = null;

  async handleAction(event: Event): Promise<void> {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const view = this.moves.find((m) => m.key === key);
    if (!view || !this._recordId) return;
    const ctx = { accountId: this._recordId, userId: USER_ID ?? null, planId: this.planId ?? null };
    this.noPlan = null;
    this.planError = null;
    if (view.move.action !== 'create-plan-action' || ctx.planId) {
      this[NavigationMixin.Navigate](movePage(view.move, ctx));
      return;
    }
    // Beside the matrix there is no plan id: the account's plan of the year the action is due in.
    try {
      const input = planActionInput(view.move, ctx.userId);
      const missing = await openPlanAction(ctx.accountId, { ...input, dueDate: input.dueDate! }, (page) =>
        this[NavigationMixin.Navigate](page)
      );
      if (missing) this.noPlan = { target: missing, action: input };
    } catch (error) {
      this.planError = error;
    }
  }

  /** The offer closed: cancelled, or the plan was created and the action's create form opened. */
  handleOfferDone(): void {
    this.noPlan = null;
    this.planError = null;
  }
}
