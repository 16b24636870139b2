import { describe, expect, it } from 'vitest';
import { generateCorpus, inflateCatalog } from '../../tests/bench/corpus';
import { compileMatcher } from '../matcher/index';
import { testCatalog } from '../matcher/test-catalog';
import { benchSections, compileBaseline, measureMedian, measureMedians } from './bench';

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

  it('measureMedian warms up until enough work is done, then takes the median of the timed runs', () => {
    // A clock that each call moves on by its delay: two warm-up calls (100 + 200 ms pass 250 ms), then 30, 1 and 20 ms.
    const delays = [100, 200, 30, 1, 20];
    let clock = 0;
    let call = 0;
    const median = measureMedian(3, () => {
      clock += delays[call++] ?? 0;
    }, () => clock);
    expect(median).toBe(20);
    expect(call).toBe(5);
  });

  it('measureMedian warms a fast task up ten times at most', () => {
    let clock = 0;
    let call = 0;
    const median = measureMedian(3, () => {
      call++;
      clock += 1;
    }, () => clock);
    expect(median).toBe(1);
    expect(call).toBe(13);
  });

  it('measureMedians times the tasks in turn, each round starting with the next one', () => {
    let clock = 0;
    const calls: string[] = [];
    // Warm-ups: 10 calls of 1 ms each; then task a takes 5 ms, b 7 ms, and the order rotates.
    const task = (name: string, ms: number) => () => {
      calls.push(name);
      clock += calls.length <= 20 ? 1 : ms;
    };
    const medians = measureMedians(3, [task('a', 5), task('b', 7)], () => clock);
    expect(medians).toEqual([5, 7]);
    expect(calls.slice(20)).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
  });

  it('sections have unique names', () => {
    const names = benchSections.map((section) => section.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
