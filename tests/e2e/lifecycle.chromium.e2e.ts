// Extension life cycle in Chromium (issue 8): the shipped content script never announces itself to pages;
// a stopped service worker loses no tab state; after a reload (what an update does) the new content
// script takes over the open tabs from the old one, which stays silent; private-window tabs are never written down;
// a page back from the back-forward cache (on here, as in a reader's browser) has its marks, badge and popup back.
// The reload tests run last: they replace the extension's worker for the rest of the file.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page, Worker } from 'playwright-core';
import { readHighlights } from './annotate.e2e';
import { playwrightPage } from './page-drivers';
import {
  allowChromiumIncognito,
  CHROME_BUILD,
  dumpIndexedDbInPage,
  FIREFOX_BUILD,
  launchChromium,
  openPopup,
  readChromiumBadge,
  reloadChromiumExtension,
  runningChromiumWorker,
  stopChromiumServiceWorker,
  suiteWith,
  waitFor,
} from './harness';

const { session, fixtures } = suiteWith(() => launchChromium(undefined, { backForwardCache: true }));

type Chrome = {
  action: { getBadgeText(d: { tabId: number }): Promise<string>; setBadgeText(d: { tabId: number; text: string }): Promise<void> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  windows: { create(d: { url: string; incognito: boolean }): Promise<{ tabs?: Array<{ id?: number }> }> };
};


const readBadge = (tabId: number) => readChromiumBadge(session, tabId);

/** storage.session's copy of the tab records (what a restarted worker rebuilds from). */
async function readStoredTabs(worker: Worker): Promise<Record<string, { url: string; mentions: Array<{ vendor: string }> }>> {
  return worker.evaluate(async () => {
    const stored = (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get('tabs')).tabs;
    return (stored ?? {}) as Record<string, { url: string; mentions: Array<{ vendor: string }> }>;
  });
}


/** Uncaught errors and console errors on a page, from the page or from the content script (missing favicons aside). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** What the popup shows for a tab: each company with its reasons and finding titles. */
async function readPopup(tabId: number): Promise<string[]> {
  const popup = await openPopup(session, tabId);
  try {
    await popup.waitForSelector('main[aria-busy="false"]');
    return await popup.$$eval('.company', (sections) => sections.map((section) => [
      section.querySelector('h3 > span')?.textContent ?? '',
      ...[...section.querySelectorAll('.reasons li, .finding h4')].map((node) => node.textContent ?? ''),
    ].join(' | ')));
  } finally {
    await popup.close();
  }
}

const ARTICLE_MARKS = 5;

test('the shipped content script never tells the page it is there (no dual-use:started or :idle), nor stores anything', async () => {
  for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
    const code = await readFile(join(build, 'content-scripts/annotate.js'), 'utf8');
    assert.ok(!code.includes('dual-use:'), `${build}: the bench-only events are compiled out`);
    for (const storage of [/\blocalStorage\b/, /\bsessionStorage\b/, /\bindexedDB\b/, /document\.cookie/, /\.storage\.(local|session|sync)\b/]) {
      assert.doesNotMatch(code, storage, `${build}: the content script keeps nothing (${storage})`);
    }
  }
  const page = await session.context.newPage();
  try {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      for (const target of [document, window]) {
        for (const type of ['dual-use:started', 'dual-use:idle']) target.addEventListener(type, (event) => seen.push(event.type), true);
      }
    });
    await page.goto(fixtures.url('/annotate-article.html'));
    await waitFor(() => readHighlights(playwrightPage(page)), (m) => m.length >= ARTICLE_MARKS, 'marks');
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Later: Oracle.' })));
    await waitFor(() => readHighlights(playwrightPage(page)), (m) => m.includes('Oracle'), 'the late mention');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen), []);
  } finally {
    await page.close();
  }
});

/** Opens the fixture that names Palantir and Microsoft, once its badge says 2; its tab id. */
async function openTwoCompanies(page: Page): Promise<number> {
  const url = fixtures.url('/popup-palantir-microsoft.html');
  await page.goto(url);
  const tabId = await session.tabIdOf(url);
  assert.equal(await waitFor(() => readBadge(tabId), (t) => t === '2', 'the badge'), '2');
  return tabId;
}

