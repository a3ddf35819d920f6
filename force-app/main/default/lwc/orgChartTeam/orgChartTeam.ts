import { LightningElement, api } from 'lwc';
import type { AccountTeam } from 'c/keyplanCore';

/** Contacts listed per person before "+n more". */
export const COVERS_SHOWN = 6;

/**
 * Our account team lane: the account team's members first with their role (those with no contacts yet
 * say so and offer to record a relationship), then other people of ours holding links, each with the
 * contacts they cover (strength, negative links marked in words, never by colour alone); and the
 * executive-sponsor pairing (the account team's Executive Sponsor when there is one). Fires
 * `selectperson` ({ contactId }, or { contactId, action: 'addTeamLink' } to start a team link on their
 * top executive).
 */
export default class OrgChartTeam extends LightningElement {
  @api team: AccountTeam | null = null;

  get members(): {
    userId: string;
    name: string;
    role: string;
    summary: string;
    hasCovers: boolean;
    recordLabel: string;
    covers: { key: string; contactId: string; text: string; itemClass: string }[];
    rest: string;
  }[] {
    const exec = this.team?.sponsor;
    return (this.team?.members ?? []).map((m) => ({
      userId: m.userId,
      name: m.name,
      role: m.onTeam ? (m.role ?? 'Team member') : '',
      summary: m.covers.length
        ? `${m.covers.length} contact${m.covers.length === 1 ? '' : 's'}`
        : 'no contacts covered yet',
      hasCovers: m.covers.length > 0,
      recordLabel: exec
        ? `Record a relationship for ${m.name}, starting with ${exec.executiveName}`
        : `Record a relationship for ${m.name}`,
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
  /** Where the lane's people come from: the account team, or (without one) recorded links only. */
  get sourceText(): string {
    if (!this.team?.members.length) return '';
    const onTeam = this.team.members.filter((m) => m.onTeam).length;
    const others = this.team.members.length - onTeam;
    if (!onTeam) return 'No account team on this account: our people with recorded relationships.';
    return others
      ? `Account team (${onTeam}), then ${others} more of ours with recorded relationships.`
      : `Account team (${onTeam}).`;
  }
  /** The record-a-relationship action needs a person to start on: their top executive. */
  get canRecord(): boolean {
    return !!this.team?.sponsor;
  }
  get sponsorText(): string {
    const s = this.team?.sponsor;
    if (!s) return 'No reporting tree to find their top executive.';
    const exec = s.executiveTitle ? `${s.executiveName} (${s.executiveTitle})` : s.executiveName;
    if (s.named)
      return s.strength !== null
        ? `${s.userName} (Executive Sponsor) <-> ${exec}, strength ${s.strength}/5`
        : `${s.userName} (Executive Sponsor) <-> ${exec}: no relationship recorded yet.`;
    return s.userId
      ? `${s.userName} <-> ${exec}, strength ${s.strength ?? '?'}/5`
      : `Nobody on our team has a positive relationship with ${exec}.`;
  }
  get sponsorMissing(): boolean {
    const s = this.team?.sponsor;
    return !s?.userId || (!!s.named && s.strength === null);
  }
  get sponsorClass(): string {
    return this.sponsorMissing ? 'sponsor slds-text-color_error' : 'sponsor';
  }
  /** Offer to record the pairing when our executive sponsor has no relationship with them yet. */
  get sponsorAction(): string {
    const s = this.team?.sponsor;
    return s?.named && s.strength === null
      ? `Record ${s.userName}'s relationship with ${s.executiveName}`
      : '';
  }

  handleSelect(event: Event): void {
    const contactId = (event.currentTarget as HTMLElement).dataset.id;
    if (contactId) this.dispatchEvent(new CustomEvent('selectperson', { detail: { contactId } }));
  }

  /**
   * Starts a team link on their top executive with this person of ours chosen (the member's button; the
   * sponsor's: our executive sponsor; the empty lane's: the current user).
   */
  handleRecord(event: Event): void {
    const s = this.team?.sponsor;
    if (!s) return;
    const userId =
      (event.currentTarget as HTMLElement).dataset.user || (s.named ? (s.userId ?? undefined) : undefined);
    const detail: { contactId: string; action: string; userId?: string } = {
      contactId: s.executiveId,
      action: 'addTeamLink'
    };
    if (userId) detail.userId = userId;
    this.dispatchEvent(new CustomEvent('selectperson', { detail }));
  }
}
