// `bench`: throughput of the matcher against a one-RegExp baseline, on deterministic generated
// corpora (tests/bench/corpus.ts). Sections are a list: add one to `benchSections` to extend the
// report (e.g. page annotation); each returns a table printed under its title.

import AhoCorasick from 'modern-ahocorasick';
import type { Dataset, Entity, Topic } from '../dataset/types';
import { compileAutomaton, type UnitMapping } from '../matcher/automaton';
import { compileMatcher } from '../matcher/index';
import { normalizeTerm } from '../text/normalize';
import { generateCorpus, inflateCatalog } from '../../tests/bench/corpus';
import { STORY_CHARS_PER_PAGE } from '../reports/story-index';
import { compileScanContext, loadCheckedDataset, scanDocument } from './scan';

/** What every section gets: the real catalog and the run's settings. */
export interface BenchContext {
  /** The whole dataset (the `scan` path reads its findings' story terms too). */
  dataset: Dataset;
  entities: Entity[];
  /** The catalog's topics, which the name rules refer to. */
  topics: Topic[];
  /** Corpus sizes in MB (10^6 UTF-16 units). */
  sizes: number[];
  /** Timed runs per measurement (after one warm-up); the median is reported. */
  runs: number;
  /** `--quick`: fewer and smaller measurements (sections choose what that means for them). */
  quick: boolean;
  log: (line: string) => void;
}

export interface BenchTable {
  title: string;
  columns: string[];
  rows: string[][];
  /** One-line conclusions printed under the table. */
  notes?: string[];
}

export interface BenchSection {
  name: string;
  run: (context: BenchContext) => BenchTable | Promise<BenchTable>;
}

/** A call slower than this is its own warm-up: one timed call, so the slow baseline stays bounded. */
const SLOW_CALL_MS = 3000;

/** This process's CPU time in ms: what a synchronous task costs, whatever else the machine runs. */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Warm-up before timing: calls until this much work is done (or WARM_UP_CALLS calls), so the JIT has compiled the hot code even for a small input. */
const WARM_UP_MS = 250;
const WARM_UP_CALLS = 10;

/**
 * Median time in ms (CPU time by default) of `runs` calls of each task, after its warm-up calls (`now`
 * is the clock: tests pass their own). The tasks are timed in turn, each round in another order: what
 * they are compared by, the same drift of the machine (frequency, caches, the heap's state) weighs on all.
 */
export function measureMedians(runs: number, tasks: ReadonlyArray<() => unknown>, now: () => number = cpuNow): number[] {
  const slow = tasks.map((task) => {
    let warmUpMs = 0;
    for (let calls = 0; calls < WARM_UP_CALLS && warmUpMs < WARM_UP_MS; calls++) {
      const start = now();
      task();
      const callMs = now() - start;
      // One call this slow is its own measure (a baseline that takes seconds is not timed again).
      if (calls === 0 && callMs > SLOW_CALL_MS) return callMs;
      warmUpMs += callMs;
    }
    return null;
  });
  const times = tasks.map(() => [] as number[]);
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < tasks.length; k++) {
      const index = (round + k) % tasks.length;
      if (slow[index] !== null) continue;
      const start = now();
      tasks[index]!();
      times[index]!.push(now() - start);
    }
  }
  return times.map((list, index) => {
    const one = slow[index];
    if (one !== null && one !== undefined) return one;
    list.sort((a, b) => a - b);
    return list[Math.floor(list.length / 2)] ?? 0;
  });
}

/** measureMedians of one task. */
export function measureMedian(runs: number, task: () => unknown, now: () => number = cpuNow): number {
  return measureMedians(runs, [task], now)[0] ?? 0;
}

function allNames(entities: readonly Entity[]): string[] {
  return entities.filter((entity) => entity.type === 'vendor').flatMap((entity) => [...entity.aliases, ...entity.products]);
}

/** The baseline: one case-insensitive alternation of every alias with Unicode word boundaries. */
export function compileBaseline(entities: readonly Entity[]): RegExp {
  const escaped = [...new Set(allNames(entities))]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** The cheapest comparison: one case-insensitive alternation of every alias, with no boundaries and no Unicode mode. */
export function compilePlainBaseline(entities: readonly Entity[]): RegExp {
  const escaped = [...new Set(allNames(entities))]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(escaped.join('|'), 'gi');
}

function countRegexMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}

