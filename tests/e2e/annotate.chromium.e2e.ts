// In-page annotations in Chromium: the shared checks of annotate.e2e.ts through playwright-core.
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { defineAnnotateChecks, type AnnotateEnv, type AnnotatePage } from './annotate.e2e';
import { launchChromium, openPopup, serveFixtures, type ChromiumSession, type FixtureServer } from './harness';

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

function adapt(page: Page): AnnotatePage {
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    press: (modifiers, key) => page.keyboard.press([...modifiers, key].join('+')),
    close: () => page.close(),
  };
}

const env = (): AnnotateEnv => ({
  newPage: async () => adapt(await session.context.newPage()),
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
