// Hostile pages in Chromium: the shared checks of hostile-page.e2e.ts through playwright-core.
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AnnotatePage } from './annotate.e2e';
import { launchChromium, serveFixtures, type ChromiumSession, type FixtureServer } from './harness';
import { defineHostileChecks } from './hostile-page.e2e';

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

function adapt(page: Page): AnnotatePage {
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (modifiers, key) => page.keyboard.press([...modifiers, key].join('+')),
    close: () => page.close(),
  };
}

const env = () => ({ newPage: async () => adapt(await session.context.newPage()), url: (path: string) => fixtures.url(path) });

for (const [name, check] of defineHostileChecks(env)) test(name, check);