const formatRate = (megabytes: number, ms: number): string => {
  const rate = megabytes / (ms / 1000);
  return rate >= 1 ? rate.toFixed(1) : rate.toPrecision(2);
};

/** Matcher (normalise + match + disambiguate) vs the RegExp baseline, 1× and 10× aliases. */
const throughputSection: BenchSection = {
  name: 'throughput',
  run({ dataset, entities, topics, sizes, runs, log }) {
    // The whole `scan` path on the real dataset: names, rules, and the story terms of every finding.
    const scanContext = compileScanContext(dataset);
    const catalogs = [
      { label: '1×', entities },
      { label: '10×', entities: inflateCatalog(entities, 10) },
    ];
    const rows: string[][] = [];
    const ratios: number[] = [];
    const plainRatios: number[] = [];
    const scanRatios: number[] = [];
    for (const size of sizes) {
      const text = generateCorpus(entities, Math.round(size * 1e6));
      for (const catalog of catalogs) {
        log(`throughput: ${size} MB, ${catalog.label} aliases…`);
        // The real catalog's matcher is `scan`'s own: one compiled catalog, as in the extension (two copies would evict each other's table).
        const matcher = catalog.entities === entities ? scanContext.matcher : compileMatcher(catalog.entities, topics);
        const baseline = compileBaseline(catalog.entities);
        const plain = compilePlainBaseline(catalog.entities);
        const timedRuns = size >= 8 ? Math.max(1, Math.ceil(runs / 2)) : runs;
        // The matcher, the plain RegExp and `scan` are compared with each other: timed in turn.
        const [matcherMs = 0, plainMs = 0, scanTimeMs] = measureMedians(runs, [
          () => matcher.matchText(text),
          () => countRegexMatches(plain, text),
          // `scan` of the text as one document (1× only: the story terms are the real dataset's).
          ...(catalog.label === '1×' ? [() => scanDocument(scanContext, 'bench', null, text)] : []),
        ]);
        const scanMs = scanTimeMs ?? null;
        // The word-boundary RegExp of the 10× catalog runs at a few tens of kB/s: its rate is taken on
        // the first MB only (a rate does not depend on the length), or one 16 MB pass takes many minutes.
        const baselineText = catalog.label === '1×' ? text : text.slice(0, 1e6);
        const baselineMs = measureMedian(timedRuns, () => countRegexMatches(baseline, baselineText)) * (text.length / baselineText.length);
        const mentions = matcher.matchText(text).length;
        if (scanMs !== null) scanRatios.push(scanMs / plainMs);
        // Counting again would cost another slow pass: skipped when one pass takes seconds, or on a slice.
        const baselineHits = baselineMs > SLOW_CALL_MS || baselineText !== text ? '—' : String(countRegexMatches(baseline, text));
        ratios.push(baselineMs / matcherMs);
        if (catalog.label === '1×') plainRatios.push(matcherMs / plainMs);
        rows.push([
          `${size} MB`,
          `${catalog.label} (${allNames(catalog.entities).length})`,
          formatRate(text.length / 1e6, matcherMs),
          formatRate(text.length / 1e6, baselineMs),
          `${(baselineMs / matcherMs).toFixed(2)}×`,
          formatRate(text.length / 1e6, plainMs),
          (matcherMs / plainMs).toFixed(2),
          scanMs === null ? '—' : formatRate(text.length / 1e6, scanMs),
          scanMs === null ? '—' : (scanMs / plainMs).toFixed(2),
          `${mentions} / ${baselineHits}`,
        ]);
      }
    }
    return {
      title: 'Text matching throughput (MB/s of CPU time, median; matcher includes normalisation and disambiguation)',
      columns: ['corpus', 'aliases', 'matcher MB/s', 'RegExp MB/s', 'speed-up', 'plain RegExp MB/s', 'time ÷ plain', 'scan MB/s', 'scan time ÷ plain', 'mentions / regexp hits'],
      rows,
      notes: [
        `speed-up over the word-boundary RegExp: min ${Math.min(...ratios).toFixed(2)}×, target ≥ 2×`,
        `time ÷ the plain RegExp (no boundaries, no Unicode, no rules), real catalog: max ${Math.max(...plainRatios).toFixed(2)}, target ≤ 1.0`,
        `"scan": the whole \`scan\` of the text as one document (names, rules, mentions; the story terms of every finding in its first ${STORY_CHARS_PER_PAGE.toLocaleString('en')} characters, as the extension reads a page; the findings it reports): time ÷ the plain RegExp max ${Math.max(...scanRatios).toFixed(2)}, target ≤ 1.0`,
      ],
    };
  },
};

