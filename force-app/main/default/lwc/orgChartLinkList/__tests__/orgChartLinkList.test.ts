import { createElement } from 'lwc';
import OrgChartLinkList from 'c/orgChartLinkList';
import type { RelationshipLinkDto } from '@keyplan/contracts';
import type { PersonLink } from '../../orgChartHeatmap/personDetails';

type Host = HTMLElement & { links: PersonLink[]; canEdit: boolean; emptyText: string; label: string };

const dto = (over: Partial<RelationshipLinkDto>): RelationshipLinkDto => ({
  id: 'l1',
  fromContactId: 'c2',
  fromUserId: null,
  fromUserName: null,
  toContactId: 'c1',
  type: 'Influence',
  strength: 4,
  frequency: 'Weekly',
  influenceLevel: null,
  polarity: 'Positive',
  lastInteraction: '2026-11-20',
  lastModified: '2026-11-01T00:00:00.000Z',
  ...over
});
const LINKS: PersonLink[] = [
  {
    id: 'l1',
    outgoing: false,
    otherId: 'c2',
    otherName: 'Grace Hopper',
    fromUser: false,
    description: 'From Grace Hopper: Influence, strength 4',
    link: dto({})
  },
  {
    id: 'l2',
    outgoing: false,
    otherId: null,
    otherName: 'Jordan Blake (our team)',
    fromUser: true,
    description: 'From Jordan Blake (our team): Coverage',
    link: dto({
      id: 'l2',
      fromContactId: null,
      fromUserId: 'u1',
      polarity: 'Negative',
      lastInteraction: null
    })
  }
];

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
function mount(props: Partial<Host>): Host {
  const el = createElement('c-org-chart-link-list', { is: OrgChartLinkList }) as Host;
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}
const q = <T extends Element = HTMLElement>(el: Host, sel: string): T | null =>
  el.shadowRoot!.querySelector<T>(sel);

describe('c-org-chart-link-list', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the empty text when there are no links', async () => {
    const el = mount({ links: [], emptyText: 'No team relationship recorded.' });
    await flush();
    expect(q(el, '.no-links')!.textContent).toBe('No team relationship recorded.');
    await expect(el).toBeAccessible();
  });

  it('lists links with their date and polarity (never by colour alone) and jumps to a colleague', async () => {
    const el = mount({ links: LINKS, label: 'Links' });
    await flush();
    const items = Array.from(el.shadowRoot!.querySelectorAll('.link-item'));
    expect(items.map((i) => i.className)).toEqual(['link-item positive', 'link-item negative']);
    expect(items[0].textContent).toContain('last Nov 20, 2026');
    expect(items[1].textContent).toContain('no interaction date');
    // Our team's links name a user, not a contact: nothing to jump to.
    expect(el.shadowRoot!.querySelectorAll('button.other')).toHaveLength(1);
    expect(q(el, '.edit')).toBeNull();
    const selected = jest.fn();
    el.addEventListener('selectperson', (e) => selected((e as CustomEvent).detail));
    (q(el, 'button.other') as HTMLElement).click();
    expect(selected).toHaveBeenCalledWith({ contactId: 'c2' });
    await expect(el).toBeAccessible();
  });

  it('edits, and removes only after a confirmation (Keep cancels)', async () => {
    const el = mount({ links: LINKS, canEdit: true });
    await flush();
    const edits = jest.fn();
    const deletes = jest.fn();
    el.addEventListener('editlink', (e) => edits((e as CustomEvent).detail));
    el.addEventListener('deletelink', (e) => deletes((e as CustomEvent).detail));
    (q(el, '.edit[data-id="l2"]') as HTMLElement).click();
    expect(edits).toHaveBeenCalledWith({ linkId: 'l2' });
    (q(el, '.remove[data-id="l1"]') as HTMLElement).click();
    await flush();
    expect(deletes).not.toHaveBeenCalled();
    expect(q(el, '.confirm')!.getAttribute('aria-label')).toBe('Remove the link from Grace Hopper?');
    await expect(el).toBeAccessible();
    (q(el, '.confirm-keep') as HTMLElement).click();
    await flush();
    expect(q(el, '.confirm')).toBeNull();
    (q(el, '.remove[data-id="l1"]') as HTMLElement).click();
    await flush();
    (q(el, '.confirm-remove') as HTMLElement).click();
    expect(deletes).toHaveBeenCalledWith({ linkId: 'l1', lastModified: '2026-11-01T00:00:00.000Z' });
  });
});
