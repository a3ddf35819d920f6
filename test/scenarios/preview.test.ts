/**
 * The preview org runs an April fiscal year (org-wide, as in Salesforce): loading the Aerovance demo
 * sets it, and every opportunity's FiscalYear follows it, so the page shows the org's fiscal years.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fiscalYearOf } from '../../force-app/main/default/lwc/keyplanCore/figures';
import { LocalOrg } from '../../localorg/org';
import { DEFAULT_FORCE_APP } from '../../localorg/server';
import { tempDir } from '../../localorg/test/helpers';
import { loadDemo, PREVIEW_FISCAL_YEAR } from '../../preview/seed';

test('the preview org runs an April fiscal year named by its start, and the demo deals follow it', () => {
  const tmp = tempDir('preview-fy-');
  const org = LocalOrg.open({ forceAppDir: DEFAULT_FORCE_APP, dbFile: path.join(tmp.dir, 'org.sqlite') });
  try {
    assert.deepEqual(
      org.fiscalYearSetting(),
      { startMonth: 1, namedBy: 'end' },
      'a new local org: calendar year'
    );
    loadDemo(org, 'aerovance');
    assert.deepEqual(PREVIEW_FISCAL_YEAR, { startMonth: 4, namedByStart: true });
    assert.deepEqual(org.fiscalYearSetting(), { startMonth: 4, namedBy: 'start' });
    const rows = org.db.prepare(`SELECT "CloseDate" AS d, "FiscalYear" AS fy FROM "Opportunity"`).all() as {
      d: string;
      fy: number;
    }[];
    assert.ok(
      rows.some((r) => Number(r.d.slice(5, 7)) < 4),
      'the demo has deals in January-March'
    );
    for (const r of rows) assert.equal(r.fy, fiscalYearOf(r.d, 4, 'start'), r.d);
    const march = rows.find((r) => Number(r.d.slice(5, 7)) < 4)!;
    assert.equal(
      march.fy,
      Number(march.d.slice(0, 4)) - 1,
      'January-March belong to the year that started last April'
    );
  } finally {
    org.close();
    tmp.cleanup();
  }
});