/** One sentence per script, each naming companies: repeated, a mention every few dozen characters. */
const SCRIPT_SAMPLES: Record<string, string> = {
  'English': 'The army signed a contract with Microsoft and Palantir for cloud services. ',
  'French (elisions, NBSP)': 'L’armée a signé un contrat avec Microsoft\u00a0Azure et d’Amazon pour l’hébergement. ',
  'Hindi (marks)': 'भारतीय सेना ने माइक्रोसॉफ्ट और Palantir के साथ अनुबंध किया है। ',
  'Arabic (vowel marks)': 'وَقَّعَتْ وِزَارَةُ الدِّفَاعِ عَقْدًا مَعَ شَرِكَةِ Microsoft لِلْحَوْسَبَةِ السَّحَابِيَّةِ. ',
  'Hebrew (points)': 'צָבָא הַהֲגָנָה לְיִשְׂרָאֵל חָתַם עַל חוֹזֶה עִם Google וְ-Amazon. ',
  'emoji (surrogates)': '🚀 Palantir 😀 Gotham 🎉 and 👩‍💻 Anduril 🇺🇸 ',
  'full-width (NFKC)': 'ＩＢＭ and Ｏｒａｃｌｅ sold servers to the army. ',
};

/** Mention-dense text in other scripts: the paths a Latin corpus rarely takes (marks, surrogates, NFKC). */
const scriptsSection: BenchSection = {
  name: 'scripts',
  run({ entities, topics, runs, sizes, log }) {
    const matcher = compileMatcher(entities, topics);
    const baseline = compileBaseline(entities);
    const size = Math.round((sizes[0] ?? 1) * 1e6);
    const rows = Object.entries(SCRIPT_SAMPLES).map(([name, sample]) => {
      log(`scripts: ${name}…`);
      const text = sample.repeat(Math.ceil(size / sample.length));
      const matcherMs = measureMedian(runs, () => matcher.matchText(text));
      const baselineMs = measureMedian(runs, () => countRegexMatches(baseline, text));
      const mentions = matcher.matchText(text).length;
      return [name, formatRate(text.length / 1e6, matcherMs), formatRate(text.length / 1e6, baselineMs), `${(baselineMs / matcherMs).toFixed(2)}×`, String(Math.round(mentions / (text.length / 1e6)))];
    });
    return {
      title: `Other scripts and typography (${(size / 1e6).toFixed(2)} MB each, MB/s, median)`,
      columns: ['text', 'matcher MB/s', 'RegExp MB/s', 'ratio', 'mentions per MB'],
      rows,
      notes: ['the RegExp baseline neither normalises nor disambiguates: on text this dense, the rules around each mention are most of the matcher\'s cost'],
    };
  },
};

/** Units read as they are: both automata see the same folded text. */
const AS_IS: UnitMapping = { mapUnit: (unit) => unit };
const readAsIs = (text: string, index: number): number => text.charCodeAt(index);

