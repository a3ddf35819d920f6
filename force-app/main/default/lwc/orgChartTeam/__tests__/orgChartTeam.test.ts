import { createElement } from 'lwc';
import OrgChartTeam from 'c/orgChartTeam';
import type { AccountTeam } from 'c/keyplanCore';

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

describe('c-org-chart-team', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows an empty lane and no sponsor without data', async () => {
    const el = mount(null);
    await flush();
    expect(el.shadowRoot!.querySelector('.no-team')).not.toBeNull();
    expect(el.shadowRoot!.querySelector('.sponsor')!.textContent).toBe(
      'No reporting tree to find their top executive.'
    );
    await expect(el).toBeAccessible();
  });

  it('lists each of our people with the contacts they cover and the sponsor pairing', async () => {
    const el = mount({
      members: [
        {
          userId: 'u1',
          name: 'Morgan Reyes',
          covers: [...Array.from({ length: 7 }, (_, i) => cover(i)), cover(9, true)]
        }
      ],
      sponsor: {
        executiveId: 'c0',
        executiveName: 'Carla Gruber',
        executiveTitle: 'CEO',
        userId: 'u1',
        userName: 'Morgan Reyes',
        strength: 5
      }
    });
    await flush();
    expect(el.shadowRoot!.querySelector('.sponsor')!.textContent).toBe(
      'Morgan Reyes <-> Carla Gruber (CEO), strength 5/5'
    );
    expect(el.shadowRoot!.querySelector('.member-name')!.textContent).toContain('8 contacts');
    expect(el.shadowRoot!.querySelectorAll('.cover')).toHaveLength(6);
    expect(el.shadowRoot!.querySelector('.rest')!.textContent).toBe('+2 more');
    await expect(el).toBeAccessible();
    const picked: unknown[] = [];
    el.addEventListener('selectperson', (e) => picked.push((e as CustomEvent).detail));
    (el.shadowRoot!.querySelector('.cover-link') as HTMLElement).click();
    expect(picked).toEqual([{ contactId: 'c0' }]);
  });

  it('says plainly when nobody of ours reaches their top executive', async () => {
    const el = mount({
      members: [{ userId: 'u1', name: 'A', covers: [cover(1, true)] }],
      sponsor: {
        executiveId: 'c0',
        executiveName: 'Carla Gruber',
        executiveTitle: null,
        userId: null,
        userName: null,
        strength: null
      }
    });
    await flush();
    expect(el.shadowRoot!.querySelector('.sponsor')!.textContent).toBe(
      'Nobody on our team has a positive relationship with Carla Gruber.'
    );
    expect(el.shadowRoot!.querySelector('.cover')!.textContent).toContain('4/5, negative');
  });
});
