import { createElement } from 'lwc';
import BantPanel from 'c/bantPanel';
import getBant from '@salesforce/apex/BantController.getBant';
import getSettings from '@salesforce/apex/KeyplanSettingsController.getSettings';
import { refreshApex } from '@salesforce/apex';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { updateRecord } from 'lightning/uiRecordApi';
import type { BantData } from '@keyplan/contracts';
import { countNullKeys, leakedBlanks, shownTexts, withoutNulls } from '../../../../../test/testUtils';
import { navigate } from '../../../../../../test/jest/navigation.mock';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- realistic fixture, also validated against the zod contract
const FIXTURE: BantData = require('../../../../../../test/fixtures/apex/BantController.getBant.json');

jest.mock(
  '@salesforce/apex/BantController.getBant',
  () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories cannot use imports
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface TestAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}
const bantAdapter = getBant as unknown as TestAdapter;
const settingsAdapter = getSettings as unknown as TestAdapter;
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- the test drives the adapter
const objectInfoAdapter = getObjectInfo as unknown as TestAdapter;
const saveMock = updateRecord as unknown as jest.Mock;
const refreshMock = refreshApex as unknown as jest.Mock;

const ACCOUNT_ID = FIXTURE.accountId;
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const el = createElement('c-bant-panel', { is: BantPanel });
  Object.assign(el, { recordId: ACCOUNT_ID, ...props });
  document.body.appendChild(el);
  return el;
}

function rows(el: HTMLElement): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('c-bant-opportunity')];
}
/** The gap rows of one card (inside its c-bant-gaps). */
function gapsOf(card: HTMLElement): HTMLElement[] {
  const gaps = card.shadowRoot!.querySelector('c-bant-gaps');
  return gaps ? [...gaps.shadowRoot!.querySelectorAll<HTMLElement>('.gap')] : [];
}

