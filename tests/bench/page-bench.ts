// Page-cost benchmark (sections `page` and `page-firefox` of `npm run bench`): what a reader's page
// loads pay because Dual Use is installed, measured as DESIGN.md "Cost on the page" says. Two warm
// browsers (already running, the extension's service worker awake), one with the bench copy of the
// extension and one without, load the same pages in turn, alternating, in one run; medians of
// LOADS loads. Pages: the seed article (generated at bench time from the shared reference text), a
// ~500 kB article and a ~2 MB page. Per page: DOMContentLoaded and load without → with, their delay
// ratios, long tasks, time to the first mark after load; and, from a performance trace of separate
// loads (tracing slows a page, so it is never on during the timed loads), our main-thread time
// before and after load and the most of it in any one task. Two more browsers load in the same
// rounds: a second one without the extension (A/A: this machine's noise) and one with the injection
// floor, an extension that only runs an empty function in each loaded page (what any extension with a
// content script costs the next page: Chromium creates the extension's isolated world again in each
// new document of the frame, during its commit).
// The bench builds its own copy (`wxt build --mode bench` → .output/chrome-mv3-bench): only that copy
// dispatches "dual-use:started" and "dual-use:idle" (its work is done); the shipped build never does. BENCH_CHROME_BUILD /
// BENCH_FIREFOX_BUILD point at other builds instead (to measure another branch the same way).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import type { ChromiumSession } from '../e2e/harness';
import type { BenchContext, BenchSection, BenchTable } from '../../lib/cli/bench';
import { measureScriptCost, type TraceEvent } from './trace-cost';

/** Where `wxt build --mode bench` writes the builds (WXT appends the mode to the folder name). */
export const BENCH_BUILD_DIR = '.output/chrome-mv3-bench';
export const BENCH_FIREFOX_BUILD_DIR = '.output/firefox-mv3-bench';

// 15, not 7: on the ~2 MB page Chromium lays the page out before DOMContentLoaded in some loads and
// not in others, with or without us (about 1 in 4 here), and a median of 7 swings with that draw.
const LOADS = 15;
const QUICK_LOADS = 3;
const TRACED_LOADS = 3;

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let chromeBuild: Promise<string> | null = null;
let firefoxBuild: Promise<string> | null = null;

