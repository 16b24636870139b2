// In-page annotations in Firefox ESR: the shared checks of annotate.e2e.ts through puppeteer-core.
import { test } from 'node:test';
import { defineAnnotateChecks, type AnnotateEnv } from './annotate.e2e';
import { launchFirefox, openFirefoxPopup, suiteWith } from './harness';
import { puppeteerPage } from './page-drivers';

const { session, fixtures } = suiteWith(() => launchFirefox());


const env = (): AnnotateEnv => ({
  newPage: async () => puppeteerPage(await session.browser.newPage()),
  url: (path) => fixtures.url(path),
  switchSite: async (pageUrl, on) => {
    const popup = await openFirefoxPopup(session, await session.tabIdOf(pageUrl));
    await popup.waitForSelector('#site-switch', { visible: true });
    const checked = await popup.$eval('#site-switch', (input) => (input as HTMLInputElement).checked);
    if (checked !== on) await popup.click('#site-switch');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await popup.close();
  },
});

for (const [name, check] of defineAnnotateChecks(env)) test(name, check);
