// In-page annotations in Firefox ESR: the shared checks of annotate.e2e.ts through puppeteer-core.
import { after, before, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { defineAnnotateChecks, type AnnotateEnv, type AnnotatePage } from './annotate.e2e';
import { launchFirefox, openFirefoxPopup, serveFixtures, type FirefoxSession, type FixtureServer } from './harness';

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

function adapt(page: Page): AnnotatePage {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    press: async (modifiers, key) => {
      for (const modifier of modifiers) await page.keyboard.down(modifier as never);
      await page.keyboard.press(key as never);
      for (const modifier of [...modifiers].reverse()) await page.keyboard.up(modifier as never);
    },
    close: () => page.close(),
  };
}

const env = (): AnnotateEnv => ({
  newPage: async () => adapt(await session.browser.newPage()),
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
