import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import loadSinceReviewPage from '@salesforce/apex/SinceReviewController.loadSinceReviewPage';
import type { SinceReviewPage } from '@keyplan/contracts';
import {
  changesFromPages,
  formatDate,
  HEAT_CHANGE_MIN,
  reviewSections,
  type ChangesFromPages,
  type ReviewSection
} from 'c/keyplanCore';

/** People shown per list before "Show all". */
export const LIST_SIZE = 5;
/** Most pages read (200 contacts each): 10,000 contacts. */
export const MAX_PAGES = 50;

interface PersonRow {
  key: string;
  contactId: string;
  name: string;
  href: string;
  detail: string;
}
interface ListView {
  key: string;
  title: string;
  /** A text mark beside the title: the kind of change is never told by colour alone. */
  mark: string;
  count: number;
  rows: PersonRow[];
}
interface SectionView {
  key: string;
  name: string;
  line: string;
  /** The summary line without the buying center's name (the heading says it). */
  counts: string;
  headingId: string;
  lists: ListView[];
  hidden: number;
  expanded: boolean;
  toggleLabel: string;
}

const day = (iso: string | null | undefined): string => formatDate(iso ?? null) || '—';
const signed = (n: number): string => (n > 0 ? `+${n}` : `−${-n}`);

/**
 * "Since last QBR" on the Account page (issue 22): what changed in the customer's organisation after a day (default
 * the account's last plan review, else 90 days ago): one section per buying center with its summary line and the
 * people who joined or went quiet, stance and role changes, and heat gained and lost, each linking to the contact.
 * The figures are keyplanCore's (changesFromPages: the org chart's heat rule then and now).
 */
export default class PlanSinceReview extends NavigationMixin(LightningElement) {
  @api recordId!: string;

  loading = true;
  error: unknown = null;
  changes: ChangesFromPages | null = null;
  /** The day shown in the picker (the one the last load used). */
  since = '';
  private expandedKeys = new Set<string>();
  private loadId = 0;

  override connectedCallback(): void {
    // load() settles every failure into `error`; the catch only keeps the promise from floating.
    this.load(null).catch(() => undefined);
  }

  /** Reads every page for the day (null: the server's default) and computes the changes. */
  async load(since: string | null): Promise<void> {
    const id = ++this.loadId;
    this.loading = true;
    this.error = null;
    try {
      const pages: SinceReviewPage[] = [];
      let cursor: string | null = null;
      do {
        // eslint-disable-next-line no-await-in-loop -- each page's cursor comes from the previous page
        const page: SinceReviewPage = await loadSinceReviewPage({ accountId: this.recordId, since, cursor });
        pages.push(page);
        cursor = page.nextCursor ?? null;
      } while (cursor && pages.length < MAX_PAGES);
      if (id !== this.loadId) return;
      const changes = changesFromPages(pages);
      if (cursor) changes.truncated = true;
      this.changes = changes;
      this.since = changes.since;
      this.expandedKeys = new Set();
    } catch (e) {
      if (id !== this.loadId) return;
      this.changes = null;
      this.error = e;
    } finally {
      if (id === this.loadId) this.loading = false;
    }
  }

  get hasError(): boolean {
    return !this.loading && this.error !== null;
  }
  get isEmpty(): boolean {
    return !this.loading && !this.error && !!this.changes && this.changes.byBuyingCenter.length === 0;
  }
  get hasData(): boolean {
    return !this.loading && !this.error && !!this.changes && this.changes.byBuyingCenter.length > 0;
  }
  get isChosen(): boolean {
    return this.changes?.sinceSource === 'chosen';
  }
  get today(): string {
    return this.changes?.asOf ?? new Date().toISOString().slice(0, 10);
  }

  get subtitle(): string {
    const c = this.changes;
    if (!c) return '';
    const when = day(c.since);
    if (c.sinceSource === 'review') return `Since the last plan review, ${when}`;
    if (c.sinceSource === 'default') return `No plan review yet: the last 90 days, since ${when}`;
    return `Since ${when}`;
  }

