// "This page reports" in Firefox ESR: the shared checks of reports.e2e.ts through puppeteer-core.
// www.next.ink (a source's host) resolves to the fixture server through Firefox's DNS override.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchFirefox, openFirefoxPopup, suiteWith, waitFor } from './harness';
import { puppeteerPage } from './page-drivers';
import { defineReportChecks, readPopupInPage, type ReportsEnv } from './reports.e2e';

const { session, fixtures } = suiteWith(() => launchFirefox(process.env.DUAL_USE_FIREFOX_BUILD, {
    extraPrefs: {
      'network.dns.forceResolve': '127.0.0.1',
      // The fixture server speaks plain http: no upgrade to https for a real site's name (next.ink is on
      // Firefox's HSTS preload list).
      'dom.security.https_first': false,
      'dom.security.https_first_pbm': false,
      'dom.security.https_first_schemeless': false,
      'dom.security.https_only_mode': false,
      'network.stricttransportsecurity.preloadlist': false,
    },
  }));

const env = (): ReportsEnv => ({
  newPage: async () => puppeteerPage(await session.browser.newPage()),
  url: (path) => fixtures.url(path),
  sourceHostUrl: (path) => `http://www.next.ink:${new URL(fixtures.origin).port}${path}`,
  readPopup: async (pageUrl) => {
    const popup = await openFirefoxPopup(session, await session.tabIdOf(pageUrl));
    try {
      await popup.waitForSelector('main[aria-busy="false"]');
      return await popup.evaluate(readPopupInPage);
    } finally {
      await popup.close();
    }
  },
});

for (const [name, check] of defineReportChecks(env)) test(name, check);

test('the context menu item on selected text exists (updating it succeeds; a made-up id fails)', async () => {
  const page = await openFirefoxPopup(session);
  try {
    const update = (id: string) =>
      page.evaluate(async (menuId: string) => {
        const api = (globalThis as unknown as { browser: { contextMenus: { update(id: string, p: object): Promise<void> } } }).browser;
        return api.contextMenus.update(menuId, {}).then(() => 'ok', (error: unknown) => String(error));
      }, id);
    assert.equal(await waitFor(() => update('dual-use-lookup'), (result) => result === 'ok', 'the lookup menu item'), 'ok');
    assert.notEqual(await update('no-such-item'), 'ok');
  } finally {
    await page.close();
  }
});
