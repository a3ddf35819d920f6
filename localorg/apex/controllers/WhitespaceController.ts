/**
 * Local twin of WhitespaceController / WhitespaceService: same parameters, selector SOQL, DTOs (checked
 * against the zod contracts), guard messages and stale-write rule.
 */
import {
  type AssessmentCopyResult,
  type LandscapeCellDto,
  type MatrixBuyingCenter,
  type MatrixOpportunity,
  type WhitespaceData
} from '../../../src/contracts';
import type { ApexContext } from '../registry';
import { registerApex } from '../registry';
import { scopeOf, toRefs } from './lib/hierarchy';
import {
  AccountPlanSelector,
  AccountSelector,
  BuyingCenterSelector,
  LandscapeCellSelector,
  LIMITS,
  OfferingSelector,
  OpportunitySelector
} from './lib/selectors';
import {
  apexDateTime,
  assertNotStale,
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
  sameId,
  str,
  stringParam,
  toInteger,
  updateAsUser,
  type Row
} from './lib/twin';
import { apexSource } from '../source';
import { figureSettings, stampCurrencies, wonHistory } from './lib/figures';
import { checkLandscapeCellKey } from './lib/uniqueKeys';

/** WhitespaceService.MIN_YEAR / MAX_YEAR and the message of WhitespaceService.requireYear, read from the .cls. */
const MIN_YEAR = apexSource.integer('WhitespaceService.MIN_YEAR');
const MAX_YEAR = apexSource.integer('WhitespaceService.MAX_YEAR');
const YEAR_MESSAGE = apexSource.literals('WhitespaceService.requireYear')[0];
/** WhitespaceService.MAX_COPY_CELLS / NAMED_CELLS, read from the .cls. */
const MAX_COPY_CELLS = apexSource.integer('WhitespaceService.MAX_COPY_CELLS');
const NAMED_CELLS = apexSource.integer('WhitespaceService.NAMED_CELLS');

function requireYear(fiscalYear: number | null): asserts fiscalYear is number {
  if (fiscalYear === null || fiscalYear < MIN_YEAR || fiscalYear > MAX_YEAR) throw fail(YEAR_MESSAGE);
}

/** WhitespaceService.toMatrixBuyingCenter */
export function toMatrixBuyingCenter(bc: Row): MatrixBuyingCenter {
  return {
    id: String(bc.Id),
    name: String(bc.Name),
    parentId: str(bc.Parent_Buying_Center__c),
    accountId: str(bc.Account__c),
    subsidiaryId: str(bc.Subsidiary__c),
    walletSize: num(bc.Wallet_Size__c),
    salesGoal: num(bc.Sales_Goal__c),
    active: bc.Active__c === true,
    sortOrder: num(bc.Sort_Order__c)
  };
}

/** WhitespaceService.toCellDto (a blank state reads as Unassessed). */
export function toCellDto(cell: Row): LandscapeCellDto {
  return {
    id: String(cell.Id),
    buyingCenterId: String(cell.Buying_Center__c),
    offeringId: String(cell.Offering__c),
    fiscalYear: toInteger(cell.Fiscal_Year__c)!,
    state: (isBlank(cell.State__c) ? 'Unassessed' : String(cell.State__c)) as LandscapeCellDto['state'],
    competitor: str(cell.Competitor__c),
    potential: num(cell.Potential__c),
    lastModified: apexDateTime(cell.LastModifiedDate)!
  };
}

/** WhitespaceService.toMatrixOpportunity */
export function toMatrixOpportunity(opp: Row): MatrixOpportunity {
  return {
    id: String(opp.Id),
    name: String(opp.Name),
    accountId: str(opp.AccountId),
    amount: num(opp.Amount),
    probability: num(opp.Probability),
    stageName: String(opp.StageName),
    isClosed: opp.IsClosed === true,
    isWon: opp.IsWon === true,
    closeDate: String(opp.CloseDate),
    buyingCenterId: str(opp.Keyplan_Buying_Center__c),
    offeringId: str(opp.Keyplan_Offering__c),
    growthType: str(opp.Keyplan_Growth_Type__c) as MatrixOpportunity['growthType'],
    fiscalYear: toInteger(opp.FiscalYear),
    lastModified: apexDateTime(opp.LastModifiedDate)!
  };
}

