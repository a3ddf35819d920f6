/**
 * Layout at real widths: the whitespace matrix, the BANT panel and the plan summary on a 1280 px
 * page and in a 600 px region (a record page sidebar). Nothing spills out of its card, the matrix's
 * total column stays in view and its header, body and totals line up, and no blank leaks as
 * "undefined" or "NaN". Screenshots land in artifacts/screenshots/layout-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, openAccount, watchErrors, type LaunchedBrowser } from './browser';
import { SPECS, componentRoot } from './components';

const BASE = process.env.KEYPLAN_E2E_URL ?? '';
const SHOTS = path.resolve(process.env.KEYPLAN_E2E_SCREENSHOTS ?? 'artifacts/screenshots');
const NARROW = 600;

let browser: LaunchedBrowser;
let page: Page;
let errors: string[];
let aerovanceId = '';

before(async () => {
  assert.ok(BASE, 'KEYPLAN_E2E_URL is not set: run through `npm run test:e2e`');
  const accounts = (await (
    await fetch(`${BASE}preview/api/accounts`, {
      headers: { 'X-Keyplan-Preview': process.env.KEYPLAN_E2E_PREVIEW_SECRET ?? '' }
    })
  ).json()) as {
    Id: string;
    Name: string;
  }[];
  aerovanceId = accounts.find((a) => /Aerovance/.test(a.Name))?.Id ?? '';
  browser = await launchBrowser();
  page = await browser.newPage();
  errors = watchErrors(page);
});

after(async () => {
  await browser?.close();
});

/** Opens one component on Aerovance, optionally squeezed into a sidebar-wide region. */
async function open(name: string, regionWidth?: number): Promise<Locator> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openAccount(page, BASE, aerovanceId, [name]);
  if (regionWidth)
    await page.addStyleTag({ content: `[data-component]{display:block;max-width:${regionWidth}px}` });
  const root = componentRoot(page, name);
  await root
    .locator(SPECS.find((s) => s.name === name)!.dataSelector)
    .first()
    .waitFor({ timeout: 20000 });
  return root;
}

/** Elements inside the card that stick out past its right edge (ignoring scroll containers' content). */
async function overflowing(root: Locator): Promise<string[]> {
  // No named helpers inside evaluate: tsx would wrap them in a __name() the page does not have.
  return root.evaluate((host) => {
    const card = host.getBoundingClientRect();
    const out: string[] = [];
    const stack: [Element | ShadowRoot, boolean][] = [[host.shadowRoot ?? host, false]];
    while (stack.length) {
      const [node, clipped] = stack.pop()!;
      for (const el of Array.from(node.children)) {
        const style = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        if (!clipped && r.width > 0 && r.right > card.right + 1)
          out.push(
            `${el.tagName.toLowerCase()}.${String(el.className)} right ${Math.round(r.right)} > ${Math.round(card.right)}`
          );
        const clips = clipped || /auto|scroll|hidden/.test(style.overflowX) || style.position === 'fixed';
        if (el.shadowRoot) stack.push([el.shadowRoot, clips]);
        stack.push([el, clips]);
      }
    }
    return out.slice(0, 5);
  });
}

async function shot(root: Locator, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await root.screenshot({ path: path.join(SHOTS, `layout-${name}.png`) });
}

describe('layout at real widths', () => {
  for (const name of ['whitespaceMatrix', 'bantPanel', 'accountPlanSummary']) {
    for (const width of [undefined, NARROW]) {
      test(`${name} ${width ? `in a ${width} px region` : 'at 1280 px'}: fits its card, no blanks leak`, async () => {
        const root = await open(name, width);
        assert.deepEqual(await overflowing(root), [], 'content sticks out of the card');
        const text = await root.innerText();
        assert.doesNotMatch(text, /\bundefined\b|\bNaN\b|\$\d+\.0[KMB]\b/);
        await shot(root, `${name}-${width ?? 1280}`);
        assert.deepEqual(errors, [], 'page errors');
      });
    }
  }

  for (const width of [undefined, NARROW]) {
    test(`matrix ${width ? `in a ${width} px region` : 'at 1280 px'}: total column in view, rows aligned`, async () => {
      const root = await open('whitespaceMatrix', width);
      const m = await root.locator('.scroller').evaluate((s) => {
        const box = s.getBoundingClientRect();
        const total = s.querySelector('.total-head')!.getBoundingClientRect();
        // The first rendered row of each rowgroup (the body starts with a spacer).
        const [head, body, foot] = ['.head', '.bodyrows', '.foot'].map((g) =>
          Array.from(s.querySelector(`${g} [role="row"]`)?.children ?? []).map((e) =>
            Math.round(e.getBoundingClientRect().left)
          )
        );
        return {
          scrolls: s.scrollWidth > s.clientWidth,
          totalInView: total.left >= box.left && total.right <= box.right + 1,
          head,
          body,
          foot
        };
      });
      assert.ok(m.totalInView, 'the Total column is cut off');
      assert.deepEqual(m.body, m.head, 'body cells do not line up with the column headers');
      assert.deepEqual(m.foot, m.head, 'the totals row does not line up with the column headers');
      // Scrolled to the far right, the first column and the totals still line up.
      await root.locator('.scroller').evaluate((s) => {
        s.scrollLeft = s.scrollWidth;
      });
      const scrolled = await root.locator('.scroller').evaluate((s) => {
        const [head, foot] = ['.head [role="row"] > *', '.foot [role="row"] > *'].map((sel) =>
          Array.from(s.querySelectorAll(sel)).map((e) => Math.round(e.getBoundingClientRect().left))
        );
        return { head, foot };
      });
      assert.deepEqual(scrolled.foot, scrolled.head, 'after scrolling the totals row is out of line');
      assert.equal(scrolled.head[0], m.head[0], 'the buying center column scrolled away');
      assert.equal(scrolled.head.at(-1), m.head.at(-1), 'the total column moved');
      if (m.scrolls) assert.ok(scrolled.head[1] < m.head[1], 'the offerings did not scroll');
    });
  }
});
