/** Types of the `KeyplanSettingsController` Apex methods (docs/APEX_API.md), one module per method. */
declare module '@salesforce/apex/KeyplanSettingsController.getSettings' {
  type SettingsData = import('@keyplan/contracts').SettingsData;
  /** Cacheable: the org's effective settings (override over packaged default). Callable or `@wire`d. */
  const getSettings: ((params?: Record<string, never>) => Promise<SettingsData>) &
    import('lwc').WireAdapterConstructor<Record<string, never>, WireResult<SettingsData>>;
  export default getSettings;
}
