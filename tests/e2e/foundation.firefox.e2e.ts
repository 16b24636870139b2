// Foundation: the built Firefox MV3 extension installs in Firefox ESR as a temporary add-on,
// its pages render at the moz-extension:// UUID we assigned, and it can see a fixture tab.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIREFOX_ADDON_ID, gotoFirefoxExtensionPage, launchFirefox, openFirefoxPopup, suiteWith, waitFor } from './harness';

const { session: firefoxSession, fixtures } = suiteWith(() => launchFirefox());

test('the add-on installs under its gecko id', () => {
  assert.equal(firefoxSession.extensionId, FIREFOX_ADDON_ID);
});

test('popup.html renders for a fixture tab', async () => {
  const article = await firefoxSession.browser.newPage();
  await article.goto(fixtures.url('/index.html'));
  const tabId = await firefoxSession.tabIdOf(fixtures.url('/index.html'));
  const popup = await openFirefoxPopup(firefoxSession, tabId);
  await popup.waitForFunction(() => (document.body.textContent ?? '').trim().length > 0);
  assert.match(await popup.title(), /Dual Use/);
  const manifestVersion = await popup.evaluate(() => {
    const api = (globalThis as unknown as { browser: { runtime: { getManifest(): { manifest_version: number } } } }).browser;
    return api.runtime.getManifest().manifest_version;
  });
  assert.equal(manifestVersion, 3);
  await popup.close();
  await article.close();
});

test('options.html renders', async () => {
  const page = await firefoxSession.browser.newPage();
  await gotoFirefoxExtensionPage(page, firefoxSession.extensionUrl('options.html'));
  await page.waitForFunction(() => (document.body.textContent ?? '').trim().length > 0);
  assert.match(await page.title(), /Dual Use/);
  await page.close();
});

test('the content script runs on a fixture page and answers the extension', async () => {
  const article = await firefoxSession.browser.newPage();
  await article.goto(fixtures.url('/index.html'));
  const tabId = await firefoxSession.tabIdOf(fixtures.url('/index.html'));
  const popup = await openFirefoxPopup(firefoxSession, tabId);
  // tabs.sendMessage rejects ("Receiving end does not exist") unless a content script listens in that tab.
  const reach = (id: number) =>
    popup.evaluate(async (target: number) => {
      const api = (globalThis as unknown as {
        browser: { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };
      }).browser;
      return api.tabs.sendMessage(target, { type: 'refresh' }).then(() => 'answered', (error: Error) => error.message);
    }, id);
  // The background injects the script once the tab reports `complete`, so it answers shortly after load.
  await waitFor(() => reach(tabId), (answer) => answer === 'answered', 'the content script to answer');
  // And the check can fail: a tab the content script cannot run in (about:blank) does not answer.
  const blank = await firefoxSession.browser.newPage();
  const blankId = await firefoxSession.tabIdOf('about:blank');
  assert.notEqual(await reach(blankId), 'answered');
  await blank.close();
  await popup.close();
  await article.close();
});
