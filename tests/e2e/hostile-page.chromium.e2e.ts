// Hostile pages in Chromium: the shared checks of hostile-page.e2e.ts through playwright-core.
import { after, before, test } from 'node:test';
import { launchChromium, serveFixtures, type ChromiumSession, type FixtureServer } from './harness';
import { defineHostileChecks } from './hostile-page.e2e';
import { playwrightPage } from './page-drivers';

let session: ChromiumSession;
let fixtures: FixtureServer;

before(async () => {
  fixtures = await serveFixtures();
  session = await launchChromium(process.env.DUAL_USE_CHROME_BUILD);
});
after(async () => {
  await session?.close();
  await fixtures?.close();
});


const env = () => ({ newPage: async () => playwrightPage(await session.context.newPage()), url: (path: string) => fixtures.url(path) });

for (const [name, check] of defineHostileChecks(env)) test(name, check);
