// In-page annotations in Chromium: the shared checks of annotate.e2e.ts through playwright-core.
import { after, before, test } from 'node:test';
import { defineAnnotateChecks, type AnnotateEnv } from './annotate.e2e';
import { launchChromium, openPopup, serveFixtures, type ChromiumSession, type FixtureServer } from './harness';
import { playwrightPage } from './page-drivers';

let session: ChromiumSession;
let fixtures: FixtureServer;

before(async () => {
  fixtures = await serveFixtures();
  session = await launchChromium();
});
after(async () => {
  await session?.close();
  await fixtures?.close();
});


const env = (): AnnotateEnv => ({
  newPage: async () => playwrightPage(await session.context.newPage()),
  url: (path) => fixtures.url(path),
  switchSite: async (pageUrl, on) => {
    const popup = await openPopup(session, await session.tabIdOf(pageUrl));
    const toggle = popup.locator('#site-switch');
    await toggle.waitFor({ state: 'visible' });
    if ((await toggle.isChecked()) !== on) await toggle.click();
    await popup.waitForTimeout(300);
    await popup.close();
  },
});

for (const [name, check] of defineAnnotateChecks(env)) test(name, check);
