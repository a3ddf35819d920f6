import { createElement } from 'lwc';
import OrgChartActivitySource from 'c/orgChartActivitySource';

type View = {
  sentence: string;
  trend: 'warming' | 'steady' | 'cooling' | null;
  users: { key: string; text: string }[];
};

function mount(activity: View | null): HTMLElement {
  const el = createElement('c-org-chart-activity-source', { is: OrgChartActivitySource });
  Object.assign(el, { activity });
  document.body.appendChild(el);
  return el;
}

describe('c-org-chart-activity-source', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows nothing while loading (no activity yet)', async () => {
    const el = mount(null);
    await Promise.resolve();
    expect(el.shadowRoot!.querySelector('.activity')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('shows the sentence, the trend in words with an icon, and one line per user', async () => {
    const el = mount({
      sentence: '9 meetings and 14 emails in 90 days, last Nov 20 with Jane Smith; trend cooling',
      trend: 'cooling',
      users: [
        { key: 'u1', text: 'Jane Smith: 40 meetings in 12 months, last Nov 20' },
        { key: 'u2', text: 'Ann Lee: 60 emails in 12 months, last Nov 2' }
      ]
    });
    await Promise.resolve();
    const root = el.shadowRoot!;
    expect(root.querySelector('.sentence')!.textContent).toContain('9 meetings and 14 emails in 90 days');
    const trend = root.querySelector('.trend')!;
    expect(trend.textContent!.trim()).toBe('Trend: cooling');
    expect(trend.classList.contains('trend_cooling')).toBe(true);
    expect((root.querySelector('lightning-icon') as HTMLElement & { iconName: string }).iconName).toBe(
      'utility:arrowdown'
    );
    expect([...root.querySelectorAll('.user')].map((li) => li.textContent)).toHaveLength(2);
    await expect(el).toBeAccessible();
  });

  it('shows the empty state without a trend or users', async () => {
    const el = mount({
      sentence: 'No logged meetings, calls or emails in the last 12 months.',
      trend: null,
      users: []
    });
    await Promise.resolve();
    const root = el.shadowRoot!;
    expect(root.querySelector('.sentence')!.textContent).toBe(
      'No logged meetings, calls or emails in the last 12 months.'
    );
    expect(root.querySelector('.trend')).toBeNull();
    expect(root.querySelector('.users')).toBeNull();
    await expect(el).toBeAccessible();
  });
});
