import { LightningElement, api } from 'lwc';
import type { AccountTeam } from 'c/keyplanCore';

/** Contacts listed per person before "+n more". */
export const COVERS_SHOWN = 6;

/**
 * Our account team lane: each of our people with the contacts they cover (strength, negative links
 * marked in words, never by colour alone), and the executive-sponsor pairing. Fires `selectperson`.
 */
export default class OrgChartTeam extends LightningElement {
  @api team: AccountTeam | null = null;

  get members(): {
    userId: string;
    name: string;
    summary: string;
    covers: { key: string; contactId: string; text: string; itemClass: string }[];
    rest: string;
  }[] {
    return (this.team?.members ?? []).map((m) => ({
      userId: m.userId,
      name: m.name,
      summary: `${m.covers.length} contact${m.covers.length === 1 ? '' : 's'}`,
      covers: m.covers.slice(0, COVERS_SHOWN).map((c) => ({
        key: c.linkId,
        contactId: c.contactId,
        text: `${c.name} (${c.strength ?? '?'}/5${c.negative ? ', negative' : ''})`,
        itemClass: c.negative ? 'cover negative' : 'cover'
      })),
      rest: m.covers.length > COVERS_SHOWN ? `+${m.covers.length - COVERS_SHOWN} more` : ''
    }));
  }
  get hasMembers(): boolean {
    return this.members.length > 0;
  }
  get sponsorText(): string {
    const s = this.team?.sponsor;
    if (!s) return 'No reporting tree to find their top executive.';
    const exec = s.executiveTitle ? `${s.executiveName} (${s.executiveTitle})` : s.executiveName;
    return s.userId
      ? `${s.userName} <-> ${exec}, strength ${s.strength ?? '?'}/5`
      : `Nobody on our team has a positive relationship with ${exec}.`;
  }
  get sponsorMissing(): boolean {
    return !this.team?.sponsor?.userId;
  }
  get sponsorClass(): string {
    return this.sponsorMissing ? 'sponsor slds-text-color_error' : 'sponsor';
  }

  handleSelect(event: Event): void {
    const contactId = (event.currentTarget as HTMLElement).dataset.id;
    if (contactId) this.dispatchEvent(new CustomEvent('selectperson', { detail: { contactId } }));
  }
}
