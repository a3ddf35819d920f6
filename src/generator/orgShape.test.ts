import assert from 'node:assert/strict';
import { test } from 'node:test';
import { largeBundle } from '../../data';
import { generateAccount } from './generateAccount';
import { managerIndexes, orgShapeFigures, type OrgShapeFigures } from './orgShape';
import { mulberry32 } from './random';

/** What a real organisation looks like (issue 18): median span 5-8, 75-85% individuals, < 12 levels. */
function assertRealistic(f: OrgShapeFigures): void {
  assert.ok(f.medianSpan >= 5 && f.medianSpan <= 8, `median span ${f.medianSpan}`);
  assert.ok(f.individualShare >= 0.75 && f.individualShare <= 0.85, `individual share ${f.individualShare}`);
  assert.ok(f.levels < 12, `levels ${f.levels}`);
}

const bundleFigures = (b: ReturnType<typeof largeBundle>): OrgShapeFigures => {
  const contacts = b.contacts ?? [];
  const index = new Map(contacts.map((c, i) => [c.key, i]));
  return orgShapeFigures(contacts.map((c) => (c.reportsTo ? (index.get(c.reportsTo) as number) : -1)));
};

test('the figures of a small known tree', () => {
  // 0 leads 1, 2, 3; 1 leads 4, 5; 5 leads 6.
  assert.deepEqual(orgShapeFigures([-1, 0, 0, 0, 1, 1, 5]), {
    people: 7,
    managers: 3,
    individualShare: 4 / 7,
    medianSpan: 2,
    maxSpan: 3,
    levels: 4
  });
  assert.deepEqual(orgShapeFigures([]), {
    people: 0,
    managers: 0,
    individualShare: 0,
    medianSpan: 0,
    maxSpan: 0,
    levels: 0
  });
});

test('the realistic check fails on a chain and on a flat org', () => {
  const chain = Array.from({ length: 20 }, (_, i) => i - 1);
  assert.throws(() => assertRealistic(orgShapeFigures(chain)), /median span 1/);
  const flat = Array.from({ length: 20 }, (_, i) => (i === 0 ? -1 : 0));
  assert.throws(() => assertRealistic(orgShapeFigures(flat)), /median span 19/);
});

test('the 10,000-contact demo account has a realistic shape; the deep stress case does not', () => {
  const realistic = bundleFigures(largeBundle({ today: '2026-05-01' }));
  assert.equal(realistic.people, 10000);
  assertRealistic(realistic);
  const deep = bundleFigures(largeBundle({ today: '2026-05-01', shape: 'deep' }));
  assert.ok(deep.medianSpan <= 1 && deep.levels > 40, JSON.stringify(deep));
});

test('the demo account keeps business units along the organisation and managers before reports', () => {
  const contacts = largeBundle({ contacts: 2000, today: '2026-05-01' }).contacts ?? [];
  const byKey = new Map(contacts.map((c) => [c.key, c]));
  let same = 0;
  let withBoss = 0;
  contacts.forEach((c, i) => {
    if (!c.reportsTo) return;
    assert.ok(Number(c.reportsTo.slice(2)) < i, `${c.key} reports to a later ${c.reportsTo}`);
    const boss = byKey.get(c.reportsTo);
    if (!boss?.reportsTo || !byKey.get(boss.reportsTo)?.reportsTo) return;
    withBoss++;
    if (boss.buyingCenter === c.buyingCenter) same++;
  });
  assert.ok(same / withBoss > 0.8, `${same} of ${withBoss} share their manager's unit`);
  const ceo = contacts[0];
  assert.equal(ceo.Title, 'Chief Executive Officer');
  assert.ok(
    contacts.filter((c) => /Engineer|Analyst|Specialist|Consultant|Coordinator/.test(String(c.Title)))
      .length > 1500
  );
});

test('generateAccount builds realistic organisations by default, deep ones on request', () => {
  for (const contacts of [145, 10000]) {
    const org = generateAccount({ seed: 42, contacts, links: 0, opportunities: 0 }).orgChart.contacts;
    const index = new Map(org.map((c, i) => [c.id, i]));
    assertRealistic(
      orgShapeFigures(org.map((c) => (c.reportsToId ? (index.get(c.reportsToId) as number) : -1)))
    );
  }
  const deep = managerIndexes(10000, 'deep', mulberry32(42));
  const f = orgShapeFigures(deep);
  assert.ok(f.medianSpan === 1 && f.levels > 40 && f.individualShare < 0.5, JSON.stringify(f));
});

test('shapes are deterministic and list managers first', () => {
  for (const shape of ['realistic', 'deep'] as const) {
    const a = managerIndexes(3000, shape, mulberry32(9));
    assert.deepEqual(a, managerIndexes(3000, shape, mulberry32(9)));
    assert.equal(a[0], -1);
    for (let i = 1; i < a.length; i++) assert.ok(a[i] >= 0 && a[i] < i, `${shape} ${i} -> ${a[i]}`);
  }
  assert.equal(managerIndexes(0, 'realistic', mulberry32(1)).length, 0);
});
