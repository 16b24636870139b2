import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset/types';
import { makeFinding, sampleDataset } from '../present/test-data';
import { defaultSettings, type Filters } from '../settings';
import { buildCustomerView, buildExploreIndex, buildVendorView, selectFindings, sortFindings } from './view-model';

const dataset: Dataset = {
  ...sampleDataset,
  findings: [
    ...sampleDataset.findings,
    makeFinding({ id: 'ms-gbp', vendor: 'microsoft', date: '2023-05', amount: { value: 5, currency: 'GBP' }, kind: 'ai' }),
    makeFinding({ id: 'ms-usd-big', vendor: 'microsoft', date: '2022', amount: { value: 900, currency: 'USD', ceiling: true } }),
    makeFinding({ id: 'ms-usd-small', vendor: 'microsoft', date: '2021', amount: { value: 10, currency: 'USD' } }),
  ],
};
const index = buildExploreIndex(dataset);
const all = defaultSettings.filters;
const only = (patch: Partial<Filters>): Filters => ({ ...all, ...patch });
const ids = (findings: { id: string }[]) => findings.map((finding) => finding.id);

describe('selectFindings', () => {
  it('lists every finding when nothing narrows it', () => {
    expect(selectFindings(index, all, '', 'date-desc')).toHaveLength(dataset.findings.length);
  });

  it('applies the reader’s filters and the search together', () => {
    expect(ids(selectFindings(index, only({ vendors: ['microsoft'] }), '', 'date-asc'))).toEqual(['gh-ice', 'ms-usd-small', 'ms-usd-big', 'ms-gbp', 'ms-azure-8200']);
    expect(ids(selectFindings(index, only({ vendors: ['microsoft'] }), 'pentagon', 'date-asc'))).toEqual(['gh-ice']);
    expect(selectFindings(index, only({ statuses: ['denied'] }), '', 'date-asc')).toEqual([]);
  });
});

describe('sortFindings', () => {
  const name = (finding: { vendor: string }) => index.entities.get(index.topOf(finding.vendor))?.name ?? '';
  it('puts the newest first, a bare year counting as its end', () => {
    expect(ids(sortFindings(dataset.findings, 'date-desc', name)).slice(0, 3)).toEqual(['ms-azure-8200', 'palantir-idf', 'ms-gbp']);
  });
  it('sorts amounts within their currency, largest first, and those without one last', () => {
    expect(ids(sortFindings(dataset.findings, 'amount', name)).slice(0, 3)).toEqual(['ms-gbp', 'ms-usd-big', 'ms-usd-small']);
  });
  it('sorts by top-level company name, subsidiaries with their parent', () => {
    const sorted = sortFindings(dataset.findings, 'company', name).map(name);
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));
    expect(sorted.indexOf('Amazon')).toBe(0);
  });
});

describe('buildVendorView', () => {
  it('gathers a company with its subsidiaries, products and customers', () => {
    const view = buildVendorView(index, 'microsoft', all, 'fr')!;
    expect(view.subsidiaries.map((entity) => entity.id)).toEqual(['github']);
    expect(view.products).toEqual(['Azure']);
    expect(ids(view.findings)).toEqual(['gh-ice', 'ms-usd-small', 'ms-usd-big', 'ms-gbp', 'ms-azure-8200']);
    expect(view.customers.map((c) => [c.id, c.name, c.count])).toEqual([
      ['israel-defense-forces', 'Tsahal', 4],
      ['us-department-of-defense', 'Département de la Défense', 1],
    ]);
    expect(view.customers[0]!.kinds).toEqual(['ai', 'cloud']);
    expect(view.customers[0]!.years).toEqual(['2021', '2025']);
  });

  it('counts what the filters hide', () => {
    const view = buildVendorView(index, 'microsoft', only({ kinds: ['ai'] }), 'en')!;
    expect(ids(view.findings)).toEqual(['ms-gbp']);
    expect(view.total).toBe(5);
  });

  it('refuses an unknown id or a military', () => {
    expect(buildVendorView(index, 'nobody', all, 'en')).toBeNull();
    expect(buildVendorView(index, 'israel-defense-forces', all, 'en')).toBeNull();
  });
});

describe('buildCustomerView', () => {
  it('lists the companies that supply a customer, top-level, most findings first', () => {
    const view = buildCustomerView(index, 'us-department-of-defense', all, 'en')!;
    expect(view.vendors.map((v) => [v.id, v.count])).toEqual([['google', 1], ['microsoft', 1]]);
    expect(ids(view.findings)).toEqual(['google-dod', 'gh-ice']);
    expect(buildCustomerView(index, 'us-department-of-defense', only({ vendors: ['google'] }), 'en')!.vendors.map((v) => v.id)).toEqual(['google']);
  });
});