/** WhitespaceService.getWhitespace */
function getWhitespace(ctx: ApexContext, accountIdParam: unknown, fiscalYearParam: unknown): WhitespaceData {
  const accountId = idParam(accountIdParam, 'accountId');
  const fiscalYear = intParam(fiscalYearParam, 'fiscalYear');
  require(accountId, 'accountId');
  requireYear(fiscalYear);
  requireReadable(ctx, 'Buying_Center__c');
  requireReadable(ctx, 'Landscape_Cell__c');
  requireReadable(ctx, 'Offering__c');
  const scope = scopeOf(ctx, accountId!);
  const fiscalYears = [fiscalYear - 1, fiscalYear];
  const data: WhitespaceData = {
    accountId: String(scope.root.Id),
    accounts: toRefs(scope),
    fiscalYears,
    ...figureSettings(ctx),
    wonHistory: [],
    buyingCenters: BuyingCenterSelector.forMatrix(ctx, scope.ids, LIMITS.MAX_PER_ACCOUNT).map(
      toMatrixBuyingCenter
    ),
    offerings: OfferingSelector.forMatrix(ctx, LIMITS.MAX_OFFERINGS).map((o) => ({
      id: String(o.Id),
      name: String(o.Name),
      family: str(o.Family__c) as WhitespaceData['offerings'][number]['family'],
      sortOrder: num(o.Sort_Order__c),
      active: o.Active__c === true
    })),
    cells: LandscapeCellSelector.byAccountsAndYears(ctx, scope.ids, fiscalYears, LIMITS.MAX_CELLS).map(
      toCellDto
    ),
    opportunities: OpportunitySelector.forMatrix(
      ctx,
      scope.ids,
      fiscalYears,
      LIMITS.MAX_MATRIX_OPPORTUNITIES
    ).map(toMatrixOpportunity),
    plan: null
  };
  stampCurrencies(ctx, data.opportunities, data.cells);
  data.wonHistory = wonHistory(ctx, scope.ids);
  const plan = AccountPlanSelector.byAccountAndYear(ctx, accountId!, fiscalYear);
  if (plan)
    data.plan = {
      revenueGoal: num(plan.Revenue_Goal__c),
      miningGoal: num(plan.Mining_Goal__c),
      farmingGoal: num(plan.Farming_Goal__c),
      fiscalYear: toInteger(plan.Fiscal_Year__c)!
    };
  return data;
}

/** WhitespaceService.saveCell */
function saveCell(ctx: ApexContext, inputValue: unknown): LandscapeCellDto {
  const input = inputParam(inputValue);
  require(input, 'input');
  const i = {
    id: idParam(input!.id, 'id'),
    lastModified: dateTimeParam(input!.lastModified, 'lastModified'),
    buyingCenterId: idParam(input!.buyingCenterId, 'buyingCenterId'),
    offeringId: idParam(input!.offeringId, 'offeringId'),
    fiscalYear: intParam(input!.fiscalYear, 'fiscalYear'),
    state: stringParam(input!.state, 'state'),
    competitor: stringParam(input!.competitor, 'competitor'),
    potential: decimalParam(input!.potential, 'potential'),
    notes: stringParam(input!.notes, 'notes')
  };
  require(i.buyingCenterId, 'buyingCenterId');
  require(i.offeringId, 'offeringId');
  require(i.fiscalYear, 'fiscalYear');
  require(i.state, 'state');
  // Competitor named, potential not negative, year in range: validation rules, run by the save path.
  const competitor = i.competitor === null ? null : i.competitor.trim();
  let existing: Row | null;
  if (i.id !== null) {
    existing = LandscapeCellSelector.byId(ctx, i.id);
    if (!existing) throw notFound('Landscape cell', i.id);
    if (
      !sameId(existing.Buying_Center__c, i.buyingCenterId) ||
      !sameId(existing.Offering__c, i.offeringId) ||
      existing.Fiscal_Year__c !== i.fiscalYear
    )
      throw fail(
        `id: Landscape cell ${i.id} belongs to another buying center, offering or year. Reload the matrix.`
      );
  } else {
    existing = LandscapeCellSelector.byKey(ctx, i.buyingCenterId!, i.offeringId!, i.fiscalYear!);
  }
  const record: Record<string, unknown> = {
    State__c: i.state,
    // Apex writes the trimmed text; an all-blank name is stored as blank, as the org does.
    Competitor__c: competitor,
    Potential__c: i.potential
  };
  // Notes are not part of the cell DTO, so the component cannot know them: null leaves them unchanged.
  if (i.notes !== null) record.Notes__c = i.notes;
  let id: string;
  if (existing) {
    // No lastModified with an existing cell means it was created after the user loaded the matrix.
    assertNotStale(
      `The landscape cell for fiscal year ${i.fiscalYear}`,
      i.lastModified,
      existing.LastModifiedDate
    );
    id = String(existing.Id);
    checkLandscapeCellKey(ctx, i.buyingCenterId!, i.offeringId!, i.fiscalYear!, id);
    updateAsUser(ctx, 'Landscape_Cell__c', id, record);
  } else {
    record.Buying_Center__c = i.buyingCenterId;
    record.Offering__c = i.offeringId;
    record.Fiscal_Year__c = i.fiscalYear;
    checkLandscapeCellKey(ctx, i.buyingCenterId!, i.offeringId!, i.fiscalYear!, null);
    id = insertAsUser(ctx, 'Landscape_Cell__c', record);
  }
  return toCellDto(LandscapeCellSelector.byId(ctx, id)!);
}

