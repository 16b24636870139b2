import { describe, expect, it } from 'vitest';
import type { Corpus, CorpusLine } from './corpus';
import { scoreCorpus } from './score';

function line(number: number, lang: 'en' | 'fr', kind: 'true' | 'lookalike', expect: string[], text: string): CorpusLine {
  return { line: number, lang, kind, expect, alias: 'x', url: 'https://example.org/', text };
}

const corpus: Corpus = {
  vendors: ['amazon', 'dell', 'microsoft'],
  lines: [
    line(10, 'en', 'true', ['microsoft'], 'hit'),
    line(11, 'en', 'lookalike', [], 'false alarm'),
    line(12, 'fr', 'true', ['amazon', 'dell'], 'half'),
    line(13, 'fr', 'lookalike', [], 'quiet'),
    line(14, 'en', 'lookalike', ['amazon'], 'outside the universe'),
  ],
};

const predictions: Record<string, string[]> = {
  hit: ['microsoft'],
  'false alarm': ['dell'],
  half: ['amazon', 'microsoft'],
  quiet: [],
  'outside the universe': ['amazon', 'apple-added-later'],
};

describe('scoreCorpus', () => {
  const score = scoreCorpus(corpus, (text) => predictions[text] ?? []);

  it('counts sentence × company pairs overall', () => {
    expect(score.overall).toEqual({ tp: 3, fp: 2, fn: 1, lines: 5, precision: 3 / 5, recall: 3 / 4 });
  });

  it('splits by language and by kind', () => {
    expect(score.byLang.en).toMatchObject({ tp: 2, fp: 1, fn: 0, lines: 3 });
    expect(score.byLang.fr).toMatchObject({ tp: 1, fp: 1, fn: 1, lines: 2, precision: 0.5, recall: 0.5 });
    expect(score.byKind.true).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(score.byKind.lookalike).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });

  it('counts per vendor and ignores vendors outside the universe', () => {
    expect(score.byVendor).toEqual({
      amazon: { tp: 2, fp: 0, fn: 0 },
      dell: { tp: 0, fp: 1, fn: 1 },
      microsoft: { tp: 1, fp: 1, fn: 0 },
    });
    expect(Object.keys(score.byVendor)).toEqual(['amazon', 'dell', 'microsoft']);
  });

  it('lists the lines whose prediction differs from the label', () => {
    expect(score.errors).toEqual([
      { line: 11, lang: 'en', kind: 'lookalike', alias: 'x', expected: [], predicted: ['dell'], text: 'false alarm' },
      { line: 12, lang: 'fr', kind: 'true', alias: 'x', expected: ['amazon', 'dell'], predicted: ['amazon', 'microsoft'], text: 'half' },
    ]);
  });

  it('reads an empty prediction set as perfect precision, an empty label set as perfect recall', () => {
    const empty = scoreCorpus({ vendors: ['dell'], lines: [line(3, 'en', 'lookalike', [], 'quiet')] }, () => []);
    expect(empty.overall).toEqual({ tp: 0, fp: 0, fn: 0, lines: 1, precision: 1, recall: 1 });
    expect(empty.errors).toEqual([]);
  });
});
