/**
 * The org chart of the 10,000-contact demo account (data/large.ts: 10,000 contacts, 20,000 links) read the
 * way the component reads it, page by page through the twin of loadOrgChartPage: every contact and every
 * link arrives, no page passes its bounds, and a link added last is on screen after a reload (review C5:
 * the unpaged read cut the newest 10,000 links).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { largeBundle } from '../../../data';
import { loadOrgChart } from '../../../force-app/main/default/lwc/orgChartHeatmap/pages';
import { OrgChartData, OrgChartPage, RelationshipLinkDto } from '../../../src/contracts';
import { loadBundle } from '../../bundle';
import type { RunningLocalOrg } from '../../server';
import { startTestOrg, tempDir } from '../../test/helpers';
import { LIMITS } from './lib/selectors';

const CONTACTS = 10000;
const LINKS = 20000;
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

describe('org chart paging at 10,000 contacts (twin)', () => {
  let running: RunningLocalOrg;
  let cleanup: () => void;
  let accountId: string;

  before(async () => {
    const tmp = tempDir('paging-');
    cleanup = tmp.cleanup;
    running = (await startTestOrg({ dbFile: path.join(tmp.dir, 'org.sqlite') })).running;
    accountId = loadBundle(
      running.org,
      largeBundle({ contacts: CONTACTS, links: LINKS, today: '2026-05-01' })
    ).accountId;
  });
  after(async () => {
    await running?.close();
    cleanup?.();
  });

  const post = async (
    method: string,
    params: Record<string, unknown>
  ): Promise<{ status: number; text: string }> => {
    const res = await fetch(`${running.url}/apex/OrgChartController/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(params)
    });
    return { status: res.status, text: await res.text() };
  };

  /** Every page, as the component asks for them, with the bytes of each response. */
  async function readChart(): Promise<{
    data: OrgChartData;
    pages: OrgChartPage[];
    bytes: number[];
    ms: number;
  }> {
    const pages: OrgChartPage[] = [];
    const bytes: number[] = [];
    const start = performance.now();
    const data = await loadOrgChart(async (cursor) => {
      const res = await post('loadOrgChartPage', { accountId, cursor });
      assert.equal(res.status, 200, res.text.slice(0, 300));
      const page = OrgChartPage.parse(JSON.parse(res.text));
      pages.push(page);
      bytes.push(Buffer.byteLength(res.text));
      return page;
    });
    return { data: OrgChartData.parse(data), pages, bytes, ms: performance.now() - start };
  }

  it('reads every contact and every link in bounded pages', async () => {
    const { data, pages, bytes, ms } = await readChart();
    assert.equal(data.contacts.length, CONTACTS);
    assert.equal(new Set(data.contacts.map((c) => c.id)).size, CONTACTS, 'no contact twice');
    assert.equal(data.links.length, LINKS);
    assert.equal(new Set(data.links.map((l) => l.id)).size, LINKS, 'no link twice');
    for (const [i, p] of pages.entries()) {
      assert.ok(p.contacts.length <= LIMITS.MAX_PAGE_CONTACTS, `page ${i}: ${p.contacts.length} contacts`);
      assert.ok(p.links.length <= LIMITS.MAX_PAGE_LINKS, `page ${i}: ${p.links.length} links`);
      assert.ok(bytes[i] < MAX_PAGE_BYTES, `page ${i}: ${bytes[i]} bytes`);
      assert.equal(p.totalContacts, CONTACTS);
      assert.equal(p.totalLinks, LINKS);
    }
    // 10,000 / 2,000 contact pages, then 20,000 / 4,000 link pages.
    assert.equal(pages.length, CONTACTS / LIMITS.MAX_PAGE_CONTACTS + LINKS / LIMITS.MAX_PAGE_LINKS);
    console.log(
      `# paging: ${pages.length} calls, ${(bytes.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KiB, ` +
        `largest page ${(Math.max(...bytes) / 1024).toFixed(0)} KiB, ${ms.toFixed(0)} ms for ${CONTACTS} contacts + ${LINKS} links`
    );
  });

  it('reads the contacts and the links side by side: the same chart as following nextCursor alone', async () => {
    const parallel = await readChart();
    assert.deepEqual(parallel.pages[0].parallelCursors?.[1], 'links');
    const contactIds: string[] = [];
    const linkIds: string[] = [];
    let cursor: string | null = null;
    let calls = 0;
    do {
      const res = await post('loadOrgChartPage', { accountId, cursor });
      const page = OrgChartPage.parse(JSON.parse(res.text));
      if (calls++ > 0)
        assert.equal(page.parallelCursors ?? null, null, 'only the first page names the chains');
      for (const c of page.contacts) contactIds.push(c.id);
      for (const l of page.links) linkIds.push(l.id);
      cursor = page.nextCursor ?? null;
    } while (cursor !== null && calls < 50);
    assert.deepEqual(
      parallel.data.contacts.map((c) => c.id),
      contactIds
    );
    assert.deepEqual(
      parallel.data.links.map((l) => l.id),
      linkIds
    );
    assert.equal(calls, parallel.pages.length, 'as many calls either way');
  });

  it('a link added last is on the chart after a reload (C5)', async () => {
    const before = await readChart();
    // The contact with the highest Id: the last one the contact pages read.
    const last = before.data.contacts.reduce((a, b) => (a.id > b.id ? a : b));
    const saved = await post('saveLink', {
      input: {
        accountId,
        fromContactId: null,
        fromUserId: running.org.userId,
        toContactId: last.id,
        type: 'Coverage',
        strength: 4,
        frequency: 'Monthly',
        influenceLevel: null,
        polarity: 'Positive',
        lastInteraction: null
      }
    });
    assert.equal(saved.status, 200, saved.text);
    const link = RelationshipLinkDto.parse(JSON.parse(saved.text));

    const after = await readChart();
    assert.equal(after.data.links.length, LINKS + 1);
    assert.ok(
      after.data.links.some((l) => l.id === link.id),
      'the new link is in the reloaded chart'
    );
    const firstLinkPage = after.pages.find((p) => p.links.length > 0)!;
    assert.equal(firstLinkPage.links[0].id, link.id, 'newest first: the new link leads the first link page');
  });
});
