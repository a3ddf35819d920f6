/**
 * Local twin of AccountPlanController / AccountPlanService: same parameters, selector SOQL, DTOs (checked
 * against the zod contracts), guard messages, stale-write rule and one-plan-per-year message.
 */
import { type AccountPlanDto, type PlanSummaryData } from '../../../src/contracts';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { groupOf, scopeOf, toRefs } from './lib/hierarchy';
import {
  AccountPlanSelector,
  AccountSelector,
  LandscapeCellSelector,
  LIMITS,
  OpportunitySelector,
  PlanActionSelector
} from './lib/selectors';
import {
  apexDateTime,
  booleanParam,
  controller,
  dateTimeParam,
  decimalParam,
  fail,
  get,
  idParam,
  inputParam,
  insertAsUser,
  intParam,
  isBlank,
  notFound,
  num,
  require,
  requireReadable,
  str,
  stringParam,
  toInteger,
  today,
  targetUnderAccount,
  updateAsUser,
  type Row
} from './lib/twin';
import { apexSource } from '../source';
import { figureSettings, stampCurrencies, wonHistory } from './lib/figures';
import { checkAccountPlanKey } from './lib/uniqueKeys';
import { toCellDto, toMatrixOpportunity } from './WhitespaceController';

/** AccountPlanService.MIN_YEAR / MAX_YEAR and the message of AccountPlanService.requireYear, read from the .cls. */
const MIN_YEAR = apexSource.integer('AccountPlanService.MIN_YEAR');
const MAX_YEAR = apexSource.integer('AccountPlanService.MAX_YEAR');
const YEAR_MESSAGE = apexSource.literals('AccountPlanService.requireYear')[0];
const MAX_NAME_LENGTH = 80;
const DRAFT = 'Draft';

function requireYear(fiscalYear: number | null): asserts fiscalYear is number {
  if (fiscalYear === null || fiscalYear < MIN_YEAR || fiscalYear > MAX_YEAR) throw fail(YEAR_MESSAGE);
}

/** Apex `String.abbreviate(maxWidth)`: longer text keeps maxWidth - 3 characters and gains `...`. */
export function abbreviate(text: string, maxWidth: number): string {
  return text.length <= maxWidth ? text : text.slice(0, maxWidth - 3) + '...';
}

/** AccountPlanService.toPlanDto (a blank status reads as Draft, blank formulas as null). */
function toPlanDto(plan: Row): AccountPlanDto {
  return {
    id: String(plan.Id),
    name: String(plan.Name),
    fiscalYear: toInteger(plan.Fiscal_Year__c)!,
    status: (isBlank(plan.Status__c) ? DRAFT : String(plan.Status__c)) as AccountPlanDto['status'],
    revenueGoal: num(plan.Revenue_Goal__c),
    miningGoal: num(plan.Mining_Goal__c),
    farmingGoal: num(plan.Farming_Goal__c),
    scoreExecutiveAccess: toInteger(plan.Score_Executive_Access__c),
    scoreShareOfWallet: toInteger(plan.Score_Share_Of_Wallet__c),
    scoreStrategicAlignment: toInteger(plan.Score_Strategic_Alignment__c),
    scoreCoInnovation: toInteger(plan.Score_Co_Innovation__c),
    scoreTenure: toInteger(plan.Score_Tenure__c),
    relationshipType: (isBlank(plan.Relationship_Type__c)
      ? null
      : String(plan.Relationship_Type__c)) as AccountPlanDto['relationshipType'],
    tier: (isBlank(plan.Tier__c) ? null : String(plan.Tier__c)) as AccountPlanDto['tier'],
    customerPhase: str(plan.Customer_Phase__c) as AccountPlanDto['customerPhase'],
    lastModified: apexDateTime(plan.LastModifiedDate)!
  };
}

/** AccountPlanService.getPlanSummary */
function getPlanSummary(
  ctx: ApexContext,
  accountIdParam: unknown,
  fiscalYearParam: unknown
): PlanSummaryData {
  const accountId = idParam(accountIdParam, 'accountId');
  const fiscalYear = intParam(fiscalYearParam, 'fiscalYear');
  require(accountId, 'accountId');
  requireYear(fiscalYear);
  requireReadable(ctx, 'Account_Plan__c');
  const scope = scopeOf(ctx, accountId!);
  const plan = AccountPlanSelector.byAccountAndYear(ctx, accountId!, fiscalYear);
  const years = [fiscalYear];
  const data: PlanSummaryData = {
    accountId: String(scope.root.Id),
    accounts: toRefs(scope),
    groupAccount: groupOf(ctx, scope.root),
    fiscalYear,
    plan: null,
    ...figureSettings(ctx),
    opportunities: OpportunitySelector.forMatrix(ctx, scope.ids, years, LIMITS.MAX_MATRIX_OPPORTUNITIES).map(
      toMatrixOpportunity
    ),
    cells: LandscapeCellSelector.byAccountsAndYears(ctx, scope.ids, years, LIMITS.MAX_CELLS).map(toCellDto),
    wonHistory: [],
    overdueActions: [],
    upcomingActions: []
  };
  stampCurrencies(ctx, data.opportunities, data.cells);
  data.wonHistory = wonHistory(ctx, scope.ids);
  if (plan) {
    data.plan = toPlanDto(plan);
    for (const action of PlanActionSelector.overdue(ctx, String(plan.Id), today(), LIMITS.MAX_OVERDUE))
      data.overdueActions.push(toActionDto(action));
    for (const action of PlanActionSelector.upcoming(ctx, String(plan.Id), today(), LIMITS.MAX_UPCOMING))
      data.upcomingActions.push(toActionDto(action));
  }
  return data;
}