/** Builds the bench copy once per run (or takes BENCH_CHROME_BUILD); resolves with its absolute path. */
export function benchChromeBuild(): Promise<string> {
  chromeBuild ??= (async () => {
    if (process.env.BENCH_CHROME_BUILD) return process.env.BENCH_CHROME_BUILD;
    const { ROOT } = await import('../e2e/harness');
    await promisify(execFile)('npx', ['wxt', 'build', '--mode', 'bench'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    return join(ROOT, BENCH_BUILD_DIR);
  })();
  return chromeBuild;
}

export function benchFirefoxBuild(): Promise<string> {
  firefoxBuild ??= (async () => {
    if (process.env.BENCH_FIREFOX_BUILD) return process.env.BENCH_FIREFOX_BUILD;
    const { ROOT } = await import('../e2e/harness');
    await promisify(execFile)('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'bench'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    return join(ROOT, BENCH_FIREFOX_BUILD_DIR);
  })();
  return firefoxBuild;
}

const MENTIONS = ['Palantir', 'Microsoft', 'Google', 'Oracle', 'Anduril', 'Nvidia', 'IBM', 'Amazon Web Services', 'OpenAI', 'Cisco'];
const WORDS = 'the report said officials army contract cloud data analysis program was signed after months of review by several agencies and reporters who read the documents'.split(' ');

/** A deterministic article: paragraphs of ~600 characters up to `targetBytes`, `mentions` company names spread evenly. */
export function generateBenchPage(targetBytes = 2_000_000, mentions = 1000): string {
  const parts: string[] = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page bench</title></head><body><main>'];
  let size = 0;
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const paragraphs = Math.ceil(targetBytes / 620);
  const every = Math.max(1, Math.floor(paragraphs / mentions));
  let placed = 0;
  for (let i = 0; i < paragraphs && size < targetBytes; i++) {
    const words: string[] = [];
    let length = 0;
    while (length < 600) {
      const word = WORDS[next() % WORDS.length] as string;
      words.push(word);
      length += word.length + 1;
    }
    if (i % every === 0 && placed < mentions) {
      words.splice(next() % words.length, 0, `<b>${MENTIONS[placed % MENTIONS.length]}</b>`);
      placed += 1;
    }
    const html = `<p>${words.join(' ')}.</p>\n`;
    parts.push(html);
    size += html.length;
  }
  parts.push('</main></body></html>');
  return parts.join('');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain text as a simple article page: first line the headline, blank-line-separated paragraphs. */
export function wrapArticle(text: string): string {
  const [headline = '', ...rest] = text.trim().split(/\n\s*\n|\n/);
  const paragraphs = rest.map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(headline)}</title></head>` +
    `<body><header><nav><a href="/">News</a> · <a href="/tech">Tech</a></nav></header><main><article><h1>${escapeHtml(headline)}</h1>\n${paragraphs}\n</article></main><footer>© bench</footer></body></html>`;
}

/** The seed article (the shared reference text next to the repository), or null when it is not there. */
async function readSeedArticle(): Promise<string | null> {
  const { ROOT } = await import('../e2e/harness');
  const candidates = [process.env.BENCH_SEED_ARTICLE, join(ROOT, '../shared/reference/next-ink-2025-01-28.txt'), join(ROOT, '../../shared/reference/next-ink-2025-01-28.txt')];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  return found ? readFileSync(found, 'utf8') : null;
}

export interface BenchPage {
  name: string;
  file: string;
  html: string;
}

export async function benchPages(quick: boolean): Promise<BenchPage[]> {
  const pages: BenchPage[] = [];
  const seed = await readSeedArticle();
  if (seed) pages.push({ name: 'seed article', file: 'seed.html', html: wrapArticle(seed) });
  pages.push({ name: '~500 kB article', file: 'article-500k.html', html: generateBenchPage(500_000, 250) });
  if (!quick) pages.push({ name: '~2 MB page', file: 'page-2m.html', html: generateBenchPage(2_000_000, 1000) });
  return pages;
}

/** What the measuring script (in the page's own world, from document start) records for one load. */
export interface LoadFigures {
  domContentLoadedMs: number;
  loadMs: number;
  /** performance.now() of the first frame showing one of our marks, or null. */
  firstMarkMs: number | null;
  longTasks: number;
  longestTaskMs: number;
  idle: string | null;
  /** performance.now() when our content script started (bench builds that announce it), or null. */
  startedMs: number | null;
}

/**
 * Runs in the page before its own scripts: long tasks, our bench event, and the first frame where our
 * highlight holds a range. A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
 */
export const PAGE_PROBE = `(() => {
  const state = { tasks: [], firstMarkAt: null, idle: null, startedAt: null };
  window.__bench = state;
  try {
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) state.tasks.push(entry.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  document.addEventListener('dual-use:idle', (event) => { state.idle = String(event.detail); }, true);
  document.addEventListener('dual-use:started', () => { state.startedAt = performance.now(); }, true);
  const started = performance.now();
  const poll = () => {
    const highlight = CSS.highlights && CSS.highlights.get('dual-use');
    if (highlight && highlight.size > 0) state.firstMarkAt = performance.now();
    else if (performance.now() - started < 30000) requestAnimationFrame(poll);
  };
  document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(poll), { once: true });
})();`;

/** What PAGE_PROBE recorded for this load, read in the page (Chromium and Firefox). */
export function readPageProbe(): LoadFigures {
  const bench = (window as unknown as { __bench: { tasks: number[]; firstMarkAt: number | null; idle: string | null; startedAt: number | null } }).__bench;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  return {
    startedMs: bench.startedAt,
    domContentLoadedMs: nav.domContentLoadedEventEnd,
    loadMs: nav.loadEventEnd,
    firstMarkMs: bench.firstMarkAt,
    longTasks: bench.tasks.length,
    longestTaskMs: Math.max(0, ...bench.tasks),
    idle: bench.idle,
  };
}

/** Median of the defined values; null when there are none. */
export function median(values: ReadonlyArray<number | null | undefined>): number | null {
  const defined = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!defined.length) return null;
  const middle = defined.length >> 1;
  return defined.length % 2 ? (defined[middle] as number) : ((defined[middle - 1] as number) + (defined[middle] as number)) / 2;
}

/** Interquartile range: how much loads of one browser vary between themselves (the noise a delay must stand out of). */
export function spread(values: ReadonlyArray<number | null | undefined>): number | null {
  const defined = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (defined.length < 4) return null;
  const at = (q: number) => defined[Math.round(q * (defined.length - 1))] as number;
  return at(0.75) - at(0.25);
}

export const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(1));
export const ratio = (without: number | null, withUs: number | null) => (without && withUs ? `${(withUs / without).toFixed(2)}×` : '—');

export interface ChromiumTab {
  context: BrowserContext;
  page: Page;
  /** The extension's id, null in the browser without it. */
  extensionId: string | null;
  /** The extension is a bench build of ours, which tells the page when its work is done. */
  announces: boolean;
  /** The harness session (to stop the worker), for the browser with the extension. */
  session: ChromiumSession | null;
  close(): Promise<void>;
}

export async function launchBenchChromium(build: string | null, announces = build !== null): Promise<ChromiumTab> {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_PATH, launchChromium } = await import('../e2e/harness');
  let tab: Omit<ChromiumTab, 'page'>;
  if (build) {
    const session = await launchChromium(build);
    tab = { context: session.context, extensionId: session.extensionId, announces, session, close: () => session.close() };
  } else {
    const profile = await mkdtemp(join(tmpdir(), 'dual-use-bench-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    tab = {
      context, extensionId: null, announces: false, session: null,
      close: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  }
  const page = await tab.context.newPage();
  await page.addInitScript({ content: PAGE_PROBE });
  return { ...tab, page };
}

/** Keeps the service worker awake (and waits for it if it was stopped), as a reader's running browser has it. */
async function wakeWorker(tab: ChromiumTab): Promise<void> {
  if (!tab.extensionId) return;
  const prefix = `chrome-extension://${tab.extensionId}/`;
  for (const worker of tab.context.serviceWorkers().filter((w) => w.url().startsWith(prefix)).reverse()) {
    if (await worker.evaluate(() => true).catch(() => false)) return;
  }
}

/** One load; waits until our work is done (bench event, first mark, or a settle time without us). */
export async function loadOnce(tab: ChromiumTab, url: string): Promise<LoadFigures> {
  await wakeWorker(tab);
  await tab.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (tab.announces) {
    await tab.page
      .waitForFunction(() => {
        const bench = (window as unknown as { __bench: { idle: string | null; firstMarkAt: number | null } }).__bench;
        return bench.idle !== null && bench.firstMarkAt !== null;
      }, null, { timeout: 30_000, polling: 50 })
      .catch(() => undefined);
  }
  await tab.page.waitForTimeout(200);
  return tab.page.evaluate(readPageProbe);
}

/** One traced load: our script's main-thread time before and after load. */
export async function traceOnce(tab: ChromiumTab, url: string): Promise<ReturnType<typeof measureScriptCost> | null> {
  await wakeWorker(tab);
  const cdp = await tab.context.newCDPSession(tab.page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
        'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.cpu_profiler.hires', 'blink.user_timing', 'loading',
      ],
    },
  });
  let frame = '';
  try {
    await loadOnce(tab, url);
    frame = ((await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
  } finally {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
  }
  try {
    return measureScriptCost(events, `chrome-extension://${tab.extensionId}/`, frame);
  } catch {
    return null;
  }
}

export interface PageResult {
  without: LoadFigures[];
  withUs: LoadFigures[];
  /** A second browser without the extension (A/A): how far two identical browsers differ on this machine. */
  control: LoadFigures[];
  /** The browser with the injection floor (writeInjectionFloor). */
  floor: LoadFigures[];
  traces: Array<ReturnType<typeof measureScriptCost>>;
}

/** Timed loads alternate between the browsers (the order flips every round). */
export async function measurePage(
  plain: ChromiumTab, extended: ChromiumTab, url: string, loads: number, traced: number,
  others: { control?: ChromiumTab; floor?: ChromiumTab } = {},
): Promise<PageResult> {
  const result: PageResult = { without: [], withUs: [], control: [], floor: [], traces: [] };
  const { control, floor } = others;
  const tabs = [plain, extended, ...(control ? [control] : []), ...(floor ? [floor] : [])];
  // One untimed round warms the HTTP server, the page's caches and our worker's lazy state alike.
  for (const tab of tabs) await loadOnce(tab, `${url}?warm`);
  for (let i = 0; i < loads; i++) {
    for (const tab of i % 2 ? [...tabs].reverse() : tabs) {
      const figures = await loadOnce(tab, `${url}?run=${i}`);
      (tab === plain ? result.without : tab === extended ? result.withUs : tab === control ? result.control : result.floor).push(figures);
    }
  }
  for (let i = 0; i < traced; i++) {
    const cost = await traceOnce(extended, `${url}?trace=${i}`);
    if (cost) result.traces.push(cost);
  }
  return result;
}

/**
 * Writes the injection floor into `dir`: a Manifest V3 extension whose worker, when a web page has
 * loaded, runs an empty function in the page's isolated world, as ours injects its content script.
 */
export async function writeInjectionFloor(dir: string): Promise<string> {
  const manifest = {
    manifest_version: 3, name: 'Injection floor', version: '1.0', background: { service_worker: 'background.js' },
    permissions: ['scripting', 'tabs'], host_permissions: ['<all_urls>'],
  };
  const worker = `chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status === 'complete' && /^https?:/.test(tab.url ?? '')) chrome.scripting.executeScript({ target: { tabId }, func: () => 0 }).catch(() => {});
});\n`;
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'background.js'), worker);
  return dir;
}

