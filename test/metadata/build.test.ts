import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { compileTs } from '../../scripts/build-lwc';

test('the LWC build keeps decorators and every class field, and drops only types', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyplan-build-'));
  try {
    const file = path.join(dir, 'sample.ts');
    writeFileSync(
      file,
      [
        "import { LightningElement, api, wire } from 'lwc';",
        "import type { OrgChartData } from '@keyplan/contracts';",
        "import getOrgChart from '@salesforce/apex/OrgChartController.getOrgChart';",
        'export default class Sample extends LightningElement {',
        '  @api recordId!: string;',
        "  @wire(getOrgChart, { accountId: '$recordId' }) wired?: WireResult<OrgChartData>;",
        '  // An uninitialised field must survive: LWC only re-renders for fields it knows about.',
        '  data?: OrgChartData;',
        '  count = 0;',
        '  declare typeOnly: string;',
        '}'
      ].join('\n')
    );
    const js = await compileTs(file);
    assert.match(js, /@api recordId;/);
    assert.match(js, /@wire\(getOrgChart, \{ accountId: '\$recordId' \}\)\s*wired;/);
    assert.match(js, /^\s+data;$/m, 'uninitialised fields are kept');
    assert.match(js, /count = 0;/);
    assert.doesNotMatch(js, /typeOnly|OrgChartData|WireResult|!:/, 'types and declare fields are erased');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
