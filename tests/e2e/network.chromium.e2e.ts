// Privacy (issue 8): the extension makes no request of its own. While it browses fixture pages and
// its popup and options pages are open, two independent witnesses must stay silent:
//  1. Playwright's request events (pages, extension pages and the service worker): every URL must be
//     the local fixture server or the extension's own chrome-extension:// files;
//  2. a recording proxy set as Chromium's --proxy-server: nothing at all may leave loopback.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  launchChromium, openPopup, serveFixtures, startRecordingProxy,
  type ChromiumSession, type FixtureServer, type RecordingProxy,
} from './harness';

let chromiumSession: ChromiumSession;
let fixtures: FixtureServer;
let proxy: RecordingProxy;
const requests: string[] = [];

before(async () => {
  fixtures = await serveFixtures();
  proxy = await startRecordingProxy();
  chromiumSession = await launchChromium(undefined, {
    extraArgs: [`--proxy-server=http://${proxy.address}`, '--proxy-bypass-list=<-loopback>'],
  });
  chromiumSession.context.on('request', (request) => requests.push(request.url()));
  chromiumSession.serviceWorker.on('console', () => undefined);
});

after(async () => {
  await chromiumSession?.close();
  await proxy?.close();
  await fixtures?.close();
});

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

test('browsing a page and opening the popup and options sends nothing beyond the fixture server', async () => {
  const article = await chromiumSession.context.newPage();
  await article.goto(fixtures.url('/index.html'));
  await pause(1500); // let the content script scan and report
  const tabId = await chromiumSession.tabIdOf(fixtures.url('/index.html'));
  const popup = await openPopup(chromiumSession, tabId);
  await popup.waitForLoadState('load');
  await pause(1000);
  const options = await chromiumSession.context.newPage();
  await options.goto(chromiumSession.extensionUrl('options.html'));
  await options.waitForLoadState('load');
  await pause(1000);
  await article.reload();
  await pause(1000);

  const ownOrigin = `chrome-extension://${chromiumSession.extensionId}/`;
  const foreign = requests.filter(
    (url) => !url.startsWith(`${fixtures.origin}/`) && !url.startsWith(ownOrigin) && !/^(data|blob):/.test(url),
  );
  assert.deepEqual(foreign, [], 'requests to anywhere but the fixture server or the extension itself');
  assert.deepEqual(proxy.seen, [], 'requests that tried to leave the machine');
  // The witnesses are live: they saw the fixture page and the extension's own pages.
  assert.ok(requests.includes(fixtures.url('/index.html')), 'the fixture page request was recorded');
  assert.ok(requests.some((url) => url.startsWith(`${ownOrigin}popup.html`)), 'the popup request was recorded');
});

test('the recording proxy does see a request that leaves loopback', async () => {
  // Proves witness 2 can fail: a page asking for a non-loopback address goes through the proxy.
  const page = await chromiumSession.context.newPage();
  await page.goto('http://example.invalid/probe').catch(() => undefined);
  assert.ok(proxy.seen.some((line) => line.includes('example.invalid')), `proxy saw: ${proxy.seen.join(', ')}`);
  proxy.seen.length = 0;
  await page.close();
});
