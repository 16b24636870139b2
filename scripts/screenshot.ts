// Pictures of the real build, so they stay true: run after `npm run build`.
//   npx tsx scripts/screenshot.ts [fixture.html] [out.png]   the README's popup picture (docs/popup.png)
//   npm run screenshots  (scripts/screenshot.ts --all)        that, the README's timeline in light and dark
//                                                             (docs/timeline-light.png, -dark.png) and the store
//                                                             screenshots, 1280 × 800, in English and French
//                                                             (docs/store/<n>-<what>-<lang>.png), and the store's
//                                                             small promotional tile, 440 × 280 (promo-440x280-<lang>.png)
// Everything is rendered by the built Chrome extension in Debian's Chromium, on the test fixtures.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, openPopup, ROOT, serveFixtures, waitFor, type ChromiumSession, type FixtureServer } from '../tests/e2e/harness';

const STORE = { width: 1280, height: 800 };
const all = process.argv[2] === '--all';
const fixture = all ? 'index.html' : (process.argv[2] ?? 'index.html');
const popupOut = all ? join(ROOT, 'docs/popup.png') : (process.argv[3] ?? join(ROOT, 'docs/popup.png'));

async function openArticle(session: ChromiumSession, fixtures: FixtureServer, path: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(fixtures.url(`/${path}`));
  const tabId = await session.tabIdOf(fixtures.url(`/${path}`));
  // The content script scans and reports its mentions; the badge says when it has.
  await waitFor(() => session.serviceWorker.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId), (text) => text !== '', `the badge of ${path}`);
  return { page, tabId };
}

async function readyExtensionPage(page: Page): Promise<void> {
  await page.waitForSelector('main[aria-busy="false"]');
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(200);
}

async function setLanguage(session: ChromiumSession, lang: '' | 'en' | 'fr'): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(session.extensionUrl('options.html'));
  await options.locator('#language').waitFor();
  if ((await options.inputValue('#language')) !== lang) {
    await options.selectOption('#language', lang);
    // The page redraws itself in the chosen language once the choice is saved.
    await options.waitForFunction((wanted) => document.documentElement.lang === (wanted || 'en'), lang);
  }
  await options.close();
}

async function shootPopup(session: ChromiumSession, fixtures: FixtureServer, path: string, out: string): Promise<Buffer> {
  const { page, tabId } = await openArticle(session, fixtures, path);
  const popup = await openPopup(session, tabId);
  await popup.setViewportSize({ width: 420, height: 640 });
  await readyExtensionPage(popup);
  const png = await popup.screenshot({ path: out });
  await popup.close();
  await page.close();
  return png;
}

/** The store's first picture: the article as a reader sees it, marked, with the popup beside it. */
async function shootArticleWithPopup(session: ChromiumSession, fixtures: FixtureServer, out: string, scheme: 'light' | 'dark'): Promise<void> {
  const { page, tabId } = await openArticle(session, fixtures, 'annotate-article.html');
  await page.setViewportSize({ width: STORE.width - 460, height: STORE.height });
  const article = (await page.screenshot()).toString('base64');
  const popup = await openPopup(session, tabId);
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.setViewportSize({ width: 420, height: STORE.height - 80 });
  await readyExtensionPage(popup);
  const panel = (await popup.screenshot()).toString('base64');
  await popup.close();
  // Laid side by side in a blank page of the test browser (not an extension page): pictures only.
  const board = await session.context.newPage();
  await board.setViewportSize(STORE);
  await board.setContent(`<body style="margin:0;display:flex;gap:20px;align-items:flex-start;background:#d9dde3;height:800px;overflow:hidden">
    <img alt="" style="display:block" src="data:image/png;base64,${article}">
    <img alt="" style="display:block;margin-top:40px;box-shadow:0 6px 24px rgba(0,0,0,.35);border-radius:8px" src="data:image/png;base64,${panel}">
  </body>`);
  await board.screenshot({ path: out });
  await board.close();
  await page.close();
}

async function shootTooltip(session: ChromiumSession, fixtures: FixtureServer, out: string, scheme: 'light' | 'dark'): Promise<void> {
  const { page } = await openArticle(session, fixtures, 'annotate-article.html');
  await page.setViewportSize(STORE);
  await page.emulateMedia({ colorScheme: scheme });
  await page.keyboard.press('Alt+Shift+KeyU');
  await page.waitForFunction(() => /\d/.test(document.querySelector('dual-use-tooltip')?.shadowRoot?.textContent ?? ''));
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  await page.close();
}