/** WhitespaceService.hasAssessment: a state other than Unassessed, a competitor, a potential or notes. */
const hasAssessment = (cell: Row): boolean =>
  (!isBlank(cell.State__c) && cell.State__c !== 'Unassessed') ||
  !isBlank(cell.Competitor__c) ||
  (cell.Potential__c !== null && cell.Potential__c !== undefined) ||
  !isBlank(cell.Notes__c);

/** WhitespaceService.namedCells */
function namedCells(names: string[]): string {
  const text = names.slice(0, NAMED_CELLS).join(', ');
  return names.length > NAMED_CELLS ? `${text} and ${names.length - NAMED_CELLS} more` : text;
}

/** WhitespaceService.copyAssessment */
function copyAssessment(ctx: ApexContext, p: Record<string, unknown>): AssessmentCopyResult {
  const accountId = idParam(p.accountId, 'accountId');
  const fromYear = intParam(p.fromYear, 'fromYear');
  const overwrite = booleanParam(p.overwrite, 'overwrite');
  require(accountId, 'accountId');
  requireYear(fromYear);
  requireYear(fromYear + 1);
  requireReadable(ctx, 'Landscape_Cell__c');
  const scope = scopeOf(ctx, accountId!);
  const toYear = fromYear + 1;
  const source = LandscapeCellSelector.forCopy(ctx, scope.ids, fromYear, MAX_COPY_CELLS + 1);
  const target = LandscapeCellSelector.forCopy(ctx, scope.ids, toYear, MAX_COPY_CELLS + 1);
  if (source.length > MAX_COPY_CELLS || target.length > MAX_COPY_CELLS)
    throw fail(
      `fromYear: ${String(scope.root.Name)} has more than ${MAX_COPY_CELLS} landscape cells in fiscal year ${
        source.length > MAX_COPY_CELLS ? fromYear : toYear
      }; copy the assessment with a data load instead.`
    );
  const key = (cell: Row): string => `${String(cell.Buying_Center__c)}|${String(cell.Offering__c)}`;
  const targetByKey = new Map(target.map((cell) => [key(cell), cell]));
  const inserts: Record<string, unknown>[] = [];
  const updates: { id: string; values: Record<string, unknown> }[] = [];
  const assessed: string[] = [];
  for (const cell of source) {
    if (!hasAssessment(cell)) continue;
    const copy: Record<string, unknown> = {
      State__c: cell.State__c,
      Competitor__c: cell.Competitor__c,
      Potential__c: cell.Potential__c,
      Notes__c: cell.Notes__c
    };
    const existing = targetByKey.get(key(cell));
    if (!existing) {
      inserts.push({
        ...copy,
        Buying_Center__c: cell.Buying_Center__c,
        Offering__c: cell.Offering__c,
        Fiscal_Year__c: toYear
      });
    } else {
      if (hasAssessment(existing))
        assessed.push(
          `${String(get(cell, 'Buying_Center__r.Name'))} / ${String(get(cell, 'Offering__r.Name'))}`
        );
      updates.push({ id: String(existing.Id), values: copy });
    }
  }
  if (assessed.length && overwrite !== true)
    throw fail(
      `overwrite: ${assessed.length} cells of fiscal year ${toYear} are already assessed (${namedCells(
        assessed
      )}). Nothing was copied; copy with overwrite to replace them.`
    );
  // One transaction: a failing row (a validation rule, a field the user may not edit) writes nothing.
  ctx.org.write(() => {
    for (const values of inserts) insertAsUser(ctx, 'Landscape_Cell__c', values);
    for (const u of updates) updateAsUser(ctx, 'Landscape_Cell__c', u.id, u.values);
  });
  return { fromYear, toYear, created: inserts.length, updated: updates.length };
}

