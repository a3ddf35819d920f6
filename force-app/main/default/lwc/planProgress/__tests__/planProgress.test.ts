import { createElement } from 'lwc';
import PlanProgress from 'c/planProgress';
import type { PlanSummaryData } from '@keyplan/contracts';
import { flush } from '../../../../../test/lwcDom';
import { leakedBlanks } from '../../../../../test/testUtils';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- realistic fixture, also validated against the zod contract
const SUMMARY: PlanSummaryData = require('../../../../../../test/fixtures/apex/AccountPlanController.getPlanSummary.json');

type Host = HTMLElement & {
  revenueGoal: number | null;
  won: number;
  weightedPipeline: number;
  whitespacePotential: number;
  competitivePotential: number;
  miningGoal: number | null;
  farmingGoal: number | null;
  currencyCode: string;
};

/** The fixture plan's goals ($2M: $1.2M mining, $0.8M farming) with this year's figures. */
const NORTHWIND: Partial<Host> = {
  revenueGoal: SUMMARY.plan!.revenueGoal,
  miningGoal: SUMMARY.plan!.miningGoal,
  farmingGoal: SUMMARY.plan!.farmingGoal,
  currencyCode: 'USD',
  won: 800000,
  weightedPipeline: 500000,
  whitespacePotential: 700000,
  competitivePotential: 300000
};

function mount(props: Partial<Host>): Host {
  const el = createElement('c-plan-progress', { is: PlanProgress }) as Host;
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}
const q = (el: Host, sel: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(sel);
const text = (el: Host, sel: string): string => q(el, sel)!.textContent!.replace(/\s+/g, ' ').trim();
const width = (el: Host, sel: string): string => q(el, sel)!.style.width;

describe('c-plan-progress', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the goal against won, pipeline and potential as a bar and in words', async () => {
    const el = mount(NORTHWIND);
    await flush();
    expect(SUMMARY.plan!.revenueGoal).toBe(2000000);
    // The bar is an image described in words: its colours are never the only code.
    const bar = q(el, '.bar')!;
    expect(bar.getAttribute('role')).toBe('img');
    expect(bar.getAttribute('aria-label')).toBe(
      'Won $800,000, weighted pipeline $500,000, whitespace potential $700,000, competitive potential $300,000, against a revenue goal of $2,000,000'
    );
    expect([width(el, '.bar__won'), width(el, '.bar__pipeline'), width(el, '.bar__whitespace')]).toEqual([
      '40%',
      '25%',
      '35%'
    ]);
    expect(q(el, '.bar__goal')!.style.left).toBe('100%');
    expect(text(el, '.goal')).toBe('$2,000,000');
    expect(text(el, '.won')).toBe('$800,000 40% of goal');
    expect(text(el, '.pipeline')).toBe('$500,000');
    expect(text(el, '.whitespace')).toBe('$700,000');
    expect(text(el, '.competitive')).toBe('$300,000');
    expect(text(el, '.gap')).toBe('$700,000 still to find');
    expect(text(el, '.mining')).toBe('$1,200,000');
    expect(text(el, '.farming')).toBe('$800,000');
    expect(text(el, '.split')).toBe('60% mining / 40% farming');
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });

  it('says how much is to spare once the goal is covered, and scales the bar to what is known', async () => {
    const el = mount({ ...NORTHWIND, won: 2100000, weightedPipeline: 400000, whitespacePotential: 0 });
    await flush();
    expect(text(el, '.gap')).toBe('Goal covered with $500,000 to spare');
    expect(text(el, '.won')).toBe('$2,100,000 105% of goal');
    // 2.5M known: the goal marker sits at 80%, won fills 84%.
    expect(q(el, '.bar__goal')!.style.left).toBe('80%');
    expect(width(el, '.bar__won')).toBe('84%');
    await expect(el).toBeAccessible();
  });

  it('without goals: says to set one, shows "Not set" and no goal marker or split', async () => {
    const el = mount({ won: 150000, weightedPipeline: 50000, whitespacePotential: 0, currencyCode: 'EUR' });
    await flush();
    expect(text(el, '.goal')).toBe('Not set');
    expect(text(el, '.won')).toBe('€150,000');
    expect(text(el, '.gap')).toBe('Set a revenue goal to track progress.');
    expect(text(el, '.mining')).toBe('Not set');
    expect(text(el, '.farming')).toBe('Not set');
    expect(text(el, '.split')).toBe('');
    expect(q(el, '.bar__goal')).toBeNull();
    expect(width(el, '.bar__won')).toBe('75%');
    expect(q(el, '.bar')!.getAttribute('aria-label')).toContain('against a revenue goal of Not set');
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });

  it('shows zeros, not blanks, before any figure arrives', async () => {
    const el = mount({ currencyCode: 'USD' });
    await flush();
    expect(text(el, '.won')).toBe('$0');
    expect(text(el, '.pipeline')).toBe('$0');
    expect(width(el, '.bar__won')).toBe('0%');
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });
  it('reads plan goals Apex left out (undefined) as "Not set", in the org currency without a code', async () => {
    const missing = undefined as unknown as null;
    const el = mount({
      revenueGoal: missing,
      won: 120000,
      weightedPipeline: 30000,
      whitespacePotential: 50000,
      competitivePotential: 0,
      miningGoal: 400000,
      farmingGoal: missing,
      currencyCode: ''
    });
    await flush();
    expect(text(el, '.goal')).toBe('Not set');
    expect(text(el, '.won')).toBe('$120,000');
    expect(text(el, '.gap')).toBe('Set a revenue goal to track progress.');
    expect(text(el, '.farming')).toBe('Not set');
    expect(text(el, '.split')).toBe('100% mining / 0% farming');
    expect(width(el, '.bar__won')).toBe('60%');
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });
});
