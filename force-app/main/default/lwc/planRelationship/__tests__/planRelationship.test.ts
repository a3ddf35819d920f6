import { createElement } from 'lwc';
import PlanRelationship from 'c/planRelationship';
import type { AccountPlanDto, PlanSummaryData } from '@keyplan/contracts';
import type { KeyplanSettings } from 'c/keyplanCore';
import { changeValue, flush, recordEvents, shadowQueryAll } from '../../../../../test/lwcDom';
import { leakedBlanks } from '../../../../../test/testUtils';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- realistic fixture, also validated against the zod contract
const SUMMARY: PlanSummaryData = require('../../../../../../test/fixtures/apex/AccountPlanController.getPlanSummary.json');

type Host = HTMLElement & {
  plan: AccountPlanDto | undefined;
  readOnly: boolean;
  saving: boolean;
  settings?: Partial<KeyplanSettings>;
};
type Combo = HTMLElement & { label: string; value: string; disabled: boolean; options: { label: string }[] };

/** Northwind's FY2025 plan: scores 4, 3, 4, 2, 5, saved as Interdependent. */
const plan = (over: Partial<AccountPlanDto> = {}): AccountPlanDto => ({
  ...(JSON.parse(JSON.stringify(SUMMARY.plan)) as AccountPlanDto),
  ...over
});
function mount(props: Partial<Host>): Host {
  const el = createElement('c-plan-relationship', { is: PlanRelationship }) as Host;
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}
const q = <T extends Element = HTMLElement>(el: Host, sel: string): T | null =>
  el.shadowRoot!.querySelector<T>(sel);
const text = (el: Host, sel: string): string => q(el, sel)!.textContent!.replace(/\s+/g, ' ').trim();
const combo = (el: Host, key: string): Combo => q<Combo>(el, `.attribute[data-key="${key}"]`)!;

describe('c-plan-relationship', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the saved type in words with the weighted score and each attribute with its weight', async () => {
    const el = mount({ plan: plan() });
    await flush();
    expect(text(el, '.type')).toBe('Interdependent');
    expect(text(el, '.score')).toBe('weighted score 3.65 of 5');
    expect(shadowQueryAll<Combo>(el, '.attribute').map((c) => [c.label, c.value, c.disabled])).toEqual([
      ['Executive access (weight 25%)', '4', false],
      ['Share of wallet (weight 20%)', '3', false],
      ['Strategic alignment (weight 25%)', '4', false],
      ['Co-innovation (weight 15%)', '2', false],
      ['Tenure (weight 15%)', '5', false]
    ]);
    expect(combo(el, 'scoreTenure').options.map((o) => o.label)).toEqual([
      'Not scored',
      '1',
      '2',
      '3',
      '4',
      '5'
    ]);
    expect(q(el, '.unscored')).toBeNull();
    expect(q(el, '.save')).toBeNull();
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });

  it('uses the org’s weights when its settings arrive', async () => {
    const el = mount({
      plan: plan(),
      settings: { RelType_Weight_Tenure: 40, RelType_Weight_Co_Innovation: 0 }
    });
    await flush();
    expect(combo(el, 'scoreTenure').label).toBe('Tenure (weight 40%)');
    expect(combo(el, 'scoreCoInnovation').label).toBe('Co-innovation (weight 0%)');
  });

  it('says "Not scored" for a plan without scores, and why a blank attribute matters', async () => {
    const el = mount({
      plan: plan({
        scoreExecutiveAccess: null,
        scoreShareOfWallet: null,
        scoreStrategicAlignment: null,
        scoreCoInnovation: null,
        scoreTenure: null,
        relationshipType: null
      })
    });
    await flush();
    expect(text(el, '.type')).toBe('Not scored');
    expect(text(el, '.score')).toBe('weighted score not scored yet');
    expect(text(el, '.unscored')).toBe(
      'Blank attributes are left out of the weighted score: score all five for the full picture.'
    );
    expect(combo(el, 'scoreTenure').value).toBe('');
    await expect(el).toBeAccessible();
  });

  it('recomputes the type live, says what saving changes, and sends only the changed scores', async () => {
    const el = mount({ plan: plan() });
    const seen = recordEvents(el, ['save']);
    await flush();
    changeValue(combo(el, 'scoreCoInnovation'), '5');
    await flush();
    expect(text(el, '.type')).toBe('Strategic');
    expect(text(el, '.score')).toBe('weighted score 4.1 of 5');
    expect(text(el, '.type-change')).toBe('Saving changes the type from Interdependent to Strategic.');
    await expect(el).toBeAccessible();
    changeValue(combo(el, 'scoreTenure'), '');
    await flush();
    expect(q(el, '.unscored')).not.toBeNull();
    q(el, '.save')!.click();
    expect(seen).toEqual([{ name: 'save', detail: { scoreCoInnovation: 5, scoreTenure: null } }]);
  });

  it('keeps the draft while saving and after a failed save, drops it when the saved plan arrives', async () => {
    const el = mount({ plan: plan() });
    await flush();
    changeValue(combo(el, 'scoreShareOfWallet'), '1');
    el.saving = true;
    await flush();
    expect(combo(el, 'scoreShareOfWallet').disabled).toBe(true);
    expect((q(el, '.save') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
    await expect(el).toBeAccessible();
    // The save failed: the same plan version comes back, the draft stays.
    el.saving = false;
    el.plan = plan();
    await flush();
    expect(combo(el, 'scoreShareOfWallet').value).toBe('1');
    expect(text(el, '.type')).toBe('Interdependent');
    expect(text(el, '.score')).toBe('weighted score 3.25 of 5');
    // Saved: a new version replaces the draft with the stored values.
    el.plan = plan({ scoreShareOfWallet: 1, lastModified: '2025-06-01T00:00:00.000Z' });
    await flush();
    expect(q(el, '.save')).toBeNull();
    expect(combo(el, 'scoreShareOfWallet').value).toBe('1');
  });

  it('Cancel restores the saved scores; a draft back to the saved value is not a change', async () => {
    const el = mount({ plan: plan() });
    await flush();
    changeValue(combo(el, 'scoreTenure'), '1');
    await flush();
    q(el, '.cancel')!.click();
    await flush();
    expect(combo(el, 'scoreTenure').value).toBe('5');
    expect(q(el, '.save')).toBeNull();
    changeValue(combo(el, 'scoreTenure'), '5');
    await flush();
    expect(q(el, '.save')).toBeNull();
    expect(q(el, '.type-change')).toBeNull();
  });

  it('is read-only without edit access to the scores', async () => {
    const el = mount({ plan: plan(), readOnly: true });
    await flush();
    expect(shadowQueryAll<Combo>(el, '.attribute').every((c) => c.disabled)).toBe(true);
    await expect(el).toBeAccessible();
  });
});
