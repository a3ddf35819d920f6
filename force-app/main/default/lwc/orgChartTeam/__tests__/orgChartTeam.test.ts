import { createElement } from 'lwc';
import OrgChartTeam from 'c/orgChartTeam';
import type { AccountTeam, TeamMember } from 'c/keyplanCore';

type Host = HTMLElement & { team: AccountTeam | null };

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
function mount(team: AccountTeam | null): Host {
  const el = createElement('c-org-chart-team', { is: OrgChartTeam }) as Host;
  el.team = team;
  document.body.appendChild(el);
  return el;
}
const cover = (n: number, negative = false) => ({
  contactId: `c${n}`,
  name: `Person ${n}`,
  linkId: `l${n}`,
  strength: 4,
  negative,
  lastInteraction: null
});
const member = (over: Partial<TeamMember>): TeamMember => ({
  userId: 'u1',
  name: 'A',
  role: null,
  onTeam: false,
  covers: [],
  ...over
});
const CEO = { executiveId: 'c0', executiveName: 'Carla Gruber', executiveTitle: 'CEO' };
const texts = (el: Host, selector: string): string[] =>
  [...el.shadowRoot!.querySelectorAll(selector)].map((n) =>
    (n.textContent ?? '').replace(/\s+/g, ' ').trim()
  );

