/**
 * Stand-in for `lightning/navigation`. Navigating dispatches `preview__navigate`; the page shell shows
 * where the platform would go ("Would open Opportunity 006...") and, for records the local org has,
 * offers a simple record view.
 */
export interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, string>;
}

/** The event the page shell listens for. */
export const NAVIGATE = 'preview__navigate';

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

/** The URL the preview uses for a page reference (hash routes of the page shell). */
export function urlOf(ref: PageReference): string {
  const a = ref.attributes ?? {};
  if (typeof a.recordId === 'string') return `#/record/${a.recordId}`;
  if (typeof a.url === 'string') return a.url;
  return `#/page/${encodeURIComponent(JSON.stringify(ref))}`;
}

type Ctor<T = object> = new (...args: any[]) => T; // eslint-disable-line @typescript-eslint/no-explicit-any -- mixin constructors take any arguments

function mixin<T extends Ctor>(Base: T) {
  return class extends Base {
    [Navigate](pageRef: PageReference, replace?: boolean): void {
      const target = this as unknown as { dispatchEvent(e: Event): boolean };
      target.dispatchEvent(
        new CustomEvent(NAVIGATE, {
          bubbles: true,
          composed: true,
          detail: { pageRef, replace: !!replace, url: urlOf(pageRef) }
        })
      );
    }
    [GenerateUrl](pageRef: PageReference): Promise<string> {
      return Promise.resolve(urlOf(pageRef));
    }
  };
}

/** `NavigationMixin(LightningElement)` plus the `Navigate` and `GenerateUrl` symbols. */
export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

/** `@wire(CurrentPageReference)`: the Account record page the preview shows. */
export class CurrentPageReference {
  constructor(private readonly callback: (ref: PageReference) => void) {}
  connect(): void {
    const id = new URLSearchParams(location.search).get('id') ?? '';
    this.callback({
      type: 'standard__recordPage',
      attributes: { recordId: id, objectApiName: 'Account', actionName: 'view' },
      state: {}
    });
  }
  update(): void {}
  disconnect(): void {}
}