/** AccountPlanService.toActionDto */
function toActionDto(action: Row): PlanSummaryData['overdueActions'][number] {
  return {
    id: String(action.Id),
    name: String(action.Name),
    dueDate: String(action.Due_Date__c),
    status: String(action.Status__c) as PlanSummaryData['overdueActions'][number]['status'],
    assignedToId: str(action.Assigned_To__c),
    assignedToName: action.Assigned_To__c === null ? null : str(get(action, 'Assigned_To__r.Name')),
    milestone: action.Milestone__c === true
  };
}

/** AccountPlanService.createPlan */
function createPlan(ctx: ApexContext, accountIdParam: unknown, fiscalYearParam: unknown): AccountPlanDto {
  const accountId = idParam(accountIdParam, 'accountId');
  const fiscalYear = intParam(fiscalYearParam, 'fiscalYear');
  require(accountId, 'accountId');
  require(fiscalYear, 'fiscalYear');
  const account = AccountSelector.byId(ctx, accountId!);
  if (!account) throw notFound('Account', accountId);
  const suffix = ` FY${fiscalYear}`;
  const name = abbreviate(String(account.Name), MAX_NAME_LENGTH - suffix.length) + suffix;
  const record = { Account__c: accountId, Name: name, Fiscal_Year__c: fiscalYear, Status__c: DRAFT };
  checkAccountPlanKey(ctx, accountId!, fiscalYear!, null);
  const id = insertAsUser(ctx, 'Account_Plan__c', record);
  return toPlanDto(AccountPlanSelector.byId(ctx, id)!);
}

/** AccountPlanService.savePlan */
function savePlan(ctx: ApexContext, inputValue: unknown): AccountPlanDto {
  const input = inputParam(inputValue);
  require(input, 'input');
  const i = {
    id: idParam(input!.id, 'id'),
    lastModified: dateTimeParam(input!.lastModified, 'lastModified'),
    accountId: idParam(input!.accountId, 'accountId'),
    name: stringParam(input!.name, 'name'),
    fiscalYear: intParam(input!.fiscalYear, 'fiscalYear'),
    status: stringParam(input!.status, 'status'),
    revenueGoal: decimalParam(input!.revenueGoal, 'revenueGoal'),
    miningGoal: decimalParam(input!.miningGoal, 'miningGoal'),
    farmingGoal: decimalParam(input!.farmingGoal, 'farmingGoal'),
    scoreExecutiveAccess: intParam(input!.scoreExecutiveAccess, 'scoreExecutiveAccess'),
    scoreShareOfWallet: intParam(input!.scoreShareOfWallet, 'scoreShareOfWallet'),
    scoreStrategicAlignment: intParam(input!.scoreStrategicAlignment, 'scoreStrategicAlignment'),
    scoreCoInnovation: intParam(input!.scoreCoInnovation, 'scoreCoInnovation'),
    scoreTenure: intParam(input!.scoreTenure, 'scoreTenure'),
    customerPhase: stringParam(input!.customerPhase, 'customerPhase')
  };
  require(i.accountId, 'accountId');
  require(i.name, 'name');
  require(i.status, 'status');
  require(i.fiscalYear, 'fiscalYear');
  // Goals, scores, the year's range (validation rules) and the name's length (the field) are the save path's.
  const record: Record<string, unknown> = {};
  const recordId = targetUnderAccount(
    i,
    'Account plan',
    (id) => AccountPlanSelector.byId(ctx, id),
    (row) => String(row.Name),
    record
  );
  record.Name = i.name!.trim();
  record.Fiscal_Year__c = i.fiscalYear;
  record.Status__c = i.status;
  record.Revenue_Goal__c = i.revenueGoal;
  record.Mining_Goal__c = i.miningGoal;
  record.Farming_Goal__c = i.farmingGoal;
  record.Score_Executive_Access__c = i.scoreExecutiveAccess;
  record.Score_Share_Of_Wallet__c = i.scoreShareOfWallet;
  record.Score_Strategic_Alignment__c = i.scoreStrategicAlignment;
  record.Score_Co_Innovation__c = i.scoreCoInnovation;
  record.Score_Tenure__c = i.scoreTenure;
  record.Customer_Phase__c = i.customerPhase;
  // A null criterion leaves the checkbox unchanged.
  const criteria: [string, string][] = [
    ['criterionRevenuePotential', 'Criterion_Revenue_Potential__c'],
    ['criterionStrategicFit', 'Criterion_Strategic_Fit__c'],
    ['criterionGrowthPotential', 'Criterion_Growth_Potential__c'],
    ['criterionReferenceValue', 'Criterion_Reference_Value__c'],
    ['criterionExecutiveAccess', 'Criterion_Executive_Access__c']
  ];
  for (const [property, field] of criteria) {
    const value = booleanParam(input![property], property);
    if (value !== null) record[field] = value;
  }
  checkAccountPlanKey(ctx, i.accountId!, i.fiscalYear!, recordId);
  const savedId = recordId ?? insertAsUser(ctx, 'Account_Plan__c', record);
  if (recordId !== null) updateAsUser(ctx, 'Account_Plan__c', recordId, record);
  return toPlanDto(AccountPlanSelector.byId(ctx, savedId)!);
}

registerApex(
  'AccountPlanController.getPlanSummary',
  controller((p, ctx) => getPlanSummary(ctx, p.accountId, p.fiscalYear))
);
registerApex(
  'AccountPlanController.createPlan',
  controller((p, ctx) => createPlan(ctx, p.accountId, p.fiscalYear))
);
registerApex(
  'AccountPlanController.savePlan',
  controller((p, ctx) => savePlan(ctx, p.input))
);