function rowNamed(el: HTMLElement, name: string): HTMLElement {
  const row = rows(el).find((r) => r.shadowRoot!.querySelector('.name')!.textContent === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}
function names(el: HTMLElement): string[] {
  return rows(el).map((r) => r.shadowRoot!.querySelector('.name')!.textContent!);
}
function q<T extends Element = HTMLElement>(root: HTMLElement, selector: string): T {
  const found = root.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found;
}

describe('c-bant-panel', () => {
  beforeEach(() => {
    // Date only: the fixture is dated around 10 June 2025; promises and timers stay real.
    jest.useFakeTimers({
      now: new Date('2025-06-10T12:00:00Z'),
      doNotFake: [
        'nextTick',
        'setImmediate',
        'queueMicrotask',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval'
      ]
    });
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows a labelled spinner while loading', async () => {
    const el = mount();
    await flush();
    expect(
      q(el, 'lightning-spinner').getAttribute('alternative-text') ??
        (q(el, 'lightning-spinner') as unknown as { alternativeText: string }).alternativeText
    ).toBe('Loading BANT qualification');
    expect(rows(el)).toHaveLength(0);
    await expect(el).toBeAccessible();
  });

  it('shows a friendly error when the data cannot be loaded', async () => {
    const el = mount();
    bantAdapter.error({ message: 'Insufficient access rights on Opportunity' });
    await flush();
    const panel = q(el, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
    expect(panel.friendlyMessage).toBe('The BANT qualification could not be loaded.');
    expect(el.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('explains what to do when the account has no open opportunities', async () => {
    const el = mount();
    bantAdapter.emit({ accountId: ACCOUNT_ID, opportunities: [], history: [] });
    await flush();
    expect(q(el, '.empty').textContent).toContain('Create an opportunity');
    expect(rows(el)).toHaveLength(0);
    await expect(el).toBeAccessible();
  });

  it('lists every open opportunity sorted by score with facts, chips and score', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    expect(names(el)).toEqual([
      'Managed Services Renewal',
      'Northwind ERP Rollout',
      'Supply Chain Optimisation',
      'Data Warehouse Modernisation',
      'Security Assessment',
      'Field Service Mobile App',
      'HR Self-Service Portal',
      'Procurement Analytics Pilot'
    ]);
    const dw = rowNamed(el, 'Data Warehouse Modernisation');
    expect(q(dw, '.amount').textContent).toBe('$260,000');
    expect(q(dw, '.stage').textContent).toBe('Proposal/Price Quote');
    expect(q(dw, '.close-date').textContent).toBe('Closes Jul 4, 2025');
    expect(q(dw, '.buying-center').textContent).toBe('IT');
    expect(q(dw, '.offering').textContent).toBe('Analytics Suite');
    expect(q(dw, '.score-value').textContent).toBe('43');
    expect(q(dw, '.score .slds-assistive-text').textContent).toBe('BANT score 43 of 100, unqualified');
    const chips = [
      ...dw.shadowRoot!.querySelectorAll<HTMLElement & { label: string; status: string | null }>(
        'c-bant-chip'
      )
    ];
    expect(chips.map((c) => `${c.label}=${c.status}`)).toEqual([
      'Budget=Identified',
      'Authority=Identified',
      'Need=Identified',
      'Timing=Unknown'
    ]);
    expect(q(el, '.count').textContent!.trim()).toBe('8 open opportunities');
    expect(q(rowNamed(el, 'Field Service Mobile App'), '.amount').textContent).toBe('No amount');
    await expect(el).toBeAccessible();
  });

  it('shows the gaps the core finds', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const codes = (name: string) => [...gapsOf(rowNamed(el, name))].map((g) => g.dataset.code);
    expect(codes('Data Warehouse Modernisation')).toEqual([
      'NO_AUTHORITY_CONTACT',
      'TIMING_UNKNOWN_CLOSE_SOON',
      'NEED_NOT_CONFIRMED_AT_PROPOSAL'
    ]);
    expect(codes('Security Assessment')).toEqual(['CLOSE_DATE_PASSED', 'BUDGET_UNCONFIRMED_LATE_STAGE']);
    expect(codes('Managed Services Renewal')).toEqual([]);
    // Inside its own card a gap does not repeat the opportunity's name (the card's heading).
    expect(
      gapsOf(rowNamed(el, 'Data Warehouse Modernisation'))[0].querySelector('.gap-text')!.textContent!.trim()
    ).toBe('No economic buyer or decision maker among the contact roles.');
  });

  it("keys gap expectations to the org's own sales process and makes Missing a red gap", async () => {
    const el = mount();
    const data = clone(FIXTURE);
    // An org whose process puts Id. Decision Makers first of eight open stages: not late any more.
    const order = [
      'Id. Decision Makers',
      ...data.stages.map((x) => x.name).filter((n) => n !== 'Id. Decision Makers')
    ];
    data.stages = data.stages.map((x) => ({ ...x, sortOrder: order.indexOf(x.name) + 1 }));
    bantAdapter.emit(data);
    await flush();
    const codes = (name: string) => [...gapsOf(rowNamed(el, name))].map((g) => g.dataset.code);
    expect(codes('Security Assessment')).toEqual(['CLOSE_DATE_PASSED']);
    // Budget Missing at Needs Analysis: a red gap at any stage.
    expect(codes('HR Self-Service Portal')).toContain('BUDGET_MISSING');
  });

  it('sorts by amount and by close date', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const sort = q(el, 'lightning-combobox.sort');
    sort.dispatchEvent(new CustomEvent('change', { detail: { value: 'amount' } }));
    await flush();
    expect(names(el)[0]).toBe('Managed Services Renewal');
    expect(names(el)[1]).toBe('Northwind ERP Rollout');
    expect(names(el).at(-1)).toBe('Field Service Mobile App');
    sort.dispatchEvent(new CustomEvent('change', { detail: { value: 'closeDate' } }));
    await flush();
    expect(names(el).slice(0, 3)).toEqual([
      'Security Assessment',
      'Managed Services Renewal',
      'Northwind ERP Rollout'
    ]);
  });

  it('filters to the unqualified opportunities and says when none are left', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const filter = q(el, 'lightning-input.filter');
    filter.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flush();
    expect(names(el)).toHaveLength(5);
    expect(names(el)).not.toContain('Northwind ERP Rollout');
    expect(q(el, '.count').textContent!.trim()).toBe('5 of 8 open opportunities');

    const allGood = clone(FIXTURE);
    allGood.opportunities = allGood.opportunities.filter((o) => o.bantScore! >= 50);
    bantAdapter.emit(allGood);
    await flush();
    expect(rows(el)).toHaveLength(0);
    expect(q(el, '.none-unqualified').textContent).toContain('scores 50 or more');
    await expect(el).toBeAccessible();
  });

  it('honours the threshold and height design attributes', async () => {
    const el = mount({ threshold: 80, height: 320 });
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    q(el, 'lightning-input.filter').dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flush();
    expect(names(el)).toHaveLength(6);
    expect(q(el, '.list').getAttribute('style')).toContain('max-height: 320px');
    expect(q(rowNamed(el, 'Supply Chain Optimisation'), '.score .slds-assistive-text').textContent).toContain(
      'unqualified'
    );
  });

  it('summarises qualified pipeline and the change since last month', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const summary = q(el, 'c-bant-summary');
    expect(q(summary, '.qualified-amount').textContent).toBe('$1,230,000');
    expect(q(summary, '.unqualified-amount').textContent).toBe('$510,000');
    expect(q(summary, '.average-score').textContent).toBe('48');
    // A month ago (10 May) Supply Chain scored 35, Northwind 70, Data Warehouse 28, Managed Services 93.
    expect(q(summary, '.score-change').textContent).toBe('+11 points');
    expect(q(summary, '.qualified-change').textContent).toBe('+$300,000');
    expect(q(summary, '.change').textContent).toContain('May 10, 2025');
    // Words and figures keep their spaces ("$2,918,000(was" was the bug).
    expect(q(summary, '.change').textContent).toMatch(
      /^Since May 10, 2025: average score \+11 points \(was \d+\), qualified pipeline \+\$300,000 \(was \$[\d,]+\)\.$/
    );
    expect(summary.shadowRoot!.querySelector('.no-history')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('explains that there is no history yet', async () => {
    const el = mount();
    bantAdapter.emit({ ...clone(FIXTURE), history: [] });
    await flush();
    const summary = q(el, 'c-bant-summary');
    expect(q(summary, '.no-history').textContent).toContain('No history yet');
    expect(summary.shadowRoot!.querySelector('.change')).toBeNull();
  });

  it('edits one dimension in place and saves only what changed, with lastModified', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const row = rowNamed(el, 'Data Warehouse Modernisation');
    q(row, 'lightning-button.edit').click();
    await flush();
    const editors = row.shadowRoot!.querySelectorAll<HTMLElement & { value: string }>(
      'lightning-combobox.status-input'
    );
    expect(editors).toHaveLength(4);
    expect(q(row, 'lightning-combobox[data-dimension="timing"]').getAttribute('data-dimension')).toBe(
      'timing'
    );
    const timing = q<HTMLElement & { value: string; options: { value: string }[] }>(
      row,
      'lightning-combobox[data-dimension="timing"]'
    );
    expect(timing.options.map((o) => o.value)).toEqual(['Unknown', 'Missing', 'Identified', 'Confirmed']);
    timing.dispatchEvent(new CustomEvent('change', { detail: { value: 'Identified' } }));
    q(row, 'lightning-textarea[data-dimension="timing"]').dispatchEvent(
      new CustomEvent('change', { detail: { value: '  Board decision due 30 June  ' } })
    );
    await flush();
    await expect(el).toBeAccessible();

    const original = FIXTURE.opportunities.find((o) => o.name === 'Data Warehouse Modernisation')!;
    // The platform answers with the saved record: the fields written, the formula's new score and the
    // new LastModifiedDate.
    saveMock.mockResolvedValueOnce({
      id: original.id,
      apiName: 'Opportunity',
      lastModifiedDate: '2025-06-10T12:00:01.000Z',
      fields: {
        Keyplan_Timing_Status__c: { value: 'Identified', displayValue: 'Identified' },
        Keyplan_Timing_Evidence__c: { value: 'Board decision due 30 June', displayValue: null },
        Keyplan_BANT_Score__c: { value: 50, displayValue: '50' }
      }
    });
    q(row, 'lightning-button.save').click();
    await flush();
    // Lightning Data Service, with only the changed fields and the stale-write guard.
    expect(saveMock).toHaveBeenCalledTimes(1);
    expect(saveMock).toHaveBeenCalledWith(
      {
        fields: {
          Id: original.id,
          Keyplan_Timing_Status__c: 'Identified',
          Keyplan_Timing_Evidence__c: 'Board decision due 30 June'
        }
      },
      { ifUnmodifiedSince: original.lastModified }
    );
    expect(row.shadowRoot!.querySelector('.editor')).toBeNull();
    expect(q(rowNamed(el, 'Data Warehouse Modernisation'), '.score-value').textContent).toBe('50');
    expect(refreshMock).toHaveBeenCalled();
    // The summary follows the saved value: Data Warehouse now counts as qualified.
    expect(q(q(el, 'c-bant-summary'), '.qualified-amount').textContent).toBe('$1,490,000');

    // The next save guards with the new LastModifiedDate, not the one first loaded.
    const again = rowNamed(el, 'Data Warehouse Modernisation');
    q(again, 'lightning-button.edit').click();
    await flush();
    q(again, 'lightning-textarea[data-dimension="need"]').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Reporting backlog' } })
    );
    await flush();
    q(again, 'lightning-button.save').click();
    await flush();
    expect(saveMock).toHaveBeenLastCalledWith(
      { fields: { Id: original.id, Keyplan_Need_Evidence__c: 'Reporting backlog' } },
      { ifUnmodifiedSince: '2025-06-10T12:00:01.000Z' }
    );
  });

  it('keeps the card in place after a save, offers to re-sort, confirms with a toast and keeps focus', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const before = names(el);
    const toasts: { title: string; message: string; variant: string }[] = [];
    el.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const row = rowNamed(el, 'Data Warehouse Modernisation');
    q(row, 'lightning-button.edit').click();
    await flush();
    q(row, 'lightning-textarea[data-dimension="timing"]').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Board decision due 30 June' } })
    );
    const original = FIXTURE.opportunities.find((o) => o.name === 'Data Warehouse Modernisation')!;
    saveMock.mockResolvedValueOnce({
      id: original.id,
      apiName: 'Opportunity',
      lastModifiedDate: '2025-06-10T12:00:01.000Z',
      fields: { Keyplan_BANT_Score__c: { value: 99, displayValue: '99' } }
    });
    q(row, 'lightning-button.save').click();
    await flush();
    await flush();
    // Sorted by score it would now be second; it stays where it was until the user re-sorts.
    expect(names(el)).toEqual(before);
    expect(toasts).toEqual([
      { title: 'Saved', message: 'Data Warehouse Modernisation: BANT saved.', variant: 'success' }
    ]);
    expect(focus.mock.contexts.some((c) => (c as HTMLElement).classList?.contains('edit'))).toBe(true);
    expect(q(el, '.resort-hint').textContent).toContain('Order kept after your change.');
    q(el, 'lightning-button.resort').click();
    await flush();
    expect(names(el).slice(0, 2)).toEqual(['Managed Services Renewal', 'Data Warehouse Modernisation']);
    expect(el.shadowRoot!.querySelector('.resort-hint')).toBeNull();
    focus.mockRestore();
  });

  it('never shows a deal with a Missing dimension as qualified, and marks a Confirmed without evidence', async () => {
    const el = mount();
    const data = clone(FIXTURE);
    const hr = data.opportunities.find((o) => o.name === 'HR Self-Service Portal')!;
    hr.bantScore = 80; // Budget is Missing
    const northwind = data.opportunities.find((o) => o.name === 'Northwind ERP Rollout')!;
    northwind.contactRoles = []; // Authority Confirmed without an economic buyer or decision maker
    northwind.bantScore = null;
    bantAdapter.emit(data);
    await flush();
    expect(q(rowNamed(el, 'HR Self-Service Portal'), '.score').textContent).toContain('Unqualified');
    const nw = rowNamed(el, 'Northwind ERP Rollout');
    const chips = [...nw.shadowRoot!.querySelectorAll<HTMLElement & { status: string }>('c-bant-chip')];
    expect(chips.map((c) => c.status)).toEqual([
      'Confirmed',
      'Confirmed, unverified',
      'Confirmed',
      'Identified'
    ]);
    expect(gapsOf(nw).map((g) => g.dataset.code)).toContain('AUTHORITY_UNVERIFIED');
    await expect(el).toBeAccessible();
  });

  it('shows the first page of cards and more on request', async () => {
    const el = mount();
    const data = clone(FIXTURE);
    const base = data.opportunities[0];
    data.opportunities = Array.from({ length: 45 }, (_, i) => ({
      ...base,
      id: `006Dp00000Pg${String(i).padStart(3, '0')}AAC`,
      name: `Deal ${String(i).padStart(2, '0')}`
    }));
    bantAdapter.emit(data);
    await flush();
    expect(rows(el)).toHaveLength(10);
    expect((q(el, 'lightning-button.more') as HTMLElement & { label: string }).label).toBe(
      'Show 10 more of 35'
    );
    q(el, 'lightning-button.more').click();
    await flush();
    expect(rows(el)).toHaveLength(20);
  });

  it("scores saved statuses with the org's settings until the refresh brings the formula value", async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const row = rowNamed(el, 'Data Warehouse Modernisation');
    expect(q(row, '.score-value').textContent).toBe('43');
    q(row, 'lightning-button.edit').click();
    await flush();
    q(row, 'lightning-combobox[data-dimension="budget"]').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Confirmed' } })
    );
    await flush();
    // The shared mock answers like the platform without the formula field: the fields written only.
    q(row, 'lightning-button.save').click();
    await flush();
    expect(row.shadowRoot!.querySelector('.editor')).toBeNull();
    const chips = [...row.shadowRoot!.querySelectorAll<HTMLElement & { status: string }>('c-bant-chip')];
    expect(chips[0].status).toBe('Confirmed');
    // Default weights and points: Budget Confirmed 30*100 + Authority Identified 30*50 + Need Identified
    // 25*50 + Timing Unknown 0 = 5750 / 100, rounded (the fixture's formula value was 43).
    expect(q(row, '.score-value').textContent).toBe('58');
    expect(refreshMock).toHaveBeenCalled();
  });

  it('keeps the input and shows the message inline when a save fails', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const row = rowNamed(el, 'HR Self-Service Portal');
    q(row, 'lightning-button.edit').click();
    await flush();
    q(row, 'lightning-combobox[data-dimension="budget"]').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Identified' } })
    );
    q(row, 'lightning-textarea[data-dimension="budget"]').dispatchEvent(
      new CustomEvent('change', { detail: { value: '' } })
    );
    await flush();
    // The UI API refuses a write whose ifUnmodifiedSince is older than the record: 412 Precondition Failed.
    saveMock.mockRejectedValueOnce({
      status: 412,
      statusText: 'Precondition Failed',
      ok: false,
      body: [{ errorCode: 'PRECONDITION_FAILED', message: 'The requested resource has been modified.' }]
    });
    q(row, 'lightning-button.save').click();
    await flush();
    expect(saveMock.mock.calls[0]).toEqual([
      {
        fields: {
          Id: '006Dp00000Bnt05AAC',
          Keyplan_Budget_Status__c: 'Identified',
          Keyplan_Budget_Evidence__c: null
        }
      },
      { ifUnmodifiedSince: '2025-06-05T08:15:00.000Z' }
    ]);
    const panel = q(row, 'c-error-panel') as HTMLElement & { errors: unknown };
    expect(panel.errors).toBe(
      'HR Self-Service Portal was changed by someone else since you opened it. Reload to see their changes, then make yours again.'
    );
    expect(q<HTMLElement & { value: string }>(row, 'lightning-combobox[data-dimension="budget"]').value).toBe(
      'Identified'
    );
    expect(q<HTMLElement & { disabled: boolean }>(row, 'lightning-button.save').disabled).toBe(false);
    await expect(el).toBeAccessible();

    q(row, 'lightning-button.reload').click();
    await flush();
    expect(refreshMock).toHaveBeenCalled();

    // Any other refusal (here a validation rule, as the UI API reports it) shows the platform's message.
    const invalid = {
      status: 400,
      body: {
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [],
          fieldErrors: {
            Keyplan_Budget_Evidence__c: [
              { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Identified budget needs evidence.' }
            ]
          }
        }
      }
    };
    saveMock.mockRejectedValueOnce(invalid);
    q(row, 'lightning-button.save').click();
    await flush();
    expect((q(row, 'c-error-panel') as HTMLElement & { errors: unknown }).errors).toEqual(invalid);
    expect(q(row, '.editor')).toBeTruthy();
  });

  it('cancels without saving, from the button and with Escape', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const row = rowNamed(el, 'Procurement Analytics Pilot');
    q(row, 'lightning-button.edit').click();
    await flush();
    q(row, '.editor').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect(row.shadowRoot!.querySelector('.editor')).toBeNull();
    q(row, 'lightning-button.edit').click();
    await flush();
    q(row, '.editor').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flush();
    expect(row.shadowRoot!.querySelector('.editor')).not.toBeNull();
    q(row, 'lightning-button.cancel').click();
    await flush();
    expect(row.shadowRoot!.querySelector('.editor')).toBeNull();
    // Save with nothing changed just closes the editor.
    q(row, 'lightning-button.edit').click();
    await flush();
    q(row, 'lightning-button.save').click();
    await flush();
    expect(saveMock).not.toHaveBeenCalled();
    expect(row.shadowRoot!.querySelector('.editor')).toBeNull();
  });

  it('shows contact roles under Authority and links to add one', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const row = rowNamed(el, 'Northwind ERP Rollout');
    q(row, 'lightning-button.edit').click();
    await flush();
    // Under Authority, in the editor: c-bant-contact-roles (its own tests cover the list and the link).
    const contactRoles = q<HTMLElement & { compact: boolean }>(row, '.dimension-editor c-bant-contact-roles');
    expect(contactRoles.compact).toBe(true);
    const roles = [...contactRoles.shadowRoot!.querySelectorAll('.contact-role')].map((r) =>
      r.textContent!.replace(/\s+/g, ' ').trim()
    );
    expect(roles).toEqual([
      'Dana Whitfield · Decision Maker · Economic Buyer · Primary',
      'Raj Patel · Evaluator · Technical Buyer'
    ]);
    q(contactRoles, 'lightning-button.add-contact-role').click();
    expect(navigate).toHaveBeenCalledWith({
      type: 'standard__recordRelationshipPage',
      attributes: {
        recordId: '006Dp00000Bnt01AAC',
        objectApiName: 'Opportunity',
        relationshipApiName: 'OpportunityContactRoles',
        actionName: 'view'
      }
    });
    q(row, '.name').click();
    expect(navigate).toHaveBeenLastCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: '006Dp00000Bnt01AAC', objectApiName: 'Opportunity', actionName: 'view' }
    });
  });

  it('hides fields the user cannot read and disables those they cannot edit', async () => {
    const el = mount();
    bantAdapter.emit(clone(FIXTURE));
    const field = (updateable: boolean) => ({ updateable });
    objectInfoAdapter.emit({
      apiName: 'Opportunity',
      fields: {
        Keyplan_Budget_Status__c: field(true),
        Keyplan_Authority_Status__c: field(true),
        Keyplan_Authority_Evidence__c: field(true),
        Keyplan_Need_Status__c: field(true),
        Keyplan_Need_Evidence__c: field(true),
        Keyplan_Timing_Status__c: field(false),
        Keyplan_Timing_Evidence__c: field(false)
      }
    });
    await flush();
    const row = rowNamed(el, 'Northwind ERP Rollout');
    q(row, 'lightning-button.edit').click();
    await flush();
    expect(row.shadowRoot!.querySelector('lightning-textarea[data-dimension="budget"]')).toBeNull();
    expect(
      q<HTMLElement & { disabled: boolean }>(row, 'lightning-combobox[data-dimension="timing"]').disabled
    ).toBe(true);
    expect(
      q<HTMLElement & { disabled: boolean }>(row, 'lightning-combobox[data-dimension="need"]').disabled
    ).toBe(false);

    objectInfoAdapter.emit({ apiName: 'Opportunity', fields: { Keyplan_Budget_Status__c: field(false) } });
    await flush();
    const other = rowNamed(el, 'Security Assessment');
    expect(other.shadowRoot!.querySelector('lightning-button.edit')).toBeNull();
    const chips = [...other.shadowRoot!.querySelectorAll<HTMLElement & { label: string }>('c-bant-chip')];
    expect(chips.map((c) => c.label)).toEqual(['Budget']);
  });

  it('shows one opportunity in detail on an Opportunity page', async () => {
    const el = mount({ recordId: '006Dp00000Bnt02AAC' });
    const one = clone(FIXTURE);
    one.opportunities = one.opportunities.filter((o) => o.id === '006Dp00000Bnt02AAC');
    one.history = one.history.filter((h) => h.opportunityId === '006Dp00000Bnt02AAC');
    bantAdapter.emit(one);
    await flush();
    expect(el.shadowRoot!.querySelector('c-bant-summary')).toBeNull();
    expect(el.shadowRoot!.querySelector('lightning-combobox.sort')).toBeNull();
    const detail = q(el, 'c-bant-opportunity.focus');
    const evidence = [...detail.shadowRoot!.querySelectorAll('.detail .evidence')].map((e) => e.textContent);
    expect(evidence).toEqual([
      'Budget request submitted for FY25 H2',
      'No evidence noted',
      'Reporting backlog named in QBR',
      'No evidence noted'
    ]);
    expect(q(detail, 'c-bant-contact-roles').shadowRoot!.querySelectorAll('.contact-role')).toHaveLength(1);
    expect(gapsOf(detail)).toHaveLength(3);
    await expect(el).toBeAccessible();

    q(detail, 'lightning-button.edit').click();
    await flush();
    expect(detail.shadowRoot!.querySelector('.details')).toBeNull();
    expect(detail.shadowRoot!.querySelectorAll('lightning-combobox.status-input')).toHaveLength(4);
  });

  it('says a closed opportunity has nothing to qualify', async () => {
    const el = mount({ recordId: '006Dp00000Bnt09AAC' });
    bantAdapter.emit({ accountId: ACCOUNT_ID, opportunities: [], history: [] });
    await flush();
    expect(q(el, '.empty').textContent).toContain('closed');
  });

  it('renders the data state when Apex omits the null properties, as it does with explicit nulls', async () => {
    // Apex leaves null DTO properties out of the JSON: the component sees undefined, not null.
    expect(countNullKeys(FIXTURE)).toBeGreaterThan(10);
    // One at a time: the test adapter emits to every mounted instance.
    const full = mount();
    bantAdapter.emit(clone(FIXTURE));
    await flush();
    const fullNames = names(full);
    const fullTexts = shownTexts(full);
    full.remove();
    const sparse = mount();
    bantAdapter.emit(withoutNulls(FIXTURE));
    await flush();
    expect(names(sparse)).toEqual(fullNames);
    expect(q(rowNamed(sparse, 'Field Service Mobile App'), '.amount').textContent).toBe('No amount');
    expect(q(rowNamed(sparse, 'Procurement Analytics Pilot'), '.score-value').textContent).toBe('0');
    expect(fullTexts.length).toBeGreaterThan(100);
    expect(shownTexts(sparse)).toEqual(fullTexts);
    expect(leakedBlanks(sparse)).toEqual([]);
    await expect(sparse).toBeAccessible();
  }, 30000);

  describe("with the org's own settings (KeyplanSettingsController.getSettings)", () => {
    /** An org that tuned Budget up to 70 and Identified down to 20 points (override over default). */
    const ORG_SETTINGS = {
      values: {
        BANT_Weight_Budget: 70,
        BANT_Weight_Authority: 10,
        BANT_Weight_Need: 10,
        BANT_Weight_Timing: 10,
        BANT_Points_Identified: 20
      },
      overridden: [
        'BANT_Weight_Budget',
        'BANT_Weight_Authority',
        'BANT_Weight_Need',
        'BANT_Weight_Timing',
        'BANT_Points_Identified'
      ]
    };

    it('shows the saved formula score (the org computed it with its weights), not a default-weight recomputation', async () => {
      const el = mount();
      const data = clone(FIXTURE);
      // Data Warehouse (Identified x3, Unknown): the org's formula gives (70*20 + 10*20 + 10*20) / 100 = 18;
      // the default weights would give 43. The formula value is what shows.
      const dw = data.opportunities.find((o) => o.name === 'Data Warehouse Modernisation')!;
      dw.bantScore = 18;
      bantAdapter.emit(data);
      settingsAdapter.emit(ORG_SETTINGS);
      await flush();
      expect(q(rowNamed(el, 'Data Warehouse Modernisation'), '.score-value').textContent).toBe('18');
      // Sorted by the shown score: 18 now ranks below Security Assessment (40).
      const order = names(el);
      expect(order.indexOf('Data Warehouse Modernisation')).toBeGreaterThan(
        order.indexOf('Security Assessment')
      );
    });

    it("scores an unsaved status edit with the org's weights and points", async () => {
      const el = mount();
      bantAdapter.emit(clone(FIXTURE));
      settingsAdapter.emit(ORG_SETTINGS);
      await flush();
      const row = rowNamed(el, 'Data Warehouse Modernisation');
      expect(q(row, '.score-value').textContent).toBe('43'); // saved: the formula value in the fixture
      q(row, 'lightning-button.edit').click();
      await flush();
      q(row, 'lightning-combobox[data-dimension="budget"]').dispatchEvent(
        new CustomEvent('change', { detail: { value: 'Confirmed' } })
      );
      await flush();
      // Budget Confirmed 70*100 + Authority, Need Identified 10*20 each + Timing Unknown 0 = 7400 / 100.
      expect(q(row, '.score-value').textContent).toBe('74');
      q(row, 'lightning-combobox[data-dimension="budget"]').dispatchEvent(
        new CustomEvent('change', { detail: { value: 'Identified' } })
      );
      await flush();
      expect(q(row, '.score-value').textContent).toBe('43'); // back to as saved: the formula value again
    });

    it("scores last month's statuses with the org's settings in the summary", async () => {
      const el = mount();
      bantAdapter.emit(clone(FIXTURE));
      await flush();
      const summary = q(el, 'c-bant-summary');
      const before = q(summary, '.score-change').textContent;
      settingsAdapter.emit(ORG_SETTINGS);
      await flush();
      expect(q(summary, '.average-score').textContent).toBe('48'); // today: the formula values, unchanged
      expect(q(summary, '.score-change').textContent).not.toBe(before);
    });
  });
});
