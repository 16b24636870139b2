// In-page annotations in Firefox ESR: the shared checks of annotate.e2e.ts through puppeteer-core.
import { after, before, test } from 'node:test';
import { defineAnnotateChecks, type AnnotateEnv } from './annotate.e2e';
import { launchFirefox, openFirefoxPopup, serveFixtures, type FirefoxSession, type FixtureServer } from './harness';
import { puppeteerPage } from './page-drivers';

let session: FirefoxSession;
let fixtures: FixtureServer;

before(async () => {
  fixtures = await serveFixtures();
  session = await launchFirefox();
});
after(async () => {
  await session?.close();
  await fixtures?.close();
});


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
