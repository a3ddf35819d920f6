import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/keyplanErrors';

/**
 * Shows what went wrong in a Keyplan component, in words a user can act on: a friendly summary and,
 * right under it, the reduced messages (validation rules, stale writes, access problems). They are
 * written for users, so they are shown, not hidden behind a toggle.
 */
export default class ErrorPanel extends LightningElement {
  /** Short friendly summary, e.g. "The org chart could not be loaded." */
  @api friendlyMessage = 'Something went wrong.';
  /** Whatever error(s) the component received. */
  @api errors: unknown;

  get messages(): string[] {
    return reduceErrors(this.errors).filter((m) => m !== this.friendlyMessage);
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }
}
