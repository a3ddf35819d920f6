import { createElement } from 'lwc';
import OrgChartPersonPanel from 'c/orgChartPersonPanel';
import type { ContactHeat, CoverageIssue } from 'c/keyplanCore';
import type { FieldAccess } from '@keyplan/contracts';
import { personDetails } from '../../orgChartHeatmap/personDetails';
import type { PersonDetails } from '../../orgChartHeatmap/personDetails';
import { ORG_FIXTURE, contactId, orgFixture } from '../../../../../test/orgChartFixture';
import { flush, recordEvents, shadowQuery, shadowQueryAll } from '../../../../../test/lwcDom';
import { leakedBlanks } from '../../../../../test/testUtils';

type StartAction = { seq: number; contactId: string; action: string; linkId: string | null };
type Host = HTMLElement & {
  person: PersonDetails | null;
  people: { label: string; value: string }[];
  fieldAccess: Record<string, FieldAccess>;
  accountId: string;
  saving: boolean;
  error: unknown;
  conflict: boolean;
  startAction: StartAction | null;
};

const ADA = contactId('Ada Lovelace');
const heat = (h: number, band: ContactHeat['band'], teamLinks: number): ContactHeat => ({
  heat: h,
  band,
  positive: 1,
  negative: 0,
  teamLinks,
  lastInteraction: null
});

/** The panel's input for `id`, built from the org chart fixture as the chart builds it. */
function details(id: string, data = orgFixture()): PersonDetails {
  const byId = new Map(data.contacts.map((c) => [c.id, c]));
  return personDetails(
    {
      byId,
      links: data.links,
      heat: new Map([[id, heat(72, 'warm', 1)]]),
      influence: new Map([[id, { influence: 58, influences: 3, influencedBy: 1 }]]),
      influenceRank: new Map([[id, 2]]),
      bcNames: new Map(data.buyingCenters.map((b) => [b.id, b.name])),
      issues: [
        { code: 'STALE_LINK', severity: 'low', message: 'Our last talk was over 90 days ago.', contactId: id }
      ] as CoverageIssue[],
      teamUsers: [{ label: 'Jordan Blake', value: '005000000000001AAA' }]
    },
    id
  ) as PersonDetails;
}

function mount(props: Partial<Host>): Host {
  const el = createElement('c-org-chart-person-panel', { is: OrgChartPersonPanel }) as Host;
  Object.assign(el, { accountId: ORG_FIXTURE.accountId, fieldAccess: ORG_FIXTURE.fieldAccess, ...props });
  document.body.appendChild(el);
  return el;
}
const q = <T extends Element = HTMLElement>(el: Host, sel: string): T | null =>
  el.shadowRoot!.querySelector<T>(sel);
const text = (el: Host, sel: string): string => q(el, sel)!.textContent!.trim();

