/**
 * Company subtotals on the Aerovance group (issue 21): the demo bundle loaded into a local org, the matrix
 * read through the WhitespaceController twin, then built and grouped by company exactly as the matrix card
 * does (`matrixOf` options, `companyGroups`). The sum of the company subtotals is the grand total in every
 * year and measure, each company's columns add up to the column totals, and the subsidiaries carry their
 * own deals (mapped and unmapped).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { aerovanceBundle } from '../../data';
import { WhitespaceData } from '../../src/contracts';
import { figureOptions } from '../../force-app/main/default/lwc/keyplanCore/figures';
import { MEASURE_KEYS, buildMatrix } from '../../force-app/main/default/lwc/keyplanCore/matrix';
import { companyGroups } from '../../force-app/main/default/lwc/keyplanCore/matrixGroups';
import { addMoney, zeroMoney } from '../../force-app/main/default/lwc/keyplanCore/matrixMoney';
import { loadBundle, type LoadedBundle } from '../../localorg/bundle';
import type { RunningLocalOrg } from '../../localorg/server';
import { startTestOrg, tempDir } from '../../localorg/test/helpers';

const TODAY = '2026-04-15';
const FY = 2026;
const close = (a: number, b: number, what: string): void =>
  assert.ok(Math.abs(a - b) < 0.005, `${what}: ${a} != ${b}`);

describe('company subtotals on the Aerovance group', () => {
  const tmp = tempDir('subtotals-');
  let running: RunningLocalOrg;
  let loaded: LoadedBundle;
  let data: WhitespaceData;

  before(async () => {
    ({ running } = await startTestOrg({ dbFile: path.join(tmp.dir, 'org.sqlite') }));
    loaded = loadBundle(running.org, aerovanceBundle({ today: TODAY }));
    const res = await fetch(`${running.url}/apex/WhitespaceController/getWhitespace`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ accountId: loaded.accountId, fiscalYear: FY })
    });
    assert.equal(res.status, 200);
    data = WhitespaceData.parse(await res.json());
  });
  after(async () => {
    await running?.close();
    tmp.cleanup();
  });

  it('the grand total is the sum of the company subtotals, every year, measure and column', () => {
    assert.ok((data.accounts ?? []).length >= 4, 'the group and its three subsidiaries');
    const matrix = buildMatrix(data, figureOptions(data));
    for (const year of matrix.years) {
      const { groups } = companyGroups(matrix, year, data.accounts ?? []);
      const sum = zeroMoney();
      for (const g of groups) addMoney(sum, g.total);
      for (const k of MEASURE_KEYS) close(sum[k], year.grandTotal[k], `FY${year.fiscalYear} ${k}`);
      matrix.columns.forEach((c, k) => {
        const col = zeroMoney();
        for (const g of groups) addMoney(col, g.cells[k]);
        for (const m of MEASURE_KEYS)
          close(col[m], year.columnTotals[k][m], `FY${year.fiscalYear} ${c.name} ${m}`);
      });
    }
    const year = matrix.years.find((y) => y.fiscalYear === FY)!;
    const { groups } = companyGroups(matrix, year, data.accounts ?? []);
    // The group first, then its subsidiaries; the helicopter company holds deals of its own.
    assert.equal(groups[0].key, data.accountId);
    const heli = groups.find((g) => g.name === 'Aerovance Helicopters GmbH');
    assert.ok(heli, groups.map((g) => g.name).join(', '));
    assert.ok(heli.total.won + heli.total.pipeline > 0, 'the helicopter company has money this year');
    const withUnmapped = groups.filter((g) => g.unmapped.won + g.unmapped.pipeline > 0);
    assert.ok(withUnmapped.length > 0, 'some deals are unmapped, by company');
    console.log(
      `# FY${FY} subtotals: ${groups
        .filter((g) => g.hasContent)
        .map(
          (g) =>
            `${g.name} won ${Math.round(g.total.won)} open ${Math.round(g.total.pipeline)} (unmapped ${Math.round(g.unmapped.won + g.unmapped.pipeline)})`
        )
        .join(
          '; '
        )}; grand won ${Math.round(year.grandTotal.won)} open ${Math.round(year.grandTotal.pipeline)}`
    );
  });
});