/** Our automaton against modern-ahocorasick on the same folded text and patterns (raw scan only). */
const automatonSection: BenchSection = {
  name: 'automaton',
  run({ entities, runs, log }) {
    const rows: string[][] = [];
    // A quarter MB: the library scans far slower than our DFA, and the figure is a rate anyway.
    const text = generateCorpus(entities, 0.25e6);
    const folded = normalizeTerm(text).folded;
    for (const factor of [1, 10]) {
      log(`automaton: ${factor}× aliases…`);
      const patterns = [...new Set(allNames(inflateCatalog(entities, factor)).map((name) => normalizeTerm(name).folded))];
      let ours = compileAutomaton(patterns, AS_IS);
      const oursCompileMs = measureMedian(runs, () => (ours = compileAutomaton(patterns, AS_IS)));
      let library = new AhoCorasick(patterns);
      const libraryCompileMs = measureMedian(runs, () => (library = new AhoCorasick(patterns)));
      let oursCount = 0;
      const oursMs = measureMedian(runs, () => {
        oursCount = 0;
        ours.scan(folded, () => oursCount++, readAsIs);
      });
      let libraryCount = 0;
      const libraryMs = measureMedian(runs, () => (libraryCount = library.count(folded)));
      rows.push([`${factor}× (${patterns.length})`, 'own DFA', formatRate(folded.length / 1e6, oursMs), oursCompileMs.toFixed(1), String(oursCount)]);
      rows.push([`${factor}× (${patterns.length})`, 'modern-ahocorasick', formatRate(folded.length / 1e6, libraryMs), libraryCompileMs.toFixed(1), String(libraryCount)]);
    }
    return {
      title: 'Automaton choice: raw scan of 0.25 MB folded text, every occurrence (no boundaries)',
      columns: ['patterns', 'automaton', 'scan MB/s', 'compile ms', 'occurrences'],
      rows,
    };
  },
};

/** Compile time of the real catalog: what the content script pays on each page. */
const compileSection: BenchSection = {
  name: 'compile',
  run({ entities, topics, runs }) {
    const rows = [1, 10].map((factor) => {
      const catalog = inflateCatalog(entities, factor);
      const ms = measureMedian(Math.max(runs, 5), () => compileMatcher(catalog, topics));
      return [`${factor}×`, String(allNames(catalog).length), ms.toFixed(2)];
    });
    return { title: 'compileMatcher time (median)', columns: ['catalog', 'aliases', 'ms'], rows };
  },
};

/** The report, in order. Other helpers append sections here (e.g. page annotation). */
export const benchSections: BenchSection[] = [
  compileSection, throughputSection, scriptsSection, automatonSection,
  // Cost on the page (DESIGN.md): browsers, so loaded only when asked for.
  { name: 'page', run: async (context) => (await import('../../tests/bench/page-bench')).pageSection.run(context) },
  { name: 'page-firefox', run: async (context) => (await import('../../tests/bench/firefox-bench')).firefoxSection.run(context) },
  { name: 'catalog-scale', run: async (context) => (await import('../../tests/bench/catalog-bench')).catalogSection.run(context) },
];

function formatTable(table: BenchTable): string {
  const widths = table.columns.map((column, i) => Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    `## ${table.title}`,
    line(table.columns),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...table.rows.map(line),
    ...(table.notes ?? []).map((note) => `> ${note}`),
    '',
  ].join('\n');
}

export async function run(args: string[]): Promise<number> {
  const quick = args.includes('--quick');
  const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
  const unknown = args.filter((arg) => arg !== '--quick' && !arg.startsWith('--only='));
  if (unknown.length > 0 || (only && only.some((name) => !benchSections.some((section) => section.name === name)))) {
    process.stderr.write(`bench: usage: bench [--quick] [--only=${benchSections.map((section) => section.name).join(',')}]\n`);
    return 2;
  }
  const loaded = await loadCheckedDataset();
  if ('error' in loaded) {
    process.stderr.write(`bench: ${loaded.error}\n`);
    return 2;
  }
  const { entities, topics } = loaded.dataset;
  const context: BenchContext = {
    dataset: loaded.dataset,
    entities,
    topics,
    sizes: quick ? [0.25] : [1, 16],
    runs: quick ? 3 : 5,
    quick,
    log: (line) => process.stderr.write(`${line}\n`),
  };
  process.stdout.write(`Node ${process.version}, ${quick ? 'quick run' : 'full run'}\n\n`);
  for (const section of benchSections) {
    if (only && !only.includes(section.name)) continue;
    process.stdout.write(`${formatTable(await section.run(context))}\n`);
  }
  return 0;
}
