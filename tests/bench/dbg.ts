import { benchPages, launchBenchChromium, serveBenchPages } from './page-bench';
const pages = await benchPages(true);
const server = await serveBenchPages(pages);
const tabs = [await launchBenchChromium(null), await launchBenchChromium('/work/wt/pagecost/.output/chrome-mv3-bench')];
const url = server.url(pages[1]!);
const rows: Record<string, number[][]> = { plain: [], ext: [] };
for (let i = 0; i < 8; i++) for (const [k, tab] of [['plain', tabs[0]!], ['ext', tabs[1]!]] as const) {
  await tab.page.goto(`${url}?r${i}`, { waitUntil: 'load' });
  await tab.page.waitForTimeout(1200);
  rows[k]!.push(await tab.page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return [n.fetchStart, n.requestStart, n.responseStart, n.responseEnd, n.domInteractive, n.domContentLoadedEventEnd, n.loadEventEnd].map((x) => Math.round(x)); }));
}
for (const k of ['plain', 'ext']) { console.log(k, 'fetch req resp respEnd interactive dcl load'); for (const r of rows[k]!) console.log('  ', r.join('\t')); }
for (const t of tabs) await t.close();
await server.close();
