// Catalog-scale benchmark (section `catalog-scale` of `npm run bench`): the same extension built with
// today's dataset and with synthetic ones 10× and 100× its names and findings (synthetic-dataset.ts),
// to show what a reader pays as the data grows: the content script's size, the service worker's
// start (and its first answers), and the cost on a ~500 kB article (warm browsers, alternating loads).
// These should stay flat: the data grows in the background, never in the page.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchContext, BenchSection, BenchTable } from '../../lib/cli/bench';
import {
  BENCH_BUILD_DIR, benchPages, launchBenchChromium, measurePage, median, ms, ratio, serveBenchPages, type ChromiumTab,
} from './page-bench';
import { writeSyntheticDataset } from './synthetic-dataset';

const FACTORS = [1, 10, 100];
/** Worker wakes measured per catalog (median). */
const WAKES = 5;

interface WorkerTimes {
  started?: number;
  helloReceived?: number;
  helloAnswered?: number;
  textReceived?: number;
  textAnswered?: number;
}

/** Stops the worker, loads a page (which wakes it), and reads the times the bench build noted. */
async function measureWorkerStart(tab: ChromiumTab, url: string): Promise<WorkerTimes> {
  const { runningChromiumWorker, stopChromiumServiceWorker } = await import('../e2e/harness');
  const session = tab.session;
  if (!session) return {};
  await stopChromiumServiceWorker(session);
  await tab.page.goto(url, { waitUntil: 'load' });
  await tab.page
    .waitForFunction(() => (window as unknown as { __bench: { idle: string | null } }).__bench.idle !== null, null, { timeout: 30_000 })
    .catch(() => undefined);
  const worker = await runningChromiumWorker(session);
  return worker.evaluate(() => (globalThis as unknown as { __dualUseBench?: WorkerTimes }).__dualUseBench ?? {});
}

const COLUMNS = [
  'catalog', 'names / findings', 'content script kB', 'background.js kB', 'worker started ms', 'first hello answered in ms',
  'first batch answered in ms', 'DCL ratio', 'load ratio', 'first mark after load ms', 'ours after load ms',
];

export const catalogSection: BenchSection = {
  name: 'catalog-scale',
  async run({ log, quick }: BenchContext): Promise<BenchTable> {
    const title = 'Catalog scale: today\'s dataset and synthetic ones 10× and 100× its names and findings (Chromium, ~500 kB article)';
    const { ROOT } = await import('../e2e/harness');
    const work = await mkdtemp(join(tmpdir(), 'dual-use-scale-'));
    const pages = await benchPages(true);
    const article = pages.find((p) => p.file === 'article-500k.html');
    const small = pages[0];
    if (!article || !small) return { title, columns: COLUMNS, rows: [] };
    const server = await serveBenchPages(pages);
    const plain = await launchBenchChromium(null);
    const rows: string[][] = [];
    try {
      // 1× last, so the bench build left in .output is today's.
      for (const factor of [...FACTORS.slice(1), FACTORS[0] as number]) {
        let counts = '';
        const env: NodeJS.ProcessEnv = { ...process.env };
        if (factor > 1) {
          const dir = join(work, `dataset-${factor}`);
          const written = await writeSyntheticDataset(ROOT, dir, factor);
          counts = `${written.names} / ${written.findings}`;
          env.DUAL_USE_BENCH_DATASET = dir;
        } else delete env.DUAL_USE_BENCH_DATASET;
        log(`catalog scale: building with ${factor}× the catalog…`);
        await promisify(execFile)('npx', ['wxt', 'build', '--mode', 'bench'], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
        const build = join(work, `build-${factor}`);
        await cp(join(ROOT, BENCH_BUILD_DIR), build, { recursive: true });
        if (!existsSync(join(build, 'manifest.json'))) continue;
        const size = async (file: string) => ((await stat(join(build, file))).size / 1024).toFixed(1);
        const extended = await launchBenchChromium(build);
        try {
          log(`catalog scale: ${factor}×, worker start and ${article.name}…`);
          const wakes: WorkerTimes[] = [];
          for (let i = 0; i < (quick ? 2 : WAKES); i++) wakes.push(await measureWorkerStart(extended, `${server.url(small)}?wake=${i}`));
          const since = (from?: number, to?: number) => (from === undefined || to === undefined ? null : to - from);
          const startedMs = median(wakes.map((t) => t.started));
          const helloMs = median(wakes.map((t) => since(t.helloReceived, t.helloAnswered)));
          const batchMs = median(wakes.map((t) => since(t.textReceived, t.textAnswered)));
          const result = await measurePage(plain, extended, server.url(article), quick ? 3 : 5, 1);
          const pick = (list: typeof result.without, read: (f: (typeof result.without)[number]) => number | null) => median(list.map(read));
          rows.push([
            `${factor}×`,
            counts || 'today',
            await size('content-scripts/annotate.js'),
            await size('background.js'),
            ms(startedMs),
            ms(helloMs),
            ms(batchMs),
            ratio(pick(result.without, (f) => f.domContentLoadedMs), pick(result.withUs, (f) => f.domContentLoadedMs)),
            ratio(pick(result.without, (f) => f.loadMs), pick(result.withUs, (f) => f.loadMs)),
            ms(pick(result.withUs, (f) => (f.firstMarkMs === null ? null : f.firstMarkMs - f.loadMs))),
            ms(median(result.traces.map((t) => t.afterLoadMs))),
          ]);
        } finally {
          await extended.close();
        }
      }
      rows.sort((a, b) => parseFloat(a[0] ?? '') - parseFloat(b[0] ?? ''));
      return {
        title,
        columns: COLUMNS,
        rows,
        notes: [
          `"worker started": its script evaluated, ms after the worker started (a page load wakes it; median of ${WAKES} wakes); "first hello answered in": page-hello received → answered (settings only)`,
          '"first batch answered in": the first page-text of a wake; the dataset loads and the matcher compiles on the wake\'s first tab event, the batch waits for what is left of it (in the worker, not the page)',
        ],
      };
    } finally {
      await plain.close();
      await server.close();
      await rm(work, { recursive: true, force: true });
    }
  },
};
