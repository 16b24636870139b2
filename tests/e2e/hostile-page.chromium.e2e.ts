// Hostile pages in real Chromium (tests/fixtures/hostile-page.html?mode=…), where the page's own
// world and the content script's isolated world really are apart: a page that freezes the DOM
// prototypes and makes the methods we use throw, one that defines <dual-use-tooltip> as its own
// custom element, one that removes our elements as soon as they appear, and one that navigates
// (pushState) while the scan of a long page is under way. Marks, keyboard access and the tooltip
// must keep working where the page lets them, and nothing of ours may break the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { readHighlights, type AnnotatePage } from './annotate.e2e';
import { launchChromium, serveFixtures, type ChromiumSession, type FixtureServer } from './harness';

let session: ChromiumSession;
let fixtures: FixtureServer;

before(async () => {
  fixtures = await serveFixtures();
  session = await launchChromium(process.env.DUAL_USE_CHROME_BUILD);
});
after(async () => {
  await session?.close();
  await fixtures?.close();
});

const LEAD = ['Google', 'Microsoft Azure', 'Palantir'];

function adapt(page: Page): AnnotatePage {
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (modifiers, key) => page.keyboard.press([...modifiers, key].join('+')),
    close: () => page.close(),
  };
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/** Our tooltip, whatever tag of our family it had to use: visible, and its text. */
function readTooltip(page: Page) {
  return page.evaluate(() => {
    const host = [...document.querySelectorAll('*')].find((el) => el.tagName.startsWith('DUAL-USE-TOOLTIP') && el.shadowRoot?.querySelector('.card')) as HTMLElement | undefined;
    return {
      tag: host?.tagName.toLowerCase() ?? '',
      visible: !!host && getComputedStyle(host).display !== 'none',
      text: host?.shadowRoot?.querySelector('.card')?.textContent ?? '',
    };
  });
}

async function open(mode: string): Promise<{ page: Page; annotate: AnnotatePage }> {
  const page = await session.context.newPage();
  await page.goto(fixtures.url(`/hostile-page.html?mode=${mode}`));
  return { page, annotate: adapt(page) };
}

test('a page with frozen prototypes and throwing DOM methods: marks, keyboard and tooltip still work', async () => {
  const { page, annotate } = await open('frozen');
  try {
    await waitFor(() => readHighlights(annotate), (m) => m.length >= LEAD.length, 'marks');
    assert.deepEqual([...(await readHighlights(annotate))].sort(), LEAD);
    await page.keyboard.press('Alt+Shift+KeyU');
    const tooltip = await waitFor(() => readTooltip(page), (t) => t.visible && /finding/.test(t.text), 'the tooltip');
    assert.match(tooltip.text, /Palantir/);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __pageErrors: string[] }).__pageErrors), []);
  } finally {
    await page.close();
  }
});

test('a page that defines <dual-use-tooltip> itself: the tooltip is still ours', async () => {
  const { page, annotate } = await open('hijack');
  try {
    await waitFor(() => readHighlights(annotate), (m) => m.length >= LEAD.length, 'marks');
    await page.keyboard.press('Alt+Shift+KeyU');
    const tooltip = await waitFor(() => readTooltip(page), (t) => t.visible && /finding/.test(t.text), 'the tooltip');
    const hijacked = await page.evaluate(() => (window as unknown as { __hijacked: number }).__hijacked);
    // Chromium upgrades our element with the page's definition: we must have moved to a tag of our own.
    if (hijacked > 0) assert.match(tooltip.tag, /^dual-use-tooltip-[a-z0-9]+$/);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __pageErrors: string[] }).__pageErrors), []);
  } finally {
    await page.close();
  }
});

test('a page that removes our elements: marks stay, keyboard navigation still moves, nothing breaks', async () => {
  const { page, annotate } = await open('remover');
  try {
    await waitFor(() => readHighlights(annotate), (m) => m.length >= LEAD.length, 'marks');
    await page.keyboard.press('Alt+Shift+KeyU');
    await waitFor(() => readHighlights(annotate, 'dual-use-current'), (c) => c[0] === 'Palantir', 'the first mark to be current');
    await page.keyboard.press('Alt+Shift+KeyU');
    await waitFor(() => readHighlights(annotate, 'dual-use-current'), (c) => c[0] === 'Microsoft Azure', 'the second mark');
    assert.ok((await page.evaluate(() => (window as unknown as { __removed: number }).__removed)) >= 1, 'the page removed our tooltip host');
    await page.keyboard.press('Escape');
    await waitFor(() => readHighlights(annotate, 'dual-use-current'), (c) => c.length === 0, 'Escape to clear the current mark');
    assert.deepEqual([...(await readHighlights(annotate))].sort(), LEAD);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __pageErrors: string[] }).__pageErrors), []);
  } finally {
    await page.close();
  }
});

test('a page that navigates in the middle of the scan ends up with the new view marked, only', async () => {
  const { page, annotate } = await open('spa');
  try {
    await waitFor(() => page.evaluate(() => (window as unknown as { __navigatedAt: number | null }).__navigatedAt), (n) => n !== null, 'the page to navigate');
    assert.ok((await page.evaluate(() => (window as unknown as { __navigatedAt: number }).__navigatedAt)) > 0, 'it navigated once marks existed');
    await waitFor(() => readHighlights(annotate), (m) => m.length === 1 && m[0] === 'Oracle', 'only the new view marked');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __pageErrors: string[] }).__pageErrors), []);
  } finally {
    await page.close();
  }
});
