// The real-text corpus (tests/fixtures/real-text/corpus.tsv): its shape, then the matcher's score on
// it with the bundled catalog, each line scanned as its own document as `scan --lines` does.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedDataset } from '../cli/scan';
import type { Dataset } from '../dataset/types';
import { parseCorpus } from './corpus';
import { scanPredictor } from './scan-predictor';
import { scoreCorpus } from './score';

const corpus = parseCorpus(readFileSync(new URL('../../tests/fixtures/real-text/corpus.tsv', import.meta.url), 'utf8'));
let dataset: Dataset;

beforeAll(async () => {
  const loaded = await loadCheckedDataset();
  if ('error' in loaded) throw new Error(loaded.error);
  dataset = loaded.dataset;
});

describe('real-text corpus: shape', () => {
  it('has at least 650 lines, 220 in French, half of them look-alikes', () => {
    expect(corpus.lines.length).toBeGreaterThanOrEqual(650);
    expect(corpus.lines.filter((line) => line.lang === 'fr').length).toBeGreaterThanOrEqual(220);
    expect(corpus.lines.filter((line) => line.kind === 'lookalike').length * 2).toBeGreaterThanOrEqual(corpus.lines.length);
  });

  it('gives every line an https source address', () => {
    expect(corpus.lines.filter((line) => !line.url.startsWith('https://')).map((line) => line.line)).toEqual([]);
  });

  it('lists only top-level catalog vendors in its universe, so every label is a known company', () => {
    const topLevel = dataset.entities.filter((entity) => entity.type === 'vendor' && entity.parent === null).map((entity) => entity.id);
    expect(corpus.vendors.filter((vendor) => !topLevel.includes(vendor))).toEqual([]);
  });

  it('holds each sentence once', () => {
    const texts = corpus.lines.map((line) => line.text);
    expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([]);
  });
});

describe('real-text corpus: the matcher names the right company, or none', () => {
  it('reaches precision ≥ 0.97 and recall ≥ 0.95 over sentence × company pairs', () => {
    const score = scoreCorpus(corpus, scanPredictor(dataset));
    const worst = score.errors.slice(0, 15).map((error) => `line ${error.line}: expected ${error.expected.join(',') || '-'}, got ${error.predicted.join(',') || '-'}: ${error.text}`);
    expect({ precision: score.overall.precision >= 0.97, recall: score.overall.recall >= 0.95, overall: score.overall, worst }).toMatchObject({
      precision: true,
      recall: true,
    });
  });
});