test('a stopped service worker comes back with the same findings and badge for a tab', async () => {
  const page = await session.context.newPage();
  try {
    const tabId = await openTwoCompanies(page);
    const before = await readPopup(tabId);
    assert.deepEqual(before.map((line) => line.split(' | ')[0]).sort(), ['Microsoft', 'Palantir']);
    const oldWorker = await runningChromiumWorker(session);
    await waitFor(() => readStoredTabs(oldWorker), (tabs) => String(tabId) in tabs, 'the tab in storage.session');
    await oldWorker.evaluate(() => void ((globalThis as unknown as { __old: boolean }).__old = true));

    await stopChromiumServiceWorker(session);
    // The popup's message wakes a fresh worker, which has only storage.session to answer from.
    assert.deepEqual(await readPopup(tabId), before);
    const worker = await runningChromiumWorker(session);
    assert.equal(await worker.evaluate(() => (globalThis as unknown as { __old?: boolean }).__old ?? false), false, 'a new worker answered');
    // The badge is kept by the browser; make the new worker compute it again from what it restored.
    await worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.setBadgeText({ tabId: id, text: '' }), tabId);
    await page.evaluate(() => void (location.hash = 'after-restart'));
    assert.equal(await waitFor(() => readBadge(tabId), (t) => t === '2', 'the badge computed again'), '2');
  } finally {
    await page.close();
  }
});

test('a page back from the back-forward cache has its marks, badge and popup back at once', async () => {
  const page = await session.context.newPage();
  try {
    const tabId = await openTwoCompanies(page);
    const marks = await waitFor(() => readHighlights(playwrightPage(page)), (m) => m.length >= 2, 'marks');
    const before = await readPopup(tabId);
    await page.evaluate(() => void ((window as unknown as { __kept: boolean }).__kept = true));
    await page.goto(fixtures.url('/annotate-article.html'));
    await waitFor(() => readHighlights(playwrightPage(page)), (m) => m.length >= ARTICLE_MARKS, 'the next page\'s marks');
    await page.goBack({ waitUntil: 'commit' });
    assert.equal(await page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept ?? false), true, 'restored from the cache, not loaded again');
    // Sooner than the 2 s after which a page that stays after beforeunload is painted again.
    const again = await waitFor(() => readHighlights(playwrightPage(page)), (m) => m.length === marks.length, 'the marks back', 1_500);
    assert.deepEqual([...again].sort(), [...marks].sort());
    assert.equal(await waitFor(() => readBadge(tabId), (t) => t === '2', 'the badge back'), '2');
    assert.deepEqual(await readPopup(tabId), before);
  } finally {
    await page.close();
  }
});

/** Every tooltip element on the page and whether it shows, with the start of its text. */
const readTooltips = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('dual-use-tooltip')].map((host) =>
    `${getComputedStyle(host).display}: ${(host.shadowRoot?.querySelector('.card')?.textContent ?? '').slice(0, 40)}`));

