// Privacy (issue 8) in Firefox: while the extension browses a fixture page and its popup and options
// pages are open, nothing leaves loopback. Firefox sends every non-loopback request through a
// recording proxy (preferences set at launch), so any request of the extension's would be seen.
// Firefox gives no per-request attribution here, so only its Remote Settings host is set aside.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  firefoxProxyPrefs, gotoFirefoxExtensionPage, launchFirefox, openFirefoxPopup, serveFixtures, startRecordingProxy,
  type FirefoxSession, type FixtureServer, type RecordingProxy,
} from './harness';

let firefoxSession: FirefoxSession;
let fixtures: FixtureServer;
let proxy: RecordingProxy;

before(async () => {
  fixtures = await serveFixtures();
  proxy = await startRecordingProxy();
  firefoxSession = await launchFirefox(undefined, { extraPrefs: firefoxProxyPrefs(proxy.address) });
});

after(async () => {
  await firefoxSession?.close();
  await proxy?.close();
  await fixtures?.close();
});

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

// Firefox's own housekeeping (Remote Settings sync), which it sends whatever the extension does.
// An extension request to any other host, or any plain-HTTP request, is still caught.
const FIREFOX_OWN_HOSTS = new Set(['firefox.settings.services.mozilla.com']);

/** Requests at the proxy that are not Firefox's own housekeeping. */
function requestsNotFromFirefoxItself(seen: string[]): string[] {
  return seen.filter((line) => {
    const connect = /^CONNECT ([^:]+):\d+$/.exec(line);
    return !(connect && FIREFOX_OWN_HOSTS.has(connect[1] ?? ''));
  });
}

test('browsing a page and opening the popup, options and explore pages sends nothing off the machine', async () => {
  const article = await firefoxSession.browser.newPage();
  await article.goto(fixtures.url('/index.html'));
  await pause(1500);
  const tabId = await firefoxSession.tabIdOf(fixtures.url('/index.html'));
  const popup = await openFirefoxPopup(firefoxSession, tabId);
  await pause(1000);
  const options = await firefoxSession.browser.newPage();
  await gotoFirefoxExtensionPage(options, firefoxSession.extensionUrl('options.html'));
  await pause(1000);
  const explore = await firefoxSession.browser.newPage();
  await gotoFirefoxExtensionPage(explore, firefoxSession.extensionUrl('explore.html#vendor=microsoft'));
  await pause(500);
  await article.reload();
  await pause(1000);
  assert.deepEqual(requestsNotFromFirefoxItself(proxy.seen), [], 'requests that tried to leave the machine');
  assert.ok(fixtures.requested.includes('/index.html'), 'the fixture page was served directly');
  await popup.close();
  await options.close();
  await explore.close();
});

test('the proxy does see a request a page sends off the machine', async () => {
  // Proves the check above can fail.
  const page = await firefoxSession.browser.newPage();
  await page.goto(fixtures.url('/index.html'));
  await page.evaluate(() => fetch('http://example.invalid/probe-from-page', { mode: 'no-cors' }).then(() => 'sent', () => 'refused'));
  await pause(300);
  const caught = requestsNotFromFirefoxItself(proxy.seen);
  assert.ok(caught.some((line) => line.includes('probe-from-page')), `proxy saw: ${caught.join(', ')}`);
  await page.close();
});

test("the extension's content security policy stops a fetch from its own pages", async () => {
  const page = await firefoxSession.browser.newPage();
  await gotoFirefoxExtensionPage(page, firefoxSession.extensionUrl('options.html'));
  const outcome = await page.evaluate(() =>
    fetch('http://example.invalid/probe-from-extension').then(() => 'sent', (error: Error) => `refused: ${error.message}`),
  );
  await pause(300);
  assert.match(outcome, /^refused/);
  assert.ok(!proxy.seen.some((line) => line.includes('probe-from-extension')), 'the extension fetch reached the network');
  await page.close();
});
