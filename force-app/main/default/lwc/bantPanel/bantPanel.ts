import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { getObjectInfo, type ObjectInfo } from 'lightning/uiObjectInfoApi';
import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import getBant from '@salesforce/apex/BantController.getBant';
import getSettings from '@salesforce/apex/KeyplanSettingsController.getSettings';
import type { BantData, BantOpportunity, SettingsData } from '@keyplan/contracts';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  BANT_DIMENSIONS,
  settingsFromData,
  shownBantScore,
  shownQualified,
  type KeyplanSettings
} from 'c/keyplanCore';
import { BANT_FIELDS, type BantFieldAccess } from 'c/bantOpportunity';

type SortKey = 'score' | 'amount' | 'closeDate';

interface Memo {
  key: unknown[];
  sorted: BantOpportunity[];
  ordered: BantOpportunity[];
}
const MEMO = new WeakMap<object, Memo>();

/** Cards drawn at first and per "Show more". */
export const PAGE_SIZE = 10;

/** Opportunity ids start with the Opportunity key prefix. */
const OPPORTUNITY_PREFIX = '006';

/**
 * BANT qualification of an account's open opportunities (Account page) or of one opportunity in
 * detail (Opportunity page): chips per dimension, the weighted score and the gaps the core finds,
 * sort and filter, quick edit in place, and a pipeline summary with the change since last month.
 */
export default class BantPanel extends LightningElement {
  @api recordId!: string;
  /** Design attribute: a score below this is unqualified. */
  @api threshold: number | string = 50;
  /** Design attribute: maximum height of the list in pixels (0 = as tall as needed). */
  @api height: number | string = 0;

  sortBy: SortKey = 'score';
  unqualifiedOnly = false;
  /**
   * After a save the list keeps the order it had (ids in shown order) so the card the user just edited
   * does not jump; null once the user re-sorts (the "Re-sort" button, a new sort or filter).
   */
  pinnedOrder: string[] | null = null;
  /** Cards shown; "Show more" adds a page (a big account's 200 open deals are not all drawn at once). */
  shownCount = PAGE_SIZE;

  private wiredResult?: WireResult<BantData>;
  private data?: BantData;
  error: unknown = null;
  private objectInfo?: ObjectInfo;
  /** The org's effective settings (override over packaged default); the built-in defaults until they arrive. */
  settings: KeyplanSettings = settingsFromData(undefined);

  @wire(getBant, { recordId: '$recordId' })
  wiredBant(result: WireResult<BantData>): void {
    this.wiredResult = result;
    if (result.data) {
      this.data = result.data;
      this.error = null;
    } else if (result.error) {
      this.data = undefined;
      this.error = result.error;
    }
  }

  @wire(getSettings)
  wiredSettings({ data }: WireResult<SettingsData>): void {
    // Saved scores are the formula's own; the settings score unsaved edits and past statuses. If they
    // fail to load, the built-in defaults stay, which the saved scores do not depend on.
    if (data) this.settings = settingsFromData(data);
  }

  @wire(getObjectInfo, { objectApiName: OPPORTUNITY_OBJECT })
  wiredObjectInfo({ data }: WireResult<ObjectInfo>): void {
    // Without a describe (still loading, or failed) the UI API write still enforces FLS.
    if (data) this.objectInfo = data;
  }

  get thresholdValue(): number {
    const t = Number(this.threshold);
    return Number.isFinite(t) ? t : 50;
  }

  get isLoading(): boolean {
    return !this.data && !this.error;
  }
  get hasError(): boolean {
    return !this.data && !!this.error;
  }
  get isOpportunityPage(): boolean {
    return typeof this.recordId === 'string' && this.recordId.startsWith(OPPORTUNITY_PREFIX);
  }
  get opportunities(): BantOpportunity[] {
    return this.data?.opportunities ?? [];
  }
  get history() {
    return this.data?.history ?? [];
  }
  get isEmpty(): boolean {
    return !!this.data && this.opportunities.length === 0;
  }
  get hasData(): boolean {
    return !!this.data && this.opportunities.length > 0;
  }
  get emptyMessage(): string {
    return this.isOpportunityPage
      ? 'This opportunity is closed, so there is nothing left to qualify.'
      : 'No open opportunities on this account. Create an opportunity to start qualifying it with BANT.';
  }

  /** The opportunity this page is about (Opportunity page), else none. */
  get focusOpportunity(): BantOpportunity | undefined {
    if (!this.isOpportunityPage) return undefined;
    return (
      this.opportunities.find(
        (o) => o.id === this.recordId || o.id.slice(0, 15) === this.recordId.slice(0, 15)
      ) ?? this.opportunities[0]
    );
  }

  /** The org's sales process, for the gaps of each opportunity. */
  get stages(): BantData['stages'] {
    return this.data?.stages ?? [];
  }
  get fieldAccess(): BantFieldAccess {
    const fields = this.objectInfo?.fields;
    if (!fields) return {};
    const access: BantFieldAccess = {};
    for (const d of BANT_DIMENSIONS) {
      const { status, evidence } = BANT_FIELDS[d];
      access[d] = {
        status: { readable: !!fields[status], updateable: !!fields[status]?.updateable },
        evidence: { readable: !!fields[evidence], updateable: !!fields[evidence]?.updateable }
      };
    }
    return access;
  }

