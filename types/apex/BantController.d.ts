/** Types of the `BantController` Apex methods (docs/APEX_API.md), one module per method. */
declare module '@salesforce/apex/BantController.getBant' {
  type BantData = import('@keyplan/contracts').BantData;
  /** Cacheable: the BANT view of an Account (its open opportunities) or of one Opportunity. Callable or `@wire`d. */
  const getBant: ((params: { recordId: string }) => Promise<BantData>) &
    import('lwc').WireAdapterConstructor<{ recordId: string }, WireResult<BantData>>;
  export default getBant;
}
