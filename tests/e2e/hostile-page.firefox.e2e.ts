// Hostile pages in Firefox ESR: the shared checks of hostile-page.e2e.ts through puppeteer-core.
import { after, before, test } from 'node:test';
import { launchFirefox, serveFixtures, type FirefoxSession, type FixtureServer } from './harness';
import { defineHostileChecks } from './hostile-page.e2e';
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


const env = () => ({ newPage: async () => puppeteerPage(await session.browser.newPage()), url: (path: string) => fixtures.url(path) });

for (const [name, check] of defineHostileChecks(env)) test(name, check);
