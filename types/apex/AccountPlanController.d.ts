/** Types of the `AccountPlanController` Apex methods (docs/APEX_API.md), one module per method. */
declare module '@salesforce/apex/AccountPlanController.getPlanSummary' {
  /** Cacheable: the account's plan for one fiscal year with won, pipeline, whitespace and overdue actions. */
  const getPlanSummary: (params: {
    accountId: string;
    fiscalYear: number;
  }) => Promise<import('@keyplan/contracts').PlanSummaryData>;
  export default getPlanSummary;
}

declare module '@salesforce/apex/AccountPlanController.createPlan' {
  /** Creates the account's (empty, Draft) plan for a fiscal year. */
  const createPlan: (params: {
    accountId: string;
    fiscalYear: number;
  }) => Promise<import('@keyplan/contracts').AccountPlanDto>;
  export default createPlan;
}

declare module '@salesforce/apex/AccountPlanController.savePlan' {
  /** Updates a plan; refuses a stale `lastModified`. */
  const savePlan: (params: {
    input: import('@keyplan/contracts').PlanInput;
  }) => Promise<import('@keyplan/contracts').AccountPlanDto>;
  export default savePlan;
}
