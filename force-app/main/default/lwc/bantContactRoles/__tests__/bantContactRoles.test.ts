import { createElement } from 'lwc';
import BantContactRoles from 'c/bantContactRoles';
import type { BantContactRole } from '@keyplan/contracts';
import { navigate } from '../../../../../../test/jest/navigation.mock';

type Host = HTMLElement & { opportunityId?: string; roles: BantContactRole[]; compact: boolean };

const OPP = '006Dp00000Bnt01AAC';
const role = (over: Partial<BantContactRole>): BantContactRole => ({
  contactId: '003Dp00000Cnt01AAC',
  name: 'Dana Whitfield',
  role: 'Decision Maker',
  isPrimary: true,
  buyerRole: 'Economic Buyer',
  decisionRole: 'Decision Maker',
  budgetOwned: null,
  ...over
});
const ROLES = [
  role({}),
  role({
    contactId: '003Dp00000Cnt02AAC',
    name: 'Raj Patel',
    role: null,
    isPrimary: false,
    buyerRole: null,
    decisionRole: 'Influencer'
  }),
  role({
    contactId: '003Dp00000Cnt03AAC',
    name: 'Lee Chen',
    role: 'Evaluator',
    isPrimary: false,
    buyerRole: null,
    decisionRole: null
  })
];

function mount(props: Partial<Host>): Host {
  const el = createElement('c-bant-contact-roles', { is: BantContactRoles }) as Host;
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}
const texts = (el: Host, sel: string): string[] =>
  [...el.shadowRoot!.querySelectorAll(sel)].map((n) => n.textContent!.trim());

describe('c-bant-contact-roles', () => {
  beforeEach(() => navigate.mockReset());
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('lists each role with its buyer or decision role and the primary one (data state)', async () => {
    const el = mount({ opportunityId: OPP, roles: ROLES });
    await Promise.resolve();
    expect(texts(el, '.contact-role')).toEqual([
      'Dana Whitfield · Decision Maker · Economic Buyer · Primary',
      'Raj Patel · No role · Influencer',
      'Lee Chen · Evaluator · No buyer role'
    ]);
    expect(texts(el, 'h4')).toEqual(['Contact roles']);
    expect(el.shadowRoot!.querySelector('.no-roles')).toBeNull();
    await expect(el).toBeAccessible();
  });

  it('says when the deal has no contact roles yet (empty state), and still offers to add one', async () => {
    const el = mount({ opportunityId: OPP, roles: [] });
    await Promise.resolve();
    expect(texts(el, '.no-roles')).toEqual(['No contact roles yet.']);
    expect(el.shadowRoot!.querySelector('.contact-roles')).toBeNull();
    expect(el.shadowRoot!.querySelector('lightning-button.add-contact-role')).not.toBeNull();
    await expect(el).toBeAccessible();
  });

  it('is smaller inside the editor: a plain title, a tighter margin', async () => {
    const el = mount({ opportunityId: OPP, roles: ROLES, compact: true });
    await Promise.resolve();
    expect(el.shadowRoot!.querySelector('h4')).toBeNull();
    expect(texts(el, 'p.slds-text-title')).toEqual(['Contact roles']);
    expect(el.shadowRoot!.querySelector('.contact-roles-section')!.className).toContain('slds-m-top_x-small');
    await expect(el).toBeAccessible();
  });

  it("opens the deal's Contact Roles list to add one; without a deal, goes nowhere", async () => {
    const el = mount({ opportunityId: OPP, roles: ROLES });
    await Promise.resolve();
    el.shadowRoot!.querySelector<HTMLElement>('lightning-button.add-contact-role')!.click();
    expect(navigate).toHaveBeenCalledWith({
      type: 'standard__recordRelationshipPage',
      attributes: {
        recordId: OPP,
        objectApiName: 'Opportunity',
        relationshipApiName: 'OpportunityContactRoles',
        actionName: 'view'
      }
    });
    el.opportunityId = undefined;
    await Promise.resolve();
    el.shadowRoot!.querySelector<HTMLElement>('lightning-button.add-contact-role')!.click();
    expect(navigate).toHaveBeenCalledTimes(1);
  });
});
