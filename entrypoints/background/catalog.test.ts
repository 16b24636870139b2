import { describe, expect, it } from 'vitest';
import { sampleDataset } from '../../lib/present/test-data';
import { defaultSettings, type Settings } from '../../lib/settings';
import { startTab, withMentions } from '../../lib/tab-state';
import { withStoryTerms } from '../../lib/tab-state';
import { buildCatalog, describeReports, describeTab, describeVendor } from './catalog';

const mentions = (vendor: string, aliases: Record<string, number>) => ({
  vendor, count: Object.values(aliases).reduce((a, b) => a + b, 0), aliases,
});
const withFilters = (filters: Partial<Settings['filters']>): Settings => ({
  ...defaultSettings, filters: { ...defaultSettings.filters, ...filters },
});

describe('describeTab', () => {
  const github = { vendor: 'microsoft', entity: 'github', domain: 'github.com' };
  it.each([
    [
      'the site owner first, then the most mentioned',
      defaultSettings,
      withMentions(startTab('https://github.com/x', false, github), [mentions('palantir', { Palantir: 4 }), mentions('google', { Google: 1 })]),
      ['microsoft:2/2', 'palantir:2/2', 'google:3/3'],
    ],
    [
      'companies without findings are not listed',
      defaultSettings,
      withMentions(startTab('https://x.org', false, null), [mentions('nofindings', { 'Quiet Corp': 9 })]),
      [],
    ],
    [
      'filters narrow the findings; a company with none left is not listed (issue 7)',
      withFilters({ statuses: ['confirmed'] }),
      withMentions(startTab('https://x.org', false, null), [mentions('palantir', { Palantir: 1 }), mentions('google', { Google: 2 })]),
      ['palantir:1/2'],
    ],
  ])('%s', (_name, settings, record, expected) => {
    const catalog = buildCatalog(settings, sampleDataset);
    expect(describeTab(catalog, record).map((v) => `${v.vendor.id}:${v.findings.length}/${v.totalFindings}`)).toEqual(expected);
  });
});

describe('describeVendor', () => {
  it('ranks findings about a product named on the page first', () => {
    const catalog = buildCatalog(defaultSettings, sampleDataset);
    const plain = describeVendor(catalog, 'google', null).findings.map((f) => f.id);
    const nimbus = describeVendor(catalog, 'google', mentions('google', { Nimbus: 2 })).findings.map((f) => f.id);
    expect(plain).toEqual(['google-jwcc', 'google-nimbus', 'google-dod']);
    expect(nimbus).toEqual(['google-nimbus', 'google-jwcc', 'google-dod']);
  });

  it('answers an unknown vendor with nothing', () => {
    const catalog = buildCatalog(defaultSettings, sampleDataset);
    expect(describeVendor(catalog, 'nobody', null)).toEqual({ vendor: null, findings: [], totalFindings: 0, reports: [] });
  });
});

describe('describeReports', () => {
  it('lists the findings citing the tab address (any variant) that pass the filters, whatever company', () => {
    const catalog = buildCatalog(withFilters({ statuses: ['confirmed'] }), sampleDataset);
    const record = startTab('http://www.example.org/a/?utm_source=feed', false, null);
    expect(describeReports(catalog, record).map((report) => `${report.why}:${report.finding.id}`)).toEqual(['cited:palantir-idf']);
  });

  it('tells a story only for the companies matched on the tab, and the tooltip gets its own company’s', () => {
    const catalog = buildCatalog(defaultSettings, sampleDataset);
    const found = ['p:unit 8200', 'c:israel-defense-forces', 'p:azure'];
    const unmatched = withStoryTerms(startTab('https://news.example/x', false, null), found);
    expect(describeReports(catalog, unmatched)).toEqual([]);
    const matched = withStoryTerms(withMentions(startTab('https://news.example/x', false, null), [mentions('microsoft', { Azure: 2 })]), found);
    const [report] = describeReports(catalog, matched);
    expect(report?.finding.id).toBe('ms-azure-8200');
    expect(report?.terms.map((term) => term.en)).toEqual(['Unit 8200', 'Azure', 'Israel Defense Forces']);
    expect(describeVendor(catalog, 'microsoft', null, matched).reports.map((r) => r.finding.id)).toEqual(['ms-azure-8200']);
    expect(describeVendor(catalog, 'google', null, matched).reports).toEqual([]);
  });
});
