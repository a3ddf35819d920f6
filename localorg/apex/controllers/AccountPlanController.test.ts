import { figureOptions, summariseYear } from '../../../force-app/main/default/lwc/keyplanCore/figures';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountPlanDto, PlanSummaryData } from '../../../src/contracts';
import { abbreviate } from './AccountPlanController';
import { earlier, errorOf, ruleError, staleMessage, startTwinOrg, type TwinOrg } from './lib/testing';

describe('AccountPlanController twin over HTTP', () => {
  let t: TwinOrg;
  before(async () => {
    t = await startTwinOrg();
  });
  after(async () => t?.close());

  const summary = async (fiscalYear: number): Promise<PlanSummaryData> => {
    const res = await t.call('AccountPlanController', 'getPlanSummary', {
      accountId: t.id('acme'),
      fiscalYear
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return PlanSummaryData.parse(res.body);
  };

  it('getPlanSummary returns the rows of the year that summariseYear sums, and overdue actions', async () => {
    const data = await summary(2026);
    assert.equal(data.plan?.name, 'Acme FY2026');
    assert.equal(data.plan?.status, 'Active');
    const fig = summariseYear(data, figureOptions(data));
    assert.equal(fig.won, 100000);
    // 50,000 x 40% + 20,000 x 10%
    assert.equal(fig.weightedPipeline, 22000);
    // Whitespace cells of 2026 only (the competitor cell and the 2025 cell do not count).
    assert.equal(fig.whitespacePotential, 70000);
    assert.ok(fig.competitivePotential > 0, 'the competitor cell is its own figure');
    assert.deepEqual(
      data.overdueActions.map((a) => [a.name, a.status, a.assignedToName]),
      [['Late action', 'Open', 'Local User']]
    );
    // Open actions due from today on, soonest first: where a new plan action shows after its save.
    assert.deepEqual(
      data.upcomingActions.map((a) => [a.name, a.dueDate, a.status]),
      [['Future action', '2099-01-01', 'Open']]
    );
  });

  it('getPlanSummary without a plan has a null plan and still returns the rows', async () => {
    const data = await summary(2025);
    assert.equal(data.plan, null);
    const fig = summariseYear(data, figureOptions(data));
    assert.equal(fig.won, 20000);
    assert.equal(fig.whitespacePotential, 5000);
    assert.deepEqual(data.overdueActions, []);
    assert.deepEqual(data.upcomingActions, []);
  });

  it('createPlan creates a Draft plan named after the account, and a second one for the year gets the trigger message', async () => {
    const ok = await t.call('AccountPlanController', 'createPlan', {
      accountId: t.id('acme'),
      fiscalYear: 2027
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const plan = AccountPlanDto.parse(ok.body);
    assert.equal(plan.name, 'Acme Industries FY2027');
    assert.equal(plan.status, 'Draft');

    const n = t.count('Account_Plan__c');
    const again = await t.call('AccountPlanController', 'createPlan', {
      accountId: t.id('acme'),
      fiscalYear: 2027
    });
    assert.equal(again.status, 400);
    assert.equal(
      errorOf(again).message,
      'Fiscal_Year__c: This account already has a plan for fiscal year 2027. Open that plan instead of creating another.'
    );
    assert.equal(t.count('Account_Plan__c'), n);
    assert.equal(abbreviate('x'.repeat(80), 73), 'x'.repeat(70) + '...');
  });

  it('savePlan updates with the recomputed formulas, refuses a stale copy and passes the goals rule through', async () => {
    const current = (await summary(2026)).plan!;
    const input = {
      id: current.id,
      lastModified: current.lastModified,
      accountId: t.id('acme'),
      name: ' Acme FY2026 (reviewed) ',
      fiscalYear: 2026,
      status: 'Under Review',
      revenueGoal: 600000,
      miningGoal: 250000,
      farmingGoal: 150000,
      scoreExecutiveAccess: 5,
      scoreShareOfWallet: 4,
      scoreStrategicAlignment: 4,
      scoreCoInnovation: 4,
      scoreTenure: 4,
      criterionRevenuePotential: true,
      criterionStrategicFit: true,
      criterionGrowthPotential: true,
      criterionReferenceValue: true
    };
    const ok = await t.call('AccountPlanController', 'savePlan', { input });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const saved = AccountPlanDto.parse(ok.body);
    assert.equal(saved.name, 'Acme FY2026 (reviewed)');
    assert.equal(saved.status, 'Under Review');
    assert.equal(saved.relationshipType, 'Strategic');
    assert.equal(saved.tier, '1');
    assert.equal(t.running.org.get('Account_Plan__c', current.id)!.Revenue_Goal__c, 600000);

    const stale = await t.call('AccountPlanController', 'savePlan', {
      input: { ...input, lastModified: earlier(saved.lastModified), status: 'Archived' }
    });
    assert.equal(stale.status, 400);
    assert.equal(errorOf(stale).message, staleMessage('Account plan Acme FY2026 (reviewed)'));

    // The validation rule owns the goals rule (the twin does not restate it), whatever is blank.
    const over = await t.call('AccountPlanController', 'savePlan', {
      input: { ...input, lastModified: saved.lastModified, miningGoal: 700000, farmingGoal: null }
    });
    assert.equal(over.status, 400);
    const rule = t.running.org.schema.objects
      .get('Account_Plan__c')!
      .validationRules!.find((r) => r.name === 'Goals_Within_Revenue_Goal')!;
    assert.ok(errorOf(over).message.includes(rule.message), errorOf(over).message);
    const stored = t.running.org.get('Account_Plan__c', current.id)!;
    assert.equal(stored.Mining_Goal__c, 250000, 'nothing written');
    assert.equal(stored.Status__c, 'Under Review');

    const guard = await t.call('AccountPlanController', 'savePlan', {
      input: { ...input, lastModified: saved.lastModified, miningGoal: 500000, farmingGoal: 200000 }
    });
    assert.equal(guard.status, 400);
    assert.equal(errorOf(guard).message, ruleError(t, 'Account_Plan__c', 'Goals_Within_Revenue_Goal'));
    assert.equal(t.running.org.get('Account_Plan__c', current.id)!.Mining_Goal__c, 250000, 'nothing written');

    const longName = await t.call('AccountPlanController', 'savePlan', {
      input: { ...input, lastModified: saved.lastModified, name: 'x'.repeat(81) }
    });
    assert.equal(longName.status, 400);
    assert.match(errorOf(longName).message, /^Name: /, 'the field length refuses it');

    const year = await t.call('AccountPlanController', 'savePlan', {
      input: { ...input, lastModified: saved.lastModified, fiscalYear: 1999 }
    });
    assert.equal(year.status, 400);
    assert.equal(errorOf(year).message, ruleError(t, 'Account_Plan__c', 'Fiscal_Year_In_Range'));
  });

  it('savePlan without an id creates a plan; moving a plan to another account is refused', async () => {
    const created = await t.call('AccountPlanController', 'savePlan', {
      input: {
        accountId: t.id('other'),
        name: 'Other FY2026',
        fiscalYear: 2026,
        status: 'Draft',
        revenueGoal: null,
        miningGoal: null,
        farmingGoal: null
      }
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const plan = AccountPlanDto.parse(created.body);
    const moved = await t.call('AccountPlanController', 'savePlan', {
      input: {
        id: plan.id,
        lastModified: plan.lastModified,
        accountId: t.id('acme'),
        name: 'x',
        fiscalYear: 2026,
        status: 'Draft',
        revenueGoal: null,
        miningGoal: null,
        farmingGoal: null
      }
    });
    assert.equal(moved.status, 400);
    assert.equal(
      errorOf(moved).message,
      'accountId: Account plan Other FY2026 belongs to another account and cannot be moved.'
    );
  });
});