test('after the extension reloads, the open tabs keep no dead tooltip or marks and the new script works alone', async () => {
  const article = await session.context.newPage();
  const late = await session.context.newPage();
  const articleErrors = collectErrors(article);
  const lateErrors = collectErrors(late);
  try {
    await article.goto(fixtures.url('/annotate-article.html?tooltip'));
    await late.goto(fixtures.url('/annotate-article.html?late'));
    const marks = await waitFor(() => readHighlights(playwrightPage(article)), (m) => m.length >= ARTICLE_MARKS, 'marks');
    await waitFor(() => readHighlights(playwrightPage(late)), (m) => m.length >= ARTICLE_MARKS, 'marks (second tab)');
    await article.keyboard.press('Alt+Shift+KeyU');
    await waitFor(() => readTooltips(article), (t) => t.length === 1 && t[0]!.startsWith('block'), 'the tooltip open');

    await reloadChromiumExtension(session);
    // The worker injects the new content script into the open tabs (as into any page it sees load):
    // it removes what the old one left, whose listeners stay silent, and reads the page again.
    await waitFor(() => readTooltips(article), (t) => t.every((line) => line.startsWith('none')), 'the old tooltip gone');
    assert.deepEqual((await waitFor(() => readHighlights(playwrightPage(article)), (m) => m.length >= ARTICLE_MARKS, 'marks again')).sort(), [...marks].sort());
    assert.deepEqual(await readHighlights(playwrightPage(article), 'dual-use-current'), [], 'no current mark left over');
    await article.keyboard.press('Alt+Shift+KeyU');
    const shown = await waitFor(() => readTooltips(article), (t) => t.some((line) => /^block: .*finding/.test(line)), 'a tooltip from the new script');
    assert.equal(shown.length, 1, `one tooltip element: ${shown.join(' / ')}`);
    await article.evaluate(() => history.pushState({}, '', '#second-view'));
    assert.equal(await article.evaluate(() => document.body.innerHTML === (window as unknown as { __initialBody: string }).__initialBody), true, 'the page DOM is intact');

    await waitFor(() => readHighlights(playwrightPage(late)), (m) => m.length >= ARTICLE_MARKS, 'marks again (second tab)');
    await late.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Late news: Oracle signed.' })));
    const after = await waitFor(() => readHighlights(playwrightPage(late)), (m) => m.includes('Oracle'), 'the late mention, marked by the new script');
    assert.equal(after.filter((text) => text === 'Oracle').length, marks.filter((text) => text === 'Oracle').length + 1, 'marked once');
    // Longer than the hover delay, a frame, a slice and the mention report: the old script stays silent.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(articleErrors, [], 'no errors (first tab)');
    assert.deepEqual(lateErrors, [], 'no errors (second tab)');

    // The reloaded extension annotates pages loaded from now on.
    const fresh = await session.context.newPage();
    const freshErrors = collectErrors(fresh);
    await fresh.goto(fixtures.url('/annotate-article.html?fresh'));
    await waitFor(() => readHighlights(playwrightPage(fresh)), (m) => m.length >= ARTICLE_MARKS, 'marks from the reloaded extension');
    assert.deepEqual(freshErrors, []);
    await fresh.close();
  } finally {
    await article.close();
    await late.close();
  }
});

test('tabs of a private window are never written to storage.session or IndexedDB', async () => {
  await allowChromiumIncognito(session);

  const normalUrl = fixtures.url('/popup-palantir-microsoft.html?normal-window');
  const privateUrl = fixtures.url('/popup-palantir-microsoft.html?private-window');
  const page = await session.context.newPage();
  try {
    await page.goto(normalUrl);
    const normalTab = await session.tabIdOf(normalUrl);
    await waitFor(() => readBadge(normalTab), (t) => t === '2', 'the normal tab badge');
    const worker = await runningChromiumWorker(session);
    const privateTab = await worker.evaluate(async (url) => {
      const window = await (globalThis as unknown as { chrome: Chrome }).chrome.windows.create({ url, incognito: true });
      return window.tabs?.[0]?.id ?? null;
    }, privateUrl);
    assert.ok(privateTab !== null, 'a private window opened');
    // The content script ran there and the background counted it (in memory)...
    assert.equal(await waitFor(() => readBadge(privateTab), (t) => t === '2', 'the private tab badge'), '2');
    // ...then the normal tab moves on, which makes the store write again (after any coalescing delay).
    const laterUrl = fixtures.url('/popup-no-company.html?normal-window-later');
    await page.goto(laterUrl);
    await waitFor(() => readStoredTabs(worker), (tabs) => tabs[String(normalTab)]?.url === laterUrl, 'the normal tab written');
    const stored = await readStoredTabs(worker);
    assert.ok(!(String(privateTab) in stored), 'the private tab is not in storage.session');
    assert.ok(!JSON.stringify(stored).includes('private-window'), 'no private URL in storage.session');
    const databases = await worker.evaluate(dumpIndexedDbInPage);
    assert.ok(databases.length > 0, 'the extension database was read');
    for (const entry of databases) assert.ok(!entry.includes('private-window'), `no private URL in ${entry.slice(0, 60)}`);
  } finally {
    await page.close();
  }
});
