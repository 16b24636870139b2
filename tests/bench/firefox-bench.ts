// Page-cost benchmark in Firefox ESR (section `page-firefox` of `npm run bench`): the same method as
// page-bench.ts (two warm browsers, one with the bench copy of the add-on, alternating loads, medians)
// on one page, the ~500 kB article, through puppeteer-core. Firefox has no long-task entries and no
// tracing we drive here: DOMContentLoaded, load and the first mark only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { BenchContext, BenchSection, BenchTable } from '../../lib/cli/bench';
import {
  allowedDelay, benchFirefoxBuild, benchPages, median, ms, PAGE_PROBE, ratio, readPageProbe, serveBenchPages, type LoadFigures,
} from './page-bench';

const LOADS = 7;
const QUICK_LOADS = 3;

async function openTab(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(PAGE_PROBE);
  return page;
}

async function loadOnce(page: Page, url: string, withUs: boolean): Promise<LoadFigures> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (withUs) {
    await page
      .waitForFunction(() => {
        const bench = (window as unknown as { __bench: { idle: string | null; firstMarkAt: number | null } }).__bench;
        return bench.idle !== null && bench.firstMarkAt !== null;
      }, { timeout: 30_000, polling: 50 })
      .catch(() => undefined);
  }
  await new Promise((done) => setTimeout(done, 200));
  return page.evaluate(readPageProbe);
}

const COLUMNS = ['page', 'DCL without → with ms', 'DCL ratio', 'load without → with ms', 'load ratio', 'within target', 'first mark after load ms'];

export const firefoxSection: BenchSection = {
  name: 'page-firefox',
  async run({ log, quick }: BenchContext): Promise<BenchTable> {
    const loads = quick ? QUICK_LOADS : LOADS;
    const title = `Cost on the page, Firefox ESR (warm browsers, alternating loads, medians of ${loads})`;
    log('page bench (Firefox): building the bench copy of the add-on');
    const build = await benchFirefoxBuild();
    if (!existsSync(join(build, 'manifest.json'))) return { title, columns: COLUMNS, rows: [], notes: [`no bench build at ${build}`] };
    const page = (await benchPages(true)).find((p) => p.file === 'article-500k.html');
    if (!page) return { title, columns: COLUMNS, rows: [] };
    const server = await serveBenchPages([page]);
    const puppeteer = (await import('puppeteer-core')).default;
    const { FIREFOX_PATH, launchFirefox } = await import('../e2e/harness');
    const plain = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
    const extended = await launchFirefox(build);
    try {
      const tabs = { plain: await openTab(plain), extended: await openTab(extended.browser) };
      const url = server.url(page);
      const without: LoadFigures[] = [];
      const withUs: LoadFigures[] = [];
      log(`page bench (Firefox): ${page.name}, ${loads} loads each…`);
      await loadOnce(tabs.plain, `${url}?warm`, false);
      await loadOnce(tabs.extended, `${url}?warm`, true);
      for (let i = 0; i < loads; i++) {
        const order = i % 2 ? (['extended', 'plain'] as const) : (['plain', 'extended'] as const);
        for (const which of order) {
          const figures = await loadOnce(tabs[which], `${url}?run=${i}`, which === 'extended');
          (which === 'plain' ? without : withUs).push(figures);
        }
      }
      const pick = (list: LoadFigures[], read: (f: LoadFigures) => number | null) => median(list.map(read));
      const dcl = [pick(without, (f) => f.domContentLoadedMs), pick(withUs, (f) => f.domContentLoadedMs)] as const;
      const load = [pick(without, (f) => f.loadMs), pick(withUs, (f) => f.loadMs)] as const;
      const within = dcl[0] !== null && dcl[1] !== null && load[0] !== null && load[1] !== null &&
        dcl[1] - dcl[0] <= allowedDelay(page, dcl[0]) && load[1] - load[0] <= allowedDelay(page, load[0]);
      const marked = withUs.filter((f) => f.firstMarkMs !== null).length;
      const firstMark = pick(withUs, (f) => (f.firstMarkMs === null ? null : f.firstMarkMs - f.loadMs));
      return {
        title,
        columns: COLUMNS,
        rows: [[
          `${page.name} (${(page.html.length / 1e3).toFixed(0)} kB)`,
          `${ms(dcl[0])} → ${ms(dcl[1])}`, ratio(dcl[0], dcl[1]), `${ms(load[0])} → ${ms(load[1])}`, ratio(load[0], load[1]),
          within ? 'yes' : 'NO', `${ms(firstMark)}${marked < withUs.length ? ` (${marked}/${withUs.length} marked)` : ''}`,
        ]],
      };
    } finally {
      await plain.close();
      await extended.close();
      await server.close();
    }
  },
};