describe('c-org-chart-team', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows an empty lane and no sponsor without data', async () => {
    const el = mount(null);
    await flush();
    expect(el.shadowRoot!.querySelector('.no-team')).not.toBeNull();
    expect(el.shadowRoot!.querySelector('.record')).toBeNull();
    expect(el.shadowRoot!.querySelector('.sponsor')!.textContent).toBe(
      'No reporting tree to find their top executive.'
    );
    await expect(el).toBeAccessible();
  });

  it('without an account team, lists our people with links and says where they come from', async () => {
    const el = mount({
      members: [
        member({
          name: 'Morgan Reyes',
          covers: [...Array.from({ length: 7 }, (_, i) => cover(i)), cover(9, true)]
        })
      ],
      sponsor: { ...CEO, userId: 'u1', userName: 'Morgan Reyes', strength: 5 },
      fromAccountTeam: false
    });
    await flush();
    expect(el.shadowRoot!.querySelector('.sponsor')!.textContent).toBe(
      'Morgan Reyes <-> Carla Gruber (CEO), strength 5/5'
    );
    expect(el.shadowRoot!.querySelector('.source')!.textContent).toBe(
      'No account team on this account: our people with recorded relationships.'
    );
    expect(el.shadowRoot!.querySelector('.role')).toBeNull();
    expect(el.shadowRoot!.querySelector('.member-name')!.textContent).toContain('8 contacts');
    expect(el.shadowRoot!.querySelectorAll('.cover')).toHaveLength(6);
    expect(el.shadowRoot!.querySelector('.rest')!.textContent).toBe('+2 more');
    await expect(el).toBeAccessible();
    const picked: unknown[] = [];
    el.addEventListener('selectperson', (e) => picked.push((e as CustomEvent).detail));
    (el.shadowRoot!.querySelector('.cover-link') as HTMLElement).click();
    expect(picked).toEqual([{ contactId: 'c0' }]);
  });

  it('lists account team members first with their role, those without links with an action', async () => {
    const el = mount({
      members: [
        member({
          userId: 'u1',
          name: 'Morgan Reyes',
          role: 'Account Manager',
          onTeam: true,
          covers: [cover(1)]
        }),
        member({ userId: 'u2', name: 'Samir Haddad', role: 'Sales Engineer', onTeam: true }),
        member({ userId: 'u3', name: 'Sarah Lindqvist', role: 'Executive Sponsor', onTeam: true }),
        member({ userId: 'u4', name: 'Lena Vogt', covers: [cover(2), cover(3)] })
      ],
      sponsor: { ...CEO, userId: 'u3', userName: 'Sarah Lindqvist', strength: null, named: true },
      fromAccountTeam: true
    });
    await flush();
    expect(texts(el, '.member-name')).toEqual([
      'Morgan Reyes, role: Account Manager · 1 contact',
      'Samir Haddad, role: Sales Engineer · no contacts covered yet',
      'Sarah Lindqvist, role: Executive Sponsor · no contacts covered yet',
      'Lena Vogt · 2 contacts'
    ]);
    expect(el.shadowRoot!.querySelector('.source')!.textContent).toBe(
      'Account team (3), then 1 more of ours with recorded relationships.'
    );
    // The sponsor is named even with no relationship yet, marked in words, with the action to record it.
    const sponsor = el.shadowRoot!.querySelector('.sponsor')!;
    expect(sponsor.textContent).toBe(
      'Sarah Lindqvist (Executive Sponsor) <-> Carla Gruber (CEO): no relationship recorded yet.'
    );
    expect(sponsor.classList.contains('slds-text-color_error')).toBe(true);
    const records = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.record')];
    expect(records.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Record a relationship for Samir Haddad, starting with Carla Gruber',
      'Record a relationship for Sarah Lindqvist, starting with Carla Gruber'
    ]);
    await expect(el).toBeAccessible();

    const picked: unknown[] = [];
    el.addEventListener('selectperson', (e) => picked.push((e as CustomEvent).detail));
    records[0].click();
    (el.shadowRoot!.querySelector('.sponsor-record') as HTMLElement).click();
    // The member's button starts with that member chosen; the sponsor's with our executive sponsor.
    expect(picked).toEqual([
      { contactId: 'c0', action: 'addTeamLink', userId: 'u2' },
      { contactId: 'c0', action: 'addTeamLink', userId: 'u3' }
    ]);
    expect(el.shadowRoot!.querySelector('.sponsor-record')!.textContent!.trim()).toBe(
      "Record Sarah Lindqvist's relationship with Carla Gruber"
    );
  });

  it('shows the executive sponsor pairing with its strength, and a team of members only', async () => {
    const el = mount({
      members: [
        member({ userId: 'u3', name: 'Sarah Lindqvist', role: null, onTeam: true, covers: [cover(0)] })
      ],
      sponsor: { ...CEO, userId: 'u3', userName: 'Sarah Lindqvist', strength: 4, named: true },
      fromAccountTeam: true
    });
    await flush();
    expect(el.shadowRoot!.querySelector('.sponsor')!.textContent).toBe(
      'Sarah Lindqvist (Executive Sponsor) <-> Carla Gruber (CEO), strength 4/5'
    );
    expect(el.shadowRoot!.querySelector('.sponsor')!.classList.contains('slds-text-color_error')).toBe(false);
    expect(el.shadowRoot!.querySelector('.sponsor-record')).toBeNull();
    expect(el.shadowRoot!.querySelector('.role')!.textContent).toBe('Team member');
    expect(el.shadowRoot!.querySelector('.source')!.textContent).toBe('Account team (1).');
    await expect(el).toBeAccessible();
  });

  it('offers to record a relationship on an empty lane when there is a top executive', async () => {
    const el = mount({ members: [], sponsor: { ...CEO, userId: null, userName: null, strength: null } });
    await flush();
    expect(el.shadowRoot!.querySelector('.no-team')).not.toBeNull();
    const picked: unknown[] = [];
    el.addEventListener('selectperson', (e) => picked.push((e as CustomEvent).detail));
    (el.shadowRoot!.querySelector('.record') as HTMLElement).click();
    expect(picked).toEqual([{ contactId: 'c0', action: 'addTeamLink' }]);
    await expect(el).toBeAccessible();
  });

  it('says plainly when nobody of ours reaches their top executive', async () => {
    const el = mount({
      members: [member({ covers: [cover(1, true)] })],
      sponsor: { ...CEO, executiveTitle: null, userId: null, userName: null, strength: null }
    });
    await flush();
    expect(el.shadowRoot!.querySelector('.sponsor')!.textContent).toBe(
      'Nobody on our team has a positive relationship with Carla Gruber.'
    );
    expect(el.shadowRoot!.querySelector('.cover')!.textContent).toContain('4/5, negative');
  });
});
