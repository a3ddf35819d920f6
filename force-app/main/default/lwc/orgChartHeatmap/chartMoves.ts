import saveStakeholder from '@salesforce/apex/OrgChartController.saveStakeholder';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { reduceErrors } from 'c/keyplanErrors';
import { stakeholderInput } from 'c/keyplanCore';
import { OrgChartFilters } from './chartFilters';

/** Pixels the pointer must travel on a card before a press becomes a drag (a shorter one is a click). */
export const DRAG_THRESHOLD = 6;

/** The card (person id) an event happened on, or null. */
function cardOf(event: Event): string | null {
  const target = event.target as HTMLElement | null;
  const card = target?.closest ? target.closest<HTMLElement>('.node') : null;
  return card?.dataset.id ?? null;
}

/**
 * The org chart's move layer of `orgChartHeatmap` (a base class, not a component of its own): changing
 * who a person reports to by dragging their card onto the new manager's, or from the keyboard (M on a
 * card, move to the new manager with the arrow keys or the search, Enter; Escape cancels). The move is
 * saved through OrgChartController.saveStakeholder, which refuses a loop or a manager outside the
 * account or its group; its message is shown as it comes.
 */
export class OrgChartMoves extends OrgChartFilters {
  /** A move being saved. */
  moveSaving = false;
  private cardDrag: { id: string; x: number; y: number; moved: boolean } | null = null;

  /** The line above the chart while a card is being moved (the drop target is not shown by colour alone). */
  get moveBanner(): string | null {
    if (!this.movingId) return null;
    const name = this.vm?.contactAt(this.movingId)?.contact.name ?? '';
    const over = this.dropId ? this.vm?.contactAt(this.dropId)?.contact.name : null;
    if (over) return `Moving ${name}: release to make ${name} report to ${over}.`;
    return `Moving ${name}: drop the card on the new manager, or go to them with the arrow keys and press Enter. Escape cancels.`;
  }

  override handlePointerDown(event: PointerEvent): void {
    const id = event.button === undefined || event.button === 0 ? cardOf(event) : null;
    if (id) {
      this.cardDrag = { id, x: event.clientX, y: event.clientY, moved: false };
      return;
    }
    super.handlePointerDown(event);
  }

  override handlePointerMove(event: PointerEvent): void {
    const drag = this.cardDrag;
    if (!drag) {
      super.handlePointerMove(event);
      return;
    }
    if (!drag.moved) {
      if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) < DRAG_THRESHOLD) return;
      drag.moved = true;
      this.movingId = drag.id;
    }
    const over = cardOf(event);
    this.dropId = over && over !== drag.id ? over : null;
  }

  override handlePointerUp(): void {
    const drag = this.cardDrag;
    this.cardDrag = null;
    if (!drag?.moved) {
      super.handlePointerUp();
      return;
    }
    const target = this.dropId;
    this.movingId = null;
    this.dropId = null;
    if (target) this.moveUnder(drag.id, target).catch(() => undefined);
  }

  /** The pointer left the canvas: a drag in progress is dropped nowhere. */
  handlePointerLeave(): void {
    if (this.cardDrag?.moved) {
      this.movingId = null;
      this.dropId = null;
    }
    this.cardDrag = null;
    super.handlePointerUp();
  }

  override handleNodeKeydown(event: KeyboardEvent): void {
    const id = this.idOf(event);
    if (!id || !this.vm) return;
    const k = event.key;
    if (k === 'm' || k === 'M') {
      event.preventDefault();
      if (!this.movingId) this.startMove(id);
      else if (this.movingId === id) this.cancelMove();
      else this.dropOn(id);
      return;
    }
    if (this.movingId && (k === 'Enter' || k === ' ')) {
      event.preventDefault();
      if (this.movingId === id) this.cancelMove();
      else this.dropOn(id);
      return;
    }
    if (this.movingId && k === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancelMove();
      return;
    }
    super.handleNodeKeydown(event);
  }

  private startMove(id: string): void {
    this.movingId = id;
    this.announce(this.moveBanner ?? '');
  }

  private cancelMove(): void {
    const id = this.movingId;
    this.movingId = null;
    this.dropId = null;
    if (id) {
      this.announce(`Move of ${this.vm?.contactAt(id)?.contact.name ?? ''} cancelled.`);
      this.pendingFocus = id;
    }
  }

  private dropOn(managerId: string): void {
    const id = this.movingId;
    this.movingId = null;
    this.dropId = null;
    if (id) this.moveUnder(id, managerId).catch(() => undefined);
  }

  /**
   * Saves `id` as reporting to `managerId`, then lays the chart out again with the focus kept on the moved
   * card; a refusal (a loop, a manager outside the account or its group, a conflict) is shown as the
   * server words it, and nothing changes on the chart.
   */
  protected async moveUnder(id: string, managerId: string): Promise<void> {
    const c = this.vm?.contactAt(id)?.contact;
    const manager = this.vm?.contactAt(managerId)?.contact;
    if (!c || !manager || this.moveSaving) return;
    if (c.reportsToId === managerId) {
      this.announce(`${c.name} already reports to ${manager.name}.`);
      this.pendingFocus = id;
      return;
    }
    this.moveSaving = true;
    try {
      const saved = await saveStakeholder({ input: stakeholderInput(c, { reportsToId: managerId }) });
      this.vm?.replaceContact(saved);
      const message = `${saved.name} now reports to ${manager.name}.`;
      this.announce(message);
      this.dispatchEvent(new ShowToastEvent({ title: message, message: '', variant: 'success' }));
      this.reveal(id);
      this.activeId = id;
    } catch (e) {
      const message = reduceErrors(e).join(' ');
      this.announce(`${c.name} was not moved. ${message}`);
      this.dispatchEvent(
        new ShowToastEvent({ title: `${c.name} was not moved`, message, variant: 'error', mode: 'sticky' })
      );
    } finally {
      this.moveSaving = false;
      this.pendingFocus = id;
      this.changed();
    }
  }
}
