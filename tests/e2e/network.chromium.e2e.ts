// Privacy (issue 8): the extension makes no request of its own. While it browses fixture pages and
// its popup, options and explore pages are open, two independent witnesses must stay silent:
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
    // Chromium sends loopback (the fixture server) direct and everything else to the proxy.
    extraArgs: [`--proxy-server=http://${proxy.address}`],
  });
  chromiumSession.context.on('request', (request) => requests.push(request.url()));
});

after(async () => {
  await chromiumSession?.close();
  await proxy?.close();
  await fixtures?.close();
});

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

// Chromium's own housekeeping, which it sends even with background networking disabled (component
// and extension update checks, account sign-in probes). Witness 1 attributes requests to pages and
// workers and has no such exception; this list only keeps the browser's own traffic out of witness 2.
const CHROMIUM_OWN_HOSTS = new Set([
  'update.googleapis.com',
  'accounts.google.com',
  'clients2.google.com',
  'clients2.googleusercontent.com',
  'optimizationguide-pa.googleapis.com',
  'content-autofill.googleapis.com',
]);

/** Host of a proxy log line: "CONNECT host:443" or "GET http://host/path". */
function hostOf(line: string): string {
  const target = line.slice(line.indexOf(' ') + 1);
  return target.includes('://') ? new URL(target).hostname : target.replace(/:\d+$/, '');
}

test('browsing a page and opening the popup, options and explore pages sends nothing beyond the fixture server', async () => {
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
  const explore = await chromiumSession.context.newPage();
  await explore.goto(chromiumSession.extensionUrl('explore.html#vendor=microsoft'));
  await explore.waitForSelector('main[aria-busy="false"]');
  await explore.click('#export-csv');
  await explore.goto(chromiumSession.extensionUrl('explore.html#finding=microsoft-azure-idf-units-2023-2025'));
  await pause(500);
  await article.reload();
  await pause(1000);

  const ownOrigin = `chrome-extension://${chromiumSession.extensionId}/`;
  const foreign = requests.filter(
    (url) => !url.startsWith(`${fixtures.origin}/`) && !url.startsWith(ownOrigin) && !/^(data|blob):/.test(url),
  );
  assert.deepEqual(foreign, [], 'requests to anywhere but the fixture server or the extension itself');
  const leaving = proxy.seen.filter((line) => !CHROMIUM_OWN_HOSTS.has(hostOf(line)));
  assert.deepEqual(leaving, [], 'requests that tried to leave the machine');
  // The witnesses are live: they saw the fixture page and the extension's own pages.
  assert.ok(requests.includes(fixtures.url('/index.html')), 'the fixture page request was recorded');
  assert.ok(requests.some((url) => url.startsWith(`${ownOrigin}popup.html`)), 'the popup request was recorded');
  assert.ok(requests.some((url) => url.startsWith(`${ownOrigin}explore.html`)), 'the explore page request was recorded');
});

test('both witnesses do see a request a page sends off the machine', async () => {
  // Proves the check above can fail: a fixture page's fetch to a non-loopback host is caught twice.
  const probe = 'http://example.invalid/probe-from-page';
  const page = await chromiumSession.context.newPage();
  await page.goto(fixtures.url('/index.html'));
  await page.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => 'sent', () => 'refused'), probe);
  await pause(300);
  assert.ok(requests.includes(probe), 'request events saw the page fetch');
  assert.ok(proxy.seen.some((line) => line.includes('probe-from-page')), `proxy saw: ${proxy.seen.join(', ')}`);
  await page.close();
});

test("the extension's content security policy stops a fetch from its own service worker", async () => {
  // A second line of defence: even a request written by mistake into the background cannot leave.
  const probe = 'http://example.invalid/probe-from-worker';
  const outcome = await chromiumSession.serviceWorker.evaluate(
    (url) => fetch(url).then(() => 'sent', (error: Error) => `refused: ${error.message}`),
    probe,
  );
  await pause(300);
  assert.match(outcome, /^refused/);
  assert.ok(!proxy.seen.some((line) => line.includes('probe-from-worker')), 'the worker fetch reached the network');
});
