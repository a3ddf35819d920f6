import saveStakeholder from '@salesforce/apex/OrgChartController.saveStakeholder';
import saveLink from '@salesforce/apex/OrgChartController.saveLink';
import deleteLink from '@salesforce/apex/OrgChartController.deleteLink';
import createPlaceholder from '@salesforce/apex/OrgChartController.createPlaceholder';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { isConflict } from 'c/keyplanErrors';
import type { AccountTeam, WorklistGroup } from 'c/keyplanCore';
import type {
  ContactStakeholderInput,
  OrgChartData,
  PlaceholderInput,
  RelationshipLinkInput
} from '@keyplan/contracts';
import type { PersonDetails } from './viewModel';
import { OrgChartMoves } from './chartMoves';

/**
 * The org chart's side-panel layer of `orgChartHeatmap` (a base class, not a component of its own): what
 * the person panel (`c-org-chart-person-panel`) and the coverage worklist (`c-org-chart-coverage`) show,
 * what they ask for, and the server writes behind them (stakeholder, links, placeholders) with a toast
 * after each save and the error in the panel after a failure.
 */
export class OrgChartPanel extends OrgChartMoves {
  data?: OrgChartData;
  saving = false;

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

  get worklist(): WorklistGroup[] {
    return this.vm?.worklist ?? [];
  }
  get accountTeam(): AccountTeam | null {
    return this.vm?.accountTeam ?? null;
  }
  /** What the person panel starts with when opened from the worklist (add or update a team link). */
  panelStart: {
    seq: number;
    contactId: string;
    action: string;
    linkId: string | null;
    userId?: string | null;
  } | null = null;

  handleCoverageAction(
    event: CustomEvent<{
      action: string;
      contactId: string | null;
      buyingCenterId: string | null;
      linkId: string | null;
      userId?: string | null;
    }>
  ): void {
    const { action, contactId, buyingCenterId, linkId, userId } = event.detail;
    if (action === 'focusBuyingCenter' || !contactId) {
      this.handleSelectPerson(
        new CustomEvent('select', { detail: { buyingCenterId: buyingCenterId ?? undefined } })
      );
      return;
    }
    if (action !== 'open')
      this.panelStart = { seq: (this.panelStart?.seq ?? 0) + 1, contactId, action, linkId, userId };
    this.handleSelectPerson(new CustomEvent('select', { detail: { contactId } }));
  }

  protected fail(error: unknown): void {
    this.saveError = error;
    this.conflict = isConflict(error);
  }

  protected afterWrite(): void {
    this.saveError = null;
    this.conflict = false;
    // The view already shows the saved values; the pages are read fresh on every load (never cached).
    this.changed();
  }

  /** Runs one server write: the panel shows `saving` meanwhile, a toast after success, the error after a failure. */
  protected async write(run: () => Promise<string>): Promise<void> {
    this.saving = true;
    try {
      const message = await run();
      this.announce(message);
      this.dispatchEvent(new ShowToastEvent({ title: message, message: '', variant: 'success' }));
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
      return `Saved ${saved.name}.`;
    });
  }

  handleSaveLink(event: CustomEvent<{ input: RelationshipLinkInput }>): Promise<void> {
    return this.write(async () => {
      const saved = await saveLink({ input: event.detail.input });
      this.vm?.upsertLink(saved);
      return saved.fromUserId != null ? 'Our relationship saved.' : 'Link saved.';
    });
  }

  handleCreatePlaceholder(event: CustomEvent<{ input: PlaceholderInput }>): Promise<void> {
    return this.write(async () => {
      const saved = await createPlaceholder({ input: event.detail.input });
      this.vm?.replaceContact(saved);
      return `Placeholder ${saved.name} added.`;
    });
  }

  handleDeleteLink(event: CustomEvent<{ linkId: string; lastModified: string }>): Promise<void> {
    return this.write(async () => {
      await deleteLink({ linkId: event.detail.linkId, lastModified: event.detail.lastModified });
      this.vm?.removeLink(event.detail.linkId);
      return 'Link removed.';
    });
  }
}
