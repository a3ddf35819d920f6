/** Ambient types for the `lightning/*` modules Keyplan uses. Extend when a component imports another. */
declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventInit {
    title: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
  }
  export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    constructor(init: ShowToastEventInit);
  }
}

declare module 'lightning/navigation' {
  import type { LightningElement } from 'lwc';
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, string>;
  }
  type Constructor<T = object> = new (...args: any[]) => T; // eslint-disable-line @typescript-eslint/no-explicit-any -- mixin constructor signature requires any[]
  export const NavigationMixin: {
    <T extends Constructor<LightningElement>>(
      base: T
    ): T &
      Constructor<{
        [NavigationMixin.Navigate](pageRef: PageReference, replace?: boolean): void;
        [NavigationMixin.GenerateUrl](pageRef: PageReference): Promise<string>;
      }>;
    readonly Navigate: unique symbol;
    readonly GenerateUrl: unique symbol;
  };
}

declare module 'lightning/uiRecordApi' {
  export function getRecord(config: unknown): unknown;
  export function getFieldValue(record: unknown, field: unknown): unknown;
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
  /** A field value of a UI API record. */
  export interface FieldValueRepresentation {
    value: unknown;
    displayValue: string | null;
  }
  /** The UI API record a write resolves with (the subset Keyplan reads). */
  export interface RecordRepresentation {
    id: string;
    apiName: string;
    lastModifiedDate?: string | null;
    fields: Record<string, FieldValueRepresentation>;
  }
  /** What `updateRecord` writes: `fields` holds `Id` and the field API names with their new values. */
  export interface RecordInput {
    apiName?: string | null;
    fields: Record<string, unknown>;
  }
  /**
   * Updates one record through the UI API: the platform applies field-level security, validation rules
   * and, with `ifUnmodifiedSince`, refuses the write (HTTP 412) when the record changed after that date.
   */
  export function updateRecord(
    recordInput: RecordInput,
    clientOptions?: { ifUnmodifiedSince?: string }
  ): Promise<RecordRepresentation>;
}

declare module 'lightning/uiObjectInfoApi' {
  /**
   * Wire adapter (not callable): object describe for the running user (field-level security included).
   * `objectApiName` takes an `@salesforce/schema` import or an API name; the wired method or property
   * receives `{ data, error }`.
   */
  export const getObjectInfo: import('lwc').WireAdapterConstructor<
    { objectApiName: unknown },
    WireResult<ObjectInfo>
  >;
  export interface FieldInfo {
    apiName: string;
    label: string;
    updateable: boolean;
    createable: boolean;
    dataType: string;
  }
  export interface ObjectInfo {
    apiName: string;
    fields: Record<string, FieldInfo>;
  }
}
