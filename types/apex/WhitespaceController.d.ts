/** Types of the `WhitespaceController` Apex methods (docs/APEX_API.md), one module per method. */
declare module '@salesforce/apex/WhitespaceController.getWhitespace' {
  type WhitespaceData = import('@keyplan/contracts').WhitespaceData;
  /** Cacheable: the fiscal year asked plus the year before (for year-over-year change). Callable or `@wire`d. */
  const getWhitespace: ((params: { accountId: string; fiscalYear: number }) => Promise<WhitespaceData>) &
    import('lwc').WireAdapterConstructor<
      { accountId: string; fiscalYear: number },
      WireResult<WhitespaceData>
    >;
  export default getWhitespace;
}

declare module '@salesforce/apex/WhitespaceController.saveCell' {
  /** Upserts one Landscape_Cell__c by buying center x offering x fiscal year; refuses a stale `lastModified`. */
  const saveCell: (params: {
    input: import('@keyplan/contracts').LandscapeCellInput;
  }) => Promise<import('@keyplan/contracts').LandscapeCellDto>;
  export default saveCell;
}

declare module '@salesforce/apex/WhitespaceController.createBuyingCenter' {
  /** Creates a Buying_Center__c on the account, optionally under a parent buying center. */
  const createBuyingCenter: (params: {
    accountId: string;
    name: string;
    parentId: string | null;
  }) => Promise<import('@keyplan/contracts').MatrixBuyingCenter>;
  export default createBuyingCenter;
}

declare module '@salesforce/apex/WhitespaceController.mapOpportunity' {
  /** Sets Opportunity.Keyplan_Buying_Center__c and Offering__c; refuses a stale `lastModified`. */
  const mapOpportunity: (params: {
    opportunityId: string;
    buyingCenterId: string;
    offeringId: string;
    lastModified: string;
  }) => Promise<import('@keyplan/contracts').MatrixOpportunity>;
  export default mapOpportunity;
}
