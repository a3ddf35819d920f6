import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aerovanceBundle, largeBundle } from '../../data';
import { checkBundle, type AccountBundleInput } from '../../src/bundle';

const TODAY = '2026-11-23';

test('the demo bundles are valid', () => {
  const demo = checkBundle(aerovanceBundle({ today: TODAY }));
  assert.deepEqual(demo.problems, []);
  assert.ok(demo.bundle!.contacts.length >= 140, `demo has ${demo.bundle!.contacts.length} contacts`);
  const large = checkBundle(largeBundle({ contacts: 2000, today: TODAY }));
  assert.deepEqual(large.problems, []);
  assert.equal(large.bundle!.links.length, 4000);
});

test('the demo bundle is deterministic', () => {
  assert.deepEqual(aerovanceBundle({ today: TODAY }), aerovanceBundle({ today: TODAY }));
});

test('a bad bundle reports every problem with its JSON path', () => {
  const bad = aerovanceBundle({ today: TODAY }) as AccountBundleInput & Record<string, unknown>;
  const contacts = bad.contacts!;
  (contacts[1] as Record<string, unknown>).Stance__c = 'Fan';
  (contacts[2] as Record<string, unknown>).Budget_Owned__c = 'lots';
  delete (contacts[3] as Record<string, unknown>).LastName;
  const result = checkBundle(bad);
  assert.equal(result.bundle, undefined);
  const paths = result.problems.map((p) => p.path);
  assert.ok(paths.includes('contacts[1].Stance__c'), paths.join(', '));
  assert.ok(paths.includes('contacts[2].Budget_Owned__c'), paths.join(', '));
  assert.ok(paths.includes('contacts[3].LastName'), paths.join(', '));
});

test('dangling references, duplicate keys and reporting cycles are all listed', () => {
  const b = aerovanceBundle({ today: TODAY });
  const contacts = b.contacts!;
  contacts[5] = { ...contacts[5], reportsTo: 'nobody' };
  contacts[6] = { ...contacts[6], key: contacts[7].key };
  // a -> b -> a
  contacts[10] = { ...contacts[10], reportsTo: contacts[11].key };
  contacts[11] = { ...contacts[11], reportsTo: contacts[10].key };
  b.opportunities![0] = { ...b.opportunities![0], offering: 'no-such-offering' };
  const result = checkBundle(b);
  const messages = result.problems.map((p) => `${p.path}: ${p.message}`);
  assert.ok(
    messages.some((m) => m.startsWith('contacts[5].reportsTo: Unknown contact key "nobody"')),
    messages.join('\n')
  );
  assert.ok(
    messages.some((m) => m.includes(`Duplicate key "${contacts[7].key}"`)),
    messages.join('\n')
  );
  assert.ok(
    messages.some((m) => m.includes('The reporting line loops')),
    messages.join('\n')
  );
  assert.ok(
    messages.some((m) => m.startsWith('opportunities[0].offering: Unknown offering key')),
    messages.join('\n')
  );
});
