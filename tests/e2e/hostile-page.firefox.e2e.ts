// Hostile pages in Firefox ESR: the shared checks of hostile-page.e2e.ts through puppeteer-core.
import { after, before, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import type { AnnotatePage } from './annotate.e2e';
import { launchFirefox, serveFixtures, type FirefoxSession, type FixtureServer } from './harness';
import { defineHostileChecks } from './hostile-page.e2e';

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
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: async (modifiers, key) => {
      for (const modifier of modifiers) await page.keyboard.down(modifier as never);
      await page.keyboard.press(key as never);
      for (const modifier of [...modifiers].reverse()) await page.keyboard.up(modifier as never);
    },
    close: () => page.close(),
  };
}

const env = () => ({ newPage: async () => adapt(await session.browser.newPage()), url: (path: string) => fixtures.url(path) });

for (const [name, check] of defineHostileChecks(env)) test(name, check);
