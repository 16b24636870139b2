// Badge and popup in Chromium: the badge counts the companies a fixture page names, the popup for that
// tab (popup.html?tab=<id>) lists them with https sources only, and the lookup finds Tsahal and Nimbus.
// Screenshots in EN/FR × light/dark go to /tmp (POPUP_SCREENSHOTS=dir to change).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, openPopup, readChromiumBadge, suiteWith } from './harness';

const { session, fixtures } = suiteWith(() => launchChromium(process.env.DUAL_USE_CHROME_BUILD));
const SCREENSHOTS = process.env.POPUP_SCREENSHOTS ?? '/tmp';

const readBadge = (tabId: number) => readChromiumBadge(session, tabId);

async function waitForBadge(tabId: number, expected: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = await readBadge(tabId);
  while (text !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = await readBadge(tabId);
  }
  return text;
}

async function openFixture(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(fixtures.url(path));
  return { page, tabId: await session.tabIdOf(fixtures.url(path)) };
}

async function companyNames(popup: Page): Promise<string[]> {
  return popup.$$eval('.company h3 > span:first-child', (nodes) => nodes.map((node) => node.textContent ?? ''));
}

async function waitForResults(popup: Page): Promise<void> {
  await popup.waitForSelector('main[aria-busy="false"]');
}

test('the badge counts the companies a page names, and is empty when it names none', async () => {
  const named = await openFixture('/popup-palantir-microsoft.html');
  assert.equal(await waitForBadge(named.tabId, '2'), '2');
  const plain = await openFixture('/popup-no-company.html');
  // Give the content script time to report (nothing) before reading.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await readBadge(plain.tabId), '');
  // The state survives a sleeping service worker: it is mirrored to storage.session.
  const persisted = await session.serviceWorker.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome;
    const tabs = (await api.storage.session.get('tabs')).tabs as Record<string, { mentions: Array<{ vendor: string }> }> | undefined;
    return tabs?.[String(id)]?.mentions.map((mention) => mention.vendor).sort() ?? null;
  }, named.tabId);
  assert.deepEqual(persisted, ['microsoft', 'palantir']);
  await named.page.close();
  await plain.page.close();
});

test('the popup for a tab lists its companies, why, and https sources only', async () => {
  const { page, tabId } = await openFixture('/popup-palantir-microsoft.html');
  await waitForBadge(tabId, '2');
  const errors: string[] = [];
  const popup = await openPopup(session, tabId);
  popup.on('pageerror', (error) => errors.push(String(error)));
  await waitForResults(popup);
  assert.deepEqual((await companyNames(popup)).sort(), ['Microsoft', 'Palantir']);
  const reasons = await popup.$$eval('.reasons li', (nodes) => nodes.map((node) => node.textContent ?? ''));
  assert.ok(reasons.some((reason) => /“Azure” mentioned \d+ times/.test(reason)), `reasons: ${reasons.join(' / ')}`);
  const links = await popup.$$eval('.sources a', (nodes) =>
    nodes.map((node) => ({ href: (node as HTMLAnchorElement).href, rel: node.getAttribute('rel'), target: node.getAttribute('target') })),
  );
  assert.ok(links.length > 0, 'sources are listed');
  for (const link of links) {
    assert.match(link.href, /^https:\/\//);
    assert.equal(link.rel, 'noopener noreferrer');
    assert.equal(link.target, '_blank');
  }
  assert.equal(await popup.locator('h1').count(), 1);
  assert.ok((await popup.locator('h3').count()) >= 2, 'one heading per company');
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});

test('the lookup finds companies by army and by programme, instantly and without accents', async () => {
  const popup = await openPopup(session);
  await waitForResults(popup);
  for (const [query, expected] of [
    ['Tsahal', 'Microsoft'],
    ['nimbus', 'Google'],
    ['8200', 'Microsoft'],
    ['AWS', 'Amazon'],
    ['armee israelienne', 'Microsoft'],
  ] as const) {
    await popup.fill('#query', query);
    const names = await companyNames(popup);
    assert.ok(names.includes(expected), `"${query}" lists ${expected}: got ${names.join(', ')}`);
    assert.match((await popup.textContent('#results-count')) ?? '', /match/);
  }
  await popup.fill('#query', 'zzzz-nothing');
  assert.deepEqual(await companyNames(popup), []);
  await popup.close();
});

test('switching the site off from the popup clears its mentions and badge; on again restores them', async () => {
  const { page, tabId } = await openFixture('/popup-palantir-microsoft.html');
  assert.equal(await waitForBadge(tabId, '2'), '2');
  const popup = await openPopup(session, tabId);
  await waitForResults(popup);
  assert.equal(await popup.isChecked('#site-switch'), true);
  await popup.click('#site-switch');
  assert.equal(await waitForBadge(tabId, ''), '');
  await popup.click('#site-switch');
  assert.equal(await waitForBadge(tabId, '2'), '2');
  await popup.close();
  await page.close();
});

test('screenshots in English and French, light and dark', async () => {
  const { page, tabId } = await openFixture('/popup-palantir-microsoft.html');
  await waitForBadge(tabId, '2');
  for (const lang of ['en', 'fr'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openPopup(session, tabId);
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.emulateMedia({ colorScheme: scheme });
      await waitForResults(popup);
      if ((await popup.inputValue('#language')) !== lang) {
        await popup.selectOption('#language', lang);
        await popup.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
      }
      await popup.screenshot({ path: `${SCREENSHOTS}/dual-use-popup-${lang}-${scheme}.png` });
      await popup.close();
    }
  }
  // Back to following the browser, as a fresh profile would.
  const popup = await openPopup(session, tabId);
  await waitForResults(popup);
  await popup.selectOption('#language', '');
  await popup.waitForFunction(() => document.documentElement.lang === 'en');
  await popup.close();
  await page.close();
});
