import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startTestOrg, tempDir } from './test/helpers';
import { runQuery } from './soql';

/** `npx tsx localorg/bench.ts`: time to query 10,000 contacts, in-process and over HTTP with jsforce. */
async function main(): Promise<void> {
  const tmp = tempDir();
  const { running, conn } = await startTestOrg({ dbFile: path.join(tmp.dir, 'bench.sqlite') });
  try {
    const org = running.org;
    let t = performance.now();
    const accountId = org.write(() => org.insert('Account', { Name: 'Bench' }));
    org.write(() => {
      let manager: string | undefined;
      for (let i = 0; i < 10_000; i++) {
        const id = org.insert('Contact', {
          LastName: `C${i}`,
          AccountId: accountId,
          Title: 'Engineer',
          ReportsToId: i % 10 === 0 ? undefined : manager
        });
        if (i % 10 === 0) manager = id;
      }
    });
    console.log(
      `insert 10,000 contacts (validated, one transaction): ${(performance.now() - t).toFixed(0)} ms`
    );
    const soql = `SELECT Id, Name, Title, ReportsToId, ReportsTo.Name, Account.Name FROM Contact WHERE AccountId = '${accountId}' ORDER BY LastName`;
    for (let run = 0; run < 3; run++) {
      t = performance.now();
      const n = runQuery(org, soql).totalSize;
      const inProc = performance.now() - t;
      t = performance.now();
      const res = await conn.query(soql, { autoFetch: true, maxFetch: 20_000 });
      const http = performance.now() - t;
      console.log(
        `run ${run + 1}: in-process ${n} rows ${inProc.toFixed(0)} ms; jsforce over HTTP ${res.records.length} rows (5 pages) ${http.toFixed(0)} ms`
      );
    }
  } finally {
    await running.close();
    tmp.cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
