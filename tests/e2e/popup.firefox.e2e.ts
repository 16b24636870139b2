// Badge and popup in Firefox ESR: the same contract as in Chromium (badge counts the companies a page
// names; popup.html?tab=<id> lists them; the lookup finds Tsahal).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchFirefox, openFirefoxPopup, suiteWith } from './harness';

const { session, fixtures } = suiteWith(() => launchFirefox(process.env.DUAL_USE_FIREFOX_BUILD));

test('badge, popup for a tab and lookup', async () => {
  const url = fixtures.url('/popup-palantir-microsoft.html');
  const page = await session.browser.newPage();
  await page.goto(url);
  const tabId = await session.tabIdOf(url);
  const probe = await openFirefoxPopup(session, tabId);
  const readBadge = () =>
    probe.evaluate(async (id: number) => {
      const api = (globalThis as unknown as { browser: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).browser;
      return api.action.getBadgeText({ tabId: id });
    }, tabId);
  const deadline = Date.now() + 10_000;
  let badge = await readBadge();
  while (badge !== '2' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    badge = await readBadge();
  }
  assert.equal(badge, '2');

  await probe.close();

  // Opened after the page reported its mentions, so it shows them.
  const popup = await openFirefoxPopup(session, tabId);
  await popup.waitForSelector('main[aria-busy="false"]');
  const names = await popup.$$eval('.company h3 > span:first-child', (nodes) => nodes.map((node) => node.textContent ?? ''));
  assert.deepEqual(names.sort(), ['Microsoft', 'Palantir']);
  const hrefs = await popup.$$eval('.sources a', (nodes) => nodes.map((node) => (node as HTMLAnchorElement).href));
  assert.ok(hrefs.length > 0 && hrefs.every((href) => href.startsWith('https://')));

  await popup.type('#query', 'Tsahal');
  assert.match((await popup.$eval('#results-count', (node) => node.textContent)) ?? '', /match/);
  await popup.close();
  await page.close();
});
