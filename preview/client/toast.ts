/**
 * Stand-in for `lightning/platformShowToastEvent`. On the platform the container listens for this
 * event; in the preview the page shell (main.ts) does and renders an SLDS toast.
 */
export interface ShowToastEventInit {
  title: string;
  message?: string;
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
  messageData?: unknown[];
}

/** The event name the platform uses, so the page shell can listen for it. */
export const SHOW_TOAST = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
  constructor(init: ShowToastEventInit) {
    super(SHOW_TOAST, { bubbles: true, composed: true, cancelable: true, detail: init });
  }
}
