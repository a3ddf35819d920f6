/** Types of the `OrgChartController` Apex methods (docs/APEX_API.md); results validate against the zod contracts. */
declare module '@salesforce/apex/OrgChartController.getOrgChart' {
  type OrgChartData = import('@keyplan/contracts').OrgChartData;
  /**
   * Cacheable read: the account's contacts, relationship links, buying centers and field access.
   * Callable imperatively and usable with `@wire` (which hands the component `{ data, error }`).
   */
  const getOrgChart: ((params: { accountId: string }) => Promise<OrgChartData>) &
    import('lwc').WireAdapterConstructor<{ accountId: string }, WireResult<OrgChartData>>;
  export default getOrgChart;
}

declare module '@salesforce/apex/OrgChartController.saveStakeholder' {
  /** Saves the stakeholder fields present in the input; refuses a stale `lastModified`. */
  const saveStakeholder: (params: {
    input: import('@keyplan/contracts').ContactStakeholderInput;
  }) => Promise<import('@keyplan/contracts').ContactNode>;
  export default saveStakeholder;
}

declare module '@salesforce/apex/OrgChartController.saveLink' {
  /** Creates (no id) or updates (id + lastModified) a relationship link. */
  const saveLink: (params: {
    input: import('@keyplan/contracts').RelationshipLinkInput;
  }) => Promise<import('@keyplan/contracts').RelationshipLinkDto>;
  export default saveLink;
}

declare module '@salesforce/apex/OrgChartController.deleteLink' {
  /** Deletes a relationship link; refuses a stale `lastModified`. */
  const deleteLink: (params: { linkId: string; lastModified: string }) => Promise<void>;
  export default deleteLink;
}
