import { createElement } from 'lwc';
import BantOpportunity from 'c/bantOpportunity';
import { updateRecord } from 'lightning/uiRecordApi';
import type { BantData, BantOpportunity as BantOpportunityDto } from '@keyplan/contracts';
import { flush, pressKey, recordEvents, shadowQuery, shadowQueryAll } from '../../../../../test/lwcDom';
import { leakedBlanks } from '../../../../../test/testUtils';
// The shared lightning/navigation mock (jest.config.js): every navigation of the card and its children.
import { navigate as mockNavigate } from '../../../../../../test/jest/navigation.mock';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- realistic fixture, also validated against the zod contract
const FIXTURE: BantData = require('../../../../../../test/fixtures/apex/BantController.getBant.json');

// The gaps child (c-bant-gaps, tested on its own) imports these; this card never calls them.
jest.mock('@salesforce/apex/BantController.getRoleCandidates', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/BantController.addContactRole', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AccountPlanController.getPlanSummary', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AccountPlanController.createPlan', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/user/Id', () => ({ default: '005Dp000000User1AAC' }), { virtual: true });

const saveMock = updateRecord as unknown as jest.Mock;
type Host = HTMLElement & {
  opportunity: BantOpportunityDto;
  expanded: boolean;
  threshold: number;
  fieldAccess: Record<string, unknown>;
  stages: BantData['stages'];
};

const opp = (name: string): BantOpportunityDto => {
  const o = FIXTURE.opportunities.find((x) => x.name === name);
  if (!o) throw new Error(`No opportunity ${name} in the BANT fixture`);
  return JSON.parse(JSON.stringify(o)) as BantOpportunityDto;
};
function mount(o: BantOpportunityDto, props: Partial<Host> = {}): Host {
  const el = createElement('c-bant-opportunity', { is: BantOpportunity }) as Host;
  Object.assign(el, { opportunity: o, stages: FIXTURE.stages, threshold: 50, ...props });
  document.body.appendChild(el);
  return el;
}
const q = <T extends Element = HTMLElement>(el: Host, sel: string): T | null =>
  el.shadowRoot!.querySelector<T>(sel);
const text = (el: Host, sel: string): string => q(el, sel)!.textContent!.replace(/\s+/g, ' ').trim();
const chips = (el: Host): string[] =>
  shadowQueryAll(el, 'c-bant-chip').map((c) => c.shadowRoot!.querySelector('.chip__text')!.textContent!);
const change = (target: Element, value: string): void => {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
};
const input = (el: Host, kind: 'status' | 'evidence', d: string): HTMLElement =>
  q(el, `.${kind}-input[data-dimension="${d}"]`)!;

