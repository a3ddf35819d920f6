import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { evidenceOf, evidencedBantScore } from '../../../force-app/main/default/lwc/keyplanCore/bant';
import { DEFAULT_SETTINGS } from '../../../force-app/main/default/lwc/keyplanCore/settings';
import { BantData, SettingsData } from '../../../src/contracts';
/** The REST API root of the local org (localorg/server.ts). */
const API = '/services/data/v62.0';
import { startTwinOrg, type TwinOrg } from './lib/testing';

describe('KeyplanSettingsController twin and the Keyplan_Tuning__c overrides', () => {
  let t: TwinOrg;
  before(async () => {
    // Overrides are an admin's work (Setup > Custom Settings): the twin runs as the local admin.
    t = await startTwinOrg(undefined, 'admin');
  });
  after(async () => t?.close());

  const settings = async (): Promise<SettingsData> => {
    const res = await t.call('KeyplanSettingsController', 'getSettings', {});
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return SettingsData.parse(res.body);
  };
  const rest = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.running.url}${API}${path}`, {
      method,
      headers: { Authorization: `Bearer ${t.running.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as { id?: string }) };
  };
  const firstOpenScore = async (): Promise<{ score: number | null; data: BantData }> => {
    const res = await t.call('BantController', 'getBant', { recordId: t.id('acme') });
    const data = BantData.parse(res.body);
    return { score: data.opportunities[0].bantScore, data };
  };

  it('without overrides: the packaged defaults, nothing overridden', async () => {
    const s = await settings();
    assert.deepEqual(s.values, { ...DEFAULT_SETTINGS });
    assert.deepEqual(s.overridden, []);
  });

  it('an org-level override changes getSettings and the stored formulas; deleting it restores both', async () => {
    const before = await firstOpenScore();
    const open = before.data.opportunities[0];
    assert.equal(open.budgetStatus, 'Confirmed');
    const created = await rest('POST', '/sobjects/Keyplan_Tuning__c', {
      BANT_Weight_Budget__c: 70,
      Heat_Hot__c: 55
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const s = await settings();
    assert.equal(s.values.BANT_Weight_Budget, 70);
    assert.equal(s.values.Heat_Hot, 55);
    assert.deepEqual(s.overridden, ['BANT_Weight_Budget', 'Heat_Hot']);

    const after = await firstOpenScore();
    const tuned = { ...DEFAULT_SETTINGS, BANT_Weight_Budget: 70, Heat_Hot: 55 };
    assert.equal(
      after.score,
      evidencedBantScore(evidenceOf(open), tuned),
      'Keyplan_BANT_Score__c reads the override'
    );
    assert.notEqual(after.score, before.score);

    // A blank override falls back to the packaged default.
    const blank = await rest('PATCH', `/sobjects/Keyplan_Tuning__c/${created.body!.id}`, {
      BANT_Weight_Budget__c: null
    });
    assert.equal(blank.status, 204, JSON.stringify(blank.body));
    assert.deepEqual((await settings()).overridden, ['Heat_Hot']);
    assert.equal((await firstOpenScore()).score, before.score);

    assert.equal((await rest('DELETE', `/sobjects/Keyplan_Tuning__c/${created.body!.id}`)).status, 204);
    assert.deepEqual((await settings()).overridden, []);
  });

  it('one org-level row: a second one is refused', async () => {
    const first = await rest('POST', '/sobjects/Keyplan_Tuning__c', { Heat_Warm__c: 20 });
    assert.equal(first.status, 201);
    const second = await rest('POST', '/sobjects/Keyplan_Tuning__c', { Heat_Warm__c: 30 });
    assert.equal(second.status, 400, JSON.stringify(second.body));
    assert.match(JSON.stringify(second.body), /DUPLICATE_VALUE/);
    assert.equal((await settings()).values.Heat_Warm, 20);
  });
});
