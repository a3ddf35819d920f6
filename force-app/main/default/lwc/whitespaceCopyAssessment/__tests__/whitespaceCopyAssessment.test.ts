import { createElement } from 'lwc';
import WhitespaceCopyAssessment from 'c/whitespaceCopyAssessment';
import copyAssessment from '@salesforce/apex/WhitespaceController.copyAssessment';
import type { LandscapeCellDto } from '@keyplan/contracts';
import { copiedText, copyPlanOf, questionOf } from '../copyPlan';

jest.mock('@salesforce/apex/WhitespaceController.copyAssessment', () => ({ default: jest.fn() }), {
  virtual: true
});
const mockCopy = copyAssessment as unknown as jest.Mock;

const BC1 = 'a01000000000001AAA';
const BC2 = 'a01000000000002AAA';
const OFF = 'a02000000000001AAA';
const cell = (
  buyingCenterId: string,
  fiscalYear: number,
  state: LandscapeCellDto['state'],
  potential: number | null = null
): LandscapeCellDto => ({
  id: `a03${buyingCenterId.slice(3, 12)}${fiscalYear}00AA`.slice(0, 18),
  buyingCenterId,
  offeringId: OFF,
  fiscalYear,
  state,
  competitor: state === 'Competitor' ? 'Initech' : null,
  potential,
  lastModified: '2026-01-01T00:00:00.000Z'
});
// FY2025: two assessed cells; FY2026 has already assessed one of them.
const CELLS = [
  cell(BC1, 2025, 'Whitespace', 100000),
  cell(BC2, 2025, 'Competitor', 50000),
  cell(BC1, 2026, 'Not Applicable')
];
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const el = createElement('c-whitespace-copy-assessment', { is: WhitespaceCopyAssessment });
  Object.assign(el, {
    accountId: '001000000000001AAA',
    fiscalYear: 2026,
    cells: CELLS,
    canEdit: true,
    ...props
  });
  document.body.appendChild(el);
  return el;
}
const q = <T extends HTMLElement = HTMLElement>(el: HTMLElement, s: string): T | null =>
  el.shadowRoot!.querySelector<T>(s);
const click = async (el: HTMLElement, s: string): Promise<void> => {
  q(el, s)!.click();
  await flush();
};

describe('copyPlan', () => {
  it('counts the assessed cells of the year copied and those the next year has already assessed', () => {
    expect(copyPlanOf(CELLS, 2025)).toEqual({ copied: 2, assessedThere: 1 });
    expect(copyPlanOf([cell(BC1, 2025, 'Unassessed')], 2025)).toEqual({ copied: 0, assessedThere: 0 });
    // An unassessed cell with a potential still holds an assessment.
    expect(copyPlanOf([cell(BC1, 2025, 'Unassessed', 5)], 2025).copied).toBe(1);
    expect(questionOf({ copied: 1, assessedThere: 0 }, 2025)).toBe(
      'Copy the states, competitors, potentials and notes of 1 assessed cell of FY2025 into FY2026?'
    );
    expect(copiedText({ fromYear: 2025, toYear: 2026, created: 3, updated: 0 })).toBe(
      'FY2025 assessment copied into FY2026: 3 new.'
    );
  });
});

describe('c-whitespace-copy-assessment', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    mockCopy.mockReset();
  });

  it('is disabled, saying why, when the year before has nothing assessed (empty state)', async () => {
    const el = mount({ cells: [cell(BC1, 2026, 'Not Applicable')] });
    await flush();
    const button = q<HTMLElement & { disabled: boolean; title: string; label: string }>(el, '.copy-open')!;
    expect(button.label).toBe('Copy FY2025 assessment');
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('FY2025 has no assessed cells to copy.');
    await expect(el).toBeAccessible();
  });

  it('is disabled for a user who cannot edit landscape cells', async () => {
    const el = mount({ canEdit: false });
    await flush();
    expect(q<HTMLElement & { disabled: boolean }>(el, '.copy-open')!.disabled).toBe(true);
  });

  it('asks first, keeps assessed cells unless told, then copies, toasts and fires copied', async () => {
    mockCopy.mockResolvedValue({ fromYear: 2025, toYear: 2026, created: 1, updated: 1 });
    const el = mount();
    const copied = jest.fn();
    const toast = jest.fn();
    el.addEventListener('copied', (e) => copied((e as CustomEvent).detail));
    el.addEventListener('lightning__showtoast', (e) => toast((e as CustomEvent).detail));
    await flush();
    expect(q(el, '.copy-dialog')).toBeNull();
    await click(el, '.copy-open');
    expect(q(el, '.question')!.textContent).toBe(
      'Copy the states, competitors, potentials and notes of 2 assessed cells of FY2025 into FY2026?'
    );
    const overwrite = q<HTMLElement & { label: string }>(el, 'lightning-input.overwrite')!;
    expect(overwrite.label).toBe('Replace the 1 cell FY2026 has already assessed');
    await expect(el).toBeAccessible();
    overwrite.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await click(el, '.copy-confirm');
    await flush();
    expect(mockCopy).toHaveBeenCalledWith({
      accountId: '001000000000001AAA',
      fromYear: 2025,
      overwrite: true
    });
    expect(toast).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'FY2025 assessment copied into FY2026: 1 new, 1 replaced.',
        variant: 'success'
      })
    );
    expect(copied).toHaveBeenCalledWith({ fromYear: 2025, toYear: 2026, created: 1, updated: 1 });
    expect(q(el, '.copy-dialog')).toBeNull();
  });

  it("shows the server's refusal (naming the cells) in the question and keeps it open (error state)", async () => {
    mockCopy.mockRejectedValue({
      body: { message: 'overwrite: 1 cells of fiscal year 2026 are already assessed (Group IT / CRM).' }
    });
    const el = mount();
    await flush();
    await click(el, '.copy-open');
    await click(el, '.copy-confirm');
    await flush();
    expect(mockCopy).toHaveBeenCalledWith(expect.objectContaining({ overwrite: false }));
    expect(q(el, 'c-error-panel.copy-error')).not.toBeNull();
    expect(q(el, '.copy-dialog')).not.toBeNull();
    await expect(el).toBeAccessible();
  });

  it('closes with Cancel and with Escape without copying (loading spinner while copying)', async () => {
    let resolve: (v: unknown) => void = () => undefined;
    mockCopy.mockReturnValue(new Promise((r) => (resolve = r)));
    const el = mount();
    await flush();
    await click(el, '.copy-open');
    await click(el, '.copy-cancel');
    expect(q(el, '.copy-dialog')).toBeNull();
    await click(el, '.copy-open');
    q(el, '.copy')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect(q(el, '.copy-dialog')).toBeNull();
    expect(mockCopy).not.toHaveBeenCalled();
    await click(el, '.copy-open');
    await click(el, '.copy-confirm');
    expect(q(el, 'lightning-spinner')).not.toBeNull();
    resolve({ fromYear: 2025, toYear: 2026, created: 2, updated: 0 });
    await flush();
    expect(q(el, 'lightning-spinner')).toBeNull();
  });
});