/** Delay allowed by DESIGN.md: 10 %, or 15 ms on a small article, 30 ms on a 500 kB page. */
export function allowedDelay(page: BenchPage, without: number): number {
  const floor = page.html.length < 100_000 ? 15 : page.html.length < 1_000_000 ? 30 : 0;
  return Math.max(0.1 * without, floor);
}

export async function serveBenchPages(pages: readonly BenchPage[]) {
  const { serveFixtures } = await import('../e2e/harness');
  const dir = await mkdtemp(join(tmpdir(), 'dual-use-pages-'));
  for (const page of pages) await writeFile(join(dir, page.file), page.html);
  const server = await serveFixtures(dir);
  return {
    url: (page: BenchPage) => server.url(`/${page.file}`),
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const PAGE_COLUMNS = [
  'page', 'DCL without → with ms', 'DCL ratio', 'load without → with ms', 'load ratio', 'load IQR without / with ms', 'A/A load ratio',
  'floor DCL / load ratio', 'within target',
  'long tasks without / with', 'first mark after load ms', 'ours before load ms', 'ours after load ms', 'our longest task share ms', 'long tasks with us',
];

export const pageSection: BenchSection = {
  name: 'page',
  async run({ log, quick }: BenchContext): Promise<BenchTable> {
    const loads = quick ? QUICK_LOADS : LOADS;
    const title = `Cost on the page, Chromium (warm browsers, alternating loads, medians of ${loads}; our time from ${TRACED_LOADS} traced loads)`;
    log('page bench: building the bench copy of the extension (wxt build --mode bench)');
    const build = await benchChromeBuild();
    if (!existsSync(join(build, 'manifest.json'))) {
      return { title, columns: PAGE_COLUMNS, rows: [], notes: [`no bench build at ${build}`] };
    }
    const pages = await benchPages(quick);
    const server = await serveBenchPages(pages);
    const plain = await launchBenchChromium(null);
    const extended = await launchBenchChromium(build);
    const control = await launchBenchChromium(null);
    const floorDir = await mkdtemp(join(tmpdir(), 'dual-use-floor-'));
    const floor = await launchBenchChromium(await writeInjectionFloor(floorDir), false);
    const notes: string[] = [];
    try {
      const rows: string[][] = [];
      for (const page of pages) {
        log(`page bench: ${page.name} (${(page.html.length / 1e3).toFixed(0)} kB), ${loads} loads each…`);
        const result = await measurePage(plain, extended, server.url(page), loads, quick ? 1 : TRACED_LOADS, { control, floor });
        const pick = (list: LoadFigures[], read: (f: LoadFigures) => number | null) => median(list.map(read));
        const dcl = [pick(result.without, (f) => f.domContentLoadedMs), pick(result.withUs, (f) => f.domContentLoadedMs)] as const;
        const load = [pick(result.without, (f) => f.loadMs), pick(result.withUs, (f) => f.loadMs)] as const;
        const within = dcl[0] !== null && dcl[1] !== null && load[0] !== null && load[1] !== null &&
          dcl[1] - dcl[0] <= allowedDelay(page, dcl[0]) && load[1] - load[0] <= allowedDelay(page, load[0]);
        const firstMark = pick(result.withUs, (f) => (f.firstMarkMs === null ? null : f.firstMarkMs - f.loadMs));
        const marked = result.withUs.filter((f) => f.firstMarkMs !== null).length;
        const trace = (read: (c: PageResult['traces'][number]) => number) => median(result.traces.map(read));
        rows.push([
          `${page.name} (${(page.html.length / 1e3).toFixed(0)} kB)`,
          `${ms(dcl[0])} → ${ms(dcl[1])}`, ratio(dcl[0], dcl[1]),
          `${ms(load[0])} → ${ms(load[1])}`, ratio(load[0], load[1]),
          `${ms(spread(result.without.map((f) => f.loadMs)))} / ${ms(spread(result.withUs.map((f) => f.loadMs)))}`,
          ratio(load[0], pick(result.control, (f) => f.loadMs)),
          `${ratio(dcl[0], pick(result.floor, (f) => f.domContentLoadedMs))} / ${ratio(load[0], pick(result.floor, (f) => f.loadMs))}`,
          within ? 'yes' : 'NO',
          `${ms(pick(result.without, (f) => f.longTasks))} / ${ms(pick(result.withUs, (f) => f.longTasks))}`,
          `${ms(firstMark)}${marked < result.withUs.length ? ` (${marked}/${result.withUs.length} marked)` : ''}`,
          ms(trace((c) => c.beforeLoadMs)), ms(trace((c) => c.afterLoadMs)), ms(trace((c) => c.longestTaskShareMs)),
          ms(trace((c) => c.longTasksWithUs)),
        ]);
      }
      notes.push(
        'target (DESIGN.md): DCL and load delayed ≤ 10 % (or 15 ms on a small article, 30 ms on a 500 kB page); no long task of ours; first marks on the 500 kB page ≤ 500 ms after load',
        '"ours": V8 samples with our content script on the stack plus compiling it, on the page\'s main thread; "long tasks with us": tasks ≥ 50 ms where we ran ≥ 1 ms',
        '"A/A load ratio": a second browser without the extension against the first, loaded in the same rounds: the noise of this machine (a delay smaller than it is not ours to read)',
        '"floor": a browser with an extension that only runs an empty function in each loaded page, in the same rounds: Chromium then creates that extension\'s isolated world again in each new document of the tab, during its commit, which every extension with a content script costs the next page',
      );
      return { title, columns: PAGE_COLUMNS, rows, notes };
    } finally {
      await plain.close();
      await extended.close();
      await control.close();
      await floor.close();
      await rm(floorDir, { recursive: true, force: true });
      await server.close();
    }
  },
};