/** WhitespaceService.createBuyingCenter */
function createBuyingCenter(
  ctx: ApexContext,
  accountIdParam: unknown,
  nameParam: unknown,
  parentIdParam: unknown,
  subsidiaryIdParam: unknown = null
): MatrixBuyingCenter {
  const accountId = idParam(accountIdParam, 'accountId');
  const name = stringParam(nameParam, 'name');
  const parentId = idParam(parentIdParam, 'parentId');
  const subsidiaryId = idParam(subsidiaryIdParam, 'subsidiaryId');
  require(accountId, 'accountId');
  require(name, 'name');
  const trimmed = name!.trim();
  if (!AccountSelector.byId(ctx, accountId!)) throw notFound('Account', accountId);
  // The parent's account is the validation rule Parent_In_Same_Account's, the name's length the field's.
  if (parentId !== null && !BuyingCenterSelector.forMatrixById(ctx, parentId))
    throw notFound('Buying center', parentId);
  if (subsidiaryId !== null) requireInGroup(ctx, scopeOf(ctx, accountId!), subsidiaryId);
  const id = insertAsUser(ctx, 'Buying_Center__c', {
    Account__c: accountId,
    Name: trimmed,
    Parent_Buying_Center__c: parentId,
    Subsidiary__c: subsidiaryId,
    Active__c: true
  });
  return toMatrixBuyingCenter(BuyingCenterSelector.forMatrixById(ctx, id)!);
}

/** WhitespaceService.requireInGroup: the subsidiary is the account or one below it; refused by name. */
function requireInGroup(ctx: ApexContext, scope: ReturnType<typeof scopeOf>, subsidiaryId: string): void {
  if (scope.ids.includes(subsidiaryId)) return;
  const outside = AccountSelector.byId(ctx, subsidiaryId);
  const label = outside ? `${String(outside.Name)} (${subsidiaryId})` : subsidiaryId;
  const root = String(scope.root.Name);
  throw fail(
    `subsidiaryId: ${label} is not a company of the group of ${root}. Choose ${root} or an account below it in the account hierarchy, or no subsidiary.`
  );
}

/** WhitespaceService.mapOpportunity */
function mapOpportunity(ctx: ApexContext, p: Record<string, unknown>): MatrixOpportunity {
  const opportunityId = idParam(p.opportunityId, 'opportunityId');
  const buyingCenterId = idParam(p.buyingCenterId, 'buyingCenterId');
  const offeringId = idParam(p.offeringId, 'offeringId');
  const lastModified = dateTimeParam(p.lastModified, 'lastModified');
  require(opportunityId, 'opportunityId');
  require(lastModified, 'lastModified');
  const current = OpportunitySelector.versionById(ctx, opportunityId!);
  if (!current) throw notFound('Opportunity', opportunityId);
  assertNotStale(`Opportunity ${String(current.Name)}`, lastModified, current.LastModifiedDate);
  updateAsUser(ctx, 'Opportunity', String(current.Id), {
    Keyplan_Buying_Center__c: buyingCenterId,
    Keyplan_Offering__c: offeringId
  });
  return toMatrixOpportunity(OpportunitySelector.forMatrixById(ctx, String(current.Id))!);
}

registerApex(
  'WhitespaceController.getWhitespace',
  controller((p, ctx) => getWhitespace(ctx, p.accountId, p.fiscalYear))
);
registerApex(
  'WhitespaceController.saveCell',
  controller((p, ctx) => saveCell(ctx, p.input))
);
registerApex(
  'WhitespaceController.copyAssessment',
  controller((p, ctx) => copyAssessment(ctx, p))
);
registerApex(
  'WhitespaceController.createBuyingCenter',
  controller((p, ctx) => createBuyingCenter(ctx, p.accountId, p.name, p.parentId, p.subsidiaryId))
);
registerApex(
  'WhitespaceController.mapOpportunity',
  controller((p, ctx) => mapOpportunity(ctx, p))
);
