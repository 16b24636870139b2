// The shared in-page checks (annotate.e2e.ts, hostile-page.e2e.ts, the life-cycle tests) drive pages
// through AnnotatePage; these adapt each browser's driver to it.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { AnnotatePage } from './annotate.e2e';

/** Chromium, through playwright-core. */
export function playwrightPage(page: PlaywrightPage): AnnotatePage {
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    press: (modifiers, key) => page.keyboard.press([...modifiers, key].join('+')),
    close: () => page.close(),
  };
}

/** Firefox ESR, through puppeteer-core (no chord syntax: modifiers are held down around the key). */
export function puppeteerPage(page: PuppeteerPage): AnnotatePage {
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
