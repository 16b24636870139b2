// "This page reports" in Chromium: the shared checks of reports.e2e.ts, then "Copy citation" puts the
// citation on the real clipboard (text and Markdown, announced to screen readers), the lookup opens on
// popup.html?q=…, and screenshots of the popup on the seed story in EN/FR × light/dark go to /tmp
// (POPUP_SCREENSHOTS=dir to change).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, openPopup, suiteWith, waitFor } from './harness';
import { playwrightPage } from './page-drivers';
import { defineReportChecks, readPopupInPage, type PopupReading, type ReportsEnv } from './reports.e2e';

const { session, fixtures } = suiteWith(async () => {
  // www.next.ink (a source's host) resolves to the fixture server; the URL keeps the server's port.
  const launched = await launchChromium(process.env.DUAL_USE_CHROME_BUILD, { extraArgs: ['--host-resolver-rules=MAP www.next.ink 127.0.0.1'] });
  await launched.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return launched;
});
const SCREENSHOTS = process.env.POPUP_SCREENSHOTS ?? '/tmp';

async function popupFor(pageUrl: string): Promise<Page> {
  const popup = await openPopup(session, await session.tabIdOf(pageUrl));
  await popup.waitForSelector('main[aria-busy="false"]');
  return popup;
}

const env = (): ReportsEnv => ({
  newPage: async () => playwrightPage(await session.context.newPage()),
  url: (path) => fixtures.url(path),
  sourceHostUrl: (path) => `http://www.next.ink:${new URL(fixtures.origin).port}${path}`,
  readPopup: async (pageUrl) => {
    const popup = await popupFor(pageUrl);
    try {
      return await popup.evaluate(readPopupInPage);
    } finally {
      await popup.close();
    }
  },
});

for (const [name, check] of defineReportChecks(env)) test(name, check);

/** The seed story open in a tab, its stories known to the background. */
async function openSeedStory(): Promise<{ page: Page; url: string }> {
  const page = await session.context.newPage();
  const url = fixtures.url('/seed-story.html');
  await page.goto(url);
  await waitFor(() => env().readPopup(url), (reading: PopupReading) => reading.story.length >= 3, 'the stories', 15_000);
  return { page, url };
}

test('Copy citation puts the finding’s citation on the clipboard, as text and as Markdown, and says so', async () => {
  const { page, url } = await openSeedStory();
  const popup = await popupFor(url);
  await popup.bringToFront();
  const article = popup.locator('.report-story article[data-finding="microsoft-idf-engineering-support-10m"]');
  await article.locator('button.copy-text').click();
  await popup.waitForFunction(() => document.getElementById('announce')?.textContent === 'Citation copied.');
  const text = await popup.evaluate(() => navigator.clipboard.readText());
  const lines = text.split('\n');
  assert.equal(lines[0], 'Israel\'s defence ministry bought about 19,000 hours of Microsoft engineering support — January 23, 2025 — Reported');
  assert.equal(lines[1], 'Sources:');
  assert.ok(lines.slice(2).every((line) => line.startsWith('- ')), text);
  assert.ok(lines.some((line) => /^- The Guardian, “Revealed: .+”, January 23, 2025, https:\/\/www\.theguardian\.com\/world\/2025\/jan\/23\/israeli-military-gaza-war-microsoft$/.test(line)), text);
  assert.ok(lines.some((line) => line.startsWith('- Next.ink, “') && line.endsWith(', January 28, 2025, https://next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/')), text);
  await article.locator('button.copy-markdown').click();
  await popup.waitForFunction(() => navigator.clipboard.readText().then((copied) => copied.startsWith('**')));
  const markdown = await popup.evaluate(() => navigator.clipboard.readText());
  assert.match(markdown.split('\n')[0] ?? '', /^\*\*Israel's defence ministry bought about 19,000 hours of Microsoft engineering support\*\* — January 23, 2025 — Reported$/);
  assert.match(markdown, /\n- The Guardian, “\[Revealed: .+\]\(<https:\/\/www\.theguardian\.com\/world\/2025\/jan\/23\/israeli-military-gaza-war-microsoft>\)”, January 23, 2025\n/);
  await popup.close();
  await page.close();
});

test('the context menu item on selected text exists (updating it succeeds; a made-up id fails)', async () => {
  const worker = session.serviceWorker;
  const update = (id: string) =>
    worker.evaluate(async (menuId) => {
      const api = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome;
      return api.contextMenus.update(menuId, {}).then(() => 'ok', (error: unknown) => String(error));
    }, id);
  assert.equal(await waitFor(() => update('dual-use-lookup'), (result) => result === 'ok', 'the lookup menu item'), 'ok');
  assert.notEqual(await update('no-such-item'), 'ok');
});

test('popup.html?q=… opens on the lookup (the context menu’s target)', async () => {
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl('popup.html?q=Rolling%20Stone'));
  await popup.waitForSelector('main[aria-busy="false"]');
  assert.equal(await popup.inputValue('#query'), 'Rolling Stone');
  assert.match((await popup.textContent('#results-count')) ?? '', /match “Rolling Stone”|matches “Rolling Stone”/);
  const names = await popup.$$eval('.company h3 > span:first-child', (nodes) => nodes.map((node) => node.textContent ?? ''));
  assert.ok(names.includes('Microsoft'), names.join(', '));
  await popup.close();
});

test('screenshots of the popup on the seed story in English and French, light and dark', async () => {
  const { page, url } = await openSeedStory();
  for (const lang of ['en', 'fr'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await popupFor(url);
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.emulateMedia({ colorScheme: scheme });
      if ((await popup.inputValue('#language')) !== lang) {
        await popup.selectOption('#language', lang);
        await popup.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
      }
      await popup.screenshot({ path: `${SCREENSHOTS}/dual-use-reports-${lang}-${scheme}.png` });
      // Further down: a finding's actions, then a company's rest of the record.
      await popup.evaluate(() => window.scrollTo(0, window.scrollY + (document.querySelector('.report-story .actions')?.getBoundingClientRect().top ?? 0) - 300));
      await popup.screenshot({ path: `${SCREENSHOTS}/dual-use-reports-${lang}-${scheme}-actions.png` });
      await popup.evaluate(() => window.scrollTo(0, window.scrollY + (document.querySelector('.company')?.getBoundingClientRect().top ?? 0) - 8));
      await popup.screenshot({ path: `${SCREENSHOTS}/dual-use-reports-${lang}-${scheme}-company.png` });
      await popup.close();
    }
  }
  const popup = await popupFor(url);
  await popup.selectOption('#language', '');
  await popup.waitForFunction(() => document.documentElement.lang === 'en');
  await popup.close();
  await page.close();
});