  get emptyMessage(): string {
    const when = this.changes ? day(this.changes.since) : '';
    return `No changes since ${when}: nobody joined or went quiet, no stance or role changes and no heat change of ${HEAT_CHANGE_MIN} points or more among ${this.changes?.people ?? 0} people.`;
  }

  get truncated(): boolean {
    return !!this.changes?.truncated;
  }

  get sections(): SectionView[] {
    if (!this.changes) return [];
    return reviewSections(this.changes).map((s, i) => this.sectionView(s, i));
  }

  private sectionView(s: ReviewSection, i: number): SectionView {
    const key = s.buyingCenterId ?? 'none';
    const expanded = this.expandedKeys.has(key);
    const row = (contactId: string, name: string, detail: string, kind: string): PersonRow => ({
      key: `${kind}:${contactId}`,
      contactId,
      name,
      href: `/lightning/r/Contact/${contactId}/view`,
      detail
    });
    const all: ListView[] = [
      {
        key: 'joined',
        title: 'Joined',
        mark: '+',
        count: s.joined.length,
        rows: s.joined.map((j) => row(j.contactId, j.name, `new contact, ${day(j.date)}`, 'joined'))
      },
      {
        key: 'quiet',
        title: 'Went quiet',
        mark: '…',
        count: s.quiet.length,
        rows: s.quiet.map((q) => row(q.contactId, q.name, `no activity since ${day(q.last)}`, 'quiet'))
      },
      {
        key: 'changes',
        title: 'Stance and role changes',
        mark: '⇄',
        count: s.fieldChanges.length,
        rows: s.fieldChanges.map((f) =>
          row(f.contactId, f.name, `${f.what}: ${f.from ?? 'none'} → ${f.to ?? 'none'}`, `change-${f.what}`)
        )
      },
      {
        key: 'gained',
        title: 'Heat gained',
        mark: '▲',
        count: s.heatGained.length,
        rows: s.heatGained.map((h) =>
          row(h.contactId, h.name, `heat ${h.before} → ${h.after} (${signed(h.delta)})`, 'gained')
        )
      },
      {
        key: 'lost',
        title: 'Heat lost',
        mark: '▼',
        count: s.heatLost.length,
        rows: s.heatLost.map((h) =>
          row(h.contactId, h.name, `heat ${h.before} → ${h.after} (${signed(h.delta)})`, 'lost')
        )
      }
    ].filter((l) => l.count > 0);
    let hidden = 0;
    const lists = all.map((l) => {
      if (expanded || l.rows.length <= LIST_SIZE) return l;
      hidden += l.rows.length - LIST_SIZE;
      return { ...l, rows: l.rows.slice(0, LIST_SIZE) };
    });
    const more = all.reduce((n, l) => n + Math.max(0, l.rows.length - LIST_SIZE), 0);
    return {
      key,
      name: s.name,
      line: s.line,
      counts: s.line.startsWith(`${s.name}: `) ? s.line.slice(s.name.length + 2) : s.line,
      headingId: `since-bc-${i}`,
      lists,
      hidden,
      expanded,
      toggleLabel: expanded ? `Show fewer in ${s.name}` : `Show ${more} more in ${s.name}`
    };
  }

  get sectionsWithToggle(): (SectionView & { hasToggle: boolean })[] {
    return this.sections.map((s) => ({ ...s, hasToggle: s.expanded || s.hidden > 0 }));
  }

  handleDateChange(event: CustomEvent<{ value: string }>): Promise<void> {
    const value = event.detail?.value ?? (event.target as HTMLInputElement | null)?.value ?? '';
    // A cleared or half-typed date keeps the changes shown.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return Promise.resolve();
    return this.load(value);
  }

  handleLastReview(): Promise<void> {
    return this.load(null);
  }

  handleRetry(): Promise<void> {
    return this.load(this.since || null);
  }

  handleToggle(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
    const next = new Set(this.expandedKeys);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expandedKeys = next;
  }

  handleOpen(event: MouseEvent): void {
    // A plain click opens the contact in the app; a modified click keeps the browser's own behaviour (new tab).
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const contactId = (event.currentTarget as HTMLElement).dataset.id;
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: contactId, objectApiName: 'Contact', actionName: 'view' }
    });
  }
}