describe('c-bant-opportunity', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows a qualified deal: facts, score and qualification in words, a chip per dimension', async () => {
    const el = mount(opp('Northwind ERP Rollout'));
    await flush();
    expect(q(el, 'article')!.getAttribute('aria-label')).toBe('Northwind ERP Rollout');
    expect(text(el, '.amount')).toBe('$420,000');
    expect(text(el, '.stage')).toBe('Negotiation/Review');
    expect(text(el, '.close-date')).toBe('Closes Jun 30, 2025');
    expect(text(el, '.buying-center')).toBe('Finance');
    expect(text(el, '.offering')).toBe('Platform Subscription');
    // Colour never alone: the badge says "Qualified" and the assistive text reads the score in words.
    expect(text(el, '.score .slds-assistive-text')).toBe('BANT score 93 of 100, qualified');
    expect(text(el, '.score [aria-hidden]')).toBe('93 · Qualified');
    expect(q(el, '.score')!.className).toContain('score_qualified');
    expect(chips(el)).toEqual([
      'Budget: Confirmed',
      'Authority: Confirmed',
      'Need: Confirmed',
      'Timing: Identified'
    ]);
    expect(q(el, '.editor')).toBeNull();
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });

  it('says what is missing on an empty deal instead of leaving blanks', async () => {
    const o = opp('Field Service Mobile App');
    o.buyingCenterName = null;
    o.offeringName = null;
    const el = mount(o);
    await flush();
    expect(text(el, '.amount')).toBe('No amount');
    expect(text(el, '.buying-center')).toBe('No buying center');
    expect(text(el, '.offering')).toBe('No offering');
    expect(text(el, '.score .slds-assistive-text')).toBe('BANT score 13 of 100, unqualified');
    expect(text(el, '.score [aria-hidden]')).toBe('13 · Unqualified');
    expect(q(el, '.score')!.className).toContain('score_unqualified');
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });

  it('expanded: evidence per dimension and the contact roles, and opens the records', async () => {
    const el = mount(opp('Northwind ERP Rollout'), { expanded: true });
    await flush();
    expect(shadowQueryAll(el, '.evidence').map((e) => e.textContent)).toEqual([
      'FY25 capex line approved by CFO (email 12 May)',
      'CFO Dana Whitfield signs; confirmed in steering call',
      'Month-end close takes 9 days; target is 4',
      'Go-live wanted before Q3 close, not yet signed off'
    ]);
    expect(
      // The roles are drawn by the c-bant-contact-roles child.
      shadowQueryAll(shadowQuery(el, 'c-bant-contact-roles')!, '.contact-role').map((r) =>
        r.textContent!.replace(/\s+/g, ' ').trim()
      )
    ).toEqual([
      'Dana Whitfield · Decision Maker · Economic Buyer · Primary',
      'Raj Patel · Evaluator · Technical Buyer'
    ]);
    await expect(el).toBeAccessible();
    q(el, '.name')!.click();
    shadowQuery(el, '.add-contact-role')!.click();
    expect(mockNavigate.mock.calls.map((c) => c[0])).toEqual([
      {
        type: 'standard__recordPage',
        attributes: { recordId: '006Dp00000Bnt01AAC', objectApiName: 'Opportunity', actionName: 'view' }
      },
      {
        type: 'standard__recordRelationshipPage',
        attributes: {
          recordId: '006Dp00000Bnt01AAC',
          objectApiName: 'Opportunity',
          relationshipApiName: 'OpportunityContactRoles',
          actionName: 'view'
        }
      }
    ]);
  });

  it('hides a status the user may not read and offers no edit without edit access', async () => {
    const none = { readable: false, updateable: false };
    const readOnly = { readable: true, updateable: false };
    const el = mount(opp('Northwind ERP Rollout'), {
      fieldAccess: {
        budget: { status: none, evidence: none },
        authority: { status: readOnly, evidence: readOnly },
        need: { status: readOnly, evidence: readOnly },
        timing: { status: readOnly, evidence: readOnly }
      }
    });
    await flush();
    expect(chips(el)).toEqual(['Authority: Confirmed', 'Need: Confirmed', 'Timing: Identified']);
    expect(q(el, '.edit')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('edits in place: live score, Escape cancels and returns the focus to Edit', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const el = mount(opp('HR Self-Service Portal'));
    await flush();
    q(el, '.edit')!.click();
    await flush();
    expect(q(el, '.editor')!.getAttribute('aria-label')).toBe('Edit BANT of HR Self-Service Portal');
    expect(
      shadowQueryAll<HTMLElement & { label: string; value: string }>(el, '.status-input').map((c) => [
        c.label,
        c.value
      ])
    ).toEqual([
      ['Budget status', 'Missing'],
      ['Authority status', 'Unknown'],
      ['Need status', 'Identified'],
      ['Timing status', 'Unknown']
    ]);
    // The keyboard user lands in the first control.
    expect(focus.mock.contexts.at(-1)).toBe(input(el, 'status', 'budget'));
    await expect(el).toBeAccessible();
    change(input(el, 'status', 'budget'), 'Confirmed');
    change(input(el, 'evidence', 'budget'), 'FY26 budget line approved');
    await flush();
    expect(text(el, '.score-value')).toBe('43');
    pressKey(q(el, '.editor')!, 'Escape');
    await flush();
    expect(q(el, '.editor')).toBeNull();
    expect(text(el, '.score-value')).toBe('13');
    expect(focus.mock.contexts.at(-1)).toBe(q(el, '.edit'));
    expect(saveMock).not.toHaveBeenCalled();
    focus.mockRestore();
  });

  it('saves only the changed fields with the stale-write guard, shows Saving, then reports saved', async () => {
    let resolve: (v: unknown) => void = () => undefined;
    saveMock.mockImplementationOnce(() => new Promise((r) => (resolve = r)));
    const el = mount(opp('Northwind ERP Rollout'));
    const seen = recordEvents(el, ['saved']);
    await flush();
    q(el, '.edit')!.click();
    await flush();
    change(input(el, 'status', 'timing'), 'Confirmed');
    change(input(el, 'evidence', 'timing'), '  Go-live signed off for 1 Sep  ');
    q(el, '.save')!.click();
    await flush();
    expect(saveMock).toHaveBeenCalledWith(
      {
        fields: {
          Id: '006Dp00000Bnt01AAC',
          Keyplan_Timing_Status__c: 'Confirmed',
          Keyplan_Timing_Evidence__c: 'Go-live signed off for 1 Sep'
        }
      },
      { ifUnmodifiedSince: '2025-05-28T14:05:00.000Z' }
    );
    expect((q(el, 'lightning-spinner') as HTMLElement & { alternativeText: string }).alternativeText).toBe(
      'Saving'
    );
    expect((q(el, '.save') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
    expect((input(el, 'status', 'budget') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
    await expect(el).toBeAccessible();
    // Escape does not drop a save in flight.
    pressKey(q(el, '.editor')!, 'Escape');
    await flush();
    expect(q(el, '.editor')).not.toBeNull();
    resolve({
      id: '006Dp00000Bnt01AAC',
      lastModifiedDate: '2025-06-10T10:00:00.000Z',
      fields: { Keyplan_BANT_Score__c: { value: 100 } }
    });
    await flush();
    expect(q(el, '.editor')).toBeNull();
    expect(text(el, '.score-value')).toBe('100');
    expect(chips(el)[3]).toBe('Timing: Confirmed');
    expect(seen).toHaveLength(1);
    const detail = seen[0].detail as { opportunity: BantOpportunityDto; message: string };
    expect(detail.message).toBe('Northwind ERP Rollout: BANT saved.');
    expect(detail.opportunity).toMatchObject({
      timingStatus: 'Confirmed',
      timingEvidence: 'Go-live signed off for 1 Sep',
      bantScore: 100,
      lastModified: '2025-06-10T10:00:00.000Z'
    });
  });

  it('keeps the input on a conflict, says what happened and offers a reload', async () => {
    saveMock.mockRejectedValueOnce({
      status: 412,
      body: [{ errorCode: 'PRECONDITION_FAILED', message: 'x' }]
    });
    const el = mount(opp('Security Assessment'));
    const seen = recordEvents(el, ['saved', 'reload']);
    await flush();
    q(el, '.edit')!.click();
    await flush();
    change(input(el, 'evidence', 'timing'), 'Audit deadline 30 Sep');
    q(el, '.save')!.click();
    await flush();
    const panel = q<HTMLElement & { errors: unknown; friendlyMessage: string }>(el, 'c-error-panel')!;
    expect(panel.friendlyMessage).toContain('Your changes were not saved');
    expect(panel.errors).toBe(
      'Security Assessment was changed by someone else since you opened it. Reload to see their changes, then make yours again.'
    );
    expect((input(el, 'evidence', 'timing') as HTMLElement & { value: string }).value).toBe(
      'Audit deadline 30 Sep'
    );
    await expect(el).toBeAccessible();
    q(el, '.reload')!.click();
    expect(seen).toEqual([{ name: 'reload', detail: null }]);
  });

  it('follows its gaps: "Write evidence" opens that evidence, a saved contact role updates the card', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const el = mount(opp('HR Self-Service Portal'));
    const seen = recordEvents(el, ['saved']);
    await flush();
    const gaps = q(el, 'c-bant-gaps')!;
    gaps.dispatchEvent(new CustomEvent('editevidence', { detail: { dimension: 'authority' } }));
    await flush();
    expect(focus.mock.contexts.at(-1)).toBe(input(el, 'evidence', 'authority'));
    focus.mockRestore();
    const updated = {
      ...opp('HR Self-Service Portal'),
      authorityStatus: 'Identified' as const,
      bantScore: 33
    };
    gaps.dispatchEvent(
      new CustomEvent('saved', { detail: { opportunity: updated, message: 'Role added.' } })
    );
    q(el, '.cancel')!.click();
    await flush();
    expect(text(el, '.score-value')).toBe('33');
    expect(chips(el)[1]).toBe('Authority: Identified');
    expect(seen).toEqual([{ name: 'saved', detail: { opportunity: updated, message: 'Role added.' } }]);
  });

  it('Save without a change just closes the editor', async () => {
    const el = mount(opp('Security Assessment'));
    await flush();
    q(el, '.edit')!.click();
    await flush();
    change(input(el, 'status', 'need'), 'Confirmed');
    q(el, '.save')!.click();
    await flush();
    expect(saveMock).not.toHaveBeenCalled();
    expect(q(el, '.editor')).toBeNull();
  });
});
