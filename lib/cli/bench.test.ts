import { describe, expect, it } from 'vitest';
import { generateCorpus, inflateCatalog } from '../../tests/bench/corpus';
import { compileMatcher } from '../matcher/index';
import { testCatalog } from '../matcher/test-catalog';
import { benchSections, compileBaseline, measureMedian } from './bench';

describe('bench corpora', () => {
  it('are deterministic and about the requested size', () => {
    const first = generateCorpus(testCatalog, 20_000, 3);
    expect(generateCorpus(testCatalog, 20_000, 3)).toBe(first);
    expect(generateCorpus(testCatalog, 20_000, 4)).not.toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(20_000);
    expect(first.length).toBeLessThan(20_100);
  });

  it('inflated catalogs hold ten times the vendor names, none found in the corpus', () => {
    const names = (entities: typeof testCatalog): number =>
      entities.filter((entity) => entity.type === 'vendor').reduce((sum, entity) => sum + entity.aliases.length + entity.products.length, 0);
    const inflated = inflateCatalog(testCatalog, 10);
    expect(names(inflated)).toBe(names(testCatalog) * 10);
    const text = generateCorpus(testCatalog, 50_000);
    const synthetic = compileMatcher(inflated, []).matchText(text).filter((mention) => mention.vendor.startsWith('synthetic-'));
    expect(synthetic).toEqual([]);
  });
});

describe('bench helpers', () => {
  it('the baseline matches whole aliases case-insensitively with Unicode boundaries', () => {
    const baseline = compileBaseline(testCatalog);
    expect('Amazonian AMAZON Web Services, amazon.com and Google'.match(baseline)).toEqual(['AMAZON Web Services', 'amazon.com', 'Google']);
  });

  it('measureMedian takes the median of the timed runs', () => {
    const delays = [0, 30, 1, 20];
    let call = 0;
    const median = measureMedian(3, () => {
      const until = performance.now() + (delays[call++] ?? 0);
      while (performance.now() < until);
    });
    expect(median).toBeGreaterThanOrEqual(19);
    expect(median).toBeLessThan(30);
  });

  it('sections have unique names', () => {
    const names = benchSections.map((section) => section.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
