/**
 * Ambient types for the platform modules the components import. The real modules exist only on the
 * platform (and as jest stubs / local preview stand-ins); these declarations keep tsc strict.
 * Each Apex method's parameter and result types are declared with the controller that owns them
 * (see types/apex/<Class>.d.ts).
 */
declare module '@salesforce/apex' {
  /** Re-fetches the data of a cacheable Apex wire. */
  export function refreshApex(value: unknown): Promise<void>;
}

declare module '@salesforce/user/Id' {
  const id: string;
  export default id;
}

declare module '@salesforce/i18n/locale' {
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/currency' {
  const currency: string;
  export default currency;
}

declare module '@salesforce/schema/*' {
  const field: { fieldApiName: string; objectApiName: string };
  export default field;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}
