/**
 * The org chart's shared test data (jest only): the loadOrgChartPage fixture (25 people of one account,
 * their links and buying centers), a fresh copy to change, people by name, and the toasts a component shows.
 */
import type { ContactNode, OrgChartData, OrgChartPage } from '@keyplan/contracts';

/** The fixture as loadOrgChartPage serves it in one page (never change it: take `orgFixture()`). */
export const ORG_FIXTURE: OrgChartPage = jest.requireActual<OrgChartPage>(
  '../../test/fixtures/apex/OrgChartController.loadOrgChartPage.json'
);

/** A deep copy of the fixture's chart data, free to change. */
export const orgFixture = (): OrgChartData => JSON.parse(JSON.stringify(ORG_FIXTURE)) as OrgChartData;

/** The fixture's contact called `name` (throws when there is none, so a renamed fixture fails loudly). */
export function contactNamed(name: string): ContactNode {
  const c = ORG_FIXTURE.contacts.find((x) => x.name === name);
  if (!c) throw new Error(`No contact named ${name} in the org chart fixture`);
  return c;
}

/** The id of the fixture's contact called `name`. */
export const contactId = (name: string): string => contactNamed(name).id;

/** Records the toasts `el` shows from now on, as "variant: title" or "variant: title | message". */
export function recordToasts(el: Element): string[] {
  const out: string[] = [];
  el.addEventListener('lightning__showtoast', (e) => {
    const d = (e as CustomEvent<{ title: string; message?: string; variant: string }>).detail;
    out.push(`${d.variant}: ${d.title}${d.message ? ` | ${d.message}` : ''}`);
  });
  return out;
}
