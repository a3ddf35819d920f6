/** Types of the `AccountPlanController` Apex methods (docs/APEX_API.md), one module per method. */
declare module '@salesforce/apex/AccountPlanController.getPlanSummary' {
  type PlanSummaryData = import('@keyplan/contracts').PlanSummaryData;
  /** Cacheable: the account's plan for one fiscal year with won, pipeline, whitespace and overdue actions. Callable or `@wire`d. */
  const getPlanSummary: ((params: { accountId: string; fiscalYear: number }) => Promise<PlanSummaryData>) &
    import('lwc').WireAdapterConstructor<
      { accountId: string; fiscalYear: number },
      WireResult<PlanSummaryData>
    >;
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
