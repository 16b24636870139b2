// Scores predicted companies against a labelled corpus, as sentence × company pairs: a pair is a
// true positive when the line expects the vendor and the prediction names it. Pure: no I/O.
import type { Corpus, CorpusKind, CorpusLang, CorpusLine } from './corpus';

export interface PairCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Figures extends PairCounts {
  /** tp / (tp + fp); 1 when nothing was predicted. */
  precision: number;
  /** tp / (tp + fn); 1 when nothing was expected. */
  recall: number;
  /** Lines counted. */
  lines: number;
}

export interface ScoredError {
  line: number;
  lang: CorpusLang;
  kind: CorpusKind;
  alias: string;
  expected: string[];
  predicted: string[];
  text: string;
}

export interface Score {
  overall: Figures;
  byLang: Record<CorpusLang, Figures>;
  byKind: Record<CorpusKind, Figures>;
  /** Per vendor of the universe that was expected or predicted at least once, sorted by id. */
  byVendor: Record<string, PairCounts>;
  /** Lines whose prediction differs from their label, in file order. */
  errors: ScoredError[];
}

/** The vendors a line's text is attributed to (top-level ids, any order, may include others). */
export type Predict = (text: string) => readonly string[];

function figures(counts: PairCounts, lines: number): Figures {
  const { tp, fp, fn } = counts;
  return { tp, fp, fn, lines, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

class Tally {
  counts: PairCounts = { tp: 0, fp: 0, fn: 0 };
  lines = 0;
  add(counts: PairCounts): void {
    this.counts.tp += counts.tp;
    this.counts.fp += counts.fp;
    this.counts.fn += counts.fn;
    this.lines += 1;
  }
  figures(): Figures {
    return figures(this.counts, this.lines);
  }
}

/** Scores each line's prediction; vendors outside `corpus.vendors` are ignored on both sides. */
export function scoreCorpus(corpus: Corpus, predict: Predict): Score {
  const universe = new Set(corpus.vendors);
  const overall = new Tally();
  const byLang = { en: new Tally(), fr: new Tally() };
  const byKind = { true: new Tally(), lookalike: new Tally() };
  const byVendor = new Map<string, PairCounts>();
  const errors: ScoredError[] = [];
  const vendorCounts = (vendor: string): PairCounts => {
    let counts = byVendor.get(vendor);
    if (!counts) byVendor.set(vendor, (counts = { tp: 0, fp: 0, fn: 0 }));
    return counts;
  };
  for (const line of corpus.lines) {
    const expected = new Set(line.expect.filter((vendor) => universe.has(vendor)));
    const predicted = new Set(predict(line.text).filter((vendor) => universe.has(vendor)));
    const counts: PairCounts = { tp: 0, fp: 0, fn: 0 };
    for (const vendor of predicted) {
      const key = expected.has(vendor) ? 'tp' : 'fp';
      counts[key] += 1;
      vendorCounts(vendor)[key] += 1;
    }
    for (const vendor of expected) {
      if (predicted.has(vendor)) continue;
      counts.fn += 1;
      vendorCounts(vendor).fn += 1;
    }
    overall.add(counts);
    byLang[line.lang].add(counts);
    byKind[line.kind].add(counts);
    if (counts.fp + counts.fn > 0) errors.push(describeError(line, [...expected].sort(), [...predicted].sort()));
  }
  return {
    overall: overall.figures(),
    byLang: { en: byLang.en.figures(), fr: byLang.fr.figures() },
    byKind: { true: byKind.true.figures(), lookalike: byKind.lookalike.figures() },
    byVendor: Object.fromEntries([...byVendor.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    errors,
  };
}

function describeError(line: CorpusLine, expected: string[], predicted: string[]): ScoredError {
  return { line: line.line, lang: line.lang, kind: line.kind, alias: line.alias, expected, predicted, text: line.text };
}