  /**
   * sorted() and ordered() for the inputs they were computed from: the template reads them many times
   * per render (kept outside the component's fields: a render must not change reactive state).
   */
  private memoised(): Memo {
    const key = [
      this.data,
      this.settings,
      this.sortBy,
      this.unqualifiedOnly,
      this.pinnedOrder,
      this.thresholdValue
    ];
    let memo = MEMO.get(this);
    if (!memo || memo.key.some((k, i) => k !== key[i])) {
      const sorted = this.computeSorted();
      memo = { key, sorted, ordered: this.computeOrdered(sorted) };
      MEMO.set(this, memo);
    }
    return memo;
  }
  private sorted(): BantOpportunity[] {
    return this.memoised().sorted;
  }
  private ordered(): BantOpportunity[] {
    return this.memoised().ordered;
  }

  /** In the chosen sort and filter, as the list would be re-sorted now. */
  private computeSorted(): BantOpportunity[] {
    const t = this.thresholdValue;
    const scored = this.opportunities.map((o) => ({
      o,
      score: shownBantScore(o, this.settings),
      qualified: shownQualified(o, t, this.settings)
    }));
    const pinned = new Set(this.pinnedOrder ?? []);
    // While the order is kept, a card the user just qualified stays where it was until they re-sort.
    const filtered = this.unqualifiedOnly ? scored.filter((x) => !x.qualified || pinned.has(x.o.id)) : scored;
    const by: Record<SortKey, (a: (typeof scored)[number], b: (typeof scored)[number]) => number> = {
      // Highest score and biggest amount first; soonest close date first. Ties by name for a stable list.
      score: (a, b) => b.score - a.score,
      amount: (a, b) => (b.o.amount ?? -Infinity) - (a.o.amount ?? -Infinity),
      closeDate: (a, b) => a.o.closeDate.localeCompare(b.o.closeDate)
    };
    return filtered.sort((a, b) => by[this.sortBy](a, b) || a.o.name.localeCompare(b.o.name)).map((x) => x.o);
  }

  /** The list in its shown order: the kept order after a save (new deals at the end), else sorted. */
  private computeOrdered(list: BantOpportunity[]): BantOpportunity[] {
    if (!this.pinnedOrder) return list;
    const rank = new Map(this.pinnedOrder.map((id, i) => [id, i]));
    return [...list].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  }

  get visibleOpportunities(): (BantOpportunity & { key: string })[] {
    return this.ordered()
      .slice(0, this.shownCount)
      .map((o) => ({ ...o, key: o.id }));
  }
  get hasVisible(): boolean {
    return this.opportunities.length > 0 && this.ordered().length > 0;
  }
  get countLabel(): string {
    const shown = this.ordered().length;
    const total = this.opportunities.length;
    return shown === total ? `${total} open opportunities` : `${shown} of ${total} open opportunities`;
  }
  /** The order is kept after a save and differs from the sort: offer to re-sort. */
  get showResort(): boolean {
    if (!this.pinnedOrder) return false;
    return (
      this.ordered()
        .map((o) => o.id)
        .join() !==
      this.sorted()
        .map((o) => o.id)
        .join()
    );
  }
  get moreCount(): number {
    return Math.max(0, this.ordered().length - this.shownCount);
  }
  get hasMore(): boolean {
    return this.moreCount > 0;
  }
  get moreLabel(): string {
    return `Show ${Math.min(PAGE_SIZE, this.moreCount)} more of ${this.moreCount}`;
  }
  handleMore(): void {
    this.shownCount += PAGE_SIZE;
  }

  get sortOptions() {
    return [
      { label: 'Score', value: 'score' },
      { label: 'Amount', value: 'amount' },
      { label: 'Close date', value: 'closeDate' }
    ];
  }
  get filterLabel(): string {
    return `Only unqualified (score below ${this.thresholdValue})`;
  }
  get listStyle(): string {
    const h = Number(this.height);
    return Number.isFinite(h) && h > 0 ? `max-height: ${h}px; overflow-y: auto;` : '';
  }

  handleSort(event: CustomEvent<{ value: SortKey }>): void {
    this.sortBy = event.detail.value;
    this.pinnedOrder = null;
  }

  handleFilter(event: CustomEvent<{ checked: boolean }>): void {
    this.unqualifiedOnly = event.detail.checked;
    this.pinnedOrder = null;
  }

  /** The "Re-sort" hint: the list takes its sort order again. */
  handleResort(): void {
    this.pinnedOrder = null;
  }

  /**
   * Show the saved values at once, keeping every card where it is (the order is pinned until the user
   * re-sorts), confirm with a toast, and refresh the cached wire so other components see them too.
   */
  handleSaved(event: CustomEvent<{ opportunity: BantOpportunity; message: string }>): void {
    const { opportunity: saved, message } = event.detail;
    this.pinnedOrder = this.ordered().map((o) => o.id);
    this.dispatchEvent(new ShowToastEvent({ title: 'Saved', message, variant: 'success' }));
    if (this.data) {
      this.data = {
        ...this.data,
        opportunities: this.data.opportunities.map((o) => (o.id === saved.id ? saved : o))
      };
    }
    this.refresh();
  }

  handleReload(): void {
    this.refresh();
  }

  /** Errors of a background refresh are left to the wire, which reports them as its error state. */
  private refresh(): Promise<void> {
    return this.wiredResult ? refreshApex(this.wiredResult).catch(() => undefined) : Promise.resolve();
  }
}
