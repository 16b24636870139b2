// Extension life cycle in Firefox ESR (issue 8): after a reload (what an update does) the page keeps no dead
// tooltip or marks of the old content script and the new one takes over alone; with "Run in Private Windows"
// granted, a private window's tab is annotated and counted, but never written to storage.session or IndexedDB;
// a page back from the back-forward cache has its marks and badge back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { readHighlights } from './annotate.e2e';
import { puppeteerPage } from './page-drivers';
import { allowFirefoxPrivateBrowsing, dumpIndexedDbInPage, gotoFirefoxExtensionPage, launchFirefox, reloadFirefoxAddon, suiteWith, waitFor } from './harness';

const { session, fixtures } = suiteWith(() => launchFirefox());

type Browser = {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  windows: { create(d: { url: string; incognito: boolean }): Promise<{ tabs?: Array<{ id?: number }> }> };
};


const readBadge = (ext: Page, tabId: number) =>
  ext.evaluate((id: number) => (globalThis as unknown as { browser: Browser }).browser.action.getBadgeText({ tabId: id }), tabId);

const readStoredTabs = (ext: Page) =>
  ext.evaluate(async () => {
    const stored = (await (globalThis as unknown as { browser: Browser }).browser.storage.session.get('tabs')).tabs;
    return (stored ?? {}) as Record<string, { url: string }>;
  });


/** Every tooltip element on the page and whether it shows, with the start of its text. */
const readTooltips = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('dual-use-tooltip')].map((host) =>
    `${getComputedStyle(host).display}: ${(host.shadowRoot?.querySelector('.card')?.textContent ?? '').slice(0, 40)}`));

async function pressNextMark(page: Page): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyU');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

test('after the add-on reloads, the page keeps no dead tooltip or marks and the new script works alone', async () => {
  const page = await session.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('favicon')) errors.push(`console: ${message.text()}`);
  });
  try {
    await page.goto(fixtures.url('/annotate-article.html'), { waitUntil: 'load' });
    const marks = await waitFor(() => readHighlights(puppeteerPage(page)), (m) => m.length >= 5, 'marks');
    await pressNextMark(page);
    await waitFor(() => readTooltips(page), (t) => t.length === 1 && t[0]!.startsWith('block'), 'the tooltip open');

    await reloadFirefoxAddon(session);
    // Firefox runs the new content script in the open tab; the old one's sandbox is gone.
    await waitFor(() => readTooltips(page), (t) => t.every((line) => line.startsWith('none')), 'the old tooltip gone');
    assert.deepEqual((await waitFor(() => readHighlights(puppeteerPage(page)), (m) => m.length >= 5, 'marks again')).sort(), [...marks].sort());
    assert.deepEqual(await readHighlights(puppeteerPage(page), 'dual-use-current'), [], 'no current mark left over');
    await pressNextMark(page);
    const shown = await waitFor(() => readTooltips(page), (t) => t.some((line) => /^block: .*finding/.test(line)), 'a tooltip from the new script');
    assert.equal(shown.length, 1, `one tooltip element: ${shown.join(' / ')}`);
    assert.equal(await page.evaluate(() => document.body.innerHTML === (window as unknown as { __initialBody: string }).__initialBody), true, 'the page DOM is intact');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

/** Opens a URL of the fixture that names Palantir and Microsoft, once its badge says 2; its tab id. */
async function openTwoCompanies(page: Page, ext: Page, url: string): Promise<number> {
  await page.goto(url);
  const tabId = await session.tabIdOf(url);
  await waitFor(() => readBadge(ext, tabId), (t) => t === '2', 'the badge');
  return tabId;
}

test('a page back from the back-forward cache has its marks and badge back', async () => {
  const ext = await session.browser.newPage();
  await gotoFirefoxExtensionPage(ext, session.extensionUrl('popup.html'));
  const url = fixtures.url('/popup-palantir-microsoft.html?back-forward');
  const page = await session.browser.newPage();
  try {
    const tabId = await openTwoCompanies(page, ext, url);
    const marks = await waitFor(() => readHighlights(puppeteerPage(page)), (m) => m.length >= 2, 'marks');
    await page.evaluate(() => void ((window as unknown as { __kept: boolean }).__kept = true));
    await page.goto(fixtures.url('/annotate-article.html'));
    await waitFor(() => readBadge(ext, tabId), (t) => t !== '2' && t !== '', 'the next page\'s badge');
    await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }).catch(() => undefined), page.goBack().catch(() => undefined)]);
    await waitFor(() => page.evaluate(() => location.href), (href) => href === url, 'the page back');
    assert.equal(await page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept ?? false), true, 'restored from the cache, not loaded again');
    assert.equal(await waitFor(() => readBadge(ext, tabId), (t) => t === '2', 'the badge back'), '2');
    assert.deepEqual([...(await readHighlights(puppeteerPage(page)))].sort(), [...marks].sort());
  } finally {
    await page.close();
    await ext.close();
  }
});

test('tabs of a private window are never written to storage.session or IndexedDB', async () => {
  await allowFirefoxPrivateBrowsing(session);
  const ext = await session.browser.newPage();
  await gotoFirefoxExtensionPage(ext, session.extensionUrl('popup.html'));
  assert.equal(await ext.evaluate(() => (globalThis as unknown as { browser: Browser }).browser.extension.isAllowedIncognitoAccess()), true);

  const normalUrl = fixtures.url('/popup-palantir-microsoft.html?normal-window');
  const privateUrl = fixtures.url('/popup-palantir-microsoft.html?private-window');
  const page = await session.browser.newPage();
  try {
    const normalTab = await openTwoCompanies(page, ext, normalUrl);
    const privateTab = await ext.evaluate(async (url: string) => {
      const window = await (globalThis as unknown as { browser: Browser }).browser.windows.create({ url, incognito: true });
      return window.tabs?.[0]?.id ?? null;
    }, privateUrl);
    assert.ok(privateTab !== null, 'a private window opened');
    // The content script ran there and the background counted it (in memory)...
    assert.equal(await waitFor(() => readBadge(ext, privateTab), (t) => t === '2', 'the private tab badge'), '2');
    // ...then the normal tab moves on, which makes the store write again (after any coalescing delay).
    const laterUrl = fixtures.url('/popup-no-company.html?normal-window-later');
    await page.goto(laterUrl);
    await waitFor(() => readStoredTabs(ext), (tabs) => tabs[String(normalTab)]?.url === laterUrl, 'the normal tab written');
    const stored = await readStoredTabs(ext);
    assert.ok(!(String(privateTab) in stored), 'the private tab is not in storage.session');
    assert.ok(!JSON.stringify(stored).includes('private-window'), 'no private URL in storage.session');
    const databases = await ext.evaluate(dumpIndexedDbInPage);
    assert.ok(databases.length > 0, 'the extension database was read');
    for (const entry of databases) assert.ok(!entry.includes('private-window'), `no private URL in ${entry.slice(0, 60)}`);
  } finally {
    await page.close();
    await ext.close();
  }
});
