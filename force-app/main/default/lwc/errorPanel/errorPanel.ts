import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/keyplanErrors';

/**
 * Shows what went wrong in a Keyplan component, in words a user can act on. Inline variant for
 * cards, with the technical details folded away.
 */
export default class ErrorPanel extends LightningElement {
  /** Short friendly summary, e.g. "The org chart could not be loaded." */
  @api friendlyMessage = 'Something went wrong.';
  /** Whatever error(s) the component received. */
  @api errors: unknown;

  showDetails = false;

  get messages(): string[] {
    return reduceErrors(this.errors);
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }

  get toggleLabel(): string {
    return this.showDetails ? 'Hide details' : 'Show details';
  }

  handleToggle(): void {
    this.showDetails = !this.showDetails;
  }
}