async function shootExplore(session: ChromiumSession, hash: string, out: string, scheme: 'light' | 'dark', scrollTo?: string): Promise<void> {
  const page = await session.context.newPage();
  await page.setViewportSize(STORE);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(session.extensionUrl(`explore.html${hash}`));
  await readyExtensionPage(page);
  if (scrollTo) await page.locator(scrollTo).evaluate((node) => node.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(200);
  await page.screenshot({ path: out });
  await page.close();
}

async function shootOptions(session: ChromiumSession, out: string, scheme: 'light' | 'dark'): Promise<void> {
  const page = await session.context.newPage();
  await page.setViewportSize(STORE);
  await page.emulateMedia({ colorScheme: scheme });
  // No smooth scrolling: the picture is taken where the page ends up, not on the way.
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.goto(session.extensionUrl('options.html'));
  await page.locator('#filters .count').waitFor();
  await page.locator('#filters').evaluate((node) => node.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(200);
  await page.screenshot({ path: out });
  await page.close();
}

/** The README's timeline: Microsoft's, the drawing and its legend, in one colour scheme. */
async function shootTimeline(session: ChromiumSession, out: string, scheme: 'light' | 'dark'): Promise<void> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1200 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(session.extensionUrl('explore.html#vendor=microsoft'));
  await readyExtensionPage(page);
  await page.locator('section', { has: page.locator('svg.timeline') }).screenshot({ path: out });
  await page.close();
}

/** The Chrome Web Store's small promotional tile: the built icon, the name and the extension's own description. */
async function shootPromoTile(session: ChromiumSession, lang: 'en' | 'fr', out: string): Promise<void> {
  const build = join(ROOT, '.output/chrome-mv3');
  const icon = (await readFile(join(build, 'icon/128.png'))).toString('base64');
  const { extDescription } = JSON.parse(await readFile(join(build, `_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;
  const board = await session.context.newPage();
  await board.setViewportSize({ width: 440, height: 280 });
  await board.setContent(`<body style="margin:0;width:440px;height:280px;box-sizing:border-box;padding:28px 30px;background:#15181c;color:#e7e9ec;
      font:15px/1.45 system-ui,sans-serif;display:flex;flex-direction:column;justify-content:center;gap:14px">
    <div style="display:flex;align-items:center;gap:16px"><img alt="" width="72" height="72" src="data:image/png;base64,${icon}">
      <span style="font-size:34px;font-weight:700;letter-spacing:.01em">Dual Use</span></div>
    <p style="margin:0;color:#c9d1d9"></p></body>`);
  await board.locator('p').evaluate((node, text) => { node.textContent = text; }, extDescription?.message ?? '');
  await board.screenshot({ path: out });
  await board.close();
}

const fixtures = await serveFixtures();
const session = await launchChromium();
try {
  await shootPopup(session, fixtures, fixture, popupOut);
  console.log(popupOut);
  if (all) {
    await setLanguage(session, 'en');
    for (const scheme of ['light', 'dark'] as const) {
      const out = join(ROOT, `docs/timeline-${scheme}.png`);
      await shootTimeline(session, out, scheme);
      console.log(out);
    }
    await mkdir(join(ROOT, 'docs/store'), { recursive: true });
    for (const lang of ['en', 'fr'] as const) {
      await setLanguage(session, lang);
      const store = (name: string) => join(ROOT, `docs/store/${name}-${lang}.png`);
      await shootArticleWithPopup(session, fixtures, store('1-page-and-popup'), 'light');
      await shootTooltip(session, fixtures, store('2-tooltip'), 'light');
      await shootExplore(session, '#vendor=microsoft', store('3-timeline'), 'light', '#timeline-heading');
      await shootExplore(session, '', store('4-record'), 'dark');
      await shootOptions(session, store('5-filters'), 'light');
      await shootPromoTile(session, lang, join(ROOT, `docs/store/promo-440x280-${lang}.png`));
      console.log(store('*'));
    }
    await setLanguage(session, '');
  }
} finally {
  await session.close();
  await fixtures.close();
}
