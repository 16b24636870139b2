// Foundation: the built Chrome MV3 extension loads in Debian's Chromium, its service worker runs,
// and its popup and options pages render.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchChromium, openPopup, suiteWith, waitFor } from './harness';

const { session: chromiumSession, fixtures } = suiteWith(() => launchChromium());

test('the service worker of the extension is running', async () => {
  assert.match(chromiumSession.extensionId, /^[a-p]{32}$/);
  const manifest = await chromiumSession.serviceWorker.evaluate(() => {
    const api = (globalThis as unknown as { chrome: { runtime: { getManifest(): { manifest_version: number; name: string } } } }).chrome;
    return api.runtime.getManifest();
  });
  assert.equal(manifest.manifest_version, 3);
});

test('popup.html renders for a fixture tab without page errors', async () => {
  const article = await chromiumSession.context.newPage();
  await article.goto(fixtures.url('/index.html'));
  const tabId = await chromiumSession.tabIdOf(fixtures.url('/index.html'));
  const errors: string[] = [];
  const popup = await openPopup(chromiumSession, tabId);
  popup.on('pageerror', (error) => errors.push(String(error)));
  await popup.waitForLoadState('load');
  await popup.waitForFunction(() => (document.body.textContent ?? '').trim().length > 0);
  assert.match(await popup.title(), /Dual Use/);
  assert.deepEqual(errors, []);
  await popup.close();
  await article.close();
});

test('options.html renders without page errors', async () => {
  const errors: string[] = [];
  const page = await chromiumSession.context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(chromiumSession.extensionUrl('options.html'));
  await page.waitForFunction(() => (document.body.textContent ?? '').trim().length > 0);
  assert.match(await page.title(), /Dual Use/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the content script runs on a fixture page and answers the extension', async () => {
  const article = await chromiumSession.context.newPage();
  await article.goto(fixtures.url('/index.html'));
  const tabId = await chromiumSession.tabIdOf(fixtures.url('/index.html'));
  const blank = await chromiumSession.context.newPage();
  const blankId = await chromiumSession.tabIdOf('about:blank');
  // tabs.sendMessage rejects ("Receiving end does not exist") unless a content script listens in that tab.
  const reach = (id: number) =>
    chromiumSession.serviceWorker.evaluate(async (target) => {
      const api = (globalThis as unknown as {
        chrome: { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };
      }).chrome;
      return api.tabs.sendMessage(target, { type: 'refresh' }).then(() => 'answered', (error: Error) => error.message);
    }, id);
  // The background injects the script once the tab reports `complete`, so it answers shortly after load.
  await waitFor(() => reach(tabId), (answer) => answer === 'answered', 'the content script to answer');
  assert.notEqual(await reach(blankId), 'answered');
  await blank.close();
  await article.close();
});
