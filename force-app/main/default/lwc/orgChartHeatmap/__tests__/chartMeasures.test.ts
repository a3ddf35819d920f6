import type { ContactNode, OrgChartData } from '@keyplan/contracts';
import { ChartMeasures } from '../chartMeasures';
import { ORG_FIXTURE, contactId } from '../../../../../test/orgChartFixture';

const FIXTURE: OrgChartData = ORG_FIXTURE;
const today = new Date('2026-11-23T00:00:00Z');
const idOf = contactId;

function measure(data: OrgChartData): ChartMeasures {
  const byId = new Map<string, ContactNode>(data.contacts.map((c) => [c.id, c]));
  return new ChartMeasures(data, byId, {
    today,
    activity: [],
    buyingCenterNames: new Map(data.buyingCenters.map((b) => [b.id, b.name]))
  });
}

describe('orgChartHeatmap chart measures', () => {
  it('heat counts our team links only; a customer-internal link moves influence, not heat', () => {
    const base = measure(FIXTURE);
    const ada = idOf('Ada Lovelace');
    const victor = idOf('Victor Okafor');
    const internal = {
      ...FIXTURE.links.find((l) => l.fromUserId != null)!,
      id: 'a0L0000000000ZZAAA',
      fromUserId: null,
      fromUserName: null,
      fromContactId: ada,
      toContactId: victor
    };
    const withInternal = measure({ ...FIXTURE, links: [...FIXTURE.links, internal] });
    expect(withInternal.heat.get(victor)).toEqual(base.heat.get(victor));
    expect(withInternal.influence.get(ada)).not.toEqual(base.influence.get(ada));
    // Ada is covered by our team (Jordan Blake, strength 5): she is warmer than someone nobody on our side knows.
    expect(base.heat.get(ada)!.heat).toBeGreaterThan(base.heat.get(idOf('Nora Klein'))!.heat);
    // Ranked 1..n, most influential first (people in nobody's network are not ranked).
    const ranks = [...base.influenceRank.values()].sort((a, b) => a - b);
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    expect(ranks.length).toBeGreaterThan(0);
  });

  it('keeps placeholders apart and computes a colouring once per mode', () => {
    const placeholder = {
      ...FIXTURE.contacts[0],
      id: '003000000000099AAA',
      name: 'CISO (unknown)',
      placeholder: true
    };
    const m = measure({ ...FIXTURE, contacts: [...FIXTURE.contacts, placeholder] });
    expect([...m.placeholders]).toEqual(['003000000000099AAA']);
    const stance = m.colouring('stance');
    expect(m.colouring('stance')).toBe(stance);
    expect(m.colouring('heat')).not.toBe(stance);
    expect(stance.colours.size).toBe(FIXTURE.contacts.length + 1);
    expect(m.worklist).toBe(m.worklist);
    expect(m.team.members.length).toBeGreaterThan(0);
    expect(m.teamUsers.map((u) => u.value)).toEqual(m.team.members.map((t) => t.userId));
  });
});
