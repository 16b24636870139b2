import { describe, expect, it } from 'vitest';
import type { Dataset, Entity, Finding } from '../../lib/dataset/types';
import { countryName, listCategoryChoices, summarizeDataset } from './dataset-summary';

const entity = (id: string, type: Entity['type'], country: string, parent: string | null = null): Entity =>
  ({ id, name: id.toUpperCase(), type, country, parent, aliases: [], products: [], domains: [], ambiguous: [] });
const finding = (id: string, vendor: string, customer: string | null, date: string, publishers: string[]): Finding => ({
  id, vendor, customer, kind: 'cloud', title: { en: '', fr: '' }, summary: { en: '', fr: '' }, date, status: 'reported', reviewed: '2026-01-01',
  sources: publishers.map((publisher) => ({ publisher, publisherId: publisher.toLowerCase(), title: 'Headline', url: 'https://example.org', date, lang: 'en', verified: 'x' })),
});

const dataset: Dataset = {
  version: 'v7',
  topics: [],
  publishers: [],
  entities: [entity('microsoft', 'vendor', 'US'), entity('github', 'vendor', 'US', 'microsoft'), entity('google', 'vendor', 'US'),
    entity('idf', 'military', 'IL'), entity('dod', 'military', 'US')],
  findings: [
    finding('a', 'github', 'idf', '2024-05', ['AP', 'The Guardian']),
    finding('b', 'microsoft', 'dod', '2025-01-02', ['AP']),
    finding('c', 'google', null, '2025', ['+972 Magazine']),
  ],
};

describe('summarizeDataset', () => {
  const summary = summarizeDataset(dataset);
  it.each([
    ['version', summary.version, 'v7'],
    ['findings', summary.findings, 3],
    ['top-level companies', summary.companies, 2],
    ['militaries', summary.militaries, 2],
    ['newest finding', summary.newest, '2025-01-02'],
    ['publishers, most cited first', summary.publishers.map((p) => [p.label, p.count]), [['AP', 2], ['+972 Magazine', 1], ['The Guardian', 1]]],
    ['vendors roll subsidiaries up', summary.vendors.map((v) => [v.value, v.count]), [['google', 1], ['microsoft', 2]]],
    ['customers', summary.customers.map((c) => c.value), ['dod', 'idf']],
  ])('%s', (_name, actual, expected) => expect(actual).toEqual(expected));
});

describe('listCategoryChoices', () => {
  const label = { kind: (kind: string) => `kind ${kind}`, status: (status: string) => `status ${status}` };

  it('counts kinds and statuses in their order, every one listed', () => {
    const { kinds, statuses } = listCategoryChoices(dataset, 'en', label);
    expect(kinds.find((k) => k.value === 'cloud')).toEqual({ value: 'cloud', label: 'kind cloud', count: 3 });
    expect(kinds.filter((k) => k.value !== 'cloud').every((k) => k.count === 0)).toBe(true);
    expect(statuses.find((s) => s.value === 'reported')?.count).toBe(3);
  });

  it('counts the customers\' countries (not a finding without a customer), named and sorted in the reader\'s language', () => {
    expect(listCategoryChoices(dataset, 'en', label).countries).toEqual([
      { value: 'IL', label: 'Israel', count: 1 },
      { value: 'US', label: 'United States', count: 1 },
    ]);
    expect(listCategoryChoices(dataset, 'fr', label).countries.map((c) => c.label)).toEqual(['États-Unis', 'Israël']);
  });

  it('keeps a code that is not a region as it is', () => {
    expect(countryName('NATO', 'en')).toBe('NATO');
  });
});
