import { LightningElement, api } from 'lwc';
import searchTeamUsers from '@salesforce/apex/OrgChartController.searchTeamUsers';
import { reduceErrors } from 'c/keyplanErrors';
import type { TeamUserOption } from '@keyplan/contracts';

/** A user offered before anything is typed: "Me" and colleagues who already know people here. */
export interface QuickUser {
  label: string;
  value: string;
  /** Said under the name (e.g. "You"). */
  meta?: string;
}

interface Row {
  key: string;
  domId: string;
  index: number;
  value: string;
  name: string;
  meta: string;
  selected: string;
  cls: string;
}

/** Wait after the last keystroke before asking the server (one request per pause, not per key). */
export const SEARCH_DELAY_MS = 300;
/** The server refuses shorter terms (TeamUserLookup.MIN_TERM); the field does not ask. */
export const MIN_TERM = 2;

const metaOf = (u: TeamUserOption, me: string): string =>
  [
    u.id === me ? 'You' : '',
    u.teamRole ? `account team: ${u.teamRole}` : '',
    u.title,
    u.linked ? 'knows people here' : ''
  ]
    .filter(Boolean)
    .join(' · ');

/**
 * "Who on our team": a combobox over our users. Empty, it offers the quick choices it is given ("Me" first);
 * typed (2+ characters), it asks OrgChartController.searchTeamUsers after a pause and lists name and title,
 * the account team's members first (with their role), then users already linked to the account. Keyboard: type, Up/Down, Enter picks, Escape closes (then restores
 * the chosen name). The result count is announced; a server error is shown word for word. Fires `change` with
 * `{ value, label }`.
 */
export default class OrgChartUserLookup extends LightningElement {
  @api label = 'Who on our team';
  @api accountId = '';
  /** The running user: marked "You" in the results. */
  @api currentUserId = '';
  /** The chosen user's id and the name shown for it. */
  @api value = '';
  @api
  get valueLabel(): string {
    return this.chosenLabel;
  }
  set valueLabel(label: string) {
    this.chosenLabel = label ?? '';
    if (!this.typed) this.text = this.chosenLabel;
  }
  @api quickOptions: QuickUser[] = [];

  text = '';
  private chosenLabel = '';
  open = false;
  loading = false;
  error = '';
  results: TeamUserOption[] | null = null;
  truncated = false;
  active = -1;
  private typed = false;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    clearTimeout(this.timer);
  }

  private get term(): string {
    return this.typed ? this.text.trim() : '';
  }

  /** The rows on show: search results once a term is typed, else the quick choices. */
  get rows(): Row[] {
    const items: { value: string; name: string; meta: string }[] =
      this.term.length >= MIN_TERM
        ? (this.results ?? []).map((u) => ({
            value: u.id,
            name: u.name,
            meta: metaOf(u, this.currentUserId)
          }))
        : this.term
          ? []
          : (this.quickOptions ?? []).map((o) => ({ value: o.value, name: o.label, meta: o.meta ?? '' }));
    return items.map((it, index) => ({
      ...it,
      key: `${it.value}-${index}`,
      domId: `user-option-${index}`,
      index,
      selected: String(index === this.active),
      cls:
        'slds-media slds-listbox__option slds-listbox__option_entity' +
        (index === this.active ? ' slds-has-focus' : '') +
        (it.value === this.value ? ' is-chosen' : '')
    }));
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }
  get listHidden(): boolean {
    return !this.open || !this.hasRows;
  }
  get expanded(): string {
    return String(!this.listHidden);
  }
  get activeId(): string | null {
    return this.active >= 0 && !this.listHidden ? `user-option-${this.active}` : null;
  }
  get comboboxClass(): string {
    return `slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click${this.listHidden ? '' : ' slds-is-open'}`;
  }

  /** What the live region says: the state of the search, or how many people are offered. */
  get statusText(): string {
    if (!this.open || this.error) return '';
    const term = this.term;
    if (term && term.length < MIN_TERM) return `Type at least ${MIN_TERM} characters to search our users.`;
    if (this.loading) return 'Searching our users…';
    const n = this.rows.length;
    if (term) {
      if (!n) return `No active user's name or title contains "${term}".`;
      return `${n} user${n === 1 ? '' : 's'} found${this.truncated ? ': the first ' + n + ', type more to narrow' : ''}.`;
    }
    return n ? `${n} suggestion${n === 1 ? '' : 's'}; type a name or title to search everyone.` : '';
  }

  handleFocus(): void {
    this.open = true;
  }

  handleBlur(): void {
    this.close();
  }

  private close(): void {
    this.open = false;
    this.active = -1;
    if (this.typed) {
      // Nothing picked: the field shows the chosen user again.
      this.typed = false;
      this.text = this.chosenLabel;
      this.results = null;
      this.error = '';
      this.loading = false;
      this.seq++;
      clearTimeout(this.timer);
    }
  }

  handleInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.typed = true;
    this.open = true;
    this.active = -1;
    this.error = '';
    this.results = null;
    clearTimeout(this.timer);
    const seq = ++this.seq;
    const term = this.term;
    this.loading = term.length >= MIN_TERM;
    if (!this.loading) return;
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- debounce: one request per pause in typing
    this.timer = setTimeout(() => {
      // search() reports its own failures in the field; nothing reaches this catch.
      this.search(seq, term).catch(() => undefined);
    }, SEARCH_DELAY_MS);
  }

  private async search(seq: number, term: string): Promise<void> {
    try {
      const found = await searchTeamUsers({ accountId: this.accountId, term });
      if (seq !== this.seq) return;
      this.results = found.users;
      this.truncated = found.truncated;
      this.active = found.users.length ? 0 : -1;
    } catch (e) {
      if (seq !== this.seq) return;
      this.error = reduceErrors(e).join(' ');
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  handleKeyDown(event: KeyboardEvent): void {
    const n = this.rows.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.open) {
          this.open = true;
          return;
        }
        if (!n) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active = this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n;
        return;
      }
      case 'Enter':
        if (this.open && this.active >= 0 && this.active < n) {
          event.preventDefault();
          this.pick(this.rows[this.active]);
        }
        return;
      case 'Escape':
        if (this.open || this.typed) {
          // Closing the list must not also close the panel around it.
          event.preventDefault();
          event.stopPropagation();
          this.close();
        }
        break;
      default:
    }
  }

  /** Keeps the focus in the field while an option is clicked (blur would close the list first). */
  handleOptionMouseDown(event: MouseEvent): void {
    event.preventDefault();
  }

  handleOptionClick(event: MouseEvent): void {
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    const row = this.rows[index];
    if (row) this.pick(row);
  }

  private pick(row: Row): void {
    this.typed = false;
    this.text = row.name;
    this.open = false;
    this.active = -1;
    this.results = null;
    this.dispatchEvent(new CustomEvent('change', { detail: { value: row.value, label: row.name } }));
  }
}
