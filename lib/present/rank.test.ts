import { describe, expect, it } from 'vitest';
import { orderSources, rankFindings, rankVendors } from './rank';
import { makeFinding } from './test-data';

describe('rankFindings', () => {
  const older = makeFinding({ id: 'older', vendor: 'v', date: '2019-05-01' });
  const newer = makeFinding({ id: 'newer', vendor: 'v', date: '2024-02' });
  const yearOnly = makeFinding({ id: 'year-only', vendor: 'v', date: '2024' });
  const azure = makeFinding({ id: 'azure', vendor: 'v', date: '2010', products: ['Azure'] });
  const denied = makeFinding({ id: 'b-denied', vendor: 'v', date: '2023', status: 'denied' });
  const confirmed = makeFinding({ id: 'a-confirmed', vendor: 'v', date: '2023', status: 'confirmed' });
  const big = makeFinding({ id: 'z-big', vendor: 'v', date: '2023', status: 'confirmed', amount: { value: 9e9, currency: 'USD' } });

  it.each([
    ['most recent first', [older, newer], [], ['newer', 'older']],
    ['a bare year counts as its end', [newer, yearOnly], [], ['year-only', 'newer']],
    ['a product named on the page first', [newer, azure], ['azure'], ['azure', 'newer']],
    ['without the mention, date decides', [azure, newer], [], ['newer', 'azure']],
    ['status breaks date ties', [denied, confirmed], [], ['a-confirmed', 'b-denied']],
    ['amount breaks status ties', [confirmed, big], [], ['z-big', 'a-confirmed']],
  ])('%s', (_name, findings, aliases, expected) => {
    expect(rankFindings(findings, aliases).map((f) => f.id)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const input = [older, newer];
    rankFindings(input);
    expect(input.map((f) => f.id)).toEqual(['older', 'newer']);
  });
});

describe('orderSources', () => {
  const source = (publisher: string, date: string, original = false) => ({
    publisher, publisherId: publisher.toLowerCase(), title: 'Headline', date, original, url: 'https://example.org', lang: 'en', verified: 'read',
  });
  it.each([
    ['original first', [source('Later', '2024-01-02'), source('First', '2024-01-05', true)], ['First', 'Later']],
    ['then oldest first', [source('B', '2024-03'), source('A', '2024-01')], ['A', 'B']],
    ['same date: by publisher', [source('Beta', '2020'), source('Alpha', '2020')], ['Alpha', 'Beta']],
  ])('%s', (_name, sources, expected) => {
    expect(orderSources(sources).map((s) => s.publisher)).toEqual(expected);
  });
});

describe('rankVendors', () => {
  const vendor = (id: string, ownsSite: boolean, mentionCount: number, findingCount: number) => ({
    id, name: id, ownsSite, mentionCount, findingCount,
  });
  it.each([
    ['the site owner first', [vendor('a', false, 9, 9), vendor('b', true, 0, 1)], ['b', 'a']],
    ['then most mentioned', [vendor('a', false, 1, 9), vendor('b', false, 5, 1)], ['b', 'a']],
    ['then most findings', [vendor('a', false, 1, 1), vendor('b', false, 1, 3)], ['b', 'a']],
    ['then by name', [vendor('b', false, 1, 1), vendor('a', false, 1, 1)], ['a', 'b']],
  ])('%s', (_name, vendors, expected) => {
    expect(rankVendors(vendors).map((v) => v.id)).toEqual(expected);
  });
});