describe('c-org-chart-person-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows what we know about the person in words, focuses their name and lists both kinds of links', async () => {
    const el = mount({ person: details(ADA) });
    await flush();
    expect(q(el, 'section')!.getAttribute('aria-label')).toBe('Ada Lovelace');
    expect(text(el, '.person-name')).toBe('Ada Lovelace');
    expect(text(el, '.subtitle')).toBe('Chief Information Officer, reports to Margaret Hale');
    // Heat is a number and a band in words, never a colour alone.
    expect(text(el, '.heat')).toBe('72 (warm), from 1 recorded team link');
    expect(text(el, '.influence')).toBe('58 (#2 of 25), influences 3, influenced by 1');
    expect(text(el, '.last-interaction')).toBe('Nov 20, 2026');
    expect(text(el, '.budget')).toBe('$4,500,000');
    expect(shadowQueryAll(el, '.issue').map((i) => i.textContent)).toEqual([
      'Our last talk was over 90 days ago.'
    ]);
    expect(text(el, '.known-by')).toBe('Known by 1 of our people; strongest relationship 5 of 5.');
    type List = HTMLElement & { links: PersonDetails['links'] };
    expect(q<List>(el, '.team-links')!.links.map((l) => l.otherName)).toEqual(['Jordan Blake (our team)']);
    expect(q<List>(el, '.network-links')!.links).toHaveLength(4);
    expect(q(el, '.team-add')!.textContent).toContain('I know them: add our relationship');
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.person-name'));
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
    await expect(el).toBeAccessible();
  });

  it('reads plainly for a person nobody on our team knows, without a budget it may not read', async () => {
    const data = orgFixture();
    const tom = contactId('Tom Baker');
    const p = details(tom, data);
    p.heat = heat(0, 'cold', 0);
    p.influenceRank = null;
    p.issues = [];
    const access = {
      ...ORG_FIXTURE.fieldAccess,
      'Contact.Keyplan_Budget_Owned__c': { readable: false, updateable: false }
    };
    const el = mount({ person: p, fieldAccess: access });
    await flush();
    expect(text(el, '.heat')).toBe('0 (cold), no team link or logged activity');
    expect(text(el, '.influence')).toBe('58, influences 3, influenced by 1');
    expect(text(el, '.last-interaction')).toBe('No interaction recorded');
    expect(text(el, '.known-by')).toBe('Nobody on our team has a positive relationship with them.');
    expect(q(el, '.budget')).toBeNull();
    expect(q(el, '.issues')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('offers no editing without edit access to links, and no "I know them" on a placeholder', async () => {
    const readOnly = {
      ...ORG_FIXTURE.fieldAccess,
      'Relationship_Link__c.Strength__c': { readable: true, updateable: false }
    };
    const el = mount({ person: details(ADA), fieldAccess: readOnly });
    await flush();
    expect(q(el, '.team-add')).toBeNull();
    expect(q(el, '.network-add')).toBeNull();
    expect(q(el, '.placeholder-add')).toBeNull();

    const p = details(contactId('Radia Perlman'));
    p.contact = { ...p.contact, placeholder: true };
    const el2 = mount({ person: p });
    await flush();
    expect(q(el2, '.placeholder-note')!.textContent).toContain('A placeholder: a role we know exists');
    expect(q(el2, '.team-add')).toBeNull();
    expect(q(el2, '.network-add')).not.toBeNull();
    await expect(el2).toBeAccessible();
  });

  it('sends focus, close and passes its children’s events on to the chart', async () => {
    const el = mount({ person: details(ADA) });
    await flush();
    const seen = recordEvents(el, [
      'focusperson',
      'close',
      'savelink',
      'deletelink',
      'selectperson',
      'savestakeholder'
    ]);
    q(el, '.focus')!.click();
    q(el, '.close')!.click();
    q(el, '.network-links')!.dispatchEvent(new CustomEvent('selectperson', { detail: { contactId: 'c9' } }));
    q(el, '.team-links')!.dispatchEvent(
      new CustomEvent('deletelink', { detail: { linkId: 'l1', lastModified: 'x' } })
    );
    q(el, 'c-org-chart-stakeholder-form')!.dispatchEvent(
      new CustomEvent('savestakeholder', { detail: { stance: 'Champion' } })
    );
    expect(seen).toEqual([
      { name: 'focusperson', detail: { contactId: ADA } },
      { name: 'close', detail: null },
      { name: 'selectperson', detail: { contactId: 'c9' } },
      { name: 'deletelink', detail: { linkId: 'l1', lastModified: 'x' } },
      { name: 'savestakeholder', detail: { stance: 'Champion' } }
    ]);
  });

  it('opens the team form, edits a link in the right form, and gives the focus back on cancel', async () => {
    const el = mount({ person: details(ADA) });
    await flush();
    q(el, '.team-add')!.click();
    await flush();
    type Form = HTMLElement & { kind: string; editing: { id: string } | null; contactId: string };
    let forms = shadowQueryAll<Form>(el, 'c-org-chart-link-form');
    expect(forms.map((f) => [f.kind, f.contactId, f.editing])).toEqual([['team', ADA, null]]);
    await expect(el).toBeAccessible();
    forms[0].dispatchEvent(new CustomEvent('cancel'));
    await flush();
    expect(shadowQueryAll(el, 'c-org-chart-link-form')).toHaveLength(0);
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.team-add'));

    const networkLink = details(ADA).links.find((l) => !l.fromUser)!;
    q(el, '.network-links')!.dispatchEvent(
      new CustomEvent('editlink', { detail: { linkId: networkLink.id } })
    );
    await flush();
    forms = shadowQueryAll<Form>(el, 'c-org-chart-link-form');
    expect(forms.map((f) => [f.kind, f.editing!.id])).toEqual([['network', networkLink.id]]);
    const saved = recordEvents(el, ['savelink']);
    forms[0].dispatchEvent(new CustomEvent('savelink', { detail: { input: { id: networkLink.id } } }));
    expect(saved).toEqual([{ name: 'savelink', detail: { input: { id: networkLink.id } } }]);
    // The save landed: the link's lastModified moved, so the form closes and the focus returns.
    const after = details(ADA);
    after.links.find((l) => l.id === networkLink.id)!.link.lastModified = '2026-12-01T00:00:00.000Z';
    el.person = after;
    await flush();
    expect(shadowQueryAll(el, 'c-org-chart-link-form')).toHaveLength(0);
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.network-add'));
  });

  it('starts on the team form when opened from the coverage worklist', async () => {
    const el = mount({ startAction: { seq: 1, contactId: ADA, action: 'addTeamLink', linkId: null } });
    el.person = details(ADA);
    await flush();
    const form = q<HTMLElement & { kind: string }>(el, 'c-org-chart-link-form');
    expect(form!.kind).toBe('team');
    // Another person, opened on the edit of one of their links; then their stakeholder save lands.
    const grace = details(contactId('Grace Hopper'));
    const teamLink = grace.links.find((l) => l.fromUser)!;
    el.startAction = { seq: 2, contactId: grace.contact.id, action: 'editLink', linkId: teamLink.id };
    el.person = grace;
    await flush();
    type Form = HTMLElement & { kind: string; editing: { id: string } | null };
    expect(shadowQueryAll<Form>(el, 'c-org-chart-link-form').map((f) => [f.kind, f.editing?.id])).toEqual([
      ['team', teamLink.id]
    ]);
    const saved = details(contactId('Grace Hopper'));
    saved.contact = { ...saved.contact, lastModified: '2026-12-01T00:00:00.000Z' };
    el.person = saved;
    await flush();
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.stakeholder-heading'));
  });

  it('asks for a role title before adding a placeholder, then sends it under this person', async () => {
    const el = mount({ person: details(ADA) });
    await flush();
    const seen = recordEvents(el, ['createplaceholder']);
    q(el, '.placeholder-add')!.click();
    await flush();
    q(el, '.placeholder-save')!.click();
    await flush();
    expect(text(el, '.placeholder-error')).toBe('Name the role, e.g. Chief Information Security Officer.');
    expect(seen).toEqual([]);
    await expect(el).toBeAccessible();
    q(el, '.placeholder-cancel')!.click();
    await flush();
    expect(q(el, '.placeholder-form')).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.placeholder-add'));
    q(el, '.placeholder-add')!.click();
    await flush();
    q(el, '.placeholder-title')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: '  Head of Data  ' } })
    );
    q(el, '.placeholder-save')!.click();
    await flush();
    expect(seen).toEqual([
      {
        name: 'createplaceholder',
        detail: {
          input: {
            accountId: ORG_FIXTURE.accountId,
            title: 'Head of Data',
            reportsToId: ADA,
            buyingCenterId: 'a0B000000000001AAA'
          }
        }
      }
    ]);
    expect(q(el, '.placeholder-form')).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.placeholder-add'));
  });

  it('shows a save error with its reason, and on a conflict offers to reload', async () => {
    const body = { body: { message: 'Strength must be 1 to 5' }, status: 400 };
    const el = mount({ person: details(ADA), error: body, saving: false });
    await flush();
    type Err = HTMLElement & { friendlyMessage: string };
    expect(q<Err>(el, 'c-error-panel')!.friendlyMessage).toBe(
      'Your changes were not saved. Your input is kept; correct it and save again.'
    );
    expect(q(el, '.reload')).toBeNull();
    await expect(el).toBeAccessible();
    el.conflict = true;
    await flush();
    expect(q<Err>(el, 'c-error-panel')!.friendlyMessage).toContain('Someone changed this record');
    const seen = recordEvents(el, ['reload']);
    q(el, '.reload')!.click();
    expect(seen).toEqual([{ name: 'reload', detail: null }]);
    expect(shadowQuery(el, '.save-error')).not.toBeNull();
    await expect(el).toBeAccessible();
  });

  it('renders nothing broken before a person is set (the chart is loading)', async () => {
    const el = mount({ person: null });
    await flush();
    expect(text(el, '.heat')).toBe('');
    expect(text(el, '.known-by')).toBe('Nobody on our team has a positive relationship with them.');
    expect(leakedBlanks(el.shadowRoot!)).toEqual([]);
  });
});
