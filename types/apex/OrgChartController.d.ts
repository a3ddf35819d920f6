/** Types of the `OrgChartController` Apex methods (docs/APEX_API.md); results validate against the zod contracts. */
declare module '@salesforce/apex/OrgChartController.loadOrgChartPage' {
  /**
   * One page of the account's org chart (not cacheable: every load reads the database as it is). Call with
   * `cursor: null`, then with each page's `nextCursor` until it is null; `orgChartHeatmap/pages` does that.
   */
  const loadOrgChartPage: (params: {
    accountId: string;
    cursor: string | null;
  }) => Promise<import('@keyplan/contracts').OrgChartPage>;
  export default loadOrgChartPage;
}

declare module '@salesforce/apex/OrgChartController.saveStakeholder' {
  /**
   * Saves the eight stakeholder fields (all required, null clears); refuses a partial input, a stale
   * `lastModified`, a manager of another account and a reporting-line loop.
   */
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
